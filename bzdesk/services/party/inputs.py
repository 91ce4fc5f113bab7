"""What the party services take: frozen dataclasses the GUI and the CLI fill in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from bzdesk.services.party.dues_rule import Bracket
from bzdesk.services.party.periods import Period


@dataclass(frozen=True)
class OrgInput:
    name: str
    kind: str  # 机关党委 / 党总支 / 党支部 / 党小组
    founded_on: date
    parent_id: str | None = None
    sort_order: int = 0


@dataclass(frozen=True)
class MemberInput:
    """A member's own particulars (not where they belong)."""

    name: str
    joined_on: date  # 入党时间
    status: str = "正式"  # 正式 / 预备
    full_on: date | None = None  # 转正时间
    sex: str = ""
    person_id: str | None = None  # the roster person, when the member is one
    retired: bool = False
    community: str = ""  # 报到社区
    phone: str = ""


@dataclass(frozen=True)
class NewMemberInput:
    """A member and the 党支部/党小组 they belong to from ``start_on``."""

    member: MemberInput
    org_id: str
    start_on: date
    start_kind: str = "登记"  # 登记 / 转入 / 发展
    start_note: str = ""


@dataclass(frozen=True)
class JoinInput:
    """A member who belongs to no organisation here (transferred out, back again) joins one."""

    member_id: str
    org_id: str
    start_on: date
    kind: str = "转入"
    note: str = ""  # 从何处转入


@dataclass(frozen=True)
class TransferInput:
    """Move a member to ``to_org_id`` on ``on``; ``to_org_id=None`` is 转出 (leaves the tree)."""

    member_id: str
    on: date
    to_org_id: str | None = None
    note: str = ""  # 转往何处 / 调整原因


@dataclass(frozen=True)
class ActivityTypeInput:
    name: str
    period: Period
    required_count: int = 1
    applies_to: tuple[str, ...] = ("党支部",)
    active: bool = True
    sort_order: int = 0
    whole_membership: bool = True  # False: 应到 is the members called (支委会, 谈心谈话)


@dataclass(frozen=True)
class DuesRuleInput:
    working: tuple[Bracket, ...]
    retired: tuple[Bracket, ...]
    alert_months: int = 6


@dataclass(frozen=True)
class AttendanceEntry:
    member_id: str
    status: str  # 出席 / 请假 / 缺席
    reason: str = ""


@dataclass(frozen=True)
class ActivityInput:
    org_id: str
    type_id: str
    held_on: date
    topic: str
    place: str = ""
    host: str = ""
    recorder: str = ""
    content: str = ""
    resolutions: str = ""
    speakers: str = ""  # 中心发言 (中心组学习)
    materials: str = ""  # 学习材料
    first_topic: bool = False  # 第一议题
    # For a whole-membership type, members of the organisation not listed count as 缺席;
    # otherwise the listed members are those called, and only they count.
    attendance: tuple[AttendanceEntry, ...] = ()


@dataclass(frozen=True)
class ActivityQuery:
    org_id: str | None = None  # with its sub-organisations
    year: int | None = None
    type_id: str | None = None
    after: tuple[date, str] | None = None  # keyset: the last row's (held_on, id)
    limit: int = 200


@dataclass(frozen=True)
class VolunteerInput:
    member_id: str
    served_on: date
    place: str
    hours: Decimal | str | float | int
    description: str = ""


@dataclass(frozen=True)
class CheckinInput:
    member_id: str
    month: date  # any day of the month
    status: str  # 已报到 / 参加活动 / 未报到
    note: str = ""


@dataclass(frozen=True)
class DuesInput:
    member_id: str
    month: date  # the (first) month paid for
    base: Decimal | str | float | int  # 月计算基数（元）
    paid_on: date
    months: int = 1  # 预交/补交 several months at once
    note: str = ""
