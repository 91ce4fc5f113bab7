"""首页: the figures of the demo office, loaded in the background, each tile asking for its
page, and the chart of 核定 / 实有 per 编制类型."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot
from qt_helpers import ADMIN_PASSWORD, make_workspace

from bzdesk.db import Database, open_database
from bzdesk.paths import DataPaths
from bzdesk.roles import Actor
from bzdesk.services import auth, reports
from bzdesk.services.demo import run_demo
from bzdesk.workspace import Workspace
from ui import ops
from ui.main_window import MainWindow
from ui.pages.base import PageContext
from ui.pages.home import HomePage, Tile


@pytest.fixture(scope="module")
def demo_root(template_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("home-demo") / "data"
    shutil.copytree(template_dir, root)
    run_demo(DataPaths(root), size="small", username=lambda: "admin",
             password=lambda: ADMIN_PASSWORD, passphrase=lambda: "unused-here")
    return root


@pytest.fixture
def demo_ws(demo_root: Path, tmp_path: Path) -> Iterator[Workspace]:
    root = tmp_path / "demo"
    shutil.copytree(demo_root, root)
    db: Database = open_database(DataPaths(root))
    with db.write() as s:
        actor: Actor = auth.login(s, "admin", ADMIN_PASSWORD)
    try:
        yield from make_workspace(db, actor)
    finally:
        db.close()


Home = Callable[[Workspace], HomePage]


@pytest.fixture
def home(qtbot: QtBot) -> Iterator[Home]:
    """Makes home pages and keeps them until pytest-qt has closed and deleted them: a page
    left to Python's garbage collector would be deleted at a random moment."""
    made: list[HomePage] = []

    def make(ws: Workspace) -> HomePage:
        page = HomePage(PageContext(ws, ws.office()))
        qtbot.addWidget(page)
        page.resize(1300, 760)
        page.show()  # reload_on_show: the read starts now, in the background
        made.append(page)
        return page

    yield make
    made.clear()


def test_the_page_shows_the_demo_figures(qtbot: QtBot, home: Home, demo_ws: Workspace) -> None:
    page = home(demo_ws)
    assert ops.pending() == 1 and page.over.value.text() == "…"  # not waited for
    qtbot.waitUntil(lambda: page.over.value.text() != "…")
    view = demo_ws.read(reports.home_dashboard, demo_ws.paths)
    shown = {tile.page + ":" + tile.accessibleName(): tile.value.text() for tile in page.tiles}
    assert shown == {
        "staffing:超编": str(view.over_cells), "staffing:空编": str(view.vacant_cells),
        "staffing:周转池逾期未还": str(view.overdue_loans),
        "roster:12 个月内到龄退休": str(view.retiring),
        "visits:逾期未办结问题": str(view.overdue_issues),
        "party:本期未开展的党建活动": str(view.party_missing),
        "exchange:数据交换": str(view.unsent_peers + view.open_conflicts)}
    assert view.retiring > 0 and view.overdue_issues > 0 and view.vacant_cells > 0
    assert view.over_examples[0] in page.over.note.text()
    assert view.party_period in page.party.note.text()
    assert page.users.value.text() == str(view.system.active_users)
    assert "统计日期" in page.when.text()


def test_a_click_on_a_tile_asks_for_its_page(qtbot: QtBot, home: Home, demo_ws: Workspace) -> None:
    page = home(demo_ws)
    qtbot.waitUntil(lambda: ops.pending() == 0)
    for tile in page.tiles:
        with qtbot.waitSignal(page.navigate_requested) as asked:
            qtbot.mouseClick(tile, Qt.MouseButton.LeftButton, pos=QPoint(20, 20))
        assert asked.args == [tile.page]
    page.issues.setFocus()
    with qtbot.waitSignal(page.navigate_requested) as asked:
        qtbot.keyClick(page.issues, Qt.Key.Key_Return)
    assert asked.args == ["visits"]


def test_the_main_window_opens_the_page_a_tile_names(qtbot: QtBot,
                                                     window: MainWindow) -> None:
    home = window.page("home")
    assert isinstance(home, HomePage)
    qtbot.waitUntil(lambda: ops.pending() == 0)
    with qtbot.waitSignal(window.page_shown) as shown:
        home.exchange.clicked.emit(home.exchange.page)
    assert shown.args == ["exchange"]
    assert window.nav.currentRow() == 5
    assert isinstance(home.issues, Tile) and home.issues.toolTip()


def test_the_chart_draws_each_type_apart(qtbot: QtBot, home: Home, demo_ws: Workspace) -> None:
    page = home(demo_ws)
    qtbot.waitUntil(lambda: bool(page.chart.bars()))
    view = demo_ws.read(reports.home_dashboard, demo_ws.paths)
    assert [(b.label, b.approved, b.filled, b.in_transit) for b in page.chart.bars()] == [
        (b.category, b.approved, b.filled, b.in_transit) for b in view.bars]
    assert "行政编制：核定" in page.chart.toolTip()
    image = page.chart.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 4)
               for y in range(0, image.height(), 4)}
    assert {"#b8c7dc", "#2f5d94"} <= colours  # 核定 and 实有 bars are there


def test_an_empty_office_shows_zeros_and_no_chart(qtbot: QtBot, home: Home, ws: Workspace) -> None:
    page = home(ws)
    qtbot.waitUntil(lambda: page.over.value.text() != "…")
    assert {tile.value.text() for tile in page.tiles} == {"0"}
    assert page.chart.bars() == ()
    assert page.backup.value.text() == "还没有"
