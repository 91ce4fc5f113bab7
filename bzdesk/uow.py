"""The unit of work every service write goes through.

``with write_op(session, actor, "入编") as op:`` marks the session as writing
one named operation. Inside it, services add and modify ORM rows as usual;
at each flush this module stamps every changed sync row (HLC, origin) and
captures its changed fields. When the block ends it appends, in the same
transaction, the Change outbox entries and one hash-chained AuditEntry.

Outside such a block, flushing a changed sync row raises
``WriteOutsideOperation``: no service can write without the change log and
the audit trail. Rows are never hard-deleted: ``op.delete`` sets the tombstone.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy import Delete, Insert, Update, event, insert, inspect, select
from sqlalchemy.orm import ORMExecuteState, Session, UOWTransaction

from bzdesk import audit
from bzdesk.changes import Area
from bzdesk.db import SiteContext
from bzdesk.models import Change, LocalSite, SyncRow
from bzdesk.models.base import new_id, to_json_value
from bzdesk.roles import Actor

PROTECTED_TABLES = {"change_log", "audit_entry"}


class WriteOutsideOperation(RuntimeError):
    """A programming error: a sync row was written without ``write_op``."""


def scope_column(model: type[SyncRow]) -> str:
    """The column naming the office whose scope a row is in (see bzdesk.sync.tables)."""
    return str(getattr(model, "__scope_column__", "office_id"))


@dataclass
class _Captured:
    table: str
    row_id: str
    office_id: str
    hlc: int
    fields: dict[str, Any]
    before: dict[str, Any]
    moved_from: str | None = None


@dataclass
class WriteOp:
    session: Session
    actor: Actor
    name: str
    site: SiteContext
    target: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
    changed: set[Area] = field(default_factory=set)
    _captured: dict[tuple[str, str], _Captured] = field(default_factory=dict)
    _in_bulk: bool = False

    # -- used by services -------------------------------------------------
    def delete(self, row: SyncRow) -> None:
        """Tombstone a row (it stays, marked deleted, and the deletion syncs)."""
        row.deleted = True

    def bulk_insert(self, model: type[SyncRow], rows: Sequence[dict[str, Any]]) -> int:
        """Insert many rows at once (Core executemany) with their change records.

        For imports: the ORM's per-object bookkeeping would cost several times
        more. Each dict gets id, office_id, hlc, origin and deleted filled in.
        """
        if not rows:
            return 0
        table = model.__tablename__
        carried = [c.key for c in model.__mapper__.column_attrs if c.key not in model.ENVELOPE]
        prepared = []
        for raw in rows:
            row = dict(raw)
            row.setdefault("id", new_id())
            row.setdefault("office_id", self.site.office_id)
            row.setdefault("deleted", False)
            row["hlc"] = self.site.clock.now()
            row["origin"] = self.site.site_id
            prepared.append(row)
            self._record(table, row["id"], row[scope_column(model)], row["hlc"],
                         {k: to_json_value(row.get(k)) for k in carried}, {})
        self._in_bulk = True
        try:
            self.session.execute(insert(model), prepared)
        finally:
            self._in_bulk = False
        self._mark(model)
        return len(prepared)

    def force_fields(self, row: SyncRow, keys: Sequence[str]) -> None:
        """Record ``keys`` as changed now even if their values did not change
        (a clerk's decision to keep a value must win on every site)."""
        row.hlc = self.site.clock.now()
        row.origin = self.site.site_id
        values = {k: to_json_value(getattr(row, k)) for k in keys}
        column = scope_column(type(row))
        self._record(row.__tablename__, row.id, getattr(row, column), row.hlc, values,
                     dict(values))
        self._mark(type(row))

    @property
    def change_count(self) -> int:
        return len(self._captured)

    # -- used by the flush hook -------------------------------------------
    def capture(self, row: SyncRow, is_new: bool) -> None:
        if row.office_id is None:
            row.office_id = self.site.office_id
        if row.id is None:
            row.id = new_id()
        if is_new:
            fields = row.field_values()
            before: dict[str, Any] = {}
        else:
            state = inspect(row)
            fields, before = {}, {}
            for attr in state.mapper.column_attrs:
                if attr.key in SyncRow.ENVELOPE:
                    continue
                hist = state.attrs[attr.key].history
                if hist.has_changes():
                    fields[attr.key] = to_json_value(getattr(row, attr.key))
                    before[attr.key] = to_json_value(hist.deleted[0] if hist.deleted else None)
            if not fields:
                return
        row.hlc = self.site.clock.now()
        row.origin = self.site.site_id
        column = scope_column(type(row))
        self._record(row.__tablename__, row.id, getattr(row, column), row.hlc, fields, before,
                     moved_from=before.get(column))
        self._mark(type(row))

    def _record(self, table: str, row_id: str, office_id: str, stamp: int,
                fields: dict[str, Any], before: dict[str, Any],
                moved_from: str | None = None) -> None:
        key = (table, row_id)
        prior = self._captured.get(key)
        if prior is None:
            self._captured[key] = _Captured(table, row_id, office_id, stamp, fields, before,
                                            moved_from)
        else:
            # the same row changed again within the operation: one change record
            prior.moved_from = prior.moved_from or moved_from
            for k, v in before.items():
                prior.before.setdefault(k, v)
            prior.fields.update(fields)
            prior.hlc = stamp
            prior.office_id = office_id

    def _mark(self, model: type[SyncRow]) -> None:
        area = getattr(model, "__area__", None)
        if isinstance(area, Area):
            self.changed.add(area)

    # -- end of the operation ---------------------------------------------
    def finish(self) -> None:
        self.session.flush()
        if not self._captured:
            return
        site_row = self.session.get(LocalSite, self.site.site_id)
        if site_row is None:
            raise WriteOutsideOperation("this site is not initialised")
        seq = site_row.change_seq
        entries = []
        for c in self._captured.values():
            seq += 1
            moved_from = c.moved_from
            entries.append({
                "origin": self.site.site_id, "origin_seq": seq, "table_name": c.table,
                "row_id": c.row_id, "office_id": c.office_id, "hlc": c.hlc,
                "fields": audit.canonical_json(c.fields),
                "moved_from": moved_from if moved_from != c.office_id else None,
            })
        self._in_bulk = True
        try:
            self.session.execute(insert(Change), entries)
        finally:
            self._in_bulk = False
        site_row.change_seq = seq
        site_row.hlc_last = max(site_row.hlc_last, self.site.clock.last)
        captured = list(self._captured.values())
        only = captured[0] if len(captured) == 1 else None
        detail: dict[str, Any] = {"changes": len(captured), **self.extra}
        if len(captured) <= 20:
            detail["rows"] = [
                {"table": c.table, "id": c.row_id, "fields": sorted(c.fields)} for c in captured
            ]
        audit.append(
            self.session,
            actor=self.actor.username,
            op=self.name,
            target=self.target or (f"{only.table}:{only.row_id}" if only
                                   else f"{len(captured)} 条记录"),
            detail=detail,
            before_digest=audit.digest([[c.table, c.row_id, c.before] for c in captured]),
            after_digest=audit.digest([[c.table, c.row_id, c.fields] for c in captured]),
        )
        self.session.flush()


_Op = TypeVar("_Op", bound="WriteOp")


@contextmanager
def write_op(session: Session, actor: Actor, name: str, target: str = "") -> Iterator[WriteOp]:
    """Run one named write operation (see the module docstring)."""
    with running(session, lambda site: WriteOp(session, actor, name, site, target)) as op:
        yield op


@contextmanager
def running(session: Session, make: Callable[[SiteContext], _Op]) -> Iterator[_Op]:
    """Open the operation ``make`` builds for this session's site, finish it when the
    block ends well; shared by ``write_op`` and the bulk path (no nesting, a stamp never
    below one another process wrote)."""
    site = session.info.get("bz_site")
    if site is None:
        raise WriteOutsideOperation("the database has no site yet (run init first)")
    if session.info.get("bz_op") is not None:
        raise WriteOutsideOperation("write operations do not nest")
    # Another process may have written since we loaded: never stamp below it.
    stored = session.scalar(select(LocalSite.hlc_last).where(LocalSite.site_id == site.site_id))
    if stored:
        site.clock.observe(stored)
    op = make(site)
    session.info["bz_op"] = op
    try:
        yield op
        op.finish()
    finally:
        session.info.pop("bz_op", None)


@contextmanager
def replaying(session: Session) -> Iterator[None]:
    """Let the sync importer write rows that keep their remote stamps."""
    session.info["bz_replay"] = True
    try:
        yield
    finally:
        session.info.pop("bz_replay", None)


@event.listens_for(Session, "before_flush")
def _stamp_and_guard(session: Session, _ctx: UOWTransaction, _instances: Any) -> None:
    if session.info.get("bz_replay"):
        return
    op: WriteOp | None = session.info.get("bz_op")
    for row in list(session.deleted):
        if isinstance(row, SyncRow):
            raise WriteOutsideOperation(
                f"{type(row).__name__} rows are never deleted: use op.delete() (tombstone)"
            )
    for is_new, rows in ((True, session.new), (False, session.dirty)):
        for row in list(rows):
            if isinstance(row, SyncRow):
                if not is_new and not session.is_modified(row):
                    continue
                if op is None:
                    raise WriteOutsideOperation(
                        f"{type(row).__name__} written outside bzdesk.uow.write_op"
                    )
                op.capture(row, is_new)
            elif type(row).__tablename__ in PROTECTED_TABLES and id(row) not in session.info.get(
                    "bz_audited", set()):
                raise WriteOutsideOperation("the audit and change logs are written by uow only")


_SYNC_TABLES: set[str] = set()


@event.listens_for(Session, "do_orm_execute")
def _guard_bulk(state: ORMExecuteState) -> None:
    stmt = state.statement
    if not isinstance(stmt, Insert | Update | Delete):
        return
    if state.session.info.get("bz_replay"):
        return
    op: WriteOp | None = state.session.info.get("bz_op")
    if op is not None and op._in_bulk:
        return
    table = getattr(stmt, "table", None)
    name = getattr(table, "name", "")
    if not _SYNC_TABLES:
        _SYNC_TABLES.update(m.class_.__tablename__ for m in SyncRow.registry.mappers
                            if issubclass(m.class_, SyncRow))
    if name in _SYNC_TABLES or name in PROTECTED_TABLES:
        raise WriteOutsideOperation(
            f"statement-level write to {name}: use ORM rows or op.bulk_insert so it is logged"
        )


def decode_fields(change: Change) -> dict[str, Any]:
    value: dict[str, Any] = json.loads(change.fields)
    return value
