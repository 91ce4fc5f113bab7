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

import functools
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from sqlalchemy import Column, Table, delete, func, insert, literal, select, text, update
from sqlalchemy.orm import Session

from bzdesk.db import SiteContext
from bzdesk.errors import BundleRejected
from bzdesk.models import Base, Change, new_id
from bzdesk.models.sync import Conflict
from bzdesk.sync import scope
from bzdesk.sync.bundle import FIELDS_JSON
from bzdesk.sync.tables import TableInfo, info

CHUNK = 2000
IN_CHUNK = 900
Stamp = tuple[int, str]
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


@dataclass
class _Field:
    value: Any   # as logged (JSON form)
    stamp: Stamp
    seq: int     # origin_seq; 0 when unknown (a snapshot)


@dataclass
class _Row:
    """What we know of a target row while merging a chunk."""

    exists: bool
    stamp: Stamp
    owner: str | None = None    # the scope column as stored (held rows)
    writer: str | None = None   # office_id as stored (held rows)
    hint: str | None = None     # the office an entry named for a row we do not hold
    fields: dict[str, _Field] = field(default_factory=dict)  # winning stamp per field
    values: dict[str, Any] = field(default_factory=dict)     # pending insert values
    # A new row seen in one entry so far (the usual case of a full bundle): its
    # fields, stamp and origin_seq, spread into ``fields`` only if another comes.
    base: tuple[dict[str, Any], Stamp, int] | None = None

    def spread(self, t: TableInfo) -> None:
        """From one entry's fields to per-field stamps and decoded values."""
        if self.base is not None:
            raw, stamp, seq = self.base
            self.fields = {k: _Field(v, stamp, seq) for k, v in raw.items()}
            self.values = _decode(t, raw, "")
            self.base = None

    def raw_value(self, key: str) -> Any:
        """The winning logged value of ``key`` so far (None when unknown)."""
        if self.base is not None:
            return self.base[0].get(key)
        won = self.fields.get(key)
        return None if won is None else won.value


