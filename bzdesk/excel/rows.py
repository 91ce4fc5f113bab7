"""The data rows below a detected header, and the cell helpers importers use.

Blank rows, footer rows (合计, 制表人：…, 注：…), a column-numbering row right under
the header (甲 乙 1 2 3 …) and repeated header rows are skipped; strings are trimmed;
a cell covered by a merged range takes the merged value (a unit name merged down over
its people applies to each of them). Each row keeps the number Excel shows.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise
from typing import Final

from bzdesk.excel._text import STRIPPED, strip_text
from bzdesk.excel.cells import cell_text, date_cell, id_cell, int_cell
from bzdesk.excel.headers import ColumnMapping
from bzdesk.excel.reader import Cell, MergedRange, RawRow, RawSheet

__all__ = [
    "DataRow",
    "cell_text",
    "date_cell",
    "id_cell",
    "int_cell",
    "is_footer",
    "iter_data_rows",
]

# A row whose first filled cell starts like this is a footer or a note, not data.
_FOOTER: Final = re.compile(
    r"(?:合计|总计|小计|共计|制表人|制表:|审核人|审核:|填表人|填报人|填表说明|填报说明|制表日期"
    r"|填报日期|填表日期|单位负责人|负责人:|联系人:|说明:|备注:|注\d*[:、.]|注意:)")
_NUMBERING_WORDS: Final = frozenset("甲乙丙丁戊己")


@dataclass(frozen=True, slots=True)
class DataRow:
    """A data row: the number Excel shows and its cells (strings trimmed, "" → None)."""

    number: int
    cells: tuple[Cell, ...]

    def get(self, index: int | None) -> Cell:
        """The cell in 0-based column ``index`` (None when out of range or None)."""
        if index is None or not 0 <= index < len(self.cells):
            return None
        return self.cells[index]

    def value(self, mapping: ColumnMapping, key: str) -> Cell:
        """The cell of field ``key`` (None when the field has no column)."""
        return self.get(mapping.index(key))


def _fold(value: Cell) -> str:
    return "".join(unicodedata.normalize("NFKC", cell_text(value)).split())


def is_footer(cells: tuple[Cell, ...] | list[Cell]) -> bool:
    """Whether a row's first filled cell starts like a total or a signature/note line."""
    for value in cells:
        if value is None or (isinstance(value, str) and not strip_text(value)):
            continue
        return isinstance(value, str) and _FOOTER.match(_fold(value)) is not None
    return False


def _is_numbering(cells: tuple[Cell, ...]) -> bool:
    """甲 乙 1 2 3 …: the column-number row of official statistical forms."""
    texts = [cell_text(v) for v in cells if v is not None]
    numbers = [int(t) for t in texts if t.isdigit()]
    words = [t for t in texts if t in _NUMBERING_WORDS]
    return (len(texts) >= 3 and len(numbers) + len(words) == len(texts)
            and all(b == a + 1 for a, b in pairwise(numbers)))


def _header_words(mapping: ColumnMapping) -> list[tuple[int, set[str]]]:
    """Per mapped column, the texts a repeated header would show there."""
    words = []
    for column in sorted(mapping.columns.values(), key=lambda c: c.index):
        parts = {column.header, *column.header.split("/")}
        words.append((column.index, {p for p in parts if p}))
    return words


def _repeats_header(cells: tuple[Cell, ...], words: list[tuple[int, set[str]]]) -> bool:
    hits = 0
    for index, accepted in words:
        value = cells[index] if index < len(cells) else None
        if isinstance(value, str) and " ".join(value.split()) in accepted:
            hits += 1
        elif not hits:
            return False  # a repeated header repeats its first column too: cheap exit
    return hits >= min(2, len(words)) > 0


def _tidy(cells: tuple[Cell, ...]) -> tuple[Cell, ...]:
    # str.strip(STRIPPED) is strip_text inlined: this runs once per cell of the sheet
    return tuple([(v.strip(STRIPPED) or None) if v.__class__ is str else v for v in cells])


class _MergeFill:
    """Spreads the top-left value of each merged range over the cells it covers."""

    def __init__(self, sheet: RawSheet, first_row: int) -> None:
        self._sheet = sheet
        self._pending = sorted(
            (m for m in sheet.merged if m.last_row >= first_row
             and (m.last_row > m.first_row or m.last_col > m.first_col)),
            key=lambda m: m.first_row)
        self._next = 0
        self._active: list[tuple[MergedRange, Cell]] = []

    def apply(self, row: RawRow) -> tuple[Cell, ...]:
        n = row.number
        while self._next < len(self._pending) and self._pending[self._next].first_row <= n:
            merge = self._pending[self._next]
            self._next += 1
            top = self._sheet.row(merge.first_row)
            self._active.append((merge, top.get(merge.first_col) if top else None))
        self._active = [(m, v) for m, v in self._active if m.last_row >= n]
        if not self._active:
            return row.cells
        cells = list(row.cells)
        for merge, value in self._active:
            if value is None:
                continue
            if len(cells) <= merge.last_col:
                cells.extend([None] * (merge.last_col + 1 - len(cells)))
            for c in range(merge.first_col, merge.last_col + 1):
                if (n, c) != (merge.first_row, merge.first_col):
                    cells[c] = value
        return tuple(cells)


def iter_data_rows(sheet: RawSheet, mapping: ColumnMapping, *,
                   fill_merged: bool = True) -> Iterator[DataRow]:
    """The data rows below ``mapping``'s header, in sheet order."""
    first = mapping.first_data_row
    words = _header_words(mapping)
    merges = _MergeFill(sheet, first) if fill_merged and sheet.merged else None
    leading = True
    for row in sheet.rows:
        if row.number < first:
            continue
        raw = merges.apply(row) if merges else row.cells
        cells = _tidy(raw)
        if cells.count(None) == len(cells):
            continue
        if leading and _is_numbering(cells):
            leading = False
            continue
        leading = False
        if is_footer(cells) or _repeats_header(cells, words):
            continue
        yield DataRow(row.number, cells)
