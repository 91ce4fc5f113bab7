"""The login dialog: user name, password, Enter to log in; a refusal is shown
in the dialog itself and the password field is cleared."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from bzdesk.errors import PermissionDenied
from bzdesk.roles import Actor
from ui import ops
from ui.widgets import heading, hint_label, password_field, set_message

if TYPE_CHECKING:
    from bzdesk.workspace import Workspace


class LoginDialog(QDialog):
    def __init__(self, ws: Workspace, office_name: str, username: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("登录 — 编制桌面"))
        self.setMinimumWidth(400)

        self.username = QLineEdit(username)
        self.username.setPlaceholderText(self.tr("用户名"))
        self.password = password_field(self.tr("密码"))
        self.message = hint_label()

        form = QFormLayout()
        form.addRow(self.tr("用户名"), self.username)
        form.addRow(self.tr("密码"), self.password)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.login_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.login_button.setText(self.tr("登录"))
        self.login_button.setDefault(True)  # Enter logs in
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("退出"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("编制桌面"), 1.6))
        office = QLabel(office_name)
        office.setWordWrap(True)
        layout.addWidget(office)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        (self.password if username else self.username).setFocus()

    def submit(self) -> None:
        name, secret = self.username.text().strip(), self.password.text()
        if not name:
            set_message(self.message, self.tr("请输入用户名。"))
            self.username.setFocus()
            return
        if not secret:
            set_message(self.message, self.tr("请输入密码。"))
            self.password.setFocus()
            return
        set_message(self.message, "")
        self.login_button.setEnabled(False)
        ops.run_call(self, self.ws.login, name, secret, label=self.tr("正在登录…"),
                     on_success=self._logged_in, on_error=self._refused)

    def _logged_in(self, actor: Actor) -> None:
        self.actor = actor
        self.accept()

    def _refused(self, exc: BaseException) -> bool:
        self.login_button.setEnabled(True)
        self.password.clear()
        self.password.setFocus()
        if isinstance(exc, PermissionDenied):  # LoginFailed, AccountLocked
            set_message(self.message, exc.message)
            return True
        return False
