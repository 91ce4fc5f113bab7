"""Pieces the 实名管理 tabs and dialogs share: a unit picker that searches inside
names, choice boxes over the staffing dictionaries, loose dates checked as typed."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, TypeVar

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QHeaderView,
    QLineEdit,
    QTableView,
)

from bzdesk.services.staffing import CategoryView, UnitView, choices
from bzdesk.services.staffing.dictionaries import ChoiceKind
from bzdesk.validation import InvalidValue, parse_loose_date
from ui.models import Column, RowsModel
from ui.settings import QT_TRANSLATE_NOOP

T = TypeVar("T")

DATE_HINT = QT_TRANSLATE_NOOP("roster", "如 2019-07-01，只知月份写 2019.07")


def unit_label(unit: UnitView) -> str:
    """The name indented by depth (full-width spaces keep CJK aligned)."""
    if unit.active:
        return "　" * unit.depth + unit.name
    return "　" * unit.depth + QCoreApplication.translate("roster", "{0}（{1}）").format(
        unit.name, unit.status)


class UnitPicker(QComboBox):
    """Units in tree order; typing finds a unit by any part of its name."""

    def __init__(self, everyone: str = "") -> None:
        super().__init__()
        self.everyone = everyone
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMinimumWidth(220)
        self.setMaxVisibleItems(20)
        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompleter(completer)
        line = self.lineEdit()
        assert line is not None
        line.editingFinished.connect(self._settle)

    def set_units(self, units: Sequence[UnitView], *, active_only: bool = False) -> None:
        """Fill the list, keeping the chosen unit when it is still there."""
        current = self.unit_id()
        self.blockSignals(True)
        self.clear()
        if self.everyone:
            self.addItem(self.everyone, None)
        for unit in units:
            if unit.active or not active_only:
                self.addItem(unit_label(unit), unit.id)
        self.setCurrentIndex(max(0, self.findData(current)) if self.count() else -1)
        self.blockSignals(False)

    def unit_id(self) -> str | None:
        data = self.currentData()
        return data if isinstance(data, str) else None

    def choose(self, unit_id: str | None) -> None:
        self.setCurrentIndex(max(0, self.findData(unit_id)))

    def _settle(self) -> None:
        """Typed text that names no unit goes back to the chosen one."""
        text = self.currentText().strip()
        found = next((i for i in range(self.count())
                      if self.itemText(i).strip() == text), -1)
        if found >= 0:
            self.setCurrentIndex(found)
        else:
            self.setEditText(self.itemText(self.currentIndex()))


def choice_box(kind: ChoiceKind, current: str = "", *, blank: str = "") -> QComboBox:
    """A dictionary's values (民族, 政治面貌 …); ``blank`` adds an empty first entry."""
    box = QComboBox()
    if blank:
        box.addItem(blank, "")
    for value in choices(kind):
        box.addItem(value, value)
    box.setCurrentIndex(max(0, box.findData(current)))
    return box


def category_box(categories: Sequence[CategoryView], current: str | None = None,
                 *, everyone: str = "") -> QComboBox:
    box = QComboBox()
    fill_categories(box, categories, everyone=everyone)
    box.setCurrentIndex(max(0, box.findData(current)))
    return box


def fill_categories(box: QComboBox, categories: Sequence[CategoryView], *,
                    everyone: str = "") -> None:
    current = box.currentData()
    box.blockSignals(True)
    box.clear()
    if everyone:
        box.addItem(everyone, None)
    for c in categories:
        box.addItem(c.name, c.id)
    box.setCurrentIndex(max(0, box.findData(current)))
    box.blockSignals(False)


def date_field(value: date | str | None = None, placeholder: str = DATE_HINT) -> QLineEdit:
    field = QLineEdit(value.isoformat() if isinstance(value, date) else (value or ""))
    field.setPlaceholderText(QCoreApplication.translate("roster", placeholder))
    return field


def date_problem(text: str, *, required: bool = True, allow_future: bool = False) -> str:
    """Why a typed date (to the day or only the month) is not usable, or ""."""
    if not text.strip():
        return QCoreApplication.translate("roster", "请填写日期。") if required else ""
    try:
        day, _precision = parse_loose_date(text)
    except InvalidValue as exc:
        return exc.reason + "。"
    if not allow_future and day > date.today():
        return QCoreApplication.translate("roster", "日期不能晚于今天。")
    return ""


def month_text(day: date | None, precision: str | None) -> str:
    """A stored date as the clerk gave it: 2019-07-01, or 2019.07 when only the month."""
    if day is None:
        return ""
    if precision == "month":
        return f"{day.year}.{day.month:02d}"
    if precision == "year":
        return str(day.year)
    return day.isoformat()


def make_table(model: QAbstractItemModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class TintedRows(RowsModel[T]):
    """A short list whose rows may be drawn in a colour (people past retirement)."""

    def __init__(self, columns: Sequence[Column[T]], tint: Callable[[T], str]) -> None:
        super().__init__(columns)
        self._tint = tint

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole:
            row = self.row_at(index.row()) if index.isValid() else None
            colour = self._tint(row) if row is not None else ""
            return QColor(colour) if colour else None
        return super().data(index, role)
