from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from qt_helpers import ADMIN_PASSWORD, USER_PASSWORD, Boxes

from bzdesk.db import Database
from bzdesk.errors import AccountLocked, LoginFailed
from bzdesk.services import auth
from bzdesk.workspace import Workspace
from ui.login import LoginDialog


def make_dialog(qtbot: QtBot, db: Database, username: str = "") -> LoginDialog:
    dialog = LoginDialog(Workspace(db), "南昌县委机构编制委员会办公室", username)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def attempt(qtbot: QtBot, dialog: LoginDialog, username: str, password: str) -> None:
    dialog.username.setText(username)
    dialog.password.setText(password)
    qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.login_button.isEnabled() or dialog.actor is not None)


def test_wrong_password_is_said_in_the_dialog_and_the_field_cleared(
        qtbot: QtBot, db: Database, boxes: Boxes) -> None:
    dialog = make_dialog(qtbot, db)
    attempt(qtbot, dialog, "admin", "not-the-password")
    assert "用户名或密码不正确" in dialog.message.text()
    assert dialog.message.isVisible()
    assert dialog.password.text() == ""
    assert dialog.actor is None and dialog.isVisible()
    assert boxes.shown == []  # shown inline, not in a box


def test_right_password_accepts(qtbot: QtBot, db: Database) -> None:
    dialog = make_dialog(qtbot, db, "admin")
    dialog.password.setText(ADMIN_PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)  # Enter logs in
    assert dialog.actor is not None and dialog.actor.username == "admin"


def test_locked_account_message(qtbot: QtBot, db: Database) -> None:
    for _ in range(auth.MAX_FAILURES):
        try:
            with db.write() as s:
                auth.login(s, "clerk", "wrong-pass-1")
        except (LoginFailed, AccountLocked):
            pass
    dialog = make_dialog(qtbot, db)
    attempt(qtbot, dialog, "clerk", USER_PASSWORD)
    assert "锁定" in dialog.message.text()
    assert dialog.actor is None and dialog.password.text() == ""


def test_empty_fields_are_asked_for_before_trying(qtbot: QtBot, db: Database) -> None:
    dialog = make_dialog(qtbot, db)
    dialog.submit()
    assert dialog.message.text() == "请输入用户名。"
    dialog.username.setText("admin")
    dialog.submit()
    assert dialog.message.text() == "请输入密码。"
    assert dialog.login_button.isEnabled()
