"""机构编制: one tab per part of the staffing clerk's work. Each tab is a Page of its
own (ui/pages/staffing_*.py) that reads when first shown and again after a write
that changed what it shows."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QLineEdit, QTabWidget, QVBoxLayout, QWidget

from bzdesk.changes import Area
from bzdesk.services.reports import ReportParams
from ui.pages.base import Page, PageContext
from ui.pages.staffing_categories import CategoriesTab
from ui.pages.staffing_common import STAFFING_AREAS, StaffingTab, picked
from ui.pages.staffing_plans import PlansTab
from ui.pages.staffing_pool import PoolTab
from ui.pages.staffing_stats import StatsTab
from ui.pages.staffing_teachers import TeachersTab
from ui.pages.staffing_units import UnitsTab
from ui.report_actions import ReportActions, ReportRequest


class StaffingPage(Page):
    areas = STAFFING_AREAS

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.units = UnitsTab(ctx)
        self.categories = CategoriesTab(ctx)
        self.plans = PlansTab(ctx)
        self.pool = PoolTab(ctx)
        self.teachers = TeachersTab(ctx)
        self.stats = StatsTab(ctx)
        self.tabs = QTabWidget()
        self.sections: list[StaffingTab] = [self.units, self.categories, self.plans, self.pool,
                                            self.teachers, self.stats]
        for section, title in zip(self.sections, (
                self.tr("机构和编制"), self.tr("编制类型"), self.tr("用编计划"),
                self.tr("编制周转池"), self.tr("中小学教职工编制"), self.tr("统计")),
                strict=True):
            self.tabs.addTab(section, title)
        # The statistics report of the day the 统计 tab counts to.
        self.reporter = ReportActions(self, self.ws, lambda: ReportRequest(
            "staffing", ReportParams(as_of=picked(self.stats.as_of))))
        self.report_button = self.reporter.button()
        self.tabs.setCornerWidget(self.report_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(self.tabs)

    def on_changed(self, changes: frozenset[Area]) -> None:
        for section in self.sections:
            section.on_changed(changes)

    def reload(self) -> None:
        for section in self.sections:
            section.refresh()

    def show_section(self, section: StaffingTab) -> StaffingTab:
        self.tabs.setCurrentWidget(section)
        return section

    def search_box(self) -> QLineEdit | None:
        """Ctrl+F: the unit search (the tab with it comes to the front)."""
        self.tabs.setCurrentWidget(self.units)
        return self.units.search_box()

    def main_dialogs(self) -> list[Callable[[], QDialog]]:
        return [factory for s in self.sections for factory in s.main_dialogs()]
