"""The compliance dashboard: per organisation and period, which required activities
are done, still open in the current window, or overdue; with 第一议题, volunteer
service and community check-ins alongside.

Each required type is judged only for the organisations it applies to (支委会 for a
党支部, 党小组会 for a 党小组 …), window by window (periods.window_state). The other
figures of an organisation include those of the organisations below it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date

from sqlalchemy.orm import Session

from bzdesk.roles import Actor, Can, require
from bzdesk.services.party._common import get_org, load_tree, today
from bzdesk.services.party.periods import (
    ReportPeriod,
    Window,
    month_start,
    months_between,
    window_state,
    windows_in,
)
from bzdesk.services.party.rules import load_types
from bzdesk.services.party.tally import (
    activity_counts,
    checkins_done,
    checkins_due,
    past_months_end,
    rollup,
    volunteer_by_org,
)
from bzdesk.services.party.views import (
    ActivityTypeView,
    ComplianceView,
    OrgCompliance,
    TypeCompliance,
    WindowStatus,
)
from bzdesk.services.party.volunteer import hours_of


def _windows(types: list[ActivityTypeView], period: ReportPeriod) -> dict[str, list[Window]]:
    return {t.id: windows_in(t.period, period.start, period.end) for t in types}


def compliance(session: Session, actor: Actor, period: ReportPeriod, as_of: date | None = None,
               org_id: str | None = None) -> ComplianceView:
    """One row per organisation (in tree order; ``org_id`` limits it to that branch)."""
    require(actor, Can.READ)
    day = as_of or today()
    tree = load_tree(session)
    if org_id is not None:
        get_org(session, org_id)
    types = [t for t in load_types(session) if t.required]
    owed: dict[str, list[ActivityTypeView]] = defaultdict(list)  # by office
    for t in types:
        owed[t.office_id].append(t)
    windows = _windows(types, period)
    starts = [ws[0].start for ws in windows.values() if ws] + [period.start]
    ends = [ws[-1].end for ws in windows.values() if ws] + [period.end]
    span_start, span_end = min(starts), max(ends)

    monthly: dict[tuple[str, str], Counter[date]] = defaultdict(Counter)
    held: Counter[str] = Counter()
    first: Counter[str] = Counter()
    for org, kind, month, n, firsts in activity_counts(session, span_start, span_end):
        monthly[(org, kind)][month] += n
        if period.start <= month < period.end:
            held[org] += n
            first[org] += firsts
    held_all, first_all = rollup(tree, held), rollup(tree, first)
    times, tenths = volunteer_by_org(session, period.start, period.end)
    times_all, tenths_all = rollup(tree, times), rollup(tree, tenths)
    due_end = past_months_end(period.end, day)
    due_all = rollup(tree, checkins_due(session, period.start, due_end))
    done_all = rollup(tree, checkins_done(session, period.start, due_end))

    rows = []
    for node, depth in tree.ordered(org_id):
        items = []
        for t in owed[node.office_id]:
            if node.kind not in t.applies_to:
                continue
            counts = monthly.get((node.id, t.id), Counter())
            states = []
            for w in windows[t.id]:
                done = sum(counts[m] for m in months_between(w.start, w.end))
                state = window_state(w, done, t.required_count, as_of=day,
                                     founded_on=node.founded_on,
                                     dissolved_on=node.dissolved_on)
                if state != "exempt":
                    states.append(WindowStatus(w.label, w.start, w.end, done, state))
            items.append(TypeCompliance(t.id, t.name, t.period, t.required_count,
                                        tuple(states)))
        rows.append(OrgCompliance(
            node.id, node.name, node.kind, depth, tuple(items), held_all.get(node.id, 0),
            first_all.get(node.id, 0), times_all.get(node.id, 0),
            hours_of(tenths_all.get(node.id, 0)), due_all.get(node.id, 0),
            min(done_all.get(node.id, 0), due_all.get(node.id, 0))))
    return ComplianceView(period.label, period.start, period.end, day, tuple(rows))


def current_period(as_of: date | None = None) -> ReportPeriod:
    """The quarter holding ``as_of`` (the dashboard's default view)."""
    day = month_start(as_of or today())
    return ReportPeriod(day.year, quarter=(day.month - 1) // 3 + 1)
