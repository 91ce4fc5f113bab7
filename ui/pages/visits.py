"""走访调研: 走访记录, 问题清单, 挂点安排 and 统计看板 as tabs of one page.

The dashboard's double-click routes here: the page switches to the records
or problems tab with the cell's filter (tabs never reach into each other).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QDialog, QLineEdit, QTabWidget, QVBoxLayout, QWidget

from bzdesk.changes import Area
from bzdesk.services.reports import ReportParams
from bzdesk.services.visits import BoardRow, GridRow, IssueQuery, VisitQuery
from bzdesk.services.visits.vocab import quarter_bounds
from ui.pages.base import Page, PageContext
from ui.pages.visits_board import DashboardTab
from ui.pages.visits_links import AssignmentsTab
from ui.pages.visits_records import PAGE, IssuesTab, RecordsTab
from ui.report_actions import ReportActions, ReportRequest


class VisitsPage(Page):
    areas = frozenset({Area.VISITS, Area.ATTACHMENTS})

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.records = RecordsTab(ctx)
        self.issues = IssuesTab(ctx)
        self.links = AssignmentsTab(ctx)
        self.board = DashboardTab(ctx, self.show_cell, self.show_unit)
        self.tabs = QTabWidget()
        self.sections: list[Page] = [self.records, self.issues, self.links, self.board]
        for section, title in zip(self.sections, (
                self.tr("走访记录"), self.tr("问题清单"), self.tr("挂点安排"),
                self.tr("统计看板")), strict=True):
            self.tabs.addTab(section, title)
        # The year's report: the year the 统计看板 shows.
        self.reporter = ReportActions(self, self.ws, lambda: ReportRequest(
            "visits", ReportParams(year=self.board.year.value())))
        self.report_button = self.reporter.button()
        self.tabs.setCornerWidget(self.report_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(self.tabs)

    def on_changed(self, changes: frozenset[Area]) -> None:
        for section in self.sections:
            section.on_changed(changes)

    def search_box(self) -> QLineEdit | None:
        current = self.tabs.currentWidget()
        return current.search_box() if isinstance(current, Page) else None

    def show_cell(self, row: GridRow, year: int, quarter: int | None) -> None:
        """A grid cell's visits (the whole year on the name columns)."""
        first, last = (quarter_bounds(year, quarter) if quarter
                       else (date(year, 1, 1), date(year, 12, 31)))
        scope = self.tr("{0} → {1}，{2} 至 {3}").format(row.leader_name, row.target_name,
                                                      first, last)
        self.records.show_only(VisitQuery(leader_key=row.leader_key, target_key=row.target_key,
                                          date_from=first, date_to=last, limit=PAGE), scope)
        self.tabs.setCurrentWidget(self.records)

    def show_unit(self, row: BoardRow, year: int, show: str) -> None:
        self.issues.show_only(IssueQuery(responsible_key=row.responsible_key, year=year,
                                         limit=PAGE), row.responsible_name, show)
        self.tabs.setCurrentWidget(self.issues)

    def main_dialogs(self) -> list[Callable[[], QDialog]]:
        return [lambda: self.records.open_form(), *self.links.main_dialogs()]
