"""问题清单: problems found on visits and their status machine
待交办 → 办理中 → 已办结 → 销号.

Who may move a problem: anyone who may enter records (录入员) moves it
through 交办 and 办结, and may 销号 it when a 回访 visit confirms the fix;
销号 without a 回访 needs the approver role and the approver's note. Every
step is one audited operation with the clerk's note, kept as an IssueStep.
逾期 is computed from the deadline whenever it is read (vocab.is_overdue).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Select, and_, or_, select
from sqlalchemy.orm import Session

from bzdesk.changes import Outcome
from bzdesk.errors import IntegrityError, PermissionDenied, ValidationError
from bzdesk.models.staffing import Unit
from bzdesk.models.visits import IssueStep, Visit, VisitIssue
from bzdesk.roles import Actor, Can, require
from bzdesk.services.visits import vocab
from bzdesk.services.visits._common import Problems, live, today
from bzdesk.services.visits.inputs import IssueEdit, IssueInput, IssueQuery, IssueStepInput
from bzdesk.services.visits.views import IssueStepView, IssueView
from bzdesk.uow import write_op

CLOSE_BY_APPROVER = "问题销号（审核确认）"


def issue_view(issue: VisitIssue, visit: Visit, on: date) -> IssueView:
    return IssueView(
        issue.id, issue.visit_id, visit.start_on, visit.kind, visit.leader_name,
        issue.description, issue.responsible_name, issue.responsible_key,
        issue.responsible_unit_id, issue.deadline, issue.status, issue.done_on, issue.closed_on,
        issue.confirm_visit_id, issue.resolution,
        vocab.is_overdue(issue.status, issue.deadline, on))


def check_issue(session: Session, problems: Problems, data: IssueInput, found_on: date,
                row: int | None = None) -> tuple[str, str, str, str | None]:
    """(description, 责任单位 name, its key, unit id) of a problem, problems noted."""
    where = f"第 {row} 个问题的" if row else ""
    description = problems.text(f"{where}问题描述", data.description, 2000, required=True)
    name = data.responsible.strip()
    unit_id = data.responsible_unit_id or None
    if unit_id:
        unit = session.get(Unit, unit_id)
        if unit is None or unit.deleted:
            problems.add(f"{where}责任单位", unit_id, "找不到所选的责任单位（可能已被删除）。",
                         "unknown_unit")
        else:
            name = name or unit.name
    name = problems.text(f"{where}责任单位", name, 100, required=True)
    if data.deadline < found_on:
        problems.add(f"{where}办理时限", data.deadline,
                     f"{where}办理时限 {data.deadline.isoformat()} 早于发现问题的走访日期 "
                     f"{found_on.isoformat()}。", "deadline_before_visit")
    return description, name, vocab.responsible_key(name, unit_id), unit_id


def new_issue(visit_id: str, checked: tuple[str, str, str, str | None],
              deadline: date) -> VisitIssue:
    description, name, key, unit_id = checked
    return VisitIssue(visit_id=visit_id, description=description, responsible_name=name,
                      responsible_key=key, responsible_unit_id=unit_id, deadline=deadline,
                      status=vocab.PENDING, resolution="")


def add_issue(session: Session, actor: Actor, visit_id: str,
              data: IssueInput) -> Outcome[IssueView]:
    require(actor, Can.WRITE)
    visit = live(session, Visit, visit_id, "走访记录", "走访记录")
    problems = Problems()
    checked = check_issue(session, problems, data, visit.start_on)
    problems.raise_if_any()
    with write_op(session, actor, "新增问题", target=f"visit:{visit.id}") as op:
        issue = new_issue(visit.id, checked, data.deadline)
        session.add(issue)
    return Outcome(issue_view(issue, visit, today()), frozenset(op.changed))


def update_issue(session: Session, actor: Actor, data: IssueEdit) -> Outcome[IssueView]:
    """Correct a problem's text, 责任单位 or 办理时限 (not once it is 销号)."""
    require(actor, Can.WRITE)
    issue = live(session, VisitIssue, data.issue_id, "问题", "问题")
    _refuse_if_closed(issue)
    visit = live(session, Visit, issue.visit_id, "走访记录", "走访记录")
    problems = Problems()
    description, name, key, unit_id = check_issue(
        session, problems, IssueInput(data.description, data.responsible, data.deadline,
                                      data.responsible_unit_id), visit.start_on)
    problems.raise_if_any()
    with write_op(session, actor, "修改问题") as op:
        issue.description, issue.responsible_name = description, name
        issue.responsible_key, issue.responsible_unit_id = key, unit_id
        issue.deadline = data.deadline
    return Outcome(issue_view(issue, visit, today()), frozenset(op.changed))


