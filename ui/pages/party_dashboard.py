"""达标看板: per organisation and period, which required activities are done, still
open in the current window, or overdue; 第一议题, volunteer service and check-ins
alongside. The annual statistics export from here."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from bzdesk.services import party
from ui import ops
from ui.models import Column, RowsModel
from ui.pages.base import PageContext
from ui.pages.party_common import PartyTab, make_table, selected_row, year_box
from ui.pages.party_models import TintedRows, compliance_tint
from ui.widgets import OK_STYLE, hint_label, set_message

RIGHT = Qt.AlignmentFlag.AlignRight
QUARTERS = ("一", "二", "三", "四")
MONTH = 100


def _rate(row: party.OrgCompliance) -> str:
    rate = row.checkin_rate
    return "—" if rate is None else f"{rate:.0%}"


def _windows(item: party.TypeCompliance, state: str) -> str:
    return "、".join(w.label for w in item.windows if w.state == state)


class DashboardTab(PartyTab):
    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        now = party.current_period()
        self.year = year_box(now.year)
        self.period = QComboBox()
        # data: 0 the whole year, 1–4 a quarter, MONTH + m a month
        self.period.addItem(self.tr("全年"), 0)
        for q, name in enumerate(QUARTERS, start=1):
            self.period.addItem(self.tr("第{0}季度").format(name), q)
        for m in range(1, 13):
            self.period.addItem(self.tr("{0}月").format(m), MONTH + m)
        self.period.setCurrentIndex(self.period.findData(now.quarter or 0))
        self.year.valueChanged.connect(self.reload)
        self.period.currentIndexChanged.connect(self.reload)
        self.model: TintedRows[party.OrgCompliance] = TintedRows([
            Column(self.tr("党组织"), lambda r: "　" * r.depth + r.name),
            Column(self.tr("类别"), lambda r: r.kind),
            Column(self.tr("已完成"), lambda r: str(r.count("done")), RIGHT),
            Column(self.tr("本期未开展"), lambda r: str(r.count("open")), RIGHT),
            Column(self.tr("逾期未开展"), lambda r: str(r.count("overdue")), RIGHT),
            Column(self.tr("活动次数"), lambda r: str(r.activities), RIGHT),
            Column(self.tr("第一议题"), lambda r: str(r.first_topic), RIGHT),
            Column(self.tr("志愿服务人次"), lambda r: str(r.volunteer_times), RIGHT),
            Column(self.tr("志愿服务时长"), lambda r: f"{r.volunteer_hours}", RIGHT),
            Column(self.tr("报到完成率"), _rate, RIGHT),
        ], compliance_tint)
        self.detail: RowsModel[party.TypeCompliance] = RowsModel([
            Column(self.tr("规定活动"), lambda i: i.type_name),
            Column(self.tr("频次"), lambda i: party.PERIODS[i.period]
                   + (self.tr("（{0} 次）").format(i.required_count) if i.required_count > 1
                      else "")),
            Column(self.tr("已完成"), lambda i: _windows(i, "done")),
            Column(self.tr("本期未开展"), lambda i: _windows(i, "open")),
            Column(self.tr("逾期未开展"), lambda i: _windows(i, "overdue")),
        ])
        self.table = make_table(self.model, stretch=0)
        self.detail_table = make_table(self.detail)
        self.table.selectionModel().selectionChanged.connect(self._org_chosen)
        self.summary = QLabel()
        self.export_button = QPushButton(self.tr("导出年度统计…"))
        self.export_button.clicked.connect(self.export)
        self.message = hint_label(OK_STYLE)
        controls = QHBoxLayout()
        for widget in (QLabel(self.tr("年度")), self.year, QLabel(self.tr("期间")),
                       self.period):
            controls.addWidget(widget)
        controls.addWidget(self.summary, 1)
        controls.addWidget(self.export_button)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.detail_table)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.message)
        layout.addWidget(split)
        self.reload()

    def report_period(self) -> party.ReportPeriod:
        code = int(self.period.currentData() or 0)
        if code > MONTH:
            return party.ReportPeriod(self.year.value(), month=code - MONTH)
        return party.ReportPeriod(self.year.value(), quarter=code or None)

    def reload(self) -> None:
        ops.run_read(self, self.ws, party.compliance, self.report_period(),
                     on_success=self._show)

    def _show(self, view: party.ComplianceView) -> None:
        chosen = self.selected()
        self.model.replace(view.rows)
        overdue = sum(1 for r in view.rows if r.count("overdue"))
        self.summary.setText(self.tr("{0}（截至 {1}）：{2} 个组织有逾期未开展的规定活动").format(
            view.label, view.as_of, overdue))
        row = next((i for i, r in enumerate(view.rows) if chosen and r.org_id == chosen.org_id),
                   0 if view.rows else -1)
        if row >= 0:
            self.table.selectRow(row)
        self._org_chosen()

    def selected(self) -> party.OrgCompliance | None:
        return self.model.row_at(selected_row(self.table))

    def _org_chosen(self) -> None:
        row = self.selected()
        self.detail.replace(row.items if row else [])

    def export(self) -> None:
        year = self.year.value()
        file, _ = QFileDialog.getSaveFileName(self, self.tr("导出年度党建统计"),
                                              self.tr("{0}年党建统计.xlsx").format(year),
                                              self.tr("Excel 文件 (*.xlsx)"))
        if file:
            ops.run_read(self, self.ws, party.export_annual_statistics, year, Path(file),
                         long=True, label=self.tr("正在导出年度统计…"),
                         on_success=lambda out: set_message(
                             self.message, self.tr("已导出到 {0}").format(out), OK_STYLE))
