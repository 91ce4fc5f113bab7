"""Choosing what a bundle to a peer carries.

A bundle to peer P carries the change-log entries this site holds that P has
not acknowledged (entries after the newest bundle P says it took from us,
less those P already holds by its version vector) and that concern P:

- the entry was written for a row in P's scope (its ``office_id``), or it
  moved a row out of P's scope (``moved_from``: P then drops the row);
- the row is in P's scope *now* here, whatever office the entry named when
  it was written (an edit made at the old county before a transfer reached
  it still belongs to the row's new holders);
- the entry moved a row that was once in P's scope to somewhere else (P may
  hold it and must hear that it left).

A row whose history lies partly outside P's scope (it entered P's scope
later) travels as a snapshot too: its current fields, each with its stamp.

Snapshot entries have no origin sequence. This site logs the snapshots it
takes with a negative ``origin_seq`` (the column is NOT NULL and unique per
origin; see bzdesk.sync.merge); they are sent on as snapshots again and never
count in a version vector.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session

from bzdesk.models import Change
from bzdesk.sync import scope
from bzdesk.sync.bundle import FIELDS_JSON
from bzdesk.sync.tables import TableInfo, registry

IN_CHUNK = 500


@dataclass(frozen=True)
class PeerView:
    site_id: str
    office_code: str
    known_vector: dict[str, int]
    acked_local_seq: int


def version_vector(session: Session) -> dict[str, int]:
    """{origin site: highest origin_seq held}: what this site knows."""
    rows = session.execute(
        select(Change.origin, func.max(Change.origin_seq))
        .where(Change.origin_seq > 0).group_by(Change.origin)
    )
    return {origin: int(seq) for origin, seq in rows}


# The change-log columns an entry is made of (read as plain rows: no ORM objects).
ENTRY_COLUMNS = (Change.seq, Change.origin, Change.origin_seq, Change.table_name, Change.row_id,
                 Change.office_id, Change.hlc, Change.fields, Change.moved_from)


def entry_dict(c: Any) -> dict[str, Any]:
    """An entry from a change-log row (ORM object or ENTRY_COLUMNS row). Its fields stay
    as the logged JSON text (``FIELDS_JSON``): the bundle writer copies it as is, and
    ``entry_fields`` parses it when a caller needs the values."""
    return {
        "origin": c.origin, "origin_seq": c.origin_seq if c.origin_seq > 0 else None,
        "table": c.table_name, "row_id": c.row_id, "office_id": c.office_id, "hlc": c.hlc,
        FIELDS_JSON: c.fields, "moved_from": c.moved_from,
    }


def entry_fields(e: dict[str, Any]) -> Any:
    """The fields of an entry, parsed if they are still text."""
    if "fields" not in e and isinstance(e.get(FIELDS_JSON), str):
        return json.loads(e[FIELDS_JSON])
    return e.get("fields")


def _range(column: Any, office: str) -> ColumnElement[bool]:
    """``column`` names ``office`` or an office below it (codes are digits: ':' follows '9')."""
    lo = scope.prefix(office)
    return and_(column >= lo, column < lo + ":")


def _chunks(items: Iterable[str]) -> Iterator[list[str]]:
    ordered = sorted(set(items))
    for i in range(0, len(ordered), IN_CHUNK):
        yield ordered[i:i + IN_CHUNK]


def field_winners(session: Session, table: str, row_id: str) -> dict[str, tuple[Any, int, str]]:
    """{field: (value, hlc, origin)} of the latest stamp per field (LWW)."""
    winners: dict[str, tuple[Any, int, str]] = {}
    rows = session.scalars(
        select(Change).where(Change.table_name == table, Change.row_id == row_id)
    )
    for c in rows:
        for key, value in json.loads(c.fields).items():
            held = winners.get(key)
            if held is None or (c.hlc, c.origin) > (held[1], held[2]):
                winners[key] = (value, c.hlc, c.origin)
    return winners


def snapshot(session: Session, table: str, row_id: str, owner: str) -> list[dict[str, Any]]:
    """The row's current state as entries grouped by stamp (no origin_seq)."""
    groups: dict[tuple[int, str], dict[str, Any]] = {}
    for key, (value, hlc, origin) in field_winners(session, table, row_id).items():
        groups.setdefault((hlc, origin), {})[key] = value
    return [
        {"origin": origin, "origin_seq": None, "table": table, "row_id": row_id,
         "office_id": owner, "hlc": hlc, "fields": fields, "moved_from": None}
        for (hlc, origin), fields in sorted(groups.items())
    ]


