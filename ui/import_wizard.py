"""导入机构名单 / 花名册: a wizard over bzdesk.services.excel_io.

Choose the file → choose the sheet → see the header found (its row can be changed) and
which column holds which field (a combo per field, editable; hand-chosen column names can
be kept in the office's 表头词典) → preview every row with each problem marked (red
cells, the reason as tooltip; an error workbook can be saved) → import, all or nothing,
with a progress dialog that can cancel (cancel = rollback). Every slow step (opening
the file, reading the sheet, checking, importing) runs in the background through
ui.ops; the safety backup is taken just before the import (skipped when one is under
an hour old). Other pages open it with ``open_import_wizard(parent, ws, kind)``, and
export with ``export_workbook(parent, ws, kind)``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from bzdesk.errors import BzError, Cancelled
from ui import ops
from ui.errors import describe
from ui.import_preview import PreviewModel
from ui.widgets import HINT_STYLE, OK_STYLE

if TYPE_CHECKING:
    from bzdesk.changes import Outcome
    from bzdesk.services.excel_io import ExportReport, ImportKind, ImportReport, ImportSheet
    from bzdesk.workspace import Workspace

NOT_READ: Final = -1
translate = QCoreApplication.translate


def backup_and_import(ws: Workspace, data: ImportSheet, progress: Any = None,
                      cancelled: Any = None) -> Outcome[ImportReport]:
    """The safety backup (unless a recent one exists), then the import in one
    transaction. Runs on the writer thread."""
    from bzdesk.services import excel_io

    excel_io.backup_before_import(ws.paths)
    return ws.write(excel_io.import_sheet, data, progress=progress, cancelled=cancelled)


class _Page(QWizardPage):
    """A page whose Next first does background work, then moves on by itself."""

    def __init__(self, title: str, subtitle: str) -> None:
        super().__init__()
        self.setTitle(title)
        self.setSubTitle(subtitle)
        self.column = QVBoxLayout(self)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(HINT_STYLE)
        self._passed = False

    @property
    def owner(self) -> ImportWizard:
        wizard = self.wizard()
        assert isinstance(wizard, ImportWizard)
        return wizard

    def show_failure(self, exc: BaseException) -> bool:
        """A refusal is shown on the page (handled); anything else goes to ui.errors."""
        if isinstance(exc, BzError):
            self.message.setText(describe(exc))
            return True
        return False

    def move_on(self) -> None:
        self._passed = True
        self.message.clear()
        self.owner.next()
        self._passed = False


class FilePage(_Page):
    def __init__(self) -> None:
        super().__init__(self.tr("选择文件"),
                         self.tr("支持 Excel（.xlsx、.xls）、WPS 另存的表格、.ods 和 .csv 文件。"))
        self.path = QLineEdit()
        self.path.setPlaceholderText(self.tr("表格文件的位置"))
        self.path.textChanged.connect(self.completeChanged)
        browse = QPushButton(self.tr("选择文件…"))
        browse.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.column.addLayout(row)
        self.column.addWidget(self.message)
        self.column.addStretch(1)

    def browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("选择要导入的表格"), self.path.text(),
            self.tr("表格文件 (*.xlsx *.xlsm *.xls *.ods *.csv);;所有文件 (*)"))
        if name:
            self.path.setText(name)

    def file(self) -> Path:
        return Path(self.path.text().strip())

    def isComplete(self) -> bool:
        return bool(self.path.text().strip())

    def validatePage(self) -> bool:
        if self._passed:
            return True
        from bzdesk.services import excel_io

        self.message.clear()
        ops.run_call(self, excel_io.sheet_names, self.file(), writer=False,
                     label=self.tr("正在打开文件…"), on_success=self._opened,
                     on_error=self.show_failure)
        return False

    def _opened(self, names: tuple[str, ...]) -> None:
        self.owner.sheet_names = names
        self.move_on()


class SheetPage(_Page):
    def __init__(self) -> None:
        super().__init__(self.tr("选择工作表"), self.tr("选择名单所在的工作表。"))
        self.sheets = QComboBox()
        form = QFormLayout()
        form.addRow(self.tr("工作表"), self.sheets)
        self.column.addLayout(form)
        self.column.addWidget(self.message)
        self.column.addStretch(1)

    def initializePage(self) -> None:
        self.sheets.clear()
        self.sheets.addItems(list(self.owner.sheet_names))

    def validatePage(self) -> bool:
        if self._passed:
            return True
        from bzdesk.services import excel_io

        owner = self.owner
        ops.run_read(self, owner.ws, excel_io.read_import_sheet, owner.file_page.file(),
                     owner.kind, self.sheets.currentText() or None, long=True,
                     label=self.tr("正在读取工作表…"), on_success=self._read,
                     on_error=self.show_failure)
        return False

    def _read(self, data: ImportSheet) -> None:
        self.owner.data = data
        self.move_on()


class MappingPage(_Page):
    """The header row (found by itself, or chosen) and one combo per field: which
    column holds it (the detected header preselected)."""

    def __init__(self) -> None:
        super().__init__(self.tr("核对表头"), self.tr(
            "已自动识别表头。如有列对应错了，请在右边重新选择；带 * 的必须有。"))
        self.header_label = QLabel()
        self.header_label.setWordWrap(True)
        self.header_row = QSpinBox()
        self.header_row.setMinimum(1)
        self.header_row.valueChanged.connect(self._header_moved)
        self.remember = QCheckBox(self.tr("记住我手动选择的列名，下次自动识别"))
        self.remember.setChecked(True)
        top = QFormLayout()
        top.addRow(self.tr("表头所在行"), self.header_row)
        self.form = QFormLayout()
        self.combos: dict[str, QComboBox] = {}
        self.detected: ImportSheet | None = None
        self.column.addWidget(self.header_label)
        self.column.addLayout(top)
        holder = QWidget()
        holder.setLayout(self.form)
        self.column.addWidget(holder)
        self.column.addWidget(self.remember)
        self.column.addWidget(self.message)
        self.column.addStretch(1)

    def initializePage(self) -> None:
        data = self.owner.data
        assert data is not None
        self.detected = data
        self.header_row.blockSignals(True)
        last = data.sheet.rows[-1].number if data.sheet.rows else 1
        self.header_row.setMaximum(max(last, data.mapping.header_rows[-1]))
        self.header_row.setValue(data.mapping.header_rows[0])
        self.header_row.blockSignals(False)
        self._build()

    def _build(self) -> None:
        data = self.owner.data
        assert data is not None
        while self.form.rowCount():
            self.form.removeRow(0)
        self.combos.clear()
        for key in data.fields:
            combo = QComboBox()
            combo.addItem(self.tr("（不导入）"), NOT_READ)
            for index, header in enumerate(data.mapping.headers):
                if header:
                    combo.addItem(self.tr("第 {0} 列：{1}").format(_letter(index), header), index)
            combo.currentIndexChanged.connect(lambda _i, k=key: self._chosen(k))
            self.combos[key] = combo
            star = " *" if key in data.required else ""
            self.form.addRow(f"{data.label(key)}{star}", combo)
        self._refresh()

    def _header_moved(self, row: int) -> None:
        """The clerk says where the header is: map that row afresh (the detected header,
        two rows included, when they come back to it)."""
        detected = self.detected
        assert detected is not None
        if row == detected.mapping.header_rows[0]:
            self.owner.data = detected
        else:
            try:
                self.owner.data = detected.with_header_at(row)
            except BzError as exc:
                self.message.setText(describe(exc))
                return
        self._build()

    def _refresh(self) -> None:
        data = self.owner.data
        assert data is not None
        rows = "、".join(str(n) for n in data.mapping.header_rows)
        self.header_label.setText(self.tr("工作表“{0}”的表头在第 {1} 行，数据从第 {2} 行开始。")
                                  .format(data.sheet.name, rows, data.mapping.first_data_row))
        for key, combo in self.combos.items():
            combo.blockSignals(True)
            index = data.mapping.index(key)
            combo.setCurrentIndex(max(0, combo.findData(NOT_READ if index is None else index)))
            combo.blockSignals(False)
        missing = [data.label(k) for k in data.required if data.mapping.index(k) is None]
        self.message.setText(self.tr("还没有选择：{0}").format("、".join(missing))
                             if missing else "")
        self.completeChanged.emit()

    def _chosen(self, key: str) -> None:
        data = self.owner.data
        assert data is not None
        index = self.combos[key].currentData()
        self.owner.data = data.with_column(key, None if index == NOT_READ else int(index))
        self._refresh()  # a column holds one field: another field may have lost it

    def isComplete(self) -> bool:
        data = self.owner.data
        return data is not None and all(data.mapping.index(k) is not None
                                        for k in data.required)

    def validatePage(self) -> bool:
        """Next: keep the hand-chosen column names first when the clerk wants them kept."""
        data = self.owner.data
        if self._passed or data is None or not self.remember.isChecked():
            return True
        learned = data.hand_mapped()
        if not learned:
            return True
        from bzdesk.services import excel_io

        ops.run_write(self, self.owner.ws, excel_io.remember_headers, data.kind, learned,
                      label=self.tr("正在保存表头词典…"), on_success=lambda _words: self.move_on(),
                      on_error=self.show_failure)
        return False


def _letter(index: int) -> str:
    """Excel's column letters: 0 → A, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


