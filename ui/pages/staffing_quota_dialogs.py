"""核定编制 (every 编制类型 of a unit side by side, one document and date for the
lines that change) and 领导职数 (正职 and 副职 approved separately)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QGridLayout, QLabel, QLineEdit, QSpinBox, QWidget

from bzdesk.services import staffing
from bzdesk.services.staffing import CategoryView, LeaderPostInput, QuotaInput, UnitView
from bzdesk.services.staffing.page_queries import set_quotas
from bzdesk.services.staffing.quotas import MAX_LEADERS
from ui.pages.staffing_common import StaffingDialog, count_box, date_edit, picked
from ui.widgets import Problems

if TYPE_CHECKING:
    from bzdesk.workspace import Workspace

AHEAD = timedelta(days=366)  # approvals are recorded up to a year ahead (as the service allows)


def _effective_edit() -> QDateEdit:
    edit = date_edit()
    edit.setMaximumDate(QDate(date.today() + AHEAD))
    return edit


class QuotaDialog(StaffingDialog):
    """核定编制: one row per 编制类型 with the line in force and the new count."""

    def __init__(self, ws: Workspace, unit: UnitView, categories: Sequence[CategoryView],
                 current: Mapping[str, int], parent: QWidget | None = None) -> None:
        super().__init__(ws, self.tr("核定编制：{0}").format(unit.name), parent)
        self.unit = unit
        self.current = dict(current)
        self.counts: dict[str, QSpinBox] = {}
        grid_box = QWidget()
        grid = QGridLayout(grid_box)
        grid.setContentsMargins(0, 0, 0, 0)
        for column, title in enumerate((self.tr("编制类型"), self.tr("现核定"),
                                        self.tr("新核定"))):
            grid.addWidget(QLabel(f"<b>{title}</b>"), 0, column)
        for row, category in enumerate(categories, start=1):
            now = self.current.get(category.id, 0)
            box = count_box(now)
            box.setAccessibleName(category.name)
            box.valueChanged.connect(self._count_changed)
            self.counts[category.id] = box
            grid.addWidget(QLabel(category.name), row, 0)
            grid.addWidget(QLabel(self.tr("{0} 名").format(now)), row, 1)
            grid.addWidget(box, row, 2)
        self.doc = QLineEdit()
        self.doc.setPlaceholderText(self.tr("核定编制的文件文号"))
        self.effective = _effective_edit()
        self.form.add("核定编制数", self.tr("核定编制数"), grid_box)
        self.form.add("文号", self.tr("文号"), self.doc)
        self.form.add("生效日期", self.tr("生效日期"), self.effective)
        note = QLabel(self.tr("各编制类型分别核定，不相加；只写入改动了的编制类型。"
                              "现核定不含向周转池借用的编制。"))
        note.setWordWrap(True)
        self.form.add_row("", note)
        self.revalidate()

    def _count_changed(self) -> None:
        self.form.touch_all()
        self.revalidate()

    def changed(self) -> list[tuple[str, int]]:
        return [(cid, box.value()) for cid, box in self.counts.items()
                if box.value() != self.current.get(cid, 0)]

    def problems(self) -> Problems:
        if not self.changed():
            return {"核定编制数": self.tr("请修改至少一种编制类型的核定数。")}
        return {}

    def submit(self) -> None:
        day = picked(self.effective)
        inputs = [QuotaInput(self.unit.id, cid, count, day, self.doc.text())
                  for cid, count in self.changed()]
        self.write(set_quotas, inputs, label=self.tr("核定编制"))


class LeaderDialog(StaffingDialog):
    """领导职数: approved 正职 and 副职, with the leaders now in post beside them."""

    def __init__(self, ws: Workspace, unit: UnitView, leader: staffing.LeaderRow,
                 parent: QWidget | None = None) -> None:
        super().__init__(ws, self.tr("核定领导职数：{0}").format(unit.name), parent)
        self.unit = unit
        self.leader = leader
        self.chief = count_box(leader.chief_approved, maximum=MAX_LEADERS)
        self.deputy = count_box(leader.deputy_approved, maximum=MAX_LEADERS)
        self.doc = QLineEdit()
        self.doc.setPlaceholderText(self.tr("核定职数的文件文号"))
        self.effective = _effective_edit()
        self.form.add("正职职数", self.tr("正职职数"), self.chief)
        self.form.add_row("", QLabel(self.tr("现核定 {0} 名，实配 {1} 名").format(
            leader.chief_approved, leader.chief_filled)))
        self.form.add("副职职数", self.tr("副职职数"), self.deputy)
        self.form.add_row("", QLabel(self.tr("现核定 {0} 名，实配 {1} 名").format(
            leader.deputy_approved, leader.deputy_filled)))
        self.form.add("文号", self.tr("文号"), self.doc)
        self.form.add("生效日期", self.tr("生效日期"), self.effective)
        for box in (self.chief, self.deputy):
            box.valueChanged.connect(self._count_changed)
        self.revalidate()

    def _count_changed(self) -> None:
        self.form.touch_all()
        self.revalidate()

    def problems(self) -> Problems:
        if (self.chief.value(), self.deputy.value()) == (self.leader.chief_approved,
                                                         self.leader.deputy_approved):
            return {"正职职数": self.tr("职数没有改动。")}
        return {}

    def submit(self) -> None:
        self.write(staffing.set_leader_posts, LeaderPostInput(
            self.unit.id, self.chief.value(), self.deputy.value(),
            picked(self.effective), self.doc.text()),
            label=self.tr("核定领导职数"))
