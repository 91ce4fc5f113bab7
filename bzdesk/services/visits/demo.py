"""Demo data for the visits domain: a year of 挂点 visits and problems.

Leaders are assigned to units (or sectors, when the office has few units),
visit them through the past year, and find problems that move through the
status machine as they age; about two thirds of the 销号 are confirmed by a
回访 visit, the rest by an approver's note. Written with ``op.bulk_insert``
in one operation, so a city-sized set (5,000 visits, 20,000 problems) takes
seconds. ``fill`` is shared with tests/bench/bench_visits.py.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bzdesk.models.base import new_id
from bzdesk.models.staffing import Unit
from bzdesk.models.visits import IssueStep, LinkAssignment, Visit, VisitIssue
from bzdesk.roles import Actor, Can, require
from bzdesk.services.visits import vocab
from bzdesk.services.visits._common import dump_list, today
from bzdesk.uow import WriteOp, write_op

Progress = Callable[[int, int, str], None]

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马胡朱郭何罗高林"
GIVEN = ("建国", "志强", "海燕", "卫东", "丽华", "国庆", "晓明", "红梅", "文杰", "春生",
         "秀英", "永红", "振华", "玉兰", "德明", "小平")
PURPOSES = {
    "挂点联系": "了解机构编制资源使用和机构运行情况，听取意见建议",
    "专题调研": "开展“{0}”专题调研",
    "督查": "督查机构编制纪律执行和实名制管理落实情况",
    "回访": "回访前次走访发现问题的整改落实情况",
}
TOPICS = ("乡镇街道机构改革后运行", "中小学教职工编制使用", "事业单位分类改革",
          "编制周转池使用", "基层医疗卫生机构编制保障")
FINDINGS = ("机构运行总体平稳，职责基本理顺。", "编制使用基本规范，个别岗位人岗不符。",
            "基层反映人手紧张，专业技术人员流失较多。", "实名制台账与实际在岗情况基本一致。")
PROBLEMS = ("实名制信息更新不及时，{0}有人员调出未办理出编手续",
            "存在混编混岗现象，事业编制人员在行政岗位工作",
            "空编率偏高，未按规定及时申报用编计划", "内设机构设置与“三定”规定不一致",
            "借调人员未按期返回原单位", "领导职数配备超出核定数",
            "职责边界不清，与相关部门存在职能交叉", "编制台账资料归档不全",
            "临聘人员数量较多，未纳入统一管理", "机构编制事项未按程序报批")
STEP_NOTES = {vocab.HANDLING: "已向责任单位交办，明确整改要求和时限",
              vocab.DONE: "责任单位报告已完成整改，附整改材料",
              vocab.CLOSED: "经审核，整改到位，同意销号"}
SIZES = {"small": (4, 3, 60, 90), "county": (8, 3, 400, 1_200), "city": (10, 3, 5_000, 20_000)}


@dataclass(frozen=True)
class Plan:
    leaders: int
    targets_per_leader: int
    visits: int
    problems: int


@dataclass
class _State:
    rng: random.Random
    today: date
    visits: list[dict[str, Any]] = field(default_factory=list)
    issues: list[dict[str, Any]] = field(default_factory=list)
    steps: list[dict[str, Any]] = field(default_factory=list)
    follow_ups: dict[str, dict[str, Any]] = field(default_factory=dict)
    assignments: dict[str, dict[str, Any]] = field(default_factory=dict)


def _targets(session: Session) -> list[tuple[str, str, str, str | None]]:
    """(kind, key, name, unit id): the office's units, then sectors, then itself."""
    units = session.execute(select(Unit.id, Unit.name).where(
        Unit.deleted.is_(False), Unit.status == "正常").order_by(Unit.sort_order, Unit.name)
        .limit(200)).all()
    out: list[tuple[str, str, str, str | None]] = [
        (vocab.TARGET_UNIT, vocab.target_key(vocab.TARGET_UNIT, i), n, i) for i, n in units]
    out += [(vocab.TARGET_SECTOR, vocab.target_key(vocab.TARGET_SECTOR, s), s, None)
            for s in vocab.SECTORS]
    return out


def _leaders(rng: random.Random, n: int) -> list[str]:
    names: list[str] = []
    while len(names) < n:
        name = rng.choice(SURNAMES) + rng.choice(GIVEN)
        if name not in names:
            names.append(name)
    return names


def _assignments(session: Session, rng: random.Random, plan: Plan,
                 start: date) -> list[dict[str, Any]]:
    targets = _targets(session)
    rows = []
    for i, name in enumerate(_leaders(rng, plan.leaders)):
        kind = vocab.ASSIGNMENT_KINDS[1] if i == plan.leaders - 1 else vocab.ASSIGNMENT_KINDS[0]
        for j in range(plan.targets_per_leader):
            t_kind, key, t_name, unit_id = targets[(i * plan.targets_per_leader + j)
                                                   % len(targets)]
            rows.append(dict(id=new_id(), kind=kind, leader_name=name,
                             leader_key=vocab.leader_key(name), person_id=None, user_id=None,
                             target_kind=t_kind, target_key=key, target_name=t_name,
                             unit_id=unit_id, start_on=start, end_on=None,
                             required_per_quarter=None, note=""))
    return rows


