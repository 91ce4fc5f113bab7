"""The navigation: one list of pages. To add a page, add one line here.

Each entry names the page's module and class as an import path, so the main
window imports a page (and whatever heavy library it needs) only when the
clerk first opens it. The position in the list is the page's place in the
navigation and its shortcut (Ctrl+1 … Ctrl+9). A page class subclasses
``ui.pages.base.Page``: see there for ``areas``/``on_changed``/``reload``.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from ui.settings import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from ui.pages.base import Page


@dataclass(frozen=True)
class PageSpec:
    key: str      # stable name: file names of screenshots, settings, tests
    title: str    # Chinese source text, translated in the "pages" context
    icon: str     # file name under resources/icons/
    factory: str  # "module.path:ClassName" of a ui.pages.base.Page subclass

    @property
    def label(self) -> str:
        return QCoreApplication.translate("pages", self.title)

    def load(self) -> type[Page]:
        module, _, name = self.factory.partition(":")
        page: type[Page] = getattr(importlib.import_module(module), name)
        return page


PAGES: list[PageSpec] = [
    PageSpec("home", QT_TRANSLATE_NOOP("pages", "首页"), "home.svg",
             "ui.pages.home:HomePage"),
    PageSpec("staffing", QT_TRANSLATE_NOOP("pages", "机构编制"), "staffing.svg",
             "ui.pages.staffing:StaffingPage"),
    PageSpec("roster", QT_TRANSLATE_NOOP("pages", "实名管理"), "roster.svg",
             "ui.pages.roster:RosterPage"),
    PageSpec("visits", QT_TRANSLATE_NOOP("pages", "走访调研"), "visits.svg",
             "ui.pages.visits:VisitsPage"),
    PageSpec("party", QT_TRANSLATE_NOOP("pages", "党建活动"), "party.svg",
             "ui.pages.party:PartyPage"),
    PageSpec("exchange", QT_TRANSLATE_NOOP("pages", "数据交换"), "exchange.svg",
             "ui.pages.exchange:ExchangePage"),
    PageSpec("reports", QT_TRANSLATE_NOOP("pages", "统计报表"), "reports.svg",
             "ui.pages.reports:ReportsPage"),
    PageSpec("system", QT_TRANSLATE_NOOP("pages", "系统管理"), "system.svg",
             "ui.pages.system:SystemPage"),
]
