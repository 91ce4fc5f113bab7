"""走访记录: entering, correcting, removing and reading visits.

A visit, its new problems and its attachments are written in ONE operation:
files are checked and copied into the content-addressed store first (a refused
file stops everything before the database is touched; a copied file that ends
up unused is harmless), then every row goes in together or not at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from bzdesk.changes import Outcome
from bzdesk.errors import IntegrityError, ValidationError
from bzdesk.models.attachments import Attachment
from bzdesk.models.base import new_id
from bzdesk.models.staffing import Unit
from bzdesk.models.visits import LinkAssignment, Visit, VisitIssue
from bzdesk.paths import DataPaths
from bzdesk.roles import Actor, Can, require
from bzdesk.services.attachments import list_attachments, store_blob
from bzdesk.services.visits import vocab
from bzdesk.services.visits._common import (
    Problems,
    dates_text,
    dump_list,
    json_list,
    live,
    today,
)
from bzdesk.services.visits.assignments import resolve_leader
from bzdesk.services.visits.inputs import IssueQuery, VisitInput, VisitQuery
from bzdesk.services.visits.issues import check_issue, list_issues, new_issue
from bzdesk.services.visits.views import VisitDetail, VisitRow
from bzdesk.uow import write_op

OWNER = "visit"  # Attachment.owner_table of a visit's photos and scans


@dataclass(frozen=True)
class _Checked:
    leader_name: str
    leader_key: str
    target_key: str | None
    target_name: str
    participants: tuple[str, ...]
    places: str
    purpose: str
    findings: str
    issues: tuple[tuple[str, str, str, str | None], ...]
    confirms: tuple[VisitIssue, ...]


def _check_dates(problems: Problems, data: VisitInput) -> None:
    now = today()
    if data.start_on > now:
        problems.add("开始日期", data.start_on,
                     f"开始日期 {data.start_on.isoformat()} 晚于今天，只能登记已经进行的走访。",
                     "future")
    if data.end_on < data.start_on:
        problems.add("结束日期", data.end_on, "结束日期不能早于开始日期。", "end_before_start")
    elif data.end_on > now:
        problems.add("结束日期", data.end_on,
                     f"结束日期 {data.end_on.isoformat()} 晚于今天，只能登记已经进行的走访。",
                     "future")


def _check_assignment(session: Session, problems: Problems,
                      data: VisitInput) -> LinkAssignment | None:
    if not data.assignment_id:
        if data.kind == vocab.KIND_LINK:
            problems.add("联系点", "", "挂点联系须选择联系点。", "missing")
        return None
    try:
        link = live(session, LinkAssignment, data.assignment_id, "联系点", "挂点安排")
    except ValidationError as exc:
        problems.take(exc)
        return None
    if data.start_on < link.start_on or (link.end_on is not None and data.end_on > link.end_on):
        problems.add(
            "联系点", link.target_name,
            f"{link.leader_name}联系{link.target_name}的时间是 "
            f"{dates_text(link.start_on, link.end_on)}，这次走访 "
            f"{dates_text(data.start_on, data.end_on)} 不在这段时间内。", "outside_period")
    return link


def _check(session: Session, data: VisitInput, visit_id: str | None) -> _Checked:
    """Every problem of the input at once, or the resolved values."""
    problems = Problems()
    if data.kind not in vocab.VISIT_KINDS:
        problems.add("走访类型", data.kind, f"走访类型应为{'、'.join(vocab.VISIT_KINDS)}之一。",
                     "bad_choice")
    _check_dates(problems, data)
    link = _check_assignment(session, problems, data)
    if link is not None and not (data.leader_name.strip() or data.person_id or data.user_id):
        leader_name, leader = link.leader_name, link.leader_key
    else:
        leader_name, leader = resolve_leader(session, problems, data.leader_name,
                                             data.person_id, data.user_id)
    if link is not None and leader != link.leader_key:
        problems.add("带队领导", leader_name,
                     f"所选联系点是{link.leader_name}的，与带队领导{leader_name}不符。",
                     "leader_mismatch")
    participants = tuple(p.strip() for p in data.participants if p.strip())
    if any(len(p) > 40 for p in participants):
        problems.add("参加人员", "、".join(participants), "每位参加人员的姓名最多 40 个字。",
                     "too_long")
    for unit_id in data.unit_ids:
        unit = session.get(Unit, unit_id)
        if unit is None or unit.deleted:
            problems.add("走访单位", unit_id, "找不到所选的走访单位（可能已被删除）。",
                         "unknown_unit")
    places = problems.text("走访地点", data.places, 500)
    purpose = problems.text("走访目的", data.purpose, 2000, required=True)
    findings = problems.text("发现的情况", data.findings, 5000)
    issues = tuple(check_issue(session, problems, issue, data.start_on, n)
                   for n, issue in enumerate(data.issues, start=1))
    confirms = _check_confirms(session, problems, data, visit_id)
    problems.raise_if_any()
    return _Checked(leader_name, leader, link.target_key if link else None,
                    link.target_name if link else "", participants, places, purpose, findings,
                    issues, confirms)


def _check_confirms(session: Session, problems: Problems, data: VisitInput,
                    visit_id: str | None) -> tuple[VisitIssue, ...]:
    if not data.confirms:
        return ()
    if data.kind != vocab.KIND_FOLLOW_UP:
        problems.add("确认整改", data.kind, "只有回访记录能确认问题已整改。", "not_follow_up")
        return ()
    out = []
    for issue_id in data.confirms:
        try:
            issue = live(session, VisitIssue, issue_id, "确认整改", "问题")
            found = live(session, Visit, issue.visit_id, "确认整改", "走访记录")
        except ValidationError as exc:
            problems.take(exc)
            continue
        if issue.visit_id == visit_id:
            problems.add("确认整改", issue.description[:20], "回访不能确认本次记录自己的问题。",
                         "same_visit")
        elif found.start_on > data.start_on:
            problems.add("确认整改", issue.description[:20],
                         f"问题发现于 {found.start_on.isoformat()}，晚于这次回访。",
                         "follow_up_too_early")
        elif issue.status == vocab.CLOSED and issue.confirm_visit_id != visit_id:
            problems.add("确认整改", issue.description[:20], "这个问题已销号。", "closed")
        else:
            out.append(issue)
    return tuple(out)


def _apply(row: Visit, data: VisitInput, c: _Checked) -> None:
    row.kind, row.start_on, row.end_on = data.kind, data.start_on, data.end_on
    row.leader_name, row.leader_key = c.leader_name, c.leader_key
    row.assignment_id = data.assignment_id or None
    row.target_key, row.target_name = c.target_key, c.target_name
    row.participants, row.unit_ids = dump_list(c.participants), dump_list(data.unit_ids)
    row.places, row.purpose, row.findings = c.places, c.purpose, c.findings


def _store_files(paths: DataPaths, data: VisitInput) -> list[tuple[str, int, str, str]]:
    return [(*store_blob(paths, source), source.name[:200]) for source in data.attachments]


def _add_children(session: Session, row: Visit, data: VisitInput, c: _Checked,
                  files: list[tuple[str, int, str, str]]) -> None:
    for checked, issue in zip(c.issues, data.issues, strict=True):
        session.add(new_issue(row.id, checked, issue.deadline))
    for sha, size, mime, name in files:
        session.add(Attachment(sha256=sha, size=size, mime=mime, file_name=name, caption="",
                               owner_table=OWNER, owner_id=row.id))
    for confirmed in c.confirms:
        confirmed.confirm_visit_id = row.id


def create_visit(session: Session, actor: Actor, paths: DataPaths,
                 data: VisitInput) -> Outcome[VisitDetail]:
    require(actor, Can.WRITE)
    checked = _check(session, data, None)
    files = _store_files(paths, data)
    with write_op(session, actor, "新增走访记录") as op:
        row = Visit(id=new_id())
        _apply(row, data, checked)
        session.add(row)
        _add_children(session, row, data, checked, files)
    return Outcome(get_visit(session, actor, row.id), frozenset(op.changed))


def update_visit(session: Session, actor: Actor, paths: DataPaths, visit_id: str,
                 data: VisitInput) -> Outcome[VisitDetail]:
    """Correct a visit; new problems and files are added, listed files removed."""
    require(actor, Can.WRITE)
    row = live(session, Visit, visit_id, "走访记录", "走访记录")
    checked = _check(session, data, row.id)
    removed = [live(session, Attachment, a, "附件", "附件") for a in data.remove_attachments]
    if any(a.owner_table != OWNER or a.owner_id != row.id for a in removed):
        raise ValidationError.single("附件", "", "要删除的附件不属于这条走访记录。", "not_owner")
    _refuse_moving_past_problems(session, row, data.start_on)
    files = _store_files(paths, data)
    with write_op(session, actor, "修改走访记录", target=f"visit:{row.id}") as op:
        _apply(row, data, checked)
        for attachment in removed:
            op.delete(attachment)
        _add_children(session, row, data, checked, files)
    return Outcome(get_visit(session, actor, row.id), frozenset(op.changed))


def _refuse_moving_past_problems(session: Session, row: Visit, start_on: date) -> None:
    earliest = session.scalar(select(func.min(VisitIssue.deadline)).where(
        VisitIssue.visit_id == row.id, VisitIssue.deleted.is_(False)))
    if earliest is not None and start_on > earliest:
        raise ValidationError.single(
            "开始日期", start_on,
            f"这次走访已登记的问题最早办理时限是 {earliest.isoformat()}，走访日期不能晚于它。",
            "deadline_before_visit")


def delete_visit(session: Session, actor: Actor, visit_id: str) -> Outcome[None]:
    """Remove a visit entered by mistake, with its 待交办 problems and its files;
    refused once any of its problems has been 交办 or it confirmed a 销号."""
    require(actor, Can.WRITE)
    row = live(session, Visit, visit_id, "走访记录", "走访记录")
    issues = session.scalars(select(VisitIssue).where(VisitIssue.visit_id == row.id,
                                                      VisitIssue.deleted.is_(False))).all()
    moved = [i for i in issues if i.status != vocab.PENDING]
    confirmed = session.scalars(select(VisitIssue).where(
        VisitIssue.confirm_visit_id == row.id, VisitIssue.deleted.is_(False))).all()
    if moved or any(i.status == vocab.CLOSED for i in confirmed):
        raise IntegrityError.single(
            "走访记录", row.start_on.isoformat(),
            "这条走访记录的问题已经交办或已据此销号，不能删除；如有错误，请修改记录。",
            "in_use")
    files = session.scalars(select(Attachment).where(
        Attachment.owner_table == OWNER, Attachment.owner_id == row.id,
        Attachment.deleted.is_(False))).all()
    with write_op(session, actor, "删除走访记录", target=f"visit:{row.id}") as op:
        for child in (*issues, *files):
            op.delete(child)
        for issue in confirmed:
            issue.confirm_visit_id = None
        op.delete(row)
    return Outcome(None, frozenset(op.changed))


def get_visit(session: Session, actor: Actor, visit_id: str) -> VisitDetail:
    require(actor, Can.READ)
    row = live(session, Visit, visit_id, "走访记录", "走访记录")
    unit_ids = json_list(row.unit_ids)
    names = {uid: name for uid, name in session.execute(
        select(Unit.id, Unit.name).where(Unit.id.in_(unit_ids)))}
    issues = list_issues(session, actor, IssueQuery(visit_id=row.id, limit=10_000))
    confirms = session.scalars(select(VisitIssue.id).where(
        VisitIssue.confirm_visit_id == row.id, VisitIssue.deleted.is_(False))).all()
    return VisitDetail(
        row.id, row.kind, row.start_on, row.end_on, row.leader_name, row.leader_key,
        _key_id(row.leader_key, "person"), _key_id(row.leader_key, "user"), row.assignment_id,
        row.target_name, row.target_key, json_list(row.participants), row.places, unit_ids,
        tuple(names.get(u, "（已删除的单位）") for u in unit_ids), row.purpose, row.findings,
        tuple(issues), tuple(list_attachments(session, actor, OWNER, row.id)), tuple(confirms))


def _key_id(key: str, kind: str) -> str | None:
    prefix = f"{kind}:"
    return key[len(prefix):] if key.startswith(prefix) else None


def list_visits(session: Session, actor: Actor, q: VisitQuery) -> list[VisitRow]:
    """Visits, newest first, a page at a time (keyset on start date, id)."""
    require(actor, Can.READ)
    issues = (select(func.count(VisitIssue.id)).where(VisitIssue.visit_id == Visit.id,
                                                     VisitIssue.deleted.is_(False))
              .correlate(Visit).scalar_subquery())
    query = select(Visit, issues).where(Visit.deleted.is_(False))
    for column, value in ((Visit.kind, q.kind), (Visit.leader_key, q.leader_key),
                          (Visit.target_key, q.target_key)):
        if value:
            query = query.where(column == value)
    if q.date_from is not None:
        query = query.where(Visit.start_on >= q.date_from)
    if q.date_to is not None:
        query = query.where(Visit.start_on <= q.date_to)
    if q.text.strip():
        like = f"%{q.text.strip()}%"
        query = query.where(or_(Visit.leader_name.like(like), Visit.target_name.like(like),
                                Visit.places.like(like), Visit.purpose.like(like)))
    if q.after is not None:
        start, last_id = q.after
        query = query.where(or_(Visit.start_on < start,
                                and_(Visit.start_on == start, Visit.id < last_id)))
    rows = session.execute(query.order_by(Visit.start_on.desc(), Visit.id.desc()).limit(q.limit))
    return [VisitRow(v.id, v.kind, v.start_on, v.end_on, v.leader_name, v.leader_key,
                     v.target_name, v.target_key, v.places, v.purpose, n) for v, n in rows]
