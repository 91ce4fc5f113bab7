"""数据备份 (administrators): back up now, see the backups kept in the data dir."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bzdesk.backup import KEEP
from bzdesk.services import system
from bzdesk.services.system import BackupFile
from ui import ops
from ui.models import Column, RowsModel
from ui.pages.base import Page, PageContext
from ui.widgets import OK_STYLE, hint_label, set_message

if TYPE_CHECKING:
    from bzdesk.workspace import Workspace


def start_backup(parent: QWidget, ws: Workspace, on_done: Callable[[Path], None]) -> ops.Op:
    """The one way the GUI backs up (this tab's button and 文件 → 备份数据库)."""
    from PySide6.QtCore import QCoreApplication

    return ops.run_write(parent, ws, system.backup_now, ws.paths, on_success=on_done,
                         label=QCoreApplication.translate("backups", "正在备份数据库…"),
                         long=True)


def size_text(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 else f"{size / 1024:.0f} KB"


class BackupTab(Page):
    reload_on_show = True  # backups are files, not an Area
    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.backup_button = QPushButton(self.tr("立即备份"))
        self.backup_button.clicked.connect(self.backup_now)
        self.folder_button = QPushButton(self.tr("打开备份文件夹"))
        self.folder_button.clicked.connect(self.open_folder)
        self.result = hint_label(OK_STYLE)
        reasons = {"manual": self.tr("手动备份"), "before-restore": self.tr("恢复前自动备份")}
        self.model: RowsModel[BackupFile] = RowsModel([
            Column(self.tr("备份时间"), lambda b: b.made_at.strftime("%Y-%m-%d %H:%M:%S")),
            Column(self.tr("类型"), lambda b: reasons.get(
                b.reason, self.tr("升级前自动备份") if b.reason.startswith("upgrade")
                else b.reason)),
            Column(self.tr("大小"), lambda b: size_text(b.size), Qt.AlignmentFlag.AlignRight),
            Column(self.tr("文件"), lambda b: b.path.name),
        ])
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

        row = QHBoxLayout()
        row.addWidget(self.backup_button)
        row.addWidget(self.folder_button)
        row.addStretch(1)
        note = QLabel(self.tr("备份保存在 {0}，保留最近 {1} 份。请定期把备份复制到U盘或其他电脑。")
                      .format(self.ws.paths.backups, KEEP))
        note.setWordWrap(True)
        note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.result)
        layout.addWidget(note)
        layout.addWidget(self.table)

    def reload(self) -> None:
        ops.run_call(self, system.backup_files, self.ws.paths, writer=False,
                     on_success=self.model.replace)

    def backup_now(self) -> None:
        self.backup_button.setEnabled(False)
        start_backup(self, self.ws, self._done).finished.connect(
            lambda: self.backup_button.setEnabled(True))

    def _done(self, target: Path) -> None:
        set_message(self.result, self.tr("已备份到 {0}").format(target), OK_STYLE)
        self.reload()

    def open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.ws.paths.backups)))
