"""用编计划: the plans by status with each unit's 空编 today; a clerk applies, an
approver approves (never above 空编) or rejects with a reason."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bzdesk.changes import Area
from bzdesk.roles import Can
from bzdesk.services import staffing
from bzdesk.services.staffing import CategoryView, PlanDecision, PlanInput, UnitView
from bzdesk.services.staffing._common import add_months
from bzdesk.services.staffing.page_queries import PlanLine, Vacancy, plan_lines, vacancy
from bzdesk.services.staffing.plans import MAX_PLAN, PENDING
from ui import ops
from ui.models import Column
from ui.pages.base import PageContext
from ui.pages.staffing_common import (
    RIGHT,
    SHORT,
    StaffingDialog,
    StaffingTab,
    button_row,
    category_box,
    chosen,
    count_box,
    date_edit,
    fill_units,
    live_label,
    make_table,
    permit,
    picked,
    selected_row,
)
from ui.pages.staffing_models import TintedRows
from ui.widgets import OK_STYLE, Problems, set_message

if TYPE_CHECKING:
    from bzdesk.workspace import Workspace

translate = QCoreApplication.translate


def numbers_text(n: Vacancy) -> str:
    return translate("staffing", "核定 {0} 名，实有 {1} 名，在途 {2} 名，空编 {3} 名").format(
        n.approved, n.filled, n.in_transit, n.vacant)


class ApplyDialog(StaffingDialog):
    """申请用编: the unit × 编制类型's numbers shown live as the clerk chooses."""

    def __init__(self, ws: Workspace, units: list[UnitView], categories: list[CategoryView],
                 parent: QWidget | None = None) -> None:
        super().__init__(ws, self.tr("申请用编计划"), parent, ok_text=self.tr("提交申请"))
        self.units = {u.id: u for u in units}
        self.numbers: Vacancy | None = None
        self.unit = QComboBox()
        fill_units(self.unit, units)
        self.category = category_box(categories)
        self.count = count_box(1, minimum=1, maximum=MAX_PLAN)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("如：因人员退休，申请补充工作人员"))
        self.applied = date_edit()
        self.applied.setMaximumDate(QDate.currentDate())
        self.live = live_label()
        f = self.form
        f.add("机构", self.tr("申请机构"), self.unit)
        f.add("编制类型", self.tr("编制类型"), self.category)
        f.add_row(self.tr("当前编制"), self.live)
        f.add("用编数", self.tr("用编数"), self.count)
        f.add("用编理由", self.tr("用编理由"), self.reason)
        f.add("申请日期", self.tr("申请日期"), self.applied)
        self.unit.editTextChanged.connect(lambda _t: self._choice_changed())
        self.unit.currentIndexChanged.connect(lambda _i: self._choice_changed())
        self.category.currentIndexChanged.connect(lambda _i: self._choice_changed())
        self.count.valueChanged.connect(lambda _v: self._show_numbers())
        self._choice_changed()

    def _key(self) -> tuple[str | None, str | None]:
        return chosen(self.unit), self.category.currentData()

    def _choice_changed(self) -> None:
        self.numbers = None
        self._show_numbers()
        unit_id, category_id = self._key()
        if unit_id and category_id:
            key = (unit_id, category_id)
            ops.run_read(self, self.ws, vacancy, unit_id, category_id,
                         on_success=lambda n: self._numbers(key, n))
        self.revalidate()

    def _numbers(self, key: tuple[str, str], numbers: Vacancy) -> None:
        if key == self._key():  # not an answer to an earlier choice
            self.numbers = numbers
            self._show_numbers()

    def _show_numbers(self) -> None:
        n = self.numbers
        if n is None:
            set_message(self.live, self.tr("（选择机构和编制类型后显示）"), OK_STYLE)
        elif self.count.value() > n.vacant:
            warning = self.tr("申请数超过空编，审核时不能批准。")
            set_message(self.live, f"{numbers_text(n)}\n{warning}")
        else:
            set_message(self.live, numbers_text(n), OK_STYLE)

    def problems(self) -> Problems:
        found: Problems = {}
        unit = self.units.get(chosen(self.unit) or "")
        if unit is None:
            found["机构"] = self.tr("请从列表中选择机构。")
        elif unit.freeze_in:
            found["机构"] = self.tr("{0} 已设为只出不进，不能申请用编。").format(unit.name)
        if not self.reason.text().strip():
            found["用编理由"] = self.tr("请填写用编理由。")
        return found

    def submit(self) -> None:
        unit_id, category_id = self._key()
        assert unit_id is not None and category_id is not None
        self.write(staffing.apply_plan, PlanInput(unit_id, category_id, self.count.value(),
                                                  self.reason.text(), picked(self.applied)),
                   label=self.tr("申请用编计划"))


