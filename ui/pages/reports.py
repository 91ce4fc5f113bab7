"""统计报表: pick a report and its day or year, then preview, print, save the PDF or export
the same tables to Excel. A second tab chooses the office's own fonts (字体设置).

Making, previewing, printing and saving a report is ui.report_actions' (the domain pages'
打印/导出报表 buttons use the same); this page only chooses the report and its period.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from bzdesk.changes import Area
from bzdesk.reports.output import ReportResult
from bzdesk.services import reports
from ui import ops
from ui.pages.base import Page, PageContext, scope_text
from ui.pages.reports_fonts import FontsTab
from ui.print_preview import PrintPreview
from ui.report_actions import ReportActions, ReportRequest, report_title
from ui.widgets import OK_STYLE, heading, hint_label, set_message


class ReportsPanel(Page):
    """The reports, their parameters and what to do with them."""

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.reporter = ReportActions(self, self.ws, self.request, on_saved=self._saved)
        self.descriptions = {
            "roster": self.tr(
                "统计日期在编的全部人员，按单位分组：序号、姓名、性别、出生年月、单位、编制类型、"
                "职务、入编时间。"),
            "staffing": self.tr(
                "各单位分编制类型的核定、实有、在途、空编、超编（各类型并列、不相加），"
                "编制类型汇总，领导职数配备，本年度人员增减。"),
            "visits": self.tr(
                "领导（专员）× 联系点 × 季度的走访情况，年度走访发现问题清单，"
                "按责任单位的问题办理情况。"),
            "party": self.tr(
                "各党组织年度活动统计，活动台账（应到、实到、请假、缺席），志愿服务，"
                "在职党员进社区报到台账。"),
        }
        self.kinds = QListWidget()
        self.kinds.setMaximumWidth(260)
        self.kinds.setStyleSheet("QListWidget::item { padding: 8px 6px; }")
        for kind in reports.KINDS.values():
            item = QListWidgetItem(self.label(kind.key))
            item.setData(Qt.ItemDataRole.UserRole, kind.key)
            self.kinds.addItem(item)
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.day = QDateEdit(QDate.currentDate())
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(QDate.currentDate().year())
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.day.setMinimumWidth(160)
        self.year.setMinimumWidth(160)
        form.addRow(self.tr("统计日期"), self.day)
        form.addRow(self.tr("年度"), self.year)
        self.form = form

        self.preview_button = QPushButton(self.tr("预览"))
        self.preview_button.setDefault(True)
        self.print_button = QPushButton(self.tr("打印…"))
        self.pdf_button = QPushButton(self.tr("保存 PDF…"))
        self.excel_button = QPushButton(self.tr("导出 Excel…"))
        buttons = QHBoxLayout()
        for button in (self.preview_button, self.print_button, self.pdf_button,
                       self.excel_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.message = hint_label(OK_STYLE)

        right = QVBoxLayout()
        self.title = heading("", 1.2)
        right.addWidget(self.title)
        right.addWidget(self.description)
        right.addLayout(form)
        right.addLayout(buttons)
        right.addWidget(self.message)
        note = QLabel(self.tr("报表按当前数据生成：花名册和编制统计表按统计日期，"
                              "走访和党建台账按年度。每份 PDF 含封面、说明和各表格，"
                              "表格页注明“第 N 页 共 M 页”。"))
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(dark);")
        right.addWidget(note)
        right.addStretch(1)
        grid = QGridLayout(self)
        grid.addWidget(self.kinds, 0, 0)
        grid.addLayout(right, 0, 1)
        grid.setColumnStretch(1, 1)

        self.kinds.currentRowChanged.connect(lambda _row: self._kind_chosen())
        self.preview_button.clicked.connect(self.open_preview)
        self.print_button.clicked.connect(self.print_report)
        self.pdf_button.clicked.connect(self.save_pdf)
        self.excel_button.clicked.connect(self.save_excel)
        self.kinds.setCurrentRow(0)

    # -- what is asked for ---------------------------------------------------------------
    def kind(self) -> reports.ReportKind:
        return reports.report_kind(str(self.kinds.currentItem().data(Qt.ItemDataRole.UserRole)))

    def choose(self, key: str) -> None:
        row = list(reports.KINDS).index(key)
        self.kinds.setCurrentRow(row)

    def label(self, key: str) -> str:
        return report_title(key)

    def params(self) -> reports.ReportParams:
        if self.kind().uses_year:
            return reports.ReportParams(year=self.year.value())
        return reports.ReportParams(as_of=self.day.date().toPython())  # type: ignore[arg-type]

    def request(self) -> ReportRequest:
        return ReportRequest(self.kind().key, self.params())

    def _kind_chosen(self) -> None:
        kind = self.kind()
        self.title.setText(self.label(kind.key))
        self.description.setText(self.descriptions.get(kind.key, kind.description))
        self.form.setRowVisible(self.day, not kind.uses_year)
        self.form.setRowVisible(self.year, kind.uses_year)
        set_message(self.message, "")

    # -- making files (ui.report_actions, shared with the domain pages) ---------------------
    @property
    def preview(self) -> PrintPreview | None:
        return self.reporter.preview

    @property
    def last(self) -> ReportResult | None:
        return self.reporter.last

    def open_preview(self) -> ops.Op:
        return self.reporter.open_preview()

    def print_report(self) -> ops.Op:
        return self.reporter.print_report()

    def save_pdf(self) -> ops.Op | None:
        return self.reporter.save_pdf()

    def save_excel(self) -> ops.Op | None:
        return self.reporter.save_excel()

    def _saved(self, message: str) -> None:
        set_message(self.message, message, OK_STYLE)


class ReportsPage(Page):
    areas = frozenset({Area.SETTINGS})

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        scope = QLabel(scope_text(ctx.office))
        scope.setWordWrap(True)
        layout.addWidget(scope)
        self.tabs = QTabWidget()
        self.panel = ReportsPanel(ctx)
        self.fonts = FontsTab(ctx)
        self.tabs.addTab(self.panel, self.tr("生成报表"))
        self.tabs.addTab(self.fonts, self.tr("字体设置"))
        layout.addWidget(self.tabs)

    def on_changed(self, changes: frozenset[Area]) -> None:
        self.fonts.on_changed(changes)
