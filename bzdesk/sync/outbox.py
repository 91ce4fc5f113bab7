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
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session

from bzdesk.models import Change
from bzdesk.sync import scope
from bzdesk.sync.bundle import FIELDS_JSON, entry_line
from bzdesk.sync.tables import TableInfo, registry

IN_CHUNK = 900  # SQLite variables per statement (999 at most)


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


@dataclass
class Outgoing:
    """The next bundle to a peer, decided by a first pass over the change log; its
    lines are read again by ``lines`` as they are written (never held whole)."""

    peer: PeerView
    max_seq: int = 0            # the newest local seq looked at
    count: int = 0              # entries carried (snapshots included)
    snapshots: list[dict[str, Any]] = field(default_factory=list)
    late: set[int] = field(default_factory=set)   # seqs chosen on the row's state here
    attachments: set[str] = field(default_factory=set)  # sha256 of the attachment rows sent


_SCAN = ("SELECT seq, origin, origin_seq, table_name, row_id, office_id, moved_from{more} "
         "FROM change_log WHERE seq > ? AND seq <= ? ORDER BY seq")
_MAX_SEQ = 2**62


class _Chooser:
    """Whether an entry goes to the peer by what it names (the row's state aside);
    a few offices and tables recur, so each answer is kept."""

    def __init__(self, peer: PeerView) -> None:
        self.peer = peer
        self.tables = registry()
        self.shared = {name for name, t in self.tables.items() if t.shared}
        self._seen: dict[tuple[str, str, str | None], str] = {}

    def __call__(self, origin: str, origin_seq: int, table: str, office: str,
                 moved_from: str | None) -> str:
        """"send", "later" (decided by the row's state here) or "skip"."""
        if 0 < origin_seq <= self.peer.known_vector.get(origin, 0):
            return "skip"
        key = (table, office, moved_from)
        found = self._seen.get(key)
        if found is None:
            found = self._seen[key] = self._decide(table, office, moved_from)
        return found

    def _decide(self, table: str, office: str, moved_from: str | None) -> str:
        if office == scope.NATIONAL:
            return "skip"
        peer = self.peer.office_code
        is_shared = table in self.shared
        if scope.in_scope(peer, office, is_shared) or (
                moved_from is not None and scope.in_scope(peer, moved_from, False)):
            return "send"
        if not is_shared and table in self.tables:
            return "later"
        return "skip"


def plan_entries(session: Session, peer: PeerView) -> Outgoing:
    """First pass: what the bundle carries, holding only the row ids that may need a
    snapshot and the seqs decided by the rows' state."""
    choose = _Chooser(peer)
    plan = Outgoing(peer, max_seq=peer.acked_local_seq)
    later: list[tuple[int, str, str, str | None]] = []
    sent_rows: dict[str, set[str]] = {}
    raw = _driver(session)
    for seq, origin, origin_seq, table, row_id, office, moved_from in raw.execute(
            _SCAN.format(more=""), (peer.acked_local_seq, _MAX_SEQ)):
        plan.max_seq = seq
        decided = choose(origin, origin_seq, table, office, moved_from)
        if decided == "send":
            plan.count += 1
            if table not in choose.shared and table in choose.tables:
                sent_rows.setdefault(table, set()).add(row_id)
        elif decided == "later":
            later.append((seq, table, row_id, moved_from))
    if later:
        for seq, table, row_id in _late_entries(session, peer.office_code, later,
                                                choose.tables):
            plan.late.add(seq)
            sent_rows.setdefault(table, set()).add(row_id)
        plan.count += len(plan.late)
    plan.snapshots = list(_snapshots(session, peer.office_code, sent_rows, choose.tables))
    plan.count += len(plan.snapshots)
    return plan


