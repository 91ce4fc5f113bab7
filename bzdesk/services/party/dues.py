"""党费: the calculator by the office's brackets, the monthly payments ledger,
and the alert for members who have not paid for several months in a row.

Unpaid months are counted up to the month before the day asked (the current
month may still be paid), from the first month the member belonged here.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bzdesk.changes import Outcome
from bzdesk.errors import IntegrityError, ValidationError
from bzdesk.models.party import PartyDues, PartyMember
from bzdesk.roles import Actor, Can, require
from bzdesk.services.party._common import (
    clean_text,
    get_member,
    load_stays,
    load_tree,
    not_future,
    today,
)
from bzdesk.services.party.dues_rule import FEN, dues_amount, to_decimal
from bzdesk.services.party.inputs import DuesInput
from bzdesk.services.party.periods import add_months, month_start, months_between
from bzdesk.services.party.rules import load_dues_rule
from bzdesk.services.party.views import (
    DuesAlert,
    DuesLedger,
    DuesLedgerRow,
    DuesPaymentView,
)
from bzdesk.services.staffing._common import get_row
from bzdesk.uow import write_op

MAX_MONTHS_AHEAD = 12


def yuan(fen: int) -> Decimal:
    return (Decimal(fen) / 100).quantize(FEN)


def calculate_dues(session: Session, actor: Actor, base: object, retired: bool = False
                   ) -> Decimal:
    """Monthly dues of ``base`` yuan by the office's brackets (离退休 or 在职)."""
    require(actor, Can.READ)
    rule = load_dues_rule(session)
    return dues_amount(base, rule.retired if retired else rule.working)


def record_dues(session: Session, actor: Actor, inp: DuesInput
                ) -> Outcome[list[DuesPaymentView]]:
    """One payment for ``months`` months from ``month`` (补交 or 预交), each month
    its own ledger line at the amount the brackets give for ``base``."""
    require(actor, Can.WRITE)
    member = get_member(session, inp.member_id)
    rule = load_dues_rule(session)
    amount = dues_amount(inp.base, rule.retired if member.retired else rule.working)
    not_future(inp.paid_on, "交纳日期")
    if not 1 <= inp.months <= MAX_MONTHS_AHEAD:
        raise ValidationError.single("月数", inp.months,
                                     f"一次最多登记 {MAX_MONTHS_AHEAD} 个月的党费。", "bad_number")
    first = month_start(inp.month)
    months = [add_months(first, i) for i in range(inp.months)]
    if months[-1] > add_months(month_start(today()), MAX_MONTHS_AHEAD):
        raise ValidationError.single("月份", inp.month, "预交党费最多到一年以后。", "bad_date")
    stays = load_stays(session, member_ids=[member.id], start=months[0],
                       end=add_months(months[-1], 1))
    outside = [m for m in months if not any(
        s.start_on < add_months(m, 1) and (s.end_on is None or s.end_on > m) for s in stays.stays)]
    if outside:
        raise ValidationError.single("月份", inp.month,
                                     f"{member.name}在 {outside[0].year}年{outside[0].month}月"
                                     "不在本单位的党组织中，不在这里交纳党费。", "not_member")
    paid = session.scalar(select(PartyDues.month).where(
        PartyDues.member_id == member.id, PartyDues.month.in_(months),
        PartyDues.deleted.is_(False)).limit(1))
    if paid is not None:
        raise IntegrityError.single(
            "月份", paid, f"{member.name} {paid.year}年{paid.month}月的党费已经登记过了。",
            "duplicate")
    note = clean_text(inp.note, "备注", 200)
    base_fen = int(to_decimal(inp.base, "计算基数").quantize(FEN, ROUND_HALF_UP) * 100)
    with write_op(session, actor, "登记党费", target=member.name) as op:
        rows = [PartyDues(member_id=member.id, month=m, base_fen=base_fen,
                          amount_fen=int(amount * 100), paid_on=inp.paid_on, note=note)
                for m in months]
        session.add_all(rows)
    return Outcome([_view(r, member.name) for r in rows], frozenset(op.changed))


