"""The 数据交换 page: peers with their state, a bundle exported through the page
(keys unlocked once), the history, and a merge conflict resolved."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QInputDialog
from pytestqt.qtbot import QtBot
from qt_helpers import Boxes

from bzdesk.changes import Area
from bzdesk.db import open_database
from bzdesk.models import Office
from bzdesk.models.sync import Conflict
from bzdesk.paths import DataPaths
from bzdesk.services import exchange, office
from bzdesk.workspace import Workspace
from ui import ops
from ui.pages.base import PageContext
from ui.pages.exchange import ExchangePage

PASSPHRASE = "office-passphrase-1"  # tests/conftest.py


@pytest.fixture(scope="module")
def city_card(tmp_path_factory: pytest.TempPathFactory) -> exchange.OfficeCard:
    paths = DataPaths(tmp_path_factory.mktemp("city") / "data")
    db = open_database(paths)
    try:
        office.initialise(db, code="360100", name="南昌市委编办", level="city",
                          admin_username="admin", admin_display_name="管理员",
                          admin_password="city-pass-123", key_passphrase="city-passphrase")
        return exchange.make_card(db)
    finally:
        db.close()


def _page(qtbot: QtBot, ws: Workspace) -> ExchangePage:
    page = ExchangePage(PageContext(ws, ws.office()))
    qtbot.addWidget(page)
    assert ops.wait_idle()
    return page


def test_peer_export_and_history(qtbot: QtBot, ws: Workspace, city_card: exchange.OfficeCard,
                                 tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                 boxes: Boxes) -> None:
    ws.write(exchange.add_peer, city_card)
    page = _page(qtbot, ws)
    assert page.peers.rowCount() == 1
    assert page.peers.rows[0].peer.office_code == "360100"
    assert page.peers.rows[0].pending >= 1  # the office row itself waits for the city
    assert "指纹" in page.card_label.text()

    asked: list[str] = []

    def passphrase(*_args: object, **_kwargs: object) -> tuple[str, bool]:
        asked.append("passphrase")
        return PASSPHRASE, True

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(passphrase))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        staticmethod(lambda *_a, **_k: str(tmp_path)))
    page.export_bundle()
    qtbot.waitUntil(lambda: any("已导出第 1 号数据包" in t for t in boxes.texts()), timeout=20_000)
    assert ops.wait_idle()
    assert len(list(tmp_path.glob("360121-to-360100-*-1.bzb"))) == 1
    assert page.history.rowCount() == 1 and page.history.rows[0].direction == "out"
    page.export_bundle()  # the keys stay unlocked: no second question
    qtbot.waitUntil(lambda: any("已导出第 2 号数据包" in t for t in boxes.texts()), timeout=20_000)
    assert asked == ["passphrase"]


def test_conflict_taken_from_the_other_side(qtbot: QtBot, ws: Workspace, boxes: Boxes) -> None:
    with ws.db.write() as s:
        s.add(Conflict(table_name="office", row_id="360121", field="name",
                       losing_value=json.dumps("另一个名称"), losing_hlc=1, losing_origin="x",
                       winning_value=json.dumps("南昌县委机构编制委员会办公室"), winning_hlc=2,
                       winning_origin="y", bundle_id="b", status="open"))
    page = _page(qtbot, ws)
    assert page.conflicts.rowCount() == 1
    assert "（1）" in page.tabs.tabText(1)
    page.conflict_view.selectRow(0)
    page.resolve("take")
    assert ops.wait_idle()
    assert boxes.texts() == []
    page.on_changed(frozenset({Area.SYNC}))  # what the main window does after a write
    qtbot.waitUntil(lambda: page.conflicts.rowCount() == 0, timeout=20_000)
    with ws.db.read() as s:
        row = s.get(Office, "360121")
        assert row is not None and row.name == "另一个名称"


def test_viewer_cannot_exchange(qtbot: QtBot, viewer_ws: Workspace) -> None:
    page = _page(qtbot, viewer_ws)
    assert not page.export_button.isEnabled() and not page.import_button.isEnabled()
    assert not page.add_button.isEnabled()
