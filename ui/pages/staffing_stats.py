"""统计: 核定/实有/在途/空编/超编 per unit × 编制类型 as of a day (超编 rows red),
totals per 编制类型 (never one grand total), 领导职数, and the movements in and
out of a period; 导出 Excel writes the same tables to a styled workbook."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from bzdesk.changes import Area
from bzdesk.services.staffing import (
    CategoryTotal,
    LeaderRow,
    MovementRow,
    RouteCount,
    StatsRow,
)
from bzdesk.services.staffing.page_queries import (
    StatsOverview,
    export_staffing_stats,
    stats_overview,
)
from ui import ops
from ui.models import Column, RowsModel
from ui.pages.base import PageContext
from ui.pages.staffing_common import (
    OVER,
    RIGHT,
    StaffingTab,
    button_row,
    date_edit,
    make_table,
    picked,
)
from ui.pages.staffing_models import TintedRows
from ui.widgets import HINT_STYLE, OK_STYLE, hint_label, set_message


class StatsTab(StaffingTab):
    areas = frozenset({Area.UNITS, Area.QUOTAS, Area.POSTINGS, Area.PLANS, Area.POOL,
                       Area.DICTIONARIES, Area.PEOPLE})

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._asked = 0  # the newest read: older answers are dropped
        today = date.today()
        self.as_of = date_edit(today)
        self.start = date_edit(date(today.year, 1, 1))
        self.end = date_edit(today)
        for edit in (self.as_of, self.start, self.end):
            edit.dateChanged.connect(self._dates_changed)
        self.export_button = QPushButton(self.tr("导出 Excel…"))
        self.export_button.clicked.connect(self.export)
        self.summary = QLabel()
        self.summary.setStyleSheet(HINT_STYLE)
        self.message = hint_label(OK_STYLE)
        numbers: list[Column[Any]] = [
            Column(self.tr("核定"), lambda r: str(r.approved), RIGHT),
            Column(self.tr("实有"), lambda r: str(r.filled), RIGHT),
            Column(self.tr("在途"), lambda r: str(r.in_transit), RIGHT),
            Column(self.tr("空编"), lambda r: str(r.vacant), RIGHT),
            Column(self.tr("超编"), lambda r: str(r.over) if r.over else "", RIGHT),
        ]
        self.rows: TintedRows[StatsRow] = TintedRows([
            Column(self.tr("机构"), lambda r: r.unit),
            Column(self.tr("统一社会信用代码"), lambda r: r.uscc or ""),
            Column(self.tr("编制类型"), lambda r: r.category),
            *numbers,
        ], lambda r: OVER if r.over else "")
        self.totals: TintedRows[CategoryTotal] = TintedRows([
            Column(self.tr("编制类型"), lambda t: t.category), *numbers,
        ], lambda t: OVER if t.over else "")
        self.leaders: TintedRows[LeaderRow] = TintedRows([
            Column(self.tr("机构"), lambda r: r.unit),
            Column(self.tr("正职核定"), lambda r: str(r.chief_approved), RIGHT),
            Column(self.tr("正职实配"), lambda r: str(r.chief_filled), RIGHT),
            Column(self.tr("副职核定"), lambda r: str(r.deputy_approved), RIGHT),
            Column(self.tr("副职实配"), lambda r: str(r.deputy_filled), RIGHT),
            Column(self.tr("超职数"), lambda r: self.tr("超职数") if r.over else ""),
        ], lambda r: OVER if r.over else "")
        self.moves: RowsModel[MovementRow] = RowsModel([
            Column(self.tr("机构"), lambda r: r.unit),
            Column(self.tr("编制类型"), lambda r: r.category),
            Column(self.tr("入编"), lambda r: str(r.entered), RIGHT),
            Column(self.tr("出编"), lambda r: str(r.left), RIGHT),
        ])
        self.routes: RowsModel[RouteCount] = RowsModel([
            Column(self.tr("方向"), lambda r: r.direction),
            Column(self.tr("方式"), lambda r: r.route),
            Column(self.tr("编制类型"), lambda r: r.category),
            Column(self.tr("人数"), lambda r: str(r.count), RIGHT),
        ])
        self.table = make_table(self.rows, stretch=0)
        self.details = QTabWidget()
        for model, stretch, title in ((self.totals, 0, self.tr("按编制类型合计")),
                                      (self.leaders, 0, self.tr("领导职数")),
                                      (self.moves, 0, self.tr("人员增减")),
                                      (self.routes, 1, self.tr("增减方式"))):
            self.details.addTab(make_table(model, stretch=stretch), title)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.details)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(button_row(
            QLabel(self.tr("统计截至")), self.as_of, QLabel(self.tr("人员增减期间")), self.start,
            QLabel(self.tr("至")), self.end, self.summary, self.export_button, stretch_at=6))
        layout.addWidget(self.message)
        layout.addWidget(split, 1)

    def _dates_changed(self) -> None:
        self.end.setMinimumDate(self.start.date())
        self.refresh()

    def period(self) -> tuple[date, date, date]:
        return picked(self.as_of), picked(self.start), picked(self.end)

    def reload(self) -> None:
        self._asked += 1
        asked = self._asked
        ops.run_read(self, self.ws, stats_overview, *self.period(),
                     on_success=lambda view: self._show(asked, view))

    def _show(self, asked: int, view: StatsOverview) -> None:
        if asked != self._asked:
            return
        self.rows.replace(view.report.rows)
        self.totals.replace(view.report.totals)
        self.leaders.replace(view.leaders)
        self.moves.replace(view.movements.rows)
        self.routes.replace(view.movements.by_route)
        over = [r for r in view.report.rows if r.over]
        leaders = [r for r in view.leaders if r.over]
        parts = []
        if over:
            parts.append(self.tr("超编 {0} 处").format(len(over)))
        if leaders:
            parts.append(self.tr("超职数 {0} 个机构").format(len(leaders)))
        self.summary.setText("，".join(parts))

    def default_file(self) -> str:
        return self.tr("机构编制统计（截至{0}）.xlsx").format(picked(self.as_of).isoformat())

    def export(self) -> None:
        file, _ = QFileDialog.getSaveFileName(self, self.tr("导出机构编制统计"),
                                              self.default_file(),
                                              self.tr("Excel 文件 (*.xlsx)"))
        if not file:
            return
        out = Path(file) if file.lower().endswith(".xlsx") else Path(file + ".xlsx")
        set_message(self.message, "")
        ops.run_read(self, self.ws, export_staffing_stats, out, *self.period(), long=True,
                     label=self.tr("正在导出机构编制统计…"),
                     on_success=lambda written: set_message(
                         self.message, self.tr("已导出到 {0}").format(written), OK_STYLE))

    def set_as_of(self, day: date) -> None:
        self.as_of.setDate(QDate(day))
