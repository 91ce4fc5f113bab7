"""首页: what needs looking at today, in one read.

超编 / 空编 (from staffing_stats), overdue pool loans, people reaching retirement within 12
months, overdue problems, required party activities missing this period, bundles to send
and merge conflicts to review, and 核定 / 实有 per 编制类型 for the chart. Most figures reuse
the domain services; two are plain counts here because the home page only needs the number:
the retirement count is the same rule as ``staffing.retiring_within`` (the statutory day
only grows with the birth date, so "retires by the horizon" is "born by a day" per
schedule) without building a view for each person, and the overdue problems are one COUNT.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bzdesk.models import Change
from bzdesk.models.staffing import Person, Posting, StaffingCategory
from bzdesk.models.sync import BundleRecord, Conflict, Peer
from bzdesk.models.visits import Visit, VisitIssue
from bzdesk.paths import DataPaths
from bzdesk.roles import Actor, Can, require
from bzdesk.services import system
from bzdesk.services.party.compliance import compliance, current_period
from bzdesk.services.reports._common import today
from bzdesk.services.staffing._common import add_months
from bzdesk.services.staffing.measures import open_on
from bzdesk.services.staffing.pool import overdue_loans
from bzdesk.services.staffing.retirement import SCHEDULES, statutory_retirement
from bzdesk.services.staffing.stats import staffing_stats
from bzdesk.services.visits import vocab

RETIRING_MONTHS = 12


@dataclass(frozen=True)
class CategoryBar:
    """One 编制类型 of the chart (types are drawn side by side, never added up)."""

    category: str
    approved: int
    filled: int
    in_transit: int


@dataclass(frozen=True)
class HomeView:
    as_of: date
    over_cells: int  # unit × 编制类型 over their 核定
    over_units: int
    over_examples: tuple[str, ...]
    vacant_cells: int
    vacant_units: int
    overdue_loans: int
    retiring: int  # within RETIRING_MONTHS, those already past the day included
    overdue_issues: int
    party_period: str
    party_missing: int  # required activities not held (open or overdue) this period
    party_orgs_missing: int
    unsent_peers: int  # peers with local changes not yet in a bundle to them
    unacked_peers: int  # peers that have not acknowledged our newest bundle
    open_conflicts: int
    bars: tuple[CategoryBar, ...]
    system: system.Overview


def _threshold(schedule: str, horizon: date) -> date:
    """The latest birth day whose statutory retirement falls on or before ``horizon``."""
    s = SCHEDULES[schedule]
    sex, worker = ("男", False) if schedule == "男" else ("女", schedule == "女工人")
    low = add_months(horizon, -(s.base_years * 12 + s.max_extra_months) - 1)
    high = add_months(horizon, -s.base_years * 12)
    while low < high:  # retire_on(birth) never decreases as birth grows
        mid = low + timedelta(days=(high - low).days // 2 + 1)
        if statutory_retirement(mid, sex, worker).on <= horizon:
            low = mid
        else:
            high = mid - timedelta(days=1)
    return low


def retiring_count(session: Session, day: date, months: int = RETIRING_MONTHS) -> int:
    """How many people ``staffing.retiring_within(months, day)`` lists.

    One count per schedule, each driven by the birth-date index (a single query with an OR
    of the three makes SQLite scan every posting: 0.35 s for the city against 0.12 s)."""
    horizon = add_months(day, months)
    workers = list(session.scalars(select(StaffingCategory.id)
                                   .where(StaffingCategory.is_worker.is_(True))))
    cadre, worker = Posting.category_id.not_in(workers), Posting.category_id.in_(workers)
    total = 0
    for schedule, sex, post in (("男", "男", None), ("女干部", "女", cadre),
                                ("女工人", "女", worker)):
        if post is worker and not workers:
            continue
        query = (select(func.count()).select_from(Person)
                 .join(Posting, Posting.person_id == Person.id)
                 .where(Person.deleted.is_(False), Person.sex == sex,
                        Person.birth_date <= _threshold(schedule, horizon),
                        Posting.deleted.is_(False), open_on(day),
                        *([post] if post is not None else [])))
        total += int(session.scalar(query) or 0)
    return total


def _overdue_issues(session: Session, day: date) -> int:
    return int(session.scalar(
        select(func.count()).select_from(VisitIssue).join(Visit, Visit.id == VisitIssue.visit_id)
        .where(VisitIssue.deleted.is_(False), Visit.deleted.is_(False),
               VisitIssue.status.in_(vocab.OPEN_STATUSES), VisitIssue.deadline < day)) or 0)


def _exchange(session: Session) -> tuple[int, int, int]:
    newest = session.scalar(select(func.max(Change.seq))) or 0
    sent = dict(session.execute(
        select(BundleRecord.peer_site, func.max(BundleRecord.max_local_seq))
        .where(BundleRecord.direction == "out").group_by(BundleRecord.peer_site)).all())
    peers = session.execute(select(Peer.site_id, Peer.sent_seq, Peer.acked_seq)).all()
    unsent = sum(1 for p in peers if (sent.get(p.site_id) or 0) < newest)
    unacked = sum(1 for p in peers if p.sent_seq > p.acked_seq)
    conflicts = session.scalar(select(func.count()).select_from(Conflict)
                               .where(Conflict.status == "open")) or 0
    return unsent, unacked, int(conflicts)


def home_dashboard(session: Session, actor: Actor, paths: DataPaths | None = None,
                   as_of: date | None = None) -> HomeView:
    require(actor, Can.READ)
    day = as_of or today()
    stats = staffing_stats(session, actor, day)
    over = [r for r in stats.rows if r.over]
    vacant = [r for r in stats.rows if r.vacant]
    examples = tuple(f"{r.unit}（{r.category}超 {r.over} 名）"
                     for r in sorted(over, key=lambda r: -r.over)[:3])
    period = current_period(day)
    party = compliance(session, actor, period, as_of=day)
    missing = [org.count("open") + org.count("overdue") for org in party.rows]
    unsent, unacked, conflicts = _exchange(session)
    return HomeView(
        as_of=day, over_cells=len(over), over_units=len({r.unit_id for r in over}),
        over_examples=examples, vacant_cells=len(vacant),
        vacant_units=len({r.unit_id for r in vacant}),
        overdue_loans=len(overdue_loans(session, actor, day)),
        retiring=retiring_count(session, day), overdue_issues=_overdue_issues(session, day),
        party_period=period.label, party_missing=sum(missing),
        party_orgs_missing=sum(1 for n in missing if n), unsent_peers=unsent,
        unacked_peers=unacked, open_conflicts=conflicts,
        bars=tuple(CategoryBar(t.category, t.approved, t.filled, t.in_transit)
                   for t in stats.totals),
        system=system.overview(session, actor, paths))
