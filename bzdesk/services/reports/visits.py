"""挂点联系走访情况 of one year: the leader × 联系点 × quarter grid of the dashboard, the
problems found in the year with their state, and the problems per 责任单位.

The grid and the board come from ``visits.visit_dashboard`` (same states and counts as
the 走访调研 page); the problem list reads the year's problems in one query and shows each
through the visits service's own ``issue_view``.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from bzdesk.models.visits import Visit, VisitIssue
from bzdesk.reports.output import format_date
from bzdesk.roles import Actor, Can, require
from bzdesk.services.office import current_office
from bzdesk.services.reports._common import report_year, today, year_end
from bzdesk.services.reports.model import Col, Report, ReportParams, Section, Table, num
from bzdesk.services.visits.dashboard import visit_dashboard
from bzdesk.services.visits.issues import issue_view
from bzdesk.services.visits.views import OFF, STATE_LABELS, VISITED, DashboardView, GridCell

TITLE = "挂点联系走访情况报表"
QUARTERS = ("第一季度", "第二季度", "第三季度", "第四季度")


def _cell(cell: GridCell) -> str:
    if cell.state == OFF:
        return STATE_LABELS[OFF]
    label = STATE_LABELS.get(cell.state, cell.state)
    return f"{label}（{cell.visits}/{cell.required}次）" if cell.visits else label


def _grid(view: DashboardView) -> Table:
    table = Table("挂点联系走访情况表", [
        Col("序号", 0.5, "center", "int"), Col("类别", 0.9), Col("领导（专员）", 1.2),
        Col("联系点", 2.2), *(Col(q, 1.2, "center") for q in QUARTERS)],
        subtitle=f"（{view.year}年，每季度要求走访次数见括号）",
        notes=("已走访：本季度走访次数达到要求；未走访：季度已过仍未达到；待走访：本季度"
               "尚未结束；未到：季度尚未开始；—：该季度不在挂点期间内。",))
    for number, r in enumerate(view.rows, start=1):
        table.row([number, r.kind, r.leader_name, r.target_name, *(_cell(c) for c in r.cells)])
    if view.rows:
        done = [sum(1 for r in view.rows if r.cells[q].state == VISITED) for q in range(4)]
        owed = [sum(1 for r in view.rows if r.cells[q].state != OFF) for q in range(4)]
        table.subtotal(["", "", "", "已走访 / 应走访（个联系点）",
                        *(f"{d} / {o}" for d, o in zip(done, owed, strict=True))])
    return table


def _problems(session: Session, year: int, on: date) -> Table:
    rows = session.execute(
        select(VisitIssue, Visit).join(Visit, Visit.id == VisitIssue.visit_id)
        .where(VisitIssue.deleted.is_(False), Visit.deleted.is_(False),
               Visit.start_on.between(date(year, 1, 1), date(year, 12, 31)))
        .order_by(Visit.start_on, VisitIssue.deadline, VisitIssue.id)).all()
    table = Table("走访发现问题清单", [
        Col("序号", 0.5, "center", "int"), Col("发现日期", 0.9, "center", "date"),
        Col("走访类型", 0.8, "center"), Col("领导", 0.9), Col("问题描述", 3.4),
        Col("责任单位", 1.8), Col("办理时限", 0.9, "center", "date"), Col("状态", 0.9, "center"),
        Col("办结/销号", 0.9, "center", "date")],
        subtitle=f"（{year}年走访中发现的问题，状态截至{format_date(on)}）")
    for number, (issue, visit) in enumerate(rows, start=1):
        v = issue_view(issue, visit, on)
        status = f"{v.status}（逾期）" if v.overdue else v.status
        table.row([number, v.visit_on, v.visit_kind, v.leader_name, v.description,
                   v.responsible_name, v.deadline, status, v.closed_on or v.done_on])
    return table


def _board(view: DashboardView) -> Table:
    table = Table("问题办理情况表（按责任单位）", [
        Col("序号", 0.5, "center", "int"), Col("责任单位", 3.0), num("未办结", 1.0),
        num("其中逾期", 1.0), num(f"{view.year}年销号", 1.0)],
        subtitle=f"（未办结、逾期截至{format_date(view.today)}）")
    for number, r in enumerate(view.board, start=1):
        table.row([number, r.responsible_name, r.open, r.overdue, r.closed])
    if view.board:
        table.subtotal(["", "合计", sum(r.open for r in view.board),
                        sum(r.overdue for r in view.board),
                        sum(r.closed for r in view.board)])
    return table


def build_visits(session: Session, actor: Actor, params: ReportParams) -> Report:
    require(actor, Can.READ)
    year = report_year(params)
    on = today()
    office = current_office(session).name
    view = visit_dashboard(session, actor, year, today=on)
    tables = [_grid(view), _problems(session, year, on), _board(view)]
    explanation = (
        Section("一、统计范围", (
            f"本报表统计{year}年度的挂点联系和联络专员走访情况：每位领导（专员）对每个"
            "联系点每季度的走访次数是否达到要求，以及走访中发现问题的办理情况。",)),
        Section("二、口径", (
            "走访次数按走访开始日期计入季度，同一天的多次记录分别计数；挂点期间不覆盖的"
            "季度不作要求。",
            "问题的“逾期”指办理时限已过而仍处于待交办或办理中；销号为经回访确认后关闭。"
            "问题清单列出本年度走访中发现的全部问题。")),
    )
    return Report("visits", TITLE, office, year_end(year), period=f"{year}年度",
                  explanation=explanation, tables=tables)
