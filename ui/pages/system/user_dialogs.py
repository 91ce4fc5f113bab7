"""The administrator's user dialogs: new user, reset password, change role."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from bzdesk.roles import Role
from bzdesk.services import auth
from ui.labels import roles
from ui.passwords import password_problems
from ui.widgets import FormDialog, Problems, account_problems, password_field

if TYPE_CHECKING:
    from bzdesk.services.auth import UserView
    from bzdesk.workspace import Workspace


def role_box(current: Role = Role.CLERK) -> QComboBox:
    box = QComboBox()
    for role, label in roles():
        box.addItem(label, role)
    box.setCurrentIndex(box.findData(current))
    return box


class NewUserDialog(FormDialog):
    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(ws, self.tr("新建用户"), parent, ok_text=self.tr("新建"))
        self.username = QLineEdit()
        self.display_name = QLineEdit()
        self.role = role_box()
        self.password = password_field(self.tr("至少 8 位，同时包含字母和数字"))
        self.confirm = password_field()
        self.form.add("用户名", self.tr("用户名"), self.username)
        self.form.add("姓名", self.tr("姓名"), self.display_name)
        self.form.add("角色", self.tr("角色"), self.role)
        self.form.add("密码", self.tr("初始密码"), self.password)
        self.form.add("确认密码", self.tr("再输一次"), self.confirm)
        self.revalidate()

    def problems(self) -> Problems:
        found = account_problems(self.username.text(), self.display_name.text())
        return found | password_problems(self.password.text(), self.confirm.text())

    def submit(self) -> None:
        self.write(auth.create_user, self.username.text().strip(),
                   self.display_name.text().strip(), Role(self.role.currentData()),
                   self.password.text(), label=self.tr("新建用户"))


class ResetPasswordDialog(FormDialog):
    def __init__(self, ws: Workspace, user: UserView, parent: QWidget | None = None) -> None:
        super().__init__(ws, self.tr("重置密码：{0}（{1}）").format(user.display_name,
                                                                user.username), parent)
        self.user = user
        self.password = password_field(self.tr("至少 8 位，同时包含字母和数字"))
        self.confirm = password_field()
        self.form.add("密码", self.tr("新密码"), self.password)
        self.form.add("确认密码", self.tr("再输一次"), self.confirm)
        self.revalidate()

    def problems(self) -> Problems:
        return password_problems(self.password.text(), self.confirm.text())

    def submit(self) -> None:
        self.write(auth.reset_password, self.user.id, self.password.text(),
                   label=self.tr("重置密码"))


class RoleDialog(FormDialog):
    def __init__(self, ws: Workspace, user: UserView, parent: QWidget | None = None) -> None:
        super().__init__(ws, self.tr("修改角色：{0}（{1}）").format(user.display_name,
                                                                user.username), parent)
        self.user = user
        self.role = role_box(user.role)
        self.form.add("角色", self.tr("角色"), self.role)
        self.revalidate()

    def problems(self) -> Problems:
        if Role(self.role.currentData()) == self.user.role:
            return {"角色": self.tr("请选择一个不同的角色。")}
        return {}

    def submit(self) -> None:
        self.write(auth.set_role, self.user.id, Role(self.role.currentData()),
                   label=self.tr("修改角色"))
