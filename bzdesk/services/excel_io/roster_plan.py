"""Pass 2 of a roster import: the rows against the database.

People are matched by ID number (loaded for the IDs of the sheet only, 500 at a time):
an unknown ID is a new person, a known one is compared field by field. The posting of
a known person:

- the row says nothing about it (all posting cells blank): left as it is;
- no open posting: a new one (入编), with the same checks as for a new person;
- same unit and 编制类型 as the open posting: its differing fields are updated;
- another unit or 编制类型: a 调动. The open posting is closed (调出) and a new one
  opens on the row's 入编时间, which must be later than the open posting's start
  (the sheet says when the person moved; the importer never guesses a date). Its
  入编方式 is the row's, else 调任.

A date cell cannot carry a precision: a day-precision date equal to a stored
month-precision date (2019-07-01 against 2019.07, as the export writes it) is equal.
Then 只出不进 units refuse arrivals, and each unit × 编制类型 is counted from its open
postings today, less the people leaving it, plus the arrivals in sheet order: the
first row that goes past the approved count is reported (over_quota). Hiring plans
(在途) are not counted: the people a plan was approved for may be these very rows.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Final

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bzdesk.excel import Cell
from bzdesk.models.staffing import Person, Posting
from bzdesk.services.excel_io.common import Problems, new_ids
from bzdesk.services.excel_io.roster_rows import (
    KIND_DUPLICATE,
    Dated,
    PostingCells,
    RosterRow,
    unit_as_written,
)
from bzdesk.services.excel_io.unit_index import UnitIndex
from bzdesk.services.staffing import measures
from bzdesk.services.staffing.views import CategoryView

KIND_TRANSFER_DATE: Final = "transfer_date"
KIND_OVERLAP: Final = "start_overlap"
KIND_FROZEN: Final = "frozen_unit"
KIND_OVER_QUOTA: Final = "over_quota"
_CHUNK: Final = 500
_PERSON_FIELDS: Final = ("ethnicity", "political", "education", "degree", "phone")
_PERSON_COLUMNS: Final = (Person.id, Person.office_id, Person.id_number, Person.name,
                          Person.initials, Person.ethnicity, Person.political,
                          Person.education, Person.degree, Person.phone, Person.work_start,
                          Person.work_start_precision)
_POSTING_COLUMNS: Final = (Posting.id, Posting.person_id, Posting.unit_id, Posting.category_id,
                           Posting.position, Posting.leader_kind, Posting.start_route,
                           Posting.start_on, Posting.start_precision, Posting.start_doc)

Key = tuple[str, str]


@dataclass(slots=True)
class Existing:
    person: dict[str, Any]
    posting: dict[str, Any] | None = None
    last_end: date | None = None  # the latest end of the person's closed postings


@dataclass
class RosterPlan:
    new_people: list[dict[str, Any]] = field(default_factory=list)
    new_postings: list[dict[str, Any]] = field(default_factory=list)
    person_updates: dict[str, dict[str, Any]] = field(default_factory=dict)
    posting_updates: dict[str, dict[str, Any]] = field(default_factory=dict)
    statuses: dict[int, str] = field(default_factory=dict)
    added: int = 0
    updated: int = 0
    unchanged: int = 0


def _chunks(items: list[str]) -> Iterator[list[str]]:
    for i in range(0, len(items), _CHUNK):
        yield items[i:i + _CHUNK]


def load_existing(session: Session, numbers: Iterable[str]) -> dict[str, Existing]:
    """ID number → the live person holding it, their open posting, their last end."""
    found: dict[str, Existing] = {}
    for chunk in _chunks(list(numbers)):
        by_id: dict[str, Existing] = {}
        for row in session.execute(select(*_PERSON_COLUMNS).where(
                Person.id_number.in_(chunk), Person.deleted.is_(False))):
            person = dict(row._mapping)
            if person["id_number"] not in found:
                found[person["id_number"]] = by_id[person["id"]] = Existing(person)
        ids = list(by_id)
        if not ids:  # only new people in this chunk (a first import): nothing more to ask
            continue
        for posting in session.execute(select(*_POSTING_COLUMNS).where(
                Posting.person_id.in_(ids), Posting.end_on.is_(None),
                Posting.deleted.is_(False)).order_by(Posting.start_on)):
            by_id[posting.person_id].posting = dict(posting._mapping)  # the latest start wins
        for person_id, last in session.execute(
                select(Posting.person_id, func.max(Posting.end_on)).where(
                    Posting.person_id.in_(ids), Posting.end_on.is_not(None),
                    Posting.deleted.is_(False)).group_by(Posting.person_id)):
            by_id[person_id].last_end = last
    return found


def _same_date(given: Dated, on: date | None, precision: str | None) -> bool:
    return given[0] == on and given[1] in ("day", precision)


class Planner:
    """Turns checked rows into the rows to insert and the fields to update."""

    def __init__(self, session: Session, problems: Problems, units: UnitIndex,
                 categories: list[CategoryView], today: date, site_office: str) -> None:
        self.session = session
        self.categories = {c.id: c for c in categories}
        self.problems = problems
        self.units = units
        self.today = today
        self.site_office = site_office
        self.plan = RosterPlan()
        # (row, unit × 编制类型, the unit cell as read: made into text only for a message)
        self.arrivals: list[tuple[int, Key, Cell]] = []
        self.ids = new_ids()
        self.leaving: Counter[Key] = Counter()
        # Today's counts, read now: rows written before the end must not count twice.
        self.approved = measures.approved(session, today)
        self.filled = measures.filled(session, today)

    def add(self, rows: list[RosterRow], existing: dict[str, Existing]) -> RosterPlan:
        """Plan these rows (in sheet order; call again for the next ones)."""
        for r in rows:
            ex = existing.get(r.info.number)
            if ex is None:
                self._new_person(r)
            else:
                self._known_person(r, ex)
        return self.plan

    def close(self) -> RosterPlan:
        """The checks that need every row: the quotas."""
        self._check_quotas()
        return self.plan

    # -- people ------------------------------------------------------------
    def _new_person(self, r: RosterRow) -> None:
        person_id = next(self.ids)
        posting = self._new_posting(r, person_id, r.posting, None) if r.posting else None
        person = {"id": person_id,
                  "office_id": posting["office_id"] if posting else self.site_office,
                  "id_number": r.info.number, "sex": r.info.sex, "birth_date": r.info.birth_date,
                  "ethnicity": "", "political": "", "education": "", "degree": "",
                  "work_start": None, "work_start_precision": "day", "phone": "",
                  "photo_sha256": None, **r.person}
        self.plan.new_people.append(person)
        self.plan.statuses[r.row] = "新增"
        self.plan.added += 1

    def _known_person(self, r: RosterRow, ex: Existing) -> None:
        stored = ex.person
        if "name" in r.person and r.person["name"] != stored["name"]:
            self._someone_else(r, ex)
            return
        diff = {k: v for k, v in r.person.items() if k in _PERSON_FIELDS and stored[k] != v}
        work = r.person.get("work_start")
        if work is not None and not _same_date(
                (work, r.person["work_start_precision"]), stored["work_start"],
                stored["work_start_precision"]):
            diff["work_start"] = work
            diff["work_start_precision"] = r.person["work_start_precision"]
        if diff:
            self.plan.person_updates[stored["id"]] = diff
        changed = bool(diff) | self._known_posting(r, ex)
        self.plan.statuses[r.row] = "更新" if changed else "不变"
        if changed:
            self.plan.updated += 1
        else:
            self.plan.unchanged += 1

    def _someone_else(self, r: RosterRow, ex: Existing) -> None:
        """The ID number is already another person's: a duplicate against the database
        (a re-import never renames anyone; a typo in a number must not either)."""
        where = ""
        if ex.posting is not None and (unit := self.units.units.get(ex.posting["unit_id"])):
            where = f"（{unit.name}）"
        self.problems.add(
            r.row, "id_number", r.info.number,
            f"身份证号码 {r.info.number} 已登记为“{ex.person['name']}”{where}，与本行姓名"
            f"“{r.person['name']}”不符：同一号码不能属于两个人。请核对号码；如确是本人改名，"
            "请先在“实名管理”中修改姓名", KIND_DUPLICATE)

    # -- postings ----------------------------------------------------------
    def _known_posting(self, r: RosterRow, ex: Existing) -> bool:
        cells, current = r.posting, ex.posting
        if cells is None:
            return False
        if current is None:
            return self._new_posting(r, ex.person["id"], cells, ex.last_end) is not None
        unit_id = cells.unit.id if cells.unit else current["unit_id"]
        category_id = cells.category.id if cells.category else current["category_id"]
        if (unit_id, category_id) != (current["unit_id"], current["category_id"]):
            return self._transfer(r, ex.person["id"], cells, current)
        diff: dict[str, Any] = {}
        for key, value in (("position", cells.position), ("start_route", cells.route),
                           ("start_doc", cells.doc), ("leader_kind", cells.leader_kind)):
            if value is not None and current[key] != value:
                diff[key] = value
        if "leader_kind" in diff:
            diff["is_leader"] = True
        if cells.start is not None and not _same_date(cells.start, current["start_on"],
                                                      current["start_precision"]):
            if not self._after_last_end(r, cells.start, ex.last_end):
                return False
            diff["start_on"], diff["start_precision"] = cells.start
        if diff:
            self.plan.posting_updates[current["id"]] = diff
        return bool(diff)

    def _missing(self, r: RosterRow, cells: PostingCells, needed: dict[str, object]) -> bool:
        missing = [k for k, v in needed.items() if v is None and k not in cells.refused]
        for key in missing:
            label = self.problems.label(key)
            self.problems.add(r.row, key, None, f"新入编人员请填写{label}", "missing")
        return bool(missing) or any(k in cells.refused for k in needed)

    def _after_last_end(self, r: RosterRow, start: Dated, last_end: date | None) -> bool:
        if last_end is None or start[0] >= last_end:
            return True
        self.problems.add(r.row, "start_date", start[0].isoformat(),
                          f"入编时间早于此人上一段编制的出编时间 {last_end.isoformat()}，请核对",
                          KIND_OVERLAP)
        return False

    def _arrival(self, r: RosterRow, cells: PostingCells) -> bool:
        unit = cells.unit
        assert unit is not None and cells.category is not None
        if unit.freeze_in:
            self.problems.add(r.row, "unit", cells.unit_text,
                              f"{unit.name} 已设为只出不进，不能入编或调入", KIND_FROZEN)
            return False
        self.arrivals.append((r.row, (unit.id, cells.category.id), cells.unit_cell))
        return True

    def _new_posting(self, r: RosterRow, person_id: str, cells: PostingCells,
                     last_end: date | None) -> dict[str, Any] | None:
        if cells.unit is None or cells.category is None or cells.start is None or (
                cells.route is None):
            self._missing(r, cells, {"unit": cells.unit, "category": cells.category,
                                     "start_date": cells.start, "start_route": cells.route})
            return None
        if last_end is not None and not self._after_last_end(r, cells.start, last_end):
            return None
        if not self._arrival(r, cells):
            return None
        posting = self._posting_row(person_id, cells, cells.route, cells.start)
        self.plan.new_postings.append(posting)
        return posting

    def _transfer(self, r: RosterRow, person_id: str, cells: PostingCells,
                  current: dict[str, Any]) -> bool:
        unit = cells.unit or self.units.units[current["unit_id"]]
        category = cells.category or self.categories[current["category_id"]]
        moved = PostingCells(unit, category, cells.position, cells.leader_kind, cells.start,
                             cells.route, cells.doc, cells.refused, cells.unit_cell)
        began = current["start_on"]
        if cells.start is None or cells.start[0] <= began:
            if "start_date" not in cells.refused:
                where = self.units.units.get(current["unit_id"])
                self.problems.add(
                    r.row, "start_date", cells.start[0].isoformat() if cells.start else None,
                    f"此人现在“{where.name if where else '其他单位'}”在编（入编时间 "
                    f"{began.isoformat()}），本行是“{unit.name}”{category.name}：如是调动，请在"
                    f"入编时间列填写调入日期（晚于 {began.isoformat()}）", KIND_TRANSFER_DATE)
            return False
        if not self._arrival(r, moved):
            return False
        on, precision = cells.start
        self.plan.posting_updates[current["id"]] = {
            "end_route": "调出", "end_on": on, "end_precision": precision,
            "end_doc": cells.doc or ""}
        self.leaving[(current["unit_id"], current["category_id"])] += 1
        self.plan.new_postings.append(
            self._posting_row(person_id, moved, cells.route or "调任", cells.start))
        return True

    def _posting_row(self, person_id: str, cells: PostingCells, route: str,
                     start: Dated) -> dict[str, Any]:
        assert cells.unit is not None and cells.category is not None
        return {"id": next(self.ids), "office_id": cells.unit.office_id, "person_id": person_id,
                "unit_id": cells.unit.id, "category_id": cells.category.id,
                "position": cells.position or "", "is_leader": cells.leader_kind is not None,
                "leader_kind": cells.leader_kind, "start_route": route, "start_on": start[0],
                "start_precision": start[1], "start_doc": cells.doc or "", "end_route": None,
                "end_on": None, "end_precision": None, "end_doc": "", "override_reason": None,
                "plan_id": None}

    # -- quotas ------------------------------------------------------------
    def _check_quotas(self) -> None:
        if not self.arrivals:
            return
        approved = self.approved
        count: Counter[Key] = Counter(self.filled)
        count.subtract(self.leaving)
        start = dict(count)
        first_over: dict[Key, tuple[int, Cell]] = {}
        for row, key, unit_cell in self.arrivals:
            count[key] += 1
            if count[key] > approved.get(key, 0):
                first_over.setdefault(key, (row, unit_cell))
        for key, (row, unit_cell) in first_over.items():
            unit = self.units.units[key[0]]
            allowed = approved.get(key, 0)
            added = count[key] - start.get(key, 0)
            self.problems.add(
                row, "unit", unit_as_written(unit_cell, unit),
                f"{unit.name} {self.categories[key[1]].name} 核定 {allowed} 名，现有在编 "
                f"{start.get(key, 0)} 名，本表进入 {added} 名，从这一行起超编（共超 "
                f"{count[key] - allowed} 名）；请先核增编制或调整名单", KIND_OVER_QUOTA)
