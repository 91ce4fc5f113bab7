"""The visits dashboard: leader × 联系点 × quarter (visited / due / missed),
and open / overdue / closed-this-year problems per 责任单位.

Two grouped queries over indexed columns and one pass in Python: the
visits of the year grouped by (leader, 联系点, day) — at most one row per
visit day — and the problems grouped by 责任单位 with conditional sums.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session

from bzdesk.models.visits import Visit, VisitIssue
from bzdesk.roles import Actor, Can, require
from bzdesk.services.visits import _common, vocab
from bzdesk.services.visits.assignments import list_assignments
from bzdesk.services.visits.rules import DEFAULT_REQUIRED, rules_by_office
from bzdesk.services.visits.views import (
    DUE,
    MISSED,
    OFF,
    UPCOMING,
    VISITED,
    AssignmentView,
    BoardRow,
    DashboardView,
    GridCell,
    GridRow,
)

Days = list[tuple[date, int]]


def _visit_days(session: Session, year: int) -> dict[tuple[str, str], Days]:
    query = (select(Visit.leader_key, Visit.target_key, Visit.start_on, func.count())
             .where(Visit.deleted.is_(False), Visit.target_key.is_not(None),
                    Visit.start_on.between(date(year, 1, 1), date(year, 12, 31)))
             .group_by(Visit.leader_key, Visit.target_key, Visit.start_on))
    out: dict[tuple[str, str], Days] = defaultdict(list)
    for leader, target, day, count in session.execute(query):
        out[(leader, str(target))].append((day, count))
    return out


def quarter_cell(a: AssignmentView, year: int, quarter: int, days: Days, required: int,
                 on: date) -> GridCell:
    """One quarter of one assignment: how many visits it had and what that means."""
    first, last = vocab.quarter_bounds(year, quarter)
    if not a.covers(first, last):
        return GridCell(quarter, OFF, 0, required)
    start = max(first, a.start_on)
    end = min(last, a.end_on) if a.end_on else last
    visits = sum(n for day, n in days if start <= day <= end)
    if visits >= required:
        state = VISITED
    elif end < on:
        state = MISSED
    elif start > on:
        state = UPCOMING
    else:
        state = DUE
    return GridCell(quarter, state, visits, required)


def _grid(session: Session, actor: Actor, year: int, on: date) -> tuple[GridRow, ...]:
    rules = rules_by_office(session)
    days = _visit_days(session, year)
    rows = []
    for a in list_assignments(session, actor, year=year):
        required = a.required_per_quarter or rules.get(a.office_id, DEFAULT_REQUIRED)
        pair = days.get((a.leader_key, a.target_key), [])
        rows.append(GridRow(a.id, a.kind, a.leader_name, a.leader_key, a.target_name,
                            a.target_key, tuple(quarter_cell(a, year, q, pair, required, on)
                                                for q in range(1, 5))))
    return tuple(rows)


def _board(session: Session, year: int, on: date) -> tuple[BoardRow, ...]:
    status, deadline = VisitIssue.status, VisitIssue.deadline
    is_open = status.in_(vocab.OPEN_STATUSES)
    open_n = func.sum(case((is_open, 1), else_=0))
    overdue_n = func.sum(case((and_(is_open, deadline < on), 1), else_=0))
    closed_n = func.sum(case((and_(status == vocab.CLOSED, VisitIssue.closed_on.between(
        date(year, 1, 1), date(year, 12, 31))), 1), else_=0))
    query = (select(VisitIssue.responsible_key, func.max(VisitIssue.responsible_name),
                    open_n, overdue_n, closed_n)
             .where(VisitIssue.deleted.is_(False))
             .group_by(VisitIssue.responsible_key)
             .having(open_n + closed_n > 0))
    rows = [BoardRow(key, name, int(o), int(d), int(c))
            for key, name, o, d, c in session.execute(query)]
    return tuple(sorted(rows, key=lambda r: (-r.overdue, -r.open, r.responsible_name)))


def visit_dashboard(session: Session, actor: Actor, year: int, *,
                    today: date | None = None) -> DashboardView:
    require(actor, Can.READ)
    on = today or _common.today()
    return DashboardView(year, on, _grid(session, actor, year, on), _board(session, year, on))
