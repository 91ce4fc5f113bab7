"""The party domain's editable settings: activity types with their frequency
rules, and the 党费 brackets.

Both are synced rows of the office. Seeding is lazy: the first write that
needs a type (recording an activity) writes the defaults inside its own
operation; until then readers get the same defaults from code. Default types
have fixed ids (UUID5 of office and code), so two sites of one office that
both seed them create the same rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, get_args

from sqlalchemy import select
from sqlalchemy.orm import Session

from bzdesk.changes import Outcome
from bzdesk.errors import IntegrityError, NotFound, ValidationError
from bzdesk.models.party import PartyActivityType, PartyDuesRule
from bzdesk.roles import Actor, Can, require
from bzdesk.services.party._common import ORG_KINDS, Checker, clean_text
from bzdesk.services.party.dues_rule import (
    DEFAULT_RETIRED,
    DEFAULT_WORKING,
    brackets_from_json,
    brackets_to_json,
    check_brackets,
)
from bzdesk.services.party.inputs import ActivityTypeInput, DuesRuleInput
from bzdesk.services.party.periods import PERIODS, Period
from bzdesk.services.party.views import ActivityTypeView, DuesRuleView
from bzdesk.services.staffing.catalog import fixed_id
from bzdesk.uow import write_op

MAX_PER_WINDOW: Final = 31


@dataclass(frozen=True)
class _DefaultType:
    code: str
    name: str
    period: Period
    applies_to: tuple[str, ...]
    whole_membership: bool = True


# DOMAIN.md §3: 三会一课, 主题党日, 中心组学习 (as planned), the yearly meetings.
DEFAULT_TYPES: Final = (
    _DefaultType("ZBDH", "支部党员大会", "quarter", ("党支部",)),
    _DefaultType("ZWH", "支委会", "month", ("党支部",), whole_membership=False),
    _DefaultType("DXZH", "党小组会", "month", ("党小组",)),
    _DefaultType("DK", "党课", "quarter", ("党支部",)),
    _DefaultType("ZTDR", "主题党日", "month", ("党支部",)),
    _DefaultType("ZXZ", "理论学习中心组学习", "planned", ("机关党委",), whole_membership=False),
    _DefaultType("ZZSHH", "组织生活会", "year", ("党支部",)),
    _DefaultType("MZPY", "民主评议党员", "year", ("党支部",)),
    _DefaultType("TXTH", "谈心谈话", "year", ("党支部",), whole_membership=False),
    _DefaultType("MZSHH", "民主生活会", "year", ("机关党委",), whole_membership=False),
)


def _office(session: Session) -> str:
    return str(session.info["bz_site"].office_id)


def default_type_id(office_id: str, code: str) -> str:
    return fixed_id("party_activity_type", office_id, code)


def _defaults(office_id: str) -> list[PartyActivityType]:
    return [PartyActivityType(id=default_type_id(office_id, d.code), office_id=office_id,
                              code=d.code, name=d.name, period=d.period, required_count=1,
                              applies_to="、".join(d.applies_to), active=True,
                              whole_membership=d.whole_membership, sort_order=(i + 1) * 10,
                              deleted=False)
            for i, d in enumerate(DEFAULT_TYPES)]


def _type_rows(session: Session) -> list[PartyActivityType]:
    return list(session.scalars(select(PartyActivityType)
                                .where(PartyActivityType.deleted.is_(False))
                                .order_by(PartyActivityType.sort_order, PartyActivityType.code)))


def seed_types(session: Session) -> None:
    """Write this office's default types when it has none (call inside a write_op)."""
    office = _office(session)
    if not session.scalar(select(PartyActivityType.id)
                          .where(PartyActivityType.office_id == office).limit(1)):
        session.add_all(_defaults(office))
        session.flush()


def _type_view(r: PartyActivityType) -> ActivityTypeView:
    period: Period = r.period if r.period in get_args(Period) else "planned"  # type: ignore[assignment]
    return ActivityTypeView(r.id, r.code, r.name, period, PERIODS[period], r.required_count,
                            tuple(k for k in r.applies_to.split("、") if k), r.active,
                            r.sort_order, r.whole_membership, r.office_id)


def load_types(session: Session) -> list[ActivityTypeView]:
    """Every office's types (a city holds its counties'); this office's defaults until
    its first record seeds them."""
    rows = _type_rows(session)
    office = _office(session)
    if not any(r.office_id == office for r in rows):
        rows = _defaults(office) + rows
    return [_type_view(r) for r in rows]


def types_of(session: Session, office_id: str) -> list[ActivityTypeView]:
    return [t for t in load_types(session) if t.office_id == office_id]


def list_activity_types(session: Session, actor: Actor) -> list[ActivityTypeView]:
    require(actor, Can.READ)
    return load_types(session)


