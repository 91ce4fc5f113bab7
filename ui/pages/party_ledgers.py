"""志愿服务 and 进社区报到: the records and yearly totals of volunteer service, and the
month × member check-in grid of the working members."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from bzdesk.roles import Can
from bzdesk.services import party
from ui import ops
from ui.models import Column, RowsModel
from ui.pages.base import PageContext
from ui.pages.party_common import (
    PartyTab,
    date_edit,
    fill_orgs,
    make_table,
    picked,
    selected_row,
    year_box,
)
from ui.pages.party_models import MonthGridModel
from ui.widgets import FormDialog, Problems

if TYPE_CHECKING:
    from bzdesk.workspace import Workspace

RIGHT = Qt.AlignmentFlag.AlignRight


def member_box(members: list[party.MemberView]) -> QComboBox:
    box = QComboBox()
    for m in members:
        if m.org_id is not None:
            box.addItem(f"{m.name}（{m.org_name}）", m.id)
    return box


class FilteredTab(PartyTab):
    """A tab with a year and an organisation filter above its tables."""

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.year = year_box()
        self.org = QComboBox()
        self.year.valueChanged.connect(self.load)
        self.org.currentIndexChanged.connect(self.load)
        self.filters = QHBoxLayout()
        for widget in (QLabel(self.tr("年度")), self.year, QLabel(self.tr("党组织")), self.org):
            self.filters.addWidget(widget)
        self.filters.addStretch(1)

    def reload(self) -> None:
        ops.run_read(self, self.ws, party.list_orgs, on_success=self._orgs)

    def _orgs(self, orgs: list[party.OrgView]) -> None:
        fill_orgs(self.org, orgs, everyone=self.tr("全部组织"))
        self.load()

    def load(self) -> None:
        """Read what the tab shows for the year and organisation chosen (override)."""


class VolunteerDialog(FormDialog):
    def __init__(self, ws: Workspace, members: list[party.MemberView],
                 parent: QWidget | None = None) -> None:
        super().__init__(ws, self.tr("登记志愿服务"), parent)
        self.member = member_box(members)
        self.day = date_edit()
        self.place = QLineEdit()
        self.place.setPlaceholderText(self.tr("社区或服务地点"))
        self.hours = QLineEdit()
        self.hours.setPlaceholderText(self.tr("如 2 或 2.5（每次不超过 24 小时）"))
        self.description = QLineEdit()
        for key, label, widget in (("党员", self.tr("党员"), self.member),
                                   ("服务日期", self.tr("服务日期"), self.day),
                                   ("服务地点", self.tr("服务地点"), self.place),
                                   ("时长", self.tr("时长（小时）"), self.hours),
                                   ("服务内容", self.tr("服务内容"), self.description)):
            self.form.add(key, label, widget)
        self.revalidate()

    def problems(self) -> Problems:
        found: Problems = {}
        if self.member.currentData() is None:
            found["党员"] = self.tr("请先登记党员。")
        if not self.place.text().strip():
            found["服务地点"] = self.tr("请填写服务地点。")
        if not self.hours.text().strip():
            found["时长"] = self.tr("请填写时长。")
        return found

    def submit(self) -> None:
        self.write(party.add_volunteer, party.VolunteerInput(
            self.member.currentData(), picked(self.day), self.place.text(), self.hours.text(),
            self.description.text()), label=self.tr("登记志愿服务"))


class VolunteerTab(FilteredTab):
    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.members: list[party.MemberView] = []
        self.records: RowsModel[party.VolunteerView] = RowsModel([
            Column(self.tr("日期"), lambda v: v.served_on.isoformat()),
            Column(self.tr("党员"), lambda v: v.member_name),
            Column(self.tr("地点"), lambda v: v.place),
            Column(self.tr("时长（小时）"), lambda v: str(v.hours), RIGHT),
            Column(self.tr("服务内容"), lambda v: v.description),
        ])
        self.totals: RowsModel[party.VolunteerTotal] = RowsModel([
            Column(self.tr("党员"), lambda t: t.name),
            Column(self.tr("人次"), lambda t: str(t.times), RIGHT),
            Column(self.tr("时长（小时）"), lambda t: str(t.hours), RIGHT),
        ])
        self.table, self.totals_table = make_table(self.records), make_table(self.totals)
        self.add_button = QPushButton(self.tr("登记志愿服务…"))
        self.remove_button = QPushButton(self.tr("删除"))
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove)
        self.filters.insertWidget(0, self.remove_button)
        self.filters.insertWidget(0, self.add_button)
        self.add_button.setEnabled(self.actor.can(Can.WRITE))
        self.remove_button.setEnabled(self.actor.can(Can.WRITE))
        split = QSplitter()
        split.addWidget(self.table)
        split.addWidget(self.totals_table)
        split.setStretchFactor(0, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(self.filters)
        layout.addWidget(split)
        self.reload()

    def load(self) -> None:
        ops.run_read(self, self.ws, _volunteer, self.year.value(), self.org.currentData(),
                     on_success=self._show)

    def _show(self, found: tuple[list[party.VolunteerView], party.VolunteerSummary,
                                 list[party.MemberView]]) -> None:
        records, summary, self.members = found
        self.records.replace(records)
        ids = {r.member_id for r in records}
        self.totals.replace([t for t in summary.by_member if t.key in ids])

    def add(self) -> None:
        VolunteerDialog(self.ws, self.members, self).open()

    def remove(self) -> None:
        row = self.records.row_at(selected_row(self.table))
        if row is not None:
            ops.run_write(self, self.ws, party.remove_volunteer, row.id,
                          label=self.tr("删除志愿服务记录"))

    def main_dialogs(self) -> list[Callable[[], QDialog]]:
        return [lambda: VolunteerDialog(self.ws, self.members, self)]


def _volunteer(session: Any, actor: Any, year: int, org_id: str | None) -> tuple[
        list[party.VolunteerView], party.VolunteerSummary, list[party.MemberView]]:
    return (party.list_volunteer(session, actor, year, org_id),
            party.volunteer_summary(session, actor, year),
            party.list_members(session, actor, org_id))


class CheckinTab(FilteredTab):
    STATUSES = (party.REPORTED, party.TOOK_PART, party.NOT_REPORTED)

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model: MonthGridModel[party.CheckinRow] = MonthGridModel(
            [Column(self.tr("姓名"), lambda r: r.name),
             Column(self.tr("报到社区"), lambda r: r.community or self.tr("（未登记）"))],
            lambda r, i: r.cells[i],
            [Column(self.tr("缺报月数"), lambda r: str(len(r.missing)), RIGHT)])
        self.table = make_table(self.model, editable=True)
        self.table.setEditTriggers(self.table.EditTrigger.NoEditTriggers)
        self.buttons: dict[str, QPushButton] = {}
        for status in self.STATUSES:
            button = QPushButton(self.tr("标记为“{0}”").format(status))
            button.clicked.connect(lambda _c=False, s=status: self.mark(s))
            button.setEnabled(self.actor.can(Can.WRITE))
            self.buttons[status] = button
            self.filters.addWidget(button)
        note = QLabel(self.tr("在职党员每月到报到社区报到或参加社区活动；选中某人某月的格子后标记。"
                              "本月尚未结束，不计入缺报。"))
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(self.filters)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        self.reload()

    def load(self) -> None:
        ops.run_read(self, self.ws, party.checkin_ledger, self.year.value(),
                     self.org.currentData(), on_success=self._show)

    def _show(self, ledger: party.CheckinLedger) -> None:
        self.model.replace(ledger.months, ledger.rows)

    def mark(self, status: str) -> None:
        index = self.table.currentIndex()
        row = self.model.row_at(index.row()) if index.isValid() else None
        month = self.model.month_at(index.column()) if index.isValid() else None
        if row is not None and month is not None:
            ops.run_write(self, self.ws, party.set_checkin,
                          party.CheckinInput(row.member_id, month, status),
                          label=self.tr("登记进社区报到"))
