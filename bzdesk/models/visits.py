"""Visits (挂点联系 and 联络专员): link assignments, visit records, problems found.

A 联系点 is named by a ``target_key`` string — ``county:<office code>``,
``unit:<unit id>`` or ``sector:<sector name>`` — and a leader by a
``leader_key`` — ``person:<id>``, ``user:<id>`` or ``name:<display name>``.
Both are stored on assignments and visits so the dashboard groups visits by
plain indexed columns, whatever kind of leader or 联系点 they name.

A problem's 逾期 is computed from its deadline and status, never stored: a
stored flag would be stale the morning after the deadline.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from bzdesk.changes import Area
from bzdesk.models.base import SyncRow


class VisitRule(SyncRow):
    """The office's visit rules (one row per office, id ``visit-rule-<office>``).

    A synced row, not a local Setting: the office PC and the officers' field
    laptops are sites of the same office and must count 应访/未访 alike, and
    the city sees the rule its counties work to.
    """

    __tablename__ = "visit_rule"
    __area__ = Area.VISITS

    required_per_quarter: Mapped[int] = mapped_column(Integer, default=1)


class LinkAssignment(SyncRow):
    """A leader (挂点领导) or liaison officer (联络专员) assigned to a 联系点."""

    __tablename__ = "link_assignment"
    __area__ = Area.VISITS
    __table_args__ = (
        Index("ix_link_assignment_leader", "leader_key", "target_key", "start_on"),
        Index("ix_link_assignment_target", "target_key", "start_on"),
    )

    kind: Mapped[str] = mapped_column(String(10))  # 挂点领导 / 联络专员
    leader_name: Mapped[str] = mapped_column(String(40))
    leader_key: Mapped[str] = mapped_column(String(60))
    person_id: Mapped[str | None] = mapped_column(ForeignKey("person.id"), default=None)
    user_id: Mapped[str | None] = mapped_column(String(36), default=None)  # users never sync
    target_kind: Mapped[str] = mapped_column(String(10))  # county / unit / sector
    target_key: Mapped[str] = mapped_column(String(60))
    target_name: Mapped[str] = mapped_column(String(100))
    unit_id: Mapped[str | None] = mapped_column(ForeignKey("unit.id"), default=None)
    start_on: Mapped[date] = mapped_column(Date)
    end_on: Mapped[date | None] = mapped_column(Date, default=None)
    # None: the office's VisitRule applies.
    required_per_quarter: Mapped[int | None] = mapped_column(Integer, default=None)
    note: Mapped[str] = mapped_column(Text, default="")


class Visit(SyncRow):
    """One visit: who went where, when, why, and what was found."""

    __tablename__ = "visit"
    __area__ = Area.VISITS
    __table_args__ = (
        Index("ix_visit_grid", "leader_key", "target_key", "start_on", "deleted"),
        Index("ix_visit_start", "start_on"),
    )

    kind: Mapped[str] = mapped_column(String(10))  # 挂点联系 / 专题调研 / 督查 / 回访
    start_on: Mapped[date] = mapped_column(Date)
    end_on: Mapped[date] = mapped_column(Date)
    leader_name: Mapped[str] = mapped_column(String(40))
    leader_key: Mapped[str] = mapped_column(String(60))
    assignment_id: Mapped[str | None] = mapped_column(ForeignKey("link_assignment.id"),
                                                      default=None)
    target_key: Mapped[str | None] = mapped_column(String(60), default=None)
    target_name: Mapped[str] = mapped_column(String(100), default="")
    participants: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of names
    places: Mapped[str] = mapped_column(Text, default="")
    unit_ids: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of unit ids
    purpose: Mapped[str] = mapped_column(Text, default="")
    findings: Mapped[str] = mapped_column(Text, default="")


class VisitIssue(SyncRow):
    """A problem found on a visit (问题清单 entry)."""

    __tablename__ = "visit_issue"
    __area__ = Area.VISITS
    __table_args__ = (
        Index("ix_visit_issue_board", "responsible_key", "status", "deadline", "closed_on",
              "deleted"),
        Index("ix_visit_issue_visit", "visit_id"),
        Index("ix_visit_issue_status", "status", "deadline"),
    )

    visit_id: Mapped[str] = mapped_column(ForeignKey("visit.id"))
    description: Mapped[str] = mapped_column(Text)
    responsible_name: Mapped[str] = mapped_column(String(100))  # 责任单位 as shown
    # unit:<id> when the 责任单位 is a unit of the roster, else name:<text>
    responsible_key: Mapped[str] = mapped_column(String(60))
    responsible_unit_id: Mapped[str | None] = mapped_column(ForeignKey("unit.id"), default=None)
    deadline: Mapped[date] = mapped_column(Date)  # 办理时限
    status: Mapped[str] = mapped_column(String(10), default="待交办")
    done_on: Mapped[date | None] = mapped_column(Date, default=None)  # 已办结 date
    closed_on: Mapped[date | None] = mapped_column(Date, default=None)  # 销号 date
    confirm_visit_id: Mapped[str | None] = mapped_column(ForeignKey("visit.id"), default=None)
    resolution: Mapped[str] = mapped_column(Text, default="")


class IssueStep(SyncRow):
    """One status change of a problem, with its note (append-only history)."""

    __tablename__ = "visit_issue_step"
    __area__ = Area.VISITS
    __table_args__ = (Index("ix_visit_issue_step_issue", "issue_id", "step_on"),)

    issue_id: Mapped[str] = mapped_column(ForeignKey("visit_issue.id"))
    from_status: Mapped[str] = mapped_column(String(10))
    to_status: Mapped[str] = mapped_column(String(10))
    step_on: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    by_name: Mapped[str] = mapped_column(String(40), default="")
    by_approver: Mapped[bool] = mapped_column(Boolean, default=False)
