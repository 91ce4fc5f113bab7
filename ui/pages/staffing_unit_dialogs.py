"""Dialogs that change a unit itself: the unit form (新增 / 编辑), 移动 to another
parent, and 撤销 or 合并 (confirmed first; the service's refusal, such as people
still in post, is shown in the dialog)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QMessageBox, QWidget

from bzdesk.services import staffing
from bzdesk.services.staffing import CloseUnitInput, UnitInput, UnitView
from bzdesk.services.staffing.dictionaries import ChoiceKind
from bzdesk.validation import InvalidValue, validate_uscc
from ui.pages.staffing_common import (
    StaffingDialog,
    chosen,
    date_edit,
    fill_units,
    optional_date,
    optional_date_edit,
    picked,
)
from ui.widgets import Problems

if TYPE_CHECKING:
    from bzdesk.workspace import Workspace


def subtree(units: Sequence[UnitView], unit_id: str) -> frozenset[str]:
    """The unit and every unit below it (``units`` in tree order, as list_units gives)."""
    found: set[str] = set()
    depth = -1
    for unit in units:
        if unit.id == unit_id:
            found.add(unit.id)
            depth = unit.depth
        elif depth >= 0:
            if unit.depth <= depth:
                break
            found.add(unit.id)
    return frozenset(found)


def _choice_box(kind: ChoiceKind, blank: str,
                current: str | None) -> QComboBox:
    box = QComboBox()
    if blank:
        box.addItem(blank, None)
    for value in staffing.choices(kind):
        box.addItem(value, value)
    box.setCurrentIndex(max(0, box.findData(current)))
    return box


def parent_problem(box: QComboBox, key: str, text: str) -> Problems:
    """A typed parent that is not in the list (the blank entry is a valid choice)."""
    return {} if box.findText(box.currentText().strip()) >= 0 else {key: text}


class UnitDialog(StaffingDialog):
    """新增机构 (optionally under a chosen parent) or 编辑 one."""

    def __init__(self, ws: Workspace, units: Sequence[UnitView], parent: QWidget | None = None,
                 *, unit: UnitView | None = None, under: str | None = None) -> None:
        super().__init__(ws, self.tr("编辑机构") if unit else self.tr("新增机构"), parent)
        self.setMinimumWidth(520)
        self.unit = unit
        self.units = list(units)
        self.name = QLineEdit(unit.name if unit else "")
        self.short_name = QLineEdit(unit.short_name if unit else "")
        self.uscc = QLineEdit(unit.uscc or "" if unit else "")
        self.uscc.setPlaceholderText(self.tr("18 位，暂无可不填"))
        self.parent_box = QComboBox()
        fill_units(self.parent_box, self.units, blank=self.tr("（无上级机构）"),
                   exclude=subtree(self.units, unit.id) if unit else frozenset(),
                   chosen_id=unit.parent_id if unit else under)
        default_kind = "事业单位" if under else "政府工作部门"
        self.kind = _choice_box("unit_kind", "", unit.kind if unit else default_kind)
        self.rank = _choice_box("unit_rank", self.tr("（未填）"), unit.rank if unit else None)
        self.shiye = _choice_box("shiye_class", self.tr("（不适用）"),
                                 unit.shiye_class if unit else None)
        self.funding = _choice_box("funding", self.tr("（未填）"), unit.funding if unit else None)
        self.doc = QLineEdit(unit.approval_doc if unit else "")
        self.doc.setPlaceholderText(self.tr("如：示编发〔2024〕12号"))
        self.approval_date = optional_date_edit(unit.approval_date if unit else None)
        self.freeze = QCheckBox(self.tr("只出不进（不再进人，可以出编）"))
        self.freeze.setChecked(bool(unit and unit.freeze_in))
        f = self.form
        f.add("机构名称", self.tr("机构名称"), self.name)
        f.add("简称", self.tr("简称"), self.short_name)
        f.add("统一社会信用代码", self.tr("统一社会信用代码"), self.uscc)
        f.add("上级机构", self.tr("上级机构"), self.parent_box)
        f.add("机构类别", self.tr("机构类别"), self.kind)
        f.add("机构级别", self.tr("机构级别"), self.rank)
        f.add("事业单位分类", self.tr("事业单位分类"), self.shiye)
        f.add("经费形式", self.tr("经费形式"), self.funding)
        f.add("批准文号", self.tr("批准文号"), self.doc)
        f.add("批准日期", self.tr("批准日期"), self.approval_date)
        f.add_row("", self.freeze)
        self.parent_box.editTextChanged.connect(lambda _t: self.revalidate())
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()

    def _kind_changed(self) -> None:
        shiye = self.kind.currentData() == "事业单位"
        if not shiye:
            self.shiye.setCurrentIndex(0)
        self.shiye.setEnabled(shiye)
        self.revalidate()

    def _clash(self, what: str, value: str) -> UnitView | None:
        own = self.unit.id if self.unit else None
        return next((u for u in self.units if u.active and u.id != own
                     and getattr(u, what) == value), None)

    def problems(self) -> Problems:
        found: Problems = {}
        name = " ".join(self.name.text().split())
        if not name:
            found["机构名称"] = self.tr("请填写机构名称。")
        elif (other := self._clash("name", name)) is not None:
            found["机构名称"] = self.tr("已有名为“{0}”的机构。").format(other.name)
        if self.uscc.text().strip():
            try:
                code = validate_uscc(self.uscc.text())
            except InvalidValue as exc:
                found["统一社会信用代码"] = exc.reason
            else:
                if (other := self._clash("uscc", code)) is not None:
                    found["统一社会信用代码"] = self.tr(
                        "统一社会信用代码 {0} 已被“{1}”使用。").format(code, other.name)
        return found | parent_problem(self.parent_box, "上级机构",
                                      self.tr("请从列表中选择上级机构。"))

    def value(self) -> UnitInput:
        return UnitInput(
            name=self.name.text(), kind=self.kind.currentData(),
            short_name=self.short_name.text(), uscc=self.uscc.text().strip() or None,
            parent_id=chosen(self.parent_box), rank=self.rank.currentData(),
            shiye_class=self.shiye.currentData(), funding=self.funding.currentData(),
            approval_doc=self.doc.text(), approval_date=optional_date(self.approval_date),
            freeze_in=self.freeze.isChecked())

    def submit(self) -> None:
        if self.unit is None:
            self.write(staffing.create_unit, self.value(), label=self.tr("新增机构"))
        else:
            self.write(staffing.update_unit, self.unit.id, self.value(), label=self.tr("修改机构"))


class MoveDialog(StaffingDialog):
    """移动: the same unit under another parent (never under itself or below)."""

    def __init__(self, ws: Workspace, units: Sequence[UnitView], unit: UnitView,
                 parent: QWidget | None = None) -> None:
        super().__init__(ws, self.tr("移动机构"), parent, ok_text=self.tr("移动"))
        self.unit = unit
        self.target = QComboBox()
        fill_units(self.target, units, blank=self.tr("（无上级机构，作为顶层机构）"),
                   exclude=subtree(units, unit.id), chosen_id=unit.parent_id)
        self.form.add_row(self.tr("机构"), QLabel(unit.name))
        self.form.add("上级机构", self.tr("新的上级机构"), self.target)
        self.target.editTextChanged.connect(lambda _t: self.revalidate())
        self.target.currentIndexChanged.connect(lambda _i: self.revalidate())
        self.revalidate()

    def problems(self) -> Problems:
        found = parent_problem(self.target, "上级机构", self.tr("请从列表中选择上级机构。"))
        if not found and chosen(self.target) == self.unit.parent_id:
            found["上级机构"] = self.tr("这就是现在的上级机构，请选择另一个。")
        return found

    def submit(self) -> None:
        self.write(staffing.move_unit, self.unit.id, chosen(self.target),
                   label=self.tr("移动机构"))


class CloseDialog(StaffingDialog):
    """撤销 or 合并 (into another unit), with the date and the document."""

    def __init__(self, ws: Workspace, units: Sequence[UnitView], unit: UnitView,
                 parent: QWidget | None = None) -> None:
        super().__init__(ws, self.tr("撤销或合并机构"), parent, ok_text=self.tr("撤并"))
        self.unit = unit
        self.action = QComboBox()
        self.action.addItem(self.tr("撤销"), "撤销")
        self.action.addItem(self.tr("合并（并入另一机构）"), "合并")
        self.day = date_edit()
        self.doc = QLineEdit()
        self.doc.setPlaceholderText(self.tr("撤并文件的文号"))
        self.target = QComboBox()
        fill_units(self.target, units, exclude=frozenset({unit.id}), chosen_id=unit.parent_id)
        self.form.add_row(self.tr("机构"), QLabel(unit.name))
        self.form.add("撤并方式", self.tr("撤并方式"), self.action)
        self.form.add("撤并日期", self.tr("撤并日期"), self.day)
        self.form.add("撤并文号", self.tr("撤并文号"), self.doc)
        self.form.add("并入机构", self.tr("并入机构"), self.target)
        note = QLabel(self.tr("撤并后机构保留历史记录，当天起核定编制和领导职数归零；"
                              "还有在编人员、下属机构、借用编制或待审核计划的机构不能撤并。"))
        note.setWordWrap(True)
        self.form.add_row("", note)
        self.action.currentIndexChanged.connect(self._action_changed)
        self.target.editTextChanged.connect(lambda _t: self.revalidate())
        self._action_changed()

    def merging(self) -> bool:
        return bool(self.action.currentData() == "合并")

    def _action_changed(self) -> None:
        self.target.setEnabled(self.merging())
        self.revalidate()

    def problems(self) -> Problems:
        if self.merging() and chosen(self.target) is None:
            return {"并入机构": self.tr("请从列表中选择并入的机构。")}
        return {}

    def value(self) -> CloseUnitInput:
        return CloseUnitInput(self.unit.id, self.action.currentData(), picked(self.day),
                              self.doc.text(), chosen(self.target) if self.merging() else None)

    def submit(self) -> None:
        what = (self.tr("并入“{0}”").format(self.target.currentText()) if self.merging()
                else self.tr("撤销"))
        answer = QMessageBox.question(self, self.windowTitle(), self.tr(
            "确定将“{0}”{1}吗？撤并后不能恢复为正常机构。").format(self.unit.name, what))
        if answer != QMessageBox.StandardButton.Yes:
            self.ok.setEnabled(True)
            return
        self.write(staffing.close_unit, self.value(), label=self.tr("撤并机构"))
