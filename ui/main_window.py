"""The main window: navigation on the left, pages created on first visit, one
``changed`` signal that tells every page what an operation changed.

Start-up speed: this module imports no page. A page's module (and whatever it
needs) is imported the first time the clerk opens it (ui.pages.PAGES).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from bzdesk.changes import Area
from bzdesk.paths import resources_dir
from bzdesk.roles import Can
from ui import ops
from ui.labels import role_label
from ui.pages import PAGES, PageSpec
from ui.pages.base import Page, PageContext
from ui.settings import open_settings

if TYPE_CHECKING:
    from bzdesk.services.office import OfficeView
    from bzdesk.workspace import Workspace

NAV_STYLE = """
QListWidget#nav { border: none; background: #1f3a5f; color: #e8eef6; outline: 0; }
QListWidget#nav::item { padding: 10px 12px; }
QListWidget#nav::item:selected { background: #2f5d94; color: white; }
QListWidget#nav::item:hover:!selected { background: #28496f; }
"""


def icon(name: str) -> QIcon:
    return QIcon(str(resources_dir() / "icons" / name))


class MainWindow(QMainWindow):
    changed = Signal(object)     # frozenset[Area], after every successful write
    page_shown = Signal(str)     # the key of the page now visible

    def __init__(self, ws: Workspace, office: OfficeView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = PageContext(ws, office)
        self._pages: dict[str, Page] = {}
        self.setWindowTitle(self.tr("编制桌面 — {0}").format(office.name))
        self.setWindowIcon(icon("bzdesk.svg"))
        self.setMinimumSize(960, 600)

        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setStyleSheet(NAV_STYLE)
        self.nav.setIconSize(QSize(20, 20))
        for spec in PAGES:
            item = QListWidgetItem(icon(spec.icon), spec.label)
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            self.nav.addItem(item)
        self.nav.setFixedWidth(max(150, self.nav.sizeHintForColumn(0) + 24))
        self.stack = QStackedWidget()
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.nav.currentRowChanged.connect(lambda row: self.show_page(PAGES[row].key))

        self._build_menus()
        self._build_status(office)
        settings = open_settings(ws.paths)
        geometry = settings.value("ui/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 760)
        self.nav.setCurrentRow(0)

    @property
    def ws(self) -> Workspace:
        return self.ctx.ws

    # -- pages ---------------------------------------------------------------
    def show_page(self, key: str) -> Page:
        row = next(i for i, spec in enumerate(PAGES) if spec.key == key)
        page = self._pages.get(key) or self._create(PAGES[row])
        self.stack.setCurrentWidget(page)
        if self.nav.currentRow() != row:
            self.nav.setCurrentRow(row)
        self.page_shown.emit(key)
        return page

    def _create(self, spec: PageSpec) -> Page:
        page = spec.load()(self.ctx)
        self._pages[spec.key] = page
        self.stack.addWidget(page)
        self.changed.connect(page.on_changed)
        request = getattr(page, "navigate_requested", None)  # a page asking for another page
        if request is not None:
            request.connect(self.show_page)
        return page

    def page(self, key: str) -> Page | None:
        return self._pages.get(key)

    def current_page(self) -> Page | None:
        widget = self.stack.currentWidget()
        return widget if isinstance(widget, Page) else None

    def notify_changed(self, changes: frozenset[Area]) -> None:
        """ui.ops calls this after a write; every created page hears it once."""
        self.changed.emit(changes)

    # -- menus and status bar ------------------------------------------------
    def _action(self, text: str, shortcut: str | QKeySequence.StandardKey,
                slot: Callable[[], object]) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("文件(&F)"))
        self.backup_action = self._action(self.tr("备份数据库"), "Ctrl+B", self.backup)
        self.backup_action.setEnabled(self.ctx.actor.can(Can.ADMINISTER))
        file_menu.addAction(self.backup_action)
        file_menu.addSeparator()
        file_menu.addAction(self._action(self.tr("退出"), "Ctrl+Q", self.close))

        view_menu = bar.addMenu(self.tr("视图(&V)"))
        for number, spec in enumerate(PAGES, start=1):
            keys = f"Ctrl+{number}" if number <= 9 else ""
            view_menu.addAction(self._action(
                spec.label, keys, partial(self.show_page, spec.key)))
        view_menu.addSeparator()
        view_menu.addAction(self._action(self.tr("查找"), "Ctrl+F", self.focus_search))

        help_menu = bar.addMenu(self.tr("帮助(&H)"))
        help_menu.addAction(self._action(self.tr("关于编制桌面"), "F1", self.about))

    def _build_status(self, office: OfficeView) -> None:
        actor = self.ctx.actor
        status = self.statusBar()
        for text in (office.name,
                     self.tr("用户：{0}（{1}）").format(actor.display_name, actor.username),
                     self.tr("角色：{0}").format(role_label(actor.role))):
            label = QLabel(text)
            label.setContentsMargins(8, 0, 8, 0)
            status.addPermanentWidget(label)

    def focus_search(self) -> None:
        page = self.current_page()
        box = page.search_box() if page is not None else None
        if box is None:
            self.statusBar().showMessage(self.tr("这一页没有查找框。"), 3000)
            return
        box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        box.selectAll()

    def backup(self) -> None:
        from ui.pages.system.backups import start_backup

        start_backup(self, self.ws, self._backed_up)

    def _backed_up(self, target: Path) -> None:
        self.statusBar().showMessage(self.tr("已备份到 {0}").format(target), 10_000)
        QMessageBox.information(self, self.tr("备份数据库"),
                                self.tr("数据库已备份到：\n{0}").format(target))

    def about_dialog(self) -> QDialog:
        from ui.about import AboutDialog

        return AboutDialog(self.ws.paths.root, QApplication.font().family(), self)

    def about(self) -> None:
        self.about_dialog().open()

    def main_dialogs(self) -> list[Callable[[], QDialog]]:
        return [self.about_dialog]

    def closeEvent(self, event: QCloseEvent) -> None:
        ops.shutdown()  # let a running write finish before the database closes
        settings = open_settings(self.ws.paths)
        settings.setValue("ui/geometry", self.saveGeometry())
        settings.sync()
        super().closeEvent(event)
