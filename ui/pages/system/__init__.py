"""系统管理: tabs by what the user may do. Administrators manage users and
backups; everyone changes their own password, reads the audit log and picks
the interface language."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QLineEdit, QTabWidget, QVBoxLayout, QWidget

from bzdesk.changes import Area
from bzdesk.roles import Can
from ui.pages.base import Page, PageContext


class SystemPage(Page):
    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        from ui.pages.system.audit_log import AuditTab
        from ui.pages.system.backups import BackupTab
        from ui.pages.system.password import PasswordTab
        from ui.pages.system.settings import SettingsTab
        from ui.pages.system.users import UsersTab

        self.tabs = QTabWidget()
        self.sections: dict[str, Page] = {}
        admin = self.actor.can(Can.ADMINISTER)
        wanted: list[tuple[str, type[Page], str]] = [
            ("users", UsersTab, self.tr("用户管理")),
            ("password", PasswordTab, self.tr("修改密码")),
            ("backups", BackupTab, self.tr("数据备份")),
            ("audit", AuditTab, self.tr("审计日志")),
            ("settings", SettingsTab, self.tr("设置")),
        ]
        for key, kind, title in wanted:
            if key in ("users", "backups") and not admin:
                continue
            section = kind(ctx)
            self.sections[key] = section
            self.tabs.addTab(section, title)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(self.tabs)

    def show_section(self, key: str) -> Page:
        section = self.sections[key]
        self.tabs.setCurrentWidget(section)
        return section

    def on_changed(self, changes: frozenset[Area]) -> None:
        for section in self.sections.values():
            section.on_changed(changes)

    def search_box(self) -> QLineEdit | None:
        current = self.tabs.currentWidget()
        return current.search_box() if isinstance(current, Page) else None

    def main_dialogs(self) -> list[Callable[[], QDialog]]:
        return [factory for s in self.sections.values() for factory in s.main_dialogs()]
