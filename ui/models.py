"""Table models over service views (frozen dataclasses).

``RowsModel`` shows a list the service returned whole (users, backups: a
handful of rows). ``PagedModel`` adds keyset paging for long lists: the view
asks for more as the clerk scrolls (``canFetchMore``/``fetchMore``), and each
page is one small indexed query (STYLE §5).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


@dataclass(frozen=True)
class Column(Generic[T]):
    title: str
    text: Callable[[T], str]
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft


class RowsModel(QAbstractTableModel, Generic[T]):
    def __init__(self, columns: Sequence[Column[T]], rows: Sequence[T] = ()) -> None:
        super().__init__()
        self.columns = list(columns)
        self.rows: list[T] = list(rows)

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        column = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return column.text(self.rows[index.row()])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self.columns)):
            return self.columns[section].title
        return None

    def replace(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> T | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None


class PagedModel(RowsModel[T]):
    """Rows fetched a page at a time by ``fetch(after_row_or_None) -> rows``.

    A page shorter than ``page_size`` means the end was reached. ``fetch`` runs
    in the GUI thread: it must be one small keyset query.
    """

    def __init__(self, columns: Sequence[Column[T]], fetch: Callable[[T | None], list[T]],
                 page_size: int) -> None:
        super().__init__(columns)
        self._fetch = fetch
        self._page_size = page_size
        self._more = True

    def restart(self, first_page: list[T]) -> None:
        self.replace(first_page)
        self._more = len(first_page) >= self._page_size

    def canFetchMore(self, parent: Index = _ROOT) -> bool:
        return not parent.isValid() and self._more and bool(self.rows)

    def fetchMore(self, parent: Index = _ROOT) -> None:
        if not self.canFetchMore(parent):
            return
        page = self._fetch(self.rows[-1])
        self._more = len(page) >= self._page_size
        if page:
            start = len(self.rows)
            self.beginInsertRows(_ROOT, start, start + len(page) - 1)
            self.rows.extend(page)
            self.endInsertRows()
