"""The visit form: fast keyboard entry and a draft that survives a dead battery.

Keyboard: Tab walks the fields in reading order (the text boxes pass Tab on),
Enter or Ctrl+S saves, Enter in the problem row adds the problem, Esc closes.
The draft is saved within half a second of any change and every few seconds
(a small JSON file written .part + fsync + rename by the drafts service, on
the GUI thread: it is a few kilobytes), and dropped once the visit is saved.
"""

from __future__ import annotations

import re
import uuid
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from bzdesk.errors import ValidationError
from bzdesk.roles import Actor
from bzdesk.services import visits
from bzdesk.services.visits import AssignmentView, Draft, TargetChoice, VisitDetail, VisitInput
from bzdesk.services.visits.vocab import TARGET_UNIT, VISIT_KINDS
from ui import ops
from ui.errors import describe
from ui.pages.visits_form_parts import FilesBox, ProblemsBox, date_edit, picked
from ui.widgets import hint_label, set_message

if TYPE_CHECKING:
    from bzdesk.workspace import Workspace

SOON_MS = 400        # a change is on disk within this
AUTOSAVE_MS = 5_000  # and the form is saved again this often while it changes
SEPARATORS = re.compile(r"[、，,；;\s]+")


def _choices(session: Any, actor: Any) -> tuple[list[AssignmentView], list[TargetChoice]]:
    """What the form picks from, in one read: 联系点 in force and the units."""
    links = visits.list_assignments(session, actor)
    units = [t for t in visits.target_choices(session, actor) if t.kind == TARGET_UNIT]
    return links, units


def split_names(text: str) -> tuple[str, ...]:
    return tuple(n for n in SEPARATORS.split(text) if n)


