"""Dialogs of the organisations tab: an organisation, a member, a transfer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QWidget

from bzdesk.services import party
from ui import ops
from ui.pages.party_common import date_edit, fill_orgs, picked
from ui.widgets import FormDialog, Problems

if TYPE_CHECKING:
    from bzdesk.workspace import Workspace

ORG_KINDS = ("机关党委", "党总支", "党支部", "党小组")
MEMBER_KINDS = ("党支部", "党小组")


class OrgDialog(FormDialog):
    """新建 or 修改 a 党组织."""

    def __init__(self, ws: Workspace, orgs: list[party.OrgView], parent: QWidget | None = None,
                 *, org: party.OrgView | None = None,
                 under: party.OrgView | None = None) -> None:
        super().__init__(ws, self.tr("修改党组织") if org else self.tr("新建党组织"), parent)
        self.org = org
        self.name = QLineEdit(org.name if org else "")
        self.kind = QComboBox()
        for kind in ORG_KINDS:
            self.kind.addItem(self.tr(kind), kind)
        self.parent_box = QComboBox()
        fill_orgs(self.parent_box, [o for o in orgs if org is None or o.id != org.id],
                  kinds=ORG_KINDS[:3], everyone=self.tr("（无上级，顶层组织）"))
        chosen = org.parent_id if org else (under.id if under else None)
        self.parent_box.setCurrentIndex(max(0, self.parent_box.findData(chosen)))
        default_kind = org.kind if org else ("党小组" if under and under.kind == "党支部"
                                             else "党支部")
        self.kind.setCurrentIndex(self.kind.findData(default_kind))
        self.founded = date_edit(org.founded_on if org else None)
        self.form.add("名称", self.tr("名称"), self.name)
        self.form.add("类别", self.tr("类别"), self.kind)
        self.form.add("上级组织", self.tr("上级组织"), self.parent_box)
        self.form.add("成立日期", self.tr("成立日期"), self.founded)
        self.revalidate()

    def problems(self) -> Problems:
        return {} if self.name.text().strip() else {"名称": self.tr("请填写组织名称。")}

    def submit(self) -> None:
        inp = party.OrgInput(self.name.text(), self.kind.currentData(), picked(self.founded),
                             self.parent_box.currentData(), self.org.sort_order if self.org else 0)
        if self.org is None:
            self.write(party.create_org, inp, label=self.tr("新建党组织"))
        else:
            self.write(party.update_org, self.org.id, inp, label=self.tr("修改党组织"))


class MemberDialog(FormDialog):
    """登记 a new member into an organisation, or 修改 a member's particulars."""

    def __init__(self, ws: Workspace, orgs: list[party.OrgView], parent: QWidget | None = None,
                 *, member: party.MemberView | None = None, org_id: str | None = None) -> None:
        super().__init__(ws, self.tr("修改党员信息") if member else self.tr("登记党员"), parent)
        self.member = member
        self.name = QLineEdit(member.name if member else "")
        self.person = QComboBox()
        self.person.addItem(self.tr("（不关联）"), None)
        if member and member.person_id:
            self.person.addItem(member.person_name, member.person_id)
            self.person.setCurrentIndex(1)
        self.sex = QComboBox()
        for sex in ("", "男", "女"):
            self.sex.addItem(sex or self.tr("（未填）"), sex)
        self.sex.setCurrentIndex(max(0, self.sex.findData(member.sex if member else "")))
        self.joined = date_edit(member.joined_on if member else None)
        self.status = QComboBox()
        self.status.addItems(["正式", "预备"])
        self.status.setCurrentText(member.status if member else "正式")
        self.retired = QCheckBox(self.tr("离退休党员"))
        self.retired.setChecked(bool(member and member.retired))
        self.community = QLineEdit(member.community if member else "")
        self.phone = QLineEdit(member.phone if member else "")
        self.org = QComboBox()
        self.start = date_edit()
        self.form.add("姓名", self.tr("姓名"), self.name)
        self.form.add("实名库人员", self.tr("关联实名库"), self.person)
        self.form.add("性别", self.tr("性别"), self.sex)
        self.form.add("入党时间", self.tr("入党时间"), self.joined)
        self.form.add("党员类别", self.tr("党员类别"), self.status)
        self.form.add_row("", self.retired)
        self.form.add("报到社区", self.tr("报到社区"), self.community)
        self.form.add("联系电话", self.tr("联系电话"), self.phone)
        if member is None:
            fill_orgs(self.org, orgs, kinds=MEMBER_KINDS)
            self.org.setCurrentIndex(max(0, self.org.findData(org_id)))
            self.form.add("所在组织", self.tr("所在组织"), self.org)
            self.form.add("加入日期", self.tr("编入日期"), self.start)
            ops.run_read(self, ws, party.unlinked_party_people, on_success=self._people)
        self.person.currentIndexChanged.connect(self._person_chosen)
        self.revalidate()

    def _people(self, people: list[tuple[str, str, str]]) -> None:
        for person_id, name, sex in people:
            self.person.addItem(f"{name}（{sex}）", (person_id, name))

    def _person_chosen(self) -> None:
        data = self.person.currentData()
        if isinstance(data, tuple) and not self.name.text().strip():
            self.name.setText(data[1])
        self.revalidate()

    def problems(self) -> Problems:
        found: Problems = {}
        if not self.name.text().strip():
            found["姓名"] = self.tr("请填写姓名。")
        if self.member is None and self.org.currentData() is None:
            found["所在组织"] = self.tr("请先建立党支部或党小组。")
        return found

    def _input(self) -> party.MemberInput:
        data = self.person.currentData()
        person_id = data[0] if isinstance(data, tuple) else data
        return party.MemberInput(self.name.text(), picked(self.joined), self.status.currentText(),
                                 self.member.full_on if self.member else None,
                                 self.sex.currentData(), person_id, self.retired.isChecked(),
                                 self.community.text(), self.phone.text())

    def submit(self) -> None:
        if self.member is not None:
            self.write(party.update_member, self.member.id, self._input(),
                       label=self.tr("修改党员信息"))
            return
        self.write(party.create_member, party.NewMemberInput(
            self._input(), self.org.currentData(), picked(self.start)), label=self.tr("登记党员"))


class TransferDialog(FormDialog):
    """组织调整 (to another organisation here) or 转出 (leaves this office's tree)."""

    def __init__(self, ws: Workspace, orgs: list[party.OrgView], member: party.MemberView,
                 parent: QWidget | None = None) -> None:
        super().__init__(ws, self.tr("组织调整或转出：{0}").format(member.name), parent)
        self.member = member
        self.target = QComboBox()
        fill_orgs(self.target, [o for o in orgs if o.id != member.org_id], kinds=MEMBER_KINDS,
                  everyone=self.tr("转出本单位"))
        self.on = date_edit()
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("转往何处，或调整原因"))
        self.form.add("转往组织", self.tr("转往组织"), self.target)
        self.form.add("转出日期", self.tr("日期"), self.on)
        self.form.add("说明", self.tr("说明"), self.note)
        self.revalidate()

    def submit(self) -> None:
        self.write(party.transfer_member, party.TransferInput(
            self.member.id, picked(self.on), self.target.currentData(), self.note.text()),
            label=self.tr("党员组织调整"))