def _visit(s: _State, a: dict[str, Any], kind: str, day: date) -> dict[str, Any]:
    rng = s.rng
    row = dict(id=new_id(), kind=kind, start_on=day, end_on=day, leader_name=a["leader_name"],
               leader_key=a["leader_key"], assignment_id=a["id"], target_key=a["target_key"],
               target_name=a["target_name"],
               participants=dump_list(tuple(rng.sample(_leaders(rng, 6), rng.randint(1, 3)))),
               places=a["target_name"],
               unit_ids=dump_list((a["unit_id"],) if a["unit_id"] else ()),
               purpose=PURPOSES[kind].format(rng.choice(TOPICS)),
               findings=rng.choice(FINDINGS))
    s.visits.append(row)
    return row


def _steps(s: _State, issue: dict[str, Any], found: dict[str, Any], budget: int) -> None:
    """Move a problem on as far as its age allows, recording each step."""
    rng, day = s.rng, found["start_on"]
    age = (s.today - day).days
    ripe = min(0.92, age / 150)  # the older the problem, the likelier it is settled
    chance = rng.random()
    stage = 3 if chance < ripe * 0.75 else 2 if chance < ripe else int(rng.random() < 0.7)
    gaps = {vocab.HANDLING: (1, 10), vocab.DONE: (5, 40), vocab.CLOSED: (2, 15)}
    for to_status in (vocab.HANDLING, vocab.DONE, vocab.CLOSED)[:stage]:
        day += timedelta(days=rng.randint(*gaps[to_status]))
        if day > s.today:
            return
        by_approver = False
        if to_status == vocab.CLOSED:
            follow = s.follow_ups.get(found["id"])
            if follow is None and len(s.follow_ups) < budget and rng.random() < 0.7:
                follow = _visit(s, s.assignments[found["assignment_id"]], vocab.KIND_FOLLOW_UP,
                                day)
                s.follow_ups[found["id"]] = follow
            by_approver = follow is None
            issue.update(closed_on=day, confirm_visit_id=None if follow is None else follow["id"])
        elif to_status == vocab.DONE:
            issue.update(done_on=day, resolution=STEP_NOTES[to_status])
        s.steps.append(dict(issue_id=issue["id"], from_status=issue["status"],
                            to_status=to_status, step_on=day, note=STEP_NOTES[to_status],
                            by_name="管理员", by_approver=by_approver))
        issue["status"] = to_status


def fill(op: WriteOp, session: Session, plan: Plan, seed: int, *,
         progress: Progress | None = None) -> tuple[int, int, int]:
    """Insert a plan's assignments, visits and problems; (assignments, visits, problems)."""
    s = _State(random.Random(seed), today())
    window = s.today - timedelta(days=365)
    assignments = _assignments(session, s.rng, plan, date(window.year, 1, 1))
    op.bulk_insert(LinkAssignment, assignments)
    s.assignments = {a["id"]: a for a in assignments}
    base = max(1, plan.visits * 4 // 5)
    kinds = vocab.VISIT_KINDS[:3]
    for n in range(base):
        a = assignments[n % len(assignments)]
        day = window + timedelta(days=s.rng.randint(0, 365))
        _visit(s, a, s.rng.choices(kinds, (6, 2, 1))[0], day)
    found_on = list(s.visits)
    for n in range(plan.problems):
        found = s.rng.choice(found_on)
        unit_id = s.assignments[found["assignment_id"]]["unit_id"]
        issue = dict(id=new_id(), visit_id=found["id"],
                     description=s.rng.choice(PROBLEMS).format(found["target_name"]),
                     responsible_name=found["target_name"],
                     responsible_key=vocab.responsible_key(found["target_name"], unit_id),
                     responsible_unit_id=unit_id,
                     deadline=found["start_on"] + timedelta(days=s.rng.choice((15, 30, 60, 90))),
                     status=vocab.PENDING, done_on=None, closed_on=None, confirm_visit_id=None,
                     resolution="")
        _steps(s, issue, found, plan.visits - base)
        s.issues.append(issue)
        if progress is not None and n % 2000 == 0:
            progress(n, plan.problems, "正在生成走访演示数据…")
    op.bulk_insert(Visit, s.visits)
    op.bulk_insert(VisitIssue, s.issues)
    op.bulk_insert(IssueStep, s.steps)
    return len(assignments), len(s.visits), len(s.issues)


def generate_visits(session: Session, actor: Actor, *, size: str, people: int, seed: int,
                    progress: Progress | None = None) -> str:
    """A year of visits and problems for the demo office; a one-line summary."""
    require(actor, Can.WRITE)
    leaders, per_leader, visits, problems = SIZES.get(size, SIZES["small"])
    with write_op(session, actor, "生成走访演示数据") as op:
        n_links, n_visits, n_issues = fill(op, session, Plan(leaders, per_leader, visits,
                                                             problems), seed + 5,
                                           progress=progress)
    if progress is not None:
        progress(problems, problems, "走访演示数据已生成")
    return f"挂点安排 {n_links} 项、走访记录 {n_visits} 次、问题 {n_issues} 个"
