"""What an export is made of: sheets, columns and their kinds (shared by xlsx and CSV)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Final, Literal

from bzdesk.validation import Precision

__all__ = [
    "DATE_FORMATS",
    "FORMULA_TRIGGERS",
    "ColumnKind",
    "ColumnSpec",
    "SheetSpec",
    "date_display",
    "is_formula_like",
]

ColumnKind = Literal["text", "id", "date", "month", "int", "number", "choice"]

#: First characters that make Excel, WPS or LibreOffice read a typed cell as a
#: formula (or DDE command): such text is written so that it stays text.
FORMULA_TRIGGERS: Final = ("=", "+", "-", "@", "\t", "\r")

#: Excel number formats of dates by precision, and the same shown as text (CSV).
DATE_FORMATS: Final[dict[Precision, tuple[str, str]]] = {
    "day": ("yyyy-mm-dd", "%Y-%m-%d"),
    "month": ("yyyy.mm", "%Y.%m"),
    "year": ("yyyy", "%Y"),
}


@dataclass(frozen=True, slots=True)
class ColumnSpec:
    """One column of an export.

    kind: "text"; "id" (ID card, credit code: always a text cell, column formatted as
    text so later typing stays text); "date" (yyyy-mm-dd) / "month" (yyyy.mm) — a
    value may also be a ``(date, precision)`` pair as ``parse_loose_date`` returns;
    "int"; "number"; "choice" (a dropdown of ``choices``).
    """

    header: str
    width: float = 14.0
    kind: ColumnKind = "text"
    choices: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.kind == "choice" and not self.choices:
            raise ValueError(f"choice column {self.header!r} needs choices")


@dataclass(frozen=True)
class SheetSpec:
    """A sheet: its name, columns, rows (any iterable, consumed once, streamed), an
    optional title row above the header and optional lines for a "说明" sheet."""

    title: str
    columns: Sequence[ColumnSpec]
    rows: Iterable[Sequence[object]]
    heading: str | None = None
    notes: Sequence[str] = ()

    @property
    def header_row(self) -> int:
        """The Excel row number of the header (2 below a title row, else 1)."""
        return 2 if self.heading else 1


def is_formula_like(text: str) -> bool:
    return text.startswith(FORMULA_TRIGGERS)


def date_display(value: date, precision: Precision = "day") -> str:
    """A date as text the way the export formats it ("2019-07-01", "2019.07", "2019")."""
    if isinstance(value, datetime):
        value = value.date()
    return value.strftime(DATE_FORMATS[precision][1])
