"""规则设置 (administrators edit, everyone reads): the activity types with their
frequency rules, and the 党费 brackets."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bzdesk.roles import Can
from bzdesk.services import party
from ui import ops
from ui.models import Column, RowsModel
from ui.pages.base import PageContext
from ui.pages.party_common import PartyTab, make_table, selected_row
from ui.pages.party_models import BracketModel
from ui.pages.party_org_dialogs import ORG_KINDS
from ui.widgets import FormDialog, Problems

if TYPE_CHECKING:
    from bzdesk.workspace import Workspace


class TypeDialog(FormDialog):
    def __init__(self, ws: Workspace, parent: QWidget | None = None, *,
                 kind: party.ActivityTypeView | None = None) -> None:
        super().__init__(ws, self.tr("修改活动类型") if kind else self.tr("新增活动类型"), parent)
        self.kind = kind
        self.name = QLineEdit(kind.name if kind else "")
        self.period = QComboBox()
        for code, label in party.PERIODS.items():
            self.period.addItem(label, code)
        self.period.setCurrentIndex(max(0, self.period.findData(kind.period if kind else
                                                                "month")))
        self.count = QSpinBox()
        self.count.setRange(1, 31)
        self.count.setValue(kind.required_count if kind else 1)
        self.applies: dict[str, QCheckBox] = {}
        row = QHBoxLayout()
        for org_kind in ORG_KINDS:
            box = QCheckBox(org_kind)
            box.setChecked(org_kind in (kind.applies_to if kind else ("党支部",)))
            box.toggled.connect(self.revalidate)
            self.applies[org_kind] = box
            row.addWidget(box)
        holder = QWidget()
        holder.setLayout(row)
        self.whole = QCheckBox(self.tr("应到为本组织全体党员（不勾选：应到为通知参加的人员，"
                                       "如支委会、谈心谈话）"))
        self.whole.setChecked(kind.whole_membership if kind else True)
        self.active = QCheckBox(self.tr("启用"))
        self.active.setChecked(kind.active if kind else True)
        self.form.add("名称", self.tr("名称"), self.name)
        self.form.add("频次", self.tr("频次"), self.period)
        self.form.add("每期次数", self.tr("每期至少"), self.count)
        self.form.add("适用组织", self.tr("适用组织"), holder)
        self.form.add_row("", self.whole)
        self.form.add_row("", self.active)
        self.revalidate()

    def chosen(self) -> tuple[str, ...]:
        return tuple(k for k, box in self.applies.items() if box.isChecked())

    def problems(self) -> Problems:
        found: Problems = {}
        if not self.name.text().strip():
            found["名称"] = self.tr("请填写名称。")
        if not self.chosen():
            found["适用组织"] = self.tr("请至少选择一类组织。")
        return found

    def submit(self) -> None:
        inp = party.ActivityTypeInput(self.name.text(), self.period.currentData(),
                                      self.count.value(), self.chosen(), self.active.isChecked(),
                                      self.kind.sort_order if self.kind else 500,
                                      self.whole.isChecked())
        if self.kind is None:
            self.write(party.add_activity_type, inp, label=self.tr("新增活动类型"))
        else:
            self.write(party.update_activity_type, self.kind.id, inp,
                       label=self.tr("修改活动类型"))


class DuesRuleDialog(FormDialog):
    def __init__(self, ws: Workspace, rule: party.DuesRuleView,
                 parent: QWidget | None = None) -> None:
        super().__init__(ws, self.tr("党费比例"), parent)
        self.working, self.retired = BracketModel(rule.working), BracketModel(rule.retired)
        self.alert = QSpinBox()
        self.alert.setRange(1, 24)
        self.alert.setValue(rule.alert_months)
        self.alert.setSuffix(self.tr(" 个月"))
        for key, label, model in (("在职党员比例", self.tr("在职党员"), self.working),
                                  ("离退休党员比例", self.tr("离退休党员"), self.retired)):
            model.dataChanged.connect(self.revalidate)
            table = make_table(model, editable=True)
            table.setMinimumHeight(130)
            add, remove = QPushButton(self.tr("加一档")), QPushButton(self.tr("删去选中档"))
            add.clicked.connect(lambda _c=False, m=model: self._add(m))
            remove.clicked.connect(lambda _c=False, m=model, t=table: self._remove(m, t))
            box = QWidget()
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(table)
            buttons = QHBoxLayout()
            buttons.addWidget(add)
            buttons.addWidget(remove)
            buttons.addStretch(1)
            column.addLayout(buttons)
            self.form.add(key, label, box)
        self.form.add("提醒月数", self.tr("连续未交提醒"), self.alert)
        self.revalidate()

    def _add(self, model: BracketModel) -> None:
        model.add()
        self.revalidate()

    def _remove(self, model: BracketModel, table: QTableView) -> None:
        model.remove(selected_row(table))
        self.revalidate()

    def problems(self) -> Problems:
        found: Problems = {}
        for key, model in (("在职党员比例", self.working), ("离退休党员比例", self.retired)):
            if model.brackets() is None:
                found[key] = self.tr("上限和比例须填数字（如 3000 和 0.5）。")
        return found

    def submit(self) -> None:
        working, retired = self.working.brackets(), self.retired.brackets()
        assert working is not None and retired is not None  # problems() said so
        self.write(party.set_dues_rule, party.DuesRuleInput(working, retired, self.alert.value()),
                   label=self.tr("修改党费比例"))


class RulesTab(PartyTab):
    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.rule: party.DuesRuleView | None = None
        self.model: RowsModel[party.ActivityTypeView] = RowsModel([
            Column(self.tr("活动类型"), lambda t: t.name),
            Column(self.tr("频次"), lambda t: t.period_label),
            Column(self.tr("每期至少"), lambda t: self.tr("{0} 次").format(t.required_count)),
            Column(self.tr("适用组织"), lambda t: "、".join(t.applies_to)),
            Column(self.tr("应到"), lambda t: self.tr("全体党员") if t.whole_membership
                   else self.tr("通知参加的人员")),
            Column(self.tr("状态"), lambda t: self.tr("启用") if t.active else self.tr("停用")),
        ])
        self.table = make_table(self.model)
        self.table.doubleClicked.connect(self.edit_type)
        admin = self.actor.can(Can.ADMINISTER)
        self.add_button = QPushButton(self.tr("新增活动类型…"))
        self.edit_button = QPushButton(self.tr("修改活动类型…"))
        self.dues_button = QPushButton(self.tr("修改党费比例…"))
        row = QHBoxLayout()
        for button, slot in ((self.add_button, self.add_type),
                             (self.edit_button, self.edit_type),
                             (self.dues_button, self.edit_dues)):
            button.clicked.connect(slot)
            button.setEnabled(admin)
            row.addWidget(button)
        row.addStretch(1)
        self.dues = QLabel()
        self.dues.setWordWrap(True)
        note = QLabel(self.tr("规定活动按频次逐期检查：每月、每季度、每半年或每年至少开展规定次数；"
                              "“按计划”的活动只统计，不检查。组织成立当期不作要求。"
                              "这些设置由管理员修改。"))
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.dues)
        self.reload()

    def reload(self) -> None:
        ops.run_read(self, self.ws, party.list_activity_types, on_success=self.model.replace)
        ops.run_read(self, self.ws, party.dues_rule, on_success=self._rule)

    def _rule(self, rule: party.DuesRuleView) -> None:
        self.rule = rule
        self.dues.setText(self.tr("党费比例（按月计算基数全额计算）：在职党员 {0}；离退休党员 {1}；"
                                  "连续 {2} 个月未交提醒。").format(
            party.describe(rule.working), party.describe(rule.retired),
            rule.alert_months))

    def add_type(self) -> None:
        TypeDialog(self.ws, self).open()

    def edit_type(self) -> None:
        kind = self.model.row_at(selected_row(self.table))
        if kind is not None and self.actor.can(Can.ADMINISTER):
            TypeDialog(self.ws, self, kind=kind).open()

    def edit_dues(self) -> None:
        if self.rule is not None:
            DuesRuleDialog(self.ws, self.rule, self).open()

    def main_dialogs(self) -> list[Callable[[], QDialog]]:
        dialogs: list[Callable[[], QDialog]] = [lambda: TypeDialog(self.ws, self)]
        rule = self.rule
        if rule is not None:
            dialogs.append(lambda: DuesRuleDialog(self.ws, rule, self))
        return dialogs
