"""导入机构名单: one row per unit, with its approved counts per 编制类型 and its
领导职数, written in one transaction.

A row is the unit with that 统一社会信用代码, else the one normal unit with that full
name, else a new unit. 上级机构 names a unit of the sheet (anywhere in it: a parent
may come below its child) or of the database; a cycle is refused. A given approved
count or 领导职数 that differs from the one in force today becomes a new line
effective today (setting it again the same day corrects that line); a blank cell keeps
what is stored, as a blank field does. New units are written parents first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Final

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bzdesk.changes import NOTHING, Outcome
from bzdesk.excel.kinds import KIND_EMPTY_SHEET
from bzdesk.models.base import new_id
from bzdesk.models.staffing import LeaderPost, QuotaLine, Unit
from bzdesk.roles import Actor, Can, require
from bzdesk.services.excel_io.common import (
    STEP,
    Check,
    ImportRefused,
    ImportReport,
    ImportSheet,
    Problems,
    Progress,
    Steps,
    fold_name,
)
from bzdesk.services.excel_io.fields import OP_NAMES
from bzdesk.services.excel_io.roster_rows import KIND_DUPLICATE
from bzdesk.services.excel_io.unit_index import KIND_AMBIGUOUS_UNIT, UnitIndex, UnitInfo
from bzdesk.services.excel_io.units_rows import UnitRow, UnitRowReader
from bzdesk.services.staffing import _common as staffing_common
from bzdesk.services.staffing import measures
from bzdesk.services.staffing.bulk import BulkOp, bulk_write_op
from bzdesk.services.staffing.catalog import load_categories, seed_dictionaries
from bzdesk.services.staffing.quotas import write_leader_line, write_quota_line
from bzdesk.validation import InvalidValue

KIND_CYCLE: Final = "cycle"
_COMPARED: Final = ("name", "short_name", "uscc", "kind", "rank", "shiye_class", "funding",
                    "approval_doc", "approval_date")


@dataclass
class UnitsPlan:
    new_units: list[dict[str, Any]] = field(default_factory=list)
    updates: dict[str, dict[str, Any]] = field(default_factory=dict)
    quotas: list[tuple[str, str, int]] = field(default_factory=list)  # unit, category, n
    leaders: list[tuple[str, int, int]] = field(default_factory=list)  # unit, 正, 副
    statuses: dict[int, str] = field(default_factory=dict)
    added: int = 0
    updated: int = 0
    unchanged: int = 0


class _Planner:
    def __init__(self, session: Session, problems: Problems, index: UnitIndex, today: date,
                 site_office: str) -> None:
        self.session, self.problems, self.index = session, problems, index
        self.today, self.site_office = today, site_office
        self.plan = UnitsPlan()
        self.matched: dict[int, UnitInfo] = {}

    def run(self, rows: list[UnitRow]) -> UnitsPlan:
        rows = [r for r in rows if self._match(r)]
        self._parents(rows)
        self._cycles(rows)
        self._changes(rows)
        return self.plan

    def _match(self, r: UnitRow) -> bool:
        code = r.values.get("uscc")
        named = [u for u in self.index.by_name.get(fold_name(r.name), []) if u.active]
        unit = self.index.by_uscc.get(code) if code else None
        if unit is not None:
            if not unit.active:
                self.problems.add(r.row, "uscc", code,
                                  f"统一社会信用代码 {code} 属于{unit.status}的机构“{unit.name}”",
                                  "unit_closed")
                return False
            other = next((u for u in named if u.id != unit.id), None)
            if other is not None:
                self.problems.add(r.row, "unit", r.name, f"名称“{r.name}”已被另一个机构使用（统一"
                                  f"社会信用代码 {other.uscc or '未填'}），而本行的代码属于"
                                  f"“{unit.name}”", KIND_DUPLICATE)
                return False
        elif len(named) > 1:
            self.problems.add(r.row, "unit", r.name, f"有 {len(named)} 个正常机构都叫“{r.name}”，"
                              "请填写统一社会信用代码以区分", KIND_AMBIGUOUS_UNIT)
            return False
        elif named:
            unit = named[0]
        if unit is None:
            r.id = new_id()
        else:
            r.id = unit.id
            self.matched[r.row] = unit
        return True

    def _parents(self, rows: list[UnitRow]) -> None:
        by_name = {fold_name(r.name): r for r in rows}
        by_short = {fold_name(r.values["short_name"]): r for r in rows
                    if r.values.get("short_name")}
        for r in rows:
            if r.parent_text is None:
                continue
            inside = by_name.get(r.parent_text) or by_short.get(r.parent_text)
            if inside is not None:
                r.parent_id = inside.id
            else:
                try:
                    r.parent_id = self.index.find(r.parent_text).id
                except InvalidValue as exc:
                    reason = exc.reason
                    if exc.kind == "unknown_unit":
                        reason = f"上级机构“{r.parent_text}”既不在本表中，也不在已有机构中"
                    self.problems.add(r.row, "parent_unit", r.parent_text, reason, exc.kind)

    def _cycles(self, rows: list[UnitRow]) -> None:
        parent = {u.id: u.parent_id for u in self.index.units.values()}
        names = {u.id: u.name for u in self.index.units.values()}
        for r in rows:
            names[r.id or ""] = r.name
            if r.parent_id is not None:
                parent[r.id or ""] = r.parent_id
        for r in rows:
            path, current = [r.name], r.parent_id
            while current is not None and current != r.id and len(path) <= len(parent):
                path.append(names.get(current, "?"))
                current = parent.get(current)
            if current is not None and current == r.id:
                self.problems.add(r.row, "parent_unit", r.parent_text,
                                  "上级机构形成了循环：" + " → ".join([*path, r.name]), KIND_CYCLE)

    def _changes(self, rows: list[UnitRow]) -> None:
        quotas = measures.quota_lines(self.session, self.today)
        leaders = measures.leader_lines(self.session, self.today)
        next_order = (self.session.scalar(select(func.max(Unit.sort_order))) or 0) + 10
        for r in rows:
            assert r.id is not None
            unit = self.matched.get(r.row)
            values = {**r.values, "name": r.name}
            if unit is None:
                changed = self._new(r, values, next_order)
                next_order += 10
            else:
                diff = {k: v for k, v in values.items() if k in _COMPARED
                        and getattr(unit, k) != v}
                if r.parent_id is not None and r.parent_id != unit.parent_id:
                    diff["parent_id"] = r.parent_id
                if diff:
                    self.plan.updates[r.id] = diff
                changed = bool(diff)
            for category_id, n in r.posts.items():
                if n != quotas.get((r.id, category_id), 0):
                    self.plan.quotas.append((r.id, category_id, n))
                    changed = True
            now = leaders.get(r.id, (0, 0))
            wanted = (r.leaders.get("chief", now[0]), r.leaders.get("deputy", now[1]))
            if wanted != now:
                self.plan.leaders.append((r.id, *wanted))
                changed = True
            status = "新增" if unit is None else "更新" if changed else "不变"
            self.plan.statuses[r.row] = status
            self.plan.added += status == "新增"
            self.plan.updated += status == "更新"
            self.plan.unchanged += status == "不变"

    def _new(self, r: UnitRow, values: dict[str, Any], order: int) -> bool:
        if "kind" not in values and "unit_kind" not in r.refused:
            self.problems.add(r.row, "unit_kind", None, "新机构请填写机构类别", "missing")
        self.plan.new_units.append({
            "id": r.id, "office_id": None, "name": r.name, "short_name": "", "uscc": None,
            "parent_id": r.parent_id, "kind": "", "rank": None, "shiye_class": None,
            "funding": None, "approval_doc": "", "approval_date": None,
            "status": staffing_common.ACTIVE, "merged_into_id": None, "closed_on": None,
            "close_doc": "", "freeze_in": False, "sort_order": order, **values})
        return True


def parents_first(units: list[dict[str, Any]], index: UnitIndex,
                  site_office: str) -> list[dict[str, Any]]:
    """New units ordered so that each comes after its parent, each in its parent's
    office (a unit belongs where its parent does)."""
    pending = {u["id"]: u for u in units}
    ordered: list[dict[str, Any]] = []

    def place(unit: dict[str, Any]) -> None:
        parent_id = unit["parent_id"]
        if parent_id in pending:
            place(pending.pop(parent_id))
        known = index.units.get(parent_id) if parent_id else None
        placed = next((u for u in ordered if u["id"] == parent_id), None) if parent_id else None
        unit["office_id"] = (known.office_id if known else placed["office_id"] if placed
                             else site_office)
        ordered.append(unit)

    while pending:
        place(pending.pop(next(iter(pending))))
    return ordered


def _plan(session: Session, data: ImportSheet,
          steps: Steps) -> tuple[UnitsPlan, Problems, int, UnitIndex]:
    data.require_columns()
    problems = Problems(data)
    today = staffing_common.today()
    reader = UnitRowReader(data, problems, load_categories(session), today)
    rows: list[UnitRow] = []
    read = 0
    for row in data.data_rows():
        read += 1
        parsed = reader.read(row)
        if parsed is not None:
            rows.append(parsed)
        if read % STEP == 0:
            steps.report(read, len(data.sheet.rows), f"正在检查第 {read} 行")
    if read == 0:
        problems.add(data.mapping.first_data_row, None, "",
                     "表头下面没有任何数据行，没有可导入的内容", KIND_EMPTY_SHEET)
    index = UnitIndex.load(session)
    site = session.info["bz_site"]
    plan = _Planner(session, problems, index, today, site.office_id).run(rows)
    for number in problems.rows:
        plan.statuses[number] = "有误"
    return plan, problems, read, index


def _report(data: ImportSheet, plan: UnitsPlan, problems: Problems, read: int, *,
            written: int = 0, dry_run: bool = False) -> ImportReport:
    return ImportReport("units", data.file, data.sheet.name, read, plan.added, plan.updated,
                        plan.unchanged, written, dry_run, problems.sorted(),
                        dict(plan.statuses))


def check_units(session: Session, actor: Actor, data: ImportSheet, *,
                progress: Progress | None = None,
                cancelled: Check | None = None) -> ImportReport:
    """Every fault of the unit sheet and what an import would do; writes nothing."""
    require(actor, Can.WRITE)
    plan, problems, read, _ = _plan(session, data, Steps(progress, cancelled))
    return _report(data, plan, problems, read, dry_run=True)


def import_units(session: Session, actor: Actor, data: ImportSheet, *, dry_run: bool = False,
                 progress: Progress | None = None,
                 cancelled: Check | None = None) -> Outcome[ImportReport]:
    """Import the unit sheet, all or nothing (faults raise :class:`ImportRefused`)."""
    require(actor, Can.WRITE)
    steps = Steps(progress, cancelled)
    plan, problems, read, index = _plan(session, data, steps)
    if problems:
        raise ImportRefused(_report(data, plan, problems, read))
    if dry_run:
        return Outcome(_report(data, plan, problems, read, dry_run=True), NOTHING)
    site = session.info["bz_site"]
    with bulk_write_op(session, actor, OP_NAMES["units"], target=data.file) as op:
        steps.report(0, 1, "正在写入")
        if plan.quotas:
            seed_dictionaries(session)
        new_units = parents_first(plan.new_units, index, site.office_id)
        op.bulk_insert(Unit, new_units)
        fresh = {u["id"]: u["office_id"] for u in new_units}
        for unit_id, diff in plan.updates.items():
            unit = session.get(Unit, unit_id)
            assert unit is not None
            for key, value in diff.items():
                setattr(unit, key, value)
        _lines(session, op, plan, fresh, staffing_common.today())
        op.extra.update(file=data.file, sheet=data.sheet.name, added=plan.added,
                        updated=plan.updated, unchanged=plan.unchanged)
        steps.report(1, 1, "正在保存")
    report = _report(data, plan, problems, read, written=plan.added + plan.updated)
    return Outcome(report, frozenset(op.changed))


def _lines(session: Session, op: BulkOp, plan: UnitsPlan, fresh: dict[str, str],
           on: date) -> None:
    """Quota and leader-post lines: bulk for new units, corrected or added for others."""
    new_quotas: list[dict[str, Any]] = []
    for unit_id, category_id, n in plan.quotas:
        if unit_id in fresh:
            new_quotas.append({"unit_id": unit_id, "category_id": category_id, "approved": n,
                               "doc": "", "effective_on": on, "office_id": fresh[unit_id]})
        else:
            write_quota_line(session, _unit(session, unit_id), category_id, n, on, "")
    new_leaders: list[dict[str, Any]] = []
    for unit_id, chief, deputy in plan.leaders:
        if unit_id in fresh:
            new_leaders.append({"unit_id": unit_id, "chief": chief, "deputy": deputy, "doc": "",
                                "effective_on": on, "office_id": fresh[unit_id]})
        else:
            write_leader_line(session, _unit(session, unit_id), chief, deputy, on, "")
    op.bulk_insert(QuotaLine, new_quotas)
    op.bulk_insert(LeaderPost, new_leaders)


def _unit(session: Session, unit_id: str) -> Unit:
    unit = session.get(Unit, unit_id)
    assert unit is not None
    return unit

