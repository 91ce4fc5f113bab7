"""What a report is before it becomes a file: a cover, an explanation (说明) and tables.

The four reports (roster, staffing, visits, party) build a ``Report`` from the domain
services; ``render.write_pdf`` and ``render.write_xlsx`` turn the very same tables into a
PDF and an .xlsx workbook, so what is printed and what is exported never disagree.

Cells hold values, not text: ``int``, ``Decimal``, ``date``, a ``(date, precision)``
pair for dates known only to the month, ``str`` or ``None``. The PDF shows them as a
Chinese form does (1980.05, 2019.07.01); the workbook keeps numbers and dates typed.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Literal

from bzdesk.excel.spec import ColumnKind
from bzdesk.reports.pdf import cell_text

Align = Literal["left", "center", "right"]
ItemKind = Literal["group", "row", "subtotal"]
Cell = object


@dataclass(frozen=True)
class ReportParams:
    """What the clerk asks for: the statistics day and the year a ledger covers."""

    as_of: date | None = None
    year: int | None = None


@dataclass(frozen=True)
class Col:
    """A column: header, relative PDF width, alignment and the cell type in the workbook."""

    title: str
    width: float = 1.0
    align: Align = "left"
    kind: ColumnKind = "text"


def num(title: str, width: float = 0.8) -> Col:
    """A right-aligned whole-number column."""
    return Col(title, width, "right", "int")


@dataclass(frozen=True)
class Section:
    """One heading of the 说明 page with its paragraphs."""

    heading: str
    paragraphs: tuple[str, ...]


@dataclass
class Table:
    """One table of a report: rows, group headings (e.g. a unit) and 小计/合计 rows."""

    title: str
    columns: Sequence[Col]
    subtitle: str = ""
    notes: Sequence[str] = ()
    group_column: str = ""  # the workbook puts group headings in a leading column of this name
    font_size: float = 10.5
    items: list[tuple[ItemKind, tuple[Cell, ...]]] = field(default_factory=list)

    def group(self, heading: str) -> None:
        self.items.append(("group", (heading,)))

    def row(self, cells: Sequence[Cell]) -> None:
        self.items.append(("row", self._checked(cells)))

    def subtotal(self, cells: Sequence[Cell]) -> None:
        self.items.append(("subtotal", self._checked(cells)))

    @property
    def row_count(self) -> int:
        return sum(1 for kind, _ in self.items if kind == "row")

    def _checked(self, cells: Sequence[Cell]) -> tuple[Cell, ...]:
        if len(cells) != len(self.columns):
            raise ValueError(f"{self.title}: row has {len(cells)} cells, "
                             f"the table has {len(self.columns)} columns")
        return tuple(cells)

    def sheet_rows(self) -> Iterator[list[Cell]]:
        """Rows for the workbook: group headings become the leading column (when the
        table names one) and are otherwise left out (the rows carry that value already)."""
        group = ""
        for kind, cells in self.items:
            if kind == "group":
                group = str(cells[0])
                continue
            values = [float(v) if isinstance(v, Decimal) else v for v in cells]
            yield [group, *values] if self.group_column else values


@dataclass
class Report:
    """A whole report: title, office, statistics day, 说明 and tables."""

    kind: str
    title: str
    office: str
    stat_date: date
    period: str = ""  # e.g. 2026年度, for the ledgers that cover a year
    explanation: Sequence[Section] = ()
    tables: list[Table] = field(default_factory=list)
    made_on: date = field(default_factory=date.today)

    @property
    def rows(self) -> int:
        return sum(t.row_count for t in self.tables)


def pdf_text(value: Cell) -> str:
    """How a cell reads in the PDF: dates with dots, a month as 1980.05, None empty."""
    if isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], date):
        return dotted(value[0], str(value[1]))
    if isinstance(value, date) and not isinstance(value, datetime):
        return dotted(value, "day")
    if isinstance(value, Decimal):
        return format(value, "f")
    return cell_text(value)


def dotted(day: date, precision: str = "day") -> str:
    if precision == "year":
        return f"{day.year}"
    if precision == "month":
        return f"{day.year}.{day.month:02d}"
    return f"{day.year}.{day.month:02d}.{day.day:02d}"


def percent(part: int, whole: int) -> str:
    """85.3% (text in both files: a rate is read, never added up)."""
    return f"{part * 100 / whole:.1f}%" if whole else "—"


def plural_counts(counts: Sequence[tuple[str, int]], unit: str = "人") -> str:
    """行政编制 12 人、事业编制 3 人 — one figure per type, never a sum across types."""
    return "、".join(f"{name} {n} {unit}" for name, n in counts if n)
