"""挂点安排: which leader (or 联络专员) answers for which 联系点, and when."""

from __future__ import annotations

from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from bzdesk.changes import Outcome
from bzdesk.errors import IntegrityError, ValidationError
from bzdesk.models import Office, User
from bzdesk.models.staffing import Person, Unit
from bzdesk.models.visits import LinkAssignment, Visit
from bzdesk.roles import Actor, Can, require
from bzdesk.services.visits import vocab
from bzdesk.services.visits._common import Problems, dates_text, live
from bzdesk.services.visits.inputs import AssignmentInput
from bzdesk.services.visits.rules import check_required
from bzdesk.services.visits.views import AssignmentView, LeaderChoice, TargetChoice
from bzdesk.uow import write_op


def assignment_view(row: LinkAssignment) -> AssignmentView:
    return AssignmentView(
        row.id, row.office_id, row.kind, row.leader_name, row.leader_key, row.person_id,
        row.user_id, row.target_kind, row.target_key, row.target_name, row.unit_id,
        row.start_on, row.end_on, row.required_per_quarter, row.note)


def resolve_leader(session: Session, problems: Problems, name: str, person_id: str | None,
                   user_id: str | None) -> tuple[str, str]:
    """(display name, leader key) of a leader given by person, user or name."""
    name = name.strip()
    if person_id:
        person = session.get(Person, person_id)
        if person is None or person.deleted:
            problems.add("领导", person_id, "找不到所选的人员（可能已被删除）。", "not_found")
        else:
            name = name or person.name
    elif user_id:
        user = session.get(User, user_id)
        if user is None:
            problems.add("领导", user_id, "找不到所选的用户。", "not_found")
        else:
            name = name or user.display_name
    problems.text("领导", name, 40, required=True)
    return name, vocab.leader_key(name, person_id=person_id, user_id=user_id)


def resolve_target(session: Session, problems: Problems, kind: str,
                   target: str) -> tuple[str, str, str | None] | None:
    """(target key, name, unit id) of a 联系点, or None with the problem noted."""
    target = target.strip()
    if kind == vocab.TARGET_COUNTY:
        office = session.get(Office, target) or session.scalars(
            select(Office).where(Office.name == target)).first()
        if office is None or office.deleted:
            problems.add("联系点", target, f"找不到行政区划代码或名称为“{target}”的县（市、区）。",
                         "unknown_office")
            return None
        return vocab.target_key(kind, office.id), office.name, None
    if kind == vocab.TARGET_UNIT:
        unit = session.get(Unit, target) if target else None
        if unit is None or unit.deleted:
            problems.add("联系点", target, "找不到所选的单位（可能已被删除）。", "unknown_unit")
            return None
        return vocab.target_key(kind, unit.id), unit.name, unit.id
    if kind == vocab.TARGET_SECTOR:
        try:
            sector = vocab.match_sector(target)
        except ValidationError as exc:
            problems.take(exc)
            return None
        return vocab.target_key(kind, sector), sector, None
    problems.add("联系点类型", kind, "联系点类型应为县（市、区）、单位或行业领域。", "bad_choice")
    return None


def create_assignment(session: Session, actor: Actor,
                      data: AssignmentInput) -> Outcome[AssignmentView]:
    require(actor, Can.WRITE)
    problems = Problems()
    if data.kind not in vocab.ASSIGNMENT_KINDS:
        problems.add("安排类型", data.kind, "安排类型应为挂点领导或联络专员。", "bad_choice")
    name, leader = resolve_leader(session, problems, data.leader_name, data.person_id,
                                  data.user_id)
    target = resolve_target(session, problems, data.target_kind, data.target)
    if data.end_on is not None and data.end_on < data.start_on:
        problems.add("结束日期", data.end_on, "结束日期不能早于开始日期。", "end_before_start")
    if data.required_per_quarter is not None:
        try:
            check_required(data.required_per_quarter)
        except ValidationError as exc:
            problems.take(exc)
    note = problems.text("备注", data.note, 500)
    problems.raise_if_any()
    assert target is not None
    key, target_name, unit_id = target
    _refuse_overlap(session, leader, key, data.start_on, data.end_on, name, target_name)
    with write_op(session, actor, f"新增{data.kind}安排") as op:
        row = LinkAssignment(
            kind=data.kind, leader_name=name, leader_key=leader, person_id=data.person_id or None,
            user_id=data.user_id or None, target_kind=data.target_kind, target_key=key,
            target_name=target_name, unit_id=unit_id, start_on=data.start_on, end_on=data.end_on,
            required_per_quarter=data.required_per_quarter, note=note)
        session.add(row)
    return Outcome(assignment_view(row), frozenset(op.changed))


def _refuse_overlap(session: Session, leader: str, key: str, start: date, end: date | None,
                    name: str, target_name: str) -> None:
    query = select(LinkAssignment).where(
        LinkAssignment.leader_key == leader, LinkAssignment.target_key == key,
        LinkAssignment.deleted.is_(False),
        or_(LinkAssignment.end_on.is_(None), LinkAssignment.end_on >= start))
    if end is not None:
        query = query.where(LinkAssignment.start_on <= end)
    other = session.scalars(query).first()
    if other is not None:
        raise IntegrityError.single(
            "开始日期", start,
            f"{name}联系{target_name}已有安排（{dates_text(other.start_on, other.end_on)}），"
            "两段安排的时间不能重叠。", "overlap")