def _chunks(items: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def _check_entry(e: dict[str, Any]) -> None:
    ok = (
        isinstance(e.get("table"), str) and isinstance(e.get("row_id"), str)
        and isinstance(e.get("origin"), str) and isinstance(e.get("hlc"), int)
        and isinstance(e.get("fields"), dict) and isinstance(e.get("office_id"), str)
        and (e.get("origin_seq") is None or isinstance(e.get("origin_seq"), int))
    )
    if not ok:
        raise BundleRejected("数据包中有格式不对的变更记录，已拒收。")


def _decode(t: TableInfo, raw: dict[str, Any], row_id: str) -> dict[str, Any]:
    try:
        return t.decode(raw)
    except (TypeError, ValueError) as exc:
        raise BundleRejected(
            f"数据包中“{t.name}”的记录 {row_id} 有格式不对的值，已拒收。") from exc


@functools.cache
def _references(table: str) -> list[tuple[Table, Column[Any]]]:
    """(table, column) pairs whose foreign key points at ``table``."""
    out = []
    for t in Base.metadata.sorted_tables:
        for fk in t.foreign_keys:
            if fk.column.table.name == table:
                out.append((t, fk.parent))
    return out


class Merger:
    def __init__(self, session: Session, site: SiteContext, my_office: str,
                 sender_vector: dict[str, int], bundle_id: str,
                 known: dict[str, int], writer_check: WriterCheck) -> None:
        self.s = session
        self.site = site
        self.my_office = my_office
        self.sender_vector = sender_vector
        self.bundle_id = bundle_id
        self.known = known  # this site's version vector, advanced as we go
        self.writer_check = writer_check
        self.result = MergeResult()
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
        for batch in _chunks(entries, CHUNK):
            self._apply_chunk(batch)
        return self.result

    # -- one chunk ----------------------------------------------------------
    def _apply_chunk(self, batch: list[dict[str, Any]]) -> None:
        fresh = []
        for e in batch:
            _check_entry(e)
            seq = e["origin_seq"]
            if seq is not None:
                if seq <= self.known.get(e["origin"], 0):
                    self.result.skipped += 1
                    continue
                self.known[e["origin"]] = seq
            elif self._snapshot_known(e):
                self.result.skipped += 1
                continue
            fresh.append(e)
        if not fresh:
            return
        rows = self._load_rows(fresh)
        log_rows: list[tuple[tuple[str, str], list[Any]]] = []
        for e in fresh:
            t = info(e["table"])
            if t is None:
                continue  # a table of a newer minor version: kept out, harmless
            key = (t.name, e["row_id"])
            row = rows[key]
            if t.shared:
                self.writer_check(t, e, self._writers(row, e))
            self._merge(t, e, row)
            text_ = e.get(FIELDS_JSON)
            if not isinstance(text_, str):
                text_ = json.dumps(e["fields"], ensure_ascii=False, sort_keys=True,
                                   separators=(",", ":"))
            log_rows.append((key, [e["origin"], e["origin_seq"], t.name, e["row_id"],
                                   e["office_id"], e["hlc"], text_, e.get("moved_from")]))
        self.result.far_future += self.site.clock.observe_many([e["hlc"] for e in fresh])
        outside = {key for key, row in rows.items() if not self._mine(key[0], row)}
        self._write_inserts(rows, outside)
        logged = [values for key, values in log_rows
                  if key not in outside or rows[key].exists]
        self.result.skipped += len(log_rows) - len(logged)
        for values in logged:
            if values[1] is None:
                values[1] = self._next_snapshot_seq()
            self.result.tables.add(values[2])
        self.result.applied += len(logged)
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

    def _owner(self, table: str, row: _Row) -> str | None:
        t = info(table)
        assert t is not None
        won = row.raw_value(t.scope_column)
        if won is not None:
            return str(won)
        return row.owner if row.exists else row.hint

    def _mine(self, table: str, row: _Row) -> bool:
        """May this site hold the row as it stands after the merge?"""
        t = info(table)
        if t is None:
            return True
        owner = self._owner(table, row)
        return owner is None or owner == scope.NATIONAL or scope.in_scope(
            self.my_office, owner, t.shared)

    def _writers(self, row: _Row, e: dict[str, Any]) -> set[str]:
        """Offices that own (write) a shared row: as held, as logged, as the entry says."""
        found = set()
        if row.writer is not None:
            found.add(row.writer)
        won = row.raw_value("office_id")
        if won is not None:
            found.add(str(won))
        claimed = e["fields"].get("office_id")
        if claimed is not None:
            found.add(str(claimed))
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
            id_list = sorted(ids)
            for i in range(0, len(id_list), IN_CHUNK):
                part = id_list[i:i + IN_CHUNK]
                marks = ",".join("?" * len(part))
                for rid, hlc, origin, owner, writer in raw.execute(
                    f'SELECT id, hlc, origin, "{t.scope_column}", office_id FROM "{table}" '
                    f"WHERE id IN ({marks})", part
                ):
                    rows[(table, rid)] = _Row(True, (hlc, origin), owner, writer)
                for rid, fields, hlc, origin, seq in raw.execute(
                    "SELECT row_id, fields, hlc, origin, origin_seq FROM change_log "
                    f"WHERE row_id IN ({marks}) AND table_name = ?", [*part, table]
                ):
                    row = rows.setdefault((table, rid), _Row(False, (0, "")))
                    stamp = (hlc, origin)
                    for k, v in json.loads(fields).items():
                        held = row.fields.get(k)
                        if held is None or stamp > held.stamp:
                            row.fields[k] = _Field(v, stamp, max(seq, 0))
            for rid in id_list:
                rows.setdefault((table, rid), _Row(False, (0, "")))
        return rows

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
            values = {**winners, "hlc": new_stamp[0], "origin": new_stamp[1]}
            self._core(update(t.model).where(t.model.id == e["row_id"]).values(values))
            row.stamp = new_stamp

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
        by_table: dict[str, list[list[Any]]] = {}
        for (table, rid), row in rows.items():
            if row.exists or (table, rid) in outside:
                continue
            t = info(table)
            assert t is not None
            logged = row.base is not None
            fields = row.base[0] if row.base is not None else row.values
            missing = t.required - fields.keys()
            if missing:
                raise BundleRejected(
                    f"数据包中“{table}”的记录 {rid} 不完整（缺少 {', '.join(sorted(missing))}），"
                    "已拒收。请让对方重新导出完整数据包。")
            try:
                values = t.insert_row(fields, logged=logged)
            except (TypeError, ValueError) as exc:
                raise BundleRejected(
                    f"数据包中“{table}”的记录 {rid} 有格式不对的值，已拒收。") from exc
            values[t.index["id"]] = rid
            values[t.index["hlc"]], values[t.index["origin"]] = row.stamp
            by_table.setdefault(table, []).append(values)
            row.exists = True
        for table in sorted(by_table, key=lambda n: self._order.get(n, 0)):
            t = info(table)
            assert t is not None
            # The driver's own executemany: sqlite3 stores dates and booleans exactly as
            # SQLAlchemy's SQLite types do, without the per-row parameter processing.
            self._raw().executemany(
                f'INSERT INTO "{table}" ({", ".join(t.columns)}) '
                f'VALUES ({", ".join("?" * len(t.columns))})', by_table[table])

    def _referenced(self, t: TableInfo, row_id: str) -> bool:
        for table, column in _references(t.name):
            if self.s.scalar(select(literal(1)).select_from(table)
                             .where(column == row_id).limit(1)) is not None:
                return True
        return False

    def _purge(self, t: TableInfo, row_id: str) -> None:
        """The row left this office's scope (transferred away): drop our copy."""
        if self._referenced(t, row_id):
            self.result.kept_out_of_scope += 1  # rows of ours still refer to it: keep it
            return
        self.s.execute(delete(t.model).where(t.model.id == row_id))
        drop, notices = [], []
        for seq, office, moved_from, fields in self.s.execute(
                select(Change.seq, Change.office_id, Change.moved_from, Change.fields).where(
                    Change.table_name == t.name, Change.row_id == row_id)):
            left = moved_from is not None and not scope.in_scope(self.my_office, office,
                                                                 t.shared)
            values = json.loads(fields)
            if left and t.scope_column in values:
                notices.append((seq, {t.scope_column: values[t.scope_column]}))
            else:
                drop.append(seq)
        for i in range(0, len(drop), IN_CHUNK):
            self.s.execute(delete(Change).where(Change.seq.in_(drop[i:i + IN_CHUNK])))
        for seq, values in notices:
            self.s.execute(update(Change).where(Change.seq == seq).values(
                fields=json.dumps(values, ensure_ascii=False, sort_keys=True,
                                  separators=(",", ":"))))
        self.result.purged += 1
