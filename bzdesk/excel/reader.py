"""Read a sheet of .xlsx/.xlsm/.xlsb, .xls, .ods or .csv into plain Python rows.

python-calamine does all the workbook parsing (it reads .xls and .ods too, and gives
merged ranges for .xlsx/.xls), so openpyxl is never needed to read. Formulas come back
as the value Excel cached when the file was saved; nothing is evaluated.

Cell values keep their types: ``str``, ``float`` for every number (calamine returns
whole numbers as floats too — an ID card number typed as a number arrives as a float,
which is how :func:`bzdesk.excel.cells.id_cell` spots it), ``date``/``datetime`` for
date-formatted cells, ``bool``, and ``None`` for an empty cell. Blank rows (empty or
whitespace-only cells) are not kept: each kept row carries the row number Excel shows.
Formatted empty rows never reach Python (calamine trims them); rows of empty-string
cells (some WPS versions) are skipped one by one without being kept, so a million of
them cost about 0.7 s on top of calamine's own parse and no Python memory.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from types import TracebackType
from typing import BinaryIO, Final, TypeAlias, cast

from bzdesk.excel._text import strip_text
from bzdesk.excel.csv_reader import read_delimited
from bzdesk.excel.kinds import (
    KIND_DAMAGED,
    KIND_EMPTY_SHEET,
    KIND_NO_SHEET,
    KIND_TOO_MANY_ROWS,
    refusal,
)
from bzdesk.excel.sniff import SAVE_AS, Format, sniff_format

__all__ = [
    "HEADER_ALLOWANCE",
    "Cell",
    "MergedRange",
    "RawRow",
    "RawSheet",
    "ReadLimits",
    "Table",
    "open_table",
    "read_sheet",
]

Cell: TypeAlias = str | float | bool | datetime | date | None

#: Non-blank rows allowed above the data (titles, notes, a two-row header) on top of
#: ``ReadLimits.max_data_rows``.
HEADER_ALLOWANCE: Final = 30


@dataclass(frozen=True, slots=True)
class ReadLimits:
    """Refusal thresholds (settings; these are the defaults)."""

    max_bytes: int = 50 * 1024 * 1024
    max_data_rows: int = 200_000
    #: Unpacked size of a zip-based workbook (an .xlsx is compressed ~10×).
    max_unpacked_bytes: int = 1024 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class RawRow:
    """One non-blank row: its Excel row number (1-based) and cells from column A."""

    number: int
    cells: tuple[Cell, ...]

    def get(self, column: int) -> Cell:
        """The cell in 0-based ``column`` (None beyond the row's end)."""
        return self.cells[column] if 0 <= column < len(self.cells) else None


@dataclass(frozen=True, slots=True)
class MergedRange:
    """Merged cells: Excel row numbers (1-based) and 0-based column indexes, inclusive."""

    first_row: int
    first_col: int
    last_row: int
    last_col: int

    def covers(self, row: int, column: int) -> bool:
        return (self.first_row <= row <= self.last_row
                and self.first_col <= column <= self.last_col)


@dataclass(frozen=True)
class RawSheet:
    """A sheet as read: non-blank rows in order, and where they came from."""

    file: str
    format: Format
    name: str
    sheet_names: tuple[str, ...]
    rows: tuple[RawRow, ...]
    width: int
    merged: tuple[MergedRange, ...] = ()
    encoding: str | None = None
    delimiter: str | None = None
    _numbers: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_numbers", tuple(r.number for r in self.rows))

    def row(self, number: int) -> RawRow | None:
        """The row Excel numbers ``number``, or None when it is blank."""
        i = bisect.bisect_left(self._numbers, number)
        if i < len(self._numbers) and self._numbers[i] == number:
            return self.rows[i]
        return None


def _convert(value: object) -> Cell:
    """One calamine value as a :data:`Cell`."""
    if isinstance(value, str):
        return value or None
    if isinstance(value, bool | float | date):  # date covers datetime
        return value
    if isinstance(value, int):
        return float(value)
    if isinstance(value, time):
        return value.isoformat()
    return str(value)  # a timedelta (duration format) or anything calamine adds later


def _has_content(values: list[Cell]) -> bool:
    for value in values:
        if value is not None and (not isinstance(value, str) or strip_text(value)):
            return True
    return False


def _is_panic(exc: BaseException) -> bool:
    """A Rust panic inside calamine on a malformed file (pyo3 raises it as a
    BaseException so that ``except Exception`` does not swallow it)."""
    return type(exc).__name__ == "PanicException"


class Table:
    """An open spreadsheet file (workbook-like): its format, sheet names, sheets.

    Use as a context manager or call :meth:`close`. A CSV file is one sheet named
    after the file.
    """

    def __init__(self, path: Path, limits: ReadLimits) -> None:
        self.path = path
        self.limits = limits
        self.format: Format = sniff_format(path, max_bytes=limits.max_bytes,
                                           max_unpacked_bytes=limits.max_unpacked_bytes)
        self._file: BinaryIO | None = None
        self._book = None
        if self.format == "csv":
            self.sheet_names: tuple[str, ...] = (path.stem,)
            self.visible_sheets: tuple[str, ...] = (path.stem,)
            return
        from python_calamine import (
            CalamineError,
            CalamineWorkbook,
            SheetTypeEnum,
            SheetVisibleEnum,
        )

        try:
            self._file = path.open("rb")
            self._book = CalamineWorkbook.from_filelike(self._file)
        except BaseException as exc:
            self.close()
            if isinstance(exc, CalamineError | ValueError | OSError) or _is_panic(exc):
                raise self._damaged() from None
            raise
        meta = self._book.sheets_metadata
        self.sheet_names = tuple(m.name for m in meta)
        self.visible_sheets = tuple(m.name for m in meta if m.typ == SheetTypeEnum.WorkSheet
                                    and m.visible == SheetVisibleEnum.Visible)

    def _damaged(self) -> Exception:
        name = self.path.name
        return refusal(f"文件“{name}”（{self.format} 格式）已损坏或无法读取。{SAVE_AS}",
                       KIND_DAMAGED, value=name)

    def __enter__(self) -> Table:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        if self._book is not None:
            self._book.close()
            self._book = None
        if self._file is not None:
            self._file.close()
            self._file = None

    def _row_guard(self, sheet: str) -> _RowGuard:
        return _RowGuard(self.path.name, sheet, self.limits.max_data_rows)

    def sheet(self, name: str | None = None) -> RawSheet:
        """Read sheet ``name``; by default the first visible worksheet holding data."""
        if self.format == "csv":
            if name not in (None, self.sheet_names[0]):
                raise self._no_sheet(name)
            guard = self._row_guard(self.sheet_names[0])
            rows, width, codec, delimiter = read_delimited(self.path, self.path.name,
                                                           on_row=guard)
            if not rows:
                raise self._empty(self.sheet_names[0])
            return RawSheet(self.path.name, "csv", self.sheet_names[0], self.sheet_names,
                            tuple(RawRow(n, tuple(c)) for n, c in rows), width,
                            encoding=codec, delimiter=delimiter)
        if name is not None:
            if name not in self.sheet_names:
                raise self._no_sheet(name)
            sheet = self._read(name)
            if not sheet.rows:
                raise self._empty(name)
            return sheet
        for candidate in self.visible_sheets:
            sheet = self._read(candidate)
            if sheet.rows:
                return sheet
        raise refusal(f"文件“{self.path.name}”中没有任何数据（所有工作表都是空的）",
                      KIND_EMPTY_SHEET, value=self.path.name)

    def _no_sheet(self, name: str | None) -> Exception:
        names = "、".join(self.sheet_names)
        return refusal(f"文件“{self.path.name}”中没有名为“{name}”的工作表（现有：{names}）",
                       KIND_NO_SHEET, value=self.path.name)

    def _empty(self, name: str) -> Exception:
        return refusal(f"文件“{self.path.name}”的工作表“{name}”是空的", KIND_EMPTY_SHEET,
                       value=self.path.name)

    def _read(self, name: str) -> RawSheet:
        from python_calamine import CalamineError

        if self._book is None:
            raise ValueError("the table is closed")
        guard = self._row_guard(name)
        try:
            sheet = self._book.get_sheet_by_name(name)
            end = sheet.end
            kept: list[tuple[int, list[Cell]]] = []
            seen = 0
            width = 0
            for values in sheet.iter_rows():
                seen += 1
                width = len(values)
                if values.count("") == width:
                    continue
                # text and numbers (nearly every cell) without a call each
                cells = cast("list[Cell]", [
                    v if (kind := v.__class__) is float else (v or None) if kind is str
                    else _convert(v) for v in values])
                if _has_content(cells):
                    kept.append((seen, cells))
                    guard(len(kept))
            merged = sheet.merged_cell_ranges or []
        except BaseException as exc:
            if isinstance(exc, CalamineError) or _is_panic(exc):
                raise self._damaged() from None
            raise
        if end is None or not kept:
            return RawSheet(self.path.name, self.format, name, self.sheet_names, (), 0)
        # calamine yields rows from the sheet's first row or from row 1, and columns
        # from the first used column: place both absolutely from the known end cell.
        row_base = end[0] + 1 - seen
        col_pad: list[Cell] = [None] * (end[1] + 1 - width)
        rows = tuple(RawRow(row_base + i, tuple(col_pad + cells) if col_pad else tuple(cells))
                     for i, cells in kept)
        ranges = tuple(MergedRange(a[0] + 1, a[1], b[0] + 1, b[1]) for a, b in merged)
        return RawSheet(self.path.name, self.format, name, self.sheet_names, rows,
                        end[1] + 1, ranges)


class _RowGuard:
    """Refuses as soon as a sheet holds more non-blank rows than the limit allows."""

    def __init__(self, file: str, sheet: str, max_data_rows: int) -> None:
        self.file, self.sheet, self.max_data_rows = file, sheet, max_data_rows

    def __call__(self, count: int) -> None:
        if count > self.max_data_rows + HEADER_ALLOWANCE:
            raise refusal(f"工作表“{self.sheet}”超过 {self.max_data_rows:,} 行数据，超出一次导入的"
                          "上限；请分成几个文件后再导入", KIND_TOO_MANY_ROWS, value=self.file)


def open_table(path: str | Path, *, limits: ReadLimits | None = None) -> Table:
    """Open a spreadsheet file; refusals raise :class:`bzdesk.errors.ValidationError`."""
    return Table(Path(path), limits or ReadLimits())


def read_sheet(path: str | Path, sheet: str | None = None, *,
               limits: ReadLimits | None = None) -> RawSheet:
    """Read one sheet (default: the first visible worksheet holding data)."""
    with open_table(path, limits=limits) as table:
        return table.sheet(sheet)
