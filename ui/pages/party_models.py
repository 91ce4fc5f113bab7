"""Item models of the party page: the attendance sheet (editable), the month grids
of check-ins and 党费, the dashboard rows, and the 党费 brackets (editable)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from bzdesk.services.party import AttendanceView, Bracket, OrgCompliance
from ui.models import Column, RowsModel

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
EDITABLE = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable
STATUS_COLOURS = {"出席": "", "请假": "#fff3c4", "缺席": "#ffcdd2", "未报到": "#ffcdd2",
                  "已报到": "#e3f2fd", "参加活动": "#c8e6c9"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("party", text)


class TintedRows(RowsModel[T]):
    """Rows whose background says how they stand (an overdue organisation in red)."""

    def __init__(self, columns: Sequence[Column[T]], tint: Callable[[T], str]) -> None:
        super().__init__(columns)
        self._tint = tint

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole:
            row = self.row_at(index.row()) if index.isValid() else None
            colour = self._tint(row) if row is not None else ""
            return QColor(colour) if colour else None
        return super().data(index, role)


def compliance_tint(row: OrgCompliance) -> str:
    if row.count("overdue"):
        return "#ffcdd2"
    return "#fff3c4" if row.count("open") else ""


class AttendanceModel(QAbstractTableModel):
    """One row per member of the organisation: 姓名, 出席情况 (editable), 原因 (editable).

    For a meeting of the members called (支委会, 谈心谈话), a member not called is
    NOT_CALLED and is left out of the record; for the others every member counts.
    """

    STATUSES = ("出席", "请假", "缺席")
    NOT_CALLED = "不参加"
    counts_changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[AttendanceView] = []
        self.whole = True  # every member is expected
        self.headers = [_tr("姓名"), _tr("出席情况"), _tr("请假、缺席原因")]

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        value = (row.member_name, row.status, row.reason)[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return value
        if role == Qt.ItemDataRole.BackgroundRole:
            colour = STATUS_COLOURS.get(row.status, "")
            return QColor(colour) if colour else None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.column() == 0:
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return EDITABLE

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() == 0:
            return False
        row = self.rows[index.row()]
        if index.column() == 1:
            if value not in self.statuses:
                return False
            row = replace(row, status=str(value))
        else:
            row = replace(row, reason=str(value))
        self.rows[index.row()] = row
        left, right = self.index(index.row(), 0), self.index(index.row(), 2)
        self.dataChanged.emit(left, right)
        self.counts_changed.emit()
        return True

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self.headers)):
            return self.headers[section]
        return None

    def replace(self, rows: Sequence[AttendanceView]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()
        self.counts_changed.emit()

    @property
    def statuses(self) -> tuple[str, ...]:
        return self.STATUSES if self.whole else (*self.STATUSES, self.NOT_CALLED)

    def set_whole(self, whole: bool) -> None:
        """Switch between every member expected and only those called."""
        if whole == self.whole:
            return
        self.whole = whole
        old, new = (self.NOT_CALLED, "出席") if whole else ("出席", self.NOT_CALLED)
        self.replace([replace(r, status=new) if r.status == old else r for r in self.rows])

    def default_status(self) -> str:
        return "出席" if self.whole else self.NOT_CALLED

    def set_all(self, status: str) -> None:
        for i in range(len(self.rows)):
            self.setData(self.index(i, 1), status)

    def count(self, status: str) -> int:
        return sum(1 for r in self.rows if r.status == status)

    def expected(self) -> list[AttendanceView]:
        return [r for r in self.rows if r.status != self.NOT_CALLED]


class MonthGridModel(QAbstractTableModel, Generic[T]):
    """Fixed columns, then one column per month (check-ins, 党费), coloured by value."""

    def __init__(self, fixed: Sequence[Column[T]], cell: Callable[[T, int], str],
                 tail: Sequence[Column[T]] = ()) -> None:
        super().__init__()
        self.fixed, self.tail, self.cell = list(fixed), list(tail), cell
        self.months: list[date] = []
        self.rows: list[T] = []

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.fixed) + len(self.months) + len(self.tail)

    def _text(self, row: T, column: int) -> str:
        if column < len(self.fixed):
            return self.fixed[column].text(row)
        column -= len(self.fixed)
        if column < len(self.months):
            return self.cell(row, column)
        return self.tail[column - len(self.months)].text(row)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        text = self._text(self.rows[index.row()], index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return text
        if role == Qt.ItemDataRole.BackgroundRole:
            colour = STATUS_COLOURS.get(text, "")
            return QColor(colour) if colour else None
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= len(self.fixed):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if 0 <= section < len(self.fixed):
            return self.fixed[section].title
        section -= len(self.fixed)
        if 0 <= section < len(self.months):
            return _tr("{0}月").format(self.months[section].month)
        section -= len(self.months)
        return self.tail[section].title if 0 <= section < len(self.tail) else None

    def replace(self, months: Sequence[date], rows: Sequence[T]) -> None:
        self.beginResetModel()
        self.months, self.rows = list(months), list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> T | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def month_at(self, column: int) -> date | None:
        column -= len(self.fixed)
        return self.months[column] if 0 <= column < len(self.months) else None


class BracketModel(QAbstractTableModel):
    """党费 brackets being edited: 上限（元, empty = no upper bound）and 比例（%）."""

    def __init__(self, brackets: Sequence[Bracket] = ()) -> None:
        super().__init__()
        self.rows: list[list[str]] = [
            ["" if b.up_to is None else format(b.up_to, "f"),
             b.percent.rstrip("%")] for b in brackets]
        self.headers = [_tr("月基数上限（元，最后一档留空）"), _tr("比例（%）")]

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else 2

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self.rows[index.row()][index.column()]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return EDITABLE if index.isValid() else Qt.ItemFlag.NoItemFlags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        self.rows[index.row()][index.column()] = str(value).strip()
        self.dataChanged.emit(index, index)
        return True

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.headers[section] if 0 <= section < 2 else None
        return _tr("第{0}档").format(section + 1)

    def add(self) -> None:
        self.beginInsertRows(_ROOT, len(self.rows), len(self.rows))
        self.rows.append(["", ""])
        self.endInsertRows()

    def remove(self, row: int) -> None:
        if 0 <= row < len(self.rows):
            self.beginRemoveRows(_ROOT, row, row)
            del self.rows[row]
            self.endRemoveRows()

    def brackets(self) -> tuple[Bracket, ...] | None:
        """What was typed, or None when a number cannot be read."""
        out = []
        try:
            for upper, pct in self.rows:
                bound = Decimal(upper.replace(",", "")) if upper else None
                out.append(Bracket(bound, Decimal(pct.rstrip("%")) / 100))
        except InvalidOperation:
            return None
        return tuple(out)
