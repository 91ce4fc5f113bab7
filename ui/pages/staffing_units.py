"""The 机构 tab: the unit tree with its search box, the chosen unit's detail, and
the actions on units (新增, 编辑, 移动, 撤并, 只出不进, 核定编制, 领导职数, 导入)."""

from __future__ import annotations

import importlib
from collections.abc import Callable

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from bzdesk.services import staffing
from bzdesk.services.staffing import CategoryView, UnitView
from bzdesk.services.staffing.page_queries import UnitDetail, unit_detail
from ui import ops
from ui.pages.base import PageContext
from ui.pages.staffing_common import StaffingTab, button_row, permit
from ui.pages.staffing_models import UnitTreeModel
from ui.pages.staffing_quota_dialogs import LeaderDialog, QuotaDialog
from ui.pages.staffing_unit_detail import UnitDetailPane
from ui.pages.staffing_unit_dialogs import CloseDialog, MoveDialog, UnitDialog

# Imported when the clerk asks for it: the wizard pulls in the Excel reader.
WIZARD = "ui.import_wizard"


class UnitsTab(StaffingTab):
    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.units: list[UnitView] = []
        self.categories: list[CategoryView] = []
        self.detail: UnitDetail | None = None
        self._filling = False  # the tree is being refilled: one detail read afterwards
        self.model = UnitTreeModel()
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.tree.header().setStretchLastSection(True)
        self.tree.selectionModel().currentRowChanged.connect(self._unit_chosen)
        self.tree.activated.connect(self.edit_unit)  # Enter or double-click
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("查找机构：名称、简称、统一社会信用代码或拼音首字母"
                                               "（Ctrl+F）"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.apply_filter)
        self.search.returnPressed.connect(self.tree.setFocus)
        self.show_closed = QCheckBox(self.tr("显示已撤并机构"))
        self.show_closed.toggled.connect(self.apply_filter)
        self.count = QLabel()
        self.count.setStyleSheet("color: #555;")
        self.pane = UnitDetailPane()

        self.add_button = QPushButton(self.tr("新增机构"))
        self.add_button.setShortcut("Ctrl+N")
        self.add_button.setToolTip(self.tr("新增机构（Ctrl+N），默认放在所选机构之下"))
        self.edit_button = QPushButton(self.tr("编辑"))
        self.edit_button.setShortcut("F2")
        self.move_button = QPushButton(self.tr("移动…"))
        self.close_button = QPushButton(self.tr("撤销或合并…"))
        self.freeze_button = QPushButton(self.tr("设为只出不进"))
        self.quota_button = QPushButton(self.tr("核定编制…"))
        self.leader_button = QPushButton(self.tr("领导职数…"))
        self.import_button = QPushButton(self.tr("导入机构名单…"))
        self.export_button = QPushButton(self.tr("导出机构名单…"))
        self.export_button.setToolTip(self.tr("导出可再次导入的 Excel 机构名单"))
        for button, slot in ((self.add_button, self.add_unit), (self.edit_button, self.edit_unit),
                             (self.move_button, self.move_unit),
                             (self.close_button, self.close_unit),
                             (self.freeze_button, self.toggle_freeze),
                             (self.quota_button, self.set_quota),
                             (self.leader_button, self.set_leaders),
                             (self.import_button, self.import_units),
                             (self.export_button, self.export_units)):
            button.clicked.connect(slot)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.show_closed)
        left_layout.addLayout(search_row)
        left_layout.addWidget(self.tree, 1)
        left_layout.addWidget(self.count)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(self.pane)
        split.setStretchFactor(0, 5)
        split.setStretchFactor(1, 4)
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(button_row(self.add_button, self.edit_button, self.move_button,
                                    self.close_button, self.freeze_button, self.quota_button,
                                    self.leader_button, self.import_button, self.export_button,
                                    stretch_at=7))
        layout.addWidget(split, 1)
        self._update_buttons()

    def search_box(self) -> QLineEdit:
        return self.search

    # -- reading -------------------------------------------------------------
    def reload(self) -> None:
        ops.run_read(self, self.ws, staffing.list_categories, on_success=self._categories)
        ops.run_read(self, self.ws, staffing.list_units, on_success=self._show_units)

    def _categories(self, categories: list[CategoryView]) -> None:
        self.categories = categories

    def _show_units(self, units: list[UnitView]) -> None:
        self.units = units
        chosen = self.selected_unit()
        self._filling = True
        self.model.replace(units)
        self._after_filter(chosen.id if chosen else None)

    def apply_filter(self) -> None:
        chosen = self.selected_unit()
        self._filling = True
        self.model.set_filter(self.search.text(), self.show_closed.isChecked())
        self._after_filter(chosen.id if chosen else None)

    def _after_filter(self, unit_id: str | None) -> None:
        """Show the tree again and choose the same unit (else the first) in it."""
        self.tree.expandAll()
        for column in range(self.model.columnCount()):
            self.tree.resizeColumnToContents(column)
        active = sum(1 for u in self.units if u.active)
        self.count.setText(self.tr("共 {0} 个机构（正常 {1} 个），显示 {2} 个").format(
            len(self.units), active, self.model.visible_count()))
        index = self.model.index_of(unit_id)
        if not index.isValid():
            index = self.model.first_index()
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)
        self._filling = False
        self._unit_chosen()

    def selected_unit(self) -> UnitView | None:
        return self.model.unit_at(self.tree.currentIndex())

    def select_unit(self, unit_id: str) -> bool:
        index = self.model.index_of(unit_id)
        if index.isValid():
            self.tree.setCurrentIndex(index)
        return index.isValid()

    def _unit_chosen(self) -> None:
        if self._filling:
            return
        unit = self.selected_unit()
        if unit is None:
            self.detail = None
            self.pane.show_detail(None)
        else:
            ops.run_read(self, self.ws, unit_detail, unit.id, on_success=self._show_detail)
        self._update_buttons()

    def _show_detail(self, detail: UnitDetail) -> None:
        unit = self.selected_unit()
        if unit is None or unit.id != detail.unit.id:
            return  # the clerk has moved on to another unit meanwhile
        self.detail = detail
        self.pane.show_detail(detail)
        self._update_buttons()

    def _update_buttons(self) -> None:
        why = self.tr("您的角色只能查看，不能修改机构编制。")
        unit = self.detail.unit if self.detail else None
        live = unit is not None and unit.active
        permit(self.add_button, self.writer, why)
        permit(self.import_button, self.writer, why)
        for button in (self.edit_button, self.move_button, self.close_button,
                       self.freeze_button, self.quota_button, self.leader_button):
            permit(button, self.writer and live, why if not self.writer else "")
        frozen = unit is not None and unit.freeze_in
        self.freeze_button.setText(self.tr("取消只出不进") if frozen else self.tr("设为只出不进"))

    # -- dialogs and writes --------------------------------------------------
    def unit_dialog(self, unit: UnitView | None = None) -> UnitDialog:
        chosen = self.selected_unit()
        under = chosen.id if chosen is not None and chosen.active and unit is None else None
        return UnitDialog(self.ws, self.units, self, unit=unit, under=under)

    def quota_dialog(self) -> QuotaDialog | None:
        if self.detail is None:
            return None
        return QuotaDialog(self.ws, self.detail.unit, self.categories,
                           self.detail.quota_lines, self)

    def leader_dialog(self) -> LeaderDialog | None:
        if self.detail is None:
            return None
        return LeaderDialog(self.ws, self.detail.unit, self.detail.leader, self)

    def _live(self) -> UnitView | None:
        unit = self.detail.unit if self.detail else None
        return unit if unit is not None and unit.active and self.writer else None

    def add_unit(self) -> None:
        if self.writer:
            self.unit_dialog().open()

    def edit_unit(self) -> None:
        unit = self._live()
        if unit is not None:
            self.unit_dialog(unit).open()

    def move_unit(self) -> None:
        unit = self._live()
        if unit is not None:
            MoveDialog(self.ws, self.units, unit, self).open()

    def close_unit(self) -> None:
        unit = self._live()
        if unit is not None:
            CloseDialog(self.ws, self.units, unit, self).open()

    def toggle_freeze(self) -> None:
        unit = self._live()
        if unit is not None:
            ops.run_write(self, self.ws, staffing.set_freeze, unit.id, not unit.freeze_in,
                          label=self.tr("设置只出不进"))

    def set_quota(self) -> None:
        dialog = self.quota_dialog() if self._live() else None
        if dialog is not None:
            dialog.open()

    def set_leaders(self) -> None:
        dialog = self.leader_dialog() if self._live() else None
        if dialog is not None:
            dialog.open()

    def import_units(self) -> None:
        wizard = importlib.import_module(WIZARD)
        wizard.open_import_wizard(self, self.ws, "units")

    def export_units(self) -> None:
        wizard = importlib.import_module(WIZARD)
        wizard.export_workbook(self, self.ws, "units")

    def main_dialogs(self) -> list[Callable[[], QDialog]]:
        dialogs: list[Callable[[], QDialog]] = [lambda: self.unit_dialog()]
        if self.detail is not None:
            dialogs += [self._quota_factory, self._leader_factory]
        return dialogs

    def _quota_factory(self) -> QDialog:
        dialog = self.quota_dialog()
        assert dialog is not None
        return dialog

    def _leader_factory(self) -> QDialog:
        dialog = self.leader_dialog()
        assert dialog is not None
        return dialog
