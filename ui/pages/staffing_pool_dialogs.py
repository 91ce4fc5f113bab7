"""The 周转池 movements: 收回 (a unit's vacant posts into the pool), 借出 (posts
lent to a unit until a due date) and 归还 (a loan, or part of it, comes back).
Each shows the numbers it is limited by as the clerk chooses."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from bzdesk.services import staffing
from bzdesk.services.staffing import (
    CategoryView,
    LendInput,
    LoanView,
    RecoverInput,
    ReturnInput,
    UnitView,
)
from bzdesk.services.staffing._common import add_months
from bzdesk.services.staffing.page_queries import Vacancy, pool_available, vacancy
from ui import ops
from ui.pages.staffing_common import (
    StaffingDialog,
    category_box,
    chosen,
    count_box,
    date_edit,
    fill_units,
    live_label,
    picked,
)
from ui.pages.staffing_plans import numbers_text
from ui.widgets import HINT_STYLE, OK_STYLE, Problems, set_message

if TYPE_CHECKING:
    from bzdesk.workspace import Workspace


class _MoveDialog(StaffingDialog):
    """A unit, a 编制类型, a count, a date, a document and a note; ``limit`` is read
    whenever the choice changes and caps the count."""

    def __init__(self, ws: Workspace, title: str, units: list[UnitView],
                 categories: list[CategoryView], parent: QWidget | None,
                 unit_label: str) -> None:
        super().__init__(ws, title, parent)
        self.units = {u.id: u for u in units}
        self.limit: int | None = None
        self.unit = QComboBox()
        fill_units(self.unit, units)
        self.category = category_box(categories)
        self.count = count_box(1, minimum=1)
        self.day = date_edit()
        self.day.setMaximumDate(QDate.currentDate())
        self.doc = QLineEdit()
        self.note = QLineEdit()
        self.live = live_label()
        self.live_text = ""
        self.form.add("机构", unit_label, self.unit)
        self.form.add("编制类型", self.tr("编制类型"), self.category)
        self.form.add_row(self.tr("可用"), self.live)
        self.form.add("编制数", self.tr("编制数"), self.count)
        self.form.add("日期", self.tr("日期"), self.day)

    def finish_form(self) -> None:
        self.form.add("文号", self.tr("文号"), self.doc)
        self.form.add("备注", self.tr("备注"), self.note)
        for signal in (self.unit.currentIndexChanged, self.category.currentIndexChanged):
            signal.connect(lambda _i: self.choice_changed())
        self.unit.editTextChanged.connect(lambda _t: self.choice_changed())
        self.day.dateChanged.connect(lambda _d: self.choice_changed())
        self.count.valueChanged.connect(lambda _v: self._count_changed())
        self.choice_changed()

    def _count_changed(self) -> None:
        self.form.touch_all()
        self.revalidate()

    def key(self) -> tuple[str | None, str | None, date]:
        return chosen(self.unit), self.category.currentData(), picked(self.day)

    def choice_changed(self) -> None:
        self.limit = None
        key = self.key()
        started = self.read_limit(key, lambda value, text: self._limited(key, value, text))
        self.live_text = (self.tr("（正在读取…）") if started
                          else self.tr("（选择机构和编制类型后显示）"))
        self.revalidate()

    def read_limit(self, key: tuple[str | None, str | None, date],
                   done: Callable[[int, str], None]) -> bool:
        """Start the read of what limits the count; False when there is nothing to read
        yet (override)."""
        return False

    def _limited(self, key: tuple[str | None, str | None, date], value: int, text: str) -> None:
        if key == self.key():
            self.limit = value
            self.live_text = text
            self.revalidate()

    def unit_problem(self) -> Problems:
        return {} if chosen(self.unit) else {"机构": self.tr("请从列表中选择机构。")}

    def problems(self) -> Problems:
        found = self.unit_problem()
        over = self.limit is not None and self.count.value() > self.limit
        if over:
            found["编制数"] = self.tr("最多 {0} 名。").format(self.limit)
        set_message(self.live, self.live_text, HINT_STYLE if over else OK_STYLE)
        return found


class RecoverDialog(_MoveDialog):
    def __init__(self, ws: Workspace, units: list[UnitView], categories: list[CategoryView],
                 parent: QWidget | None = None) -> None:
        super().__init__(ws, self.tr("收回编制到周转池"), units, categories, parent,
                         self.tr("收回机构"))
        self.finish_form()

    def read_limit(self, key: tuple[str | None, str | None, date],
                   done: Callable[[int, str], None]) -> bool:
        unit_id, category_id, _ = key
        if not (unit_id and category_id):
            return False

        def shown(n: Vacancy) -> None:
            done(n.vacant, numbers_text(n) + "\n" + self.tr("只能收回空编。"))
        ops.run_read(self, self.ws, vacancy, unit_id, category_id, on_success=shown)
        return True

    def submit(self) -> None:
        unit_id, category_id, day = self.key()
        assert unit_id and category_id
        self.write(staffing.recover_to_pool, RecoverInput(
            unit_id, category_id, self.count.value(), day, self.doc.text(), self.note.text()),
            label=self.tr("收回编制"))


class LendDialog(_MoveDialog):
    def __init__(self, ws: Workspace, units: list[UnitView], categories: list[CategoryView],
                 parent: QWidget | None = None) -> None:
        super().__init__(ws, self.tr("从周转池借出编制"), units, categories, parent,
                         self.tr("借用机构"))
        self.due = date_edit(add_months(date.today(), 12))
        self.form.add("归还期限", self.tr("归还期限"), self.due)
        self.due.dateChanged.connect(lambda _d: self.revalidate())
        self.finish_form()

    def read_limit(self, key: tuple[str | None, str | None, date],
                   done: Callable[[int, str], None]) -> bool:
        _, category_id, day = key
        if not category_id:
            return False

        def shown(available: int) -> None:
            done(available, self.tr("周转池可借出 {0} 名").format(available))
        ops.run_read(self, self.ws, pool_available, category_id, day, on_success=shown)
        return True

    def unit_problem(self) -> Problems:
        unit = self.units.get(chosen(self.unit) or "")
        if unit is None:
            return {"机构": self.tr("请从列表中选择机构。")}
        if unit.freeze_in:
            return {"机构": self.tr("{0} 已设为只出不进，不能借用编制。").format(unit.name)}
        return {}

    def problems(self) -> Problems:
        found = super().problems()
        if picked(self.due) <= picked(self.day):
            found["归还期限"] = self.tr("归还期限应晚于借出日期。")
        return found

    def submit(self) -> None:
        unit_id, category_id, day = self.key()
        assert unit_id and category_id
        self.write(staffing.lend_from_pool, LendInput(
            unit_id, category_id, self.count.value(), day, picked(self.due), self.doc.text(),
            self.note.text()), label=self.tr("借出编制"))


class ReturnDialog(StaffingDialog):
    """归还 (part of) one loan."""

    def __init__(self, ws: Workspace, loan: LoanView, parent: QWidget | None = None) -> None:
        super().__init__(ws, self.tr("归还借用的编制"), parent, ok_text=self.tr("归还"))
        self.loan = loan
        m = loan.move
        self.count = count_box(loan.outstanding, minimum=1, maximum=max(loan.outstanding, 1))
        self.day = date_edit()
        self.day.setMinimumDate(QDate(m.moved_on))
        self.day.setMaximumDate(QDate.currentDate())
        self.doc = QLineEdit()
        self.note = QLineEdit()
        lent = self.tr("{0} {1} {2} {3} 名，归还期限 {4}").format(
            m.moved_on, m.unit, m.category, m.count, m.due_on or "—")
        self.form.add_row(self.tr("借出"), QLabel(lent))
        self.form.add_row(self.tr("未归还"), QLabel(self.tr("{0} 名").format(loan.outstanding)))
        self.form.add("归还数", self.tr("归还数"), self.count)
        self.form.add("归还日期", self.tr("归还日期"), self.day)
        self.form.add("文号", self.tr("文号"), self.doc)
        self.form.add("备注", self.tr("备注"), self.note)
        self.revalidate()

    def submit(self) -> None:
        self.write(staffing.return_to_pool, ReturnInput(
            self.loan.move.id, self.count.value(), picked(self.day), self.doc.text(),
            self.note.text()), label=self.tr("归还编制"))
