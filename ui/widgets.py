"""Small pieces every form uses: fields with a red hint line under them, checks
that reuse the services' own validation, and a dialog that submits one write."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from bzdesk.errors import ValidationError
from ui import ops

translate = QCoreApplication.translate

if TYPE_CHECKING:
    from bzdesk.workspace import Workspace

Problems = dict[str, str]  # field key (the services' column name) → reason

HINT_STYLE = "color: #c62828;"
OK_STYLE = "color: #2e7d32;"



def problems_of(*checks: Callable[[], Any]) -> Problems:
    """Run each check; every ValidationError becomes ``{column: reason}`` (first wins)."""
    found: Problems = {}
    for check in checks:
        try:
            check()
        except ValidationError as exc:
            for p in exc.problems:
                found.setdefault(p.column, p.reason)
            if not exc.problems:
                found.setdefault("", exc.message)
    return found


def must_match(first: str, second: str, key: str, what: str) -> Problems:
    if second and first != second:
        return {key: translate("widgets", "两次输入的{0}不一致。").format(what)}
    if not second:
        return {key: translate("widgets", "请再输入一次{0}。").format(what)}
    return {}


def account_problems(username: str, display_name: str) -> Problems:
    """The rules auth.create_user applies to a new account, checked as typed."""
    found: Problems = {}
    name = username.strip()
    if not name or len(name) > 40 or any(ch.isspace() for ch in name):
        found["用户名"] = translate("widgets", "用户名不能为空、不能含空格，最多 40 个字符。")
    if not display_name.strip():
        found["姓名"] = translate("widgets", "请填写使用人的姓名。")
    return found


def pair_problems(first: str, second: str, check: Callable[[str], Any], confirm_key: str,
                  what: str) -> Problems:
    """A secret typed twice: the service's strength check, then the match."""
    return problems_of(lambda: check(first)) | must_match(first, second, confirm_key, what)


def password_field(placeholder: str = "") -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setPlaceholderText(placeholder)
    return field


def hint_label(style: str = HINT_STYLE) -> QLabel:
    label = QLabel()
    label.setStyleSheet(style)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


def set_message(label: QLabel, text: str, style: str = HINT_STYLE) -> None:
    label.setStyleSheet(style)
    label.setText(text)
    label.setVisible(bool(text))


def heading(text: str, scale: float = 1.4) -> QLabel:
    label = QLabel(text)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    return label


class CheckedForm(QWidget):
    """A form whose fields each have a red hint under them.

    A hint shows only once the clerk has edited that field (an empty new form
    is not shouted at); ``valid`` is False while any field has a problem.
    """

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QFormLayout(self)
        self._layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self._hints: dict[str, QLabel] = {}
        self._touched: set[str] = set()
        self._problems: Problems = {}

    def add(self, key: str, label: str, field: QWidget) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(field)
        hint = hint_label()
        column.addWidget(hint)
        self._hints[key] = hint
        self._layout.addRow(label, box)
        if isinstance(field, QLineEdit):
            field.textEdited.connect(lambda _text, k=key: self._touch(k))
        elif isinstance(field, QComboBox):
            self._touched.add(key)
            field.currentIndexChanged.connect(lambda _i, k=key: self._touch(k))
        return field

    def add_row(self, label: str, widget: QWidget) -> None:
        self._layout.addRow(label, widget)

    def _touch(self, key: str) -> None:
        self._touched.add(key)
        self.edited.emit()

    def touch_all(self) -> None:
        self._touched.update(self._hints)
        self.show_problems(self._problems)

    def show_problems(self, problems: Problems) -> None:
        self._problems = problems
        for key, hint in self._hints.items():
            set_message(hint, problems.get(key, "") if key in self._touched else "")

    def hint_text(self, key: str) -> str:
        hint = self._hints[key]
        return hint.text() if not hint.isHidden() else ""

    @property
    def keys(self) -> set[str]:
        return set(self._hints)

    @property
    def valid(self) -> bool:
        return not self._problems


class FormDialog(QDialog):
    """A dialog with a CheckedForm whose OK button stays disabled until the form
    is valid; OK runs ``submit``, which calls ``write`` (one write through ui.ops),
    and the dialog closes when it succeeds. A refusal about one of the form's
    fields (a duplicate user name) is shown under that field instead of a box."""

    def __init__(self, ws: Workspace, title: str, parent: QWidget | None = None,
                 ok_text: str = "") -> None:
        super().__init__(parent)
        self.ws = ws
        self.setWindowTitle(title)
        self.setMinimumWidth(440)
        self.form = CheckedForm()
        self.form.edited.connect(self.revalidate)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok_text:
            self.ok.setText(ok_text)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.buttons)

    def problems(self) -> Problems:
        """What is wrong with the entries now (override)."""
        return {}

    def submit(self) -> None:
        """Start the write with ``self.write(...)`` (override)."""

    def write(self, fn: Callable[..., Any], /, *args: Any, label: str) -> None:
        ops.run_write(self, self.ws, fn, *args, label=label,
                      on_success=lambda _result: self.accept(), on_error=self._refused)

    def revalidate(self) -> None:
        self.form.show_problems(self.problems())
        self.ok.setEnabled(self.form.valid)

    def _submit(self) -> None:
        self.revalidate()
        if not self.form.valid:
            self.form.touch_all()
            return
        self.ok.setEnabled(False)
        self.submit()

    def _refused(self, exc: BaseException) -> bool:
        self.ok.setEnabled(True)
        if isinstance(exc, ValidationError) and exc.problems and all(
                p.column in self.form.keys for p in exc.problems):
            self.form.touch_all()
            self.form.show_problems({p.column: p.reason for p in exc.problems})
            self.ok.setEnabled(False)
            return True
        return False
