"""The 统计看板 tab: leader × 联系点 × quarter, problems per 责任单位, export."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bzdesk.changes import Area
from bzdesk.services import visits
from bzdesk.services.visits import BoardRow, DashboardView, GridRow
from bzdesk.services.visits.views import DUE, MISSED, VISITED
from ui import ops
from ui.models import Column, RowsModel
from ui.pages.base import Page, PageContext
from ui.pages.visits_models import GridModel

# What a double-click asks the page to show: a grid cell's visits, or a unit's problems.
ShowVisits = Callable[[GridRow, int, int | None], None]
ShowIssues = Callable[[BoardRow, int, str], None]
BOARD_SHOWS = {1: "open", 2: "overdue", 3: "closed"}


def _view(widget: QTableView) -> QTableView:
    widget.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
    widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    widget.verticalHeader().hide()
    widget.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    return widget


class DashboardTab(Page):
    areas = frozenset({Area.VISITS})

    def __init__(self, ctx: PageContext, show_visits: ShowVisits, show_issues: ShowIssues,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._show_visits, self._show_issues = show_visits, show_issues
        self.view: DashboardView | None = None
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year)
        self.year.setSuffix(self.tr(" 年"))
        self.year.valueChanged.connect(self.reload)
        self.export_button = QPushButton(self.tr("导出 Excel…"))
        self.export_button.clicked.connect(self.export)
        self.summary = QLabel()
        self.grid = GridModel()
        self.grid_view = _view(QTableView())
        self.grid_view.setModel(self.grid)
        self.grid_view.doubleClicked.connect(self._grid_clicked)
        self.board: RowsModel[BoardRow] = RowsModel([
            Column(self.tr("责任单位"), lambda r: r.responsible_name),
            Column(self.tr("未办结"), lambda r: str(r.open), Qt.AlignmentFlag.AlignRight),
            Column(self.tr("其中逾期"), lambda r: str(r.overdue), Qt.AlignmentFlag.AlignRight),
            Column(self.tr("本年销号"), lambda r: str(r.closed), Qt.AlignmentFlag.AlignRight),
        ])
        self.board_view = _view(QTableView())
        self.board_view.setModel(self.board)
        self.board_view.doubleClicked.connect(self._board_clicked)
        hint = QLabel(self.tr("双击格子查看对应的走访记录或问题。"))
        hint.setStyleSheet("color: palette(dark);")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("年度")))
        top.addWidget(self.year)
        top.addWidget(self.summary, 1)
        top.addWidget(self.export_button)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.grid_view)
        split.addWidget(self.board_view)
        split.setSizes([400, 200])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(hint)
        self.reload()

    def reload(self) -> None:
        ops.run_read(self, self.ws, visits.visit_dashboard, self.year.value(),
                     on_success=self._show)

    def _show(self, view: DashboardView) -> None:
        self.view = view
        self.grid.replace(view.rows)
        self.board.replace(view.board)
        self.summary.setText(self.tr("已走访 {0} 格，待走访 {1} 格，未走访 {2} 格；"
                                     "未办结问题 {3} 个，其中逾期 {4} 个").format(
            view.count(VISITED), view.count(DUE), view.count(MISSED),
            sum(r.open for r in view.board), sum(r.overdue for r in view.board)))

    def _grid_clicked(self, index: QModelIndex) -> None:
        found = self.grid.quarter_at(index)
        if found is not None:
            row, quarter = found
            self._show_visits(row, self.year.value(), quarter)

    def _board_clicked(self, index: QModelIndex) -> None:
        row = self.board.row_at(index.row())
        if row is not None:
            self._show_issues(row, self.year.value(), BOARD_SHOWS.get(index.column(), "all"))

    def export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("导出走访统计"), f"走访统计{self.year.value()}.xlsx",
            self.tr("Excel 工作簿 (*.xlsx)"))
        if not name:
            return
        target = Path(name).with_suffix(".xlsx")
        ops.run_read(self, self.ws, visits.export_dashboard, self.year.value(), target,
                     label=self.tr("正在导出…"),
                     on_success=lambda p: self.summary.setText(
                         self.tr("已导出到 {0}").format(p)))