def type_ref(session: Session, type_id: str | None) -> ActivityTypeView:
    for view in load_types(session):
        if view.id == type_id:
            return view
    raise NotFound.single("活动类型", type_id, "找不到这个活动类型。", "not_found")


def _checked(session: Session, inp: ActivityTypeInput, own_id: str | None) -> str:
    check = Checker()
    name = check.take(lambda: clean_text(inp.name, "名称", 40, required=True))
    if inp.period not in PERIODS:
        shown = "、".join(PERIODS.values())
        check.add("频次", inp.period, f"频次“{inp.period}”无效，应为：{shown}。", "bad_choice")
    if not 1 <= inp.required_count <= MAX_PER_WINDOW:
        check.add("每期次数", inp.required_count,
                  f"每期次数应为 1 到 {MAX_PER_WINDOW} 之间的整数。", "bad_number")
    unknown = [k for k in inp.applies_to if k not in ORG_KINDS]
    if unknown or not inp.applies_to:
        check.add("适用组织", "、".join(inp.applies_to),
                  f"适用组织应从 {'、'.join(ORG_KINDS)} 中选择至少一项。", "bad_choice")
    check.done()
    clash = next((t for t in types_of(session, _office(session))
                  if t.name == name and t.id != own_id), None)
    if clash is not None:
        raise IntegrityError.single("名称", name, f"已有名为“{name}”的活动类型。", "duplicate")
    return str(name)


def add_activity_type(session: Session, actor: Actor,
                      inp: ActivityTypeInput) -> Outcome[ActivityTypeView]:
    require(actor, Can.ADMINISTER)
    name = _checked(session, inp, None)
    with write_op(session, actor, "新增党建活动类型", target=name) as op:
        seed_types(session)
        row = PartyActivityType(code=f"X{len(_type_rows(session)) + 1:03d}", name=name,
                                period=inp.period, required_count=inp.required_count,
                                applies_to="、".join(inp.applies_to), active=inp.active,
                                sort_order=inp.sort_order,
                                whole_membership=inp.whole_membership)
        session.add(row)
    return Outcome(_type_view(row), frozenset(op.changed))


def update_activity_type(session: Session, actor: Actor, type_id: str,
                         inp: ActivityTypeInput) -> Outcome[ActivityTypeView]:
    """Change a type's name, frequency, count per period, organisations, or retire it."""
    require(actor, Can.ADMINISTER)
    if type_ref(session, type_id).office_id != _office(session):
        raise ValidationError.single("活动类型", type_id,
                                     "这是下级单位的活动类型，只能由该单位修改。", "not_ours")
    name = _checked(session, inp, type_id)
    with write_op(session, actor, "修改党建活动类型", target=name) as op:
        seed_types(session)
        row = session.get(PartyActivityType, type_id)
        assert row is not None  # seeded above when it was a default
        row.name, row.period, row.required_count = name, inp.period, inp.required_count
        row.applies_to, row.active = "、".join(inp.applies_to), inp.active
        row.sort_order, row.whole_membership = inp.sort_order, inp.whole_membership
    return Outcome(_type_view(row), frozenset(op.changed))


# -- 党费 brackets -------------------------------------------------------------------

def _rule_id(office_id: str) -> str:
    return f"party-dues-{office_id}"


def load_dues_rule(session: Session) -> DuesRuleView:
    row = session.get(PartyDuesRule, _rule_id(_office(session)))
    if row is None or row.deleted:
        return DuesRuleView(DEFAULT_WORKING, DEFAULT_RETIRED, 6)
    return DuesRuleView(brackets_from_json(row.working), brackets_from_json(row.retired),
                        row.alert_months)


def dues_rule(session: Session, actor: Actor) -> DuesRuleView:
    require(actor, Can.READ)
    return load_dues_rule(session)


def set_dues_rule(session: Session, actor: Actor, inp: DuesRuleInput) -> Outcome[DuesRuleView]:
    """Replace the office's 党费 brackets (在职 and 离退休) and the unpaid alert."""
    require(actor, Can.ADMINISTER)
    check = Checker()
    working = check.take(lambda: check_brackets(inp.working, "在职党员比例"))
    retired = check.take(lambda: check_brackets(inp.retired, "离退休党员比例"))
    if not 1 <= inp.alert_months <= 24:
        check.add("提醒月数", inp.alert_months, "提醒月数应为 1 到 24 之间的整数。",
                  "bad_number")
    check.done()
    assert working is not None and retired is not None
    rule_id = _rule_id(_office(session))
    with write_op(session, actor, "修改党费比例") as op:
        row = session.get(PartyDuesRule, rule_id)
        if row is None:
            row = PartyDuesRule(id=rule_id, working="", retired="")
            session.add(row)
        row.working, row.retired = brackets_to_json(working), brackets_to_json(retired)
        row.alert_months, row.deleted = inp.alert_months, False
    return Outcome(load_dues_rule(session), frozenset(op.changed))