class DecideDialog(StaffingDialog):
    """批准 (within 空编, with a validity) or 驳回 (with a reason) one pending plan."""

    def __init__(self, ws: Workspace, line: PlanLine, approve: bool,
                 parent: QWidget | None = None) -> None:
        title = self.tr("批准用编计划") if approve else self.tr("驳回用编计划")
        super().__init__(ws, title, parent, ok_text=self.tr("批准") if approve else self.tr("驳回"))
        self.plan = line.plan
        self.approve = approve
        self.numbers = line.numbers
        p = self.plan
        self.live = live_label()
        self.note = QLineEdit()
        self.decided = date_edit()
        self.decided.setMinimumDate(QDate(p.applied_on))
        self.decided.setMaximumDate(QDate.currentDate())
        self.until = date_edit(add_months(date.today(), 12))
        f = self.form
        f.add_row(self.tr("机构"), QLabel(p.unit))
        f.add_row(self.tr("编制类型"), QLabel(p.category))
        f.add_row(self.tr("用编理由"), QLabel(p.reason))
        f.add_row(self.tr("申请"), QLabel(f"{p.applied_on} {p.applied_by}"))
        f.add_row(self.tr("当前编制"), self.live)
        f.add("用编数", self.tr("用编数"), QLabel(self.tr("{0} 名").format(p.count)))
        f.add("审核日期", self.tr("审核日期"), self.decided)
        if approve:
            f.add("有效期至", self.tr("有效期至"), self.until)
            f.add("审核意见", self.tr("审核意见"), self.note)
            self.note.setText(self.tr("同意"))
        else:
            f.add("驳回理由", self.tr("驳回理由"), self.note)
        self.form.touch_all()
        self.revalidate()
        ops.run_read(self, ws, vacancy, p.unit_id, p.category_id, on_success=self._numbers)

    def _numbers(self, numbers: Vacancy) -> None:
        self.numbers = numbers
        self.revalidate()

    def problems(self) -> Problems:
        found: Problems = {}
        set_message(self.live, numbers_text(self.numbers), OK_STYLE)
        if self.approve and self.plan.count > self.numbers.vacant:
            found["用编数"] = self.tr("用编数超过空编 {0} 名，不能批准。").format(
                self.numbers.vacant)
        if not self.approve and not self.note.text().strip():
            found["驳回理由"] = self.tr("请填写驳回理由。")
        return found

    def submit(self) -> None:
        if self.approve:
            decision = PlanDecision(self.plan.id, self.note.text(), picked(self.until),
                                    picked(self.decided))
            self.write(staffing.approve_plan, decision, label=self.tr("批准用编计划"))
        else:
            decision = PlanDecision(self.plan.id, self.note.text(), None, picked(self.decided))
            self.write(staffing.reject_plan, decision, label=self.tr("驳回用编计划"))