def delete_issue(session: Session, actor: Actor, issue_id: str) -> Outcome[None]:
    """Remove a problem entered by mistake: only while it is still 待交办."""
    require(actor, Can.WRITE)
    issue = live(session, VisitIssue, issue_id, "问题", "问题")
    if issue.status != vocab.PENDING:
        raise IntegrityError.single("问题", issue.status,
                                    f"问题已{issue.status}，不能删除（只能删除待交办的问题）。",
                                    "not_pending")
    with write_op(session, actor, "删除问题") as op:
        op.delete(issue)
    return Outcome(None, frozenset(op.changed))


def _refuse_if_closed(issue: VisitIssue) -> None:
    if issue.status == vocab.CLOSED:
        raise IntegrityError.single("状态", issue.status, "这个问题已销号，不能再修改。",
                                    "closed")


def _last_step_on(session: Session, issue: VisitIssue, visit: Visit) -> date:
    last = session.scalar(select(IssueStep.step_on).where(
        IssueStep.issue_id == issue.id, IssueStep.deleted.is_(False))
        .order_by(IssueStep.step_on.desc()).limit(1))
    return max(last or visit.start_on, visit.start_on)


def check_follow_up(session: Session, visit_id: str, issue_visit: Visit) -> Visit:
    """A 回访 visit that may confirm a problem found on ``issue_visit``."""
    follow = live(session, Visit, visit_id, "回访记录", "回访记录")
    if follow.kind != vocab.KIND_FOLLOW_UP:
        raise ValidationError.single("回访记录", follow.kind,
                                     f"只有“回访”记录能确认整改，所选记录是“{follow.kind}”。",
                                     "not_follow_up")
    if follow.start_on < issue_visit.start_on:
        raise ValidationError.single(
            "回访记录", follow.start_on.isoformat(),
            f"回访日期 {follow.start_on.isoformat()} 早于发现问题的日期 "
            f"{issue_visit.start_on.isoformat()}。", "follow_up_too_early")
    return follow


def advance_issue(session: Session, actor: Actor, data: IssueStepInput) -> Outcome[IssueView]:
    """Move a problem one step on (交办 / 办结 / 销号) with a note."""
    require(actor, Can.WRITE)
    issue = live(session, VisitIssue, data.issue_id, "问题", "问题")
    _refuse_if_closed(issue)
    expected = vocab.NEXT_STATUS[issue.status]
    if data.to_status != expected:
        raise IntegrityError.single(
            "状态", data.to_status,
            f"问题当前为“{issue.status}”，下一步只能是“{expected}”。", "bad_step")
    visit = live(session, Visit, issue.visit_id, "走访记录", "走访记录")
    confirm = data.confirm_visit_id or issue.confirm_visit_id
    by_approver = expected == vocab.CLOSED and not confirm
    if by_approver and not actor.can(Can.APPROVE):
        raise PermissionDenied(
            "销号需要关联一次确认整改的回访记录；没有回访的，须由审核人填写意见后销号。")
    problems = Problems()
    note = problems.text("审核意见" if by_approver else "办理说明", data.note, 1000,
                         required=True)
    on = data.on or today()
    earliest = _last_step_on(session, issue, visit)
    if on > today():
        problems.add("日期", on, "日期不能晚于今天。", "future")
    elif on < earliest:
        problems.add("日期", on, f"日期不能早于 {earliest.isoformat()}（上一步或发现问题的日期）。",
                     "too_early")
    if confirm and expected == vocab.CLOSED:
        try:
            check_follow_up(session, confirm, visit)
        except ValidationError as exc:
            problems.take(exc)
    problems.raise_if_any()
    name = CLOSE_BY_APPROVER if by_approver else vocab.STEP_NAMES[expected]
    with write_op(session, actor, name, target=f"visit_issue:{issue.id}") as op:
        session.add(IssueStep(issue_id=issue.id, from_status=issue.status, to_status=expected,
                              step_on=on, note=note, by_name=actor.display_name,
                              by_approver=by_approver))
        issue.status = expected
        if expected == vocab.DONE:
            issue.done_on, issue.resolution = on, note
        elif expected == vocab.CLOSED:
            issue.closed_on, issue.confirm_visit_id = on, confirm
    return Outcome(issue_view(issue, visit, today()), frozenset(op.changed))