def select_entries(session: Session, peer: PeerView) -> tuple[list[dict[str, Any]], int]:
    """Entries for the next bundle to ``peer`` and the newest local seq looked at."""
    tables = registry()
    shared = {name for name, t in tables.items() if t.shared}
    chosen: list[tuple[int, dict[str, Any]]] = []
    later: list[tuple[int, str, str, str | None]] = []  # decided by the row's state here
    max_seq = peer.acked_local_seq
    stmt = (select(*ENTRY_COLUMNS).where(Change.seq > peer.acked_local_seq)
            .order_by(Change.seq))
    for c in session.execute(stmt.execution_options(yield_per=5000)):
        max_seq = c.seq
        if c.office_id == scope.NATIONAL:
            continue
        if 0 < c.origin_seq <= peer.known_vector.get(c.origin, 0):
            continue
        is_shared = c.table_name in shared
        if scope.in_scope(peer.office_code, c.office_id, is_shared) or (
                c.moved_from is not None and scope.in_scope(peer.office_code, c.moved_from,
                                                             False)):
            chosen.append((c.seq, entry_dict(c)))
        elif not is_shared and c.table_name in tables:
            later.append((c.seq, c.table_name, c.row_id, c.moved_from))
    if later:
        chosen.extend(_late_entries(session, peer.office_code, later, tables))
        chosen.sort(key=lambda pair: pair[0])
    entries = [e for _, e in chosen]
    entries[:0] = list(_snapshots(session, peer.office_code, entries, tables))
    return entries, max_seq


def _late_entries(session: Session, peer: str, later: list[tuple[int, str, str, str | None]],
                  tables: dict[str, TableInfo]) -> Iterator[tuple[int, dict[str, Any]]]:
    """Of the entries written for rows outside the peer's scope, those it still needs:
    the row is the peer's now, or the entry moved a row the peer once held."""
    by_table: dict[str, set[str]] = {}
    for _, table, row_id, _ in later:
        by_table.setdefault(table, set()).add(row_id)
    now_in: set[tuple[str, str]] = set()
    for table, ids in by_table.items():
        t = tables[table]
        column = getattr(t.model, t.scope_column)
        for part in _chunks(ids):
            now_in.update((table, rid) for rid in session.scalars(
                select(t.model.id).where(t.model.id.in_(part), _range(column, peer))))
    moves = {row_id for _, table, row_id, moved in later
             if moved is not None and (table, row_id) not in now_in}
    once_in: set[tuple[str, str]] = set()
    for part in _chunks(moves):
        once_in.update(session.execute(
            select(Change.table_name, Change.row_id).distinct().where(
                Change.row_id.in_(part),
                or_(_range(Change.office_id, peer), _range(Change.moved_from, peer)))).tuples())
    wanted = [seq for seq, table, row_id, moved in later
              if (table, row_id) in now_in or (moved is not None and (table, row_id) in once_in)]
    for i in range(0, len(wanted), IN_CHUNK):
        for c in session.execute(select(*ENTRY_COLUMNS).where(
                Change.seq.in_(wanted[i:i + IN_CHUNK]))):
            yield c.seq, entry_dict(c)


def _snapshots(session: Session, peer: str, entries: list[dict[str, Any]],
               tables: dict[str, TableInfo]) -> Iterator[dict[str, Any]]:
    """Snapshots of the rows, now in the peer's scope, whose history here lies partly
    outside it (the peer may lack those entries)."""
    by_table: dict[str, set[str]] = {}
    for e in entries:
        t = tables.get(e["table"])
        if t is not None and not t.shared:
            by_table.setdefault(t.name, set()).add(e["row_id"])
    for table in sorted(by_table):
        t = tables[table]
        foreign: set[str] = set()
        for part in _chunks(by_table[table]):
            foreign.update(session.scalars(select(Change.row_id).distinct().where(
                Change.table_name == table, Change.row_id.in_(part),
                ~_range(Change.office_id, peer))))
        column = getattr(t.model, t.scope_column)
        for row_id in sorted(foreign):
            owner = session.scalar(select(column).where(t.model.id == row_id))
            if owner is not None and scope.within(str(owner), peer):
                yield from snapshot(session, table, row_id, str(owner))
