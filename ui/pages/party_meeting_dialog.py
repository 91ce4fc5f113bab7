"""The meeting record form: particulars, minutes, and the attendance sheet of the
members the organisation had on that day (应到 is never typed)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from bzdesk.services import party
from ui import ops
from ui.pages.party_common import date_edit, fill_orgs, make_table, picked
from ui.pages.party_models import AttendanceModel
from ui.widgets import FormDialog, Problems

if TYPE_CHECKING:
    from PySide6.QtCore import QModelIndex, QPersistentModelIndex

    from bzdesk.workspace import Workspace


class StatusDelegate(QStyledItemDelegate):
    """出席情况 picked from a list, never typed."""

    def __init__(self, model: AttendanceModel, parent: QWidget) -> None:
        super().__init__(parent)
        self.model = model

    def createEditor(self, parent: QWidget, _option: QStyleOptionViewItem,
                     _index: QModelIndex | QPersistentModelIndex) -> QWidget:
        box = QComboBox(parent)
        box.addItems(self.model.statuses)
        return box


class MeetingDialog(FormDialog):
    def __init__(self, ws: Workspace, orgs: list[party.OrgView],
                 types: list[party.ActivityTypeView], parent: QWidget | None = None, *,
                 view: party.ActivityView | None = None, org_id: str | None = None) -> None:
        super().__init__(ws, self.tr("修改活动记录") if view else self.tr("登记活动记录"),
                         parent)
        self.setMinimumWidth(640)
        self.view = view
        row = view.row if view else None
        self.org = QComboBox()
        fill_orgs(self.org, orgs)
        self.org.setCurrentIndex(max(0, self.org.findData(row.org_id if row else org_id)))
        self.kinds = {t.id: t for t in types}
        self.org_kinds = {o.id: (o.kind, o.office_id) for o in orgs}
        self.kind = QComboBox()
        self.date = date_edit(row.held_on if row else None)
        self.place = QLineEdit(view.place if view else "")
        self.host = QLineEdit(view.host if view else "")
        self.recorder = QLineEdit(view.recorder if view else "")
        self.topic = QLineEdit(row.topic if row else "")
        self.first = QCheckBox(self.tr("第一议题（首先学习最新重要讲话、重要指示精神）"))
        self.first.setChecked(bool(row and row.first_topic))
        self.content = QPlainTextEdit(view.content if view else "")
        self.resolutions = QPlainTextEdit(view.resolutions if view else "")
        for text in (self.content, self.resolutions):
            text.setMaximumHeight(90)
        self.attendance = AttendanceModel()
        self.sheet = make_table(self.attendance, editable=True)
        self.sheet.setItemDelegateForColumn(1, StatusDelegate(self.attendance, self.sheet))
        self.sheet.setMinimumHeight(160)
        self.counts = QLabel()
        self.all_present = QPushButton(self.tr("全部出席"))
        self.all_present.clicked.connect(lambda: self.attendance.set_all("出席"))
        self.attendance.counts_changed.connect(self._show_counts)
        for key, label, widget in (
                ("党组织", self.tr("党组织"), self.org),
                ("活动类型", self.tr("活动类型"), self.kind),
                ("活动日期", self.tr("日期"), self.date), ("地点", self.tr("地点"), self.place),
                ("主持人", self.tr("主持人"), self.host),
                ("记录人", self.tr("记录人"), self.recorder),
                ("主题", self.tr("主题"), self.topic)):
            self.form.add(key, label, widget)
        self.form.add_row("", self.first)
        self.form.add_row(self.tr("会议内容"), self.content)
        self.form.add_row(self.tr("决议"), self.resolutions)
        counts_row = QHBoxLayout()
        counts_row.addWidget(self.counts, 1)
        counts_row.addWidget(self.all_present)
        box = QWidget()
        box.setLayout(counts_row)
        self.form.add_row(self.tr("出席情况"), box)
        self.form.add_row("", self.sheet)
        self.org.currentIndexChanged.connect(self._org_chosen)
        self.kind.currentIndexChanged.connect(self._kind_chosen)
        self.date.dateChanged.connect(self._load_expected)
        if view is not None:
            kind = self.kinds.get(view.row.type_id)
            self.attendance.whole = kind is None or kind.whole_membership
            self.attendance.replace(view.attendance)
        self._org_chosen()

    def _org_chosen(self) -> None:
        """Offer the types that apply to the organisation's kind (and the record's own)."""
        current = self.kind.currentData() or (self.view.row.type_id if self.view else None)
        org_kind, office = self.org_kinds.get(self.org.currentData(), ("", ""))
        self.kind.blockSignals(True)
        self.kind.clear()
        for t in self.kinds.values():
            fits = t.active and org_kind in t.applies_to and t.office_id == office
            if fits or t.id == current:
                self.kind.addItem(t.name, t.id)
        self.kind.setCurrentIndex(max(0, self.kind.findData(current)))
        self.kind.blockSignals(False)
        self._kind_chosen()
        self._load_expected()
        self.revalidate()

    def _kind_chosen(self) -> None:
        kind = self.kinds.get(self.kind.currentData())
        self.attendance.set_whole(kind is None or kind.whole_membership)
        self.all_present.setText(self.tr("全部出席") if self.attendance.whole
                                 else self.tr("全部参加并出席"))

    def _load_expected(self) -> None:
        org_id = self.org.currentData()
        if org_id is None:
            self.attendance.replace([])
            return
        ops.run_read(self, self.ws, party.expected_members, org_id, picked(self.date),
                     on_success=self._expected)

    def _expected(self, members: list[tuple[str, str]]) -> None:
        before = {r.member_id: r for r in self.attendance.rows}
        default = self.attendance.default_status()
        self.attendance.replace([
            before.get(member_id) or party.AttendanceView(member_id, name, default, "")
            for member_id, name in members])

    def _show_counts(self) -> None:
        a = self.attendance
        self.counts.setText(self.tr("应到 {0} 人，实到 {1} 人，请假 {2} 人，缺席 {3} 人").format(
            len(a.expected()), a.count("出席"), a.count("请假"), a.count("缺席")))

    def problems(self) -> Problems:
        found: Problems = {}
        if self.org.currentData() is None:
            found["党组织"] = self.tr("请先建立党组织。")
        if self.kind.currentData() is None:
            found["活动类型"] = self.tr("这个组织没有适用的活动类型。")
        if not self.topic.text().strip():
            found["主题"] = self.tr("请填写活动主题。")
        if picked(self.date) > date.today():
            found["活动日期"] = self.tr("活动日期不能晚于今天。")
        return found

    def activity_input(self) -> party.ActivityInput:
        return party.ActivityInput(
            self.org.currentData(), self.kind.currentData(), picked(self.date), self.topic.text(),
            self.place.text(), self.host.text(), self.recorder.text(),
            self.content.toPlainText(), self.resolutions.toPlainText(),
            first_topic=self.first.isChecked(),
            attendance=tuple(party.AttendanceEntry(r.member_id, r.status, r.reason)
                             for r in self.attendance.expected()))

    def submit(self) -> None:
        if self.view is None:
            self.write(party.record_activity, self.activity_input(), label=self.tr("登记活动"))
        else:
            self.write(party.update_activity, self.view.id, self.activity_input(),
                       label=self.tr("修改活动记录"))
