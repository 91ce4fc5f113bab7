"""Realistic generated staffing data for demonstrations and benchmarks.

A county gets its unit tree (党委/政府部门, 乡镇, schools, hospitals), quota
and leader-post lines, people with valid ID cards (the county's region
code, the right sex digit and birth date), postings that mostly fit the
quotas with some 空编 and a few approved 超编 overrides, closed postings
(退休, 调出, 辞职, and transfers), hiring plans, a pool ledger and school
pupils. A city gets several counties' worth, each with its county's
office code, as if their bundles had arrived. Rows go in with
op.bulk_insert in one operation: fast, logged, and all or nothing.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from bzdesk.changes import Outcome
from bzdesk.errors import Cancelled, ValidationError
from bzdesk.models import LocalSite, Office
from bzdesk.models.base import new_id
from bzdesk.models.staffing import (
    HiringPlan,
    LeaderPost,
    Person,
    PoolMove,
    Posting,
    QuotaLine,
    SchoolPupils,
    Unit,
)
from bzdesk.roles import Actor, Can, require
from bzdesk.services.staffing._common import add_months
from bzdesk.services.staffing.catalog import default_category_id, seed_dictionaries
from bzdesk.services.staffing.demo_data import COUNTIES, COUNTY_UNITS, TOWNS
from bzdesk.services.staffing.demo_people import PeopleMaker, leader_title, staff_title
from bzdesk.services.staffing.retirement import statutory_retirement
from bzdesk.uow import WriteOp, write_op
from bzdesk.validation import uscc_check_char
from bzdesk.validation.uscc import USCC_CHARSET

Progress = Callable[[int, int, str], None]
Key = tuple[str, str]  # (unit_id, category code)
OVERRIDE_REASON = "因工作急需，经县编委会研究同意先行超编进人，逐步消化。"
_PUPILS_PER_POST = {"高中": 12.5, "初中": 13.5, "小学": 19.0}


@dataclass(frozen=True)
class DemoSummary:
    offices: tuple[str, ...]
    units: int
    people: int
    open_postings: int
    closed_postings: int
    overrides: int
    approved: dict[str, int]  # category id → 核定 today (quota lines + loans)
    filled: dict[str, int]  # category id → open postings
    in_transit: dict[str, int]  # category id → approved, unfilled plan places


class _County:
    """Builds one county's rows as dicts (nothing touches the session here)."""

    def __init__(self, rng: random.Random, code: str, name: str, people: int,
                 today: date) -> None:
        self.rng, self.code, self.name, self.today = rng, code, name, today
        self.target = people
        self.rows: dict[type, list[dict[str, Any]]] = {m: [] for m in (
            Unit, QuotaLine, LeaderPost, Person, HiringPlan, Posting, PoolMove, SchoolPupils)}
        self.units: dict[str, dict[str, Any]] = {}  # unit id → row
        self.weights: dict[Key, float] = {}
        self.approved: dict[Key, int] = {}
        self.filled: dict[Key, int] = {}
        self.loans: dict[Key, int] = {}
        self.transit: dict[Key, int] = {}
        self.schools: dict[str, tuple[str, ...]] = {}
        self.leaders: dict[str, tuple[int, int]] = {}
        self.overrides = 0
        self.donor: Key | None = None
        self.maker = PeopleMaker(rng, code, today)

    def add(self, model: type, **row: Any) -> dict[str, Any]:
        row.setdefault("id", new_id())
        row["office_id"] = self.code
        self.rows[model].append(row)
        return row

    # -- units, quotas, leader posts ---------------------------------------
    def _uscc(self, kind: str) -> str:
        # 1 = 机构编制 registration; 1 机关 / 2 事业单位; then the region code.
        head = ("11" if kind != "事业单位" else "12") + self.code
        body = head + "".join(self.rng.choice(USCC_CHARSET[:10]) for _ in range(17 - len(head)))
        return body + uscc_check_char(body)

    def build_units(self) -> None:
        towns = TOWNS[:max(2, min(len(TOWNS), self.target // 1200))]
        by_name: dict[str, str] = {}
        order = 0
        for template in COUNTY_UNITS:
            for town in (towns if template.per_town else ("",)):
                name = template.pattern.format(c=self.name, t=town)
                parent = (by_name.get(template.parent.format(c=self.name, t=town))
                          if template.parent else None)
                order += 10
                row = self.add(Unit, name=name, short_name="", uscc=self._uscc(template.kind),
                               parent_id=parent, kind=template.kind, rank=template.rank,
                               shiye_class=template.shiye_class, funding=template.funding,
                               approval_doc=f"{self.name[:2]}编发〔2019〕{order // 10}号",
                               approval_date=date(2019, 3, 1), status="正常",
                               merged_into_id=None, closed_on=None, close_doc="",
                               freeze_in=False, sort_order=order, deleted=False)
                by_name[name] = row["id"]
                self.units[row["id"]] = row
                self.leaders[row["id"]] = template.leaders
                if template.stages:
                    self.schools[row["id"]] = template.stages
                for part in template.posts.split(","):
                    code, weight = part.split(":")
                    self.weights[(row["id"], code)] = float(weight)

    def build_quotas(self, open_target: int) -> None:
        scale = open_target * 1.04 / sum(self.weights.values())
        while True:  # small counties: every line has at least one post, so grow until it fits
            self.approved = {k: max(1, round(w * scale)) for k, w in self.weights.items()}
            if sum(self.approved.values()) >= open_target * 1.02:
                break
            scale *= 1.1
        # The future pool donor keeps 3 posts nobody fills (a shrinking unit).
        self.donor = next((k for k in self.approved if k[1] == "SY" and k[0] not in self.schools),
                          None)
        if self.donor is not None:
            self.approved[self.donor] += 3
        for (unit_id, code), n in self.approved.items():
            self._quota_line(unit_id, code, n, date(2019, 3, 1), "2019")
        for unit_id, (chief, deputy) in self.leaders.items():
            self.add(LeaderPost, unit_id=unit_id, chief=chief, deputy=deputy,
                     doc=f"{self.name[:2]}编发〔2019〕8号", effective_on=date(2019, 3, 1),
                     deleted=False)

    def _quota_line(self, unit_id: str, code: str, n: int, on: date, year: str) -> None:
        self.add(QuotaLine, unit_id=unit_id, category_id=default_category_id(code), approved=n,
                 doc=f"{self.name[:2]}编发〔{year}〕{self.rng.randint(1, 60)}号",
                 effective_on=on, deleted=False)

    # -- people and postings -------------------------------------------------
    def _posting(self, person: dict[str, Any], key: Key, start: date, precision: str,
                 **extra: Any) -> dict[str, Any]:
        unit_id, code = key
        row: dict[str, Any] = {
            "person_id": person["id"], "unit_id": unit_id,
            "category_id": default_category_id(code),
            "position": staff_title(self.units[unit_id]["name"], code, self.rng),
            "is_leader": False, "leader_kind": None, "start_route": self.maker.start_route(code),
            "start_on": start, "start_precision": precision,
            "start_doc": f"控编〔{start.year}〕{self.rng.randint(1, 300)}号", "end_route": None,
            "end_on": None, "end_precision": None, "end_doc": "", "override_reason": None,
            "plan_id": None, "deleted": False,
        }
        row.update(extra)
        return self.add(Posting, **row)

    def build_people(self, open_target: int, closed_target: int) -> None:
        slots = [k for k, n in self.approved.items() for _ in range(n - 3 * (k == self.donor))]
        self.rng.shuffle(slots)
        reserve = max(1, open_target // 3000)
        taken = slots[:open_target - reserve]
        for key in taken:
            self.filled[key] = self.filled.get(key, 0) + 1
        full = [k for k in self.approved if self.filled.get(k, 0) == self.approved[k]]
        extra = self.rng.sample(full, min(reserve, len(full)))
        self.overrides = len(extra)
        by_unit: dict[str, list[dict[str, Any]]] = {}
        for i, key in enumerate(taken + extra):
            person = self.add(Person, **self.maker.person(in_post=True))
            start, precision = self.maker.start(person)
            if i % 33 == 0 and start < self.today - timedelta(days=800):
                start = self._transferred_in(person, key, start)
                precision = "day"
            override = OVERRIDE_REASON if i >= len(taken) else None
            if override is not None:  # overrides are recent decisions
                start = max(start, self.today - timedelta(days=self.rng.randint(30, 700)))
            posting = self._posting(person, key, start, precision, override_reason=override)
            by_unit.setdefault(key[0], []).append(posting)
        for key in extra:
            self.filled[key] += 1
        self._assign_leaders(by_unit)
        for _ in range(closed_target):
            self._closed_person()

    def _transferred_in(self, person: dict[str, Any], key: Key, start: date) -> date:
        """An earlier posting in another unit that ended (调出) the day this began."""
        moved = start + timedelta(days=self.rng.randint(300, 700))
        other = self.rng.choice([k for k in self.approved if k[0] != key[0]])
        self._posting(person, other, start, "day", end_route="调出", end_on=moved,
                      end_precision="day", end_doc=f"{self.name[:2]}组干〔{moved.year}〕3号")
        return moved

    def _assign_leaders(self, by_unit: dict[str, list[dict[str, Any]]]) -> None:
        first_over = True
        for unit_id, postings in by_unit.items():
            chief, deputy = self.leaders[unit_id]
            if first_over and len(postings) > chief + deputy + 2:
                deputy += 1  # one unit with a deputy too many: a 超职数 finding
                first_over = False
            for i, posting in enumerate(postings[:chief + deputy]):
                kind = "正" if i < chief else "副"
                posting.update(is_leader=True, leader_kind=kind,
                               position=leader_title(self.units[unit_id]["name"], kind))

    def _closed_person(self) -> None:
        key = self.rng.choice(list(self.approved))
        route = self.rng.choices(("退休", "调出", "辞职", "死亡"), (70, 20, 8, 2))[0]
        person = self.add(Person, **self.maker.person(in_post=False, retired=route == "退休"))
        start, precision = self.maker.start(person)
        if route == "退休":
            end = statutory_retirement(person["birth_date"], person["sex"]).on
        else:
            end = start + timedelta(days=self.rng.randint(400, max(401, (
                self.today - start).days - 1)))
        end = min(max(end, start + timedelta(days=1)), self.today - timedelta(days=1))
        self._posting(person, key, start, precision, end_route=route, end_on=end,
                      end_precision="day", end_doc=f"{self.name[:2]}人社〔{end.year}〕5号")

    # -- plans, pool, pupils ---------------------------------------------------
    def vacancy(self, key: Key) -> int:
        return (self.approved[key] + self.loans.get(key, 0) - self.filled.get(key, 0)
                - self.transit.get(key, 0))

    def build_flows(self, applicant: str) -> None:
        open_keys = sorted((k for k in self.approved if self.vacancy(k) >= 2 and k != self.donor),
                           key=lambda k: (-self.vacancy(k), k))
        decided = self.today - timedelta(days=60)
        for n, key in enumerate(open_keys[:3]):
            status = ("已批准", "待审核", "已驳回")[n]
            count = min(2, self.vacancy(key)) if status == "已批准" else 1
            self.add(HiringPlan, unit_id=key[0], category_id=default_category_id(key[1]),
                     count=count, reason="因人员退休，申请补充工作人员", status=status,
                     applied_on=decided - timedelta(days=20), applied_by=applicant,
                     decided_by=None if status == "待审核" else applicant,
                     decided_on=None if status == "待审核" else decided,
                     decision_note="同意" if status == "已批准" else (
                         "空编已列入周转池" if status == "已驳回" else ""),
                     valid_until=add_months(decided, 12) if status == "已批准" else None,
                     filled=0, deleted=False)
            if status == "已批准":
                self.transit[key] = count
        self._pool()
        for unit_id, stages in self.schools.items():
            posts = self.approved.get((unit_id, "SY"), 0) + self.loans.get((unit_id, "SY"), 0)
            for stage in stages:
                pupils = posts / len(stages) * _PUPILS_PER_POST[stage]
                self.add(SchoolPupils, unit_id=unit_id, year=self.today.year, stage=stage,
                         pupils=max(30, round(pupils * self.rng.uniform(0.8, 1.2))),
                         area=self.rng.choice(("县镇", "农村", "城市")), deleted=False)

    def _pool(self) -> None:
        """收回 3 事业编制 from the donor, lend 1 (overdue) and 2 (1 returned) to schools."""
        schools = [(u, "SY") for u in self.schools if (u, "SY") in self.approved]
        if self.donor is None or len(schools) < 2:
            return
        donor, sy = self.donor, default_category_id("SY")
        on = self.today - timedelta(days=400)
        self.add(PoolMove, category_id=sy, kind="收回", unit_id=donor[0], count=3,
                 doc=f"{self.name[:2]}编发〔{on.year}〕21号", moved_on=on, due_on=None,
                 loan_id=None, note="", deleted=False)
        self.approved[donor] -= 3
        self._quota_line(donor[0], "SY", self.approved[donor], on, str(on.year))
        lent_on = on + timedelta(days=30)
        for school, count, due in ((schools[0], 1, self.today - timedelta(days=30)),
                                   (schools[1], 2, self.today + timedelta(days=300))):
            loan = self.add(PoolMove, category_id=sy, kind="借出", unit_id=school[0],
                            count=count, doc=f"{self.name[:2]}编发〔{lent_on.year}〕25号",
                            moved_on=lent_on, due_on=due, loan_id=None, note="", deleted=False)
            self.loans[school] = self.loans.get(school, 0) + count
        back = lent_on + timedelta(days=100)  # part of the second loan comes back
        self.add(PoolMove, category_id=sy, kind="归还", unit_id=schools[1][0], count=1,
                 doc=f"{self.name[:2]}编发〔{back.year}〕30号", moved_on=back, due_on=None,
                 loan_id=loan["id"], note="", deleted=False)
        self.loans[schools[1]] -= 1


def _counties(session: Session, people: int) -> list[tuple[str, str, int]]:
    """(office code, county name, people) for this office: itself, or a city's counties."""
    site = session.scalars(select(LocalSite)).one()
    office = session.get(Office, site.office_id)
    if office is None:
        raise ValidationError.single("单位", site.office_id, "本机的单位信息缺失。", "not_found")
    if office.level == "county":
        name = office.name.split("委机构编制")[0].removeprefix("中共") or "示范县"
        return [(office.id, name if name.endswith(("县", "区", "市")) else "示范县", people)]
    n = max(2, min(len(COUNTIES), people // 20_000 + 1))
    return [(f"{office.id[:4]}{21 + i:02d}", COUNTIES[i],
             people // n + (1 if i < people % n else 0)) for i in range(n)]


def _write(op: WriteOp, county: _County) -> None:
    for model, rows in county.rows.items():
        op.bulk_insert(model, rows)


def generate_staffing(session: Session, actor: Actor, *, people: int, seed: int,
                      progress: Progress | None = None,
                      cancelled: Callable[[], bool] | None = None) -> Outcome[DemoSummary]:
    """Fill an empty database with ``people`` generated people (reproducible by ``seed``)."""
    require(actor, Can.WRITE)
    if not 20 <= people <= 2_000_000:
        raise ValidationError.single("人数", people, "演示人数应在 20 到 2000000 之间。",
                                     "bad_number")
    if session.scalar(select(exists().where(Unit.deleted.is_(False)))):
        raise ValidationError.single("机构", "", "库中已有机构数据，演示数据只能生成在空库中。",
                                     "not_empty")
    rng = random.Random(seed)
    today = date.today()
    plan = _counties(session, people)
    steps, done = len(plan) * 2, 0
    totals: dict[str, dict[str, int]] = {"approved": {}, "filled": {}, "in_transit": {}}
    counts = {"units": 0, "people": 0, "open": 0, "closed": 0, "overrides": 0}
    with write_op(session, actor, "生成演示数据", target=f"{people} 人") as op:
        seed_dictionaries(session)
        for code, name, share in plan:
            if cancelled is not None and cancelled():
                raise Cancelled("已取消，没有生成任何演示数据。")
            county = _County(rng, code, name, share, today)
            closed = max(1, share // 12)
            county.build_units()
            county.build_quotas(share - closed)
            county.build_people(share - closed, closed)
            county.build_flows(actor.username)
            done += 1
            if progress is not None:
                progress(done, steps, f"正在写入 {name} 的数据")
            _write(op, county)
            done += 1
            if progress is not None:
                progress(done, steps, f"{name} 已写入")
            for measure, values in (("approved", county.approved), ("filled", county.filled),
                                    ("in_transit", county.transit)):
                for (_, c), n in values.items():
                    totals[measure][default_category_id(c)] = (
                        totals[measure].get(default_category_id(c), 0) + n)
            for (_, c), n in county.loans.items():
                cid = default_category_id(c)
                totals["approved"][cid] = totals["approved"].get(cid, 0) + n
            postings = county.rows[Posting]
            counts["units"] += len(county.units)
            counts["people"] += len(county.rows[Person])
            counts["open"] += sum(1 for p in postings if p["end_on"] is None)
            counts["closed"] += sum(1 for p in postings if p["end_on"] is not None)
            counts["overrides"] += county.overrides
    summary = DemoSummary(tuple(c for c, _, _ in plan), counts["units"], counts["people"],
                          counts["open"], counts["closed"], counts["overrides"],
                          totals["approved"], totals["filled"], totals["in_transit"])
    return Outcome(summary, frozenset(op.changed))
