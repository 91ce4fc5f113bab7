"""Find the header row of a sheet and map its columns to fields.

Real sheets put a title (often merged across the table), a unit name or notes above
the header, and some split a header over two rows ("领导职数" merged above "正职" and
"副职"). Every candidate — each of the first non-blank rows alone, and each with the
row below it — is scored by how many expected fields its labels name (required ones
first). The best wins; on a tie a single row beats a pair (so a pair wins only when its
upper row adds fields), then the earliest. The result, a :class:`ColumnMapping`, keeps
each header as written (for error reports) and can be edited by the GUI.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Final

from bzdesk.errors import FieldProblem, ValidationError
from bzdesk.excel.cells import cell_text
from bzdesk.excel.kinds import KIND_MISSING_COLUMN, KIND_NO_HEADER, refusal
from bzdesk.excel.reader import HEADER_ALLOWANCE, Cell, RawRow, RawSheet
from bzdesk.excel.synonyms import Synonyms

__all__ = ["SEARCH_ROWS", "ColumnMapping", "MappedColumn", "detect_header", "header_at",
           "header_text"]

#: How many non-blank rows from the top may hold the header (the reader allows as many
#: rows above the data on top of its row limit).
SEARCH_ROWS: Final = HEADER_ALLOWANCE
_PAIR_SEPARATOR: Final = "/"


def header_text(value: Cell) -> str:
    """A header cell as written, on one line (runs of whitespace become one space)."""
    return " ".join(cell_text(value).split())


@dataclass(frozen=True, slots=True)
class MappedColumn:
    """Where a field is: the 0-based column index and the header as written."""

    index: int
    header: str


@dataclass(frozen=True)
class ColumnMapping:
    """Field key → column, plus every header of the header row(s) for the GUI to offer."""

    header_rows: tuple[int, ...]
    columns: Mapping[str, MappedColumn]
    headers: tuple[str, ...]
    labels: Mapping[str, str] = field(default_factory=dict)

    @property
    def first_data_row(self) -> int:
        """The Excel row number just below the header."""
        return self.header_rows[-1] + 1

    def index(self, key: str) -> int | None:
        column = self.columns.get(key)
        return column.index if column else None

    def header(self, key: str) -> str:
        """The header as written for ``key``, else the field's label."""
        column = self.columns.get(key)
        return column.header if column else self.labels.get(key, key)

    def header_of(self, index: int) -> str:
        """The header as written of column ``index`` ("" when it has none)."""
        return self.headers[index] if 0 <= index < len(self.headers) else ""

    def with_column(self, key: str, index: int | None) -> ColumnMapping:
        """A copy with ``key`` read from column ``index`` (None: not read at all).

        A column holds one field: a field that had ``index`` before loses it.
        """
        columns = {k: c for k, c in self.columns.items() if k != key}
        if index is not None:
            if not 0 <= index < len(self.headers):
                raise ValueError(f"column {index} is outside the header")
            columns = {k: c for k, c in columns.items() if c.index != index}
            columns[key] = MappedColumn(index, self.headers[index])
        return replace(self, columns=columns)

    def unmapped(self) -> list[tuple[int, str]]:
        """Columns with a header that no field reads."""
        used = {c.index for c in self.columns.values()}
        return [(i, h) for i, h in enumerate(self.headers) if h and i not in used]

    def require(self, keys: Iterable[str], synonyms: Synonyms | None = None) -> None:
        """Refuse (kind "missing_column") when any of ``keys`` has no column."""
        missing = [k for k in keys if k not in self.columns]
        if not missing:
            return
        words = synonyms or Synonyms.default()
        rows = "、".join(str(r) for r in self.header_rows)
        found = "、".join(f"“{h}”" for h in self.headers if h) or "（无）"
        problems = []
        for key in missing:
            label = self.labels.get(key) or words.label(key)
            names = "、".join(words.spellings(key)) or label
            reason = (f"表头（第 {rows} 行）中找不到“{label}”列，可用的列名有：{names}；"
                      f"表头中现有的列：{found}")
            problems.append(FieldProblem(label, "", reason, KIND_MISSING_COLUMN,
                                         self.header_rows[0]))
        raise ValidationError(problems[0].reason if len(problems) == 1 else
                              f"表头中缺少 {len(problems)} 列：" + "、".join(
                                  f"“{p.column}”" for p in problems), problems)


@dataclass(frozen=True, slots=True)
class _Reading:
    rows: tuple[int, ...]
    headers: tuple[str, ...]
    columns: dict[str, MappedColumn]
    score: tuple[int, int]


def _assign(options: Sequence[Sequence[str]], headers: tuple[str, ...], fields: Collection[str],
            required: Collection[str], synonyms: Synonyms, rows: tuple[int, ...]) -> _Reading:
    columns: dict[str, MappedColumn] = {}
    for index, texts in enumerate(options):
        for text in texts:
            key = synonyms.match(text, fields) if text else None
            if key is not None and key not in columns:
                columns[key] = MappedColumn(index, headers[index])
                break
    score = (sum(1 for k in required if k in columns), len(columns))
    return _Reading(rows, headers, columns, score)