class PlansTab(StaffingTab):
    areas = frozenset({Area.PLANS, Area.QUOTAS, Area.POSTINGS, Area.POOL, Area.UNITS,
                       Area.DICTIONARIES})

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.units: list[UnitView] = []
        self.categories: list[CategoryView] = []
        self.status = QComboBox()
        self.status.addItem(self.tr("全部状态"), None)
        for status in staffing.choices("plan_status"):
            self.status.addItem(status, status)
        self.status.currentIndexChanged.connect(lambda _i: self.reload())
        self.model: TintedRows[PlanLine] = TintedRows([
            Column(self.tr("申请日期"), lambda r: r.plan.applied_on.isoformat()),
            Column(self.tr("机构"), lambda r: r.plan.unit),
            Column(self.tr("编制类型"), lambda r: r.plan.category),
            Column(self.tr("用编数"), lambda r: str(r.plan.count), RIGHT),
            Column(self.tr("当前空编"), lambda r: str(r.numbers.vacant), RIGHT),
            Column(self.tr("状态"), lambda r: r.plan.status),
            Column(self.tr("已使用"), lambda r: str(r.plan.filled), RIGHT),
            Column(self.tr("有效期至"), lambda r: str(r.plan.valid_until or "")),
            Column(self.tr("申请人"), lambda r: r.plan.applied_by),
            Column(self.tr("审核"),
                   lambda r: f"{r.plan.decided_on or ''} {r.plan.decided_by or ''}".strip()),
            Column(self.tr("用编理由"), lambda r: r.plan.reason),
            Column(self.tr("审核意见"), lambda r: r.plan.decision_note),
        ], lambda r: SHORT if r.plan.status == PENDING and r.plan.count > r.numbers.vacant
            else "")
        self.table = make_table(self.model)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.apply_button = QPushButton(self.tr("申请用编…"))
        self.approve_button = QPushButton(self.tr("批准…"))
        self.reject_button = QPushButton(self.tr("驳回…"))
        self.apply_button.clicked.connect(self.apply)
        self.approve_button.clicked.connect(lambda: self.decide(True))
        self.reject_button.clicked.connect(lambda: self.decide(False))
        self.summary = QLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(button_row(QLabel(self.tr("状态")), self.status, self.summary,
                                    self.apply_button, self.approve_button, self.reject_button,
                                    stretch_at=3))
        layout.addWidget(self.table, 1)
        note = QLabel(self.tr("批准的计划在有效期内按未使用数计入在途；黄色行的申请数超过当前空编，"
                              "不能批准。"))
        note.setWordWrap(True)
        layout.addWidget(note)
        self._update_buttons()

    def reload(self) -> None:
        ops.run_read(self, self.ws, plan_lines, self.status.currentData(),
                     on_success=self._show)
        ops.run_read(self, self.ws, staffing.list_units, include_closed=False,
                     on_success=self._units)
        ops.run_read(self, self.ws, staffing.list_categories, on_success=self._categories)

    def _units(self, units: list[UnitView]) -> None:
        self.units = units

    def _categories(self, categories: list[CategoryView]) -> None:
        self.categories = categories

    def _show(self, lines: list[PlanLine]) -> None:
        chosen_plan = self.selected()
        self.model.replace(lines)
        self.table.resizeColumnsToContents()
        row = next((i for i, r in enumerate(lines)
                    if chosen_plan and r.plan.id == chosen_plan.plan.id), -1)
        if row >= 0:
            self.table.selectRow(row)
        pending = sum(1 for r in lines if r.plan.status == PENDING)
        self.summary.setText(self.tr("共 {0} 个计划，待审核 {1} 个").format(len(lines), pending))
        self._update_buttons()

    def selected(self) -> PlanLine | None:
        return self.model.row_at(selected_row(self.table))

    def _update_buttons(self) -> None:
        permit(self.apply_button, self.writer, self.tr("您的角色只能查看，不能申请用编。"))
        line = self.selected()
        approver = self.actor.can(Can.APPROVE)
        pending = line is not None and line.plan.status == PENDING
        why = (self.tr("只有审核人可以批准或驳回用编计划。") if not approver
               else self.tr("请选择一个待审核的计划。"))
        for button in (self.approve_button, self.reject_button):
            permit(button, approver and pending, why)

    def apply_dialog(self) -> ApplyDialog:
        return ApplyDialog(self.ws, self.units, self.categories, self)

    def apply(self) -> None:
        if self.writer:
            self.apply_dialog().open()

    def decide(self, approve: bool) -> DecideDialog | None:
        line = self.selected()
        if line is None or line.plan.status != PENDING or not self.actor.can(Can.APPROVE):
            return None
        dialog = DecideDialog(self.ws, line, approve, self)
        dialog.open()
        return dialog

    def main_dialogs(self) -> list[Callable[[], QDialog]]:
        return [self.apply_dialog] if self.writer else []
