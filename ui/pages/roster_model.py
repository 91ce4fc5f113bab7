"""The people list of 实名管理: a table model over keyset pages read in the background.

The model never holds more than the pages the clerk scrolled through: the view
asks for more (``canFetchMore``/``fetchMore``) near the bottom, one page of
``PAGE`` people is read on a reader thread, and its rows are appended when it
arrives. A new query (search, filter, a click on a sortable header) starts a
new generation: pages of an older one are dropped when they come back late.
Sorting is the query's: the database walks its index in that order.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any, Final

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from bzdesk.services.staffing import Cursor, Page, PersonQuery, PersonRow
from ui.settings import QT_TRANSLATE_NOOP

PAGE: Final = 200
Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
LEFT_COLOUR = "#757575"  # people no longer in post

Done = Callable[[Page], None]
Failed = Callable[[], None]
# read(query, after, done, failed): start reading one page; call done or failed later.
Reader = Callable[[PersonQuery, Cursor | None, Done, Failed], None]


def _day(value: date | None) -> str:
    return value.isoformat() if value else ""


def _status(row: PersonRow) -> str:
    if row.in_post:
        return QCoreApplication.translate("roster", "在编")
    if row.posting_id is None:
        return QCoreApplication.translate("roster", "未入编")
    return QCoreApplication.translate("roster", "{0} 出编").format(_day(row.end_on))


# (header, text of a row, the query's sort key when the column sorts)
COLUMNS: Final[list[tuple[str, Callable[[PersonRow], str], str | None]]] = [
    (QT_TRANSLATE_NOOP("roster", "姓名"), lambda r: r.name, "name"),
    (QT_TRANSLATE_NOOP("roster", "性别"), lambda r: r.sex, None),
    (QT_TRANSLATE_NOOP("roster", "公民身份号码"), lambda r: r.id_number, "id_number"),
    (QT_TRANSLATE_NOOP("roster", "出生日期"), lambda r: _day(r.birth_date), "birth_date"),
    (QT_TRANSLATE_NOOP("roster", "单位"), lambda r: r.unit, None),
    (QT_TRANSLATE_NOOP("roster", "编制类型"), lambda r: r.category, None),
    (QT_TRANSLATE_NOOP("roster", "职务/岗位"), lambda r: r.position, None),
    (QT_TRANSLATE_NOOP("roster", "入编时间"), lambda r: _day(r.start_on), "start_on"),
    (QT_TRANSLATE_NOOP("roster", "状态"), _status, None),
]
SORT_COLUMNS: Final = {key: i for i, (_, _, key) in enumerate(COLUMNS) if key}


class PeopleModel(QAbstractTableModel):
    page_loaded = Signal()  # a page of the current query arrived (or failed)

    def __init__(self, read: Reader, page_size: int = PAGE) -> None:
        super().__init__()
        self._read = read
        self._page_size = page_size
        self.query = PersonQuery()
        self.rows: list[PersonRow] = []
        self._cursor: Cursor | None = None
        self._generation = 0
        self.loading = False

    # -- the query -------------------------------------------------------------
    def set_query(self, query: PersonQuery) -> None:
        """Show ``query`` from its first page (the old rows go at once)."""
        self.query = query
        self._generation += 1
        self.beginResetModel()
        self.rows = []
        self._cursor = None
        self.endResetModel()
        self._start(None)

    def _start(self, after: Cursor | None) -> None:
        self.loading = True
        generation = self._generation
        self._read(self.query, after, lambda page: self._arrived(generation, page),
                   lambda: self._failed(generation))

    def _arrived(self, generation: int, page: Page) -> None:
        if generation != self._generation:
            return  # an older query's page
        self.loading = False
        self._cursor = page.next_cursor
        known = {r.id for r in self.rows[-self._page_size:]}
        fresh = [r for r in page.rows if r.id not in known]  # (a person edited meanwhile)
        if fresh:
            start = len(self.rows)
            self.beginInsertRows(_ROOT, start, start + len(fresh) - 1)
            self.rows.extend(fresh)
            self.endInsertRows()
        self.page_loaded.emit()

    def _failed(self, generation: int) -> None:
        if generation == self._generation:
            self.loading = False
            self._cursor = None  # the error was shown; no retry loop on scrolling
            self.page_loaded.emit()

    def canFetchMore(self, parent: Index = _ROOT) -> bool:
        return not parent.isValid() and self._cursor is not None and not self.loading

    def fetchMore(self, parent: Index = _ROOT) -> None:
        if self.canFetchMore(parent):
            self._start(self._cursor)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = COLUMNS[column][2] if 0 <= column < len(COLUMNS) else None
        descending = order == Qt.SortOrder.DescendingOrder
        if key is None or (key, descending) == (self.query.sort, self.query.descending):
            return
        self.set_query(replace(self.query, sort=key, descending=descending))

    # -- the table ---------------------------------------------------------------
    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows) \
                or not 0 <= index.column() < len(COLUMNS):
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return COLUMNS[index.column()][1](row)
        if role == Qt.ItemDataRole.ForegroundRole and not row.in_post:
            return QColor(LEFT_COLOUR)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(COLUMNS)):
            return QCoreApplication.translate("roster", COLUMNS[section][0])
        return None

    def row_at(self, row: int) -> PersonRow | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def row_of(self, person_id: str) -> int:
        return next((i for i, r in enumerate(self.rows) if r.id == person_id), -1)
