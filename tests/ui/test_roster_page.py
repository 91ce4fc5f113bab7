"""实名管理 page, the list: keyset pages on demand, search (name, ID part, pinyin
initials), filters, SQL sorting from the header, masked IDs for viewers, Ctrl+F,
and the import button that appears only with the import wizard."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot
from qt_helpers import make_workspace, open_window, type_into

from bzdesk.db import Database
from bzdesk.roles import Actor
from bzdesk.services import staffing as st
from bzdesk.validation import check_digit
from bzdesk.workspace import Workspace
from ui import ops
from ui.pages import roster
from ui.pages.roster import RosterPage
from ui.pages.roster_model import PAGE, SORT_COLUMNS

XZ = st.default_category_id("XZ")


def id_card(birth: date, seq: int, male: bool = True) -> str:
    first17 = f"360121{birth:%Y%m%d}{seq * 2 + (1 if male else 0):03d}"
    return first17 + check_digit(first17)


@pytest.fixture
def staffed(db: Database, admin: Actor) -> st.DemoSummary:
    with db.write() as s:
        return st.generate_staffing(s, admin, people=300, seed=1).value


@pytest.fixture
def viewer_ws(db: Database, viewer: Actor) -> Iterator[Workspace]:
    yield from make_workspace(db, viewer)


@pytest.fixture
def approver_ws(db: Database, approver: Actor) -> Iterator[Workspace]:
    yield from make_workspace(db, approver)


def idle(qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: ops.pending() == 0)


def open_roster(qtbot: QtBot, ws: Workspace) -> RosterPage:
    window = open_window(qtbot, ws)
    page = window.show_page("roster")
    assert isinstance(page, RosterPage)
    idle(qtbot)
    return page


def search(qtbot: QtBot, page: RosterPage, text: str) -> list[Any]:
    """Type as the clerk does and wait for the debounced search to come back."""
    type_into(page.roster.search, text)
    qtbot.waitUntil(lambda: page.roster.model.query.text == text, timeout=5_000)
    idle(qtbot)
    return page.roster.model.rows


def test_the_list_reads_pages_on_demand(qtbot: QtBot, ws: Workspace,
                                        staffed: st.DemoSummary,
                                        qtmodeltester: Any) -> None:
    page = open_roster(qtbot, ws)
    model = page.roster.model
    in_post = staffed.open_postings
    assert model.rowCount() == PAGE < in_post and model.canFetchMore(QModelIndex())
    assert page.roster.count_label.text() == f"共 {in_post} 人"
    names = [r.name for r in model.rows]
    assert names == sorted(names)
    page.roster.table.scrollToBottom()  # the view asks for the next page itself
    qtbot.waitUntil(lambda: model.rowCount() > PAGE)
    idle(qtbot)
    ids = [r.id for r in model.rows]
    assert len(ids) == len(set(ids)) == in_post and not model.canFetchMore(QModelIndex())
    qtmodeltester.check(model)
    assert page.roster.panel.card is not None  # the first person is shown beside


def test_initials_and_id_fragments_search(qtbot: QtBot, ws: Workspace,
                                          staffed: st.DemoSummary) -> None:
    page = open_roster(qtbot, ws)
    someone = page.roster.model.rows[37]
    initials = st.pinyin_initials(someone.name)
    found = search(qtbot, page, initials)
    assert someone.id in {r.id for r in found}
    assert all(st.pinyin_initials(r.name).startswith(initials) for r in found)
    fragment = someone.id_number[-6:]
    found = search(qtbot, page, fragment)
    assert [r.id for r in found] == [someone.id]
    qtbot.waitUntil(lambda: page.roster.panel.person_id == someone.id)  # shown beside
    assert page.roster.count_label.text() == "共 1 人"
    found = search(qtbot, page, someone.name[1:])
    assert all(someone.name[1:] in r.name for r in found) and someone.id in {
        r.id for r in found}
    assert search(qtbot, page, "没有这个人") == []
    assert page.roster.count_label.text() == "共 0 人"


def test_filters_by_unit_category_and_status(qtbot: QtBot, ws: Workspace,
                                             staffed: st.DemoSummary) -> None:
    page = open_roster(qtbot, ws)
    tab = page.roster
    units = {u.name: u for u in tab.units}
    parent = next(u for u in tab.units if any(c.parent_id == u.id for c in tab.units))
    below = {u.name for u in tab.units if u.parent_id == parent.id} | {parent.name}
    tab.unit.choose(parent.id)
    idle(qtbot)
    assert tab.model.query.unit_id == parent.id and tab.model.rows
    assert {r.unit for r in tab.model.rows} <= below
    tab.unit.choose(None)
    tab.category.setCurrentIndex(tab.category.findData(XZ))
    idle(qtbot)
    assert {r.category for r in tab.model.rows} == {"行政编制"}
    tab.category.setCurrentIndex(0)
    tab.status.setCurrentIndex(tab.status.findData("closed"))
    idle(qtbot)
    assert tab.model.rows and not any(r.in_post for r in tab.model.rows)
    assert tab.model.data(tab.model.index(0, 8)).endswith("出编")
    assert len(units) == len(tab.units)


def test_a_header_click_sorts_in_the_query(qtbot: QtBot, ws: Workspace,
                                           staffed: st.DemoSummary,
                                           qtmodeltester: Any) -> None:
    page = open_roster(qtbot, ws)
    tab = page.roster
    header = tab.table.horizontalHeader()

    def click(column: int) -> None:
        x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
        QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
        idle(qtbot)

    click(SORT_COLUMNS["birth_date"])
    assert tab.model.query.sort == "birth_date" and len(tab.model.rows) == PAGE
    births = [r.birth_date for r in tab.model.rows]
    assert births == sorted(births, reverse=tab.model.query.descending)
    first = tab.model.query.descending
    click(SORT_COLUMNS["birth_date"])
    assert tab.model.query.descending is not first
    births = [r.birth_date for r in tab.model.rows]
    assert births == sorted(births, reverse=not first)
    qtmodeltester.check(tab.model)
    idle(qtbot)
    click(1)  # 性别 does not sort: the order and the arrow stay
    assert tab.model.query.sort == "birth_date"
    assert header.sortIndicatorSection() == SORT_COLUMNS["birth_date"]
    click(SORT_COLUMNS["start_on"])
    starts = [r.start_on for r in tab.model.rows]
    assert tab.model.query.sort == "start_on" and starts == sorted(
        starts, reverse=tab.model.query.descending)  # type: ignore[type-var]


def test_a_viewer_sees_masked_numbers_and_no_writing(
        qtbot: QtBot, viewer_ws: Workspace, staffed: st.DemoSummary) -> None:
    page = open_roster(qtbot, viewer_ws)
    tab = page.roster
    shown = tab.model.data(tab.model.index(0, SORT_COLUMNS["id_number"]))
    assert shown[6:14] == "*" * 8 and len(shown) == 18
    assert all("********" in r.id_number for r in tab.model.rows)
    assert not tab.new_button.isVisibleTo(page) and not page.import_button.isVisibleTo(page)
    panel = tab.panel
    qtbot.waitUntil(lambda: panel.card is not None)
    assert "********" in panel.facts["公民身份号码"].text()
    assert not panel.post_button.isVisibleTo(page) and not panel.edit_button.isEnabled()
    assert page.main_dialogs() == []


def test_ctrl_f_goes_to_the_search_box(qtbot: QtBot, ws: Workspace,
                                       staffed: st.DemoSummary) -> None:
    window = open_window(qtbot, ws)
    page = window.show_page("roster")
    assert isinstance(page, RosterPage)
    idle(qtbot)
    page.tabs.setCurrentWidget(page.retirement)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    find = next(a for a in window.findChildren(QAction)
                if a.shortcut().toString() == "Ctrl+F")
    find.trigger()
    assert page.tabs.currentWidget() is page.roster
    qtbot.waitUntil(lambda: page.roster.search.hasFocus())


def test_the_import_and_export_buttons_open_the_wizard_and_write_a_workbook(
        qtbot: QtBot, ws: Workspace, staffed: st.DemoSummary, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[object, object, str]] = []
    wizard = ModuleType(roster.IMPORT_WIZARD)
    wizard.open_import_wizard = lambda parent, ws, kind: calls.append(  # type: ignore[attr-defined]
        (parent, ws, kind))
    with monkeypatch.context() as patched:
        patched.setitem(sys.modules, roster.IMPORT_WIZARD, wizard)
        page = open_roster(qtbot, ws)
        assert page.import_button.isVisibleTo(page)
        page.import_button.click()
    assert calls == [(page, ws, "roster")]
    # 导出花名册: the real wizard module writes the workbook in the background
    target = tmp_path / "花名册.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *_a, **_k: (str(target), "")))
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information",
                        staticmethod(lambda _p, _t, text, *_a: said.append(text)))
    page.export_button.click()
    qtbot.waitUntil(lambda: bool(said) and ops.pending() == 0, timeout=30_000)
    sheet = openpyxl.load_workbook(target).worksheets[0]
    assert sheet.max_row > 2 and str(target) in said[0]


def test_a_changed_person_reloads_the_list(qtbot: QtBot, ws: Workspace, db: Database,
                                           admin: Actor, staffed: st.DemoSummary) -> None:
    page = open_roster(qtbot, ws)
    before = page.roster.count_label.text()
    ops.run_write(page, ws, st.create_person, st.PersonInput("阿依古丽·买买提",
                                                              id_card(date(1990, 5, 6), 7)))
    idle(qtbot)
    assert page.roster.count_label.text() == before  # not in post: not in this list
    page.roster.status.setCurrentIndex(page.roster.status.findData("all"))
    idle(qtbot)
    assert search(qtbot, page, "aygl")[0].name == "阿依古丽·买买提"
