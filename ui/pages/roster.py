"""实名管理: the real-name roster (花名册) and the retirement list as tabs of one page.

The list is a model over keyset pages of people (ui/pages/roster_model.py), so
200,000 people cost what the clerk scrolled through. Writes (new person, edits,
入编, 出编, 调动) go through ops.run_write; the page reloads when people,
postings or units change. Viewers see the same lists (ID numbers masked by the
service) with no buttons that write.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from bzdesk.changes import Area
from bzdesk.roles import Can
from bzdesk.services.reports import ReportParams
from ui.pages.base import Page, PageContext
from ui.pages.roster_list import RosterTab
from ui.pages.roster_retire import RetirementTab
from ui.report_actions import ReportActions, ReportRequest
from ui.widgets import heading

# Imported when the clerk asks for it: the wizard pulls in the Excel reader.
IMPORT_WIZARD = "ui.import_wizard"


class RosterPage(Page):
    areas = frozenset({Area.PEOPLE, Area.POSTINGS, Area.UNITS})

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.roster = RosterTab(ctx)
        self.retirement = RetirementTab(ctx)
        self.retirement.person_chosen.connect(self.show_person)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.roster, self.tr("花名册"))
        self.tabs.addTab(self.retirement, self.tr("退休提醒"))
        self.import_button = QPushButton(self.tr("导入花名册…"))
        self.import_button.setToolTip(self.tr("从 Excel 花名册导入人员和在编情况"))
        self.import_button.clicked.connect(self.open_import)
        self.import_button.setVisible(self.actor.can(Can.WRITE))
        self.export_button = QPushButton(self.tr("导出花名册…"))
        self.export_button.setToolTip(self.tr(
            "导出可再次导入的 Excel 花名册（查看者导出的身份证号已隐去中间位）"))
        self.export_button.clicked.connect(self.export_roster)
        title = QHBoxLayout()
        title.addWidget(heading(self.tr("实名管理")))
        title.addStretch(1)
        title.addWidget(self.import_button)
        title.addWidget(self.export_button)
        self.reporter = ReportActions(self, self.ws, lambda: ReportRequest(
            "roster", ReportParams(as_of=date.today())))
        self.report_button = self.reporter.button()
        title.addWidget(self.report_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(title)
        layout.addWidget(self.tabs, 1)

    def on_changed(self, changes: frozenset[Area]) -> None:
        for tab in (self.roster, self.retirement):
            tab.on_changed(changes)

    def reload(self) -> None:
        self.roster.reload()
        self.retirement.on_changed(self.retirement.areas)

    def search_box(self) -> QLineEdit:
        self.tabs.setCurrentWidget(self.roster)
        return self.roster.search_box()

    def show_person(self, person_id: str) -> None:
        self.tabs.setCurrentWidget(self.roster)
        self.roster.show_person(person_id)

    def open_import(self) -> object:
        """The shared import wizard, imported only when the clerk asks for it."""
        wizard = importlib.import_module(IMPORT_WIZARD)
        return wizard.open_import_wizard(self, self.ws, "roster")

    def export_roster(self) -> object:
        """The roster as a workbook the import takes back (.xlsx or .csv)."""
        wizard = importlib.import_module(IMPORT_WIZARD)
        return wizard.export_workbook(self, self.ws, "roster")

    def main_dialogs(self) -> list[Callable[[], QDialog]]:
        if not self.actor.can(Can.WRITE):
            return []
        dialogs: list[Callable[[], QDialog]] = [lambda: self.roster.open_person_form()]
        chosen = self.roster.selected()
        if chosen is not None:
            dialogs.append(lambda: self.roster.open_posting_for(*chosen))
        return dialogs
