"""核定编制, 领导职数 and 编制总额: lines with history.

A new line supersedes the previous one of the same unit × 编制类型 from its
effective date; setting a line on a day that already has one corrects that
line instead of adding a second, so a day never has two numbers. Counts of
different 编制类型 are never added together.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from bzdesk.changes import Outcome
from bzdesk.errors import PermissionDenied, ValidationError
from bzdesk.models.staffing import CountyTotal, LeaderPost, QuotaLine, Unit
from bzdesk.roles import Actor, Can, require
from bzdesk.services.office import current_office
from bzdesk.services.staffing._common import (
    Checker,
    clean_text,
    get_unit_row,
    parse_count,
    parse_date,
    require_active,
    today,
)
from bzdesk.services.staffing.catalog import category_names, category_ref, seed_dictionaries
from bzdesk.services.staffing.inputs import (
    CountyTotalInput,
    DateValue,
    LeaderPostInput,
    QuotaInput,
)
from bzdesk.services.staffing.views import CountyTotalView, LeaderPostView, QuotaView
from bzdesk.sync import scope
from bzdesk.uow import write_op

MAX_LEADERS = 1000
# Approvals are often recorded a little ahead (a 三定 effective next month).
_AHEAD = timedelta(days=366)


def _effective(value: DateValue) -> date:
    on, _ = parse_date(value, "生效日期", allow_future=True)
    if on > today() + _AHEAD:
        raise ValidationError.single("生效日期", value, "生效日期不能晚于一年以后。",
                                     "future_date")
    return on


def current_quota_line(session: Session, unit_id: str, category_id: str,
                       as_of: date) -> QuotaLine | None:
    """The quota line in force on ``as_of`` (same order as measures.quota_lines)."""
    return session.scalars(select(QuotaLine).where(
        QuotaLine.unit_id == unit_id, QuotaLine.category_id == category_id,
        QuotaLine.deleted.is_(False), QuotaLine.effective_on <= as_of)
        .order_by(QuotaLine.effective_on.desc(), QuotaLine.hlc.desc())).first()


def write_quota_line(session: Session, unit: Unit, category_id: str, approved: int,
                     on: date, doc: str) -> QuotaLine:
    """Add the line, or correct the line already effective that day (inside a write_op)."""
    line = session.scalars(select(QuotaLine).where(
        QuotaLine.unit_id == unit.id, QuotaLine.category_id == category_id,
        QuotaLine.effective_on == on, QuotaLine.deleted.is_(False))).first()
    if line is None:
        line = QuotaLine(unit_id=unit.id, category_id=category_id, effective_on=on,
                         office_id=unit.office_id, approved=approved, doc=doc)
        session.add(line)
    else:
        line.approved, line.doc = approved, doc
    session.flush()
    return line


def write_leader_line(session: Session, unit: Unit, chief: int, deputy: int, on: date,
                      doc: str) -> LeaderPost:
    line = session.scalars(select(LeaderPost).where(
        LeaderPost.unit_id == unit.id, LeaderPost.effective_on == on,
        LeaderPost.deleted.is_(False))).first()
    if line is None:
        line = LeaderPost(unit_id=unit.id, effective_on=on, office_id=unit.office_id,
                          chief=chief, deputy=deputy, doc=doc)
        session.add(line)
    else:
        line.chief, line.deputy, line.doc = chief, deputy, doc
    session.flush()
    return line


def _quota_view(line: QuotaLine, names: dict[str, str]) -> QuotaView:
    return QuotaView(line.id, line.unit_id, line.category_id, names.get(line.category_id, ""),
                     line.approved, line.doc, line.effective_on)


def set_quota(session: Session, actor: Actor, inp: QuotaInput) -> Outcome[QuotaView]:
    """核定编制 of one unit × 编制类型 from a date."""
    require(actor, Can.WRITE)
    check = Checker()
    unit = check.take(lambda: get_unit_row(session, inp.unit_id))
    category = check.take(lambda: category_ref(session, inp.category_id))
    approved = check.take(lambda: parse_count(inp.approved, "核定编制数"))
    on = check.take(lambda: _effective(inp.effective_on))
    doc = check.take(lambda: clean_text(inp.doc, "文号", 100))
    check.done()
    assert unit and category and approved is not None and on and doc is not None
    require_active(unit, "核定编制")
    with write_op(session, actor, "核定编制", target=f"{unit.name} {category.name}") as op:
        seed_dictionaries(session)
        line = write_quota_line(session, unit, category.id, approved, on, doc)
        op.extra["approved"] = approved
    return Outcome(_quota_view(line, category_names(session)), frozenset(op.changed))


def quota_history(session: Session, actor: Actor, unit_id: str) -> list[QuotaView]:
    """Every quota line of a unit, by 编制类型 then date."""
    require(actor, Can.READ)
    names = category_names(session)
    lines = session.scalars(select(QuotaLine).where(
        QuotaLine.unit_id == unit_id, QuotaLine.deleted.is_(False))
        .order_by(QuotaLine.category_id, QuotaLine.effective_on)).all()
    return [_quota_view(line, names) for line in lines]


def _leader_view(line: LeaderPost) -> LeaderPostView:
    return LeaderPostView(line.id, line.unit_id, line.chief, line.deputy, line.doc,
                          line.effective_on)


def set_leader_posts(session: Session, actor: Actor,
                     inp: LeaderPostInput) -> Outcome[LeaderPostView]:
    """领导职数: 正职 and 副职 approved separately."""
    require(actor, Can.WRITE)
    check = Checker()
    unit = check.take(lambda: get_unit_row(session, inp.unit_id))
    chief = check.take(lambda: parse_count(inp.chief, "正职职数", maximum=MAX_LEADERS))
    deputy = check.take(lambda: parse_count(inp.deputy, "副职职数", maximum=MAX_LEADERS))
    on = check.take(lambda: _effective(inp.effective_on))
    doc = check.take(lambda: clean_text(inp.doc, "文号", 100))
    check.done()
    assert unit and chief is not None and deputy is not None and on and doc is not None
    require_active(unit, "核定领导职数")
    with write_op(session, actor, "核定领导职数", target=unit.name) as op:
        line = write_leader_line(session, unit, chief, deputy, on, doc)
    return Outcome(_leader_view(line), frozenset(op.changed))


def leader_post_history(session: Session, actor: Actor, unit_id: str) -> list[LeaderPostView]:
    require(actor, Can.READ)
    lines = session.scalars(select(LeaderPost).where(
        LeaderPost.unit_id == unit_id, LeaderPost.deleted.is_(False))
        .order_by(LeaderPost.effective_on)).all()
    return [_leader_view(line) for line in lines]


def _total_view(row: CountyTotal, names: dict[str, str]) -> CountyTotalView:
    return CountyTotalView(row.id, row.for_office, row.category_id,
                           names.get(row.category_id, ""), row.total, row.doc, row.effective_on)


def _office_code(raw: str) -> str:
    code = raw.strip()
    if len(code) != 6 or not code.isdigit():
        raise ValidationError.single("单位代码", raw, "单位代码应为 6 位行政区划代码，如 360121。",
                                     "bad_format")
    return code


def _require_office_above(session: Session, code: str) -> None:
    """编制总额 is a shared table with one writer: the office directly above the one it
    is set for (DESIGN.md "Sync by bundle"); a bundle carrying another's is refused."""
    me = current_office(session).code
    above = scope.parent(code)
    if above is None:
        raise PermissionDenied(f"{code} 没有上级单位，不能设定它的编制总额。")
    if me != above:
        raise PermissionDenied(
            f"{code} 的编制总额只能由其上级单位（{above}）设定，本单位（{me}）不能设定。")


