"""中小学教职工编制 calculator: pupils per school and 学段 (typed into the table),
the ratio table (administrators edit it), standard posts against current 核定,
the gap, and the proposed moves through the pool, which 接受 writes."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from bzdesk.errors import ValidationError
from bzdesk.roles import Can
from bzdesk.services import staffing
from bzdesk.services.staffing import (
    UNIFIED_SCHEME,
    AcceptProposalInput,
    ProposedMove,
    PupilsInput,
    SchoolRow,
    TeacherRatioInput,
    TeacherRatioView,
    UnitView,
)
from bzdesk.services.staffing._common import add_months
from bzdesk.services.staffing.catalog import parse_ratio
from bzdesk.services.staffing.page_queries import TeacherOverview, teacher_overview
from bzdesk.services.staffing.teachers import MAX_PUPILS
from ui import ops
from ui.models import Column, RowsModel
from ui.pages.base import PageContext
from ui.pages.staffing_common import (
    RIGHT,
    SHORT,
    SURPLUS,
    StaffingDialog,
    StaffingTab,
    button_row,
    category_box,
    chosen,
    count_box,
    date_edit,
    fill_units,
    make_table,
    permit,
    picked,
    titled,
)
from ui.pages.staffing_models import EditableRows
from ui.widgets import OK_STYLE, Problems, hint_label, set_message

if TYPE_CHECKING:
    from bzdesk.workspace import Workspace

STAGES = ("高中", "初中", "小学")
FIRST_STAGE = 2  # the column of 高中 in the schools table
DEFAULT_AREA = "县镇"


def _pupils(row: SchoolRow, stage: str) -> str:
    return next((str(n) for s, n in row.pupils if s == stage), "")


def _stage_column(title: str, stage: str) -> Column[SchoolRow]:
    return Column(title, lambda r: _pupils(r, stage), RIGHT)


def _gap(row: SchoolRow) -> str:
    return f"+{row.gap}" if row.gap > 0 else str(row.gap)


class AcceptDialog(StaffingDialog):
    """接受调整方案: the proposal's 收回 and 借出 lines in one write."""

    def __init__(self, ws: Workspace, category_id: str, moves: tuple[ProposedMove, ...],
                 parent: QWidget | None = None) -> None:
        super().__init__(ws, self.tr("接受调整方案"), parent, ok_text=self.tr("接受并写入"))
        self.category_id = category_id
        self.moves = moves
        lines = QLabel("\n".join(self.tr("{0} {1} {2} 名").format(m.kind, m.unit, m.count)
                                 for m in moves))
        self.day = date_edit()
        self.day.setMaximumDate(QDate.currentDate())
        self.due = date_edit(add_months(date.today(), 12))
        self.doc = QLineEdit()
        self.doc.setPlaceholderText(self.tr("动态调整文件的文号"))
        self.form.add_row(self.tr("调整方案"), lines)
        self.form.add("调整日期", self.tr("调整日期"), self.day)
        self.form.add("归还期限", self.tr("借出的归还期限"), self.due)
        self.form.add("文号", self.tr("文号"), self.doc)
        self.due.dateChanged.connect(lambda _d: self.revalidate())
        self.revalidate()

    def problems(self) -> Problems:
        if picked(self.due) <= picked(self.day):
            return {"归还期限": self.tr("归还期限应晚于调整日期。")}
        return {}

    def submit(self) -> None:
        self.write(staffing.accept_proposal, AcceptProposalInput(
            self.category_id, self.moves, picked(self.day), picked(self.due), self.doc.text()),
            label=self.tr("教职工编制动态调整"))


