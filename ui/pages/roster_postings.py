"""入编, 出编 and 调动 dialogs.

入编 and 调动 share a form (unit, 编制类型, 职务, leader post, route, date,
文号). When the service refuses for 超编 (QuotaExceeded), the refusal is shown
in the dialog; a user who may approve is offered "超编入编" with a reason that
must be given, and the same input is sent again with that reason.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from bzdesk.errors import QuotaExceeded
from bzdesk.roles import Can
from bzdesk.services.staffing import (
    CategoryView,
    LeaveInput,
    PostingInput,
    PostingView,
    TransferInput,
    UnitView,
    end_posting,
    post_person,
    transfer_person,
)
from bzdesk.services.staffing.dictionaries import ChoiceKind
from ui import ops
from ui.pages.roster_common import UnitPicker, category_box, choice_box, date_field, date_problem
from ui.widgets import FormDialog, Problems, hint_label, set_message

if TYPE_CHECKING:
    from bzdesk.workspace import Workspace

OVERRIDE_STYLE = "color: #b71c1c; font-weight: bold;"


class _PostForm(FormDialog):
    """The fields of a new posting, and the 超编 refusal with its override."""

    route_kind: ClassVar[ChoiceKind] = "start_route"
    default_route = "考录"

    def __init__(self, ws: Workspace, title: str, units: Sequence[UnitView],
                 categories: Sequence[CategoryView], parent: QWidget | None,
                 ok_text: str) -> None:
        super().__init__(ws, title, parent, ok_text=ok_text)
        self.ok_label = ok_text
        self.date_key = "入编时间"
        self.done_value: PostingView | None = None
        self.unit = UnitPicker(self.tr("（请选择单位）"))
        self.unit.set_units(units, active_only=True)
        self.category = category_box(categories)
        self.position = QLineEdit()
        self.position.setPlaceholderText(self.tr("如 科员、副局长、专业技术岗位"))
        self.leader = QComboBox()
        for label, value in ((self.tr("非领导职务"), None), (self.tr("正职"), "正"),
                             (self.tr("副职"), "副")):
            self.leader.addItem(label, value)
        self.route = choice_box(self.route_kind, self.default_route)
        self.on = date_field(date.today())
        self.doc = QLineEdit()
        self.refusal = hint_label()
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText(self.tr("超编的理由（必填，记入审计日志）"))
        self.reason.setMaximumHeight(70)
        self.reason.textChanged.connect(self.revalidate)
        self.reason_hint = hint_label()
        self.reason_box = QWidget()
        column = QVBoxLayout(self.reason_box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(QLabel(self.tr("超编理由")))
        column.addWidget(self.reason)
        column.addWidget(self.reason_hint)
        self.overriding = False
        for box in (self.unit, self.category):
            box.currentIndexChanged.connect(self._target_changed)

    def add_fields(self, labels: tuple[tuple[str, str], tuple[str, str], tuple[str, str]],
                   ) -> None:
        """The form, its route, date and 文号 rows keyed by the service's column names
        (so a refusal about one of them is shown under it)."""
        (route_key, route_label), (date_key, date_label), (doc_key, doc_label) = labels
        self.date_key = date_key
        self.form.add("机构", self.tr("单位"), self.unit)
        self.form.add("编制类型", self.tr("编制类型"), self.category)
        self.form.add("职务", self.tr("职务/岗位"), self.position)
        self.form.add("领导职务", self.tr("领导职务"), self.leader)
        self.form.add(route_key, route_label, self.route)
        self.form.add(date_key, date_label, self.on)
        self.form.add(doc_key, doc_label, self.doc)
        self.form.add_row("", self.refusal)
        self.form.add_row("", self.reason_box)
        self._show_reason(False)
        self.revalidate()

    def override_text(self) -> str:
        return self.tr("超编入编")

    def _show_reason(self, shown: bool) -> None:
        self.reason_box.setVisible(shown)
        self.ok.setText(self.override_text() if shown else self.ok_label)

    def revalidate(self) -> None:
        super().revalidate()
        set_message(self.reason_hint, self.problems().get("超编理由", ""))

    def _target_changed(self) -> None:
        """A 超编 refusal (and its override) is about one unit × 编制类型."""
        if self.overriding or not self.refusal.isHidden():
            self.overriding = False
            set_message(self.refusal, "")
            self._show_reason(False)
        self.revalidate()

    def problems(self) -> Problems:
        found: Problems = {}
        if self.unit.unit_id() is None:
            found["机构"] = self.tr("请选择单位。")
        if self.category.currentData() is None:
            found["编制类型"] = self.tr("请选择编制类型。")
        when = date_problem(self.on.text())
        if when:
            found[self.date_key] = when
        if self.overriding and not " ".join(self.reason.toPlainText().split()):
            found["超编理由"] = self.tr("{0}必须写明理由。").format(self.override_text())
        return found

    def override_reason(self) -> str | None:
        return self.reason.toPlainText() if self.overriding else None

    def send(self, fn: Callable[..., Any], value: object, label: str) -> None:
        ops.run_write(self, self.ws, fn, value, label=label, on_success=self._done,
                      on_error=self._refused_post)

    def _done(self, outcome: object) -> None:
        self.done_value = getattr(outcome, "value", None)
        self.accept()

    def _refused_post(self, exc: BaseException) -> bool:
        if not isinstance(exc, QuotaExceeded):
            return self._refused(exc)
        self.ok.setEnabled(True)
        if self.ws.actor is not None and self.ws.actor.can(Can.APPROVE):
            set_message(self.refusal, exc.message + "\n" + self.tr(
                "如确需超编，请写明理由后点“{0}”（记入审计日志）。").format(self.override_text()),
                OVERRIDE_STYLE)
            self.overriding = True
            self._show_reason(True)
            self.revalidate()
            self.reason.setFocus()
        else:
            set_message(self.refusal, exc.message + "\n" + self.tr("{0}须由审核人办理。").format(
                self.override_text()), OVERRIDE_STYLE)
        return True


class PostingDialog(_PostForm):
    """入编 of a person who is not in post."""

    def __init__(self, ws: Workspace, person_id: str, person_name: str,
                 units: Sequence[UnitView], categories: Sequence[CategoryView],
                 parent: QWidget | None = None) -> None:
        super().__init__(ws, self.tr("入编：{0}").format(person_name), units, categories,
                         parent, self.tr("入编"))
        self.person_id = person_id
        self.form.add_row(self.tr("人员"), QLabel(person_name))
        self.doc.setPlaceholderText(self.tr("入编文号或控编通知单号"))
        self.add_fields((("入编方式", self.tr("入编方式")), ("入编时间", self.tr("入编时间")),
                         ("入编文号", self.tr("文号/通知单号"))))

    def submit(self) -> None:
        self.send(post_person, PostingInput(
            self.person_id, self.unit.unit_id() or "", self.category.currentData(),
            self.route.currentData(), self.on.text().strip(), self.doc.text(),
            self.position.text(), self.leader.currentData(), self.override_reason()),
            self.override_text() if self.overriding else self.tr("入编"))


class TransferDialog(_PostForm):
    """调动: the open posting closes (调出) and the new one opens the same day."""

    default_route = "调任"

    def __init__(self, ws: Workspace, person_id: str, person_name: str,
                 current: PostingView | None, units: Sequence[UnitView],
                 categories: Sequence[CategoryView], parent: QWidget | None = None) -> None:
        super().__init__(ws, self.tr("调动：{0}").format(person_name), units, categories,
                         parent, self.tr("调动"))
        self.person_id = person_id
        where = QLabel(self.tr("现在：{0}，{1}").format(current.unit, current.category)
                       if current else "")
        self.form.add_row(self.tr("调出"), where)
        self.doc.setPlaceholderText(self.tr("调动文号"))
        self.add_fields((("调入方式", self.tr("调入方式")), ("调动时间", self.tr("调动时间")),
                         ("调动文号", self.tr("文号"))))

    def override_text(self) -> str:
        return self.tr("超编调动")

    def submit(self) -> None:
        self.send(transfer_person, TransferInput(
            self.person_id, self.unit.unit_id() or "", self.category.currentData(),
            self.on.text().strip(), self.doc.text(), self.position.text(),
            self.route.currentData(), self.leader.currentData(), self.override_reason()),
            self.override_text() if self.overriding else self.tr("调动"))


class LeaveDialog(FormDialog):
    """出编 of an open posting."""

    def __init__(self, ws: Workspace, person_name: str, posting: PostingView,
                 parent: QWidget | None = None) -> None:
        super().__init__(ws, self.tr("出编：{0}").format(person_name), parent,
                         ok_text=self.tr("出编"))
        self.posting = posting
        self.form.add_row(self.tr("现在"), QLabel(self.tr("{0}，{1}，{2} 入编").format(
            posting.unit, posting.category, posting.start_on.isoformat())))
        self.route = choice_box("end_route", "退休")
        self.on = date_field(date.today())
        self.doc = QLineEdit()
        self.doc.setPlaceholderText(self.tr("出编文号（可不填）"))
        self.form.add("出编方式", self.tr("出编方式"), self.route)
        self.form.add("出编时间", self.tr("出编时间"), self.on)
        self.form.add("出编文号", self.tr("文号"), self.doc)
        self.revalidate()

    def problems(self) -> Problems:
        when = date_problem(self.on.text())
        return {"出编时间": when} if when else {}

    def submit(self) -> None:
        self.write(end_posting, LeaveInput(self.posting.id, self.route.currentData(),
                                           self.on.text().strip(), self.doc.text()),
                   label=self.tr("出编"))