def end_assignment(session: Session, actor: Actor, assignment_id: str,
                   end_on: date) -> Outcome[AssignmentView]:
    """Close an assignment on ``end_on`` (its visits up to that day stay counted)."""
    require(actor, Can.WRITE)
    row = live(session, LinkAssignment, assignment_id, "挂点安排", "挂点安排")
    if end_on < row.start_on:
        raise ValidationError.single("结束日期", end_on, "结束日期不能早于开始日期。",
                                     "end_before_start")
    later = session.scalar(select(Visit.start_on).where(
        Visit.assignment_id == row.id, Visit.deleted.is_(False), Visit.end_on > end_on)
        .order_by(Visit.start_on).limit(1))
    if later is not None:
        raise IntegrityError.single(
            "结束日期", end_on,
            f"该安排在 {later.isoformat()} 还有走访记录，结束日期不能早于这次走访。", "has_visits")
    with write_op(session, actor, f"结束{row.kind}安排") as op:
        row.end_on = end_on
    return Outcome(assignment_view(row), frozenset(op.changed))


def delete_assignment(session: Session, actor: Actor, assignment_id: str) -> Outcome[None]:
    """Remove an assignment entered by mistake (refused once visits refer to it)."""
    require(actor, Can.WRITE)
    row = live(session, LinkAssignment, assignment_id, "挂点安排", "挂点安排")
    used = session.scalar(select(Visit.id).where(Visit.assignment_id == row.id,
                                                 Visit.deleted.is_(False)).limit(1))
    if used is not None:
        raise IntegrityError.single("挂点安排", row.target_name,
                                    "这个安排已有走访记录，不能删除；如已调整，请填写结束日期。",
                                    "has_visits")
    with write_op(session, actor, f"删除{row.kind}安排") as op:
        op.delete(row)
    return Outcome(None, frozenset(op.changed))


def list_assignments(session: Session, actor: Actor, *, year: int | None = None,
                     active_on: date | None = None) -> list[AssignmentView]:
    """Assignments in force on ``active_on``, or during ``year``, or all; by leader."""
    require(actor, Can.READ)
    query = select(LinkAssignment).where(LinkAssignment.deleted.is_(False))
    first, last = ((active_on, active_on) if active_on is not None else
                   (date(year, 1, 1), date(year, 12, 31)) if year is not None else (None, None))
    if first is not None and last is not None:
        query = query.where(LinkAssignment.start_on <= last, or_(
            LinkAssignment.end_on.is_(None), LinkAssignment.end_on >= first))
    rows = session.scalars(query.order_by(LinkAssignment.kind, LinkAssignment.leader_name,
                                          LinkAssignment.target_name, LinkAssignment.start_on))
    return [assignment_view(r) for r in rows]


def leader_choices(session: Session, actor: Actor, text: str = "") -> list[LeaderChoice]:
    """Leaders to pick from: those already assigned, the users of this PC and,
    when ``text`` is given, people of the roster whose name starts with it."""
    require(actor, Can.READ)
    found: dict[str, LeaderChoice] = {}
    for name, key, person_id, user_id in session.execute(
            select(LinkAssignment.leader_name, LinkAssignment.leader_key,
                   LinkAssignment.person_id, LinkAssignment.user_id)
            .where(LinkAssignment.deleted.is_(False)).distinct()):
        found.setdefault(key, LeaderChoice(name, key, person_id, user_id, "已有安排"))
    for user in session.scalars(select(User).where(User.active.is_(True))
                                .order_by(User.display_name)):
        key = vocab.leader_key(user.display_name, user_id=user.id)
        found.setdefault(key, LeaderChoice(user.display_name, key, None, user.id, "系统用户"))
    if text.strip():
        for person in session.scalars(
                select(Person).where(Person.deleted.is_(False),
                                     Person.name.startswith(text.strip(), autoescape=True))
                .order_by(Person.name).limit(20)):
            key = vocab.person_key(person.id)
            found.setdefault(key, LeaderChoice(person.name, key, person.id, None, "人员库"))
    return sorted(found.values(), key=lambda c: (c.source != "已有安排", c.name))


def target_choices(session: Session, actor: Actor) -> list[TargetChoice]:
    """Every 联系点 that can be assigned: counties known here, live units, sectors."""
    require(actor, Can.READ)
    out = [TargetChoice(vocab.TARGET_COUNTY, o.id, o.name,
                        vocab.target_key(vocab.TARGET_COUNTY, o.id))
           for o in session.scalars(select(Office).where(Office.deleted.is_(False),
                                                         Office.level == "county")
                                    .order_by(Office.id))]
    out += [TargetChoice(vocab.TARGET_UNIT, u.id, u.name,
                         vocab.target_key(vocab.TARGET_UNIT, u.id))
            for u in session.scalars(select(Unit).where(Unit.deleted.is_(False),
                                                        Unit.status == "正常")
                                     .order_by(Unit.sort_order, Unit.name))]
    out += [TargetChoice(vocab.TARGET_SECTOR, s, s, vocab.target_key(vocab.TARGET_SECTOR, s))
            for s in vocab.SECTORS]
    return out
