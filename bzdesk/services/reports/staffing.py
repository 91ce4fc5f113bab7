"""机构编制统计表 (三表 style) as of a day: units × 编制类型 side by side with a 合计 per
type, a summary per type, 领导职数, and the people who entered and left in the year so far.

Everything comes from bzdesk.services.staffing (staffing_stats, leader_stats, movements), so
the printed numbers are those of ``stats`` and of the screens. 编制类型 are never added
together: each type has its own columns and its own 合计.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy.orm import Session

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
    num,
)
from bzdesk.services.staffing.stats import leader_stats, movements, staffing_stats
from bzdesk.services.staffing.views import (
    CategoryTotal,
    LeaderRow,
    MovementReport,
    StatsReport,
    StatsRow,
)

TITLE = "机构编制统计表"
MEASURES = ("核定", "实有", "在途", "空编", "超编")
TYPES_PER_TABLE = 3  # 5 columns each: a 4-character type name stays on one header line


def _values(r: StatsRow | CategoryTotal) -> list[object]:
    return [r.approved, r.filled, r.in_transit, r.vacant, r.over]


def _side_by_side(stats: StatsReport, totals: Sequence[CategoryTotal], part: str) -> Table:
    columns = [Col("序号", 0.5, "center", "int"), Col("单位", 2.6)]
    for t in totals:
        columns += [num(f"{_header_name(t.category)}\n{m}", 0.9) for m in MEASURES]
    wanted = {t.category_id: i for i, t in enumerate(totals)}
    table = Table(f"{TITLE}{part}", columns, font_size=8.5,
                  subtitle="（分编制类型，各类型分别统计，不相加）",
                  notes=("空白：该单位没有这一编制类型的核定数和在编人员。",))
    by_unit: dict[str, list[StatsRow]] = {}
    order: list[str] = []
    for r in stats.rows:
        if r.category_id in wanted:
            if r.unit_id not in by_unit:
                order.append(r.unit_id)
            by_unit.setdefault(r.unit_id, []).append(r)
    for number, unit_id in enumerate(order, start=1):
        cells: list[object] = [None] * (5 * len(totals))
        for r in by_unit[unit_id]:
            at = 5 * wanted[r.category_id]
            cells[at:at + 5] = _values(r)
        table.row([number, by_unit[unit_id][0].unit, *cells])
    if order:
        table.subtotal(["", "合计", *[v for t in totals for v in _values(t)]])
    return table


def _header_name(name: str) -> str:
    """政法专项编制 → 政法专项 / 编制 on two header lines (a column holds four characters)."""
    if len(name) > 4 and name.endswith("编制"):
        return f"{name[:-2]}\n编制"
    return name


def _ordinal(n: int) -> str:
    return "一二三四五六七八九十"[n - 1] if 1 <= n <= 10 else str(n)


def _balanced(totals: list[CategoryTotal], most: int) -> list[list[CategoryTotal]]:
    """Types in tables of at most ``most``, as even as can be (4 types: 2 + 2, not 3 + 1)."""
    count = max(1, -(-len(totals) // most))
    size = -(-len(totals) // count) if totals else 0
    return [totals[i:i + size] for i in range(0, len(totals), size)] if totals else [[]]


def _summary(stats: StatsReport) -> Table:
    table = Table("编制类型汇总表", [
        Col("编制类型", 1.6), num("核定"), num("实有"), num("在途"), num("空编"), num("超编"),
        num("单位数"), num("有空编的单位"), num("超编单位")])
    for t in stats.totals:
        rows = [r for r in stats.rows if r.category_id == t.category_id]
        table.row([t.category, *_values(t), len(rows), sum(1 for r in rows if r.vacant),
                   sum(1 for r in rows if r.over)])
    return table


def _leaders(rows: Sequence[LeaderRow]) -> Table:
    table = Table("领导职数配备情况表", [
        Col("序号", 0.5, "center", "int"), Col("单位", 3.2), num("正职核定"), num("正职实配"),
        num("副职核定"), num("副职实配"), Col("超职数", 1.2)])
    for number, r in enumerate(rows, start=1):
        over = [f"{label}超 {filled - approved} 名" for label, filled, approved in (
            ("正职", r.chief_filled, r.chief_approved),
            ("副职", r.deputy_filled, r.deputy_approved)) if filled > approved]
        table.row([number, r.unit, r.chief_approved, r.chief_filled, r.deputy_approved,
                   r.deputy_filled, "；".join(over)])
    if rows:
        table.subtotal(["", "合计", *(sum(getattr(r, k) for r in rows) for k in (
            "chief_approved", "chief_filled", "deputy_approved", "deputy_filled")),
            f"{sum(1 for r in rows if r.over)} 个单位超职数"])
    return table


def _movements(report: MovementReport, order: Sequence[str]) -> list[Table]:
    span = f"{format_date(report.start)}至{format_date(report.end)}"
    moves = Table("人员增减变动情况表", [
        Col("序号", 0.5, "center", "int"), Col("单位", 3.2), Col("编制类型", 1.2),
        num("入编"), num("出编")], subtitle=f"（{span}）")
    for number, r in enumerate(report.rows, start=1):
        moves.row([number, r.unit, r.category, r.entered, r.left])
    for category in order:
        rows = [r for r in report.rows if r.category == category]
        if rows:
            moves.subtotal(["", "合计", category, sum(r.entered for r in rows),
                            sum(r.left for r in rows)])
    routes = Table("人员增减方式统计表", [
        Col("增减", 0.8, "center"), Col("方式", 1.5), Col("编制类型", 1.5), num("人数")],
        subtitle=f"（{span}）")
    for route in report.by_route:
        routes.row([route.direction, route.route or "未填写", route.category, route.count])
    return [moves, routes]


def build_staffing(session: Session, actor: Actor, params: ReportParams) -> Report:
    require(actor, Can.READ)
    day = stat_day(params)
    office = current_office(session).name
    stats = staffing_stats(session, actor, day)
    totals = list(stats.totals)
    chunks = _balanced(totals, TYPES_PER_TABLE)
    tables = [_side_by_side(stats, chunk, f"（{_ordinal(i + 1)}）" if len(chunks) > 1 else "")
              for i, chunk in enumerate(chunks)]
    tables.append(_summary(stats))
    tables.append(_leaders(leader_stats(session, actor, day)))
    start = date(day.year, 1, 1)
    tables += _movements(movements(session, actor, start, day), [t.category for t in totals])
    explanation = (
        Section("一、统计口径", (
            f"统计日期为{format_date(day)}。核定数取统计日期有效的核定编制，"
            "加上当天从编制周转池借入未还的编制；实有数为统计日期在编的人数；"
            "在途数为已批准、尚在有效期内且未用完的用编计划名额。",
            "空编数 = 核定数 − 实有数 − 在途数（小于零时计为零）；"
            "超编数 = 实有数 − 核定数（小于零时计为零）。")),
        Section("二、编制类型分列", (
            "行政编制、政法专项编制、事业编制、工勤编制等不同编制类型分别统计、并列显示，"
            "合计行按编制类型分别合计，不同类型的数字不相加。",)),
        Section("三、领导职数和人员增减", (
            "领导职数为统计日期有效的核定正职、副职职数，实配数为担任正职、副职领导职务的"
            "在编人数；实配超过核定即为超职数。",
            f"人员增减统计{format_date(start)}至{format_date(day)}之间的入编和出编，"
            "单位之间的调动计为调出单位的出编和调入单位的入编。")),
    )
    return Report("staffing", TITLE, office, day, explanation=explanation, tables=tables)
