"""Write-only workbook plumbing shared by the export and the error workbook."""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Final

_BAD_TITLE_CHARS: Final = str.maketrans({c: "_" for c in "[]:*?/\\"})
#: Control characters an .xlsx cannot hold (pasted from Word or old systems).
ILLEGAL_CHARS: Final = re.compile(r"[\000-\010\013\014\016-\037]")


def clean_text(text: str) -> str:
    """``text`` without the control characters a worksheet cannot store."""
    return ILLEGAL_CHARS.sub("", text) if ILLEGAL_CHARS.search(text) else text


def sheet_title(title: str, used: set[str]) -> str:
    """A valid, unique sheet name (≤ 31 characters, none of []:*?/\\); records it in
    ``used`` (casefolded names)."""
    base = (title.translate(_BAD_TITLE_CHARS).strip("'") or "Sheet")[:31]
    name, n = base, 2
    while name.casefold() in used:
        suffix = f"({n})"
        name, n = base[:31 - len(suffix)] + suffix, n + 1
    used.add(name.casefold())
    return name


def _discard(wb: Any) -> None:
    """Close and delete the temporary files of a write-only workbook not saved."""
    for ws in wb.worksheets:
        rows, writer = getattr(ws, "_rows", None), getattr(ws, "_writer", None)
        for step in (rows.close if rows else None, writer.close if writer else None,
                     writer.cleanup if writer else None):
            if step is not None:
                with contextlib.suppress(Exception):  # best effort on the way out of a failure
                    step()


@contextlib.contextmanager
def write_only_workbook(target: Path) -> Iterator[Any]:
    """A write-only openpyxl workbook saved to ``target`` when the block ends normally.

    It is saved as ``<name>.part`` and renamed, so an exception in the block (a failing
    or cancelled row source) leaves neither a half-written file nor temporary files.
    """
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    part = target.with_name(target.name + ".part")
    try:
        yield wb
        wb.save(part)
        os.replace(part, target)
    except BaseException:
        _discard(wb)
        raise
    finally:
        part.unlink(missing_ok=True)
