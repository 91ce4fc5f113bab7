"""What every page is: a widget built from a PageContext that reloads itself when
an operation changed an area it shows (STYLE §2).

Contract:
- ``areas``: the ``bzdesk.changes.Area`` values the page shows. After any
  successful write, the main window calls ``on_changed(changes)`` on every page
  it has created; the default reloads when ``changes & areas``.
- ``reload()``: start the page's read(s) with ``ops.run_read`` and fill the
  widgets in the callback. Never block the GUI thread on the database.
- ``reload_on_show``: True for a page showing what changes without an Area
  (files on disk, the audit log, which every login extends): it reloads each
  time it becomes visible, and first loads then (not when built).
- ``search_box()``: the field Ctrl+F focuses, if the page has one.
- ``main_dialogs()``: factories of the page's main dialogs; the selftest
  opens and closes each one.
Pages never call each other; they write through ``ops.run_write(self, self.ws, …)``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QVBoxLayout, QWidget

from bzdesk.changes import Area
from ui.labels import level_label, scope_label
from ui.widgets import heading

if TYPE_CHECKING:
    from bzdesk.roles import Actor
    from bzdesk.services.office import OfficeView
    from bzdesk.workspace import Workspace


@dataclass(frozen=True)
class PageContext:
    ws: Workspace
    office: OfficeView

    @property
    def actor(self) -> Actor:
        assert self.ws.actor is not None, "pages exist only after login"
        return self.ws.actor


class Page(QWidget):
    areas: ClassVar[frozenset[Area]] = frozenset()
    reload_on_show: ClassVar[bool] = False

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx

    @property
    def ws(self) -> Workspace:
        return self.ctx.ws

    @property
    def actor(self) -> Actor:
        return self.ctx.actor

    def on_changed(self, changes: frozenset[Area]) -> None:
        hidden_until_shown = self.reload_on_show and not self.isVisible()
        if changes & self.areas and not hidden_until_shown:
            self.reload()

    def reload(self) -> None:
        """Read again what the page shows (pages that show data override it)."""

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.reload_on_show:
            self.reload()

    def search_box(self) -> QLineEdit | None:
        return None

    def main_dialogs(self) -> list[Callable[[], QDialog]]:
        return []


def scope_text(office: OfficeView) -> str:
    return QCoreApplication.translate("pages", "数据范围：{0}（{1}，{2}）—— {3}").format(
        office.name, office.code, level_label(office.level), scope_label(office.level))


class PlaceholderPage(Page):
    """A domain whose screens are not built yet: its title, the office scope,
    and one plain sentence of what it will hold. Nothing else, no sample data."""

    key: ClassVar[str] = ""      # its entry in ui.pages.PAGES
    purpose: ClassVar[str] = ""  # a QT_TRANSLATE_NOOP("pages", …) sentence

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        from ui.pages import PAGES

        layout.addWidget(heading(next(p.label for p in PAGES if p.key == self.key)))
        scope = QLabel(scope_text(ctx.office))
        scope.setWordWrap(True)
        layout.addWidget(scope)
        purpose = QLabel(QCoreApplication.translate("pages", self.purpose))
        purpose.setWordWrap(True)
        purpose.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout.addSpacing(12)
        layout.addWidget(purpose)
        status = QLabel(QCoreApplication.translate(
            "pages", "这一部分尚在建设中，目前还不能录入或查看数据。"))
        status.setStyleSheet("color: #666;")
        layout.addWidget(status)
        layout.addStretch(1)
