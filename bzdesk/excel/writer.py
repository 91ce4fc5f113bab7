"""Styled .xlsx export in openpyxl's write-only (streaming) mode, and CSV export.

Each sheet: an optional merged title row, a bold header with fill and borders that
stays frozen on screen, column widths, ID/credit-code columns as text cells in a
text-formatted column, dates as real dates (yyyy-mm-dd or yyyy.mm), dropdowns for
choice columns (a list longer than Excel's 255-character limit goes to a hidden
"字典" sheet), and an optional "说明" sheet.

Formula injection: openpyxl writes any string starting with "=" as a formula. Text
starting with = + - @ tab or CR is written as a string cell (never a ``<f>`` element)
with the quote-prefix style, so Excel keeps it as text even when the cell is edited.

The file is written to ``<name>.part`` and renamed when complete: a failure or a
cancellation (an exception raised by the rows iterable) leaves no half-written file.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any, Final

from bzdesk.excel._xlsx import clean_text, sheet_title, write_only_workbook
from bzdesk.excel.csv_writer import write_csv
from bzdesk.excel.spec import (
    DATE_FORMATS,
    FORMULA_TRIGGERS,
    ColumnSpec,
    SheetSpec,
    date_display,
)
from bzdesk.validation import Precision

__all__ = ["DICTIONARY_SHEET", "MAX_INLINE_CHOICES", "write_csv", "write_table"]

#: Name of the hidden sheet holding long dropdown lists.
DICTIONARY_SHEET: Final = "字典"
#: Excel refuses an inline list longer than this (the joined text between quotes).
MAX_INLINE_CHOICES: Final = 255
_LAST_ROW: Final = 1_048_576
_HEADER_FILL: Final = "DDEBF7"
#: The first day Excel's 1900 date system stores unambiguously; earlier dates are text.
_FIRST_DATE: Final = datetime(1900, 3, 1)
# Text openpyxl would otherwise store as an error value.
_ERROR_CODES: Final = frozenset({"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!",
                                 "#N/A"})


class _Styles:
    """Style arrays made once per workbook and shared by the cells that need them."""

    def __init__(self, ws: Any) -> None:
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

        def style(**attrs: object) -> Any:
            cell = WriteOnlyCell(ws)
            for key, value in attrs.items():
                setattr(cell, key, value)
            return cell._style

        thin = Side(style="thin", color="808080")
        self.header = style(font=Font(bold=True), border=Border(thin, thin, thin, thin),
                            fill=PatternFill("solid", fgColor=_HEADER_FILL),
                            alignment=Alignment(horizontal="center", vertical="center",
                                                wrap_text=True))
        self.heading = style(font=Font(bold=True, size=14),
                             alignment=Alignment(horizontal="center", vertical="center"))
        self.text = style(number_format="@")
        self.quoted = style(quotePrefix=True)
        self.quoted_text = style(number_format="@", quotePrefix=True)
        self.dates = {p: style(number_format=fmt) for p, (fmt, _) in DATE_FORMATS.items()}
        self.note = style(alignment=Alignment(wrap_text=True, vertical="top"))
        self.note_quoted = style(alignment=Alignment(wrap_text=True, vertical="top"),
                                 quotePrefix=True)
        self.note_title = style(font=Font(bold=True, size=12))


def _cell_factory(ws: Any) -> Callable[[object, Any], Any]:
    from openpyxl.cell import WriteOnlyCell

    def make(value: object, style: Any) -> Any:
        cell = WriteOnlyCell(ws, value)
        cell._style = style
        return cell

    return make


def _converter(column: ColumnSpec, styles: _Styles,
               make: Callable[[object, Any], Any]) -> Callable[[object], object]:
    """value → what to append for this column (a plain value, or a styled cell)."""
    is_id = column.kind == "id"
    default_precision: Precision = "month" if column.kind == "month" else "day"
    date_styles = styles.dates

    def text(value: str) -> object:
        value = clean_text(value)
        if value.startswith(FORMULA_TRIGGERS) or value in _ERROR_CODES:
            cell = make(value, styles.quoted_text if is_id else styles.quoted)
            cell.data_type = "s"
            return cell
        return make(value, styles.text) if is_id else value

    def dated(value: date, precision: Precision) -> object:
        day = value.date() if isinstance(value, datetime) else value
        if day < _FIRST_DATE.date():  # Excel has no dates before 1900 (nor its 29 Feb)
            return text(date_display(day, precision))
        return make(day, date_styles[precision])

    def convert(value: object) -> object:
        if value is None:
            return None
        if isinstance(value, str):
            return text(value)
        if is_id:
            if isinstance(value, int) and not isinstance(value, bool):
                return make(str(value), styles.text)
            raise TypeError(f"column {column.header!r} holds ID text, not {value!r}")
        if isinstance(value, date):
            if type(value) is datetime and value.time() != datetime.min.time():
                return make(value, date_styles["day"]) if value >= _FIRST_DATE else text(
                    value.isoformat(sep=" ", timespec="seconds"))
            return dated(value, default_precision)
        if isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], date):
            return dated(value[0], value[1])
        if isinstance(value, int | float):
            return value
        raise TypeError(f"cannot write {value!r} in column {column.header!r}")

    return convert


def _choice_formula(choices: tuple[str, ...], dictionary: list[tuple[str, ...]]) -> str:
    from openpyxl.utils import get_column_letter

    inline = ",".join(choices)
    if len(inline) <= MAX_INLINE_CHOICES and not any(
            "," in c or '"' in c for c in choices):
        return f'"{inline}"'
    if choices not in dictionary:
        dictionary.append(choices)
    letter = get_column_letter(dictionary.index(choices) + 1)
    return f"'{DICTIONARY_SHEET}'!${letter}$1:${letter}${len(choices)}"


def _write_sheet(wb: Any, spec: SheetSpec, title: str, dictionary: list[tuple[str, ...]]
                 ) -> None:
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    ws = wb.create_sheet(title)
    styles = _Styles(ws)
    make = _cell_factory(ws)
    columns = list(spec.columns)
    letters = [get_column_letter(i + 1) for i in range(len(columns))]
    for letter, column in zip(letters, columns, strict=True):
        ws.column_dimensions[letter].width = column.width
        if column.kind == "id":
            ws.column_dimensions[letter].number_format = "@"
    header_row = spec.header_row
    ws.freeze_panes = f"A{header_row + 1}"
    if spec.heading:
        ws.row_dimensions[1].height = 30
        ws.append([_plain_text(make, spec.heading, styles.heading, styles.heading)])
        if len(columns) > 1:
            ws.merged_cells.add(f"A1:{letters[-1]}1")
    ws.append([_plain_text(make, c.header, styles.header, styles.header) for c in columns])

    converters = [_converter(c, styles, make) for c in columns]
    for row in spec.rows:
        ws.append([conv(v) for conv, v in zip(converters, row, strict=False)])

    for letter, column in zip(letters, columns, strict=True):
        if column.kind != "choice":
            continue
        dv = DataValidation(type="list", formula1=_choice_formula(column.choices, dictionary),
                            allow_blank=True, showErrorMessage=True, errorTitle="输入有误",
                            error=f"请从下拉列表中选择“{column.header}”")
        dv.add(f"{letter}{header_row + 1}:{letter}{_LAST_ROW}")
        ws.data_validations.append(dv)


def _write_notes(wb: Any, title: str, notes: Sequence[str]) -> None:
    ws = wb.create_sheet(title)
    styles = _Styles(ws)
    make = _cell_factory(ws)
    ws.column_dimensions["A"].width = 100
    ws.append([make("说明", styles.note_title)])
    for line in notes:
        ws.append([_plain_text(make, line, styles.note, styles.note_quoted)])


def _plain_text(make: Callable[[object, Any], Any], text: str, style: Any, quoted: Any) -> Any:
    """A cell that is text whatever ``text`` starts with."""
    text = clean_text(text)
    cell = make(text, quoted if text.startswith(FORMULA_TRIGGERS) else style)
    cell.data_type = "s"
    return cell


def write_table(path: str | Path, sheets: Sequence[SheetSpec]) -> Path:
    """Write ``sheets`` (and their 说明 sheets, and a hidden 字典 sheet if a dropdown
    list is too long to inline) to an .xlsx file; returns the path written."""
    if not sheets:
        raise ValueError("write_table needs at least one sheet")
    target = Path(path)
    used: set[str] = {DICTIONARY_SHEET.casefold()}
    dictionary: list[tuple[str, ...]] = []
    titles = [sheet_title(s.title, used) for s in sheets]
    with_notes = [s for s in sheets if s.notes]
    with write_only_workbook(target) as wb:
        for spec, title in zip(sheets, titles, strict=True):
            _write_sheet(wb, spec, title, dictionary)
        for spec, title in zip(sheets, titles, strict=True):
            if spec.notes:
                name = "说明" if len(with_notes) == 1 else f"{title}说明"
                _write_notes(wb, sheet_title(name, used), spec.notes)
        if dictionary:
            _write_dictionary(wb, dictionary)
    return target


def _write_dictionary(wb: Any, lists: list[tuple[str, ...]]) -> None:
    ws = wb.create_sheet(DICTIONARY_SHEET)
    ws.sheet_state = "hidden"
    styles = _Styles(ws)
    make = _cell_factory(ws)
    for i in range(max(len(c) for c in lists)):
        ws.append([_plain_text(make, c[i], None, styles.quoted) if i < len(c) else None
                   for c in lists])
