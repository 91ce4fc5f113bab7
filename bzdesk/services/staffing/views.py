"""What the staffing services return: frozen dataclasses, never ORM rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class CategoryView:
    id: str
    code: str
    name: str
    is_shiye: bool
    civil_service_managed: bool
    is_worker: bool
    sort_order: int
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class UnitView:
    id: str
    office_id: str
    name: str
    short_name: str
    uscc: str | None
    parent_id: str | None
    kind: str
    rank: str | None
    shiye_class: str | None
    funding: str | None
    approval_doc: str
    approval_date: date | None
    status: str
    merged_into_id: str | None
    closed_on: date | None
    freeze_in: bool
    sort_order: int
    depth: int = 0  # in list_units: 0 for a root

    @property
    def active(self) -> bool:
        return self.status == "正常"


@dataclass(frozen=True)
class QuotaView:
    id: str
    unit_id: str
    category_id: str
    category: str
    approved: int
    doc: str
    effective_on: date


@dataclass(frozen=True)
class LeaderPostView:
    id: str
    unit_id: str
    chief: int
    deputy: int
    doc: str
    effective_on: date


@dataclass(frozen=True)
class CountyTotalView:
    id: str
    for_office: str
    category_id: str
    category: str
    total: int
    doc: str
    effective_on: date


@dataclass(frozen=True)
class PersonView:
    id: str
    name: str
    id_number: str  # masked unless the actor may see full numbers
    sex: str
    birth_date: date
    ethnicity: str
    political: str
    education: str
    degree: str
    work_start: date | None
    work_start_precision: str
    phone: str
    initials: str


@dataclass(frozen=True)
class PostingView:
    id: str
    person_id: str
    person: str
    unit_id: str
    unit: str
    category_id: str
    category: str
    position: str
    leader_kind: str | None
    start_route: str
    start_on: date
    start_precision: str
    start_doc: str
    end_route: str | None
    end_on: date | None
    end_precision: str | None
    end_doc: str
    override_reason: str | None
    plan_id: str | None

    @property
    def open(self) -> bool:
        return self.end_on is None


@dataclass(frozen=True)
class PlanView:
    id: str
    unit_id: str
    unit: str
    category_id: str
    category: str
    count: int
    reason: str
    status: str  # 已批准 past valid_until shows as 已过期
    applied_on: date
    applied_by: str
    decided_by: str | None
    decided_on: date | None
    decision_note: str
    valid_until: date | None
    filled: int


@dataclass(frozen=True)
class PoolMoveView:
    id: str
    kind: str
    category_id: str
    category: str
    unit_id: str
    unit: str
    count: int
    doc: str
    moved_on: date
    due_on: date | None
    loan_id: str | None


@dataclass(frozen=True)
class LoanView:
    move: PoolMoveView
    returned: int
    outstanding: int
    overdue: bool


@dataclass(frozen=True)
class PoolBalanceView:
    category_id: str
    category: str
    recovered: int
    lent: int
    returned: int

    @property
    def balance(self) -> int:
        return self.recovered - self.lent + self.returned


@dataclass(frozen=True)
class StatsRow:
    unit_id: str
    unit: str
    uscc: str | None
    category_id: str
    category: str  # the dictionary's full name
    approved: int
    filled: int
    in_transit: int

    @property
    def vacant(self) -> int:
        return max(0, self.approved - self.filled - self.in_transit)

    @property
    def over(self) -> int:
        return max(0, self.filled - self.approved)


@dataclass(frozen=True)
class CategoryTotal:
    """Totals of one 编制类型 (types are never added together)."""

    category_id: str
    category: str
    approved: int
    filled: int
    in_transit: int
    vacant: int
    over: int


@dataclass(frozen=True)
class StatsReport:
    as_of: date
    rows: tuple[StatsRow, ...]
    totals: tuple[CategoryTotal, ...]


@dataclass(frozen=True)
class LeaderRow:
    unit_id: str
    unit: str
    chief_approved: int
    chief_filled: int
    deputy_approved: int
    deputy_filled: int

    @property
    def over(self) -> bool:
        return (self.chief_filled > self.chief_approved
                or self.deputy_filled > self.deputy_approved)


@dataclass(frozen=True)
class MovementRow:
    unit_id: str
    unit: str
    category_id: str
    category: str
    entered: int
    left: int


@dataclass(frozen=True)
class RouteCount:
    direction: str  # 入编 / 出编
    route: str
    category: str
    count: int


@dataclass(frozen=True)
class MovementReport:
    start: date
    end: date
    rows: tuple[MovementRow, ...]
    by_route: tuple[RouteCount, ...]


@dataclass(frozen=True)
class Finding:
    kind: str  # stable code: over_quota, over_leader, override, multi_posting, …
    title: str  # the Chinese name of the kind
    message: str
    unit_id: str | None = None
    person_id: str | None = None
    posting_id: str | None = None


@dataclass(frozen=True)
class RetiringView:
    person_id: str
    name: str
    id_number: str  # masked unless allowed
    sex: str
    birth_date: date
    unit: str
    category: str
    schedule: str  # 男 / 女干部 / 女工人
    age_years: int
    age_months: int
    retire_on: date
    overdue: bool  # the date has passed and the person is still in post


@dataclass(frozen=True)
class SchoolRow:
    unit_id: str
    unit: str
    pupils: tuple[tuple[str, int], ...]  # (学段, pupils)
    standard: int
    approved: int
    filled: int
    vacant: int

    @property
    def gap(self) -> int:
        """Positive: posts missing; negative: posts above the standard."""
        return self.standard - self.approved


@dataclass(frozen=True)
class ProposedMove:
    kind: str  # 收回 / 借出
    unit_id: str
    unit: str
    count: int


@dataclass(frozen=True)
class TeacherReport:
    year: int
    scheme: str
    category_id: str
    rows: tuple[SchoolRow, ...]
    pool_balance: int
    proposal: tuple[ProposedMove, ...]


@dataclass(frozen=True)
class TeacherRatioView:
    id: str
    scheme: str
    stage: str
    area: str
    pupils_per_post: str


@dataclass(frozen=True)
class PupilsView:
    id: str
    unit_id: str
    year: int
    stage: str
    pupils: int
    area: str


@dataclass(frozen=True)
class PersonRow:
    """One line of the people list: the person and the posting shown beside them
    (the open one, else the latest closed one)."""

    id: str
    name: str
    id_number: str  # masked unless the actor may see full numbers
    sex: str
    birth_date: date
    posting_id: str | None
    unit_id: str | None
    unit: str
    category_id: str | None
    category: str
    position: str
    start_on: date | None
    end_on: date | None

    @property
    def in_post(self) -> bool:
        return self.posting_id is not None and self.end_on is None


@dataclass(frozen=True)
class Cursor:
    """Where a page ended: the sort value (as text) and the person id."""

    key: str
    id: str


@dataclass(frozen=True)
class Page:
    rows: tuple[PersonRow, ...]
    next_cursor: Cursor | None