def lines(session: Session, plan: Outgoing) -> Iterator[bytes]:
    """Second pass: the bundle's changes.jsonl lines (canonical JSON, as
    bzdesk.sync.bundle.entry_line writes them), snapshots first. Attachment rows add
    their file's hash to ``plan.attachments``."""
    for e in plan.snapshots:
        _note_attachment(plan, e["table"], e["fields"])
        yield entry_line(e)
    choose = _Chooser(plan.peer)
    late = plan.late
    made = len(plan.snapshots)
    raw = _driver(session)
    quote = json.encoder.encode_basestring  # json.dumps of a str with ensure_ascii=False
    for seq, origin, origin_seq, table, row_id, office, moved_from, hlc, fields in raw.execute(
            _SCAN.format(more=", hlc, fields"), (plan.peer.acked_local_seq, plan.max_seq)):
        if seq in late or choose(origin, origin_seq, table, office, moved_from) == "send":
            if table == "attachment":
                _note_attachment(plan, table, json.loads(fields))
            made += 1
            # entry_line(entry_dict(row)) spelled out: the logged fields are canonical
            # JSON already, and "fields" sorts first.
            yield (f'{{"fields":{fields},"hlc":{hlc},"moved_from":'
                   f'{"null" if moved_from is None else quote(moved_from)},'
                   f'"office_id":{quote(office)},"origin":{quote(origin)},"origin_seq":'
                   f'{origin_seq if origin_seq > 0 else "null"},"row_id":{quote(row_id)},'
                   f'"table":{quote(table)}}}\n').encode()
    if made != plan.count:  # the export runs in one write transaction: cannot happen
        raise RuntimeError(f"bundle lines {made} != planned {plan.count}")


def _late_entries(session: Session, peer: str, later: list[tuple[int, str, str, str | None]],
                  tables: dict[str, TableInfo]) -> Iterator[tuple[int, str, str]]:
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
    for seq, table, row_id, moved in later:
        if (table, row_id) in now_in or (moved is not None and (table, row_id) in once_in):
            yield seq, table, row_id


def _snapshots(session: Session, peer: str, sent_rows: dict[str, set[str]],
               tables: dict[str, TableInfo]) -> Iterator[dict[str, Any]]:
    """Snapshots of the rows, now in the peer's scope, whose history here lies partly
    outside it (the peer may lack those entries)."""
    foreign = _foreign_rows(session, peer, sent_rows)
    for table in sorted(foreign):
        t = tables[table]
        column = getattr(t.model, t.scope_column)
        for row_id in sorted(foreign[table]):
            owner = session.scalar(select(column).where(t.model.id == row_id))
            if owner is not None and scope.within(str(owner), peer):
                yield from snapshot(session, table, row_id, str(owner))


def _foreign_rows(session: Session, peer: str,
                  sent_rows: dict[str, set[str]]) -> dict[str, set[str]]:
    """Of ``sent_rows``, those with an entry here naming an office outside the peer's
    scope. Looked up from whichever side is smaller: the entries outside the scope
    (through the office_id index) or the rows sent."""
    lo, hi = scope.prefix(peer), scope.prefix(peer) + ":"
    raw = _driver(session)
    outside = "(office_id < ? OR office_id >= ?)"
    sent = sum(len(ids) for ids in sent_rows.values())
    found: dict[str, set[str]] = {}
    few = raw.execute(f"SELECT count(*) FROM (SELECT 1 FROM change_log WHERE {outside} "
                      "LIMIT ?)", (lo, hi, sent + 1)).fetchone()[0]
    if few <= sent:
        for table, row_id in raw.execute(
                f"SELECT DISTINCT table_name, row_id FROM change_log WHERE {outside}", (lo, hi)):
            if row_id in sent_rows.get(table, ()):
                found.setdefault(table, set()).add(row_id)
        return found
    for table, ids in sent_rows.items():
        for part in _chunks(ids):
            marks = ",".join("?" * len(part))
            found.setdefault(table, set()).update(rid for (rid,) in raw.execute(
                f"SELECT DISTINCT row_id FROM change_log WHERE row_id IN ({marks}) "
                f"AND table_name = ? AND {outside}", [*part, table, lo, hi]))
    return found


def _note_attachment(plan: Outgoing, table: str, fields: Any) -> None:
    if table == "attachment" and isinstance(fields, dict) and isinstance(
            fields.get("sha256"), str):
        plan.attachments.add(fields["sha256"])


def _driver(session: Session) -> Any:
    """The sqlite3 connection of the session's transaction: 400k rows read as plain
    tuples (no result objects)."""
    return session.connection().connection.driver_connection
