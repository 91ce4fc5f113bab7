"""The dashboard as an .xlsx file (the shared writer: streamed, .part then rename)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from bzdesk.excel.spec import ColumnSpec, SheetSpec
from bzdesk.excel.writer import write_table
from bzdesk.roles import Actor, Can, require
from bzdesk.services.visits.dashboard import visit_dashboard
from bzdesk.services.visits.views import OFF, STATE_LABELS, DashboardView, GridCell


def cell_text(cell: GridCell) -> str:
    """“已走访 2/1”: the state, then visits made / visits required."""
    label = STATE_LABELS[cell.state]
    return label if cell.state == OFF else f"{label} {cell.visits}/{cell.required}"


def dashboard_sheets(view: DashboardView) -> list[SheetSpec]:
    grid = SheetSpec(
        "走访情况",
        [ColumnSpec("领导", 12), ColumnSpec("类型", 10), ColumnSpec("联系点", 28),
         *(ColumnSpec(f"第{q}季度", 14) for q in "一二三四")],
        ([r.leader_name, r.kind, r.target_name, *(cell_text(c) for c in r.cells)]
         for r in view.rows),
        heading=f"{view.year}年挂点联系走访情况（截至 {view.today.isoformat()}）",
        notes=("每格为“状态 实际走访次数/应走访次数”。未走访：该季度已过而走访次数不足；"
               "待走访：本季度尚未走访够；未到：季度尚未开始；—：该季度不在挂点期内。",))
    board = SheetSpec(
        "问题办理",
        [ColumnSpec("责任单位", 30), ColumnSpec("未办结", 10, "int"),
         ColumnSpec("其中逾期", 10, "int"), ColumnSpec(f"{view.year}年销号", 12, "int")],
        ([r.responsible_name, r.open, r.overdue, r.closed] for r in view.board),
        heading=f"{view.year}年问题清单办理情况（截至 {view.today.isoformat()}）")
    return [grid, board]


def export_dashboard(session: Session, actor: Actor, year: int, out: Path, *,
                     today: date | None = None) -> Path:
    """Write the dashboard of ``year`` to ``out`` (.xlsx); returns the path written."""
    require(actor, Can.READ)
    return write_table(out, dashboard_sheets(visit_dashboard(session, actor, year, today=today)))
