"""The 挂点安排 tab: who is assigned to which 联系点, and the office's rule of
how many visits each 联系点 needs per quarter."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bzdesk.changes import Area
from bzdesk.roles import Can
from bzdesk.services import visits
from bzdesk.services.visits import AssignmentView, RuleView
from bzdesk.services.visits.rules import MAX_REQUIRED
from bzdesk.services.visits.vocab import TARGET_KINDS
from ui import ops
from ui.models import Column, RowsModel
from ui.pages.base import Page, PageContext
from ui.pages.visits_dialogs import AssignmentDialog, EndAssignmentDialog


class AssignmentsTab(Page):
    areas = frozenset({Area.VISITS})

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model: RowsModel[AssignmentView] = RowsModel([
            Column(self.tr("类型"), lambda a: a.kind),
            Column(self.tr("领导或专员"), lambda a: a.leader_name),
            Column(self.tr("联系点"), lambda a: a.target_name),
            Column(self.tr("类别"), lambda a: TARGET_KINDS.get(a.target_kind, a.target_kind)),
            Column(self.tr("起止时间"), lambda a: a.period),
            Column(self.tr("每季度应走访"), lambda a: str(a.required_per_quarter)
                   if a.required_per_quarter else self.tr("按本单位规定")),
        ])
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.add_button = QPushButton(self.tr("新增安排…"))
        self.add_button.clicked.connect(lambda: AssignmentDialog(self.ws, self).open())
        self.end_button = QPushButton(self.tr("结束安排…"))
        self.end_button.clicked.connect(self.end_selected)
        self.delete_button = QPushButton(self.tr("删除"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.required = QSpinBox()
        self.required.setRange(1, MAX_REQUIRED)
        self.required.setSuffix(self.tr(" 次"))
        self.rule_button = QPushButton(self.tr("保存"))
        self.rule_button.clicked.connect(self.save_rule)
        admin = self.actor.can(Can.ADMINISTER)
        self.required.setEnabled(admin)
        self.rule_button.setEnabled(admin)
        row = QHBoxLayout()
        for w in (self.add_button, self.end_button, self.delete_button):
            row.addWidget(w)
        row.addStretch(1)
        row.addWidget(QLabel(self.tr("每个联系点每季度应走访")))
        row.addWidget(self.required)
        row.addWidget(self.rule_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table)
        self._update_buttons()
        self.reload()

    def reload(self) -> None:
        ops.run_read(self, self.ws, visits.list_assignments, on_success=self._show)
        ops.run_read(self, self.ws, visits.get_visit_rule, on_success=self._show_rule)

    def _show(self, rows: list[AssignmentView]) -> None:
        self.model.replace(rows)
        self._update_buttons()

    def _show_rule(self, rule: RuleView) -> None:
        self.required.setValue(rule.required_per_quarter)

    def selected(self) -> AssignmentView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        writer = self.actor.can(Can.WRITE)
        chosen = self.selected() is not None
        self.add_button.setEnabled(writer)
        self.end_button.setEnabled(writer and chosen)
        self.delete_button.setEnabled(writer and chosen)

    def end_selected(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            EndAssignmentDialog(self.ws, chosen, self).open()

    def delete_selected(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        answer = QMessageBox.question(self, self.tr("删除挂点安排"), self.tr(
            "删除“{0} → {1}”这项安排吗？已有走访记录的安排不能删除，只能结束。").format(
            chosen.leader_name, chosen.target_name))
        if answer == QMessageBox.StandardButton.Yes:
            ops.run_write(self, self.ws, visits.delete_assignment, chosen.id,
                          label=self.tr("删除挂点安排"))

    def save_rule(self) -> None:
        ops.run_write(self, self.ws, visits.set_visit_rule, self.required.value(),
                      label=self.tr("设置走访频次"))

    def main_dialogs(self) -> list[Callable[[], QDialog]]:
        dialogs: list[Callable[[], QDialog]] = [lambda: AssignmentDialog(self.ws, self)]
        first = self.model.row_at(0)
        if first is not None:
            dialogs.append(lambda: EndAssignmentDialog(self.ws, first, self))
        return dialogs
