"""The error workbook: the clerk's own sheet back, with what is wrong marked in it.

Every row of the source sheet stays at its row number (titles, header, footer and
good rows too: an import is all or nothing, so the corrected file must hold all of
it), merged ranges are restored, each bad cell is filled red with a comment giving
the reason, and an added "错误原因" column sums up each bad row. A "错误汇总" sheet
lists every problem. The header rows keep their text, so re-importing the corrected
file finds the same header; re-checking an error workbook reuses its 错误原因 column.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Final

from bzdesk.errors import FieldProblem
from bzdesk.excel._xlsx import clean_text, sheet_title, write_only_workbook
from bzdesk.excel.cells import cell_text
from bzdesk.excel.headers import ColumnMapping, header_text
from bzdesk.excel.reader import Cell, RawSheet
from bzdesk.excel.spec import FORMULA_TRIGGERS

__all__ = ["REASON_HEADER", "SUMMARY_SHEET", "CellProblem", "write_error_workbook"]

REASON_HEADER: Final = "错误原因"
SUMMARY_SHEET: Final = "错误汇总"
_BAD_FILL: Final = "FFC7CE"
_BAD_FONT: Final = "9C0006"
_AUTHOR: Final = "编制桌面"


@dataclass(frozen=True, slots=True)
class CellProblem:
    """A problem at an Excel row number and a 0-based column (None: the whole row)."""

    row: int | None
    column: int | None
    value: str
    reason: str
    kind: str


def _resolve(problem: CellProblem | FieldProblem, headers: dict[str, int]) -> CellProblem:
    if isinstance(problem, CellProblem):
        return problem
    index = headers.get(" ".join(problem.column.split())) if problem.column else None
    return CellProblem(problem.row, index, problem.value, problem.reason, problem.kind)


def _header_index(sheet: RawSheet, header: ColumnMapping | Sequence[int]) -> dict[str, int]:
    """Header text as written → column, for problems that name their column."""
    found: dict[str, int] = {}
    if isinstance(header, ColumnMapping):
        for index, text in enumerate(header.headers):
            if text:
                found.setdefault(text, index)
        for mapped in header.columns.values():
            found.setdefault(mapped.header, mapped.index)
        rows: Sequence[int] = header.header_rows
    else:
        rows = header
    for number in rows:
        raw = sheet.row(number)
        for index, value in enumerate(raw.cells if raw else ()):
            text = header_text(value)
            if text:
                found.setdefault(text, index)
    return found


class _Cells:
    """Styled write-only cells for the error workbook."""

    def __init__(self, ws: Any) -> None:
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Alignment, Font, PatternFill

        self._make = WriteOnlyCell
        self._ws = ws
        self.bad_fill = PatternFill("solid", fgColor=_BAD_FILL)
        self.bad_font = Font(color=_BAD_FONT)
        self.wrap = Alignment(wrap_text=True, vertical="top")
        self.bold = Font(bold=True)

    def value(self, value: Cell) -> Any:
        """The source value with its type; text stays text whatever it starts with."""
        if isinstance(value, str):
            value = clean_text(value)
        cell = self._make(self._ws, value)
        if isinstance(value, str):
            cell.data_type = "s"
            if value.startswith(FORMULA_TRIGGERS):
                cell.quotePrefix = True
        elif isinstance(value, datetime):
            cell.number_format = ("yyyy-mm-dd" if value.time() == datetime.min.time()
                                  else "yyyy-mm-dd hh:mm")
        elif isinstance(value, date):
            cell.number_format = "yyyy-mm-dd"
        return cell


def write_error_workbook(
    path: str | Path,
    sheet: RawSheet,
    header: ColumnMapping | Sequence[int],
    problems: Iterable[CellProblem | FieldProblem],
) -> Path:
    """Write the error workbook for ``sheet`` to ``path`` (.xlsx) and return the path.

    ``header`` is the detected mapping (or the header row numbers); a problem's column
    is an index (:class:`CellProblem`) or the header text as written
    (:class:`bzdesk.errors.FieldProblem`, as importers report them).
    """
    from openpyxl.comments import Comment

    header_rows = list(header.header_rows if isinstance(header, ColumnMapping) else header)
    headers = _header_index(sheet, header)
    resolved = [_resolve(p, headers) for p in problems]
    by_row: dict[int, list[CellProblem]] = defaultdict(list)
    for p in resolved:
        if p.row is not None:
            by_row[p.row].append(p)
    reason_col = headers.get(REASON_HEADER, sheet.width)

    target = Path(path)
    with write_only_workbook(target) as wb:
        used = {SUMMARY_SHEET.casefold()}
        _write_rows(wb.create_sheet(sheet_title(sheet.name, used)), sheet, header_rows,
                    by_row, reason_col, headers, Comment)
        _write_summary(wb.create_sheet(SUMMARY_SHEET), resolved, headers)
    return target


def _write_rows(ws: Any, sheet: RawSheet, header_rows: list[int],
                by_row: dict[int, list[CellProblem]], reason_col: int, headers: dict[str, int],
                comment: Any) -> None:
    from openpyxl.utils import get_column_letter

    cells = _Cells(ws)
    ws.column_dimensions[get_column_letter(reason_col + 1)].width = 50
    if header_rows:
        ws.freeze_panes = f"A{header_rows[-1] + 1}"
    for merged in sheet.merged:
        ws.merged_cells.add(f"{get_column_letter(merged.first_col + 1)}{merged.first_row}:"
                            f"{get_column_letter(merged.last_col + 1)}{merged.last_row}")
    next_row = 1
    for raw in sheet.rows:
        while next_row < raw.number:
            ws.append(_reason_only(cells, by_row.get(next_row), reason_col))
            next_row += 1
        out: list[Any] = [cells.value(v) if v is not None else None for v in raw.cells]
        out.extend([None] * (reason_col + 1 - len(out)))
        out[reason_col] = None
        if header_rows and raw.number == header_rows[0]:
            out[reason_col] = cells.value(REASON_HEADER)
            out[reason_col].font = cells.bold
        row_problems = by_row.get(raw.number, [])
        for p in row_problems:
            if p.column is None or not 0 <= p.column < len(out) or p.column == reason_col:
                continue
            cell = out[p.column] or cells.value(None)
            cell.fill = cells.bad_fill
            note = f"{cell.comment.text}\n{p.reason}" if cell.comment else p.reason
            cell.comment = comment(note, _AUTHOR, width=300, height=120)
            out[p.column] = cell
        if row_problems:
            out[reason_col] = _reason_cell(cells, row_problems, headers)
        ws.append(out)
        next_row = raw.number + 1
    for number in sorted(n for n in by_row if n >= next_row):
        while next_row < number:
            ws.append([])
            next_row += 1
        ws.append(_reason_only(cells, by_row[number], reason_col))
        next_row += 1


def _column_name(p: CellProblem, headers: dict[str, int]) -> str:
    if p.column is None:
        return ""
    return next((text for text, index in headers.items() if index == p.column), "")


def _reason_cell(cells: _Cells, problems: list[CellProblem], headers: dict[str, int]) -> Any:
    lines = []
    for p in problems:
        name = _column_name(p, headers)
        lines.append(f"【{name}】{p.reason}" if name else p.reason)
    cell = cells.value("\n".join(lines))
    cell.font = cells.bad_font
    cell.alignment = cells.wrap
    return cell


def _reason_only(cells: _Cells, problems: list[CellProblem] | None, column: int) -> list[Any]:
    if not problems:
        return []
    return [None] * column + [_reason_cell(cells, problems, {})]


def _write_summary(ws: Any, problems: list[CellProblem], headers: dict[str, int]) -> None:
    from openpyxl.utils import get_column_letter

    cells = _Cells(ws)
    for i, width in enumerate((8, 20, 24, 60, 16), start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A2"
    title = []
    for text in ("行号", "列", "单元格内容", "错误原因", "错误类型"):
        cell = cells.value(text)
        cell.font = cells.bold
        title.append(cell)
    ws.append(title)
    for p in sorted(problems, key=lambda p: (p.row or 0, p.column or 0)):
        ws.append([p.row, cells.value(_column_name(p, headers)),
                   cells.value(cell_text(p.value)), cells.value(p.reason), cells.value(p.kind)])
