"""Two blocks of the visit form: the problems found (entered row by row from
the keyboard) and the photos and scans (with thumbnails and early checks)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bzdesk.services.attachments import MAX_BYTES, AttachmentView, blob_path, sniff_type
from bzdesk.services.visits import IssueInput, TargetChoice
from ui.models import Column, RowsModel
from ui.pages.visits_models import THUMB, FileItem, FilesModel
from ui.widgets import hint_label, set_message

if TYPE_CHECKING:
    from bzdesk.workspace import Workspace

DATE_FORMAT = "yyyy-MM-dd"


def date_edit(day: date | None = None) -> QDateEdit:
    edit = QDateEdit(QDate(day or date.today()))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATE_FORMAT)
    return edit


def picked(edit: QDateEdit) -> date:
    value: date = edit.date().toPython()  # type: ignore[assignment]
    return value


class _EnterAdds(QObject):
    """Enter in the problem fields adds the problem instead of saving the form."""

    def __init__(self, parent: ProblemsBox) -> None:
        super().__init__(parent)
        self.box = parent

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            return self.box.add_problem()
        return False


class ProblemsBox(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.description = QLineEdit()
        self.description.setPlaceholderText(self.tr("发现的问题，回车添加"))
        self.responsible = QComboBox()
        self.responsible.setEditable(True)
        self.responsible.setMinimumWidth(180)
        typed = self.responsible.lineEdit()
        assert typed is not None
        typed.setPlaceholderText(self.tr("责任单位"))
        self.deadline = date_edit(date.today() + timedelta(days=30))
        self.add_button = QPushButton(self.tr("添加问题"))
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_problem)
        self.remove_button = QPushButton(self.tr("移除所选问题"))
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(self.remove_selected)
        enter = _EnterAdds(self)
        for field in (self.description, self.responsible):
            field.installEventFilter(enter)
        self.model: RowsModel[IssueInput] = RowsModel([
            Column(self.tr("问题"), lambda p: p.description),
            Column(self.tr("责任单位"), lambda p: p.responsible),
            Column(self.tr("办理时限"), lambda p: p.deadline.isoformat()),
        ])
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setMaximumHeight(120)
        self.hint = hint_label()
        row = QGridLayout()
        row.addWidget(self.description, 0, 0)
        row.addWidget(self.responsible, 0, 1)
        row.addWidget(QLabel(self.tr("时限")), 0, 2)
        row.addWidget(self.deadline, 0, 3)
        row.addWidget(self.add_button, 0, 4)
        row.setColumnStretch(0, 3)
        row.setColumnStretch(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.hint)
        layout.addWidget(self.table)
        layout.addWidget(self.remove_button, alignment=Qt.AlignmentFlag.AlignLeft)

    def set_units(self, units: list[TargetChoice]) -> None:
        text = self.responsible.currentText()
        self.responsible.clear()
        for unit in units:
            self.responsible.addItem(unit.name, unit.code)
        self.responsible.setEditText(text)

    def add_problem(self) -> bool:
        """Add what is typed as a problem; True when the key press is used up."""
        description = self.description.text().strip()
        responsible = self.responsible.currentText().strip()
        if not description and not responsible:
            return False  # empty row: Enter saves the form as usual
        if not description or not responsible:
            set_message(self.hint, self.tr("请填写问题和责任单位。"))
            return True
        index = self.responsible.findText(responsible)
        unit_id = self.responsible.itemData(index) if index >= 0 else None
        self.model.replace([*self.model.rows, IssueInput(description, responsible,
                                                         picked(self.deadline), unit_id)])
        set_message(self.hint, "")
        self.description.clear()
        self.description.setFocus()
        self.changed.emit()
        return True

    def remove_selected(self) -> None:
        rows = {i.row() for i in self.table.selectionModel().selectedRows()}
        if rows:
            self.model.replace([p for n, p in enumerate(self.model.rows) if n not in rows])
            self.changed.emit()

    def problems(self) -> tuple[IssueInput, ...]:
        return tuple(self.model.rows)

    def to_json(self) -> list[dict[str, Any]]:
        return [{"description": p.description, "responsible": p.responsible,
                 "unit_id": p.responsible_unit_id, "deadline": p.deadline.isoformat()}
                for p in self.model.rows]

    def from_json(self, items: list[dict[str, Any]]) -> None:
        self.model.replace([IssueInput(str(i["description"]), str(i["responsible"]),
                                       date.fromisoformat(i["deadline"]), i.get("unit_id"))
                            for i in items])


class FilesBox(QWidget):
    changed = Signal()

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.model = FilesModel()
        self.removed: list[str] = []
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setViewMode(QListView.ViewMode.IconMode)
        self.view.setIconSize(THUMB)
        self.view.setGridSize(THUMB + THUMB / 3)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setMaximumHeight(150)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.add_button = QPushButton(self.tr("添加照片或扫描件…"))
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.choose)
        self.remove_button = QPushButton(self.tr("移除所选附件"))
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(self.remove_selected)
        self.hint = hint_label()
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.hint)
        layout.addWidget(self.view)

    def choose(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("添加照片或扫描件"), "",
            self.tr("照片和扫描件 (*.jpg *.jpeg *.png *.gif *.bmp *.webp *.pdf);;所有文件 (*)"))
        self.add_files([Path(f) for f in files])

    def refusal(self, file: Path) -> str:
        """Why a file cannot be attached (the service checks again when saving)."""
        try:
            size = file.stat().st_size
            with open(file, "rb") as fh:
                head = fh.read(16)
        except OSError:
            return self.tr("无法读取文件 {0}。").format(file.name)
        if size > MAX_BYTES:
            return self.tr("文件 {0} 有 {1:.1f} MB，超过 {2} MB 的上限。"
                           "请压缩照片或拆分扫描件后再添加。").format(
                file.name, size / 1024 / 1024, MAX_BYTES // 1024 // 1024)
        if sniff_type(head) is None:
            return self.tr("{0} 不是图片或 PDF 文件"
                           "（只能添加 JPG、PNG、GIF、BMP、WEBP 照片和 PDF 扫描件）。"
                           ).format(file.name)
        return ""

    def add_files(self, files: list[Path]) -> None:
        refused = []
        for file in files:
            reason = self.refusal(file)
            if reason:
                refused.append(reason)
                continue
            with open(file, "rb") as fh:
                is_image = (sniff_type(fh.read(16)) or "").startswith("image/")
            self.model.append(FileItem(file.name, file, is_image))
        set_message(self.hint, "\n".join(refused))
        if len(refused) < len(files):
            self.changed.emit()

    def remove_selected(self) -> None:
        for row in sorted((i.row() for i in self.view.selectionModel().selectedIndexes()),
                          reverse=True):
            item = self.model.remove(row)
            if item is not None and item.attachment_id:
                self.removed.append(item.attachment_id)
        self.changed.emit()

    def show_stored(self, stored: tuple[AttachmentView, ...]) -> None:
        self.model.replace([FileItem(a.file_name, blob_path(self.ws.paths, a.sha256),
                                     a.is_image, a.id) for a in stored])

    def new_files(self) -> tuple[Path, ...]:
        return tuple(i.path for i in self.model.items if i.attachment_id is None)
