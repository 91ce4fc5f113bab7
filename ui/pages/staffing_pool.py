"""编制周转池: the balance per 编制类型, the loans (overdue ones in red) and the
ledger of 收回 / 借出 / 归还, with the dialogs that write them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from bzdesk.changes import Area
from bzdesk.services import staffing
from bzdesk.services.staffing import (
    CategoryView,
    LoanView,
    PoolBalanceView,
    PoolMoveView,
    UnitView,
)
from ui import ops
from ui.models import Column, RowsModel
from ui.pages.base import PageContext
from ui.pages.staffing_common import (
    OVER,
    RIGHT,
    StaffingTab,
    button_row,
    make_table,
    permit,
    selected_row,
    titled,
)
from ui.pages.staffing_models import TintedRows
from ui.pages.staffing_pool_dialogs import LendDialog, RecoverDialog, ReturnDialog
from ui.widgets import HINT_STYLE


class PoolTab(StaffingTab):
    areas = frozenset({Area.POOL, Area.QUOTAS, Area.UNITS, Area.DICTIONARIES})

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.units: list[UnitView] = []
        self.categories: list[CategoryView] = []
        self.balances: RowsModel[PoolBalanceView] = RowsModel([
            Column(self.tr("编制类型"), lambda b: b.category),
            Column(self.tr("累计收回"), lambda b: str(b.recovered), RIGHT),
            Column(self.tr("累计借出"), lambda b: str(b.lent), RIGHT),
            Column(self.tr("累计归还"), lambda b: str(b.returned), RIGHT),
            Column(self.tr("余额"), lambda b: str(b.balance), RIGHT),
        ])
        self.loans: TintedRows[LoanView] = TintedRows([
            Column(self.tr("借出日期"), lambda loan: loan.move.moved_on.isoformat()),
            Column(self.tr("借用机构"), lambda loan: loan.move.unit),
            Column(self.tr("编制类型"), lambda loan: loan.move.category),
            Column(self.tr("借出"), lambda loan: str(loan.move.count), RIGHT),
            Column(self.tr("已归还"), lambda loan: str(loan.returned), RIGHT),
            Column(self.tr("未归还"), lambda loan: str(loan.outstanding), RIGHT),
            Column(self.tr("归还期限"), lambda loan: str(loan.move.due_on or "")),
            Column(self.tr("状态"), self._loan_state),
            Column(self.tr("文号"), lambda loan: loan.move.doc),
        ], lambda loan: OVER if loan.overdue else "")
        self.ledger: RowsModel[PoolMoveView] = RowsModel([
            Column(self.tr("日期"), lambda m: m.moved_on.isoformat()),
            Column(self.tr("业务"), lambda m: m.kind),
            Column(self.tr("机构"), lambda m: m.unit),
            Column(self.tr("编制类型"), lambda m: m.category),
            Column(self.tr("编制数"), lambda m: str(m.count), RIGHT),
            Column(self.tr("归还期限"), lambda m: str(m.due_on or "")),
            Column(self.tr("文号"), lambda m: m.doc),
        ])
        self.balance_table = make_table(self.balances, stretch=0)
        self.loan_table = make_table(self.loans)
        self.ledger_table = make_table(self.ledger)
        self.loan_table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.overdue = QLabel()
        self.overdue.setStyleSheet(HINT_STYLE)
        self.recover_button = QPushButton(self.tr("收回…"))
        self.lend_button = QPushButton(self.tr("借出…"))
        self.return_button = QPushButton(self.tr("归还…"))
        self.recover_button.clicked.connect(self.recover)
        self.lend_button.clicked.connect(self.lend)
        self.return_button.clicked.connect(self.give_back)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(titled(self.tr("周转池余额（按编制类型）"), self.balance_table))
        split.addWidget(titled(self.tr("借出编制"), self.loan_table))
        split.addWidget(titled(self.tr("台账"), self.ledger_table))
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 2)
        split.setStretchFactor(2, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(button_row(self.recover_button, self.lend_button, self.return_button,
                                    self.overdue, stretch_at=3))
        layout.addWidget(split, 1)
        self._update_buttons()

    def _loan_state(self, loan: LoanView) -> str:
        if loan.overdue:
            return self.tr("已逾期")
        return self.tr("未还清") if loan.outstanding else self.tr("已还清")

    def reload(self) -> None:
        ops.run_read(self, self.ws, staffing.pool_balances, on_success=self.balances.replace)
        ops.run_read(self, self.ws, staffing.list_loans, on_success=self._show_loans)
        ops.run_read(self, self.ws, staffing.pool_ledger,
                     on_success=lambda moves: self.ledger.replace(list(reversed(moves))))
        ops.run_read(self, self.ws, staffing.list_units, include_closed=False,
                     on_success=self._units)
        ops.run_read(self, self.ws, staffing.list_categories, on_success=self._categories)

    def _units(self, units: list[UnitView]) -> None:
        self.units = units

    def _categories(self, categories: list[CategoryView]) -> None:
        self.categories = categories

    def _show_loans(self, loans: list[LoanView]) -> None:
        chosen = self.selected_loan()
        # what is still out first, the most overdue at the top
        ordered = sorted(loans, key=lambda loan: (not loan.overdue, loan.outstanding == 0,
                                                  loan.move.due_on or loan.move.moved_on))
        self.loans.replace(ordered)
        row = next((i for i, loan in enumerate(ordered)
                    if chosen and loan.move.id == chosen.move.id), -1)
        if row >= 0:
            self.loan_table.selectRow(row)
        late = [loan for loan in loans if loan.overdue]
        self.overdue.setText(self.tr("有 {0} 笔借出已逾期未归还，共 {1} 名").format(
            len(late), sum(loan.outstanding for loan in late)) if late else "")
        self._update_buttons()

    def selected_loan(self) -> LoanView | None:
        return self.loans.row_at(selected_row(self.loan_table))

    def _update_buttons(self) -> None:
        why = self.tr("您的角色只能查看，不能办理周转池业务。")
        permit(self.recover_button, self.writer, why)
        permit(self.lend_button, self.writer, why)
        loan = self.selected_loan()
        permit(self.return_button, self.writer and loan is not None and loan.outstanding > 0,
               why if not self.writer else self.tr("请先选择一笔未还清的借出。"))

    def recover_dialog(self) -> RecoverDialog:
        return RecoverDialog(self.ws, self.units, self.categories, self)

    def lend_dialog(self) -> LendDialog:
        return LendDialog(self.ws, self.units, self.categories, self)

    def recover(self) -> None:
        if self.writer:
            self.recover_dialog().open()

    def lend(self) -> None:
        if self.writer:
            self.lend_dialog().open()

    def give_back(self) -> None:
        loan = self.selected_loan()
        if self.writer and loan is not None and loan.outstanding > 0:
            ReturnDialog(self.ws, loan, self).open()

    def main_dialogs(self) -> list[Callable[[], QDialog]]:
        return [self.recover_dialog, self.lend_dialog] if self.writer else []
