"""党费: the month × member payments ledger of a year, the members who have not paid
for six months (or the office's number), and a dialog that computes and records."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from bzdesk.errors import ValidationError
from bzdesk.roles import Can
from bzdesk.services import party
from ui import ops
from ui.models import Column
from ui.pages.base import PageContext
from ui.pages.party_common import date_edit, make_table, picked
from ui.pages.party_ledgers import FilteredTab, member_box
from ui.pages.party_models import MonthGridModel
from ui.widgets import HINT_STYLE, FormDialog, Problems, hint_label, set_message

if TYPE_CHECKING:
    from bzdesk.workspace import Workspace

RIGHT = Qt.AlignmentFlag.AlignRight


def _money(value: Decimal | None) -> str:
    return "" if value is None else f"{value:.2f}"


class DuesDialog(FormDialog):
    def __init__(self, ws: Workspace, members: list[party.MemberView],
                 parent: QWidget | None = None) -> None:
        super().__init__(ws, self.tr("登记党费"), parent)
        self.retired = {m.id: m.retired for m in members}
        self.member = member_box(members)
        self.month = date_edit()
        self.month.setDisplayFormat("yyyy-MM")
        self.months = QSpinBox()
        self.months.setRange(1, 12)
        self.months.setSuffix(self.tr(" 个月"))
        self.base = QLineEdit()
        self.base.setPlaceholderText(self.tr("月计算基数（元）"))
        self.paid = date_edit()
        self.amount = QLabel(self.tr("每月应交：—"))
        for key, label, widget in (("党员", self.tr("党员"), self.member),
                                   ("月份", self.tr("起始月份"), self.month),
                                   ("月数", self.tr("月数"), self.months),
                                   ("计算基数", self.tr("计算基数"), self.base),
                                   ("交纳日期", self.tr("交纳日期"), self.paid)):
            self.form.add(key, label, widget)
        self.form.add_row("", self.amount)
        self.base.textEdited.connect(self._compute)
        self.member.currentIndexChanged.connect(self._compute)
        self.revalidate()

    def _compute(self) -> None:
        text = self.base.text().strip()
        if not text:
            self.amount.setText(self.tr("每月应交：—"))
            return
        ops.run_read(self, self.ws, party.calculate_dues, text,
                     self.retired.get(self.member.currentData(), False),
                     on_success=lambda due: self.amount.setText(
                         self.tr("每月应交：{0} 元").format(_money(due))),
                     on_error=self._bad_base)

    def _bad_base(self, exc: BaseException) -> bool:
        if isinstance(exc, ValidationError):
            self.amount.setText(exc.message)
            return True
        return False

    def problems(self) -> Problems:
        found: Problems = {}
        if self.member.currentData() is None:
            found["党员"] = self.tr("请先登记党员。")
        if not self.base.text().strip():
            found["计算基数"] = self.tr("请填写月计算基数。")
        return found

    def submit(self) -> None:
        self.write(party.record_dues, party.DuesInput(
            self.member.currentData(), picked(self.month), self.base.text(), picked(self.paid),
            self.months.value()), label=self.tr("登记党费"))


class DuesTab(FilteredTab):
    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.members: list[party.MemberView] = []
        self.model: MonthGridModel[party.DuesLedgerRow] = MonthGridModel(
            [Column(self.tr("姓名"), lambda r: r.name + (self.tr("（离退休）") if r.retired
                                                         else ""))],
            lambda r, i: _money(r.cells[i]),
            [Column(self.tr("合计（元）"), lambda r: _money(r.total), RIGHT)])
        self.table = make_table(self.model)
        self.add_button = QPushButton(self.tr("登记党费…"))
        self.add_button.clicked.connect(self.add)
        self.add_button.setEnabled(self.actor.can(Can.WRITE))
        self.filters.insertWidget(0, self.add_button)
        self.total = QLabel()
        self.alerts = hint_label(HINT_STYLE)
        layout = QVBoxLayout(self)
        layout.addLayout(self.filters)
        layout.addWidget(self.alerts)
        layout.addWidget(self.total)
        layout.addWidget(self.table, 1)
        self.reload()

    def load(self) -> None:
        ops.run_read(self, self.ws, _dues, self.year.value(), self.org.currentData(),
                     on_success=self._show)

    def _show(self, found: tuple[party.DuesLedger, list[party.DuesAlert],
                                 list[party.MemberView]]) -> None:
        ledger, alerts, self.members = found
        self.model.replace(ledger.months, ledger.rows)
        self.total.setText(self.tr("{0}年已交党费合计 {1} 元").format(ledger.year,
                                                                _money(ledger.total)))
        text = "；".join(self.tr("{0}（{1}）已连续 {2} 个月未交").format(
            a.name, a.org_name, a.unpaid_months) for a in alerts[:20])
        more = self.tr("……共 {0} 人").format(len(alerts)) if len(alerts) > 20 else ""
        set_message(self.alerts, self.tr("党费提醒：") + text + more if alerts else "",
                    HINT_STYLE)

    def add(self) -> None:
        DuesDialog(self.ws, self.members, self).open()

    def main_dialogs(self) -> list[Callable[[], QDialog]]:
        return [lambda: DuesDialog(self.ws, self.members, self)]


def _dues(session: Any, actor: Any, year: int, org_id: str | None) -> tuple[
        party.DuesLedger, list[party.DuesAlert], list[party.MemberView]]:
    return (party.dues_ledger(session, actor, year, org_id),
            party.unpaid_alerts(session, actor, org_id=org_id),
            party.list_members(session, actor, org_id))
