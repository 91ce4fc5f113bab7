"""What the merge knows of a target row while it applies one chunk of a bundle, and
the checks on one entry (see bzdesk.sync.merge)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from bzdesk.errors import BundleRejected
from bzdesk.sync import scope
from bzdesk.sync.tables import TableInfo, registry

Stamp = tuple[int, str]
NO_STAMP: Stamp = (0, "")
NO_WRITER = "-"  # the writer of a row set for an office with none above it: nobody


@dataclass(slots=True)
class Field:
    value: Any   # as logged (JSON form)
    stamp: Stamp
    seq: int     # origin_seq; 0 when unknown (a snapshot)


@dataclass(slots=True)
class Row:
    """What we know of a target row while merging a chunk."""

    exists: bool
    stamp: Stamp
    owner: str | None = None    # the scope column as stored (held rows)
    writer: str | None = None   # office_id as stored (held rows)
    hint: str | None = None     # the office an entry named for a row we do not hold
    fields: dict[str, Field] = field(default_factory=dict)  # winning stamp per field
    values: dict[str, Any] = field(default_factory=dict)    # pending insert values
    # A new row seen in one entry so far (the usual case of a full bundle): its
    # fields, stamp and origin_seq, spread into ``fields`` only if another comes.
    base: tuple[dict[str, Any], Stamp, int] | None = None

    def spread(self, t: TableInfo) -> None:
        """From one entry's fields to per-field stamps and decoded values."""
        if self.base is not None:
            raw, stamp, seq = self.base
            self.fields = {k: Field(v, stamp, seq) for k, v in raw.items()}
            self.values = decode(t, raw, "")
            self.base = None

    def raw_value(self, key: str) -> Any:
        """The winning logged value of ``key`` so far (None when unknown)."""
        if self.base is not None:
            return self.base[0].get(key)
        won = self.fields.get(key)
        return None if won is None else won.value


def chunks(items: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def check_entry(e: Any) -> None:
    """An entry has the envelope's keys with values of the right types (a bundle
    that breaks this is refused)."""
    try:
        seq = e["origin_seq"]
        ok = (
            type(e) is dict and isinstance(e["table"], str) and isinstance(e["row_id"], str)
            and isinstance(e["origin"], str) and isinstance(e["hlc"], int)
            and isinstance(e["fields"], dict) and isinstance(e["office_id"], str)
            and (seq is None or isinstance(seq, int))
        )
    except (KeyError, TypeError, IndexError):
        ok = False
    if not ok:
        raise BundleRejected("数据包中有格式不对的变更记录，已拒收。")


def writers(t: TableInfo, row: Row, e: dict[str, Any]) -> set[str]:
    """Offices that write a shared row: its owner as held, as logged, as the entry says.
    A row set for another office (编制总额: ``for_office``) is written by the office
    directly above that one, so that office is a writer too: a row set for oneself, or
    for an office not directly below, has two writers (or none) and no entry passes."""
    found = _offices(row, e, "office_id", row.writer)
    if t.scope_column != "office_id":
        for target in _offices(row, e, t.scope_column, row.owner) | {str(e["office_id"])}:
            found.add(scope.parent(target) or NO_WRITER)
    return found


def _offices(row: Row, e: dict[str, Any], column: str, held: str | None) -> set[str]:
    """The offices ``column`` names: as held, as logged, as the entry says."""
    found = set()
    if held is not None:
        found.add(held)
    won = row.raw_value(column)
    if won is not None:
        found.add(str(won))
    claimed = e["fields"].get(column)
    if claimed is not None:
        found.add(str(claimed))
    return found


def decode(t: TableInfo, raw: dict[str, Any], row_id: str) -> dict[str, Any]:
    try:
        return t.decode(raw)
    except (TypeError, ValueError) as exc:
        raise BundleRejected(
            f"数据包中“{t.name}”的记录 {row_id} 有格式不对的值，已拒收。") from exc


def insert_values(rows: dict[tuple[str, str], Row], outside: set[tuple[str, str]],
                  held: dict[str, set[str]] | None) -> dict[str, list[list[Any]]]:
    """{table: the values of its rows to insert}: the rows new to this site that it
    may hold (not in ``outside``), marked as existing; their ids are added to
    ``held``'s set for their table, if any (the ids a table can hold). A row without
    a required column or with a malformed value refuses the bundle."""
    by_table: dict[str, list[list[Any]]] = {}
    tables = registry()
    # per table: its info, its rows to insert, the ids it can hold (see Merger._held_ids)
    current: dict[str, tuple[TableInfo, list[list[Any]], set[str] | None, tuple[int, ...]]] = {}
    for key, row in rows.items():
        if row.exists or key in outside:
            continue
        table, rid = key
        found = current.get(table)
        if found is None:
            ours = None if held is None else held.get(table)
            t = tables[table]
            places = (t.index["id"], t.index["hlc"], t.index["origin"])
            found = current[table] = (t, by_table.setdefault(table, []), ours, places)
        t, out, ours, (at_id, at_hlc, at_origin) = found
        base = row.base
        fields = base[0] if base is not None else row.values
        if not t.required <= fields.keys():
            missing = t.required - fields.keys()
            raise BundleRejected(
                f"数据包中“{table}”的记录 {rid} 不完整（缺少 {', '.join(sorted(missing))}），"
                "已拒收。请让对方重新导出完整数据包。")
        try:
            values = t.insert_row(fields, logged=base is not None)
        except (TypeError, ValueError) as exc:
            raise BundleRejected(
                f"数据包中“{table}”的记录 {rid} 有格式不对的值，已拒收。") from exc
        values[at_id] = rid
        values[at_hlc], values[at_origin] = row.stamp
        out.append(values)
        row.exists = True
        if ours is not None:
            ours.add(rid)
    return by_table
