"""What the party services return: frozen dataclasses, never ORM rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from bzdesk.services.attachments import AttachmentView
from bzdesk.services.party.dues_rule import Bracket
from bzdesk.services.party.periods import Period, State


@dataclass(frozen=True)
class OrgView:
    id: str
    name: str
    kind: str
    parent_id: str | None
    founded_on: date
    dissolved_on: date | None
    sort_order: int
    depth: int = 0  # 0 for a root, in tree order from list_orgs
    members: int = 0  # members of it and its sub-organisations today
    office_id: str = ""  # the office whose organisation it is (a city sees its counties')

    @property
    def active(self) -> bool:
        return self.dissolved_on is None


@dataclass(frozen=True)
class MemberView:
    id: str
    name: str
    sex: str
    joined_on: date
    status: str
    full_on: date | None
    retired: bool
    community: str
    phone: str
    person_id: str | None
    person_name: str  # "" when not linked to the roster
    org_id: str | None  # where the member belongs on the day asked (None: nowhere here)
    org_name: str
    since: date | None


@dataclass(frozen=True)
class MembershipView:
    id: str
    member_id: str
    org_id: str
    org_name: str
    start_on: date
    start_kind: str
    start_note: str
    end_on: date | None
    end_kind: str | None
    end_note: str


@dataclass(frozen=True)
class ActivityTypeView:
    id: str
    code: str
    name: str
    period: Period
    period_label: str
    required_count: int
    applies_to: tuple[str, ...]
    active: bool
    sort_order: int
    whole_membership: bool = True
    office_id: str = ""  # each office keeps its own types; its organisations use them

    @property
    def required(self) -> bool:
        return self.active and self.period != "planned"


@dataclass(frozen=True)
class DuesRuleView:
    working: tuple[Bracket, ...]
    retired: tuple[Bracket, ...]
    alert_months: int


@dataclass(frozen=True)
class AttendanceView:
    member_id: str
    member_name: str
    status: str  # 出席 / 请假 / 缺席
    reason: str


@dataclass(frozen=True)
class ActivityRow:
    id: str
    org_id: str
    org_name: str
    type_id: str
    type_name: str
    held_on: date
    topic: str
    first_topic: bool
    expected: int  # 应到: members of the organisation that day (or those called)
    present: int  # 实到
    leave: int  # 请假
    absent: int  # 缺席 = 应到 − 实到 − 请假


@dataclass(frozen=True)
class ActivityView:
    row: ActivityRow
    place: str
    host: str
    recorder: str
    content: str
    resolutions: str
    speakers: str
    materials: str
    attendance: tuple[AttendanceView, ...]  # every member expected, marked or not
    attachments: tuple[AttachmentView, ...]

    @property
    def id(self) -> str:
        return self.row.id


@dataclass(frozen=True)
class VolunteerView:
    id: str
    member_id: str
    member_name: str
    served_on: date
    place: str
    hours: Decimal
    description: str


@dataclass(frozen=True)
class VolunteerTotal:
    key: str  # org or member id
    name: str
    times: int  # 人次
    hours: Decimal


@dataclass(frozen=True)
class VolunteerSummary:
    year: int
    by_org: tuple[VolunteerTotal, ...]
    by_member: tuple[VolunteerTotal, ...]


@dataclass(frozen=True)
class CheckinRow:
    member_id: str
    name: str
    community: str
    cells: tuple[str, ...]  # per month: 已报到 / 参加活动 / 未报到 / "" (not due)
    missing: tuple[date, ...]  # months due and not reported


@dataclass(frozen=True)
class CheckinLedger:
    year: int
    months: tuple[date, ...]
    rows: tuple[CheckinRow, ...]


@dataclass(frozen=True)
class DuesPaymentView:
    id: str
    member_id: str
    member_name: str
    month: date
    base: Decimal
    amount: Decimal
    paid_on: date
    note: str


@dataclass(frozen=True)
class DuesLedgerRow:
    member_id: str
    name: str
    retired: bool
    cells: tuple[Decimal | None, ...]  # per month: amount paid, None when unpaid
    total: Decimal


@dataclass(frozen=True)
class DuesLedger:
    year: int
    months: tuple[date, ...]
    rows: tuple[DuesLedgerRow, ...]
    total: Decimal


@dataclass(frozen=True)
class DuesAlert:
    member_id: str
    name: str
    org_name: str
    last_paid: date | None  # the last month paid for
    unpaid_months: int


@dataclass(frozen=True)
class WindowStatus:
    label: str
    start: date
    end: date
    done: int
    state: State


@dataclass(frozen=True)
class TypeCompliance:
    type_id: str
    type_name: str
    period: Period
    required_count: int
    windows: tuple[WindowStatus, ...]  # owed windows of the period (exempt ones left out)

    def count(self, state: State) -> int:
        return sum(1 for w in self.windows if w.state == state)


@dataclass(frozen=True)
class OrgCompliance:
    org_id: str
    name: str
    kind: str
    depth: int
    items: tuple[TypeCompliance, ...]
    activities: int  # every activity recorded in the period
    first_topic: int  # 第一议题 count
    volunteer_times: int
    volunteer_hours: Decimal
    checkin_due: int  # member-months of 在职党员 due in the period so far
    checkin_done: int

    def count(self, state: State) -> int:
        return sum(item.count(state) for item in self.items)

    @property
    def checkin_rate(self) -> float | None:
        return self.checkin_done / self.checkin_due if self.checkin_due else None


@dataclass(frozen=True)
class ComplianceView:
    label: str
    start: date
    end: date
    as_of: date
    rows: tuple[OrgCompliance, ...]


@dataclass(frozen=True)
class AnnualRow:
    org_id: str
    name: str
    kind: str
    depth: int
    members: int  # at the end of the year (or today)
    by_type: tuple[int, ...]  # activities per type, in AnnualStats.types order
    first_topic: int
    expected: int  # 应到人次
    present: int  # 实到人次
    volunteer_times: int
    volunteer_hours: Decimal
    checkin_done: int
    dues: Decimal


@dataclass(frozen=True)
class AnnualStats:
    year: int
    types: tuple[str, ...]
    rows: tuple[AnnualRow, ...]
