"""Pass 1 of a roster import: each row on its own, in pure Python.

A row becomes a :class:`RosterRow` (the person's fields as they would be stored, and
the posting fields the row gives) and every fault of its cells goes to ``Problems``.
A blank cell means "not given": it never erases what the database holds.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from datetime import date
from itertools import zip_longest
from typing import Any, Final

from sqlalchemy.orm import Session

from bzdesk.excel import Cell, DataRow, cell_text, date_cell, id_cell
from bzdesk.roles import Actor
from bzdesk.services.excel_io.common import ImportSheet, Problems, choice_value, text_value
from bzdesk.services.excel_io.unit_index import UnitIndex, UnitInfo
from bzdesk.services.staffing._common import last_day
from bzdesk.services.staffing.catalog import load_categories, match_category
from bzdesk.services.staffing.dictionaries import ChoiceKind
from bzdesk.services.staffing.people import MIN_WORK_AGE_YEARS, pinyin_initials
from bzdesk.services.staffing.views import CategoryView
from bzdesk.validation import (
    IdCardInfo,
    InvalidValue,
    Precision,
    normalise_person_name,
    validate_id,
)

KIND_MASKED_ID: Final = "masked_id"
KIND_DUPLICATE: Final = "duplicate"
KIND_GENDER_MISMATCH: Final = "gender_mismatch"
KIND_BIRTH_MISMATCH: Final = "birth_mismatch"
KIND_UNKNOWN_CATEGORY: Final = "unknown_category"
KIND_FUTURE_DATE: Final = "future_date"
KIND_TOO_YOUNG: Final = "too_young"
_PHONE: Final = re.compile(r"[0-9+\-() ]*")
#: Person fields a sheet column gives → the stored column.
_STORED: Final = {"ethnicity": "ethnicity", "political_status": "political",
                  "education": "education", "degree": "degree", "phone": "phone"}

Dated = tuple[date, Precision]


@dataclass(slots=True)
class PostingCells:
    """The posting a row describes; None for each field left blank."""

    unit: UnitInfo | None = None
    category: CategoryView | None = None
    position: str | None = None
    leader_kind: str | None = None
    start: Dated | None = None
    route: str | None = None
    doc: str | None = None
    refused: AbstractSet[str] = frozenset()  # keys whose cell was given but bad
    unit_cell: Cell = None  # the unit cell as read (for messages)

    @property
    def unit_text(self) -> str:
        """The unit as the row writes it (its name when the row leaves it blank)."""
        return unit_as_written(self.unit_cell, self.unit)


def unit_as_written(unit_cell: Cell, unit: UnitInfo | None) -> str:
    """A unit as a row writes it (its name when the row leaves the cell blank)."""
    return cell_text(unit_cell) or (unit.name if unit else "")


@dataclass(slots=True)
class RosterRow:
    row: int
    info: IdCardInfo
    person: dict[str, Any]  # stored field → value, only the fields the row gives
    posting: PostingCells | None  # None: the row says nothing about the posting


class Categories:
    """编制类型 by any spelling (``match_category``: name, code, alias), each spelling
    looked up once per import."""

    def __init__(self, session: Session, actor: Actor) -> None:
        self._session, self._actor = session, actor
        self._cache: dict[str, CategoryView | None] = {}

    def find(self, value: Cell) -> CategoryView:
        text = cell_text(value)
        if text not in self._cache:
            self._cache[text] = match_category(self._session, self._actor, text)
        found = self._cache[text]
        if found is None:
            names = "、".join(c.name for c in load_categories(self._session))
            raise InvalidValue(f"编制类型“{text}”不在字典中，应为：{names}",
                               KIND_UNKNOWN_CATEGORY)
        return found


def _person_name(value: Cell) -> tuple[str, str]:
    name = normalise_person_name(cell_text(value))
    return name, pinyin_initials(name)


def id_info(value: Cell, today: date | None = None) -> IdCardInfo:
    """The ID card of a cell: numeric cells and masked numbers are refused first.
    ``today`` bounds the birth date (default: today)."""
    if isinstance(value, str):
        try:  # the usual case first: for text, id_cell only trims (validate_id does too)
            return validate_id(value, today=today)
        except InvalidValue:
            pass
    text = id_cell(value)
    if "*" in text:
        raise InvalidValue("身份证号码已隐藏（含 *）：这是查看者导出的表，不能用来导入；请用录入员"
                           "或管理员账号重新导出完整号码", KIND_MASKED_ID)
    return validate_id(text, today=today)


def earliest_work(birth: date) -> date:
    """The 16th birthday (a 29 February birthday: 28 February), as people.earliest_work_day."""
    try:
        return birth.replace(year=birth.year + MIN_WORK_AGE_YEARS)
    except ValueError:
        return date(birth.year + MIN_WORK_AGE_YEARS, 2, 28)


_UNSEEN: Final = object()
#: A cell that was given but refused (its problem is recorded): not the same as blank.
REFUSED: Final = object()
_NONE_REFUSED: Final[frozenset[str]] = frozenset()  # one for every row with nothing refused


class Column:
    """One field's column, read for all rows at once; each distinct cell value is parsed
    once (``memo`` off for columns whose values all differ, like ID numbers)."""

    __slots__ = ("_bad", "_memo", "_typed", "index", "key", "memo", "parse", "problems",
                 "refused_at", "required")

    def __init__(self, key: str, index: int | None, parse: Callable[[Cell], Any],
                 problems: Problems, *, memo: bool = True, required: bool = False) -> None:
        self.key, self.index, self.parse, self.problems = key, index, parse, problems
        self.memo = memo
        self.required = required
        # Each distinct cell value parsed once per import (by value; with bools, by type too).
        self._memo: dict[Cell, Any] = {}
        self._typed: dict[tuple[type, Cell], Any] = {}
        self._bad: set[Cell] = set()  # values of _memo that were refused
        self.refused_at: set[int] = set()  # positions refused by the last ``values``

    def cell(self, cells: tuple[Cell, ...]) -> Cell:
        i = self.index
        return cells[i] if i is not None and i < len(cells) else None

    def values(self, raw: Sequence[Cell], rows: list[DataRow]) -> list[Any]:
        """Per row, for ``raw`` (this column's cells of ``rows``): the parsed value, None
        when blank (a required field: refused as missing), or REFUSED (the problem is
        recorded at the row's number)."""
        blank = _parsed(self.parse, "") if self.required else None  # missing, or None
        failed = isinstance(blank, InvalidValue) and None in raw
        if not self.memo:
            # a loop rather than a comprehension over _parsed: one call less per cell
            out: list[Any] = []
            append, parse = out.append, self.parse
            for v in raw:
                if v is None:
                    append(blank)
                    continue
                try:
                    append(parse(v))
                except InvalidValue as exc:
                    append(_kept(exc))
                    failed = True
        elif bool in set(map(type, raw)):
            # TRUE == 1.0 == 1: key by type too, so that a TRUE cell is not read as a 1
            keys = [(v.__class__, v) for v in raw]
            typed = self._typed
            for key in set(keys).difference(typed):
                typed[key] = _parsed(self.parse, key[1])
            out = [blank if v is None else typed[k] for k, v in zip(keys, raw, strict=True)]
            failed = True  # rare: let the loop below look
        else:
            memo, seen = self._memo, set(raw)
            for value in seen.difference(memo):
                result = memo[value] = _parsed(self.parse, value)
                if isinstance(result, InvalidValue):
                    self._bad.add(value)
            memo[None] = blank
            out = list(map(memo.__getitem__, raw))
            failed = failed or not self._bad.isdisjoint(seen)
        self.refused_at = set()
        if not failed:
            return out
        for j, result in enumerate(out):
            if isinstance(result, InvalidValue):
                self.problems.invalid(rows[j].number, self.key, raw[j], result)
                out[j] = REFUSED
                self.refused_at.add(j)
        return out


def _parsed(parse: Callable[[Cell], Any], value: Cell) -> Any:
    try:
        return parse(value)
    except InvalidValue as exc:
        return _kept(exc)


def _kept(exc: InvalidValue) -> InvalidValue:
    """A refusal to keep (only its reason and kind are used): without its traceback, whose
    frames would hold the whole import (sheet rows, checked rows) in a reference cycle
    that only the cyclic collector frees."""
    return exc.with_traceback(None)


def _given(value: Any) -> Any:
    return None if value is REFUSED else value


class RowReader:
    """Reads the data rows into :class:`RosterRow` values, column by column."""

    def __init__(self, data: ImportSheet, problems: Problems, units: UnitIndex,
                 categories: Categories, today: date) -> None:
        self.problems = problems
        self.today = today
        self.first_row_of: dict[str, int] = {}  # ID number → the row it first appears on

        def col(key: str, parse: Callable[[Cell], Any], **kw: bool) -> Column:
            return Column(key, data.mapping.index(key), parse, problems, **kw)

        def choice(kind: ChoiceKind) -> Callable[[Cell], Any]:
            return lambda v: choice_value(kind, v)

        def text(label: str, limit: int) -> Callable[[Cell], str]:
            return lambda v: text_value(v, label, limit)

        self.name = col("name", _person_name, required=True)
        self.id_number = col("id_number", lambda v: id_info(v, today), memo=False,
                             required=True)
        self.gender = col("gender", choice("sex"))
        self.birth = col("birth_date", self._dated(None))
        people = [col("ethnicity", choice("ethnicity")),
                  col("political_status", choice("political")),
                  col("education", choice("education")), col("degree", choice("degree")),
                  col("phone", self._phone, memo=False)]
        # A column the sheet lacks gives nothing: leave it out of the per-row work
        self.people = [c for c in people if c.index is not None]
        self.work = col("work_start_date", self._dated("参加工作时间"))
        self.posting = [col("unit", units.find), col("category", categories.find),
                        col("position", text("职务", 50)),
                        col("leader_kind", choice("leader_kind")),
                        col("start_date", self._dated("入编时间")),
                        col("start_route", choice("start_route")),
                        col("start_doc", text("入编文号", 100))]

    def _dated(self, future_label: str | None) -> Callable[[Cell], tuple[date, str, date]]:
        """A date, its precision and the last day it may stand for; refused when later
        than today (``future_label`` names the field) unless it is a birth date."""
        def parse(value: Cell) -> tuple[date, str, date]:
            on, precision = date_cell(value)
            if future_label and on > self.today:
                raise InvalidValue(f"{future_label}“{cell_text(value)}”晚于今天，请核对",
                                   KIND_FUTURE_DATE)
            return on, precision, last_day(on, precision)
        return parse

    @staticmethod
    def _phone(value: Cell) -> str:
        if value.__class__ is str and value.isascii() and value.isdigit() and len(value) <= 30:
            return value  # the usual cell (ASCII digits only): nothing to tidy or refuse
        phone = text_value(value, "联系电话", 30)
        if not _PHONE.fullmatch(phone):
            raise InvalidValue("联系电话只能包含数字、“-”、“+”、空格和括号", "bad_format")
        return phone

    def read(self, rows: list[DataRow]) -> list[RosterRow]:
        """The rows that name a person with a valid, unrepeated ID number."""
        # The cells column by column (short rows padded with None), transposed in C
        # rather than picked out one cell at a time for each field.
        by_column = list(zip_longest(*[r.cells for r in rows]))
        blank_column = (None,) * len(rows)

        def cells(column: Column) -> Sequence[Cell]:
            i = column.index
            return by_column[i] if i is not None and i < len(by_column) else blank_column

        def values(column: Column) -> list[Any]:
            return column.values(cells(column), rows)

        names, infos = values(self.name), values(self.id_number)
        sexes, births, works = values(self.gender), values(self.birth), values(self.work)
        persons = _given_fields([_STORED[c.key] for c in self.people],
                                [values(c) for c in self.people], len(rows))
        postings = zip(*[values(column) for column in self.posting], strict=True)
        posting_refused = set().union(*(column.refused_at for column in self.posting))
        first_row_of = self.first_row_of
        out = []
        for j, (row, info, named, sex, born, work, person, posting, unit_cell) in enumerate(
                zip(rows, infos, names, sexes, births, works, persons, postings,
                    cells(self.posting[0]), strict=True)):
            if info is REFUSED:
                info = None
            elif first_row_of.setdefault(info.number, row.number) != row.number:
                self.problems.add(row.number, "id_number", self.id_number.cell(row.cells),
                                  f"身份证号码 {info.number} 与第 {first_row_of[info.number]} "
                                  "行重复，同一人只能出现一次", KIND_DUPLICATE)
                info = None
            earliest = None
            if info is not None:
                earliest = earliest_work(info.birth_date)
                if sex is not None and sex is not REFUSED and sex != info.sex:
                    self._sex_mismatch(row, info, sex)
                if born is not None and born is not REFUSED and not (
                        born[0] <= info.birth_date <= born[2]):
                    self._birth_mismatch(row, info)
            if work is not None and work is not REFUSED:
                if earliest is not None and work[2] < earliest:
                    self.problems.add(row.number, "work_start_date", self.work.cell(row.cells),
                                      f"参加工作时间早于年满 16 周岁（{earliest.isoformat()}）",
                                      KIND_TOO_YOUNG)
                person["work_start"], person["work_start_precision"] = work[0], work[1]
            posted = self._posting(row, posting, earliest, j in posting_refused, unit_cell)
            if info is not None and named is not REFUSED:
                person["name"], person["initials"] = named
                out.append(RosterRow(row.number, info, person, posted))
        return out

    def _sex_mismatch(self, row: DataRow, info: IdCardInfo, sex: str) -> None:
        self.problems.add(row.number, "gender", self.gender.cell(row.cells),
                          f"性别“{sex}”与身份证号码不符（号码显示为{info.sex}）",
                          KIND_GENDER_MISMATCH)

    def _birth_mismatch(self, row: DataRow, info: IdCardInfo) -> None:
        self.problems.add(row.number, "birth_date", self.birth.cell(row.cells),
                          f"出生年月与身份证号码不符（号码显示为 "
                          f"{info.birth_date.isoformat()}）", KIND_BIRTH_MISMATCH)

    def _posting(self, row: DataRow, values: tuple[Any, ...], earliest: date | None,
                 any_refused: bool, unit_cell: Cell) -> PostingCells | None:
        if values.count(None) == len(values):
            return None
        refused: AbstractSet[str] = _NONE_REFUSED
        if any_refused:
            refused = {c.key for c, v in zip(self.posting, values, strict=True) if v is REFUSED}
            values = tuple(_given(v) for v in values)
        unit, category, position, leader, start, route, doc = values
        if start is not None and earliest is not None and start[2] < earliest:
            self.problems.add(row.number, "start_date", self.posting[4].cell(row.cells),
                              f"入编时间早于年满 16 周岁（{earliest.isoformat()}），请核对",
                              KIND_TOO_YOUNG)
            start = None
            refused = {*refused, "start_date"}
        return PostingCells(unit, category, position, leader,
                            (start[0], start[1]) if start is not None else None, route, doc,
                            refused, unit_cell)


def _given_fields(keys: list[str], columns: list[list[Any]], count: int) -> list[dict[str, Any]]:
    """Per row (of ``count``): stored field → value, for the fields whose cell is neither
    blank nor refused."""
    if not columns:
        return [{} for _ in range(count)]
    if not any(None in values or REFUSED in values for values in columns):
        # every cell of these columns given and good (the usual sheet): no test per cell
        return [dict(zip(keys, row, strict=True)) for row in zip(*columns, strict=True)]
    return [{k: v for k, v in zip(keys, row, strict=True) if v is not None and v is not REFUSED}
            for row in zip(*columns, strict=True)]
