"""Party activity (机关党建): organisations, members, meetings, volunteer service,
community check-ins and 党费.

- A member's place in the tree is a ``PartyMembership`` row per stay in one
  党支部 or 党小组 (from ``start_on`` until the day before ``end_on``): a
  transfer closes one stay and opens the next, so 应到 on any past day is
  counted from the memberships, never typed and never stale.
- Activity types and the 党费 brackets are synced rows, not local settings:
  the office PC and its other sites must judge 完成/缺项 alike, and the city
  sees the rules its counties work to. Default types have fixed ids per
  office (see services.party.rules) so two sites seeding them agree.
- Months (check-ins, 党费) are stored as the month's first day; volunteer
  hours as tenths of an hour and money as fen (whole numbers: exact sums in
  SQL, and SQLite has no decimal type).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from bzdesk.changes import Area
from bzdesk.models.base import SyncRow


class PartyOrg(SyncRow):
    """A party organisation: 机关党委 → 党总支 → 党支部 → 党小组."""

    __tablename__ = "party_org"
    __area__ = Area.PARTY
    __table_args__ = (Index("ix_party_org_parent", "parent_id", "sort_order"),)

    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(10))
    parent_id: Mapped[str | None] = mapped_column(ForeignKey("party_org.id"), default=None)
    founded_on: Mapped[date] = mapped_column(Date)
    dissolved_on: Mapped[date | None] = mapped_column(Date, default=None)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class PartyMember(SyncRow):
    """A party member (optionally a person of the roster)."""

    __tablename__ = "party_member"
    __area__ = Area.PARTY
    __table_args__ = (Index("ix_party_member_name", "name", "id"),)

    name: Mapped[str] = mapped_column(String(50))
    person_id: Mapped[str | None] = mapped_column(ForeignKey("person.id"), index=True,
                                                  default=None)
    sex: Mapped[str] = mapped_column(String(1), default="")
    joined_on: Mapped[date] = mapped_column(Date)  # 入党时间
    status: Mapped[str] = mapped_column(String(4), default="正式")  # 正式 / 预备
    full_on: Mapped[date | None] = mapped_column(Date, default=None)  # 转正时间
    retired: Mapped[bool] = mapped_column(Boolean, default=False)  # 离退休: 党费 and 报到
    community: Mapped[str] = mapped_column(String(100), default="")  # 报到社区
    phone: Mapped[str] = mapped_column(String(30), default="")


class PartyMembership(SyncRow):
    """One stay of a member in one 党支部/党小组: counts on day d when start_on <= d < end_on."""

    __tablename__ = "party_membership"
    __area__ = Area.PARTY
    __table_args__ = (
        Index("ix_party_membership_member", "member_id", "start_on", "end_on", "org_id",
              "deleted"),
        Index("ix_party_membership_org", "org_id", "start_on", "end_on", "deleted"),
    )

    member_id: Mapped[str] = mapped_column(ForeignKey("party_member.id"))
    org_id: Mapped[str] = mapped_column(ForeignKey("party_org.id"))
    start_on: Mapped[date] = mapped_column(Date)
    start_kind: Mapped[str] = mapped_column(String(10))  # 登记 / 转入 / 内部调整
    start_note: Mapped[str] = mapped_column(String(200), default="")  # 从何处转入
    end_on: Mapped[date | None] = mapped_column(Date, default=None)
    end_kind: Mapped[str | None] = mapped_column(String(10), default=None)  # 转出 / 内部调整 …
    end_note: Mapped[str] = mapped_column(String(200), default="")  # 转往何处


class PartyActivityType(SyncRow):
    """An activity type and its frequency rule (an editable setting)."""

    __tablename__ = "party_activity_type"
    __area__ = Area.PARTY

    code: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(40))
    period: Mapped[str] = mapped_column(String(10))  # month / quarter / half / year / planned
    required_count: Mapped[int] = mapped_column(Integer, default=1)
    applies_to: Mapped[str] = mapped_column(String(60), default="党支部")  # org kinds, "、"
    # True: 应到 is every member of the organisation that day (党员大会, 党课 …);
    # False: 应到 is the members called, listed on the record (支委会, 谈心谈话, 中心组).
    whole_membership: Mapped[bool] = mapped_column(Boolean, default=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class PartyActivity(SyncRow):
    """A meeting or activity record (三会一课, 主题党日, 中心组学习 …)."""

    __tablename__ = "party_activity"
    __area__ = Area.PARTY
    __table_args__ = (
        # Covering index of the compliance dashboard's one GROUP BY.
        Index("ix_party_activity_board", "deleted", "held_on", "org_id", "type_id",
              "first_topic"),
        Index("ix_party_activity_org", "org_id", "held_on"),
    )

    org_id: Mapped[str] = mapped_column(ForeignKey("party_org.id"))
    type_id: Mapped[str] = mapped_column(ForeignKey("party_activity_type.id"))
    held_on: Mapped[date] = mapped_column(Date)
    place: Mapped[str] = mapped_column(String(200), default="")
    host: Mapped[str] = mapped_column(String(50), default="")  # 主持人
    recorder: Mapped[str] = mapped_column(String(50), default="")  # 记录人
    topic: Mapped[str] = mapped_column(String(200), default="")  # 主题
    content: Mapped[str] = mapped_column(Text, default="")  # 内容/记录
    resolutions: Mapped[str] = mapped_column(Text, default="")  # 决议
    speakers: Mapped[str] = mapped_column(Text, default="")  # 中心发言
    materials: Mapped[str] = mapped_column(Text, default="")  # 学习材料
    first_topic: Mapped[bool] = mapped_column(Boolean, default=False)  # 第一议题


class PartyAttendance(SyncRow):
    """One member's attendance at one activity: 出席 / 请假 / 缺席 with the reason."""

    __tablename__ = "party_attendance"
    __area__ = Area.PARTY
    __table_args__ = (
        Index("ix_party_attendance_activity", "activity_id", "deleted", "status"),
        Index("ix_party_attendance_member", "member_id", "activity_id"),
    )

    activity_id: Mapped[str] = mapped_column(ForeignKey("party_activity.id"))
    member_id: Mapped[str] = mapped_column(ForeignKey("party_member.id"))
    status: Mapped[str] = mapped_column(String(4))
    reason: Mapped[str] = mapped_column(String(200), default="")


