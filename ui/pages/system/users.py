"""用户管理 (administrators): the users of this PC and what can be done to them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bzdesk.changes import Area
from bzdesk.services import auth
from bzdesk.services.auth import UserView
from ui import ops
from ui.labels import role_label
from ui.models import Column, RowsModel
from ui.pages.base import Page, PageContext
from ui.pages.system.user_dialogs import NewUserDialog, ResetPasswordDialog, RoleDialog


def is_locked(user: UserView) -> bool:
    return user.locked_until is not None and user.locked_until > datetime.now()


class UsersTab(Page):
    areas = frozenset({Area.USERS})

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model: RowsModel[UserView] = RowsModel([
            Column(self.tr("用户名"), lambda u: u.username),
            Column(self.tr("姓名"), lambda u: u.display_name),
            Column(self.tr("角色"), lambda u: role_label(u.role)),
            Column(self.tr("状态"), self._status),
            Column(self.tr("上次登录"), lambda u: u.last_login.strftime("%Y-%m-%d %H:%M")
                   if u.last_login else "—"),
        ])
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(self.reset_password)

        self.add_button = QPushButton(self.tr("新建用户…"))
        self.reset_button = QPushButton(self.tr("重置密码…"))
        self.role_button = QPushButton(self.tr("修改角色…"))
        self.active_button = QPushButton(self.tr("停用"))
        self.unlock_button = QPushButton(self.tr("解锁"))
        row = QHBoxLayout()
        for button, slot in ((self.add_button, self.add_user),
                             (self.reset_button, self.reset_password),
                             (self.role_button, self.change_role),
                             (self.active_button, self.toggle_active),
                             (self.unlock_button, self.unlock)):
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table)
        self._update_buttons()
        self.reload()

    def _status(self, user: UserView) -> str:
        if not user.active:
            return self.tr("已停用")
        if is_locked(user) and user.locked_until is not None:
            return self.tr("锁定至 {0}").format(user.locked_until.strftime("%H:%M"))
        return self.tr("正常")

    def reload(self) -> None:
        ops.run_read(self, self.ws, auth.list_users, on_success=self._show)

    def _show(self, users: list[UserView]) -> None:
        chosen = self.selected()
        self.model.replace(users)
        if chosen is not None:
            for row, user in enumerate(users):
                if user.id == chosen.id:
                    self.table.selectRow(row)
        self._update_buttons()

    def selected(self) -> UserView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        user = self.selected()
        mine = user is not None and user.id == self.actor.user_id
        for button in (self.reset_button, self.role_button):
            button.setEnabled(user is not None)
        self.active_button.setEnabled(user is not None and not mine)
        self.active_button.setText(self.tr("启用") if user is not None and not user.active
                                   else self.tr("停用"))
        self.unlock_button.setEnabled(user is not None and is_locked(user))

    def add_user(self) -> None:
        NewUserDialog(self.ws, self).open()

    def reset_password(self) -> None:
        user = self.selected()
        if user is not None:
            ResetPasswordDialog(self.ws, user, self).open()

    def change_role(self) -> None:
        user = self.selected()
        if user is not None:
            RoleDialog(self.ws, user, self).open()

    def toggle_active(self) -> None:
        user = self.selected()
        if user is None:
            return
        if user.active:
            answer = QMessageBox.question(
                self, self.tr("停用用户"),
                self.tr("停用“{0}（{1}）”后，该用户将不能登录。确定停用吗？").format(
                    user.display_name, user.username))
            if answer != QMessageBox.StandardButton.Yes:
                return
        ops.run_write(self, self.ws, auth.set_active, user.id, not user.active,
                      label=self.tr("启用用户") if not user.active else self.tr("停用用户"))

    def unlock(self) -> None:
        user = self.selected()
        if user is not None:
            ops.run_write(self, self.ws, auth.unlock, user.id, label=self.tr("解锁用户"))

    def main_dialogs(self) -> list[Callable[[], QDialog]]:
        dialogs: list[Callable[[], QDialog]] = [lambda: NewUserDialog(self.ws, self)]
        user = self.model.row_at(0)
        if user is not None:
            dialogs += [lambda: ResetPasswordDialog(self.ws, user, self),
                        lambda: RoleDialog(self.ws, user, self)]
        return dialogs
