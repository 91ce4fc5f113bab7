"""在职党员进社区报到: each working member reports to a community and is recorded
month by month (已报到 / 参加活动); a month with no record is 未报到.

A month is due from a member for every organisation they belonged to on some day
of it, once the month is over: the current month is shown but not yet missing.
Retired members (离退休) are not asked to check in.
"""

from __future__ import annotations

from datetime import date
from typing import Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from bzdesk.changes import Outcome
from bzdesk.errors import ValidationError
from bzdesk.models.party import PartyCheckin, PartyMember
from bzdesk.roles import Actor, Can, require
from bzdesk.services.party._common import (
    clean_text,
    get_member,
    load_stays,
    load_tree,
    today,
)
from bzdesk.services.party.inputs import CheckinInput
from bzdesk.services.party.periods import add_months, month_start, months_between
from bzdesk.services.party.views import CheckinLedger, CheckinRow
from bzdesk.uow import write_op

REPORTED: Final = "已报到"
TOOK_PART: Final = "参加活动"
NOT_REPORTED: Final = "未报到"
STATUSES: Final = (REPORTED, TOOK_PART, NOT_REPORTED)


def set_checkin(session: Session, actor: Actor, inp: CheckinInput) -> Outcome[CheckinRow]:
    """Record one member's month (未报到 withdraws an earlier record)."""
    require(actor, Can.WRITE)
    member = get_member(session, inp.member_id)
    month = month_start(inp.month)
    if inp.status not in STATUSES:
        raise ValidationError.single("报到情况", inp.status,
                                     f"报到情况应为：{'、'.join(STATUSES)}。", "bad_choice")
    if member.retired:
        raise ValidationError.single("党员", member.name,
                                     f"{member.name}是离退休党员，不需要进社区报到。", "retired")
    if not member.community:
        raise ValidationError.single("报到社区", member.name,
                                     f"请先登记{member.name}的报到社区。", "no_community")
    if month > today():
        raise ValidationError.single("月份", inp.month, "不能登记以后月份的报到情况。",
                                     "future_date")
    stays = load_stays(session, member_ids=[member.id], start=month, end=add_months(month, 1))
    if not stays.stays:
        raise ValidationError.single("月份", inp.month,
                                     f"{member.name}在 {month.year}年{month.month}月"
                                     "不在本单位的党组织中。", "not_member")
    note = clean_text(inp.note, "备注", 200)
    row = session.scalar(select(PartyCheckin).where(
        PartyCheckin.member_id == member.id, PartyCheckin.month == month,
        PartyCheckin.deleted.is_(False)))
    with write_op(session, actor, "登记进社区报到", target=member.name) as op:
        if inp.status == NOT_REPORTED:
            if row is not None:
                op.delete(row)
        elif row is None:
            session.add(PartyCheckin(member_id=member.id, month=month, status=inp.status,
                                     community=member.community, note=note))
        else:
            row.status, row.note = inp.status, note
    ledger = checkin_ledger(session, actor, month.year, member_id=member.id)
    return Outcome(ledger.rows[0], frozenset(op.changed))


def checkin_ledger(session: Session, actor: Actor, year: int, org_id: str | None = None,
                   as_of: date | None = None, *, member_id: str | None = None) -> CheckinLedger:
    """The month × member grid of one year for the working members of ``org_id`` (and the
    organisations below it), with each member's missing months."""
    require(actor, Can.READ)
    day = as_of or today()
    months = tuple(months_between(date(year, 1, 1), date(year + 1, 1, 1)))
    tree = load_tree(session)
    org_ids = tree.subtree(org_id) if org_id else None
    stays = load_stays(session, org_ids=org_ids, member_ids=[member_id] if member_id else None,
                       start=months[0], end=date(year + 1, 1, 1))
    members = {s.member_id for s in stays.stays}
    c = PartyCheckin
    done = {(m, mo): st for m, mo, st in session.execute(
        select(c.member_id, c.month, c.status).where(
            c.deleted.is_(False), c.month >= months[0], c.month < date(year + 1, 1, 1),
            c.member_id.in_(members)))}
    rows = []
    for m in session.scalars(select(PartyMember).where(
            PartyMember.id.in_(members), PartyMember.retired.is_(False))
            .order_by(PartyMember.name, PartyMember.id)):
        cells, missing = [], []
        for month in months:
            here = any(s.start_on < add_months(month, 1)
                       and (s.end_on is None or s.end_on > month)
                       for s in stays.of_member(m.id))
            status = done.get((m.id, month), "")
            if here and not status and add_months(month, 1) <= day:
                status = NOT_REPORTED
                missing.append(month)
            cells.append(status if here else "")
        rows.append(CheckinRow(m.id, m.name, m.community, tuple(cells), tuple(missing)))
    return CheckinLedger(year, months, tuple(rows))