def _shown(query: Select[VisitIssue, Visit], q: IssueQuery,
           on: date) -> Select[VisitIssue, Visit]:
    status = VisitIssue.status
    if q.show == "open":
        query = query.where(status.in_(vocab.OPEN_STATUSES))
    elif q.show == "overdue":
        query = query.where(status.in_(vocab.OPEN_STATUSES), VisitIssue.deadline < on)
    elif q.show == "closed":
        query = query.where(status == vocab.CLOSED)
        if q.year is not None:
            query = query.where(VisitIssue.closed_on.between(date(q.year, 1, 1),
                                                             date(q.year, 12, 31)))
    elif q.show in vocab.STATUSES:
        query = query.where(status == q.show)
    elif q.show != "all":
        raise ValidationError.single("显示", q.show, "未知的筛选条件。", "bad_choice")
    return query


def list_issues(session: Session, actor: Actor, q: IssueQuery) -> list[IssueView]:
    """Problems by 办理时限 (earliest first), a page at a time (keyset on deadline, id)."""
    require(actor, Can.READ)
    on = q.today or today()
    query = _shown(select(VisitIssue, Visit).join(Visit, Visit.id == VisitIssue.visit_id)
                   .where(VisitIssue.deleted.is_(False), Visit.deleted.is_(False)), q, on)
    if q.responsible_key:
        query = query.where(VisitIssue.responsible_key == q.responsible_key)
    if q.visit_id:
        query = query.where(VisitIssue.visit_id == q.visit_id)
    if q.text.strip():
        like = f"%{q.text.strip()}%"
        query = query.where(or_(VisitIssue.description.like(like),
                                VisitIssue.responsible_name.like(like)))
    if q.after is not None:
        deadline, last_id = q.after
        query = query.where(or_(VisitIssue.deadline > deadline,
                                and_(VisitIssue.deadline == deadline, VisitIssue.id > last_id)))
    rows = session.execute(query.order_by(VisitIssue.deadline, VisitIssue.id).limit(q.limit))
    return [issue_view(issue, visit, on) for issue, visit in rows]


def get_issue(session: Session, actor: Actor, issue_id: str) -> IssueView:
    require(actor, Can.READ)
    issue = live(session, VisitIssue, issue_id, "问题", "问题")
    return issue_view(issue, live(session, Visit, issue.visit_id, "走访记录", "走访记录"),
                      today())


def issue_history(session: Session, actor: Actor, issue_id: str) -> list[IssueStepView]:
    require(actor, Can.READ)
    steps = session.scalars(select(IssueStep).where(
        IssueStep.issue_id == issue_id, IssueStep.deleted.is_(False))
        .order_by(IssueStep.step_on, IssueStep.hlc))
    return [IssueStepView(s.id, s.from_status, s.to_status, s.step_on, s.note, s.by_name,
                          s.by_approver) for s in steps]