def set_county_total(session: Session, actor: Actor,
                     inp: CountyTotalInput) -> Outcome[CountyTotalView]:
    """编制总额 of a county per 编制类型, set by the office directly above it."""
    require(actor, Can.WRITE)
    check = Checker()
    code = check.take(lambda: _office_code(inp.for_office))
    category = check.take(lambda: category_ref(session, inp.category_id))
    total = check.take(lambda: parse_count(inp.total, "编制总额"))
    on = check.take(lambda: _effective(inp.effective_on))
    doc = check.take(lambda: clean_text(inp.doc, "文号", 100))
    check.done()
    assert code and category and total is not None and on and doc is not None
    _require_office_above(session, code)
    with write_op(session, actor, "设定编制总额", target=f"{code} {category.name}") as op:
        seed_dictionaries(session)
        row = session.scalars(select(CountyTotal).where(
            CountyTotal.for_office == code, CountyTotal.category_id == category.id,
            CountyTotal.effective_on == on, CountyTotal.deleted.is_(False))).first()
        if row is None:
            row = CountyTotal(for_office=code, category_id=category.id, effective_on=on,
                              total=total, doc=doc)
            session.add(row)
        else:
            row.total, row.doc = total, doc
    return Outcome(_total_view(row, category_names(session)), frozenset(op.changed))


def county_totals(session: Session, actor: Actor, as_of: date | None = None,
                  ) -> list[CountyTotalView]:
    """The 编制总额 in force on ``as_of`` per county × 编制类型."""
    require(actor, Can.READ)
    day = as_of or today()
    rows = session.scalars(select(CountyTotal).where(
        CountyTotal.deleted.is_(False), CountyTotal.effective_on <= day)
        .order_by(CountyTotal.effective_on, CountyTotal.hlc)).all()
    latest = {(r.for_office, r.category_id): r for r in rows}  # later rows win
    names = category_names(session)
    return [_total_view(r, names) for _, r in sorted(latest.items())]
