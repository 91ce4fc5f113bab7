"""修改密码: every user changes their own password here."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from bzdesk.errors import LoginFailed
from bzdesk.services import auth
from ui import ops
from ui.pages.base import Page, PageContext
from ui.passwords import password_problems
from ui.widgets import (
    OK_STYLE,
    CheckedForm,
    Problems,
    hint_label,
    password_field,
    set_message,
)

OLD = "原密码"


class PasswordTab(Page):
    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.form = CheckedForm()
        self.old = password_field()
        self.new = password_field(self.tr("至少 8 位，同时包含字母和数字"))
        self.confirm = password_field()
        self.form.add(OLD, self.tr("原密码"), self.old)
        self.form.add("密码", self.tr("新密码"), self.new)
        self.form.add("确认密码", self.tr("再输一次"), self.confirm)
        self.form.edited.connect(self.revalidate)
        self.button = QPushButton(self.tr("修改密码"))
        self.button.clicked.connect(self.submit)
        self.done = hint_label(OK_STYLE)

        intro = QLabel(self.tr("为 {0}（{1}）修改登录密码。").format(self.actor.display_name,
                                                            self.actor.username))
        row = QHBoxLayout()
        row.addWidget(self.button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.form)
        layout.addLayout(row)
        layout.addWidget(self.done)
        layout.addStretch(1)
        self.revalidate()

    def problems(self) -> Problems:
        found = {} if self.old.text() else {OLD: self.tr("请输入原密码。")}
        return found | password_problems(self.new.text(), self.confirm.text())

    def revalidate(self) -> None:
        self.form.show_problems(self.problems())
        self.button.setEnabled(self.form.valid)
        set_message(self.done, "", OK_STYLE)

    def submit(self) -> None:
        self.revalidate()
        if not self.form.valid:
            self.form.touch_all()
            return
        self.button.setEnabled(False)
        ops.run_write(self, self.ws, auth.change_password, self.old.text(), self.new.text(),
                      label=self.tr("修改密码"), on_success=self._changed,
                      on_error=self._refused)

    def _changed(self, _changes: object) -> None:
        for field in (self.old, self.new, self.confirm):
            field.clear()
        self.revalidate()
        set_message(self.done, self.tr("密码已修改，下次登录请使用新密码。"), OK_STYLE)

    def _refused(self, exc: BaseException) -> bool:
        self.button.setEnabled(True)
        if isinstance(exc, LoginFailed):
            self.old.clear()
            self.form.touch_all()
            self.form.show_problems({OLD: exc.message})
            self.button.setEnabled(False)
            return True
        return False
