"""机关党建工作台账 of one year, per organisation: activities held (三会一课 …) with
attendance, volunteer service and the 在职党员进社区报到 ledger.

The figures come from bzdesk.services.party (annual_statistics, list_activities,
volunteer_summary, checkin_ledger), so they match the 党建活动 screens. Statistics of an
organisation include those below it; the ledgers list each record once, under the
organisation it belongs to.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from bzdesk.roles import Actor, Can, require
from bzdesk.services.office import current_office
from bzdesk.services.party.activities import list_activities
from bzdesk.services.party.checkins import NOT_REPORTED, REPORTED, TOOK_PART, checkin_ledger
from bzdesk.services.party.inputs import ActivityQuery
from bzdesk.services.party.members import list_members
from bzdesk.services.party.stats import annual_statistics
from bzdesk.services.party.views import ActivityRow, AnnualStats
from bzdesk.services.party.volunteer import volunteer_summary
from bzdesk.services.reports._common import report_year, year_end
from bzdesk.services.reports.model import (
    Col,
    Report,
    ReportParams,
    Section,
    Table,
    num,
    percent,
)

TITLE = "机关党建工作台账"
MARKS = {REPORTED: "√", TOOK_PART: "◎", NOT_REPORTED: "×", "": ""}
INDENT = "　"


def _org(name: str, depth: int) -> str:
    return INDENT * depth + name


def _activity_counts(stats: AnnualStats) -> Table:
    table = Table("党组织活动开展情况统计表", [
        Col("党组织", 3.0), num("党员数"), *(num(t, 0.9) for t in stats.types)],
        font_size=8.5, subtitle=f"（{stats.year}年，含下级组织）")
    for r in stats.rows:
        table.row([_org(r.name, r.depth), r.members, *r.by_type])
    return table


def _participation(stats: AnnualStats) -> Table:
    table = Table("出勤、志愿服务和进社区报到统计表", [
        Col("党组织", 3.0), num("第一议题"), num("应到人次"), num("实到人次"),
        Col("出席率", 0.8, "right"), num("志愿服务人次"), Col("志愿服务时长（小时）", 1.0,
                                                         "right", "number"),
        num("进社区报到月次"), Col("党费（元）", 1.0, "right", "number")],
        subtitle=f"（{stats.year}年，含下级组织）")
    for r in stats.rows:
        table.row([_org(r.name, r.depth), r.first_topic, r.expected, r.present,
                   percent(r.present, r.expected), r.volunteer_times, r.volunteer_hours,
                   r.checkin_done, r.dues])
    return table


def _activities(session: Session, actor: Actor, year: int, stats: AnnualStats) -> Table:
    rows: list[ActivityRow] = []
    after: tuple[date, str] | None = None
    while True:
        page = list_activities(session, actor, ActivityQuery(year=year, after=after,
                                                             limit=1000))
        rows += page
        if len(page) < 1000:
            break
        after = (page[-1].held_on, page[-1].id)
    position = {r.org_id: i for i, r in enumerate(stats.rows)}
    rows.sort(key=lambda a: (position.get(a.org_id, len(position)), a.held_on, a.type_name,
                             a.id))
    table = Table("党组织活动台账", [
        Col("序号", 0.5, "center", "int"), Col("日期", 0.9, "center", "date"),
        Col("活动类型", 1.3), Col("主题", 3.2), Col("第一议题", 0.7, "center"), num("应到", 0.6),
        num("实到", 0.6), num("请假", 0.6), num("缺席", 0.6), Col("出席率", 0.7, "right")],
        group_column="党组织", subtitle=f"（{year}年）")
    current = None
    for number, a in enumerate(rows, start=1):
        if a.org_id != current:
            current = a.org_id
            table.group(a.org_name)
        table.row([number, a.held_on, a.type_name, a.topic, "是" if a.first_topic else "",
                   a.expected, a.present, a.leave, a.absent, percent(a.present, a.expected)])
    return table


def _volunteers(session: Session, actor: Actor, year: int) -> Table:
    summary = volunteer_summary(session, actor, year)
    table = Table("志愿服务统计表（按党员）", [
        Col("序号", 0.5, "center", "int"), Col("姓名", 1.5), num("服务人次"),
        Col("服务时长（小时）", 1.0, "right", "number")], subtitle=f"（{year}年）")
    for number, m in enumerate(summary.by_member, start=1):
        table.row([number, m.name, m.times, m.hours])
    return table


def _checkins(session: Session, actor: Actor, year: int, stats: AnnualStats) -> Table:
    ledger = checkin_ledger(session, actor, year, as_of=year_end(year))
    where = {m.id: (m.org_id, m.org_name) for m in
             list_members(session, actor, as_of=year_end(year))}
    position = {r.org_id: i for i, r in enumerate(stats.rows)}
    gone = "（年末已不在本单位党组织）"

    def org_of(member_id: str) -> tuple[int, str]:
        org_id, name = where.get(member_id, (None, ""))
        return (position.get(org_id or "", len(position)), name if org_id else gone)

    rows = sorted(ledger.rows, key=lambda r: (*org_of(r.member_id), r.name, r.member_id))
    table = Table("在职党员进社区报到台账", [
        Col("序号", 0.5, "center", "int"), Col("姓名", 1.0), Col("报到社区", 1.8),
        *(Col(f"{m.month}月", 0.45, "center") for m in ledger.months), num("未报到月数", 0.8)],
        group_column="党组织", font_size=9,
        subtitle=f"（{year}年；√ 已报到，◎ 参加社区活动，× 未报到，空白 不需报到）")
    current = None
    for number, r in enumerate(rows, start=1):
        org = org_of(r.member_id)[1]
        if org != current:
            current = org
            table.group(org)
        table.row([number, r.name, r.community, *(MARKS.get(c, c) for c in r.cells),
                   len(r.missing)])
    return table


def build_party(session: Session, actor: Actor, params: ReportParams) -> Report:
    require(actor, Can.READ)
    year = report_year(params)
    office = current_office(session).name
    stats = annual_statistics(session, actor, year)
    tables = [_activity_counts(stats), _participation(stats),
              _activities(session, actor, year, stats), _volunteers(session, actor, year),
              _checkins(session, actor, year, stats)]
    explanation = (
        Section("一、统计范围", (
            f"本台账汇总{year}年度各党组织开展三会一课、主题党日、组织生活会等活动的情况，"
            "党员出勤、志愿服务和在职党员进社区报到情况。",)),
        Section("二、口径", (
            "统计表中每个党组织的数字包含其下级组织；活动台账和报到台账中每条记录只在"
            "所属党组织下列出一次。",
            "应到人次按每次活动当天的党员名单计算，实到人次为登记“出席”的人次；"
            "党员数为年末（当年为今天）的党员人数。",
            "进社区报到按月登记，当月结束后仍无记录的计为未报到；离退休党员不需报到。")),
    )
    return Report("party", TITLE, office, year_end(year), period=f"{year}年度",
                  explanation=explanation, tables=tables)
