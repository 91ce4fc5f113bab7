"""Item models of the 机构编制 page: the unit tree (filtered by name, 简称, credit
code or pinyin initials), tinted rows (超编 in red), and rows with editable cells
(pupils, teacher ratios) whose edits go to a callback that writes them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from bzdesk.services.staffing import UnitView, pinyin_initials
from ui.models import Column, RowsModel

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
CLOSED_TEXT = "#888888"
FROZEN_TEXT = "#1565c0"
UNIT_ID_ROLE = Qt.ItemDataRole.UserRole


def _tr(text: str) -> str:
    return QCoreApplication.translate("staffing", text)


@dataclass
class _Node:
    unit: UnitView
    parent: int  # index in UnitTreeModel._nodes, -1 for a root
    row: int  # position among its siblings
    children: list[int] = field(default_factory=list)


class UnitTreeModel(QAbstractItemModel):
    """The units as a tree. The filter keeps each matching unit and the units above
    it, so a match is always shown where it sits; closed units only on request."""

    def __init__(self) -> None:
        super().__init__()
        self.units: list[UnitView] = []
        self.text = ""
        self.show_closed = False
        self._initials: dict[str, str] = {}
        self._nodes: list[_Node] = []
        self._roots: list[int] = []
        self.headers = [_tr("机构名称"), _tr("简称"), _tr("统一社会信用代码"), _tr("机构类别"),
                        _tr("状态")]

    # -- filling -------------------------------------------------------------
    def replace(self, units: Sequence[UnitView]) -> None:
        self.units = list(units)
        self._initials = {u.id: pinyin_initials(u.name) for u in self.units}
        self._rebuild()

    def set_filter(self, text: str, show_closed: bool) -> None:
        self.text, self.show_closed = text.strip(), show_closed
        self._rebuild()

    def _matches(self, unit: UnitView) -> bool:
        if not unit.active and not self.show_closed:
            return False
        word = self.text.casefold()
        return not word or any(word in value.casefold() for value in (
            unit.name, unit.short_name, unit.uscc or "", self._initials.get(unit.id, "")))

    def _rebuild(self) -> None:
        by_id = {u.id: u for u in self.units}
        keep: set[str] = set()
        for unit in self.units:
            if self._matches(unit):
                current: UnitView | None = unit
                while current is not None and current.id not in keep:
                    keep.add(current.id)
                    current = by_id.get(current.parent_id or "")
        self.beginResetModel()
        self._nodes, self._roots = [], []
        position: dict[str, int] = {}
        for unit in self.units:  # tree order: a parent comes before its children
            if unit.id not in keep:
                continue
            parent = position.get(unit.parent_id or "", -1)
            siblings = self._nodes[parent].children if parent >= 0 else self._roots
            position[unit.id] = len(self._nodes)
            siblings.append(len(self._nodes))
            self._nodes.append(_Node(unit, parent, len(siblings) - 1))
        self.endResetModel()

    # -- lookups -------------------------------------------------------------
    def unit_at(self, index: Index) -> UnitView | None:
        if not index.isValid():
            return None
        return self._nodes[index.internalId()].unit

    def index_of(self, unit_id: str | None) -> QModelIndex:
        for number, node in enumerate(self._nodes):
            if node.unit.id == unit_id:
                return self.createIndex(node.row, 0, number)
        return QModelIndex()

    def first_index(self) -> QModelIndex:
        return self.index(0, 0) if self._roots else QModelIndex()

    def visible_count(self) -> int:
        return len(self._nodes)

    # -- QAbstractItemModel -------------------------------------------------
    def _children(self, parent: Index) -> list[int]:
        if not parent.isValid():
            return self._roots
        if parent.column() != 0:
            return []
        return self._nodes[parent.internalId()].children

    def index(self, row: int, column: int, parent: Index = _ROOT) -> QModelIndex:
        children = self._children(parent)
        if not (0 <= row < len(children) and 0 <= column < len(self.headers)):
            return QModelIndex()
        return self.createIndex(row, column, children[row])

    def parent(self, index: Index = _ROOT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        up = self._nodes[index.internalId()].parent
        if up < 0:
            return QModelIndex()
        return self.createIndex(self._nodes[up].row, 0, up)

    def rowCount(self, parent: Index = _ROOT) -> int:
        return len(self._children(parent))

    def columnCount(self, parent: Index = _ROOT) -> int:
        return len(self.headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        unit = self.unit_at(index)
        if unit is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(unit, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(part for part in (unit.name, unit.uscc or "", self._status(unit))
                             if part)
        if role == Qt.ItemDataRole.ForegroundRole:
            if not unit.active:
                return QColor(CLOSED_TEXT)
            return QColor(FROZEN_TEXT) if unit.freeze_in and index.column() == 4 else None
        if role == UNIT_ID_ROLE:
            return unit.id
        return None

    @staticmethod
    def _status(unit: UnitView) -> str:
        if not unit.active:
            return f"{unit.status}（{unit.closed_on}）" if unit.closed_on else unit.status
        return _tr("只出不进") if unit.freeze_in else _tr("正常")

    def _text(self, unit: UnitView, column: int) -> str:
        return (unit.name, unit.short_name, unit.uscc or "", unit.kind,
                self._status(unit))[column]

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self.headers)):
            return self.headers[section]
        return None


class TintedRows(RowsModel[T]):
    """Rows drawn on a colour that says how they stand (超编 red)."""

    def __init__(self, columns: Sequence[Column[T]], tint: Callable[[T], str]) -> None:
        super().__init__(columns)
        self._tint = tint

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole:
            row = self.row_at(index.row()) if index.isValid() else None
            colour = self._tint(row) if row is not None else ""
            return QColor(colour) if colour else None
        return super().data(index, role)


Edit = Callable[[T, int, str], T | None]  # (row, column, typed text) → the new row or refused


class EditableRows(TintedRows[T]):
    """Tinted rows whose ``editable`` columns take typed text. ``edit`` checks the
    text and starts the write; the row shows the new value at once and the reload
    after the write shows what was stored (or the old value on a refusal)."""

    def __init__(self, columns: Sequence[Column[T]], tint: Callable[[T], str],
                 editable: frozenset[int], edit: Edit[T]) -> None:
        super().__init__(columns, tint)
        self.editable = editable
        self.writable = True
        self._edit = edit

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.writable and index.column() in self.editable:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.EditRole:
            return super().data(index, Qt.ItemDataRole.DisplayRole)
        return super().data(index, role)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (role != Qt.ItemDataRole.EditRole or not index.isValid()
                or not self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        row = self.row_at(index.row())
        if row is None or str(value).strip() == self.columns[index.column()].text(row):
            return False
        new = self._edit(row, index.column(), str(value).strip())
        if new is None:
            return False
        self.rows[index.row()] = new
        self.dataChanged.emit(self.index(index.row(), 0),
                              self.index(index.row(), len(self.columns) - 1))
        return True