class SchoolDialog(StaffingDialog):
    """A school's pupils of one 学段 (a school not yet in the table, or a new 学段)."""

    def __init__(self, ws: Workspace, units: list[UnitView], year: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(ws, self.tr("录入在校学生数（{0} 学年）").format(year), parent)
        self.year = year
        self.unit = QComboBox()
        fill_units(self.unit, [u for u in units if u.kind == "事业单位"])
        self.stage = QComboBox()
        self.stage.addItems(list(STAGES))
        self.area = QComboBox()
        self.area.addItems(list(staffing.choices("area")))
        self.area.setCurrentText(DEFAULT_AREA)
        self.pupils = count_box(0, maximum=MAX_PUPILS)
        self.pupils.setSuffix(self.tr(" 人"))
        self.form.add("机构", self.tr("学校"), self.unit)
        self.form.add("学段", self.tr("学段"), self.stage)
        self.form.add("学校所在地", self.tr("学校所在地"), self.area)
        self.form.add("在校学生数", self.tr("在校学生数"), self.pupils)
        self.unit.editTextChanged.connect(lambda _t: self.revalidate())
        self.revalidate()

    def problems(self) -> Problems:
        return {} if chosen(self.unit) else {"机构": self.tr("请从列表中选择学校。")}

    def submit(self) -> None:
        unit_id = chosen(self.unit)
        assert unit_id is not None
        self.write(staffing.set_pupils, PupilsInput(
            unit_id, self.year, self.stage.currentText(), self.pupils.value(),
            self.area.currentText()), label=self.tr("录入在校学生数"))


class TeachersTab(StaffingTab):
    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.view: TeacherOverview | None = None
        self._asked = 0  # the newest read: older answers are dropped
        self.units: list[UnitView] = []
        self.year = QSpinBox()
        self.year.setRange(1990, date.today().year + 1)
        self.year.setValue(date.today().year)
        self.year.setSuffix(self.tr(" 学年"))
        self.scheme = QComboBox()
        self.scheme.addItem(UNIFIED_SCHEME)
        self.category = category_box([])
        self.schools: EditableRows[SchoolRow] = EditableRows([
            Column(self.tr("学校"), lambda r: r.unit),
            Column(self.tr("所在地"), lambda r: self._area(r.unit_id)),
            *(_stage_column(self.tr("{0}学生").format(stage), stage) for stage in STAGES),
            Column(self.tr("标准编制"), lambda r: str(r.standard), RIGHT),
            Column(self.tr("现有核定"), lambda r: str(r.approved), RIGHT),
            Column(self.tr("实有"), lambda r: str(r.filled), RIGHT),
            Column(self.tr("空编"), lambda r: str(r.vacant), RIGHT),
            Column(self.tr("缺口"), _gap, RIGHT),
        ], lambda r: SHORT if r.gap > 0 else SURPLUS if r.gap < 0 else "",
            frozenset(range(FIRST_STAGE, FIRST_STAGE + len(STAGES))), self._edit_pupils)
        self.ratios: EditableRows[TeacherRatioView] = EditableRows([
            Column(self.tr("编制标准"), lambda r: r.scheme),
            Column(self.tr("学段"), lambda r: r.stage),
            Column(self.tr("所在地"), lambda r: r.area or self.tr("（不分）")),
            Column(self.tr("每名教职工对应学生数"), lambda r: r.pupils_per_post, RIGHT),
        ], lambda _r: "", frozenset({3}), self._edit_ratio)
        self.proposal: RowsModel[ProposedMove] = RowsModel([
            Column(self.tr("业务"), lambda m: m.kind),
            Column(self.tr("学校"), lambda m: m.unit),
            Column(self.tr("编制数"), lambda m: str(m.count), RIGHT),
        ])
        self.schools.writable = self.writer
        self.ratios.writable = self.actor.can(Can.ADMINISTER)
        self.school_table = make_table(self.schools, stretch=0, editable=True)
        self.ratio_table = make_table(self.ratios, stretch=0, editable=True)
        self.proposal_table = make_table(self.proposal, stretch=1)
        self.message = hint_label(OK_STYLE)
        self.pool_label = QLabel()
        self.add_button = QPushButton(self.tr("录入学校学生数…"))
        self.accept_button = QPushButton(self.tr("接受调整方案…"))
        self.add_button.clicked.connect(self.add_school)
        self.accept_button.clicked.connect(self.accept_proposal)
        for signal in (self.year.valueChanged, self.scheme.currentIndexChanged,
                       self.category.currentIndexChanged):
            signal.connect(lambda _v: self.reload())
        bottom = QSplitter()
        bottom.addWidget(titled(self.tr("教职工编制标准（管理员可修改）"), self.ratio_table))
        proposal = titled(self.tr("调整方案（通过周转池）"), self.proposal_table)
        proposal_layout = proposal.layout()
        assert proposal_layout is not None
        proposal_layout.addWidget(self.pool_label)
        proposal_layout.addWidget(self.accept_button)
        bottom.addWidget(proposal)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.school_table)
        split.addWidget(bottom)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(button_row(QLabel(self.tr("学年")), self.year, QLabel(self.tr("编制标准")),
                                    self.scheme, QLabel(self.tr("编制类型")), self.category,
                                    self.add_button, stretch_at=6))
        layout.addWidget(QLabel(self.tr("双击学生数即可修改；标准编制按各学段学生数除以师生比、"
                                        "向上取整后相加。黄色：低于标准；蓝色：高于标准。")))
        layout.addWidget(self.message)
        layout.addWidget(split, 1)
        self._update_buttons()

    def _area(self, unit_id: str) -> str:
        return self.view.areas.get(unit_id, "") if self.view else ""

    def reload(self) -> None:
        year = self.year.value() if self.view is not None else None
        self._asked += 1
        asked = self._asked
        ops.run_read(self, self.ws, teacher_overview, year, scheme=self.scheme.currentText(),
                     category_id=self.category.currentData(),
                     on_success=lambda view: self._show(view) if asked == self._asked else None)
        if not self.category.count():
            ops.run_read(self, self.ws, staffing.list_categories, on_success=self._categories)
        ops.run_read(self, self.ws, staffing.list_units, include_closed=False,
                     on_success=self._units)

    def _units(self, units: list[UnitView]) -> None:
        self.units = units

    def _categories(self, categories: list[staffing.CategoryView]) -> None:
        self.category.blockSignals(True)
        for c in categories:
            self.category.addItem(c.name, c.id)
        if self.view is not None:
            self.category.setCurrentIndex(max(0, self.category.findData(
                self.view.report.category_id)))
        self.category.blockSignals(False)

    def _show(self, view: TeacherOverview) -> None:
        self.view = view
        report = view.report
        self.year.blockSignals(True)
        self.year.setValue(report.year)
        self.year.blockSignals(False)
        self.scheme.blockSignals(True)
        self.scheme.clear()
        self.scheme.addItems(list(view.schemes))
        self.scheme.setCurrentText(report.scheme)
        self.scheme.blockSignals(False)
        self.category.blockSignals(True)
        self.category.setCurrentIndex(max(0, self.category.findData(report.category_id)))
        self.category.blockSignals(False)
        self.schools.replace(report.rows)
        self.ratios.replace(view.ratios)
        self.proposal.replace(report.proposal)
        self.pool_label.setText(self.tr("周转池可用 {0} 名；方案先收回高于标准学校的空编，"
                                        "再按缺口从大到小借出。").format(report.pool_balance))
        self._update_buttons()

    def _update_buttons(self) -> None:
        why = self.tr("您的角色只能查看，不能调整编制。")
        permit(self.add_button, self.writer, why)
        has = bool(self.proposal.rows)
        permit(self.accept_button, self.writer and has,
               why if not self.writer else self.tr("没有需要调整的学校。"))

    def _edit_pupils(self, row: SchoolRow, column: int, text: str) -> SchoolRow | None:
        stage = STAGES[column - FIRST_STAGE]
        digits = unicodedata.normalize("NFKC", text).strip()
        if not digits.isdigit() or int(digits) > MAX_PUPILS:
            set_message(self.message, self.tr(
                "学生数应为 0 到 {0} 之间的整数（现为“{1}”）。").format(MAX_PUPILS, text))
            return None
        pupils = int(digits)
        set_message(self.message, "")
        ops.run_write(self, self.ws, staffing.set_pupils, PupilsInput(
            row.unit_id, self.year.value(), stage, pupils,
            self._area(row.unit_id) or DEFAULT_AREA),
            label=self.tr("录入在校学生数"), on_error=self._refused)
        others = tuple((s, n) for s, n in row.pupils if s != stage)
        return replace(row, pupils=(*others, (stage, pupils)))

    def _edit_ratio(self, row: TeacherRatioView, _column: int,
                    text: str) -> TeacherRatioView | None:
        try:
            ratio = parse_ratio(text)
        except ValidationError as exc:
            set_message(self.message, exc.message)
            return None
        set_message(self.message, "")
        ops.run_write(self, self.ws, staffing.set_teacher_ratio, TeacherRatioInput(
            row.scheme, row.stage, ratio, row.area), label=self.tr("修改教职工编制标准"),
            on_error=self._refused)
        return replace(row, pupils_per_post=ratio)

    def _refused(self, exc: BaseException) -> bool:
        self.refresh()  # the table shows what is stored again
        return False

    def school_dialog(self) -> SchoolDialog:
        return SchoolDialog(self.ws, self.units, self.year.value(), self)

    def add_school(self) -> None:
        if self.writer:
            self.school_dialog().open()

    def accept_dialog(self) -> AcceptDialog | None:
        if self.view is None or not self.proposal.rows:
            return None
        return AcceptDialog(self.ws, self.view.report.category_id, self.view.report.proposal,
                            self)

    def accept_proposal(self) -> None:
        dialog = self.accept_dialog() if self.writer else None
        if dialog is not None:
            dialog.open()

    def main_dialogs(self) -> list[Callable[[], QDialog]]:
        return [self.school_dialog] if self.writer else []