class PreviewPage(_Page):
    """The check's verdict on every row; Finish (开始导入) only when nothing is wrong."""

    def __init__(self) -> None:
        super().__init__(self.tr("检查结果"),
                         self.tr("红色单元格有问题，鼠标停在上面可以看到原因。全部正确才能导入。"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.model = PreviewModel()
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.verticalHeader().setVisible(False)
        self.view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.only_bad = QCheckBox(self.tr("只看有问题的行"))
        self.only_bad.toggled.connect(self.model.set_only_bad)
        self.save_errors = QPushButton(self.tr("保存错误报告…"))
        self.save_errors.clicked.connect(self.save_error_workbook)
        tools = QHBoxLayout()
        tools.addWidget(self.only_bad)
        tools.addStretch(1)
        tools.addWidget(self.save_errors)
        self.column.addWidget(self.summary)
        self.column.addLayout(tools)
        self.column.addWidget(self.view, 1)
        self.column.addWidget(self.message)
        self.report: ImportReport | None = None

    def initializePage(self) -> None:
        self.report = None
        self.summary.setText(self.tr("正在检查…"))
        self.save_errors.setEnabled(False)
        self.completeChanged.emit()
        self.owner.check()

    def checked(self, report: ImportReport) -> None:
        self.report = report
        self.model.show(self.owner.data_or_fail(), report)
        self.view.resizeColumnsToContents()
        self.summary.setText(report.summary().replace("（试导入，没有写入）", ""))
        self.summary.setStyleSheet(OK_STYLE if report.ok else HINT_STYLE)
        self.save_errors.setEnabled(not report.ok)
        self.only_bad.setEnabled(not report.ok)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.report is not None and self.report.ok and not self.owner.busy

    def save_error_workbook(self) -> None:
        from bzdesk.services import excel_io

        data = self.owner.data_or_fail()
        if self.report is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("保存错误报告"), str(excel_io.error_workbook_path(data.path)),
            self.tr("Excel 工作簿 (*.xlsx)"))
        if name:
            ops.run_call(self, excel_io.write_errors, data, self.report.problems, Path(name),
                         writer=False, label=self.tr("正在保存错误报告…"),
                         on_success=self._saved)

    def _saved(self, path: Path) -> None:
        self.message.setStyleSheet(OK_STYLE)
        self.message.setText(self.tr("错误报告已保存到 {0}。在 Excel 或 WPS 中按红色单元格改好后，"
                                     "可以直接用它重新导入。").format(path))


class ImportWizard(QWizard):
    """See the module docstring. ``imported`` carries the ImportReport of a done import."""

    imported = Signal(object)

    def __init__(self, ws: Workspace, kind: ImportKind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws, self.kind = ws, kind
        self.sheet_names: tuple[str, ...] = ()
        self.data: ImportSheet | None = None
        self.report: ImportReport | None = None
        self.busy = False
        self.import_op: ops.Op | None = None
        self.setWindowTitle(self.tr("导入花名册") if kind == "roster"
                            else self.tr("导入机构名单"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setMinimumSize(860, 600)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("开始导入"))
        self.file_page, self.sheet_page = FilePage(), SheetPage()
        self.mapping_page, self.preview_page = MappingPage(), PreviewPage()
        for page in (self.file_page, self.sheet_page, self.mapping_page, self.preview_page):
            self.addPage(page)

    def data_or_fail(self) -> ImportSheet:
        assert self.data is not None, "the sheet is read before this step"
        return self.data

    def check(self) -> None:
        from bzdesk.services import excel_io

        ops.run_read(self.preview_page, self.ws, excel_io.check_sheet, self.data_or_fail(),
                     long=True, label=self.tr("正在逐行检查…"),
                     on_success=self.preview_page.checked, on_error=self._check_failed)

    def _check_failed(self, exc: BaseException) -> bool:
        self.preview_page.summary.setText("")
        if isinstance(exc, Cancelled):
            self.preview_page.summary.setText(self.tr("检查已取消。点“上一步”再“下一步”可以重新检查。"))
            return True
        return self.preview_page.show_failure(exc)

    def accept(self) -> None:
        if self.report is not None:
            super().accept()
            return
        if self.busy:
            return
        self.busy = True
        self.preview_page.completeChanged.emit()
        self.import_op = ops.run_call(self, backup_and_import, self.ws, self.data_or_fail(),
                                      label=self.tr("正在导入…"), long=True,
                                      on_success=self._imported, on_error=self._import_failed)

    def _imported(self, outcome: Outcome[ImportReport]) -> None:
        self.busy = False
        self.report = outcome.value
        self.imported.emit(outcome.value)
        super().accept()

    def _import_failed(self, exc: BaseException) -> bool:
        self.busy = False
        page = self.preview_page
        page.completeChanged.emit()
        if isinstance(exc, Cancelled):
            page.message.setStyleSheet(HINT_STYLE)
            page.message.setText(self.tr("已取消导入，没有写入任何数据。"))
            return True
        from bzdesk.services.excel_io import ImportRefused

        if isinstance(exc, ImportRefused):  # the database changed since the check
            page.checked(exc.report)
            return True
        return page.show_failure(exc)


def export_workbook(parent: QWidget | None, ws: Workspace, kind: ImportKind,
                    message: QLabel | None = None) -> ops.Op | None:
    """导出机构名单 / 花名册 from a page: ask where (.xlsx, or .csv), export in the
    background, then say what was written (in ``message`` when given, else a message
    box). None when the clerk cancels the file dialog."""
    from bzdesk.services import excel_io

    what = (translate("import_wizard", "花名册") if kind == "roster"
            else translate("import_wizard", "机构名单"))
    name, _ = QFileDialog.getSaveFileName(
        parent, translate("import_wizard", "导出{0}").format(what),
        f"{what}.xlsx", translate(
            "import_wizard", "Excel 工作簿 (*.xlsx);;CSV 文件（UTF-8）(*.csv)"))
    if not name:
        return None
    run = excel_io.export_roster if kind == "roster" else excel_io.export_units

    def done(report: ExportReport) -> None:
        if message is not None:
            message.setStyleSheet(OK_STYLE)
            message.setText(report.summary())
        else:
            QMessageBox.information(parent, translate("import_wizard", "导出"),
                                    report.summary())

    return ops.run_read(parent, ws, run, Path(name), long=True,
                        label=translate("import_wizard", "正在导出{0}…").format(what),
                        on_success=done)


def open_import_wizard(parent: QWidget | None, ws: Workspace, kind: ImportKind) -> ImportWizard:
    """Open the wizard (window-modal, not blocking); connect to ``imported`` for the
    result. Pages reload through the main window's ``changed`` signal as after any
    write."""
    wizard = ImportWizard(ws, kind, parent)
    wizard.open()
    return wizard
