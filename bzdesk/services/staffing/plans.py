"""用编计划: a unit applies (clerk), the office approves or rejects (approver).

An approved plan's unfilled count is 在途 from its decision day until it is
filled (each 入编 or 调动 into that unit × 编制类型 fills the oldest open
plan) or its ``valid_until`` passes; then it shows as 已过期. The stored
status only moves 待审核 → 已批准/已驳回 → 已完成, so nothing has to run
when a plan expires.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from bzdesk.changes import Outcome
from bzdesk.errors import QuotaExceeded, ValidationError
from bzdesk.models.staffing import HiringPlan, Unit
from bzdesk.roles import Actor, Can, require
from bzdesk.services.staffing import measures
from bzdesk.services.staffing._common import (
    Checker,
    add_months,
    clean_text,
    get_row,
    get_unit_row,
    optional_date,
    parse_count,
    require_accepting,
    require_active,
    today,
)
from bzdesk.services.staffing.catalog import category_names, category_ref, seed_dictionaries
from bzdesk.services.staffing.inputs import DateValue, PlanDecision, PlanInput
from bzdesk.services.staffing.views import PlanView
from bzdesk.uow import write_op

PENDING, APPROVED, REJECTED, DONE, EXPIRED = "待审核", "已批准", "已驳回", "已完成", "已过期"
DEFAULT_VALIDITY_MONTHS = 12
MAX_PLAN = 10_000


def shown_status(plan: HiringPlan, as_of: date) -> str:
    if plan.status == APPROVED and plan.valid_until is not None and plan.valid_until < as_of:
        return EXPIRED
    return plan.status


def _views(session: Session, as_of: date, *where: ColumnElement[bool]) -> list[PlanView]:
    names = category_names(session)
    rows = session.execute(
        select(HiringPlan, Unit.name).join(Unit, Unit.id == HiringPlan.unit_id)
        .where(HiringPlan.deleted.is_(False), *where)
        .order_by(HiringPlan.applied_on.desc(), HiringPlan.id)).all()
    return [PlanView(p.id, p.unit_id, unit, p.category_id, names.get(p.category_id, ""),
                     p.count, p.reason, shown_status(p, as_of), p.applied_on, p.applied_by,
                     p.decided_by, p.decided_on, p.decision_note, p.valid_until, p.filled)
            for p, unit in rows]


def fillable_plan(session: Session, unit_id: str, category_id: str,
                  on: date) -> HiringPlan | None:
    """The oldest approved plan of the unit × 编制类型 valid on ``on`` with room left."""
    return session.scalars(select(HiringPlan).where(
        HiringPlan.unit_id == unit_id, HiringPlan.category_id == category_id,
        HiringPlan.deleted.is_(False), HiringPlan.status == APPROVED,
        HiringPlan.decided_on <= on, HiringPlan.valid_until >= on,
        HiringPlan.filled < HiringPlan.count,
    ).order_by(HiringPlan.decided_on, HiringPlan.id)).first()


def apply_plan(session: Session, actor: Actor, inp: PlanInput) -> Outcome[PlanView]:
    """申请用编计划 (status 待审核)."""
    require(actor, Can.WRITE)
    check = Checker()
    unit = check.take(lambda: get_unit_row(session, inp.unit_id))
    category = check.take(lambda: category_ref(session, inp.category_id))
    count = check.take(lambda: parse_count(inp.count, "用编数", minimum=1, maximum=MAX_PLAN))
    reason = check.take(lambda: clean_text(inp.reason, "用编理由", 500, required=True))
    applied = check.take(lambda: optional_date(inp.applied_on, "申请日期"))
    check.done()
    assert unit and category and count and reason
    require_accepting(unit, "申请用编")
    with write_op(session, actor, "申请用编计划", target=f"{unit.name} {category.name}") as op:
        seed_dictionaries(session)
        plan = HiringPlan(unit_id=unit.id, category_id=category.id, office_id=unit.office_id,
                          count=count, reason=reason, status=PENDING,
                          applied_on=applied[0] if applied else today(),
                          applied_by=actor.username, filled=0, decision_note="")
        session.add(plan)
    return Outcome(_views(session, today(), HiringPlan.id == plan.id)[0], frozenset(op.changed))


def _pending(session: Session, plan_id: str) -> HiringPlan:
    plan = get_row(session, HiringPlan, plan_id, "用编计划")
    if plan.status != PENDING:
        raise ValidationError.single("用编计划", plan_id,
                                     f"只能审核待审核的计划（这个计划{plan.status}）。",
                                     "already_decided")
    return plan


def _decided_on(value: DateValue | None, plan: HiringPlan) -> date:
    decided = optional_date(value, "审核日期")
    day = decided[0] if decided else today()
    if day < plan.applied_on:
        raise ValidationError.single("审核日期", value, "审核日期不能早于申请日期。",
                                     "before_start")
    return day


def approve_plan(session: Session, actor: Actor, inp: PlanDecision) -> Outcome[PlanView]:
    """批准: refused when the plan asks for more than the 空编 of today."""
    require(actor, Can.APPROVE)
    plan = _pending(session, inp.plan_id)
    check = Checker()
    decided = check.take(lambda: _decided_on(inp.decided_on, plan))
    until = check.take(lambda: optional_date(inp.valid_until, "有效期至", allow_future=True))
    note = check.take(lambda: clean_text(inp.note, "审核意见", 500))
    check.done()
    assert decided and note is not None
    valid_until = until[0] if until else add_months(decided, DEFAULT_VALIDITY_MONTHS)
    if valid_until < decided:
        raise ValidationError.single("有效期至", inp.valid_until, "有效期不能早于审核日期。",
                                     "before_start")
    unit = get_unit_row(session, plan.unit_id)
    require_active(unit, "批准用编")
    category = category_ref(session, plan.category_id)
    n = measures.numbers(session, unit.id, category.id, today())
    if plan.count > n.vacant:
        raise QuotaExceeded.single(
            "用编数", plan.count,
            n.told(unit.name, category.name)
            + f"，空编 {n.vacant} 名，不能批准用编 {plan.count} 名。", "over_quota")
    with write_op(session, actor, "批准用编计划", target=f"{unit.name} {category.name}") as op:
        plan.status, plan.decided_by, plan.decided_on = APPROVED, actor.username, decided
        plan.valid_until, plan.decision_note = valid_until, note
    return Outcome(_views(session, today(), HiringPlan.id == plan.id)[0], frozenset(op.changed))


def reject_plan(session: Session, actor: Actor, inp: PlanDecision) -> Outcome[PlanView]:
    """驳回 (a reason is required)."""
    require(actor, Can.APPROVE)
    plan = _pending(session, inp.plan_id)
    check = Checker()
    decided = check.take(lambda: _decided_on(inp.decided_on, plan))
    note = check.take(lambda: clean_text(inp.note, "驳回理由", 500, required=True))
    check.done()
    assert decided and note
    with write_op(session, actor, "驳回用编计划", target=plan.id) as op:
        plan.status, plan.decided_by, plan.decided_on = REJECTED, actor.username, decided
        plan.decision_note = note
    return Outcome(_views(session, today(), HiringPlan.id == plan.id)[0], frozenset(op.changed))


def list_plans(session: Session, actor: Actor, *, unit_id: str | None = None,
               status: str | None = None, as_of: date | None = None) -> list[PlanView]:
    """Plans, newest application first; ``status`` filters on the shown status."""
    require(actor, Can.READ)
    day = as_of or today()
    where = [HiringPlan.unit_id == unit_id] if unit_id else []
    views = _views(session, day, *where)
    return [v for v in views if status is None or v.status == status]


def get_plan(session: Session, actor: Actor, plan_id: str) -> PlanView:
    require(actor, Can.READ)
    get_row(session, HiringPlan, plan_id, "用编计划")
    return _views(session, today(), HiringPlan.id == plan_id)[0]

