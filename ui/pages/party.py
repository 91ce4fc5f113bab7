"""党建活动: one tab per part of the party affairs clerk's work. Each tab is a Page
of its own (ui/pages/party_*.py) that reloads when party records change."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QTabWidget, QVBoxLayout, QWidget

from bzdesk.changes import Area
from bzdesk.services.reports import ReportParams
from ui.pages.base import Page, PageContext
from ui.report_actions import ReportActions, ReportRequest


class PartyPage(Page):
    areas = frozenset({Area.PARTY})

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        from ui.pages.party_dashboard import DashboardTab
        from ui.pages.party_dues import DuesTab
        from ui.pages.party_ledgers import CheckinTab, VolunteerTab
        from ui.pages.party_meetings import MeetingsTab
        from ui.pages.party_orgs import OrgsTab
        from ui.pages.party_rules import RulesTab

        self.tabs = QTabWidget()
        self.sections: dict[str, Page] = {}
        for key, kind, title in (
                ("dashboard", DashboardTab, self.tr("达标看板")),
                ("orgs", OrgsTab, self.tr("组织和党员")),
                ("meetings", MeetingsTab, self.tr("活动记录")),
                ("volunteer", VolunteerTab, self.tr("志愿服务")),
                ("checkins", CheckinTab, self.tr("进社区报到")),
                ("dues", DuesTab, self.tr("党费")),
                ("rules", RulesTab, self.tr("规则设置"))):
            section = kind(ctx)
            self.sections[key] = section
            self.tabs.addTab(section, title)
        # The year's ledger: the year the 达标看板 shows.
        dashboard = self.sections["dashboard"]
        assert isinstance(dashboard, DashboardTab)
        self.reporter = ReportActions(self, self.ws, lambda: ReportRequest(
            "party", ReportParams(year=dashboard.year.value())))
        self.report_button = self.reporter.button()
        self.tabs.setCornerWidget(self.report_button)
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

    def main_dialogs(self) -> list[Callable[[], QDialog]]:
        return [factory for s in self.sections.values() for factory in s.main_dialogs()]
