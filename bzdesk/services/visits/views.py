"""What the visits services return: frozen dataclasses, never ORM rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from bzdesk.services.attachments import AttachmentView


@dataclass(frozen=True)
class RuleView:
    required_per_quarter: int


@dataclass(frozen=True)
class AssignmentView:
    id: str
    office_id: str
    kind: str
    leader_name: str
    leader_key: str
    person_id: str | None
    user_id: str | None
    target_kind: str
    target_key: str
    target_name: str
    unit_id: str | None
    start_on: date
    end_on: date | None
    required_per_quarter: int | None  # None: the office's rule
    note: str

    def covers(self, first: date, last: date) -> bool:
        """True when the assignment is in force on any day of first..last."""
        return self.start_on <= last and (self.end_on is None or self.end_on >= first)

    @property
    def period(self) -> str:
        end = self.end_on.isoformat() if self.end_on else "今"
        return f"{self.start_on.isoformat()} 至 {end}"


@dataclass(frozen=True)
class VisitRow:
    id: str
    kind: str
    start_on: date
    end_on: date
    leader_name: str
    leader_key: str
    target_name: str
    target_key: str | None
    places: str
    purpose: str
    issues: int


@dataclass(frozen=True)
class IssueView:
    id: str
    visit_id: str
    visit_on: date
    visit_kind: str
    leader_name: str
    description: str
    responsible_name: str
    responsible_key: str
    responsible_unit_id: str | None
    deadline: date
    status: str
    done_on: date | None
    closed_on: date | None
    confirm_visit_id: str | None
    resolution: str
    overdue: bool


@dataclass(frozen=True)
class IssueStepView:
    id: str
    from_status: str
    to_status: str
    on: date
    note: str
    by_name: str
    by_approver: bool


@dataclass(frozen=True)
class VisitDetail:
    id: str
    kind: str
    start_on: date
    end_on: date
    leader_name: str
    leader_key: str
    person_id: str | None
    user_id: str | None
    assignment_id: str | None
    target_name: str
    target_key: str | None
    participants: tuple[str, ...]
    places: str
    unit_ids: tuple[str, ...]
    unit_names: tuple[str, ...]
    purpose: str
    findings: str
    issues: tuple[IssueView, ...]
    attachments: tuple[AttachmentView, ...]
    confirms: tuple[str, ...]  # ids of the problems this 回访 confirms


@dataclass(frozen=True)
class LeaderChoice:
    name: str
    key: str
    person_id: str | None
    user_id: str | None
    source: str  # 已有安排 / 系统用户 / 人员库


@dataclass(frozen=True)
class TargetChoice:
    kind: str
    code: str
    name: str
    key: str


# Cell states of the dashboard grid.
VISITED, DUE, MISSED, UPCOMING, OFF = "visited", "due", "missed", "upcoming", "off"
STATE_LABELS = {VISITED: "已走访", DUE: "待走访", MISSED: "未走访", UPCOMING: "未到",
                OFF: "—"}


@dataclass(frozen=True)
class GridCell:
    quarter: int
    state: str
    visits: int
    required: int


@dataclass(frozen=True)
class GridRow:
    assignment_id: str
    kind: str
    leader_name: str
    leader_key: str
    target_name: str
    target_key: str
    cells: tuple[GridCell, ...]


@dataclass(frozen=True)
class BoardRow:
    """Problems of one 责任单位: open now, overdue now, 销号 in the year."""

    responsible_key: str
    responsible_name: str
    open: int
    overdue: int
    closed: int


@dataclass(frozen=True)
class DashboardView:
    year: int
    today: date
    rows: tuple[GridRow, ...]
    board: tuple[BoardRow, ...]

    def count(self, state: str) -> int:
        return sum(1 for r in self.rows for c in r.cells if c.state == state)