def remove_dues(session: Session, actor: Actor, payment_id: str) -> Outcome[None]:
    require(actor, Can.WRITE)
    row = get_row(session, PartyDues, payment_id, "党费记录")
    with write_op(session, actor, "删除党费记录") as op:
        op.delete(row)
    return Outcome(None, frozenset(op.changed))


def _view(row: PartyDues, name: str) -> DuesPaymentView:
    return DuesPaymentView(row.id, row.member_id, name, row.month, yuan(row.base_fen),
                           yuan(row.amount_fen), row.paid_on, row.note)


def member_payments(session: Session, actor: Actor, member_id: str) -> list[DuesPaymentView]:
    require(actor, Can.READ)
    member = get_member(session, member_id)
    return [_view(r, member.name) for r in session.scalars(select(PartyDues).where(
        PartyDues.member_id == member_id, PartyDues.deleted.is_(False))
        .order_by(PartyDues.month.desc()))]


def dues_ledger(session: Session, actor: Actor, year: int,
                org_id: str | None = None) -> DuesLedger:
    """Month × member amounts of one year, for the members of ``org_id`` (and below)."""
    require(actor, Can.READ)
    start, end = date(year, 1, 1), date(year + 1, 1, 1)
    months = tuple(months_between(start, end))
    tree = load_tree(session)
    stays = load_stays(session, org_ids=tree.subtree(org_id) if org_id else None,
                       start=start, end=end)
    members = {s.member_id for s in stays.stays}
    paid: dict[tuple[str, date], int] = {}
    for member_id, month, fen in session.execute(
            select(PartyDues.member_id, PartyDues.month, PartyDues.amount_fen).where(
                PartyDues.deleted.is_(False), PartyDues.month >= start, PartyDues.month < end,
                PartyDues.member_id.in_(members))):
        paid[(member_id, month)] = paid.get((member_id, month), 0) + fen
    rows = []
    for m in session.scalars(select(PartyMember).where(PartyMember.id.in_(members))
                             .order_by(PartyMember.name, PartyMember.id)):
        cells = tuple(yuan(paid[(m.id, mo)]) if (m.id, mo) in paid else None for mo in months)
        rows.append(DuesLedgerRow(m.id, m.name, m.retired, cells,
                                  sum((c for c in cells if c is not None), Decimal("0.00"))))
    return DuesLedger(year, months, tuple(rows), sum((r.total for r in rows), Decimal("0.00")))


def unpaid_alerts(session: Session, actor: Actor, as_of: date | None = None,
                  org_id: str | None = None) -> list[DuesAlert]:
    """Members here on ``as_of`` who have not paid for the rule's number of months
    (default six) in a row, longest first."""
    require(actor, Can.READ)
    day = as_of or today()
    current = month_start(day)
    threshold = load_dues_rule(session).alert_months
    tree = load_tree(session)
    wanted = set(tree.subtree(org_id)) if org_id else None
    stays = load_stays(session)
    here = {s.member_id: s.org_id for s in stays.stays
            if s.covers(day) and (wanted is None or s.org_id in wanted)}
    last_paid = dict(session.execute(
        select(PartyDues.member_id, func.max(PartyDues.month))
        .where(PartyDues.deleted.is_(False), PartyDues.month < current)
        .group_by(PartyDues.member_id)).all())
    names = dict(session.execute(select(PartyMember.id, PartyMember.name).where(
        PartyMember.id.in_(list(here)))).all())
    found = []
    for member_id, org in here.items():
        first_here = stays.of_member(member_id)[0].start_on
        paid = last_paid.get(member_id)
        since = max(month_start(first_here), add_months(paid, 1) if paid else date.min)
        unpaid = len(months_between(since, current)) if since < current else 0
        if unpaid >= threshold:
            found.append(DuesAlert(member_id, names.get(member_id, ""), tree.name(org), paid,
                                   unpaid))
    return sorted(found, key=lambda a: (-a.unpaid_months, a.name))
