"""Staffing (机构编制实名制) tables: units, quotas, people, postings, plans, pool.

Rows are never deleted and history is kept as rows: a new quota line or
leader-post line supersedes the previous one from its effective date, a
closed posting keeps its dates, a merged unit keeps its row.

Uniqueness rules (one live unit per 统一社会信用代码, one live person per
公民身份号码, one open posting per person) are enforced by the services, not
by the schema: rows merged from other offices' bundles may break them, and
that is reported as a finding (一人多编 …) instead of failing the import.

Dates given only to the month or year are stored as the first day with a
``*_precision`` column ("day" / "month" / "year").
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from bzdesk.changes import Area
from bzdesk.models.base import SyncRow


class StaffingCategory(SyncRow):
    """编制类型 dictionary entry (行政编制, 政法专项编制, 事业编制, 工勤编制 …).

    Default entries have fixed ids (see services.staffing.categories) so that
    every site seeding them lazily creates the same rows.
    """

    __tablename__ = "staffing_category"
    __area__ = Area.DICTIONARIES
    __shared__ = True  # written by the office that owns the row, carried down

    code: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(40))
    is_shiye: Mapped[bool] = mapped_column(Boolean, default=False)
    # 参照公务员法管理: a 事业编制 entry whose staff are managed like civil servants.
    civil_service_managed: Mapped[bool] = mapped_column(Boolean, default=False)
    # 工勤 posts retire on the workers' schedule (women 50 → 55).
    is_worker: Mapped[bool] = mapped_column(Boolean, default=False)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    aliases: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of spellings


class Unit(SyncRow):
    """机构: a public unit in the tree of an office."""

    __tablename__ = "unit"
    __area__ = Area.UNITS
    __table_args__ = (Index("ix_unit_parent", "parent_id", "sort_order"),)

    name: Mapped[str] = mapped_column(String(100), index=True)
    short_name: Mapped[str] = mapped_column(String(40), default="")
    uscc: Mapped[str | None] = mapped_column(String(18), index=True, default=None)
    parent_id: Mapped[str | None] = mapped_column(ForeignKey("unit.id"), default=None)
    kind: Mapped[str] = mapped_column(String(20))  # 机构类别
    rank: Mapped[str | None] = mapped_column(String(10), default=None)  # 机构级别
    shiye_class: Mapped[str | None] = mapped_column(String(10), default=None)  # 事业单位分类
    funding: Mapped[str | None] = mapped_column(String(10), default=None)  # 经费形式
    approval_doc: Mapped[str] = mapped_column(String(100), default="")  # 批准文号
    approval_date: Mapped[date | None] = mapped_column(Date, default=None)
    status: Mapped[str] = mapped_column(String(10), default="正常")  # 正常/已撤销/已合并
    merged_into_id: Mapped[str | None] = mapped_column(ForeignKey("unit.id"), default=None)
    closed_on: Mapped[date | None] = mapped_column(Date, default=None)
    close_doc: Mapped[str] = mapped_column(String(100), default="")
    freeze_in: Mapped[bool] = mapped_column(Boolean, default=False)  # 只出不进
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class QuotaLine(SyncRow):
    """核定编制 of one unit × 编制类型 from ``effective_on`` until superseded."""

    __tablename__ = "quota_line"
    __area__ = Area.QUOTAS
    __table_args__ = (
        Index("ix_quota_line_current", "unit_id", "category_id", "effective_on", "hlc",
              "approved", "deleted"),
    )

    unit_id: Mapped[str] = mapped_column(ForeignKey("unit.id"))
    category_id: Mapped[str] = mapped_column(ForeignKey("staffing_category.id"))
    approved: Mapped[int] = mapped_column(Integer)
    doc: Mapped[str] = mapped_column(String(100), default="")
    effective_on: Mapped[date] = mapped_column(Date)


class LeaderPost(SyncRow):
    """领导职数 of one unit (正职 and 副职) from ``effective_on`` until superseded."""

    __tablename__ = "leader_post"
    __area__ = Area.QUOTAS
    __table_args__ = (Index("ix_leader_post_current", "unit_id", "effective_on", "hlc"),)

    unit_id: Mapped[str] = mapped_column(ForeignKey("unit.id"))
    chief: Mapped[int] = mapped_column(Integer, default=0)
    deputy: Mapped[int] = mapped_column(Integer, default=0)
    doc: Mapped[str] = mapped_column(String(100), default="")
    effective_on: Mapped[date] = mapped_column(Date)


class CountyTotal(SyncRow):
    """编制总额 of one office per 编制类型, set by the office above.

    ``office_id`` is the office that set it (the city); ``for_office`` the
    county whose units' quotas must stay within it.
    """

    __tablename__ = "county_total"
    __area__ = Area.QUOTAS
    __shared__ = True  # written by office_id (the city), carried down
    __scope_column__ = "for_office"  # in the scope of the county it is set for
    __table_args__ = (Index("ix_county_total_for", "for_office", "category_id", "effective_on"),)

    for_office: Mapped[str] = mapped_column(String(12))
    category_id: Mapped[str] = mapped_column(ForeignKey("staffing_category.id"))
    total: Mapped[int] = mapped_column(Integer)
    doc: Mapped[str] = mapped_column(String(100), default="")
    effective_on: Mapped[date] = mapped_column(Date)


class Person(SyncRow):
    """A real person on the roster (实名制)."""

    __tablename__ = "person"
    __area__ = Area.PEOPLE
    __table_args__ = (
        Index("ix_person_name_id", "name", "id"),  # keyset paging and name prefix
        Index("ix_person_initials", "initials", "id"),  # pinyin-initials prefix search
        Index("ix_person_birth_id", "birth_date", "id"),
        Index("ix_person_id_number", "id_number", "deleted"),  # lookup, fragment, duplicates
    )

    name: Mapped[str] = mapped_column(String(50))
    id_number: Mapped[str] = mapped_column(String(18))
    sex: Mapped[str] = mapped_column(String(1))
    birth_date: Mapped[date] = mapped_column(Date)
    ethnicity: Mapped[str] = mapped_column(String(20), default="")
    political: Mapped[str] = mapped_column(String(20), default="")
    education: Mapped[str] = mapped_column(String(20), default="")
    degree: Mapped[str] = mapped_column(String(20), default="")
    work_start: Mapped[date | None] = mapped_column(Date, default=None)
    work_start_precision: Mapped[str] = mapped_column(String(5), default="day")
    phone: Mapped[str] = mapped_column(String(30), default="")
    initials: Mapped[str] = mapped_column(String(50), default="")  # 张三丰 → "zsf"
    photo_sha256: Mapped[str | None] = mapped_column(String(64), default=None)  # attachment


class Posting(SyncRow):
    """One person in one unit × 编制类型, from 入编 to 出编 (open while end_on is NULL).

    ``end_on`` is the day the person is off the roster: a posting counts on
    day d when start_on <= d < end_on.
    """

    __tablename__ = "posting"
    __area__ = Area.POSTINGS
    __table_args__ = (
        # Covering index for the statistics GROUP BY unit, category as of a day; deleted
        # last, or SQLite takes "deleted = 0" for a selective lead column and scans.
        Index("ix_posting_stats", "unit_id", "category_id", "start_on", "end_on", "deleted"),
        # Leader counts per unit (few rows have a leader_kind).
        Index("ix_posting_leader", "leader_kind", "unit_id", "start_on", "end_on", "deleted"),
        # One person's postings; covering for "has an open posting (in these units)".
        Index("ix_posting_person", "person_id", "end_on", "deleted", "unit_id", "category_id",
              "start_on"),
        Index("ix_posting_plan", "plan_id", "start_on"),
    )

    person_id: Mapped[str] = mapped_column(ForeignKey("person.id"))
    unit_id: Mapped[str] = mapped_column(ForeignKey("unit.id"))
    category_id: Mapped[str] = mapped_column(ForeignKey("staffing_category.id"))
    position: Mapped[str] = mapped_column(String(50), default="")  # 职务/岗位
    is_leader: Mapped[bool] = mapped_column(Boolean, default=False)
    leader_kind: Mapped[str | None] = mapped_column(String(2), default=None)  # 正 / 副
    start_route: Mapped[str] = mapped_column(String(10))  # 入编方式
    start_on: Mapped[date] = mapped_column(Date)
    start_precision: Mapped[str] = mapped_column(String(5), default="day")
    start_doc: Mapped[str] = mapped_column(String(100), default="")  # 入编文号/控编通知单号
    end_route: Mapped[str | None] = mapped_column(String(10), default=None)  # 出编方式
    end_on: Mapped[date | None] = mapped_column(Date, default=None)
    end_precision: Mapped[str | None] = mapped_column(String(5), default=None)
    end_doc: Mapped[str] = mapped_column(String(100), default="")
    override_reason: Mapped[str | None] = mapped_column(Text, default=None)  # 超编 override
    plan_id: Mapped[str | None] = mapped_column(ForeignKey("hiring_plan.id"), default=None)


class HiringPlan(SyncRow):
    """用编计划: a unit asks to fill ``count`` vacancies; approved ones are 在途."""

    __tablename__ = "hiring_plan"
    __area__ = Area.PLANS
    __table_args__ = (Index("ix_hiring_plan_unit", "unit_id", "category_id", "status"),)

    unit_id: Mapped[str] = mapped_column(ForeignKey("unit.id"))
    category_id: Mapped[str] = mapped_column(ForeignKey("staffing_category.id"))
    count: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(10), default="待审核")
    applied_on: Mapped[date] = mapped_column(Date)
    applied_by: Mapped[str] = mapped_column(String(40), default="")
    decided_by: Mapped[str | None] = mapped_column(String(40), default=None)
    decided_on: Mapped[date | None] = mapped_column(Date, default=None)
    decision_note: Mapped[str] = mapped_column(Text, default="")
    valid_until: Mapped[date | None] = mapped_column(Date, default=None)
    filled: Mapped[int] = mapped_column(Integer, default=0)


class PoolMove(SyncRow):
    """编制周转池 ledger line: 收回 (unit → pool), 借出 (pool → unit), 归还 (unit → pool)."""

    __tablename__ = "pool_move"
    __area__ = Area.POOL
    __table_args__ = (
        Index("ix_pool_move_category", "category_id", "moved_on"),
        Index("ix_pool_move_unit", "unit_id", "category_id", "kind"),
    )

    category_id: Mapped[str] = mapped_column(ForeignKey("staffing_category.id"))
    kind: Mapped[str] = mapped_column(String(4))
    unit_id: Mapped[str] = mapped_column(ForeignKey("unit.id"))
    count: Mapped[int] = mapped_column(Integer)
    doc: Mapped[str] = mapped_column(String(100), default="")
    moved_on: Mapped[date] = mapped_column(Date)
    due_on: Mapped[date | None] = mapped_column(Date, default=None)  # 借出 only
    loan_id: Mapped[str | None] = mapped_column(ForeignKey("pool_move.id"), index=True,
                                                default=None)  # 归还 → its 借出
    note: Mapped[str] = mapped_column(Text, default="")


class TeacherRatio(SyncRow):
    """中小学教职工编制标准: pupils per post for one scheme × 学段 (× area)."""

    __tablename__ = "teacher_ratio"
    __area__ = Area.DICTIONARIES

    scheme: Mapped[str] = mapped_column(String(20))
    stage: Mapped[str] = mapped_column(String(10))  # 高中 / 初中 / 小学
    area: Mapped[str] = mapped_column(String(10), default="")  # "" / 城市 / 县镇 / 农村
    pupils_per_post: Mapped[str] = mapped_column(String(10))  # decimal text: "12.5"


class SchoolPupils(SyncRow):
    """Pupils of one school (unit) in one 学段 for one school year."""

    __tablename__ = "school_pupils"
    __area__ = Area.UNITS
    __table_args__ = (Index("ix_school_pupils_unit", "unit_id", "year", "stage"),)

    unit_id: Mapped[str] = mapped_column(ForeignKey("unit.id"))
    year: Mapped[int] = mapped_column(Integer)
    stage: Mapped[str] = mapped_column(String(10))
    pupils: Mapped[int] = mapped_column(Integer)
    area: Mapped[str] = mapped_column(String(10), default="县镇")  # for the older table
