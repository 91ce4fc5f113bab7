"""Dialogs of the visits page: a new 挂点 assignment, ending one, and moving a
problem one step on (交办 / 办结 / 销号) with its note."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from bzdesk.errors import BzError
from bzdesk.roles import Can
from bzdesk.services import visits
from bzdesk.services.visits import (
    AssignmentInput,
    AssignmentView,
    IssueStepInput,
    IssueView,
    LeaderChoice,
    TargetChoice,
    VisitQuery,
)
from bzdesk.services.visits.rules import MAX_REQUIRED
from bzdesk.services.visits.vocab import ASSIGNMENT_KINDS, CLOSED, KIND_FOLLOW_UP, NEXT_STATUS
from ui import ops
from ui.errors import describe
from ui.pages.visits_form_parts import date_edit, picked
from ui.widgets import FormDialog, Problems, hint_label, set_message

if TYPE_CHECKING:
    from bzdesk.workspace import Workspace

NO_END = QDate(2000, 1, 1)  # the end date field's "长期" value


def _assignment_choices(session: Any, actor: Any) -> tuple[list[LeaderChoice],
                                                           list[TargetChoice]]:
    return visits.leader_choices(session, actor), visits.target_choices(session, actor)


class AssignmentDialog(FormDialog):
    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(ws, self.tr("新增挂点安排"), parent, ok_text=self.tr("保存"))
        self.targets: list[TargetChoice] = []
        self.kind = QComboBox()
        self.kind.addItems(list(ASSIGNMENT_KINDS))
        self.leader = QComboBox()
        self.leader.setEditable(True)
        self.target_kind = QComboBox()
        for code, label in (("unit", self.tr("单位")), ("county", self.tr("县（市、区）")),
                            ("sector", self.tr("行业领域"))):
            self.target_kind.addItem(label, code)
        self.target = QComboBox()
        self.target.setEditable(True)
        self.start = date_edit(date(date.today().year, 1, 1))
        self.end = date_edit(NO_END.toPython())  # type: ignore[arg-type]
        self.end.setMinimumDate(NO_END)
        self.end.setSpecialValueText(self.tr("长期"))
        self.required = QSpinBox()
        self.required.setRange(0, MAX_REQUIRED)
        self.required.setSpecialValueText(self.tr("按本单位规定"))
        self.note = QLineEdit()
        f = self.form
        f.add("安排类型", self.tr("类型"), self.kind)
        f.add("领导", self.tr("领导或专员"), self.leader)
        f.add("联系点类型", self.tr("联系点类别"), self.target_kind)
        f.add("联系点", self.tr("联系点"), self.target)
        f.add("开始日期", self.tr("开始日期"), self.start)
        f.add("结束日期", self.tr("结束日期"), self.end)
        f.add("每季度应走访次数", self.tr("每季度应走访"), self.required)
        f.add("备注", self.tr("备注"), self.note)
        self.leader.editTextChanged.connect(lambda _t: self.revalidate())
        self.target.editTextChanged.connect(lambda _t: self.revalidate())
        self.target_kind.currentIndexChanged.connect(self._fill_targets)
        self.ok.setEnabled(False)
        ops.run_read(self, ws, _assignment_choices, on_success=self._loaded)

    def _loaded(self, result: tuple[list[LeaderChoice], list[TargetChoice]]) -> None:
        leaders, self.targets = result
        for c in leaders:
            self.leader.addItem(f"{c.name}", (c.person_id, c.user_id, c.name))
        self.leader.setEditText("")
        self._fill_targets()

    def _fill_targets(self) -> None:
        kind = self.target_kind.currentData()
        self.target.clear()
        for t in self.targets:
            if t.kind == kind:
                self.target.addItem(t.name, t.code)
        self.revalidate()

    def problems(self) -> Problems:
        found: Problems = {}
        if not self.leader.currentText().strip():
            found["领导"] = self.tr("请填写领导或联络专员的姓名。")
        if self.target.findText(self.target.currentText()) < 0:
            found["联系点"] = self.tr("请从列表中选择联系点。")
        return found

    def value(self) -> AssignmentInput:
        name = self.leader.currentText().strip()
        data = self.leader.itemData(self.leader.findText(name)) or (None, None, name)
        person_id, user_id, _ = data
        end = None if self.end.date() == NO_END else picked(self.end)
        return AssignmentInput(
            self.kind.currentText(), name, self.target_kind.currentData(),
            self.target.itemData(self.target.findText(self.target.currentText())),
            picked(self.start), end, person_id=person_id, user_id=user_id,
            required_per_quarter=self.required.value() or None, note=self.note.text())

    def submit(self) -> None:
        self.write(visits.create_assignment, self.value(), label=self.tr("保存挂点安排"))


class EndAssignmentDialog(FormDialog):
    def __init__(self, ws: Workspace, assignment: AssignmentView,
                 parent: QWidget | None = None) -> None:
        super().__init__(ws, self.tr("结束挂点安排"), parent, ok_text=self.tr("结束安排"))
        self.assignment = assignment
        self.form.add_row(self.tr("安排"), QLabel(
            f"{assignment.leader_name} → {assignment.target_name}（{assignment.period}）"))
        self.day = date_edit()
        self.form.add("结束日期", self.tr("结束日期"), self.day)

    def submit(self) -> None:
        self.write(visits.end_assignment, self.assignment.id, picked(self.day),
                   label=self.tr("结束挂点安排"))


class StepDialog(QDialog):
    """Move one problem to its next status, with the date, a note and, to
    销号, the 回访 visit that confirmed it (or an approver's note)."""

    def __init__(self, ws: Workspace, issue: IssueView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.issue = issue
        self.to_status = NEXT_STATUS[issue.status]
        assert ws.actor is not None
        self.approver = ws.actor.can(Can.APPROVE)
        self.setWindowTitle(self.tr("问题{0}").format(self.to_status))
        self.setMinimumWidth(480)
        self.message = hint_label()
        self.day = date_edit()
        self.day.setMaximumDate(QDate.currentDate())
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(90)
        self.note.textChanged.connect(self._update)
        self.follow_up = QComboBox()
        self.follow_up.currentIndexChanged.connect(self._update)
        self.history = QListWidget()
        self.history.setWordWrap(True)
        self.history.setMaximumHeight(100)
        self.note_label = QLabel(self.tr("办理说明"))
        form = QFormLayout()
        form.addRow(self.tr("问题"), QLabel(issue.description))
        form.addRow(self.tr("责任单位"), QLabel(issue.responsible_name))
        form.addRow(self.tr("状态"), QLabel(f"{issue.status} → {self.to_status}"))
        form.addRow(self.tr("日期"), self.day)
        if self.to_status == CLOSED:
            form.addRow(self.tr("确认整改的回访"), self.follow_up)
        form.addRow(self.note_label, self.note)
        form.addRow(self.tr("办理记录"), self.history)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.to_status if self.to_status == CLOSED else
                        self.tr("确定{0}").format(self.to_status))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._update()
        ops.run_read(self, ws, visits.issue_history, issue.id, on_success=self._show_history)
        if self.to_status == CLOSED:
            ops.run_read(self, ws, visits.list_visits, VisitQuery(
                kind=KIND_FOLLOW_UP, date_from=issue.visit_on), on_success=self._show_visits)

    def _show_history(self, steps: list[visits.IssueStepView]) -> None:
        for s in steps:
            who = self.tr("（审核确认）") if s.by_approver else ""
            self.history.addItem(f"{s.on} {s.from_status}→{s.to_status} {s.by_name}{who}："
                                 f"{s.note}")

    def _show_visits(self, rows: list[visits.VisitRow]) -> None:
        linked = self.issue.confirm_visit_id
        for v in rows:
            self.follow_up.addItem(f"{v.start_on} {v.leader_name} {v.target_name}", v.id)
        if self.approver:
            self.follow_up.addItem(self.tr("（没有回访，由审核人确认销号）"), None)
        if linked:
            self.follow_up.setCurrentIndex(max(0, self.follow_up.findData(linked)))
        self._update()

    def _by_approver(self) -> bool:
        return self.to_status == CLOSED and self.follow_up.currentData() is None

    def _update(self) -> None:
        self.note_label.setText(self.tr("审核意见") if self._by_approver() else self.tr("办理说明"))
        blocked = self._by_approver() and not self.approver
        if blocked:
            set_message(self.message, self.tr(
                "销号需要关联一次确认整改的回访记录；没有回访的，须由审核人填写意见后销号。"))
        self.ok.setEnabled(bool(self.note.toPlainText().strip()) and not blocked)

    def submit(self) -> None:
        self.ok.setEnabled(False)
        ops.run_write(self, self.ws, visits.advance_issue, IssueStepInput(
            self.issue.id, self.to_status, self.note.toPlainText(), picked(self.day),
            self.follow_up.currentData() if self.to_status == CLOSED else None),
            label=self.tr("问题{0}").format(self.to_status),
            on_success=lambda _r: self.accept(), on_error=self._refused)

    def _refused(self, exc: BaseException) -> bool:
        self._update()
        if isinstance(exc, BzError):
            set_message(self.message, describe(exc))
            return True
        return False