class VisitForm(QDialog):
    def __init__(self, ws: Workspace, parent: QWidget | None = None, *,
                 detail: VisitDetail | None = None, draft: Draft | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.detail = detail
        self.draft_id = draft.id if draft else str(uuid.uuid4())
        self._restore: dict[str, Any] = dict(draft.fields) if draft else {}
        self.units: list[TargetChoice] = []
        self.links: list[AssignmentView] = []
        self.ready = False
        self._dirty = False
        self.saved_visit: VisitDetail | None = None
        self.setWindowTitle(self.tr("修改走访记录") if detail else self.tr("新建走访记录"))
        self.resize(760, 720)
        self._build()
        self._soon = QTimer(self, singleShot=True, interval=SOON_MS)
        self._soon.timeout.connect(self.save_draft)
        self._tick = QTimer(self, interval=AUTOSAVE_MS)
        self._tick.timeout.connect(self.save_draft)
        self._tick.start()
        ops.run_read(self, ws, _choices, on_success=self._loaded)

    @property
    def actor(self) -> Actor:
        assert self.ws.actor is not None, "the form opens only after login"
        return self.ws.actor

    # -- building ------------------------------------------------------------
    def _build(self) -> None:
        self.kind = QComboBox()
        self.kind.addItems(list(VISIT_KINDS))
        self.start = date_edit()
        self.end = date_edit()
        for edit in (self.start, self.end):
            edit.setMaximumDate(QDate.currentDate())
        self.link = QComboBox()
        self.leader = QComboBox()
        self.leader.setEditable(True)
        self.participants = QLineEdit()
        self.participants.setPlaceholderText(self.tr("姓名之间用顿号或空格隔开"))
        self.places = QLineEdit()
        self.unit_names = QLineEdit()
        self.unit_names.setPlaceholderText(self.tr("单位名称之间用顿号隔开"))
        self.purpose = QPlainTextEdit()
        self.findings = QPlainTextEdit()
        for box in (self.purpose, self.findings):
            box.setTabChangesFocus(True)
            box.setMaximumHeight(80)
        self.problems = ProblemsBox()
        self.files = FilesBox(self.ws)
        self.message = hint_label()
        self.status = QLabel()
        self.status.setStyleSheet("color: palette(dark);")
        form = QFormLayout()
        for label, field in ((self.tr("走访类型"), self.kind), (self.tr("开始日期"), self.start),
                             (self.tr("结束日期"), self.end), (self.tr("联系点"), self.link),
                             (self.tr("带队领导"), self.leader),
                             (self.tr("参加人员"), self.participants),
                             (self.tr("走访地点"), self.places),
                             (self.tr("走访单位"), self.unit_names),
                             (self.tr("走访目的"), self.purpose),
                             (self.tr("发现的情况"), self.findings),
                             (self.tr("问题清单"), self.problems),
                             (self.tr("照片和扫描件"), self.files)):
            form.addRow(label, field)
        body = QWidget()
        body.setLayout(form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("保存 (Ctrl+S)"))
        self.save_button.setDefault(True)
        self.save_button.setEnabled(False)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("关闭 (Esc)"))
        cancel.setAutoDefault(False)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, self.submit)
        footer = QHBoxLayout()
        footer.addWidget(self.status, 1)
        footer.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(scroll, 1)
        layout.addLayout(footer)
        self._connect_changes()
        self.link.currentIndexChanged.connect(self._link_chosen)

    def _connect_changes(self) -> None:
        for combo in (self.kind, self.link):
            combo.currentIndexChanged.connect(self.touch)
        self.leader.editTextChanged.connect(self.touch)
        for edit in (self.start, self.end):
            edit.dateChanged.connect(self.touch)
        for line in (self.participants, self.places, self.unit_names):
            line.textChanged.connect(self.touch)
        for box in (self.purpose, self.findings):
            box.textChanged.connect(self.touch)
        self.problems.changed.connect(self.touch)
        self.files.changed.connect(self.touch)

    # -- choices and initial values ----------------------------------------
    def _loaded(self, result: tuple[list[AssignmentView], list[TargetChoice]]) -> None:
        self.links, self.units = result
        self.link.blockSignals(True)
        self.link.addItem(self.tr("（不关联联系点）"), None)
        for a in self.links:
            self.link.addItem(f"{a.leader_name} → {a.target_name}（{a.kind}，{a.period}）", a.id)
        self.link.blockSignals(False)
        self.leader.addItems(sorted({a.leader_name for a in self.links}))
        self.leader.setEditText("")
        self.problems.set_units(self.units)
        self.unit_names.setCompleter(QCompleter([u.name for u in self.units], self))
        if self.detail is not None:
            self._show_detail(self.detail)
        if self._restore:
            self.restore(self._restore)
        self.ready = True
        self._dirty = False
        self.save_button.setEnabled(True)
        self.kind.setFocus()

    def _show_detail(self, d: VisitDetail) -> None:
        self.restore({
            "kind": d.kind, "start_on": d.start_on.isoformat(), "end_on": d.end_on.isoformat(),
            "assignment_id": d.assignment_id, "leader_name": d.leader_name,
            "participants": "、".join(d.participants), "places": d.places,
            "units": "、".join(d.unit_names), "purpose": d.purpose, "findings": d.findings})
        self.files.show_stored(d.attachments)

    def _link_chosen(self) -> None:
        link = next((a for a in self.links if a.id == self.link.currentData()), None)
        if link is not None:
            self.leader.setEditText(link.leader_name)
            if not self.places.text():
                self.places.setText(link.target_name)

    # -- the draft -------------------------------------------------------------
    def fields(self) -> dict[str, Any]:
        """The form as JSON-ready values (what a draft keeps)."""
        return {
            "kind": self.kind.currentText(), "start_on": picked(self.start).isoformat(),
            "end_on": picked(self.end).isoformat(), "assignment_id": self.link.currentData(),
            "leader_name": self.leader.currentText(), "participants": self.participants.text(),
            "places": self.places.text(), "units": self.unit_names.text(),
            "purpose": self.purpose.toPlainText(), "findings": self.findings.toPlainText(),
            "problems": self.problems.to_json(),
            "files": [str(p) for p in self.files.new_files()],
            "removed_files": list(self.files.removed),
        }

    def restore(self, f: dict[str, Any]) -> None:
        self.kind.setCurrentText(str(f.get("kind") or VISIT_KINDS[0]))
        for edit, key in ((self.start, "start_on"), (self.end, "end_on")):
            if f.get(key):
                edit.setDate(QDate(date.fromisoformat(f[key])))
        self.link.setCurrentIndex(max(0, self.link.findData(f.get("assignment_id"))))
        self.leader.setEditText(str(f.get("leader_name") or ""))
        for line, key in ((self.participants, "participants"), (self.places, "places"),
                          (self.unit_names, "units")):
            line.setText(str(f.get(key) or ""))
        self.purpose.setPlainText(str(f.get("purpose") or ""))
        self.findings.setPlainText(str(f.get("findings") or ""))
        if f.get("problems"):
            self.problems.from_json(f["problems"])
        if f.get("files"):
            self.files.add_files([Path(p) for p in f["files"] if Path(p).exists()])
        self.files.removed = list(f.get("removed_files") or [])

    def touch(self) -> None:
        if not self.ready:
            return
        self._dirty = True
        if not self._soon.isActive():
            self._soon.start()

    def save_draft(self) -> None:
        if not self._dirty:
            return
        try:
            saved = visits.save_draft(self.ws.paths, self.actor, self.draft_id,
                                      self.fields(), visit_id=self.detail.id if self.detail
                                      else None)
        except OSError as exc:
            self.status.setText(self.tr("草稿无法保存：{0}").format(exc.strerror or exc))
            return
        self._dirty = False
        self.status.setText(self.tr("草稿已自动保存 {0}").format(
            saved.saved_at.strftime("%H:%M:%S")))

    def discard_draft(self) -> None:
        self._tick.stop()
        self._soon.stop()
        self._dirty = False
        visits.discard_draft(self.ws.paths, self.actor, self.draft_id)

    # -- saving ------------------------------------------------------------
    def visit_input(self) -> VisitInput:
        by_name = {u.name: u.code for u in self.units}
        names = split_names(self.unit_names.text())
        unknown = [n for n in names if n not in by_name]
        if unknown:
            raise ValidationError.single("走访单位", "、".join(unknown), self.tr(
                "找不到单位：{0}。请从提示列表中选择单位名称。").format("、".join(unknown)),
                "unknown_unit")
        return VisitInput(
            kind=self.kind.currentText(), start_on=picked(self.start), end_on=picked(self.end),
            leader_name=self.leader.currentText(), assignment_id=self.link.currentData(),
            participants=split_names(self.participants.text()), places=self.places.text(),
            unit_ids=tuple(by_name[n] for n in names), purpose=self.purpose.toPlainText(),
            findings=self.findings.toPlainText(), issues=self.problems.problems(),
            attachments=self.files.new_files(), remove_attachments=tuple(self.files.removed))

    def submit(self) -> None:
        if not self.ready or not self.save_button.isEnabled():
            return
        self.save_draft()
        try:
            data = self.visit_input()
        except ValidationError as exc:
            self._refused(exc)
            return
        self.save_button.setEnabled(False)
        if self.detail is None:
            ops.run_write(self, self.ws, visits.create_visit, self.ws.paths, data,
                          label=self.tr("保存走访记录"), on_success=self._saved,
                          on_error=self._refused)
        else:
            ops.run_write(self, self.ws, visits.update_visit, self.ws.paths, self.detail.id,
                          data, label=self.tr("保存走访记录"), on_success=self._saved,
                          on_error=self._refused)

    def _saved(self, outcome: Any) -> None:
        self.saved_visit = outcome.value
        self.discard_draft()
        self.accept()

    def _refused(self, exc: BaseException) -> bool:
        self.save_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            set_message(self.message, describe(exc))
            return True
        return False

    def reject(self) -> None:
        """Esc: keep the draft for later, throw it away, or go back to the form."""
        if self.ready and self.has_content():
            answer = QMessageBox.question(
                self, self.tr("关闭走访记录"),
                self.tr("这次录入还没有保存。保留草稿，下次可以继续编辑吗？\n"
                        "选“否”将丢弃草稿。"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
                | QMessageBox.StandardButton.Cancel)
            if answer == QMessageBox.StandardButton.Cancel:
                return
            if answer == QMessageBox.StandardButton.Yes:
                self._dirty = True
                self.save_draft()
                self._tick.stop()
            else:
                self.discard_draft()
        else:
            self.discard_draft()
        super().reject()

    def has_content(self) -> bool:
        typed = (self.participants.text(), self.places.text(), self.unit_names.text(),
                 self.purpose.toPlainText(), self.findings.toPlainText())
        return any(t.strip() for t in typed) or bool(self.problems.problems()) \
            or bool(self.files.new_files()) or self.detail is not None
