"""How many visits each 联系点 needs per quarter (default 1).

Kept in a synced row per office (``visit-rule-<office code>``), not in the
local Setting table: the office PC and its officers' field laptops are sites
of one office and must count 应访 / 未访 alike, and the city reads each
county's dashboard by that county's own rule. The fixed id lets every site
create the row lazily and still converge on one row. An assignment may
override the number for its 联系点 (``required_per_quarter``).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from bzdesk.changes import Outcome
from bzdesk.errors import ValidationError
from bzdesk.models.visits import VisitRule
from bzdesk.roles import Actor, Can, require
from bzdesk.services.visits.views import RuleView
from bzdesk.uow import write_op

DEFAULT_REQUIRED = 1
MAX_REQUIRED = 12


def rule_id(office_id: str) -> str:
    return f"visit-rule-{office_id}"


def _office_id(session: Session) -> str:
    return str(session.info["bz_site"].office_id)


def rules_by_office(session: Session) -> dict[str, int]:
    """Each office's required visits per quarter (offices without a row use the default)."""
    rows = session.execute(select(VisitRule.office_id, VisitRule.required_per_quarter)
                           .where(VisitRule.deleted.is_(False)))
    return {office: required for office, required in rows}


def check_required(value: int, column: str = "每季度应走访次数") -> int:
    if not 1 <= value <= MAX_REQUIRED:
        raise ValidationError.single(column, value,
                                     f"{column}应在 1 到 {MAX_REQUIRED} 之间。", "out_of_range")
    return value


def get_visit_rule(session: Session, actor: Actor) -> RuleView:
    require(actor, Can.READ)
    rules = rules_by_office(session)
    return RuleView(rules.get(_office_id(session), DEFAULT_REQUIRED))


def set_visit_rule(session: Session, actor: Actor, required: int) -> Outcome[RuleView]:
    require(actor, Can.ADMINISTER)
    check_required(required)
    office_id = _office_id(session)
    with write_op(session, actor, "设置走访频次", target=f"visit_rule:{office_id}") as op:
        row = session.get(VisitRule, rule_id(office_id))
        if row is None:
            session.add(VisitRule(id=rule_id(office_id), office_id=office_id,
                                  required_per_quarter=required))
        else:
            row.required_per_quarter = required
            row.deleted = False
    return Outcome(RuleView(required), frozenset(op.changed))
