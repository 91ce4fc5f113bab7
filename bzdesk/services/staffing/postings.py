"""入编, 出编 and 调动: a person's postings, at most one open at a time.

入编 into a unit × 编制类型 with no vacancy (空编 = 核定 − 实有 − 在途, as
of today) is refused with QuotaExceeded, unless an approver gives an
override reason: the posting keeps the reason, the audit entry is named
超编入编 (超编调动) and carries it, and ``findings`` lists it. A posting
that uses an approved hiring plan's slot takes that plan's 在途 place.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from bzdesk.changes import Outcome
from bzdesk.errors import IntegrityError, QuotaExceeded, ValidationError
from bzdesk.models.staffing import HiringPlan, Person, Posting, Unit
from bzdesk.roles import Actor, Can, require
from bzdesk.services.staffing import measures
from bzdesk.services.staffing._common import (
    Checker,
    clean_text,
    get_row,
    get_unit_row,
    last_day,
    parse_date,
    require_accepting,
    today,
)
from bzdesk.services.staffing.catalog import category_names, category_ref, seed_dictionaries
from bzdesk.services.staffing.dictionaries import optional_choice, require_choice
from bzdesk.services.staffing.inputs import (
    DateValue,
    LeaveInput,
    PostingInput,
    TransferInput,
)
from bzdesk.services.staffing.people import earliest_work_day, get_person_row
from bzdesk.services.staffing.plans import fillable_plan
from bzdesk.services.staffing.views import CategoryView, PostingView
from bzdesk.uow import WriteOp, write_op
from bzdesk.validation import Precision


def posting_views(session: Session, *where: ColumnElement[bool]) -> list[PostingView]:
    names = category_names(session)
    rows = session.execute(
        select(Posting, Person.name, Unit.name)
        .join(Person, Person.id == Posting.person_id).join(Unit, Unit.id == Posting.unit_id)
        .where(Posting.deleted.is_(False), *where)
        .order_by(Posting.start_on, Posting.end_on.is_(None), Posting.end_on)).all()
    return [PostingView(p.id, p.person_id, person, p.unit_id, unit, p.category_id,
                        names.get(p.category_id, ""), p.position, p.leader_kind,
                        p.start_route, p.start_on, p.start_precision, p.start_doc,
                        p.end_route, p.end_on, p.end_precision, p.end_doc,
                        p.override_reason, p.plan_id)
            for p, person, unit in rows]


def _one(session: Session, posting_id: str) -> PostingView:
    return posting_views(session, Posting.id == posting_id)[0]


def open_posting(session: Session, person_id: str) -> Posting | None:
    return session.scalars(select(Posting).where(
        Posting.person_id == person_id, Posting.end_on.is_(None),
        Posting.deleted.is_(False)).order_by(Posting.start_on.desc())).first()


def _start_date(value: DateValue, person: Person, column: str) -> tuple[date, Precision]:
    on, precision = parse_date(value, column)
    earliest = earliest_work_day(person.birth_date)
    if last_day(on, precision) < earliest:
        raise ValidationError.single(column, value,
                                     f"{column}早于 {person.name} 年满 16 周岁的日子"
                                     f"（{earliest.isoformat()}），请核对。", "too_young")
    return on, precision


def _override_reason(actor: Actor, reason: str | None) -> str | None:
    text = " ".join((reason or "").split())
    if text:
        require(actor, Can.APPROVE)  # only approvers may post beyond the quota
    return text or None


def _check_vacancy(session: Session, unit: Unit, category: CategoryView,
                   override: str | None) -> tuple[HiringPlan | None, bool]:
    """(the plan this posting fills, whether it goes beyond the quota)."""
    day = today()
    plan = fillable_plan(session, unit.id, category.id, day)
    n = measures.numbers(session, unit.id, category.id, day)
    free = n.approved - n.filled - n.in_transit + (1 if plan else 0)
    if free >= 1:
        return plan, False
    if override is None:
        raise QuotaExceeded.single(
            "编制类型", category.name,
            n.told(unit.name, category.name) + "，已无空编，不能入编。", "over_quota")
    return plan, True


def _open(session: Session, op: WriteOp, person: Person, unit: Unit, category: CategoryView,
          fields: dict[str, object], plan: HiringPlan | None, override: str | None) -> Posting:
    seed_dictionaries(session)
    posting = Posting(person_id=person.id, unit_id=unit.id, category_id=category.id,
                      office_id=unit.office_id, override_reason=override,
                      plan_id=plan.id if plan else None,
                      is_leader=fields["leader_kind"] is not None, **fields)
    session.add(posting)
    if plan is not None:
        plan.filled += 1
        if plan.filled >= plan.count:
            plan.status = "已完成"
    if override is not None:
        op.extra["override_reason"] = override
    session.flush()
    return posting


def _entry_checks(session: Session, person: Person, unit: Unit) -> None:
    require_accepting(unit, "入编")
    current = open_posting(session, person.id)
    if current is not None:
        where = session.get(Unit, current.unit_id)
        raise IntegrityError.single(
            "人员", person.name,
            f"{person.name} 已在 {where.name if where else '其他单位'} 在编，一人只能占一个编制；"
            "请先办理出编或调动。", "one_posting")


def post_person(session: Session, actor: Actor, inp: PostingInput) -> Outcome[PostingView]:
    """入编."""
    require(actor, Can.WRITE)
    override = _override_reason(actor, inp.override_reason)
    check = Checker()
    person = check.take(lambda: get_person_row(session, inp.person_id))
    unit = check.take(lambda: get_unit_row(session, inp.unit_id))
    category = check.take(lambda: category_ref(session, inp.category_id))
    route = check.take(lambda: require_choice("start_route", inp.start_route, "入编方式"))
    start = (check.take(lambda: _start_date(inp.start_on, person, "入编时间"))
             if person else None)
    doc = check.take(lambda: clean_text(inp.start_doc, "入编文号", 100))
    position = check.take(lambda: clean_text(inp.position, "职务", 50))
    leader = check.take(lambda: optional_choice("leader_kind", inp.leader_kind, "领导职务"))
    check.done()
    assert person and unit and category and route and start and doc is not None
    _entry_checks(session, person, unit)
    plan, beyond = _check_vacancy(session, unit, category, override)
    fields: dict[str, object] = {
        "position": position, "leader_kind": leader, "start_route": route,
        "start_on": start[0], "start_precision": start[1], "start_doc": doc,
    }
    with write_op(session, actor, "超编入编" if beyond else "入编",
                  target=f"{person.name} → {unit.name}") as op:
        posting = _open(session, op, person, unit, category, fields, plan,
                        override if beyond else None)
    return Outcome(_one(session, posting.id), frozenset(op.changed))


def _end_date(value: DateValue, posting: Posting, column: str) -> tuple[date, Precision]:
    on, precision = parse_date(value, column)
    if on < posting.start_on:
        raise ValidationError.single(column, value,
                                     f"{column} {on.isoformat()} 早于入编时间 "
                                     f"{posting.start_on.isoformat()}。", "before_start")
    return on, precision


def end_posting(session: Session, actor: Actor, inp: LeaveInput) -> Outcome[PostingView]:
    """出编."""
    require(actor, Can.WRITE)
    posting = get_row(session, Posting, inp.posting_id, "在编记录")
    if posting.end_on is not None:
        raise ValidationError.single("在编记录", inp.posting_id,
                                     f"这条记录已于 {posting.end_on.isoformat()} 出编。",
                                     "already_closed")
    check = Checker()
    route = check.take(lambda: require_choice("end_route", inp.end_route, "出编方式"))
    end = check.take(lambda: _end_date(inp.end_on, posting, "出编时间"))
    doc = check.take(lambda: clean_text(inp.end_doc, "出编文号", 100))
    check.done()
    assert route and end and doc is not None
    person = get_person_row(session, posting.person_id)
    with write_op(session, actor, "出编", target=f"{person.name}（{route}）") as op:
        posting.end_route, posting.end_on, posting.end_precision = route, end[0], end[1]
        posting.end_doc = doc
    return Outcome(_one(session, posting.id), frozenset(op.changed))


def transfer_person(session: Session, actor: Actor, inp: TransferInput) -> Outcome[PostingView]:
    """调动: close the open posting (调出) and open the new one the same day."""
    require(actor, Can.WRITE)
    override = _override_reason(actor, inp.override_reason)
    person = get_person_row(session, inp.person_id)
    current = open_posting(session, person.id)
    if current is None:
        raise ValidationError.single("人员", person.name,
                                     f"{person.name} 目前不在编，不能调动；请办理入编。",
                                     "not_posted")
    check = Checker()
    unit = check.take(lambda: get_unit_row(session, inp.unit_id))
    category = check.take(lambda: category_ref(session, inp.category_id))
    route = check.take(lambda: require_choice("start_route", inp.route, "调入方式"))
    on = check.take(lambda: _end_date(inp.on, current, "调动时间"))
    doc = check.take(lambda: clean_text(inp.doc, "调动文号", 100))
    position = check.take(lambda: clean_text(inp.position, "职务", 50))
    leader = check.take(lambda: optional_choice("leader_kind", inp.leader_kind, "领导职务"))
    if unit and category and (unit.id, category.id) == (current.unit_id, current.category_id):
        check.add("机构", unit.name, "调入的单位和编制类型与现在相同，不是调动。", "same_post")
    check.done()
    assert unit and category and route and on and doc is not None
    require_accepting(unit, "调入")
    plan, beyond = _check_vacancy(session, unit, category, override)
    fields: dict[str, object] = {
        "position": position, "leader_kind": leader, "start_route": route,
        "start_on": on[0], "start_precision": on[1], "start_doc": doc,
    }
    with write_op(session, actor, "超编调动" if beyond else "调动",
                  target=f"{person.name} → {unit.name}") as op:
        current.end_route, current.end_on, current.end_precision = "调出", on[0], on[1]
        current.end_doc = doc
        posting = _open(session, op, person, unit, category, fields, plan,
                        override if beyond else None)
    return Outcome(_one(session, posting.id), frozenset(op.changed))


def person_timeline(session: Session, actor: Actor, person_id: str) -> list[PostingView]:
    """A person's postings, oldest first (one query)."""
    require(actor, Can.READ)
    get_person_row(session, person_id)
    return posting_views(session, Posting.person_id == person_id)


def unit_postings(session: Session, actor: Actor, unit_id: str, *,
                  open_only: bool = True) -> list[PostingView]:
    require(actor, Can.READ)
    where = [Posting.unit_id == unit_id]
    if open_only:
        where.append(Posting.end_on.is_(None))
    return posting_views(session, *where)
