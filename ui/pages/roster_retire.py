"""退休提醒: who reaches statutory retirement within N months (default 12), soonest
first, with the date each one's schedule gives; those already past it in red."""

from __future__ import annotations

from functools import partial
from typing import Final

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from bzdesk.changes import Area
from bzdesk.services.staffing import RetiringView, retiring_within
from ui import ops
from ui.models import Column
from ui.pages.base import Page, PageContext
from ui.pages.roster_common import TintedRows, make_table

DEFAULT_MONTHS: Final = 12
OVERDUE = "#c62828"


class RetirementTab(Page):
    areas = frozenset({Area.PEOPLE, Area.POSTINGS, Area.UNITS})
    person_chosen = Signal(str)  # double-click: show that person in 花名册

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.months = QSpinBox()
        self.months.setRange(1, 120)
        self.months.setValue(DEFAULT_MONTHS)
        self.months.setSuffix(self.tr(" 个月内"))
        self.months.valueChanged.connect(self.reload)
        self.stale = True  # read when the tab is first opened, not with the page (it scans)
        self.summary = QLabel()
        self.model: TintedRows[RetiringView] = TintedRows([
            Column(self.tr("姓名"), lambda r: r.name),
            Column(self.tr("性别"), lambda r: r.sex),
            Column(self.tr("公民身份号码"), lambda r: r.id_number),
            Column(self.tr("出生日期"), lambda r: r.birth_date.isoformat()),
            Column(self.tr("单位"), lambda r: r.unit),
            Column(self.tr("编制类型"), lambda r: r.category),
            Column(self.tr("退休年龄"), self._age, Qt.AlignmentFlag.AlignRight),
            Column(self.tr("法定退休日期"), lambda r: r.retire_on.isoformat()),
            Column(self.tr("状态"), lambda r: self.tr("已到龄，仍在编") if r.overdue else ""),
        ], lambda r: OVERDUE if r.overdue else "")
        self.table = make_table(self.model)
        self.table.doubleClicked.connect(self._chosen)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("法定退休年龄将到（或已到）的在编人员：")))
        row.addWidget(self.months)
        row.addStretch(1)
        row.addWidget(self.summary)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        note = QLabel(self.tr("退休年龄按 2025 年起渐进式延迟法定退休年龄的规定，"
                              "按出生年月、性别和岗位（工勤编制按女工人）计算。"))
        note.setWordWrap(True)
        note.setStyleSheet("color: #666;")
        layout.addWidget(note)

    def _age(self, r: RetiringView) -> str:
        return self.tr("{0} 岁").format(r.age_years) + (
            self.tr("{0} 个月").format(r.age_months) if r.age_months else "")

    def on_changed(self, changes: frozenset[Area]) -> None:
        if changes & self.areas:
            if self.isVisible():
                self.reload()
            else:
                self.stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stale:
            self.reload()

    def reload(self) -> None:
        self.stale = False
        months = self.months.value()
        ops.run_read(self, self.ws, retiring_within, months,
                     on_success=partial(self._show, months))

    def _show(self, months: int, rows: list[RetiringView]) -> None:
        if months != self.months.value():
            return  # the spin box moved on meanwhile
        self.model.replace(rows)  # one read: a few thousand people at most
        self.table.resizeColumnsToContents()
        overdue = sum(1 for r in rows if r.overdue)
        self.summary.setText(self.tr("共 {0} 人，其中已到龄 {1} 人").format(len(rows), overdue))

    def _chosen(self) -> None:
        person = self.model.row_at(self.table.currentIndex().row())
        if person is not None:
            self.person_chosen.emit(person.person_id)
