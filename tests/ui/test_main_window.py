from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot
from qt_helpers import Boxes, open_window

from bzdesk.changes import Area
from bzdesk.roles import Role
from bzdesk.services import auth
from bzdesk.workspace import Workspace
from ui import ops
from ui.main_window import MainWindow
from ui.pages import PAGES
from ui.pages.base import Page, PlaceholderPage
from ui.pages.home import HomePage
from ui.pages.system import SystemPage

ROOT = Path(__file__).resolve().parents[2]


def view_actions(window: MainWindow) -> dict[str, object]:
    menu = window.menuBar().actions()[1].menu()
    return {a.shortcut().toString(): a for a in menu.actions() if not a.isSeparator()}


def test_every_page_opens_from_the_navigation(qtbot: QtBot, window: MainWindow) -> None:
    assert [window.nav.item(i).text() for i in range(window.nav.count())] == [
        "首页", "机构编制", "实名管理", "走访调研", "党建活动", "数据交换", "统计报表", "系统管理"]
    for row, spec in reversed(list(enumerate(PAGES))):  # the first page is already shown
        with qtbot.waitSignal(window.page_shown) as shown:
            window.nav.setCurrentRow(row)
        assert shown.args == [spec.key]
        page = window.current_page()
        assert isinstance(page, spec.load()) and page.isVisible()
        qtbot.waitUntil(lambda: ops.pending() == 0)


def test_pages_are_created_on_first_visit_only(window: MainWindow) -> None:
    assert window.page("home") is not None
    assert window.page("system") is None
    first = window.show_page("system")
    window.show_page("home")
    assert window.show_page("system") is first


def test_ctrl_digits_switch_pages(window: MainWindow) -> None:
    actions = view_actions(window)
    for number, spec in enumerate(PAGES, start=1):
        actions[f"Ctrl+{number}"].trigger()  # type: ignore[attr-defined]
        assert window.nav.currentRow() == number - 1
        assert isinstance(window.current_page(), spec.load())


def test_ctrl_f_focuses_the_search_box_of_the_page(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    system = window.show_page("system")
    assert isinstance(system, SystemPage)
    audit = system.show_section("audit")
    view_actions(window)["Ctrl+F"].trigger()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: audit.search_box() is not None and audit.search_box().hasFocus())
    window.show_page("home")
    view_actions(window)["Ctrl+F"].trigger()  # type: ignore[attr-defined]
    assert window.statusBar().currentMessage() == "这一页没有查找框。"


def test_a_placeholder_page_says_what_it_will_hold_and_shows_the_scope(
        qtbot: QtBot, window: MainWindow) -> None:
    class Coming(PlaceholderPage):
        key = "visits"
        purpose = "这里将记录走访。"

    pages = [Coming(window.ctx)] + [
        window.show_page(spec.key) for spec in PAGES
        if issubclass(spec.load(), PlaceholderPage)]  # the domains not built yet
    for page in pages:
        qtbot.addWidget(page)
        text = " ".join(label.text() for label in page.findChildren(QLabel))
        assert "南昌县委机构编制委员会办公室（360121，县级）" in text
        assert "这里将" in text and "尚在建设中" in text
    assert "走访调研" in " ".join(label.text() for label in pages[0].findChildren(QLabel))


def test_status_bar_names_office_user_and_role(window: MainWindow) -> None:
    texts = [label.text() for label in window.statusBar().findChildren(QLabel)]
    assert "南昌县委机构编制委员会办公室" in texts
    assert "用户：管理员（admin）" in texts and "角色：管理员" in texts


def test_the_changed_signal_reaches_pages(qtbot: QtBot, window: MainWindow,
                                          ws: Workspace) -> None:
    home = window.show_page("home")
    assert isinstance(home, HomePage)
    system = window.show_page("system")
    heard: list[frozenset[Area]] = []
    system.sections["users"].on_changed = heard.append  # type: ignore[attr-defined]
    before = home.users.value.text()
    with qtbot.waitSignal(window.changed) as changed:
        ops.run_write(system, ws, auth.create_user, "newbie", "新同事", Role.CLERK,
                      "newbie-pass-1")
    assert changed.args == [frozenset({Area.USERS})]
    assert heard == [frozenset({Area.USERS})]
    assert ops.pending() == 0  # the hidden home page waits until it is shown again
    window.show_page("home")
    qtbot.waitUntil(lambda: home.users.value.text() == str(int(before) + 1))


def test_pages_reload_only_for_their_areas(window: MainWindow) -> None:
    calls: list[str] = []

    class Probe(Page):
        areas = frozenset({Area.VISITS})

        def reload(self) -> None:
            calls.append("reload")

    probe = Probe(window.ctx)
    window.changed.connect(probe.on_changed)
    window.notify_changed(frozenset({Area.USERS}))
    assert calls == []
    window.notify_changed(frozenset({Area.VISITS, Area.PARTY}))
    assert calls == ["reload"]


def test_about_dialog_names_version_data_dir_and_fonts(window: MainWindow) -> None:
    dialog = window.about_dialog()
    text = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "版本" in text and str(window.ws.paths.root) in text and "字体" in text
    dialog.reject()


def test_backup_from_the_menu(qtbot: QtBot, window: MainWindow, boxes: Boxes) -> None:
    menu = window.menuBar().actions()[0].menu()
    backup = next(a for a in menu.actions() if a.shortcut().toString() == "Ctrl+B")
    backup.trigger()
    qtbot.waitUntil(lambda: bool(boxes.texts("information")))
    assert "数据库已备份到" in boxes.texts("information")[0]
    assert len(list(window.ws.paths.backups.glob("bzdesk-*-manual.sqlite3"))) == 1


def test_backup_is_for_administrators_only(qtbot: QtBot, clerk_ws: Workspace) -> None:
    window = open_window(qtbot, clerk_ws)
    menu = window.menuBar().actions()[0].menu()
    backup = next(a for a in menu.actions() if a.shortcut().toString() == "Ctrl+B")
    assert not backup.isEnabled()


def test_the_start_path_does_not_import_sqlalchemy() -> None:
    code = ("import sys, ui.app, ui.main_window, ui.pages, ui.pages.base;"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('sqlalchemy', 'alembic', 'openpyxl', 'reportlab')))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                         text=True, check=True).stdout.strip()
    assert out == "[]"
