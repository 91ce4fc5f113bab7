"""实名制人员花名册: every person in post on the statistics day, grouped by unit.

One query over the postings open that day (the same test as the statistics, so the roster
and the 实有 column agree), ordered like the unit tree, then by 编制类型, leaders first
(正职, 副职), 入编时间 and name. Each unit's heading gives its people per 编制类型.
"""

from __future__ import annotations

from collections import Counter

from sqlalchemy import select
from sqlalchemy.orm import Session

from bzdesk.models.staffing import Person, Posting
from bzdesk.reports.output import format_date
from bzdesk.roles import Actor, Can, require
from bzdesk.services.office import current_office
from bzdesk.services.reports._common import stat_day
from bzdesk.services.reports.model import (
    Col,
    Report,
    ReportParams,
    Section,
    Table,
    plural_counts,
)
from bzdesk.services.staffing.catalog import load_categories
from bzdesk.services.staffing.measures import open_on
from bzdesk.services.staffing.stats import _units as unit_tree

TITLE = "实名制人员花名册"
COLUMNS = (
    Col("序号", 0.6, "center", "int"), Col("姓名", 1.2), Col("性别", 0.5, "center"),
    Col("出生年月", 0.9, "center", "month"), Col("单位", 3.0), Col("编制类型", 1.2),
    Col("职务", 1.6), Col("入编时间", 1.0, "center", "date"),
)
_LEADER_ORDER = {"正": 0, "副": 1}


def build_roster(session: Session, actor: Actor, params: ReportParams) -> Report:
    require(actor, Can.READ)
    day = stat_day(params)
    office = current_office(session).name
    units = unit_tree(session)
    categories = {c.id: c for c in load_categories(session)}
    rows = list(session.execute(
        select(Person.name, Person.sex, Person.birth_date, Posting.unit_id,
               Posting.category_id, Posting.position, Posting.leader_kind, Posting.start_on,
               Posting.start_precision)
        .join(Person, Person.id == Posting.person_id)
        .where(Posting.deleted.is_(False), Person.deleted.is_(False), open_on(day))))

    def order(r: tuple[object, ...]) -> tuple[object, ...]:
        category = categories.get(str(r[4]))
        return (units.get(str(r[3]), ("", None, 1 << 30))[2], str(r[3]),
                category.sort_order if category else 1 << 30, str(r[4]),
                _LEADER_ORDER.get(str(r[6]), 2), r[7], r[0])

    rows.sort(key=order)
    per_unit: dict[str, Counter[str]] = {}
    for r in rows:
        per_unit.setdefault(r.unit_id, Counter())[r.category_id] += 1
    by_type = Counter(r.category_id for r in rows)

    def counts(counter: Counter[str]) -> list[tuple[str, int]]:
        known = [c for c in categories if c in counter]
        return [(categories[c].name, counter[c]) for c in known] + \
               [("其他", counter[c]) for c in counter if c not in categories]

    table = Table(TITLE, COLUMNS, subtitle=f"（统计日期：{format_date(day)}）")
    current = None
    for number, r in enumerate(rows, start=1):
        unit = units.get(r.unit_id, ("（未知单位）", None, 0))[0]
        if r.unit_id != current:
            current = r.unit_id
            table.group(f"{unit}（{plural_counts(counts(per_unit[r.unit_id]))}）")
        category = categories.get(r.category_id)
        table.row([number, r.name, r.sex, (r.birth_date, "month"), unit,
                   category.name if category else "", r.position,
                   (r.start_on, r.start_precision or "day")])
    summary = plural_counts(counts(by_type)) or "无在编人员"
    explanation = (
        Section("一、统计范围", (
            f"本花名册列出{format_date(day)}在编的全部人员：入编时间不晚于统计日期、"
            "统计日期当天尚未出编。只知道年月的入编时间按当月 1 日计。",
            f"按编制类型分列：{summary}。不同编制类型分别计数，不相加。")),
        Section("二、排列方式", (
            "人员按所在单位分组，单位按机构树的顺序排列；同一单位内按编制类型、"
            "领导职务（正职在前、副职在后）、入编时间和姓名排列。序号全表连续编排。",)),
        Section("三、数据来源", (
            "数据取自本单位编制桌面实名制数据库，与同一统计日期的机构编制统计表口径一致。",)),
    )
    return Report("roster", TITLE, office, day, explanation=explanation, tables=[table])

