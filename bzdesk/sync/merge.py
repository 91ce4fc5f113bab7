"""Applying a bundle's entries: last writer wins per field by (HLC, origin).

Entries are applied in chunks with Core statements (an ORM object per entry
would cost several times more on a full bundle). Every entry is kept in the
change log with its origin and origin_seq, so this site can pass it on; a
field value that loses to a concurrent one is kept in ``merge_conflict``.

Per field, the stamp to beat is the newest one this site knows: its change
log plus the entries already merged from the same chunk (a bundle lists
entries in the sender's log order, which is not stamp order).

A snapshot entry (a row entering this site's scope, sent without an
origin_seq) is logged with a negative origin_seq unique on this site, since
``change_log.origin_seq`` is NOT NULL (see bzdesk.sync.outbox).

Scope: after each chunk, a row whose scope column (by the same LWW) names an
office outside this site's scope is not kept. A new one is not inserted and
its entries are not logged; a held one is purged with its change log,
except the entries that moved it away ("left" notices, cut down to the scope
column): they are passed on to this office's other sites and tell stale
entries arriving later that the row is gone. A row that rows of ours still
refer to (a posting of the old county refers to the person) cannot be
dropped: it is kept and counted in ``MergeResult.kept_out_of_scope``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import bindparam, func, insert, select, text, update
from sqlalchemy.orm import Session

from bzdesk.db import SiteContext
from bzdesk.heap import no_cycle_collection
from bzdesk.models import Base, Change, new_id
from bzdesk.models.sync import Conflict
from bzdesk.sync import scope
from bzdesk.sync.bulk import DeferredIndexes
from bzdesk.sync.bundle import FIELDS_JSON
from bzdesk.sync.merge_rows import NO_STAMP as _NO_STAMP
from bzdesk.sync.merge_rows import Field as _Field
from bzdesk.sync.merge_rows import Row as _Row
from bzdesk.sync.merge_rows import Stamp, check_entry, chunks, insert_values, writers
from bzdesk.sync.merge_rows import decode as _decode
from bzdesk.sync.purge import purge
from bzdesk.sync.tables import TableInfo, info, registry

CHUNK = 2000
IMPORT_CACHE_KIB = -196608  # 192 MiB
MAX_OURS = 500_000  # ids kept per table by a big import (about 60 MB)
IN_CHUNK = 900
# (table info, entry, offices known to write the row) → raises BundleRejected
WriterCheck = Callable[[TableInfo, dict[str, Any], set[str]], None]


@dataclass
class MergeResult:
    applied: int = 0
    skipped: int = 0
    conflicts: int = 0
    far_future: int = 0
    purged: int = 0
    kept_out_of_scope: int = 0
    tables: set[str] = field(default_factory=set)


class Merger:
    def __init__(self, session: Session, site: SiteContext, my_office: str,
                 sender_vector: dict[str, int], bundle_id: str,
                 known: dict[str, int], writer_check: WriterCheck, *,
                 bulk: bool = False) -> None:
        self.s = session
        self.site = site
        self.my_office = my_office
        self.sender_vector = sender_vector
        self.bundle_id = bundle_id
        self.known = known  # this site's version vector, advanced as we go
        self.writer_check = writer_check
        self.result = MergeResult()
        self.attachments: set[str] = set()  # sha256 named by the bundle's attachment rows
        self._in_scope: dict[tuple[str, bool], bool] = {}
        # winning values for held rows, written once per row at the end of a chunk
        self._pending: dict[tuple[str, str], dict[str, Any]] = {}
        self._deferred = DeferredIndexes(self._raw()) if bulk else None
        # Big bundles: for a table empty when first seen, the ids inserted since are
        # the only ones it can hold, so other ids are not looked up in it.
        self._ours: dict[str, set[str]] | None = {} if bulk else None
        self._looked_at: set[str] = set()
        self._order = {t.name: i for i, t in enumerate(Base.metadata.sorted_tables)}
        self._snapshot_seq: int | None = None

    def _raw(self) -> Any:
        """The sqlite3 connection of this session's transaction."""
        return self.s.connection().connection.driver_connection

    def _core(self, stmt: Any, params: Any = None) -> None:
        """Core statements on the session's connection: the ORM's bulk paths cost
        several times more per row and add nothing here."""
        self.s.connection().execute(stmt, params)

    def apply(self, entries: Iterable[dict[str, Any]]) -> MergeResult:
        # Rows may refer to rows later in the bundle (a unit merged into a newer
        # one): foreign keys are checked when the transaction commits.
        self.s.execute(text("PRAGMA defer_foreign_keys = ON"))
        # A full bundle inserts into indexes larger than the usual cache: a bigger one
        # for this transaction spills fewer pages (back to the usual size after).
        cache = self.s.execute(text("PRAGMA cache_size")).scalar()
        self.s.execute(text(f"PRAGMA cache_size = {IMPORT_CACHE_KIB}"))
        # The merge makes many short-lived dicts and lists, no cycles: the cyclic
        # collector would walk the growing heap again and again for nothing.
        try:
            with no_cycle_collection():
                for batch in chunks(entries, CHUNK):
                    self._apply_chunk(batch)
                if self._deferred is not None:
                    self._deferred.rebuild()
        finally:
            self.s.execute(text(f"PRAGMA cache_size = {int(cache or 0)}"))
        return self.result

    # -- one chunk ----------------------------------------------------------
    def _apply_chunk(self, batch: list[dict[str, Any]]) -> None:
        fresh = []
        known, result = self.known, self.result
        for e in batch:
            check_entry(e)
            if e["table"] == "attachment":
                sha = e["fields"].get("sha256")
                if isinstance(sha, str):
                    self.attachments.add(sha)
            seq = e["origin_seq"]
            if seq is not None:
                if seq <= known.get(e["origin"], 0):
                    result.skipped += 1
                    continue
                known[e["origin"]] = seq
            elif self._snapshot_known(e):
                result.skipped += 1
                continue
            fresh.append(e)
        if not fresh:
            return
        rows = self._load_rows(fresh)
        log_rows: list[tuple[tuple[str, str], list[Any]]] = []
        tables = registry()
        for e in fresh:
            t = tables.get(e["table"])
            if t is None:
                continue  # a table of a newer minor version: kept out, harmless
            row_id = e["row_id"]
            key = (t.name, row_id)
            row = rows.get(key)
            if row is None and not t.shared:
                # not held here, nor in our log, first entry (the usual case of a full
                # bundle): kept as it is, decoded when inserted (see _merge)
                stamp = (e["hlc"], e["origin"])
                rows[key] = _Row(False, stamp, hint=e["office_id"],
                                 base=(e["fields"], stamp, e["origin_seq"] or 0))
            else:
                if row is None:
                    row = rows[key] = _Row(False, _NO_STAMP)
                if t.shared:
                    self.writer_check(t, e, writers(t, row, e))
                self._merge(t, e, row)
            text_ = e.get(FIELDS_JSON)
            if text_.__class__ is not str:
                text_ = json.dumps(e["fields"], ensure_ascii=False, sort_keys=True,
                                   separators=(",", ":"))
            log_rows.append((key, [e["origin"], e["origin_seq"], key[0], row_id,
                                   e["office_id"], e["hlc"], text_, e.get("moved_from")]))
        self._write_updates(rows)
        result.far_future += self.site.clock.observe_many([e["hlc"] for e in fresh])
        outside = self._outside(rows)
        self._write_inserts(rows, outside)
        if outside:
            logged = [values for key, values in log_rows
                      if key not in outside or rows[key].exists]
        else:
            logged = [values for _, values in log_rows]
        result.skipped += len(log_rows) - len(logged)
        for values in logged:
            if values[1] is None:
                values[1] = self._next_snapshot_seq()
        result.tables.update({values[2] for values in logged})
        result.applied += len(logged)
        if logged:
            self._raw().executemany(
                "INSERT INTO change_log (origin, origin_seq, table_name, row_id, office_id, hlc,"
                " fields, moved_from) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", logged)
        leaving = sorted((key for key in outside if rows[key].exists),
                         key=lambda k: -self._order.get(k[0], 0))
        for table, row_id in leaving:
            t = info(table)
            assert t is not None
            self._purge(t, row_id)

    def _next_snapshot_seq(self) -> int:
        if self._snapshot_seq is None:
            lowest = self.s.scalar(select(func.min(Change.origin_seq))) or 0
            self._snapshot_seq = min(0, int(lowest))
        self._snapshot_seq -= 1
        return self._snapshot_seq

    def _owner(self, t: TableInfo, row: _Row) -> str | None:
        won = row.raw_value(t.scope_column)
        if won is not None:
            return str(won)
        return row.owner if row.exists else row.hint

    def _outside(self, rows: dict[tuple[str, str], _Row]) -> set[tuple[str, str]]:
        """The rows this site may not hold as they stand after the merge."""
        tables = registry()
        in_scope = self._in_scope
        out = set()
        for key, row in rows.items():
            t = tables.get(key[0])
            if t is None:
                continue
            base = row.base
            if base is not None and not row.exists:  # a new row from one entry
                owner = base[0].get(t.scope_column)
                owner = row.hint if owner is None else str(owner)
                if owner is None or owner == scope.NATIONAL:
                    continue
                found = in_scope.get((owner, t.shared))
                if found is not None:
                    if not found:
                        out.add(key)
                    continue
            if not self._mine(t, row):
                out.add(key)
        return out

    def _mine(self, t: TableInfo | None, row: _Row) -> bool:
        """May this site hold the row as it stands after the merge?"""
        if t is None:
            return True
        owner = self._owner(t, row)
        if owner is None or owner == scope.NATIONAL:
            return True
        found = self._in_scope.get((owner, t.shared))
        if found is None:
            found = self._in_scope[(owner, t.shared)] = scope.in_scope(
                self.my_office, owner, t.shared)
        return found

    def _snapshot_known(self, e: dict[str, Any]) -> bool:
        """A snapshot entry is known when our log has that stamp with all its fields."""
        for fields in self.s.scalars(select(Change.fields).where(
                Change.table_name == e["table"], Change.row_id == e["row_id"],
                Change.hlc == e["hlc"], Change.origin == e["origin"])):
            if set(e["fields"]) <= set(json.loads(fields)):
                return True
        return False

    def _load_rows(self, entries: list[dict[str, Any]]) -> dict[tuple[str, str], _Row]:
        """The rows the entries touch: as stored, with the winning stamp of every field
        in our change log."""
        wanted: dict[str, set[str]] = {}
        for e in entries:
            wanted.setdefault(e["table"], set()).add(e["row_id"])
        rows: dict[tuple[str, str], _Row] = {}
        for table, ids in wanted.items():
            t = info(table)
            if t is None:
                continue
            raw = self._raw()
            only = self._held_ids(table)
            id_list = sorted(ids)
            for i in range(0, len(id_list), IN_CHUNK):
                part = id_list[i:i + IN_CHUNK]
                marks = ",".join("?" * len(part))
                probe = part if only is None else [rid for rid in part if rid in only]
                stored = raw.execute(
                    f'SELECT id, hlc, origin, "{t.scope_column}", office_id FROM "{table}" '
                    f"WHERE id IN ({','.join('?' * len(probe))})", probe) if probe else []
                for rid, hlc, origin, owner, writer in stored:
                    rows[(table, rid)] = _Row(True, (hlc, origin), owner, writer)
                for rid, fields, hlc, origin, seq in raw.execute(
                    "SELECT row_id, fields, hlc, origin, origin_seq FROM change_log "
                    f"WHERE row_id IN ({marks}) AND table_name = ?", [*part, table]
                ):
                    row = rows.get((table, rid))
                    if row is None:
                        row = rows[(table, rid)] = _Row(False, _NO_STAMP)
                    stamp = (hlc, origin)
                    for k, v in json.loads(fields).items():
                        held = row.fields.get(k)
                        if held is None or stamp > held.stamp:
                            row.fields[k] = _Field(v, stamp, max(seq, 0))
        return rows

    def _held_ids(self, table: str) -> set[str] | None:
        """The only ids ``table`` can hold (a big bundle, the table empty when first
        seen), or None: look every id up."""
        if self._ours is None:
            return None
        if table not in self._looked_at:
            self._looked_at.add(table)
            if self._raw().execute(f'SELECT 1 FROM "{table}" LIMIT 1').fetchone() is None:
                self._ours[table] = set()
        return self._ours.get(table)

    # -- one entry ----------------------------------------------------------
    def _merge(self, t: TableInfo, e: dict[str, Any], row: _Row) -> None:
        stamp: Stamp = (e["hlc"], e["origin"])
        seq = e["origin_seq"] or 0
        raw = e["fields"]
        if not row.exists and not row.fields and row.base is None and not row.values:
            # new to this site, first entry (the usual case): decoded when inserted
            row.hint, row.base, row.stamp = e["office_id"], (raw, stamp, seq), stamp
            return
        fields = _decode(t, raw, e["row_id"])
        if not row.exists:  # new to this site (or gone from it): collect it for one insert
            if row.hint is None:
                row.hint = e["office_id"]
            row.spread(t)
            for k, v in fields.items():
                held = row.fields.get(k)
                if held is None or stamp > held.stamp:
                    row.values[k], row.fields[k] = v, _Field(raw[k], stamp, seq)
            row.stamp = max(row.stamp, stamp)
            return
        winners = {}
        row.spread(t)
        for k, v in fields.items():
            held = row.fields.get(k)
            if held is None or stamp > held.stamp:
                if held is not None and held.value != raw[k] and self._concurrent(held):
                    self._conflict(t, e, k, loser=(held.value, *held.stamp),
                                   winner=(raw[k], *stamp))
                winners[k] = v
                row.fields[k] = _Field(raw[k], stamp, seq)
            elif held.value != raw[k] and held.stamp != stamp:
                self._conflict(t, e, k, loser=(raw[k], *stamp),
                               winner=(held.value, *held.stamp))
        new_stamp = max(row.stamp, stamp)
        if winners or new_stamp != row.stamp:
            self._pending.setdefault((t.name, e["row_id"]), {}).update(winners)
            row.stamp = new_stamp

    def _write_updates(self, rows: dict[tuple[str, str], _Row]) -> None:
        """The held rows' winning values and stamps: one executemany per table and set
        of columns (a later winner of a field in the chunk replaced the earlier one)."""
        groups: dict[tuple[str, tuple[str, ...]], list[dict[str, Any]]] = {}
        for (table, rid), values in self._pending.items():
            stamp = rows[(table, rid)].stamp
            params = {**values, "hlc": stamp[0], "origin": stamp[1], "_bz_id": rid}
            groups.setdefault((table, tuple(sorted(params))), []).append(params)
        self._pending.clear()
        for (table, _), rows_params in groups.items():
            target = Base.metadata.tables[table]
            self._core(update(target).where(target.c.id == bindparam("_bz_id")), rows_params)

    def _concurrent(self, held: _Field) -> bool:
        """The sender had not seen our value when it wrote its own."""
        return held.seq > self.sender_vector.get(held.stamp[1], 0) or held.seq == 0

    def _conflict(self, t: TableInfo, e: dict[str, Any], key: str,
                  loser: tuple[Any, int, str], winner: tuple[Any, int, str]) -> None:
        self._core(insert(Conflict).values(
            id=new_id(),
            table_name=t.name, row_id=e["row_id"], field=key,
            losing_value=json.dumps(loser[0], ensure_ascii=False), losing_hlc=loser[1],
            losing_origin=loser[2], winning_value=json.dumps(winner[0], ensure_ascii=False),
            winning_hlc=winner[1], winning_origin=winner[2], bundle_id=self.bundle_id,
            status="open",
        ))
        self.result.conflicts += 1

    # -- writes -------------------------------------------------------------
    def _write_inserts(self, rows: dict[tuple[str, str], _Row],
                       outside: set[tuple[str, str]]) -> None:
        by_table = insert_values(rows, outside, self._ours)
        if self._ours is not None:
            for table in by_table:
                if len(self._ours.get(table, ())) > MAX_OURS:
                    del self._ours[table]  # memory stays bounded: look ids up again
        tables = registry()
        for table in sorted(by_table, key=lambda n: self._order.get(n, 0)):
            t = tables[table]
            if self._deferred is not None:
                self._deferred.before_insert(table)
            # The driver's own executemany: sqlite3 stores dates and booleans exactly as
            # SQLAlchemy's SQLite types do, without the per-row parameter processing.
            self._raw().executemany(
                f'INSERT INTO "{table}" ({", ".join(t.columns)}) '
                f'VALUES ({", ".join("?" * len(t.columns))})', by_table[table])

    def _purge(self, t: TableInfo, row_id: str) -> None:
        """The row left this office's scope (transferred away): drop our copy."""
        if purge(self.s, t, row_id, self.my_office):
            self.result.purged += 1
        else:
            self.result.kept_out_of_scope += 1  # rows of ours still refer to it: keep it