class PartyVolunteer(SyncRow):
    """志愿服务: one member's service on one day."""

    __tablename__ = "party_volunteer"
    __area__ = Area.PARTY
    __table_args__ = (
        Index("ix_party_volunteer_day", "deleted", "served_on", "member_id", "hours_tenths"),
        Index("ix_party_volunteer_member", "member_id", "served_on"),
    )

    member_id: Mapped[str] = mapped_column(ForeignKey("party_member.id"))
    served_on: Mapped[date] = mapped_column(Date)
    place: Mapped[str] = mapped_column(String(200))  # 地点/社区
    hours_tenths: Mapped[int] = mapped_column(Integer)  # 2.5 h → 25
    description: Mapped[str] = mapped_column(Text, default="")


class PartyCheckin(SyncRow):
    """在职党员进社区报到: one member × month (已报到 / 参加活动); no row = 未报到."""

    __tablename__ = "party_checkin"
    __area__ = Area.PARTY
    __table_args__ = (
        Index("ix_party_checkin_month", "deleted", "month", "member_id", "status"),
        Index("ix_party_checkin_member", "member_id", "month"),
    )

    member_id: Mapped[str] = mapped_column(ForeignKey("party_member.id"))
    month: Mapped[date] = mapped_column(Date)  # first day of the month
    status: Mapped[str] = mapped_column(String(6))
    community: Mapped[str] = mapped_column(String(100), default="")
    note: Mapped[str] = mapped_column(String(200), default="")


class PartyDues(SyncRow):
    """党费 ledger line: one member's dues for one month."""

    __tablename__ = "party_dues"
    __area__ = Area.PARTY
    __table_args__ = (
        Index("ix_party_dues_member", "member_id", "month", "deleted"),
        Index("ix_party_dues_month", "month"),
    )

    member_id: Mapped[str] = mapped_column(ForeignKey("party_member.id"))
    month: Mapped[date] = mapped_column(Date)  # first day of the month paid for
    base_fen: Mapped[int] = mapped_column(Integer)  # 计算基数, in fen
    amount_fen: Mapped[int] = mapped_column(Integer)  # 应交 = 实交, in fen
    paid_on: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(String(200), default="")


class PartyDuesRule(SyncRow):
    """The office's 党费 brackets (one row per office, id ``party-dues-<office>``).

    ``working``/``retired`` are JSON lists of ``[upper bound in fen or null, "rate"]``
    in ascending order; the rate applies to the WHOLE base of the first bracket
    whose bound is not below it.
    """

    __tablename__ = "party_dues_rule"
    __area__ = Area.PARTY

    working: Mapped[str] = mapped_column(Text)
    retired: Mapped[str] = mapped_column(Text)
    alert_months: Mapped[int] = mapped_column(Integer, default=6)
