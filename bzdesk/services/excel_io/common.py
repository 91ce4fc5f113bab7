"""What both importers share: the sheet to import, the report, the problem list, the
value helpers that raise ``InvalidValue``, progress and cancel, the error workbook."""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Final

from bzdesk.errors import Cancelled, FieldProblem, ValidationError
from bzdesk.excel import (
    Cell,
    ColumnMapping,
    DataRow,
    RawSheet,
    Synonyms,
    cell_text,
    header_at,
    iter_data_rows,
    write_error_workbook,
)
from bzdesk.services.excel_io.fields import KIND_LABELS, ImportKind
from bzdesk.services.staffing.dictionaries import CHOICES, ChoiceKind, match_choice
from bzdesk.validation import InvalidValue
from bzdesk.validation.text import tidy_text

Progress = Callable[[int, int, str], None]
Check = Callable[[], bool]

KIND_UNKNOWN_CHOICE: Final = "unknown_choice"
KIND_TOO_LONG: Final = "too_long"
#: How often (in rows) long loops report progress and look at the cancel flag.
STEP: Final = 2000
_SHOWN_CHOICES: Final = 12


@dataclass(frozen=True)
class ImportSheet:
    """A sheet read for import: its rows and which column holds which field.

    ``fields`` are the keys the clerk may map (the GUI offers one combo per field),
    ``required`` those that must have a column. :meth:`with_column` changes the mapping.
    """

    kind: ImportKind
    path: Path
    sheet: RawSheet
    mapping: ColumnMapping
    fields: tuple[str, ...]
    required: tuple[str, ...]
    synonyms: Synonyms = field(repr=False, compare=False)

    @property
    def file(self) -> str:
        return self.path.name

    def label(self, key: str) -> str:
        return self.synonyms.label(key)

    def with_column(self, key: str, index: int | None) -> ImportSheet:
        return replace(self, mapping=self.mapping.with_column(key, index))

    def data_rows(self) -> Iterator[DataRow]:
        return iter_data_rows(self.sheet, self.mapping)

    def with_header_at(self, first_row: int, *, two_rows: bool = False) -> ImportSheet:
        """A copy whose header is Excel row ``first_row`` (and the next, ``two_rows``),
        its columns mapped afresh by the dictionary."""
        mapping = header_at(self.sheet, first_row, self.fields, two_rows=two_rows,
                            synonyms=self.synonyms)
        return replace(self, mapping=mapping)

    def hand_mapped(self) -> dict[str, str]:
        """Field key → header spelling, for each column the dictionary would not have
        named (the clerk chose it): what the office dictionary can learn."""
        pair = len(self.mapping.header_rows) == 2
        out: dict[str, str] = {}
        for key, column in self.mapping.columns.items():
            parent, _, child = column.header.partition("/") if pair else ("", "", "")
            spellings = (parent + child, child) if child else (column.header,)
            if spellings[0] and all(self.synonyms.match(s, (key,)) != key for s in spellings):
                out[key] = spellings[0]
        return out

    def require_columns(self) -> None:
        """Refuse (kind "missing_column") when a required field has no column."""
        self.mapping.require(self.required, self.synonyms)


@dataclass(frozen=True)
class ImportReport:
    """What an import found and did (or, for a check or a dry run, would do).

    ``statuses`` maps each data row's Excel number to 新增 / 更新 / 不变 / 有误 (the GUI
    preview shows it). ``written`` counts the rows written: 0 for a check, a dry run or
    a refusal.
    """

    kind: ImportKind
    file: str
    sheet: str
    rows_read: int
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    written: int = 0
    dry_run: bool = False
    problems: tuple[FieldProblem, ...] = ()
    statuses: Mapping[int, str] = field(default_factory=dict, repr=False)
    notes: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        """One sentence for the clerk."""
        what = KIND_LABELS[self.kind]
        unit = "人" if self.kind == "roster" else "个"
        if self.problems:
            rows = len({p.row for p in self.problems if p.row is not None})
            return (f"“{self.file}”有 {len(self.problems)} 处问题（涉及 {rows} 行），没有导入任何"
                    f"数据；请修改后重新导入。")
        verb = "检查通过（试导入，没有写入）" if self.dry_run else "已导入"
        return (f"{what}“{self.file}”{verb}：读取 {self.rows_read} 行，新增 {self.added} {unit}，"
                f"更新 {self.updated} {unit}，不变 {self.unchanged} {unit}。")

    def to_json(self) -> dict[str, Any]:
        """The ``import … --json`` object of the CLI contract."""
        out: dict[str, Any] = {
            "ok": self.ok, "file": self.file, "sheet": self.sheet, "rows_read": self.rows_read,
            "written": self.written, "errors": [problem_json(p) for p in self.problems],
        }
        if self.ok:
            out.update(added=self.added, updated=self.updated, unchanged=self.unchanged,
                       dry_run=self.dry_run)
        return out


