"""Per-organisation sums shared by the volunteer summary, the compliance dashboard
and the annual statistics: each a GROUP BY in SQL, attributed to the organisation
the member belonged to at the time, then rolled up the tree."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Mapping
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session

from bzdesk.models.party import (
    PartyActivity,
    PartyAttendance,
    PartyCheckin,
    PartyDues,
    PartyMember,
    PartyMembership,
    PartyVolunteer,
)
from bzdesk.services.party._common import Tree, load_stays
from bzdesk.services.party.periods import add_months, months_between

M = PartyMembership


def _stay_at(day: Any) -> ColumnElement[bool]:
    """The membership row (joined as M) that covers ``day``."""
    return and_(M.deleted.is_(False), M.start_on <= day, or_(M.end_on.is_(None), M.end_on > day))


def rollup(tree: Tree, direct: Mapping[str, int]) -> dict[str, int]:
    """Each organisation's own figure plus those of every organisation below it."""
    total: Counter[str] = Counter()
    for org_id, value in direct.items():
        for up in tree.ancestors(org_id):
            total[up] += value
    return dict(total)


def volunteer_by_org(session: Session, start: date, end: date) -> tuple[Counter[str],
                                                                         Counter[str]]:
    """(人次, tenths of hours) per organisation of the member on the day served."""
    v = PartyVolunteer
    rows = session.execute(
        select(M.org_id, func.count(), func.sum(v.hours_tenths))
        .select_from(v).join(M, and_(M.member_id == v.member_id, _stay_at(v.served_on)))
        .where(v.deleted.is_(False), v.served_on >= start, v.served_on < end)
        .group_by(M.org_id))
    times: Counter[str] = Counter()
    tenths: Counter[str] = Counter()
    for org_id, n, hours in rows:
        times[org_id], tenths[org_id] = n, int(hours or 0)
    return times, tenths


def checkins_due(session: Session, start: date, end: date) -> Counter[str]:
    """Member-months of 在职党员 due per organisation in ``[start, end)`` (whole months):
    a month is due in every organisation the member belonged to on some day of it."""
    working = set(session.scalars(select(PartyMember.id).where(
        PartyMember.deleted.is_(False), PartyMember.retired.is_(False))))
    due: Counter[str] = Counter()
    for stay in load_stays(session, start=start, end=end).stays:
        if stay.member_id not in working:
            continue
        first = max(start, stay.start_on)
        last = min(end, stay.end_on) if stay.end_on is not None else end
        due[stay.org_id] += len(months_between(first, last))
    return due


def checkins_done(session: Session, start: date, end: date) -> Counter[str]:
    """Check-ins recorded per organisation, attributed like ``checkins_due``."""
    c = PartyCheckin
    month_end = func.date(c.month, "+1 month")
    rows = session.execute(
        select(M.org_id, func.count())
        .select_from(c)
        .join(PartyMember, and_(PartyMember.id == c.member_id, PartyMember.retired.is_(False)))
        .join(M, and_(M.member_id == c.member_id, M.deleted.is_(False), M.start_on < month_end,
                      or_(M.end_on.is_(None), M.end_on > c.month)))
        .where(c.deleted.is_(False), c.month >= start, c.month < end)
        .group_by(M.org_id))
    return Counter(dict(rows.all()))


def activity_counts(session: Session, start: date, end: date
                    ) -> list[tuple[str, str, date, int, int]]:
    """(org, type, month, activities, of which 第一议题) of the span, one row per month."""
    a = PartyActivity
    month = func.strftime("%Y-%m-01", a.held_on)
    rows = session.execute(
        select(a.org_id, a.type_id, month, func.count(), func.sum(a.first_topic))
        .where(a.deleted.is_(False), a.held_on >= start, a.held_on < end)
        .group_by(a.org_id, a.type_id, month))
    return [(org, kind, date.fromisoformat(m), n, int(first or 0))
            for org, kind, m, n, first in rows]


def attendance_by_org(session: Session, start: date, end: date, *,
                      status: str | None = None, type_ids: Collection[str] | None = None
                      ) -> Counter[str]:
    """Attendance rows (of one ``status``, of activities of ``type_ids``) per organisation
    that held the activity: 实到人次, or the 应到 of activities whose members are called."""
    a, att = PartyActivity, PartyAttendance
    stmt = (select(a.org_id, func.count()).select_from(att)
            .join(a, a.id == att.activity_id)
            .where(att.deleted.is_(False), a.deleted.is_(False),
                   a.held_on >= start, a.held_on < end)
            .group_by(a.org_id))
    if status is not None:
        stmt = stmt.where(att.status == status)
    if type_ids is not None:
        stmt = stmt.where(a.type_id.in_(list(type_ids)))
    return Counter(dict(session.execute(stmt).all()))


def dues_by_org(session: Session, start: date, end: date) -> Counter[str]:
    """党费 (fen) paid for months of the span, per organisation of the member that month
    (on its first day, else on its last: a member who moved mid-month counts once)."""
    d = PartyDues
    stays = load_stays(session, start=start, end=end)
    total: Counter[str] = Counter()
    for member_id, month, fen in session.execute(
            select(d.member_id, d.month, d.amount_fen)
            .where(d.deleted.is_(False), d.month >= start, d.month < end)):
        org = (stays.org_on(member_id, month)
               or stays.org_on(member_id, add_months(month, 1) - timedelta(days=1)))
        if org is not None:
            total[org] += fen
    return total


def past_months_end(end: date, as_of: date) -> date:
    """The end of the whole months before ``as_of``'s month, within ``end``."""
    return min(end, as_of.replace(day=1))
