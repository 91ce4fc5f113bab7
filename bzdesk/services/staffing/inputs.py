"""What the staffing services take: frozen dataclasses, one per use case.

Values come from forms and from spreadsheets, so counts may arrive as text
or as the floats python-calamine returns for whole numbers, and dates as
loose text ("2019.07", "2019年7月"); the services validate and normalise.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from bzdesk.services.staffing.views import ProposedMove

DateValue = date | str
CountValue = int | float | str


@dataclass(frozen=True)
class CategoryInput:
    code: str
    name: str
    is_shiye: bool = False
    civil_service_managed: bool = False  # 参照公务员法管理
    is_worker: bool = False  # 工勤: the workers' retirement schedule applies
    sort_order: int = 0
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class UnitInput:
    name: str
    kind: str  # 机构类别
    short_name: str = ""
    uscc: str | None = None
    parent_id: str | None = None
    rank: str | None = None
    shiye_class: str | None = None
    funding: str | None = None
    approval_doc: str = ""
    approval_date: DateValue | None = None
    freeze_in: bool = False  # 只出不进
    sort_order: int | None = None  # None: after its last sibling (on edit: unchanged)


@dataclass(frozen=True)
class CloseUnitInput:
    unit_id: str
    action: str  # "撤销" or "合并"
    closed_on: DateValue
    doc: str = ""
    merged_into_id: str | None = None


@dataclass(frozen=True)
class QuotaInput:
    unit_id: str
    category_id: str
    approved: CountValue
    effective_on: DateValue
    doc: str = ""


@dataclass(frozen=True)
class LeaderPostInput:
    unit_id: str
    chief: CountValue
    deputy: CountValue
    effective_on: DateValue
    doc: str = ""


@dataclass(frozen=True)
class CountyTotalInput:
    for_office: str  # the county's GB/T 2260 code
    category_id: str
    total: CountValue
    effective_on: DateValue
    doc: str = ""


@dataclass(frozen=True)
class PersonInput:
    name: str
    id_number: str
    sex: str | None = None  # checked against the ID when given
    birth_date: DateValue | None = None  # checked against the ID when given
    ethnicity: str = ""
    political: str = ""
    education: str = ""
    degree: str = ""
    work_start: DateValue | None = None
    phone: str = ""


@dataclass(frozen=True)
class PostingInput:
    """入编. ``override_reason`` (approvers only) lets it exceed the quota."""

    person_id: str
    unit_id: str
    category_id: str
    start_route: str
    start_on: DateValue
    start_doc: str = ""  # 入编文号 or 控编通知单号
    position: str = ""
    leader_kind: str | None = None  # 正 / 副 for a leader post
    override_reason: str | None = None


@dataclass(frozen=True)
class LeaveInput:
    """出编."""

    posting_id: str
    end_route: str
    end_on: DateValue
    end_doc: str = ""


@dataclass(frozen=True)
class TransferInput:
    """调动: closes the open posting and opens one in the new unit × category."""

    person_id: str
    unit_id: str
    category_id: str
    on: DateValue
    doc: str = ""
    position: str = ""
    route: str = "调任"
    leader_kind: str | None = None
    override_reason: str | None = None


@dataclass(frozen=True)
class PlanInput:
    unit_id: str
    category_id: str
    count: CountValue
    reason: str
    applied_on: DateValue | None = None


@dataclass(frozen=True)
class PlanDecision:
    plan_id: str
    note: str = ""
    valid_until: DateValue | None = None  # default: one year after the decision
    decided_on: DateValue | None = None


@dataclass(frozen=True)
class RecoverInput:
    """收回: vacant posts of a unit go into the pool (its 核定 goes down)."""

    unit_id: str
    category_id: str
    count: CountValue
    moved_on: DateValue
    doc: str = ""
    note: str = ""


@dataclass(frozen=True)
class LendInput:
    """借出: posts lent from the pool to a unit until ``due_on``."""

    unit_id: str
    category_id: str
    count: CountValue
    moved_on: DateValue
    due_on: DateValue
    doc: str = ""
    note: str = ""


@dataclass(frozen=True)
class ReturnInput:
    """归还: (part of) a loan comes back to the pool."""

    loan_id: str
    count: CountValue
    moved_on: DateValue
    doc: str = ""
    note: str = ""


@dataclass(frozen=True)
class PupilsInput:
    unit_id: str
    year: int
    stage: str  # 高中 / 初中 / 小学
    pupils: CountValue
    area: str = "县镇"  # 城市 / 县镇 / 农村, used by the older ratio table


@dataclass(frozen=True)
class TeacherRatioInput:
    scheme: str
    stage: str
    pupils_per_post: str  # decimal text, e.g. "12.5"
    area: str = ""


@dataclass(frozen=True)
class AcceptProposalInput:
    """Write a teacher-calculator proposal (or the clerk's edited copy of it)."""

    category_id: str
    moves: tuple[ProposedMove, ...]
    moved_on: DateValue
    due_on: DateValue  # for the 借出 lines
    doc: str = ""


@dataclass(frozen=True)
class PersonQuery:
    """A people search: ``text`` is a name fragment, an ID-number fragment or
    pinyin initials ("zsf" → 张三丰); filters apply to the posting shown."""

    text: str = ""
    unit_id: str | None = None
    include_sub_units: bool = True
    category_id: str | None = None
    status: str = "open"  # open (在编) / closed (不在编) / all
    sort: str = "name"  # name / id_number / birth_date / start_on
    descending: bool = False