def problem_json(p: FieldProblem) -> dict[str, Any]:
    return {"row": p.row, "column": p.column, "value": p.value, "reason": p.reason,
            "kind": p.kind}


class Problems:
    """Every fault of the file, each at its Excel row and its column as written."""

    def __init__(self, data: ImportSheet) -> None:
        self._mapping = data.mapping
        self.label = data.label
        self.items: list[FieldProblem] = []
        self.rows: set[int] = set()

    def add(self, row: int, key: str | None, value: Cell, reason: str, kind: str) -> None:
        column = self._mapping.header(key) if key else ""
        self.items.append(FieldProblem(column, cell_text(value), reason, kind, row))
        self.rows.add(row)

    def invalid(self, row: int, key: str, value: Cell, exc: InvalidValue) -> None:
        self.add(row, key, value, exc.reason, exc.kind)

    def __bool__(self) -> bool:
        return bool(self.items)

    def sorted(self) -> tuple[FieldProblem, ...]:
        return tuple(sorted(self.items, key=lambda p: p.row or 0))


class ImportRefused(ValidationError):
    """The sheet has faults: nothing was written. ``report`` lists them all."""

    def __init__(self, report: ImportReport) -> None:
        super().__init__(report.summary(), list(report.problems))
        self.report = report


class Steps:
    """Progress reports and the cancel check of a long import."""

    def __init__(self, progress: Progress | None, cancelled: Check | None) -> None:
        self._progress = progress
        self._cancelled = cancelled

    def report(self, done: int, total: int, message: str) -> None:
        self.check()
        if self._progress is not None:
            self._progress(done, total, message)

    def check(self) -> None:
        if self._cancelled is not None and self._cancelled():
            raise Cancelled("已取消导入，没有写入任何数据。")


# -- values ------------------------------------------------------------------

def is_blank(value: Cell) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def text_value(value: Cell, label: str, max_len: int) -> str:
    """Free text as stored (``tidy_text``: Chinese punctuation kept, full-width letters
    and digits folded, runs of whitespace as one space); refused when too long."""
    text = tidy_text(cell_text(value))
    if len(text) > max_len:
        raise InvalidValue(f"{label}过长（{len(text)} 字），最多 {max_len} 字", KIND_TOO_LONG)
    return text


def choice_value(kind: ChoiceKind, value: Cell) -> str | None:
    """The dictionary value a cell means (None when blank); refused when unknown."""
    if is_blank(value):
        return None
    found = match_choice(kind, cell_text(value))
    if found is None:
        entry = CHOICES[kind]
        shown = "、".join(entry.values[:_SHOWN_CHOICES])
        more = " 等" if len(entry.values) > _SHOWN_CHOICES else ""
        raise InvalidValue(f"{entry.label}“{cell_text(value)}”不在字典中，应为：{shown}{more}",
                           KIND_UNKNOWN_CHOICE)
    return found


_VARIANT: Final = {c: "89ab"[int(c, 16) & 3] for c in "0123456789abcdef"}


def new_ids(batch: int = 4096) -> Iterator[str]:
    """Random (version 4) UUIDs as text, like ``models.base.new_id`` but made from one
    ``os.urandom`` call per ``batch`` (uuid.uuid4 costs a system call and an object each)."""
    while True:
        raw = os.urandom(16 * batch).hex()
        for i in range(0, len(raw), 32):
            h = raw[i:i + 32]
            yield f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{_VARIANT[h[16]]}{h[17:20]}-{h[20:]}"


def fold_name(text: str) -> str:
    """A unit name as compared: NFKC, runs of whitespace as one space."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


# -- files -------------------------------------------------------------------

def error_workbook_path(source: Path) -> Path:
    """Where the error workbook of ``source`` goes: ``<name>-错误.xlsx`` beside it
    (never the source itself, even when the source is an earlier error workbook)."""
    return source.with_name(f"{source.stem}-错误.xlsx")


def write_errors(data: ImportSheet, problems: tuple[FieldProblem, ...] | list[FieldProblem],
                 target: Path | None = None) -> Path:
    """The clerk's sheet back with every bad cell marked (see write_error_workbook)."""
    return write_error_workbook(target or error_workbook_path(data.path), data.sheet,
                                data.mapping, problems)
