"""Statistics as of a day (三表一库 style): per unit × 编制类型 numbers, leader
posts, and movements in a period.

Each measure is one GROUP BY (see measures.py); the rows are joined in
Python on (unit, category), so the whole city (200k people) is a handful of
indexed queries, never one query per unit. Totals are per 编制类型 only.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bzdesk.models.staffing import Posting, Unit
from bzdesk.roles import Actor, Can, require
from bzdesk.services.staffing import measures
from bzdesk.services.staffing._common import today
from bzdesk.services.staffing.catalog import load_categories
from bzdesk.services.staffing.views import (
    CategoryTotal,
    LeaderRow,
    MovementReport,
    MovementRow,
    RouteCount,
    StatsReport,
    StatsRow,
)


def _units(session: Session) -> dict[str, tuple[str, str | None, int]]:
    """unit_id → (name, uscc, tree position) for ordering rows like the unit tree."""
    rows = session.execute(select(Unit.id, Unit.name, Unit.uscc, Unit.parent_id)
                           .where(Unit.deleted.is_(False))
                           .order_by(Unit.sort_order, Unit.name)).all()
    children: dict[str | None, list[str]] = {}
    ids = {r.id for r in rows}
    for r in rows:
        children.setdefault(r.parent_id if r.parent_id in ids else None, []).append(r.id)
    position: dict[str, int] = {}
    stack = list(reversed(children.get(None, [])))
    while stack:
        unit_id = stack.pop()
        position[unit_id] = len(position)
        stack.extend(reversed(children.get(unit_id, [])))
    return {r.id: (r.name, r.uscc, position.get(r.id, len(position))) for r in rows}


def staffing_stats(session: Session, actor: Actor, as_of: date | None = None, *,
                   unit_id: str | None = None) -> StatsReport:
    """核定/实有/在途/空编/超编 per unit × 编制类型 that has an approved count or a
    person (or a post in transit), in unit-tree order; ``unit_id`` narrows to one unit."""
    require(actor, Can.READ)
    day = as_of or today()
    approved = measures.approved(session, day, unit_id=unit_id)
    filled = measures.filled(session, day, unit_id=unit_id)
    transit = measures.in_transit(session, day, unit_id=unit_id)
    keys = {k for k, v in approved.items() if v} | set(filled) | set(transit)
    units = _units(session)
    categories = {c.id: c for c in load_categories(session)}

    def order(key: tuple[str, str]) -> tuple[int, int, str]:
        category = categories.get(key[1])
        return (units.get(key[0], ("", None, 1 << 30))[2],
                category.sort_order if category else 1 << 30, key[1])

    rows = []
    for key in sorted(keys, key=order):
        name, uscc, _ = units.get(key[0], ("", None, 0))
        category = categories.get(key[1])
        rows.append(StatsRow(key[0], name, uscc, key[1], category.name if category else "",
                             approved.get(key, 0), filled.get(key, 0), transit.get(key, 0)))
    return StatsReport(day, tuple(rows), _totals(rows, list(categories)))


def _totals(rows: list[StatsRow], category_order: list[str]) -> tuple[CategoryTotal, ...]:
    sums: dict[str, list[int]] = {}
    names: dict[str, str] = {}
    for r in rows:
        acc = sums.setdefault(r.category_id, [0, 0, 0, 0, 0])
        names[r.category_id] = r.category
        for i, value in enumerate((r.approved, r.filled, r.in_transit, r.vacant, r.over)):
            acc[i] += value
    ordered = sorted(sums, key=lambda c: (category_order.index(c)
                                          if c in category_order else len(category_order)))
    return tuple(CategoryTotal(c, names[c], *sums[c]) for c in ordered)


def leader_stats(session: Session, actor: Actor, as_of: date | None = None) -> list[LeaderRow]:
    """领导职数 approved (正/副) against leaders in post, per unit."""
    require(actor, Can.READ)
    day = as_of or today()
    lines = measures.leader_lines(session, day)
    in_post = measures.leaders_filled(session, day)
    units = _units(session)
    keys = {u for u, v in lines.items() if any(v)} | set(in_post)
    out = []
    for unit_id in sorted(keys, key=lambda u: units.get(u, ("", None, 1 << 30))[2]):
        chief, deputy = lines.get(unit_id, (0, 0))
        chief_in, deputy_in = in_post.get(unit_id, (0, 0))
        out.append(LeaderRow(unit_id, units.get(unit_id, ("", None, 0))[0], chief, chief_in,
                             deputy, deputy_in))
    return out


def movements(session: Session, actor: Actor, start: date, end: date) -> MovementReport:
    """入编 and 出编 between ``start`` and ``end`` (both included), per unit ×
    编制类型 and per route. A 调动 is a 调出 of one unit and an entry of another."""
    require(actor, Can.READ)
    live = Posting.deleted.is_(False)
    entered_in = Posting.start_on.between(start, end)
    left_in = Posting.end_on.between(start, end)
    by_key = (Posting.unit_id, Posting.category_id)
    entered = measures.as_map(session, select(*by_key, func.count())
                               .where(live, entered_in).group_by(*by_key))
    left = measures.as_map(session, select(*by_key, func.count())
                            .where(live, left_in).group_by(*by_key))
    units = _units(session)
    categories = {c.id: c for c in load_categories(session)}
    rows = tuple(
        MovementRow(u, units.get(u, ("", None, 0))[0], c,
                    categories[c].name if c in categories else "",
                    entered.get((u, c), 0), left.get((u, c), 0))
        for u, c in sorted(set(entered) | set(left),
                           key=lambda k: (units.get(k[0], ("", None, 1 << 30))[2], k[1])))
    routes: list[RouteCount] = []
    for direction, route_col, where in (("入编", Posting.start_route, entered_in),
                                        ("出编", Posting.end_route, left_in)):
        query = (select(route_col, Posting.category_id, func.count())
                 .where(live, where).group_by(route_col, Posting.category_id)
                 .order_by(route_col))
        routes.extend(RouteCount(direction, route or "", categories[c].name
                                 if c in categories else "", int(n))
                      for route, c, n in session.execute(query))
    return MovementReport(start, end, rows, tuple(routes))
