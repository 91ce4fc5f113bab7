"""Applying a bundle's entries: last writer wins per field by (HLC, origin).

Entries are applied in chunks with Core statements (an ORM object per entry
would cost several times more on a full bundle). Every entry is kept in the
change log with its origin and origin_seq, so this site can pass it on; a
field value that loses to a concurrent one is kept in ``merge_conflict``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.exc import IntegrityError as DBIntegrityError
from sqlalchemy.orm import Session

from bzdesk.db import SiteContext
from bzdesk.errors import BundleRejected
from bzdesk.models import Base, Change
from bzdesk.models.sync import Conflict
from bzdesk.sync import scope
from bzdesk.sync.tables import TableInfo, info

CHUNK = 2000
Stamp = tuple[int, str]


@dataclass
class MergeResult:
    applied: int = 0
    skipped: int = 0
    conflicts: int = 0
    far_future: int = 0
    purged: int = 0
    tables: set[str] = field(default_factory=set)


@dataclass
class _Row:
    """What we know of a target row while merging a chunk."""

    exists: bool
    stamp: Stamp
    values: dict[str, Any] = field(default_factory=dict)       # pending insert values
    stamps: dict[str, Stamp] = field(default_factory=dict)     # pending per-field stamps


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


class Merger:
    def __init__(self, session: Session, site: SiteContext, my_office: str,
                 sender_vector: dict[str, int], bundle_id: str,
                 known: dict[str, int],
                 writer_check: Callable[[TableInfo, dict[str, Any], str | None], None]) -> None:
        self.s = session
        self.site = site
        self.my_office = my_office
        self.sender_vector = sender_vector
        self.bundle_id = bundle_id
        self.known = known  # this site's version vector, advanced as we go
        self.writer_check = writer_check
        self.result = MergeResult()
        self._order = {t.name: i for i, t in enumerate(Base.metadata.sorted_tables)}

    def apply(self, entries: Iterable[dict[str, Any]]) -> MergeResult:
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
        log_rows, leaving = [], []
        for e in fresh:
            t = info(e["table"])
            if t is None:
                continue  # a table of a newer minor version: kept out, harmless
            if t.shared:
                self.writer_check(t, e, self._owner(t, e))
            if self.site.clock.observe(e["hlc"]).far_future:
                self.result.far_future += 1
            self._merge(t, e, rows)
            log_rows.append({
                "origin": e["origin"], "origin_seq": e["origin_seq"], "table_name": t.name,
                "row_id": e["row_id"], "office_id": e["office_id"], "hlc": e["hlc"],
                "fields": json.dumps(e["fields"], ensure_ascii=False, sort_keys=True,
                                     separators=(",", ":")),
                "moved_from": e.get("moved_from"),
            })
            if not scope.in_scope(self.my_office, e["office_id"], t.shared):
                leaving.append((t, e["row_id"]))
            self.result.applied += 1
            self.result.tables.add(t.name)
        self._write_inserts(rows)
        if log_rows:
            self.s.execute(insert(Change), log_rows)
        for t, row_id in leaving:
            self._purge(t, row_id)

    def _owner(self, t: TableInfo, e: dict[str, Any]) -> str | None:
        """The office that owns (writes) a shared row, from the entry or our copy."""
        owner = e["fields"].get("office_id")
        if isinstance(owner, str):
            return owner
        held = self.s.scalar(select(t.model.office_id).where(t.model.id == e["row_id"]))
        return str(held) if held is not None else None

    def _snapshot_known(self, e: dict[str, Any]) -> bool:
        found = self.s.scalar(select(Change.seq).where(
            Change.table_name == e["table"], Change.row_id == e["row_id"],
            Change.hlc == e["hlc"], Change.origin == e["origin"]).limit(1))
        return found is not None

    def _load_rows(self, entries: list[dict[str, Any]]) -> dict[tuple[str, str], _Row]:
        wanted: dict[str, set[str]] = {}
        for e in entries:
            wanted.setdefault(e["table"], set()).add(e["row_id"])
        rows: dict[tuple[str, str], _Row] = {}
        for table, ids in wanted.items():
            t = info(table)
            if t is None:
                continue
            model = t.model
            id_list = sorted(ids)
            for i in range(0, len(id_list), 500):
                part = id_list[i:i + 500]
                for rid, hlc, origin in self.s.execute(
                    select(model.id, model.hlc, model.origin).where(model.id.in_(part))
                ):
                    rows[(table, rid)] = _Row(True, (hlc, origin))
        return rows

    # -- one entry ----------------------------------------------------------
    def _merge(self, t: TableInfo, e: dict[str, Any], rows: dict[tuple[str, str], _Row]) -> None:
        key = (t.name, e["row_id"])
        stamp: Stamp = (e["hlc"], e["origin"])
        fields = t.decode(e["fields"])
        row = rows.get(key)
        if row is None:  # a row new to this site: collect it for one insert
            rows[key] = _Row(False, stamp, dict(fields), dict.fromkeys(fields, stamp))
            return
        if not row.exists:  # born earlier in this chunk: merge field by field
            for k, v in fields.items():
                if stamp > row.stamps.get(k, (0, "")):
                    row.values[k], row.stamps[k] = v, stamp
            row.stamp = max(row.stamp, stamp)
            return
        winners = self._winning_fields(t, e, fields, row, stamp)
        new_stamp = max(row.stamp, stamp)
        if winners or new_stamp != row.stamp:
            values = {**winners, "hlc": new_stamp[0], "origin": new_stamp[1]}
            self.s.execute(update(t.model).where(t.model.id == e["row_id"]).values(values))
            row.stamp = new_stamp

    def _winning_fields(self, t: TableInfo, e: dict[str, Any], fields: dict[str, Any],
                        row: _Row, stamp: Stamp) -> dict[str, Any]:
        if stamp > row.stamp and row.stamp[1] == e["origin"]:
            return fields  # a later change from the same site: nothing concurrent
        current = self._field_stamps(t.name, e["row_id"])
        winners = {}
        for k, v in fields.items():
            held = current.get(k)
            if held is None or stamp > (held[1], held[2]):
                if held is not None and self._concurrent(held) and held[0] != e["fields"][k]:
                    self._conflict(t, e, k, loser=(held[0], held[1], held[2]),
                                   winner=(e["fields"][k], *stamp))
                winners[k] = v
            elif held[0] != e["fields"][k] and (held[1], held[2]) != stamp:
                self._conflict(t, e, k, loser=(e["fields"][k], *stamp),
                               winner=(held[0], held[1], held[2]))
        return winners

    def _field_stamps(self, table: str, row_id: str) -> dict[str, tuple[Any, int, str, int]]:
        """{field: (value, hlc, origin, origin_seq)} winning per field in our log."""
        out: dict[str, tuple[Any, int, str, int]] = {}
        for c in self.s.scalars(select(Change).where(Change.table_name == table,
                                                     Change.row_id == row_id)):
            for k, v in json.loads(c.fields).items():
                held = out.get(k)
                if held is None or (c.hlc, c.origin) > (held[1], held[2]):
                    out[k] = (v, c.hlc, c.origin, c.origin_seq or 0)
        return out

    def _concurrent(self, held: tuple[Any, int, str, int]) -> bool:
        """The sender had not seen our value when it wrote its own."""
        return held[3] > self.sender_vector.get(held[2], 0) or held[3] == 0

    def _conflict(self, t: TableInfo, e: dict[str, Any], key: str,
                  loser: tuple[Any, int, str], winner: tuple[Any, int, str]) -> None:
        self.s.execute(insert(Conflict).values(
            table_name=t.name, row_id=e["row_id"], field=key,
            losing_value=json.dumps(loser[0], ensure_ascii=False), losing_hlc=loser[1],
            losing_origin=loser[2], winning_value=json.dumps(winner[0], ensure_ascii=False),
            winning_hlc=winner[1], winning_origin=winner[2], bundle_id=self.bundle_id,
            status="open",
        ))
        self.result.conflicts += 1

    # -- writes -------------------------------------------------------------
    def _write_inserts(self, rows: dict[tuple[str, str], _Row]) -> None:
        by_table: dict[str, list[dict[str, Any]]] = {}
        for (table, rid), row in rows.items():
            if row.exists:
                continue
            t = info(table)
            assert t is not None
            missing = t.required - row.values.keys()
            if missing:
                raise BundleRejected(
                    f"数据包中“{table}”的记录 {rid} 不完整（缺少 {', '.join(sorted(missing))}），"
                    "已拒收。请让对方重新导出完整数据包。")
            values = t.complete({**row.values, "id": rid, "hlc": row.stamp[0],
                                 "origin": row.stamp[1]})
            by_table.setdefault(table, []).append(values)
            row.exists = True
        for table in sorted(by_table, key=lambda n: self._order.get(n, 0)):
            t = info(table)
            assert t is not None
            self.s.execute(insert(t.model), by_table[table])

    def _purge(self, t: TableInfo, row_id: str) -> None:
        """The row left this office's scope (transferred away): drop our copy."""
        try:
            with self.s.begin_nested():
                self.s.execute(delete(t.model).where(t.model.id == row_id))
                self.s.execute(delete(Change).where(Change.table_name == t.name,
                                                    Change.row_id == row_id))
        except DBIntegrityError:
            return  # rows of ours still refer to it (e.g. a closed posting): keep it
        self.result.purged += 1
