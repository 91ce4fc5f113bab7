"""The units a sheet can name, looked up by 统一社会信用代码, full name or 简称.

Loaded once per import (one query) so that 50,000 rows naming a few hundred units
cost a dictionary lookup each, and every answer, good or bad, is cached by spelling.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from bzdesk.excel import Cell, cell_text
from bzdesk.models.staffing import Unit
from bzdesk.services.excel_io.common import fold_name
from bzdesk.services.staffing._common import ACTIVE
from bzdesk.validation import KIND_MISSING, InvalidValue, normalise_uscc

KIND_UNKNOWN_UNIT: Final = "unknown_unit"
KIND_AMBIGUOUS_UNIT: Final = "ambiguous_unit"
KIND_UNIT_CLOSED: Final = "unit_closed"
_USCC_LENGTH: Final = 18


@dataclass(frozen=True, slots=True)
class UnitInfo:
    id: str
    office_id: str
    name: str
    short_name: str
    uscc: str | None
    parent_id: str | None
    kind: str
    rank: str | None
    shiye_class: str | None
    funding: str | None
    approval_doc: str
    approval_date: date | None
    status: str
    freeze_in: bool
    sort_order: int

    @property
    def active(self) -> bool:
        return self.status == ACTIVE


_COLUMNS: Final = (Unit.id, Unit.office_id, Unit.name, Unit.short_name, Unit.uscc,
                   Unit.parent_id, Unit.kind, Unit.rank, Unit.shiye_class, Unit.funding,
                   Unit.approval_doc, Unit.approval_date, Unit.status, Unit.freeze_in,
                   Unit.sort_order)


class UnitIndex:
    """Every live unit of the database, by credit code, full name and 简称."""

    def __init__(self, units: list[UnitInfo]) -> None:
        self.units = {u.id: u for u in units}
        self.by_uscc: dict[str, UnitInfo] = {}
        self.by_name: dict[str, list[UnitInfo]] = {}
        self.by_short: dict[str, list[UnitInfo]] = {}
        for u in units:
            if u.uscc and (u.active or u.uscc not in self.by_uscc):
                self.by_uscc[u.uscc] = u
            self.by_name.setdefault(fold_name(u.name), []).append(u)
            if u.short_name:
                self.by_short.setdefault(fold_name(u.short_name), []).append(u)
        self._cache: dict[str, UnitInfo | InvalidValue] = {}

    @classmethod
    def load(cls, session: Session) -> UnitIndex:
        rows = session.execute(select(*_COLUMNS).where(Unit.deleted.is_(False))
                               .order_by(Unit.sort_order, Unit.name))
        return cls([UnitInfo(**row._mapping) for row in rows])

    def find(self, value: Cell, *, active_only: bool = True) -> UnitInfo:
        """The unit a cell names; refused as unknown, ambiguous or (``active_only``)
        closed. A credit code wins over names; a full name over a 简称."""
        word = fold_name(cell_text(value))
        if not word:
            raise InvalidValue("请填写单位名称", KIND_MISSING)
        key = f"{active_only}:{word}"
        found = self._cache.get(key)
        if found is None:
            try:
                found = self._lookup(word, active_only)
            except InvalidValue as exc:
                found = exc.with_traceback(None)  # (its frames would hold the import alive)
            self._cache[key] = found
        if isinstance(found, InvalidValue):
            raise found
        return found

    def _lookup(self, word: str, active_only: bool) -> UnitInfo:
        code = normalise_uscc(word)
        by_code = self.by_uscc.get(code) if len(code) == _USCC_LENGTH else None
        if by_code is not None:
            return self._usable(by_code, active_only)
        for table in (self.by_name, self.by_short):
            matches = table.get(word, [])
            live = [u for u in matches if u.active]
            if len(live) == 1:
                return live[0]
            if len(live) > 1:
                codes = "、".join(u.uscc or "（无代码）" for u in live)
                raise InvalidValue(f"有 {len(live)} 个正常机构都叫“{word}”（统一社会信用代码："
                                   f"{codes}），请改填统一社会信用代码", KIND_AMBIGUOUS_UNIT)
            if matches:
                return self._usable(matches[-1], active_only)
        raise InvalidValue(f"找不到名为“{word}”的机构；请先在“机构”页新建，或先导入机构名单",
                           KIND_UNKNOWN_UNIT)

    @staticmethod
    def _usable(unit: UnitInfo, active_only: bool) -> UnitInfo:
        if active_only and not unit.active:
            raise InvalidValue(f"“{unit.name}”{unit.status}，不能再有人员入编或调入",
                               KIND_UNIT_CLOSED)
        return unit
