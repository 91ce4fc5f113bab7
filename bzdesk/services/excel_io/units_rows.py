"""Pass 1 of a unit-list import: each row on its own (the parent is resolved later,
because a parent may appear below its child)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Final

from bzdesk.excel import Cell, DataRow, cell_text, date_cell, id_cell, int_cell
from bzdesk.services.excel_io.common import (
    ImportSheet,
    Problems,
    choice_value,
    fold_name,
    is_blank,
    text_value,
)
from bzdesk.services.excel_io.fields import LEADER_FIELDS, post_field
from bzdesk.services.excel_io.roster_rows import KIND_DUPLICATE, KIND_FUTURE_DATE
from bzdesk.services.staffing._common import MAX_COUNT
from bzdesk.services.staffing.quotas import MAX_LEADERS
from bzdesk.services.staffing.views import CategoryView
from bzdesk.validation import InvalidValue, validate_uscc

KIND_NOT_APPLICABLE: Final = "not_applicable"
SHIYE: Final = "事业单位"


@dataclass(slots=True)
class UnitRow:
    """One row: the unit's fields as stored (only those given), its parent as written,
    the approved count per 编制类型 id and the 领导职数 given."""

    row: int
    name: str
    values: dict[str, Any]
    parent_text: str | None
    posts: dict[str, int] = field(default_factory=dict)
    leaders: dict[str, int] = field(default_factory=dict)  # "chief" / "deputy"
    id: str | None = None  # the unit's id once matched or made
    parent_id: str | None = None
    refused: set[str] = field(default_factory=set)  # fields given but refused


class UnitRowReader:
    def __init__(self, data: ImportSheet, problems: Problems, categories: list[CategoryView],
                 today: date) -> None:
        self.problems = problems
        self.today = today
        self.at = {key: data.mapping.index(key) for key in data.fields}
        self.posts = [(post_field(c), c.id) for c in categories
                      if self.at.get(post_field(c)) is not None]
        self._refused: set[str] = set()
        self.first_name: dict[str, int] = {}
        self.first_code: dict[str, int] = {}

    def cell(self, row: DataRow, key: str) -> Cell:
        return row.get(self.at.get(key))

    def take(self, row: DataRow, key: str, parse: Any) -> Any:
        value = self.cell(row, key)
        if is_blank(value):
            return None
        try:
            return parse(value)
        except InvalidValue as exc:
            self.problems.invalid(row.number, key, value, exc)
            self._refused.add(key)
            return None

    def read(self, row: DataRow) -> UnitRow | None:
        n = row.number
        self._refused = set()
        name = self.take(row, "unit", lambda v: text_value(v, "机构名称", 100))
        if name is None and is_blank(self.cell(row, "unit")):
            self.problems.add(n, "unit", None, "请填写机构名称", "missing")
        values: dict[str, Any] = {}
        for key, stored, limit in (("short_name", "short_name", 40),
                                   ("approval_doc", "approval_doc", 100)):
            text = self.take(row, key, lambda v, lim=limit, k=key: text_value(
                v, "简称" if k == "short_name" else "批准文号", lim))
            if text is not None:
                values[stored] = text
        for key, kind, stored in (("unit_kind", "unit_kind", "kind"),
                                  ("unit_rank", "unit_rank", "rank"),
                                  ("public_class", "shiye_class", "shiye_class"),
                                  ("funding", "funding", "funding")):
            found = self.take(row, key, lambda v, k=kind: choice_value(k, v))
            if found is not None:
                values[stored] = found
        code = self.take(row, "uscc", lambda v: validate_uscc(id_cell(v)))
        if code is not None:
            values["uscc"] = code
        approval = self.take(row, "approval_date", self._past_date)
        if approval is not None:
            values["approval_date"] = approval
        parent = self.take(row, "parent_unit", lambda v: fold_name(cell_text(v)))
        unit = UnitRow(n, name or "", values, parent or None, refused=self._refused)
        for key, category_id in self.posts:
            count = self.take(row, key, lambda v: int_cell(v, maximum=MAX_COUNT))
            if count is not None:
                unit.posts[category_id] = count
        for key, slot in zip(LEADER_FIELDS, ("chief", "deputy"), strict=True):
            count = self.take(row, key, lambda v: int_cell(v, maximum=MAX_LEADERS))
            if count is not None:
                unit.leaders[slot] = count
        if values.get("shiye_class") and values.get("kind", SHIYE) != SHIYE:
            self.problems.add(n, "public_class", self.cell(row, "public_class"),
                              "只有事业单位才填写事业单位分类", KIND_NOT_APPLICABLE)
        return self._unique(row, unit) if name is not None else None

    def _past_date(self, value: Cell) -> date:
        on, _ = date_cell(value)
        if on > self.today:
            raise InvalidValue(f"批准时间“{cell_text(value)}”晚于今天，请核对", KIND_FUTURE_DATE)
        return on

    def _unique(self, row: DataRow, unit: UnitRow) -> UnitRow | None:
        first = self.first_name.setdefault(fold_name(unit.name), row.number)
        if first != row.number:
            self.problems.add(row.number, "unit", self.cell(row, "unit"),
                              f"机构名称“{unit.name}”与第 {first} 行重复", KIND_DUPLICATE)
            return None
        code = unit.values.get("uscc")
        if code:
            first = self.first_code.setdefault(code, row.number)
            if first != row.number:
                self.problems.add(row.number, "uscc", self.cell(row, "uscc"),
                                  f"统一社会信用代码 {code} 与第 {first} 行重复", KIND_DUPLICATE)
                return None
        return unit
