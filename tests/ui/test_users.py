from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot
from qt_helpers import USER_PASSWORD, Boxes, open_window, type_into

from bzdesk.db import Database
from bzdesk.errors import AccountLocked, LoginFailed
from bzdesk.roles import Role
from bzdesk.services import auth
from bzdesk.workspace import Workspace
from ui import ops
from ui.main_window import MainWindow
from ui.pages.system import SystemPage
from ui.pages.system.password import PasswordTab
from ui.pages.system.user_dialogs import NewUserDialog, ResetPasswordDialog, RoleDialog
from ui.pages.system.users import UsersTab


def users_tab(qtbot: QtBot, window: MainWindow) -> UsersTab:
    system = window.show_page("system")
    assert isinstance(system, SystemPage)
    tab = system.show_section("users")
    assert isinstance(tab, UsersTab)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 4)
    return tab


def select(tab: UsersTab, username: str) -> Any:
    row = next(i for i, u in enumerate(tab.model.rows) if u.username == username)
    tab.table.selectRow(row)
    return tab.model.rows[row]


def open_dialog(qtbot: QtBot, tab: UsersTab, kind: type[QDialog]) -> Any:
    qtbot.waitUntil(lambda: any(isinstance(w, kind) and w.isVisible()
                                for w in tab.findChildren(kind)))
    return next(w for w in tab.findChildren(kind) if w.isVisible())


def test_users_model_passes_the_model_tester(qtbot: QtBot, qtmodeltester: Any,
                                             window: MainWindow) -> None:
    tab = users_tab(qtbot, window)
    qtmodeltester.check(tab.model)
    assert [u.username for u in tab.model.rows] == ["admin", "clerk", "approver", "viewer"]
    assert tab.model.index(1, 2).data() == "录入员"


def test_add_user_shows_it_in_the_table(qtbot: QtBot, window: MainWindow,
                                        db: Database) -> None:
    tab = users_tab(qtbot, window)
    tab.add_button.click()
    dialog = open_dialog(qtbot, tab, NewUserDialog)
    assert not dialog.ok.isEnabled()
    type_into(dialog.username, "zhangsan")
    type_into(dialog.display_name, "张三")
    dialog.role.setCurrentIndex(dialog.role.findData(Role.APPROVER))
    type_into(dialog.password, "zhang-pass-1")
    type_into(dialog.confirm, "zhang-pass-1")
    assert dialog.ok.isEnabled()
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.ok.click()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 5)
    added = tab.model.rows[-1]
    assert (added.username, added.display_name, added.role) == ("zhangsan", "张三",
                                                                Role.APPROVER)
    with db.write() as s:
        assert auth.login(s, "zhangsan", "zhang-pass-1").role == Role.APPROVER


def test_duplicate_user_name_is_said_under_the_field(qtbot: QtBot, window: MainWindow,
                                                     boxes: Boxes) -> None:
    tab = users_tab(qtbot, window)
    dialog = NewUserDialog(tab.ws, tab)
    dialog.show()
    type_into(dialog.username, "clerk")
    type_into(dialog.display_name, "重名")
    type_into(dialog.password, "clerk-pass-1")
    type_into(dialog.confirm, "clerk-pass-1")
    dialog.ok.click()
    qtbot.waitUntil(lambda: "已经存在" in dialog.form.hint_text("用户名"))
    assert dialog.isVisible() and boxes.shown == []


def test_reset_password_and_change_role(qtbot: QtBot, window: MainWindow,
                                        db: Database) -> None:
    tab = users_tab(qtbot, window)
    select(tab, "viewer")
    tab.reset_button.click()
    reset = open_dialog(qtbot, tab, ResetPasswordDialog)
    type_into(reset.password, "fresh-pass-9")
    type_into(reset.confirm, "fresh-pass-9")
    with qtbot.waitSignal(reset.accepted, timeout=10_000):
        reset.ok.click()
    with db.write() as s:
        assert auth.login(s, "viewer", "fresh-pass-9").username == "viewer"

    select(tab, "viewer")
    tab.role_button.click()
    dialog = open_dialog(qtbot, tab, RoleDialog)
    assert not dialog.ok.isEnabled()  # the same role is no change
    dialog.role.setCurrentIndex(dialog.role.findData(Role.CLERK))
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.ok.click()
    qtbot.waitUntil(lambda: tab.model.rows[3].role == Role.CLERK)


def test_disable_enable_and_unlock(qtbot: QtBot, window: MainWindow, db: Database,
                                   boxes: Boxes) -> None:
    tab = users_tab(qtbot, window)
    select(tab, "admin")
    assert not tab.active_button.isEnabled()  # never yourself
    select(tab, "clerk")
    tab.active_button.click()
    assert "不能登录" in boxes.texts("question")[0]
    qtbot.waitUntil(lambda: not tab.model.rows[1].active)
    assert tab.model.index(1, 3).data() == "已停用" and tab.active_button.text() == "启用"
    tab.active_button.click()
    qtbot.waitUntil(lambda: tab.model.rows[1].active)

    for _ in range(auth.MAX_FAILURES):
        try:
            with db.write() as s:
                auth.login(s, "clerk", "wrong-pass-1")
        except (LoginFailed, AccountLocked):
            pass
    tab.reload()
    qtbot.waitUntil(lambda: tab.model.index(1, 3).data().startswith("锁定至"))
    select(tab, "clerk")
    assert tab.unlock_button.isEnabled()
    tab.unlock_button.click()
    qtbot.waitUntil(lambda: tab.model.index(1, 3).data() == "正常")
    with db.write() as s:
        assert auth.login(s, "clerk", USER_PASSWORD).username == "clerk"


def test_non_admins_see_only_their_own_password(qtbot: QtBot, clerk_ws: Workspace) -> None:
    window = open_window(qtbot, clerk_ws)
    system = window.show_page("system")
    assert isinstance(system, SystemPage)
    titles = [system.tabs.tabText(i) for i in range(system.tabs.count())]
    assert titles == ["修改密码", "审计日志", "设置"]


def test_change_own_password(qtbot: QtBot, clerk_ws: Workspace, db: Database,
                             boxes: Boxes) -> None:
    tab = PasswordTab(open_window(qtbot, clerk_ws).ctx)
    qtbot.addWidget(tab)
    type_into(tab.old, "not-my-pass-1")
    type_into(tab.new, "new-clerk-pass-1")
    type_into(tab.confirm, "new-clerk-pass-1")
    tab.button.click()
    qtbot.waitUntil(lambda: tab.form.hint_text("原密码") == "原密码不正确。")
    assert boxes.shown == []
    type_into(tab.old, USER_PASSWORD)
    tab.button.click()
    qtbot.waitUntil(lambda: tab.done.isVisibleTo(tab))
    assert "密码已修改" in tab.done.text() and tab.old.text() == ""
    with db.write() as s:
        assert auth.login(s, "clerk", "new-clerk-pass-1").username == "clerk"
    assert ops.pending() == 0