def _rank(reading: _Reading) -> tuple[int, int, int, int]:
    """Best score first; on a tie a single row beats a pair, then the earliest wins."""
    return (*reading.score, -len(reading.rows), -reading.rows[0])


def _parents(sheet: RawSheet, top: RawRow, below: RawRow, width: int) -> list[str]:
    """The upper row's labels, spread over the columns a merged label covers.

    Without merge information (.ods, .csv, or none recorded for the row) a label is
    spread right over blank cells while the row below labels them, if it labels the
    label's own column too ("领导职数" over "正职", "副职").
    """
    labels = [header_text(top.get(c)) for c in range(width)]
    spans = [m for m in sheet.merged if m.first_row <= top.number <= m.last_row]
    if spans:
        for m in spans:
            text = header_text(top.get(m.first_col)) if m.first_row == top.number else ""
            for c in range(m.first_col, min(m.last_col + 1, width)):
                labels[c] = text
        return labels
    for c in range(1, width):
        if not labels[c] and labels[c - 1] and header_text(below.get(c)) and header_text(
                below.get(c - 1)):
            labels[c] = labels[c - 1]
    return labels


def _pair(sheet: RawSheet, top: RawRow, below: RawRow, fields: Collection[str],
          required: Collection[str], synonyms: Synonyms) -> _Reading:
    width = max(len(top.cells), len(below.cells))
    parents = _parents(sheet, top, below, width)
    options: list[list[str]] = []
    headers: list[str] = []
    for c in range(width):
        parent, child = parents[c], header_text(below.get(c))
        if parent and child and parent != child:
            # A labelled child is named by itself or with its parent, never by the parent
            # alone: a group label ("基本情况") must not claim the columns under it.
            options.append([parent + child, child])
            headers.append(f"{parent}{_PAIR_SEPARATOR}{child}")
        else:
            options.append([child or parent])
            headers.append(child or parent)
    return _assign(options, tuple(headers), fields, required, synonyms,
                   (top.number, below.number))


def detect_header(
    sheet: RawSheet,
    fields: Collection[str],
    *,
    required: Collection[str] = (),
    synonyms: Synonyms | None = None,
    search_rows: int = SEARCH_ROWS,
) -> ColumnMapping:
    """Find the header among the first ``search_rows`` non-blank rows and map ``fields``.

    Refuses with kind "no_header" when no row names at least two expected fields (one,
    if only one is expected) and with "missing_column" when a ``required`` field has no
    column. ``synonyms`` defaults to the built-in dictionary; pass
    ``Synonyms.default().extended(user_spellings)`` to add the user's.
    """
    words = synonyms or Synonyms.default()
    wanted = set(fields) | set(required)
    top_rows = sheet.rows[:search_rows]
    best: _Reading | None = None
    for i, row in enumerate(top_rows):
        headers = tuple(header_text(v) for v in row.cells)
        readings = [_assign([[h] for h in headers], headers, wanted, required, words,
                            (row.number,))]
        if i + 1 < len(top_rows) and top_rows[i + 1].number == row.number + 1:
            readings.append(_pair(sheet, row, top_rows[i + 1], wanted, required, words))
        for reading in readings:
            if best is None or _rank(reading) > _rank(best):
                best = reading
    threshold = min(2, len(wanted))
    if best is None or best.score[1] < threshold:
        order = {k: i for i, k in enumerate(words.fields)}
        ranked = sorted(wanted, key=lambda k: (order.get(k, len(order)), k))
        names = "、".join(f"“{words.label(k)}”" for k in ranked)
        least = "两" if threshold == 2 else "一"
        raise refusal(f"工作表“{sheet.name}”的前 {search_rows} 行中找不到表头：没有一行包含{names}"
                      f"中的至少{least}列。请确认选择了正确的工作表，或在表头中使用常见的列名",
                      KIND_NO_HEADER, value=sheet.file)
    labels = {k: words.label(k) for k in wanted}
    mapping = ColumnMapping(best.rows, best.columns, best.headers, labels)
    mapping.require(required, words)
    return mapping


def header_at(
    sheet: RawSheet,
    first_row: int,
    fields: Collection[str],
    *,
    two_rows: bool = False,
    synonyms: Synonyms | None = None,
) -> ColumnMapping:
    """The mapping when the clerk says where the header is: Excel row ``first_row``
    (with the row below it when ``two_rows``). Required fields are not enforced here
    (the clerk may still pick their columns); refuses (kind "no_header") a blank row."""
    words = synonyms or Synonyms.default()
    wanted = set(fields)
    top = sheet.row(first_row)
    below = sheet.row(first_row + 1) if two_rows else None
    if top is None or (two_rows and below is None):
        which = "或下一行" if two_rows else ""
        raise refusal(f"工作表“{sheet.name}”的第 {first_row} 行{which}是空行，不能作为表头",
                      KIND_NO_HEADER, value=sheet.file)
    if below is not None:
        reading = _pair(sheet, top, below, wanted, (), words)
    else:
        headers = tuple(header_text(v) for v in top.cells)
        reading = _assign([[h] for h in headers], headers, wanted, (), words, (top.number,))
    labels = {k: words.label(k) for k in wanted}
    return ColumnMapping(reading.rows, reading.columns, reading.headers, labels)
