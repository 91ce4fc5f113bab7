"""Open a file for import: its sheets, then one sheet with its header found."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from bzdesk.errors import ValidationError
from bzdesk.excel import ReadLimits, detect_header, open_table
from bzdesk.heap import no_cycle_collection
from bzdesk.roles import Actor, Can, require
from bzdesk.services.excel_io.common import ImportSheet
from bzdesk.services.excel_io.fields import (
    ROSTER_FIELDS,
    ROSTER_REQUIRED,
    UNITS_REQUIRED,
    ImportKind,
    roster_synonyms,
    unit_fields,
    unit_synonyms,
)
from bzdesk.services.excel_io.header_words import with_office_words
from bzdesk.services.staffing.catalog import load_categories


def sheet_names(path: str | Path, *, limits: ReadLimits | None = None) -> tuple[str, ...]:
    """The visible worksheets of a file (a CSV file is one sheet named after it)."""
    with open_table(path, limits=limits) as table:
        return table.visible_sheets or table.sheet_names


def read_import_sheet(session: Session, actor: Actor, path: str | Path, kind: ImportKind,
                      sheet: str | None = None, *,
                      limits: ReadLimits | None = None) -> ImportSheet:
    """Read ``sheet`` (default: the first holding data) and find its header.

    A missing required column is not refused here (the GUI lets the clerk pick it);
    :meth:`ImportSheet.require_columns` refuses it before any row is checked.
    """
    require(actor, Can.READ)
    if kind == "roster":
        synonyms = roster_synonyms()
        fields: tuple[str, ...] = ROSTER_FIELDS
        required: tuple[str, ...] = ROSTER_REQUIRED
    elif kind == "units":
        categories = load_categories(session)
        synonyms = unit_synonyms(categories)
        fields, required = unit_fields(categories, synonyms), UNITS_REQUIRED
    else:
        raise ValidationError.single("类型", kind, f"不能导入“{kind}”。", "bad_kind")
    synonyms = with_office_words(session, kind, synonyms)
    file = Path(path)
    with no_cycle_collection(), open_table(file, limits=limits) as table:
        raw = table.sheet(sheet)
    mapping = detect_header(raw, fields, synonyms=synonyms)
    return ImportSheet(kind, file, raw, mapping, fields, required, synonyms)
