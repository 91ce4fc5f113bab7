"""活动记录: the records of one organisation (with its 党小组) and year, newest first,
paged as the clerk scrolls; record, edit, delete, attach scans, print the record."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bzdesk.roles import Can
from bzdesk.services import party
from ui import ops
from ui.models import Column, PagedModel
from ui.pages.base import PageContext
from ui.pages.party_common import PartyTab, fill_orgs, make_table, selected_row, year_box
from ui.pages.party_meeting_dialog import MeetingDialog
from ui.widgets import OK_STYLE, hint_label, set_message

PAGE = 200
RIGHT = Qt.AlignmentFlag.AlignRight


class MeetingsTab(PartyTab):
    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.orgs: list[party.OrgView] = []
        self.types: list[party.ActivityTypeView] = []
        self.model: PagedModel[party.ActivityRow] = PagedModel([
            Column(self.tr("日期"), lambda r: r.held_on.isoformat()),
            Column(self.tr("党组织"), lambda r: r.org_name),
            Column(self.tr("类型"), lambda r: r.type_name),
            Column(self.tr("主题"), lambda r: r.topic),
            Column(self.tr("第一议题"), lambda r: "✓" if r.first_topic else ""),
            Column(self.tr("应到"), lambda r: str(r.expected), RIGHT),
            Column(self.tr("实到"), lambda r: str(r.present), RIGHT),
            Column(self.tr("请假"), lambda r: str(r.leave), RIGHT),
            Column(self.tr("缺席"), lambda r: str(r.absent), RIGHT),
        ], self._next_page, PAGE)
        self.table = make_table(self.model, stretch=3)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(self.edit)
        self.org = QComboBox()
        self.year = year_box()
        self.kind = QComboBox()
        self.kind.addItem(self.tr("全部类型"), None)
        for box in (self.org, self.kind):
            box.currentIndexChanged.connect(self._load)
        self.year.valueChanged.connect(self._load)
        self.add_button = QPushButton(self.tr("登记活动…"))
        self.edit_button = QPushButton(self.tr("修改…"))
        self.remove_button = QPushButton(self.tr("删除"))
        self.attach_button = QPushButton(self.tr("添加附件…"))
        self.print_button = QPushButton(self.tr("打印记录…"))
        self.message = hint_label(OK_STYLE)
        filters = QHBoxLayout()
        for label, widget in ((self.tr("党组织"), self.org), (self.tr("年度"), self.year),
                              (self.tr("类型"), self.kind)):
            filters.addWidget(QLabel(label))
            filters.addWidget(widget)
        filters.addStretch(1)
        buttons = QHBoxLayout()
        for button, slot in ((self.add_button, self.add), (self.edit_button, self.edit),
                             (self.remove_button, self.remove),
                             (self.attach_button, self.attach),
                             (self.print_button, self.print_record)):
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.table)
        self._update_buttons()
        self.reload()

    def reload(self) -> None:
        ops.run_read(self, self.ws, _choices, on_success=self._choices)

    def _choices(self, found: tuple[list[party.OrgView], list[party.ActivityTypeView]]) -> None:
        self.orgs, self.types = found
        fill_orgs(self.org, self.orgs, everyone=self.tr("全部组织"))
        current = self.kind.currentData()
        self.kind.blockSignals(True)
        while self.kind.count() > 1:
            self.kind.removeItem(1)
        for t in self.types:
            self.kind.addItem(t.name, t.id)
        self.kind.setCurrentIndex(max(0, self.kind.findData(current)))
        self.kind.blockSignals(False)
        self._load()

    def query(self, after: party.ActivityRow | None = None) -> party.ActivityQuery:
        return party.ActivityQuery(self.org.currentData(), self.year.value(),
                                   self.kind.currentData(),
                                   (after.held_on, after.id) if after else None, PAGE)

    def _load(self) -> None:
        ops.run_read(self, self.ws, party.list_activities, self.query(),
                     on_success=self._loaded)

    def _loaded(self, rows: list[party.ActivityRow]) -> None:
        self.model.restart(rows)
        self._update_buttons()

    def _next_page(self, after: party.ActivityRow | None) -> list[party.ActivityRow]:
        rows: list[party.ActivityRow] = self.ws.read(party.list_activities, self.query(after))
        return rows

    def selected(self) -> party.ActivityRow | None:
        return self.model.row_at(selected_row(self.table))

    def _update_buttons(self) -> None:
        can, row = self.actor.can(Can.WRITE), self.selected()
        self.add_button.setEnabled(can and bool(self.orgs))
        for button in (self.edit_button, self.remove_button, self.attach_button):
            button.setEnabled(can and row is not None)
        self.print_button.setEnabled(row is not None)

    def new_dialog(self) -> MeetingDialog:
        return MeetingDialog(self.ws, self.orgs, self.types, self,
                             org_id=self.org.currentData())

    def add(self) -> None:
        self.new_dialog().open()

    def edit(self) -> None:
        row = self.selected()
        if row is not None and self.actor.can(Can.WRITE):
            ops.run_read(self, self.ws, party.get_activity, row.id, on_success=lambda view:
                         MeetingDialog(self.ws, self.orgs, self.types, self, view=view).open())

    def remove(self) -> None:
        row = self.selected()
        if row is None:
            return
        answer = QMessageBox.question(self, self.tr("删除活动记录"), self.tr(
            "删除 {0} {1}“{2}”的记录吗？删除后不再计入统计。").format(
            row.held_on, row.type_name, row.topic))
        if answer == QMessageBox.StandardButton.Yes:
            ops.run_write(self, self.ws, party.remove_activity, row.id,
                          label=self.tr("删除活动记录"))

    def attach(self) -> None:
        row = self.selected()
        if row is None:
            return
        file, _ = QFileDialog.getOpenFileName(self, self.tr("选择照片或扫描件"), "",
                                              self.tr("图片或 PDF (*.jpg *.jpeg *.png *.gif "
                                                      "*.bmp *.webp *.pdf)"))
        if file:
            ops.run_write(self, self.ws, party.add_activity_attachment, self.ws.paths, row.id,
                          Path(file), label=self.tr("添加附件"), on_success=lambda _r:
                          set_message(self.message, self.tr("附件已添加。"), OK_STYLE))

    def print_record(self) -> None:
        row = self.selected()
        if row is None:
            return
        suggested = f"{row.held_on}{row.org_name}{row.type_name}记录.pdf"
        file, _ = QFileDialog.getSaveFileName(self, self.tr("保存会议记录"), suggested,
                                              self.tr("PDF 文件 (*.pdf)"))
        if file:
            from bzdesk.services.party.printing import print_activity

            ops.run_read(self, self.ws, print_activity, row.id, Path(file), long=True,
                         label=self.tr("正在生成会议记录…"), on_success=self._printed)

    def _printed(self, result: Any) -> None:
        set_message(self.message, self.tr("已保存到 {0}（共 {1} 页）").format(
            result.path, result.pages), OK_STYLE)

    def main_dialogs(self) -> list[Callable[[], QDialog]]:
        return [self.new_dialog] if self.orgs else []


def _choices(session: Any, actor: Any) -> tuple[list[party.OrgView],
                                                list[party.ActivityTypeView]]:
    """What the filters and the form pick from, in one read."""
    return party.list_orgs(session, actor), party.list_activity_types(session, actor)
