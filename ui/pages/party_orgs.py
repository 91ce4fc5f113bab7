"""组织和党员: the organisation tree (as an indented table) and the members of the
chosen organisation (with its 党小组), with their dialogs."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
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
from ui.pages.party_common import PartyTab, make_table, org_label, selected_row
from ui.pages.party_org_dialogs import MemberDialog, OrgDialog, TransferDialog
from ui.widgets import heading


class OrgsTab(PartyTab):
    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.orgs: RowsModel[party.OrgView] = RowsModel([
            Column(self.tr("党组织"), org_label),
            Column(self.tr("类别"), lambda o: o.kind),
            Column(self.tr("成立日期"), lambda o: o.founded_on.isoformat()),
            Column(self.tr("党员"), lambda o: str(o.members), Qt.AlignmentFlag.AlignRight),
            Column(self.tr("状态"), lambda o: self.tr("正常") if o.active
                   else self.tr("{0} 撤销").format(o.dissolved_on)),
        ])
        self.members: RowsModel[party.MemberView] = RowsModel([
            Column(self.tr("姓名"), lambda m: m.name),
            Column(self.tr("性别"), lambda m: m.sex),
            Column(self.tr("所在组织"), lambda m: m.org_name),
            Column(self.tr("类别"), lambda m: m.status + (self.tr("（离退休）") if m.retired
                                                          else "")),
            Column(self.tr("入党时间"), lambda m: m.joined_on.isoformat()),
            Column(self.tr("实名库"), lambda m: self.tr("已关联") if m.person_id else ""),
            Column(self.tr("报到社区"), lambda m: m.community),
        ])
        self.org_table = make_table(self.orgs, stretch=0)
        self.member_table = make_table(self.members)
        self.org_table.selectionModel().selectionChanged.connect(self._org_chosen)
        self.member_table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.member_table.doubleClicked.connect(self.edit_member)

        self.add_org_button = QPushButton(self.tr("新建组织…"))
        self.edit_org_button = QPushButton(self.tr("修改组织…"))
        self.add_member_button = QPushButton(self.tr("登记党员…"))
        self.edit_member_button = QPushButton(self.tr("修改党员…"))
        self.transfer_button = QPushButton(self.tr("组织调整/转出…"))
        self.members_title = heading(self.tr("党员"), 1.1)

        left, right = QWidget(), QWidget()
        left_layout, right_layout = QVBoxLayout(left), QVBoxLayout(right)
        left_layout.addLayout(self._buttons(self.add_org_button, self.edit_org_button))
        left_layout.addWidget(self.org_table)
        right_layout.addWidget(self.members_title)
        right_layout.addLayout(self._buttons(self.add_member_button, self.edit_member_button,
                                             self.transfer_button))
        right_layout.addWidget(self.member_table)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        split.setSizes([480, 720])  # the tree's names stay readable
        layout = QVBoxLayout(self)
        note = QLabel(self.tr("党员编入党支部或党小组；一名党员同一时间只属于一个党支部。"
                              "上级组织的党员数包含下级组织。"))
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addWidget(split, 1)
        for button, slot in ((self.add_org_button, self.add_org),
                             (self.edit_org_button, self.edit_org),
                             (self.add_member_button, self.add_member),
                             (self.edit_member_button, self.edit_member),
                             (self.transfer_button, self.transfer)):
            button.clicked.connect(slot)
        self._update_buttons()
        self.reload()

    @staticmethod
    def _buttons(*buttons: QPushButton) -> QHBoxLayout:
        row = QHBoxLayout()
        for button in buttons:
            row.addWidget(button)
        row.addStretch(1)
        return row

    def reload(self) -> None:
        ops.run_read(self, self.ws, party.list_orgs, on_success=self._show_orgs)

    def _show_orgs(self, orgs: list[party.OrgView]) -> None:
        chosen = self.selected_org()
        self.orgs.replace(orgs)
        row = next((i for i, o in enumerate(orgs) if chosen and o.id == chosen.id), 0)
        if orgs:
            self.org_table.selectRow(row)
        self._org_chosen()

    def selected_org(self) -> party.OrgView | None:
        return self.orgs.row_at(selected_row(self.org_table))

    def selected_member(self) -> party.MemberView | None:
        return self.members.row_at(selected_row(self.member_table))

    def _org_chosen(self) -> None:
        org = self.selected_org()
        self.members_title.setText(self.tr("{0}的党员").format(org.name) if org
                                   else self.tr("党员"))
        if org is None:
            self.members.replace([])
        else:
            ops.run_read(self, self.ws, party.list_members, org.id,
                         on_success=self.members.replace)
        self._update_buttons()

    def _update_buttons(self) -> None:
        can = self.actor.can(Can.WRITE)
        org, member = self.selected_org(), self.selected_member()
        self.add_org_button.setEnabled(can)
        self.edit_org_button.setEnabled(can and org is not None)
        self.add_member_button.setEnabled(can and bool(self.orgs.rows))
        self.edit_member_button.setEnabled(can and member is not None)
        self.transfer_button.setEnabled(can and member is not None and member.org_id is not None)

    def add_org(self) -> None:
        OrgDialog(self.ws, self.orgs.rows, self, under=self.selected_org()).open()

    def edit_org(self) -> None:
        org = self.selected_org()
        if org is not None:
            OrgDialog(self.ws, self.orgs.rows, self, org=org).open()

    def add_member(self) -> None:
        org = self.selected_org()
        MemberDialog(self.ws, self.orgs.rows, self, org_id=org.id if org else None).open()

    def edit_member(self) -> None:
        member = self.selected_member()
        if member is not None and self.actor.can(Can.WRITE):
            MemberDialog(self.ws, self.orgs.rows, self, member=member).open()

    def transfer(self) -> None:
        member = self.selected_member()
        if member is not None:
            TransferDialog(self.ws, self.orgs.rows, member, self).open()

    def main_dialogs(self) -> list[Callable[[], QDialog]]:
        dialogs: list[Callable[[], QDialog]] = [
            lambda: OrgDialog(self.ws, self.orgs.rows, self),
            lambda: MemberDialog(self.ws, self.orgs.rows, self)]
        member = self.members.row_at(0)
        if member is not None:
            dialogs.append(lambda: TransferDialog(self.ws, self.orgs.rows, member, self))
        return dialogs
