"""导入花名册: check a roster sheet, then write it in one transaction.

Pass 1 (``roster_rows``) reads each row in pure Python; pass 2 (``roster_plan``) meets
the database with a handful of queries. Nothing is written unless the whole sheet is
good. The write is one ``write_op`` named 导入花名册: new people and postings go in
with ``op.bulk_insert`` (Core executemany with their change records), changed rows are
loaded and updated through the ORM so that only their differing fields are logged, and
an identical row writes nothing at all (no change record, no audit, nothing to sync).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Final, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from bzdesk.changes import NOTHING, Outcome
from bzdesk.excel.kinds import KIND_EMPTY_SHEET
from bzdesk.heap import no_cycle_collection
from bzdesk.models.base import SyncRow
from bzdesk.models.staffing import Person, Posting
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
)
from bzdesk.services.excel_io.fields import OP_NAMES
from bzdesk.services.excel_io.roster_plan import Planner, RosterPlan, load_existing
from bzdesk.services.excel_io.roster_rows import Categories, RowReader
from bzdesk.services.excel_io.unit_index import UnitIndex
from bzdesk.services.staffing import _common as staffing_common
from bzdesk.services.staffing.bulk import BulkOp, bulk_write_op
from bzdesk.services.staffing.catalog import load_categories, seed_dictionaries

_BATCH: Final = 5000
M = TypeVar("M", bound=SyncRow)


class _Check:
    """The rows in slices: each slice read (pass 1), looked up and planned (pass 2)."""

    def __init__(self, session: Session, actor: Actor, data: ImportSheet,
                 steps: Steps) -> None:
        data.require_columns()
        self.session, self.steps = session, steps
        self.problems = problems = Problems(data)
        today = staffing_common.today()
        units = UnitIndex.load(session)
        self.reader = RowReader(data, problems, units, Categories(session, actor), today)
        self.total = len(data.sheet.rows)
        self.data_rows = []
        for row in data.data_rows():
            self.data_rows.append(row)
            if len(self.data_rows) % STEP == 0:
                steps.report(len(self.data_rows), self.total, "正在读取")
        self.read = len(self.data_rows)
        if not self.data_rows:
            problems.add(data.mapping.first_data_row, None, "",
                         "表头下面没有任何数据行，没有可导入的内容", KIND_EMPTY_SHEET)
        site = session.info["bz_site"]
        self.planner = Planner(session, problems, units, load_categories(session), today,
                               site.office_id)

    def slices(self) -> Iterator[RosterPlan]:
        """The plan grown by one slice of rows at a time; its lists hold that slice's new
        rows until the caller takes them. People on the roster before the import are
        looked up slice by slice (the slices written so far hold only new people, whose
        ID numbers the reader has already seen)."""
        for start in range(0, self.read, _BATCH):
            self.steps.report(start, self.read, "正在检查")
            rows = self.reader.read(self.data_rows[start:start + _BATCH])
            existing = load_existing(self.session, [r.info.number for r in rows])
            yield self.planner.add(rows, existing)

    def close(self) -> RosterPlan:
        plan = self.planner.close()
        for number in self.problems.rows:
            plan.statuses[number] = "有误"
        return plan


def _plan(session: Session, actor: Actor, data: ImportSheet,
          steps: Steps) -> tuple[RosterPlan, Problems, int]:
    """Check everything, write nothing."""
    check = _Check(session, actor, data, steps)
    for plan in check.slices():
        plan.new_people.clear()  # counted, not kept: nothing is written
        plan.new_postings.clear()
    return check.close(), check.problems, check.read


def _report(data: ImportSheet, plan: RosterPlan, problems: Problems, read: int, *,
            written: int = 0, dry_run: bool = False) -> ImportReport:
    return ImportReport("roster", data.file, data.sheet.name, read, plan.added, plan.updated,
                        plan.unchanged, written, dry_run, problems.sorted(),
                        dict(plan.statuses))


def check_roster(session: Session, actor: Actor, data: ImportSheet, *,
                 progress: Progress | None = None,
                 cancelled: Check | None = None) -> ImportReport:
    """Every fault of the sheet and what an import would do; writes nothing."""
    require(actor, Can.WRITE)
    with no_cycle_collection():
        plan, problems, read = _plan(session, actor, data, Steps(progress, cancelled))
    return _report(data, plan, problems, read, dry_run=True)


def import_roster(session: Session, actor: Actor, data: ImportSheet, *, dry_run: bool = False,
                  progress: Progress | None = None,
                  cancelled: Check | None = None) -> Outcome[ImportReport]:
    """Import the sheet, all or nothing; a sheet with any fault raises
    :class:`ImportRefused` listing them all. ``dry_run`` checks without writing."""
    require(actor, Can.WRITE)
    with no_cycle_collection():
        return _import(session, actor, data, dry_run, Steps(progress, cancelled))


def _import(session: Session, actor: Actor, data: ImportSheet, dry_run: bool,
            steps: Steps) -> Outcome[ImportReport]:
    if dry_run:
        plan, problems, read = _plan(session, actor, data, steps)
        if problems:
            raise ImportRefused(_report(data, plan, problems, read))
        return Outcome(_report(data, plan, problems, read, dry_run=True), NOTHING)
    check = _Check(session, actor, data, steps)
    with bulk_write_op(session, actor, OP_NAMES["roster"], target=data.file) as op:
        # Each slice is written as soon as it is planned (so at most one slice of new rows
        # is held); any fault, found now or by the checks at the end, rolls all of it back.
        seeded = False
        for plan in check.slices():
            if check.problems:
                plan.new_people.clear()
                plan.new_postings.clear()
                continue
            if plan.new_postings and not seeded:
                seed_dictionaries(session)  # postings refer to the 编制类型 rows
                seeded = True
            _insert(op, plan, steps, check.read)
        plan = check.close()
        if check.problems:
            raise ImportRefused(_report(data, plan, check.problems, check.read))
        for model, updates in ((Person, plan.person_updates), (Posting, plan.posting_updates)):
            _update(session, model, updates, steps)
        op.extra.update(file=data.file, sheet=data.sheet.name, added=plan.added,
                        updated=plan.updated, unchanged=plan.unchanged)
        steps.report(check.read, check.read, "正在保存")
    report = _report(data, plan, check.problems, check.read,
                     written=plan.added + plan.updated)
    return Outcome(report, frozenset(op.changed))


def _insert(op: BulkOp, plan: RosterPlan, steps: Steps, total: int) -> None:
    """Write the slice's new people and postings and let go of them."""
    steps.report(plan.added, total, "正在写入")
    op.bulk_insert(Person, plan.new_people)
    op.bulk_insert(Posting, plan.new_postings)
    plan.new_people.clear()
    plan.new_postings.clear()


def _update(session: Session, model: type[M], updates: dict[str, dict[str, Any]],
            steps: Steps) -> None:
    """Set the differing fields through the ORM (so only they are logged), a batch at
    a time, letting go of each batch once it is flushed."""
    ids = list(updates)
    for start in range(0, len(ids), _BATCH):
        steps.report(start, len(ids), "正在更新")
        rows = session.scalars(select(model).where(model.id.in_(ids[start:start + _BATCH])))
        changed = rows.all()
        for row in changed:
            for key, value in updates[row.id].items():
                setattr(row, key, value)
        session.flush()
        for row in changed:
            session.expunge(row)
