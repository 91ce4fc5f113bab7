"""打印/导出报表 on the domain pages (实名管理, 机构编制, 走访调研, 党建活动): each saves its
report as a PDF or a workbook under a dated Chinese name and opens the print preview
(Ctrl+P), through the same ui.report_actions the 统计报表 page uses."""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot
from qt_helpers import open_window

from bzdesk.db import Database
from bzdesk.roles import Actor
from bzdesk.services import staffing, visits
from bzdesk.services.party.demo import generate_party
from bzdesk.workspace import Workspace
from ui import ops
from ui.pages.base import Page, PageContext
from ui.pages.party import PartyPage
from ui.pages.roster import RosterPage
from ui.pages.staffing import StaffingPage
from ui.pages.visits import VisitsPage
from ui.report_actions import ReportActions

TODAY = date.today()
YEAR = TODAY.year


@pytest.fixture
def demo(db: Database, admin: Actor) -> None:
    """A small office: people in units, a year of visits, a few party branches."""
    with db.write() as s:
        staffing.generate_staffing(s, admin, people=60, seed=1)
    with db.write() as s:
        visits.generate_visits(s, admin, size="small", people=60, seed=1)
    with db.write() as s:
        generate_party(s, admin, size="small", people=60, seed=1)


def opened(qtbot: QtBot, ws: Workspace, kind: Callable[[PageContext], Page]) -> Page:
    page = kind(PageContext(ws, ws.office()))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: ops.pending() == 0)
    return page


def reporter(page: Page) -> ReportActions:
    found = getattr(page, "reporter", None)
    assert isinstance(found, ReportActions)
    return found


def save_as(monkeypatch: pytest.MonkeyPatch, *names: Path) -> list[str]:
    """The file dialog answers ``names`` in turn; returns the names it proposed."""
    proposed: list[str] = []
    answers = iter(names)

    def ask(_parent: Any, _title: str, start: str, _filter: str) -> tuple[str, str]:
        proposed.append(Path(start).name)
        return str(next(answers)), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(ask))
    return proposed


def pdf_text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout


PAGES = [
    (RosterPage, "实名制人员花名册", f"实名制人员花名册-{TODAY.isoformat()}.pdf"),
    (StaffingPage, "机构编制统计表", f"机构编制统计表-{TODAY.isoformat()}.pdf"),
    (VisitsPage, "挂点联系走访情况报表", f"挂点联系走访情况报表-{YEAR}年.pdf"),
    (PartyPage, "机关党建工作台账", f"机关党建工作台账-{YEAR}年.pdf"),
]


@pytest.mark.parametrize(("kind", "heading", "default"), PAGES,
                         ids=["roster", "staffing", "visits", "party"])
@pytest.mark.usefixtures("demo")
def test_each_domain_page_exports_its_report_as_pdf(
        qtbot: QtBot, ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        kind: Callable[[PageContext], Page], heading: str, default: str) -> None:
    page = opened(qtbot, ws, kind)
    actions = reporter(page)
    assert actions.pdf_action in actions.menu().actions()
    proposed = save_as(monkeypatch, tmp_path / "报表")
    actions.pdf_action.trigger()
    qtbot.waitUntil(lambda: actions.last is not None, timeout=30_000)
    qtbot.waitUntil(lambda: ops.pending() == 0)
    out = tmp_path / "报表.pdf"  # the suffix is added
    assert proposed == [default]
    assert actions.last is not None and actions.last.path == out
    assert out.read_bytes()[:5] == b"%PDF-"
    assert heading in pdf_text(out)


@pytest.mark.usefixtures("demo")
def test_the_visits_page_exports_the_workbook_of_the_dashboard_year(
        qtbot: QtBot, ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    page = opened(qtbot, ws, VisitsPage)
    assert isinstance(page, VisitsPage)
    page.board.year.setValue(YEAR - 1)
    qtbot.waitUntil(lambda: ops.pending() == 0)
    proposed = save_as(monkeypatch, tmp_path / "走访.xlsx")
    page.reporter.excel_action.trigger()
    qtbot.waitUntil(lambda: page.reporter.last is not None, timeout=30_000)
    qtbot.waitUntil(lambda: ops.pending() == 0)
    assert proposed == [f"挂点联系走访情况报表-{YEAR - 1}年.xlsx"]
    book = openpyxl.load_workbook(tmp_path / "走访.xlsx", read_only=True)
    try:
        assert len(book.sheetnames) >= 2
        cells = [str(c) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True)
                 for c in row if c is not None]
    finally:
        book.close()
    assert f"{YEAR - 1}年销号" in cells  # the year the 统计看板 showed


@pytest.fixture
def window_page(qtbot: QtBot, ws: Workspace) -> Iterator[PartyPage]:
    window = open_window(qtbot, ws)
    page = window.show_page("party")
    assert isinstance(page, PartyPage)
    qtbot.waitUntil(lambda: ops.pending() == 0)
    yield page


def test_ctrl_p_opens_the_print_preview_from_a_domain_page(
        qtbot: QtBot, window_page: PartyPage) -> None:
    page = window_page
    window = page.window()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert page.reporter.preview_action.shortcut().toString() == "Ctrl+P"
    qtbot.keyClick(page.tabs, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.reporter.preview is not None
                    and page.reporter.preview.isVisible(), timeout=30_000)
    preview = page.reporter.preview
    assert preview is not None
    assert "机关党建工作台账" in preview.windowTitle() and preview.pages >= 2
    qtbot.waitUntil(lambda: preview.image(1) is not None, timeout=30_000)
    qtbot.waitUntil(lambda: ops.pending() == 0)
    preview.reject()


def test_a_viewer_may_print_and_export(qtbot: QtBot, viewer_ws: Workspace) -> None:
    """The report services need only 查看: the button is there for every role."""
    page = opened(qtbot, viewer_ws, RosterPage)
    assert isinstance(page, RosterPage)
    assert page.report_button.isVisibleTo(page) and page.report_button.isEnabled()
    assert not page.import_button.isVisibleTo(page)
    menu = page.report_button.menu()
    assert menu is not None
    assert [a.text() for a in menu.actions() if a.isEnabled() and a.text()] == [
        "打印预览…", "导出 PDF…", "导出 Excel…"]
    assert menu.actions()[0].text() == f"实名制人员花名册（截至{TODAY.isoformat()}）"
