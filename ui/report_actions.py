"""Printing and exporting one of the four reports (roster, staffing, visits, party) from any
page: the 统计报表 page and the 打印/导出报表 button of each domain page share this.

    self.report = ReportActions(self, self.ws, lambda: ReportRequest(
        "visits", ReportParams(year=self.board.year.value())))
    layout.addWidget(self.report.button())

The report is written by bzdesk.services.reports in the background (ops.run_read, with a
progress dialog that can cancel); the preview and printing are ui.print_preview's. Every
role that may read may print: the report services only require Can.READ.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTemporaryDir
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QPushButton, QWidget

from bzdesk.reports.output import ReportResult
from bzdesk.services import reports
from ui import ops
from ui.print_preview import PrintPreview, print_pdf
from ui.settings import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from bzdesk.workspace import Workspace

translate = QCoreApplication.translate

_TITLES = {
    "roster": QT_TRANSLATE_NOOP("reports", "实名制人员花名册"),
    "staffing": QT_TRANSLATE_NOOP("reports", "机构编制统计表"),
    "visits": QT_TRANSLATE_NOOP("reports", "挂点联系走访情况报表"),
    "party": QT_TRANSLATE_NOOP("reports", "机关党建工作台账"),
}


def report_title(key: str) -> str:
    """The report's name on screen (the PDF's own title stays the service's Chinese)."""
    text = _TITLES.get(key)
    return translate("reports", text) if text else reports.report_kind(key).label


@dataclass(frozen=True)
class ReportRequest:
    """Which report, for which day or year."""

    key: str
    params: reports.ReportParams

    @property
    def title(self) -> str:
        return report_title(self.key)

    @property
    def period(self) -> str:
        """What the report covers: its statistics day or its year."""
        if self.params.year is not None:
            return translate("reports", "{0}年度").format(self.params.year)
        day = self.params.as_of or date.today()
        return translate("reports", "截至{0}").format(day.isoformat())

    def file_name(self, suffix: str) -> str:
        """实名制人员花名册-2026-11-23.pdf, 机关党建工作台账-2026年.xlsx."""
        if self.params.year is not None:
            stamp = translate("reports", "{0}年").format(self.params.year)
        else:
            stamp = (self.params.as_of or date.today()).isoformat()
        return f"{self.title}-{stamp}{suffix}"


class ReportActions(QObject):
    """Make the report the page asks for, then preview, print or save it."""

    def __init__(self, parent: QWidget, ws: Workspace, request: Callable[[], ReportRequest],
                 on_saved: Callable[[str], None] | None = None) -> None:
        super().__init__(parent)
        self.widget, self.ws, self.request = parent, ws, request
        self.on_saved = on_saved or self._show_in_status_bar
        self._tmp = QTemporaryDir()
        self._made = 0  # numbers the previews' temporary files
        self.preview: PrintPreview | None = None
        self.last: ReportResult | None = None

        self.subject = QAction(self)
        self.subject.setEnabled(False)  # says which report and period, not a command
        self.preview_action = self._action(translate("reports", "打印预览…"), self.open_preview,
                                           QKeySequence.StandardKey.Print)
        self.pdf_action = self._action(translate("reports", "导出 PDF…"), self.save_pdf)
        self.excel_action = self._action(translate("reports", "导出 Excel…"), self.save_excel)

    def _action(self, text: str, slot: Callable[[], object],
                keys: QKeySequence.StandardKey | None = None) -> QAction:
        action = QAction(text, self)
        if keys is not None:
            action.setShortcut(QKeySequence(keys))
            # Active while the page is the one shown (a hidden page's shortcut never fires).
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.widget.addAction(action)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def menu(self) -> QMenu:
        menu = QMenu(self.widget)
        menu.addAction(self.subject)
        menu.addSeparator()
        menu.addActions([self.preview_action, self.pdf_action, self.excel_action])
        menu.aboutToShow.connect(self._name_subject)
        self._name_subject()
        return menu

    def button(self) -> QPushButton:
        """打印/导出报表 ▾ with the menu above (a push button like the pages' others)."""
        button = QPushButton(translate("reports", "打印/导出报表"), self.widget)
        keys = self.preview_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        button.setToolTip(translate("reports", "{0}：打印预览（{1}）、导出 PDF 或 Excel")
                          .format(self.request().title, keys))
        button.setMenu(self.menu())
        return button

    def _name_subject(self) -> None:
        request = self.request()
        self.subject.setText(translate("reports", "{0}（{1}）").format(request.title,
                                                                    request.period))

    # -- making files ----------------------------------------------------------------------
    def generate(self, out: Path, then: Callable[[ReportResult], None]) -> ops.Op:
        request = self.request()
        label = translate("reports", "正在生成{0}…").format(request.title)
        return ops.run_read(self.widget, self.ws, reports.write_report, request.key, out,
                            request.params, label=label, on_success=then)

    def _temporary(self) -> Path:
        self._made += 1
        return Path(self._tmp.path()) / f"{self._made}-{self.request().file_name('.pdf')}"

    def open_preview(self) -> ops.Op:
        title = self.request().title
        return self.generate(self._temporary(), lambda result: self._show_preview(result, title))

    def _show_preview(self, result: ReportResult, title: str) -> None:
        self.last = result
        if self.preview is not None:
            self.preview.close()
        self.preview = PrintPreview(result.path, result.pages, title, self.widget,
                                    export=self.save_excel)
        self.preview.open()

    def print_report(self) -> ops.Op:
        title = self.request().title

        def ready(result: ReportResult) -> None:
            self.last = result
            print_pdf(self.widget, result.path, result.pages, title)

        return self.generate(self._temporary(), ready)

    def ask(self, suffix: str, filter_text: str) -> Path | None:
        start = str(Path.home() / self.request().file_name(suffix))
        name, _ = QFileDialog.getSaveFileName(self.widget, translate("reports", "保存报表"),
                                              start, filter_text)
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)

    def save_pdf(self) -> ops.Op | None:
        out = self.ask(".pdf", translate("reports", "PDF 文件 (*.pdf)"))
        return None if out is None else self.generate(out, self._saved)

    def save_excel(self) -> ops.Op | None:
        out = self.ask(".xlsx", translate("reports", "Excel 工作簿 (*.xlsx)"))
        return None if out is None else self.generate(out, self._saved)

    def _saved(self, result: ReportResult) -> None:
        self.last = result
        pages = translate("reports", "，{0} 页").format(result.pages) if result.pages else ""
        self.on_saved(translate("reports", "已保存到 {0}（{1} 行{2}）。").format(
            result.path, result.rows, pages))

    def _show_in_status_bar(self, message: str) -> None:
        window = self.widget.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(message, 15_000)
