from __future__ import annotations

import sqlite3
from typing import Any

from pytestqt.qtbot import QtBot
from qt_helpers import Boxes

from bzdesk.db import Database
from bzdesk.services import system
from ui.main_window import MainWindow
from ui.pages.system import SystemPage
from ui.pages.system.audit_log import AuditTab
from ui.pages.system.backups import BackupTab
from ui.pages.system.settings import SettingsTab
from ui.settings import language, open_settings


def section(window: MainWindow, key: str) -> Any:
    page = window.show_page("system")
    assert isinstance(page, SystemPage)
    return page.show_section(key)


def test_backup_button_creates_a_file_and_lists_it(qtbot: QtBot, window: MainWindow,
                                                   db: Database) -> None:
    tab = section(window, "backups")
    assert isinstance(tab, BackupTab)
    qtbot.waitUntil(lambda: tab.backup_button.isEnabled())
    assert tab.model.rowCount() == 0
    tab.backup_button.click()
    qtbot.waitUntil(lambda: tab.result.isVisibleTo(tab) and tab.model.rowCount() == 1)
    files = list(db.paths.backups.glob("bzdesk-*-manual.sqlite3"))
    assert len(files) == 1 and str(files[0]) in tab.result.text()
    assert tab.model.index(0, 1).data() == "手动备份"
    assert tab.model.index(0, 3).data() == files[0].name
    with db.read() as s:
        newest = system.audit_page(s, window.ctx.actor, limit=1)[0]
    assert (newest.op, newest.target) == ("备份数据库", files[0].name)


def test_audit_verify_shows_ok(qtbot: QtBot, window: MainWindow) -> None:
    tab = section(window, "audit")
    assert isinstance(tab, AuditTab)
    tab.verify_button.click()
    qtbot.waitUntil(lambda: tab.result.isVisibleTo(tab))
    assert tab.result.text().startswith("审计日志完好：共 ")


def test_audit_verify_names_the_first_bad_entry(qtbot: QtBot, window: MainWindow,
                                                db: Database) -> None:
    con = sqlite3.connect(db.paths.database)
    with con:
        con.execute("UPDATE audit_entry SET op = '篡改' WHERE seq = 2")
    con.close()
    tab = section(window, "audit")
    tab.verify_button.click()
    qtbot.waitUntil(lambda: tab.result.isVisibleTo(tab))
    assert "第一条有问题的记录是序号 2" in tab.result.text()


def test_audit_table_pages_and_searches(qtbot: QtBot, qtmodeltester: Any,
                                        window: MainWindow, db: Database) -> None:
    tab = section(window, "audit")
    qtbot.waitUntil(lambda: tab.model.rowCount() > 0)
    qtmodeltester.check(tab.model)
    with db.read() as s:
        total = system.verify_audit(s, window.ctx.actor).entries
    assert tab.model.rowCount() == total
    assert tab.model.index(0, 0).data() == str(total)  # newest first
    tab.search.setText("新建用户")
    qtbot.waitUntil(lambda: {r.op for r in tab.model.rows} == {"新建用户"})
    assert tab.model.rowCount() == 4  # admin at init, then clerk, approver, viewer


def test_audit_model_fetches_more_pages(qtbot: QtBot, window: MainWindow,
                                        monkeypatch: Any) -> None:
    tab = section(window, "audit")
    qtbot.waitUntil(lambda: tab.model.rowCount() > 0)
    total = tab.model.rowCount()
    monkeypatch.setattr(tab.model, "_page_size", 3)
    tab.model.restart(tab.model.rows[:3])
    assert tab.model.canFetchMore()
    while tab.model.canFetchMore():
        tab.model.fetchMore()
    assert [r.seq for r in tab.model.rows] == list(range(total, 0, -1))


def test_language_setting_is_stored_for_the_next_start(qtbot: QtBot, window: MainWindow,
                                                       boxes: Boxes) -> None:
    tab = section(window, "settings")
    assert isinstance(tab, SettingsTab)
    tab.language.setCurrentIndex(tab.language.findData("en"))
    assert "重新启动" in tab.message.text() and tab.message.isVisibleTo(tab)
    assert language(open_settings(window.ws.paths)) == "en"
    assert window.nav.item(0).text() == "首页"  # nothing changes before the restart
    assert boxes.shown == []
