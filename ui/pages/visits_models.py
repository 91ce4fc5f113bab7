"""Item models of the visits page: paged lists with a tint, the dashboard grid,
and the thumbnails of a visit's photos and scans."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QApplication, QStyle

from bzdesk.services.visits import GridRow
from bzdesk.services.visits.views import DUE, MISSED, OFF, UPCOMING, VISITED
from ui.models import Column, PagedModel
from ui.settings import QT_TRANSLATE_NOOP

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
THUMB = QSize(96, 96)

STATES = {
    VISITED: (QT_TRANSLATE_NOOP("visits", "已走访"), "#c8e6c9"),
    DUE: (QT_TRANSLATE_NOOP("visits", "待走访"), "#fff3c4"),
    MISSED: (QT_TRANSLATE_NOOP("visits", "未走访"), "#ffcdd2"),
    UPCOMING: (QT_TRANSLATE_NOOP("visits", "未到"), ""),
    OFF: ("—", "#eeeeee"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("visits", text)


class TintedModel(PagedModel[T]):
    """A paged list whose rows may be drawn in a colour (overdue problems in red)."""

    def __init__(self, columns: Sequence[Column[T]], fetch: Callable[[T | None], list[T]],
                 page_size: int, tint: Callable[[T], str]) -> None:
        super().__init__(columns, fetch, page_size)
        self._tint = tint

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole:
            row = self.row_at(index.row()) if index.isValid() else None
            colour = self._tint(row) if row is not None else ""
            return QColor(colour) if colour else None
        return super().data(index, role)


class GridModel(QAbstractTableModel):
    """Leader × 联系点 rows, one column per quarter, coloured by state."""

    FIXED = 3  # 领导, 类型, 联系点 before the four quarters

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[GridRow] = []
        self.headers = [_tr("领导"), _tr("类型"), _tr("联系点"),
                        *(_tr("第{0}季度").format(q) for q in "一二三四")]

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, column = self.rows[index.row()], index.column()
        if column < self.FIXED:
            if role == Qt.ItemDataRole.DisplayRole:
                return (row.leader_name, row.kind, row.target_name)[column]
            return None
        cell = row.cells[column - self.FIXED]
        label, colour = STATES[cell.state]
        if role == Qt.ItemDataRole.DisplayRole:
            return label if cell.state == OFF else f"{_tr(label)} {cell.visits}/{cell.required}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tr("走访 {0} 次，应走访 {1} 次").format(cell.visits, cell.required)
        if role == Qt.ItemDataRole.BackgroundRole and colour:
            return QColor(colour)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self.headers)):
            return self.headers[section]
        return None

    def replace(self, rows: Sequence[GridRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def quarter_at(self, index: QModelIndex) -> tuple[GridRow, int | None] | None:
        """The row under ``index`` and its quarter (None on the name columns)."""
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        quarter = index.column() - self.FIXED + 1
        return self.rows[index.row()], quarter if quarter >= 1 else None


@dataclass(frozen=True)
class FileItem:
    """A file of the form: already stored (``attachment_id``) or to be added."""

    name: str
    path: Path
    is_image: bool
    attachment_id: str | None = None


class FilesModel(QAbstractListModel):
    """The visit's photos and scans, with thumbnails for the images."""

    def __init__(self) -> None:
        super().__init__()
        self.items: list[FileItem] = []
        self._icons: dict[Path, QIcon] = {}

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        item = self.items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return item.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(item.path)
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icon(item)
        return None

    def _icon(self, item: FileItem) -> QIcon:
        icon = self._icons.get(item.path)
        if icon is None:
            picture = QPixmap(str(item.path)) if item.is_image else QPixmap()
            if picture.isNull():
                icon = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)
            else:
                icon = QIcon(picture.scaled(THUMB, Qt.AspectRatioMode.KeepAspectRatio,
                                            Qt.TransformationMode.SmoothTransformation))
            self._icons[item.path] = icon
        return icon

    def append(self, item: FileItem) -> None:
        row = len(self.items)
        self.beginInsertRows(_ROOT, row, row)
        self.items.append(item)
        self.endInsertRows()

    def remove(self, row: int) -> FileItem | None:
        if not 0 <= row < len(self.items):
            return None
        self.beginRemoveRows(_ROOT, row, row)
        item = self.items.pop(row)
        self.endRemoveRows()
        return item

    def replace(self, items: Sequence[FileItem]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()
