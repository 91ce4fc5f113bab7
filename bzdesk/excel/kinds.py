"""Stable ``kind`` codes of the Excel layer and the one helper that builds a refusal.

The codes of :mod:`bzdesk.validation` ("missing", "bad_format", "bad_date",
"bad_checksum") are used as they are; these are the ones a file or a cell adds.
"""

from __future__ import annotations

from typing import Final

from bzdesk.errors import ValidationError

__all__ = [
    "KIND_BAD_ENCODING",
    "KIND_BAD_NUMBER",
    "KIND_DAMAGED",
    "KIND_EMPTY_FILE",
    "KIND_EMPTY_SHEET",
    "KIND_ENCRYPTED",
    "KIND_MISSING_COLUMN",
    "KIND_NOT_A_WORKBOOK",
    "KIND_NO_HEADER",
    "KIND_NO_SHEET",
    "KIND_NUMERIC_ID",
    "KIND_TOO_BIG",
    "KIND_TOO_MANY_ROWS",
    "KIND_UNENCODABLE",
    "KIND_UNREADABLE",
    "refusal",
]

KIND_EMPTY_FILE: Final = "empty_file"
KIND_NOT_A_WORKBOOK: Final = "not_a_workbook"
KIND_ENCRYPTED: Final = "encrypted"
KIND_UNREADABLE: Final = "unreadable_format"
KIND_DAMAGED: Final = "damaged_file"
KIND_TOO_BIG: Final = "too_big"
KIND_TOO_MANY_ROWS: Final = "too_many_rows"
KIND_NO_SHEET: Final = "no_sheet"
KIND_EMPTY_SHEET: Final = "empty_sheet"
KIND_BAD_ENCODING: Final = "bad_encoding"
KIND_NO_HEADER: Final = "no_header"
KIND_MISSING_COLUMN: Final = "missing_column"
KIND_NUMERIC_ID: Final = "numeric_id"
KIND_BAD_NUMBER: Final = "bad_number"
KIND_UNENCODABLE: Final = "unencodable"


def refusal(reason: str, kind: str, *, value: object = "", column: str = "",
            row: int | None = None) -> ValidationError:
    """A :class:`ValidationError` carrying one problem (for a whole file: ``value`` is
    the file name, ``column`` empty)."""
    return ValidationError.single(column, value, reason, kind, row)
