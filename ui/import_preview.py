"""The import wizard's preview: the sheet's data rows as read, with every problem marked.

A ``QAbstractTableModel`` over the rows already in memory (the sheet was read whole to be
checked): Excel row number, what the import will do with the row (新增 / 更新 / 不变 /
有误), then one column per mapped field under the header as the clerk wrote it. A bad
cell is red and its tooltip gives the reason; a problem that belongs to no shown column
marks the status cell. "Only rows with problems" narrows the rows shown.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any, Final

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from bzdesk.excel import DataRow, cell_text

if TYPE_CHECKING:
    from bzdesk.services.excel_io import ImportReport, ImportSheet

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
BAD: Final = QColor("#ffc7ce")
BAD_TEXT: Final = QColor("#9c0006")
STATUS_COLOURS: Final = {"新增": QColor("#e2efda"), "更新": QColor("#fff2cc")}
_FIXED: Final = 2  # 行号, 状态


class PreviewModel(QAbstractTableModel):
    """Rows of the sheet with the check's verdict; see the module docstring."""

    def __init__(self) -> None:
        super().__init__()
        self._all: list[DataRow] = []
        self._rows: list[DataRow] = []
        self._columns: list[tuple[int, str]] = []  # (sheet column, header as written)
        self._status: dict[int, str] = {}
        self._reasons: dict[tuple[int, int | None], list[str]] = {}
        self._bad_rows: set[int] = set()
        self._only_bad = False

    # -- filling -------------------------------------------------------------
    def show(self, data: ImportSheet, report: ImportReport) -> None:
        """The sheet's data rows with the report's statuses and problems."""
        self.beginResetModel()
        mapped = sorted(data.mapping.columns.values(), key=lambda c: c.index)
        self._columns = [(c.index, c.header) for c in mapped]
        by_header = {c.header: c.index for c in mapped}
        self._reasons = defaultdict(list)
        for p in report.problems:
            if p.row is None:
                continue
            self._reasons[(p.row, by_header.get(p.column))].append(p.reason)
        self._bad_rows = {p.row for p in report.problems if p.row is not None}
        self._status = dict(report.statuses)
        self._all = list(data.data_rows())
        self._rows = self._visible()
        self.endResetModel()

    def set_only_bad(self, only: bool) -> None:
        self.beginResetModel()
        self._only_bad = only
        self._rows = self._visible()
        self.endResetModel()

    def _visible(self) -> list[DataRow]:
        if not self._only_bad:
            return self._all
        return [r for r in self._all if r.number in self._bad_rows]

    def reasons(self, row: int, column: int) -> list[str]:
        """The problems shown at a view cell (the status cell: those of no shown column)."""
        if not 0 <= row < len(self._rows):
            return []
        number = self._rows[row].number
        if column >= _FIXED:
            return list(self._reasons.get((number, self._columns[column - _FIXED][0]), []))
        if column == 1:
            return list(self._reasons.get((number, None), []))
        return []

    # -- Qt ------------------------------------------------------------------
    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else _FIXED + len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if section == 0:
            return self.tr("行号")
        if section == 1:
            return self.tr("导入结果")
        if _FIXED <= section < self.columnCount():
            return self._columns[section - _FIXED][1]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            reasons = self.reasons(index.row(), column)
            return "\n".join(reasons) if reasons else None
        bad = bool(self.reasons(index.row(), column)) or (
            column == 1 and row.number in self._bad_rows)
        if role == Qt.ItemDataRole.BackgroundRole:
            if bad:
                return QBrush(BAD)
            colour = STATUS_COLOURS.get(self._status.get(row.number, "")) if column == 1 else None
            return QBrush(colour) if colour else None
        if role == Qt.ItemDataRole.ForegroundRole and bad:
            return QBrush(BAD_TEXT)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, row: DataRow, column: int) -> str:
        if column == 0:
            return str(row.number)
        if column == 1:
            return self._status.get(row.number, "有误" if row.number in self._bad_rows else "")
        return cell_text(row.get(self._columns[column - _FIXED][0]))
