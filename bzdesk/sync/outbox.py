"""Choosing what a bundle to a peer carries.

A bundle to peer P carries the change-log entries this site holds, within
P's scope, that P has not acknowledged: entries after the newest bundle P
says it took from us, less those P already holds by its version vector.
Entries that moved a row out of P's scope go too (P then drops the row).
A row whose history lies partly outside P's scope (it entered P's scope
later) travels as a snapshot: its current fields, each with its stamp.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bzdesk.models import Change
from bzdesk.sync import scope
from bzdesk.sync.tables import registry


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
        .where(Change.origin_seq.is_not(None)).group_by(Change.origin)
    )
    return {origin: int(seq) for origin, seq in rows}


def entry_dict(c: Change) -> dict[str, Any]:
    return {
        "origin": c.origin, "origin_seq": c.origin_seq, "table": c.table_name,
        "row_id": c.row_id, "office_id": c.office_id, "hlc": c.hlc,
        "fields": json.loads(c.fields), "moved_from": c.moved_from,
    }


def _wanted(c: Change, peer: PeerView, shared: set[str]) -> bool:
    if c.office_id == scope.NATIONAL:
        return False
    if c.origin_seq is not None and c.origin_seq <= peer.known_vector.get(c.origin, 0):
        return False
    if scope.in_scope(peer.office_code, c.office_id, c.table_name in shared):
        return True
    return c.moved_from is not None and scope.in_scope(peer.office_code, c.moved_from, False)


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
    shared = {name for name, t in registry().items() if t.shared}
    entries: list[dict[str, Any]] = []
    rows_sent: dict[tuple[str, str], str] = {}
    max_seq = peer.acked_local_seq
    stmt = select(Change).where(Change.seq > peer.acked_local_seq).order_by(Change.seq)
    for c in session.scalars(stmt.execution_options(yield_per=5000)):
        max_seq = c.seq
        if _wanted(c, peer, shared):
            entries.append(entry_dict(c))
            rows_sent[(c.table_name, c.row_id)] = c.office_id
    entries[:0] = list(_snapshots(session, peer, rows_sent, shared))
    return entries, max_seq


def _snapshots(session: Session, peer: PeerView, rows: dict[tuple[str, str], str],
               shared: set[str]) -> Iterator[dict[str, Any]]:
    """Snapshots of the rows whose history lies partly outside the peer's scope."""
    if not rows:
        return
    foreign: set[tuple[str, str]] = set()
    stmt = (select(Change.table_name, Change.row_id, Change.office_id).distinct()
            .where(Change.office_id.not_like(scope.prefix(peer.office_code) + "%")))
    for table, row_id, office in session.execute(stmt):
        if (table, row_id) in rows and not scope.in_scope(peer.office_code, office,
                                                          table in shared):
            foreign.add((table, row_id))
    for table, row_id in sorted(foreign):
        owner = rows[(table, row_id)]
        if scope.in_scope(peer.office_code, owner, table in shared):
            yield from snapshot(session, table, row_id, owner)
