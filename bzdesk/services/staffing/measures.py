"""The numbers of 实名制 as of a day, one GROUP BY per measure.

Every function returns a map keyed by (unit_id, category_id) and can be
narrowed to one unit or category: statistics ask for everything at once,
a single 入编 asks for one key with the very same query, so the rule the
clerk is refused by and the number the table shows cannot disagree.

- 核定 (approved) = the latest quota line effective on or before the day,
  plus the posts the unit has on loan from the 周转池 that day (a loan
  raises the borrower's approved count until it is returned; a 收回 writes
  a new, lower quota line, so it needs no adjustment here).
- 实有 (filled) = postings with start_on <= day < end_on (end_on NULL: open).
  A start known only to the month is stored as its first day, so it counts
  from that day.
- 在途 (in transit) = per approved hiring plan valid that day, its count
  less the postings that filled it with a start on or before the day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, func, or_, select
from sqlalchemy.orm import QueryableAttribute, Session

from bzdesk.models.staffing import HiringPlan, LeaderPost, PoolMove, Posting, QuotaLine

Key = tuple[str, str]  # (unit_id, category_id)

APPROVED_PLAN = ("已批准", "已完成")


@dataclass(frozen=True)
class Numbers:
    approved: int
    filled: int
    in_transit: int

    @property
    def vacant(self) -> int:
        return max(0, self.approved - self.filled - self.in_transit)

    @property
    def over(self) -> int:
        return max(0, self.filled - self.approved)

    def told(self, unit: str, category: str) -> str:
        """The start of every refusal about numbers: "XX局 行政编制 核定 …，在途 0 名"."""
        return (f"{unit} {category} 核定 {self.approved} 名，实有 {self.filled} 名，"
                f"在途 {self.in_transit} 名")


def _narrow(unit_col: QueryableAttribute[str], cat_col: QueryableAttribute[str] | None,
            unit_id: str | None, category_id: str | None) -> list[ColumnElement[bool]]:
    where = []
    if unit_id is not None:
        where.append(unit_col == unit_id)
    if category_id is not None and cat_col is not None:
        where.append(cat_col == category_id)
    return where


def as_map(session: Session, query: Select[str, str, Any]) -> dict[Key, int]:
    return {(u, c): int(n or 0) for u, c, n in session.execute(query)}


def quota_lines(session: Session, as_of: date, *, unit_id: str | None = None,
                category_id: str | None = None) -> dict[Key, int]:
    """The approved count of the quota line in force on ``as_of``."""
    rank = func.row_number().over(
        partition_by=(QuotaLine.unit_id, QuotaLine.category_id),
        order_by=(QuotaLine.effective_on.desc(), QuotaLine.hlc.desc()),
    ).label("rank")
    lines = select(QuotaLine.unit_id, QuotaLine.category_id, QuotaLine.approved, rank).where(
        QuotaLine.deleted.is_(False), QuotaLine.effective_on <= as_of,
        *_narrow(QuotaLine.unit_id, QuotaLine.category_id, unit_id, category_id),
    ).subquery()
    return as_map(session, select(lines.c.unit_id, lines.c.category_id, lines.c.approved)
                   .where(lines.c.rank == 1))


def loans_outstanding(session: Session, as_of: date, *, unit_id: str | None = None,
                      category_id: str | None = None) -> dict[Key, int]:
    """Posts on loan from the pool on ``as_of`` (借出 less 归还)."""
    signed = case((PoolMove.kind == "借出", PoolMove.count),
                  (PoolMove.kind == "归还", -PoolMove.count), else_=0)
    query = select(PoolMove.unit_id, PoolMove.category_id, func.sum(signed)).where(
        PoolMove.deleted.is_(False), PoolMove.moved_on <= as_of,
        PoolMove.kind.in_(("借出", "归还")),
        *_narrow(PoolMove.unit_id, PoolMove.category_id, unit_id, category_id),
    ).group_by(PoolMove.unit_id, PoolMove.category_id)
    return {k: v for k, v in as_map(session, query).items() if v}


def approved(session: Session, as_of: date, *, unit_id: str | None = None,
             category_id: str | None = None) -> dict[Key, int]:
    result = quota_lines(session, as_of, unit_id=unit_id, category_id=category_id)
    for key, lent in loans_outstanding(session, as_of, unit_id=unit_id,
                                       category_id=category_id).items():
        result[key] = result.get(key, 0) + lent
    return result


def open_on(as_of: date) -> ColumnElement[bool]:
    """A posting counts on ``as_of`` (start_on <= as_of < end_on)."""
    return and_(Posting.start_on <= as_of, or_(Posting.end_on.is_(None), Posting.end_on > as_of))


def filled(session: Session, as_of: date, *, unit_id: str | None = None,
           category_id: str | None = None) -> dict[Key, int]:
    # Shaped for ix_posting_stats (deleted, unit_id, category_id, start_on, end_on).
    query = select(Posting.unit_id, Posting.category_id, func.count()).where(
        Posting.deleted.is_(False), open_on(as_of),
        *_narrow(Posting.unit_id, Posting.category_id, unit_id, category_id),
    ).group_by(Posting.unit_id, Posting.category_id)
    return as_map(session, query)


def plan_fills(as_of: date) -> Select[str | None, int]:
    """Postings that filled each plan with a start on or before ``as_of``."""
    return (select(Posting.plan_id, func.count().label("n"))
            .where(Posting.plan_id.is_not(None), Posting.deleted.is_(False),
                   Posting.start_on <= as_of)
            .group_by(Posting.plan_id))


def in_transit(session: Session, as_of: date, *, unit_id: str | None = None,
               category_id: str | None = None) -> dict[Key, int]:
    fills = plan_fills(as_of).subquery()
    left = func.max(0, HiringPlan.count - func.coalesce(fills.c.n, 0))
    query = (select(HiringPlan.unit_id, HiringPlan.category_id, func.sum(left))
             .outerjoin(fills, fills.c.plan_id == HiringPlan.id)
             .where(HiringPlan.deleted.is_(False), HiringPlan.status.in_(APPROVED_PLAN),
                    HiringPlan.decided_on <= as_of, HiringPlan.valid_until >= as_of,
                    *_narrow(HiringPlan.unit_id, HiringPlan.category_id, unit_id,
                             category_id))
             .group_by(HiringPlan.unit_id, HiringPlan.category_id))
    return {k: v for k, v in as_map(session, query).items() if v}


def numbers(session: Session, unit_id: str, category_id: str, as_of: date) -> Numbers:
    """核定/实有/在途 of one unit × 编制类型 on ``as_of``."""
    key = (unit_id, category_id)
    kw = {"unit_id": unit_id, "category_id": category_id}
    return Numbers(approved(session, as_of, **kw).get(key, 0),
                   filled(session, as_of, **kw).get(key, 0),
                   in_transit(session, as_of, **kw).get(key, 0))


def leader_lines(session: Session, as_of: date, *,
                 unit_id: str | None = None) -> dict[str, tuple[int, int]]:
    """unit_id → (正职, 副职) of the leader-post line in force on ``as_of``."""
    rank = func.row_number().over(
        partition_by=LeaderPost.unit_id,
        order_by=(LeaderPost.effective_on.desc(), LeaderPost.hlc.desc()),
    ).label("rank")
    lines = select(LeaderPost.unit_id, LeaderPost.chief, LeaderPost.deputy, rank).where(
        LeaderPost.deleted.is_(False), LeaderPost.effective_on <= as_of,
        *_narrow(LeaderPost.unit_id, None, unit_id, None),
    ).subquery()
    rows = session.execute(select(lines.c.unit_id, lines.c.chief, lines.c.deputy)
                           .where(lines.c.rank == 1))
    return {u: (int(c), int(d)) for u, c, d in rows}


def leaders_filled(session: Session, as_of: date, *,
                   unit_id: str | None = None) -> dict[str, tuple[int, int]]:
    """unit_id → (正职, 副职) leaders in post on ``as_of``."""
    query = select(Posting.unit_id, Posting.leader_kind, func.count()).where(
        Posting.leader_kind.in_(("正", "副")), Posting.deleted.is_(False), open_on(as_of),
        *_narrow(Posting.unit_id, None, unit_id, None),
    ).group_by(Posting.unit_id, Posting.leader_kind)
    result: dict[str, tuple[int, int]] = {}
    for unit, kind, n in session.execute(query):
        chief, deputy = result.get(unit, (0, 0))
        result[unit] = (chief + n, deputy) if kind == "正" else (chief, deputy + n)
    return result
