"""A write operation for bulk loads (the Excel importers): ``bulk_write_op``.

It is ``bzdesk.uow.write_op`` with a faster path for many new rows. ``WriteOp.bulk_insert``
goes through the ORM's bulk insert and ``WriteOp.finish`` writes the change log through
it too (at 50,000 people that was most of an import's time). Here new rows and every
change record go in with one driver-level ``executemany`` per batch (values converted by
the columns' own SQLAlchemy bind processors, as Core would), each row's fields are
encoded to canonical JSON once, for its change record and for the audit digest alike,
and the digests are hashed in slices rather than from one list of every change.

What is written is what ``write_op`` writes: the rows stamped (HLC, origin), one change
record per row in origin-sequence order with the same canonical JSON, one hash-chained
audit entry with the same detail and digests. ORM changes made inside the block
(updates) are captured by uow's flush hook as usual.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from itertools import repeat
from operator import itemgetter
from typing import Any, Final

from sqlalchemy import Boolean, Date, DateTime
from sqlalchemy.orm import Session

from bzdesk import audit
from bzdesk.models import LocalSite, SyncRow
from bzdesk.models.base import new_id
from bzdesk.roles import Actor
from bzdesk.uow import WriteOp, WriteOutsideOperation, running, scope_column


def _json_default(value: Any) -> Any:
    """What ``models.base.to_json_value`` makes of a date or datetime."""
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"{value!r} is not JSON serialisable")


# audit.canonical_json's encoding, made once (json.dumps builds an encoder per call).
_CANONICAL: Final = json.JSONEncoder(ensure_ascii=False, sort_keys=True,
                                     separators=(",", ":"), default=_json_default)
# The same for a dict whose keys are already in sorted order (no sort per row).
_SORTED: Final = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"),
                                  default=_json_default)
_AUDIT_ROWS: Final = 20  # as in uow: small operations list their rows in the audit detail
_SLICE: Final = 4096
_CHANGE_INSERT: Final = ("INSERT INTO change_log (origin, origin_seq, table_name, row_id, "
                         "office_id, hlc, fields, moved_from) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
_STAMPED: Final = frozenset({"id", "office_id", "hlc", "origin"})  # set for every row
# Characters JSON writes as they are: a row id of only these needs no encoder.
_PLAIN: Final = frozenset("0123456789abcdefABCDEF-_:")


_encode_str: Final = json.encoder.encode_basestring  # what json's encoders use for a str
_NULL_OR_BOOL: Final = {None: "null", False: "false", True: "true"}


def _json_texts(values: Sequence[Any]) -> Sequence[str]:
    """The canonical JSON of each value of one column (as ``_SORTED`` writes a value
    within a dict): for a column of only strings, or of only flags and NULLs (nearly
    every column), one C-level map with no Python code per value."""
    kinds = set(map(type, values))
    if kinds <= {str}:
        return list(map(_encode_str, values))
    if kinds <= {bool, type(None)}:  # (no int here, so True and 1 cannot be confused)
        return list(map(_NULL_OR_BOOL.__getitem__, values))
    return [_encode_str(v) if v.__class__ is str else "null" if v is None else _SORTED.encode(v)
            for v in values]


def _json_template(keys: tuple[str, ...]) -> str:
    """'{"a":%s,"b":%s}' for the sorted ``keys``: a row's canonical JSON is this template
    filled with its values' JSON (the keys are the same in every row)."""
    return "{" + ",".join(_encode_str(k).replace("%", "%%") + ":%s" for k in keys) + "}"


def _dates(values: Sequence[Any], iso: bool, process: Any) -> Sequence[Any]:
    """A DATE column's values as stored (``iso``: the processor writes date.isoformat)."""
    kinds = set(map(type, values))
    if kinds <= {type(None)}:
        return values  # NULL stays NULL (as every bind processor leaves it)
    if iso and kinds == {date}:
        return list(map(date.isoformat, values))
    return list(map(process, values))


@dataclass(frozen=True)
class _Layout:
    """How rows of one model go in: the INSERT, each column's key and default, the bind
    processors (as SQLAlchemy Core would apply them), and the change record's keys
    (sorted) with where to take them from."""

    sql: str
    pairs: tuple[tuple[str, Any], ...]
    whole: Any  # itemgetter of every column's key, in column order
    # DATE columns: processed before the change record is made (their ISO text is what
    # the record holds, as models.base.to_json_value writes it); with whether the
    # processor writes date.isoformat.
    dates: tuple[tuple[int, bool, Any], ...]
    # Any other processed column: recorded from the raw value, then processed.
    others: tuple[tuple[int, Any], ...]
    carried: tuple[int, ...]  # the positions of the change record's keys, sorted by key
    template: str  # _json_template of those keys


_ISO_FORMAT: Final = "%(year)04d-%(month)02d-%(day)02d"


def _iso_date(column: Any, dialect: Any) -> bool:
    """Whether the DATE bind processor writes what ``date.isoformat`` does."""
    impl = column.type.dialect_impl(dialect)
    return getattr(impl, "_storage_format", None) == _ISO_FORMAT


@lru_cache(maxsize=64)
def _layout(model: type[SyncRow], dialect: Any) -> _Layout:
    columns = list(model.__table__.columns)
    pairs, dates, others = [], [], []
    for i, column in enumerate(columns):
        default = column.default
        pairs.append((column.key, default.arg if default is not None and default.is_scalar
                      else None))
        if isinstance(column.type, Boolean):
            continue  # sqlite3 stores a bool as the 0/1 SQLAlchemy would; JSON keeps it
        process = column.type.dialect_impl(dialect).bind_processor(dialect)
        if process is not None:
            if isinstance(column.type, Date) and not isinstance(column.type, DateTime):
                dates.append((i, _iso_date(column, dialect), process))
            else:
                others.append((i, process))
    carried = sorted((c.key, i) for i, c in enumerate(columns) if c.key not in model.ENVELOPE)
    names = ", ".join(dialect.identifier_preparer.quote(c.name) for c in columns)
    marks = ", ".join("?" * len(columns))
    table = model.__tablename__
    return _Layout(f"INSERT INTO {table} ({names}) VALUES ({marks})", tuple(pairs),
                   itemgetter(*(key for key, _ in pairs)), tuple(dates), tuple(others),
                   tuple(i for _, i in carried), _json_template(tuple(k for k, _ in carried)))


def _head(table: str, row_id: str) -> str:
    """'["table","row id"': the start of a digest item, without its closing bracket."""
    if _PLAIN.issuperset(row_id):
        return f'["{table}","{row_id}"'
    return _CANONICAL.encode([table, row_id])[:-1]


class _Digest:
    """``audit.digest`` of a list of [table, row id, fields] items, fed one at a time
    (the canonical JSON of a list is its items joined by commas within brackets)."""

    def __init__(self) -> None:
        self._hash = hashlib.sha256(b"[")
        self._parts: list[str] = []
        self._started = False

    def add(self, head: str, fields_json: str) -> None:
        self.extend((f"{head},{fields_json}]",))

    def extend(self, items: Iterable[str]) -> None:
        """Items already made: '["table","id",{fields}]'."""
        self._parts.extend(items)
        if len(self._parts) >= _SLICE:
            self._flush()

    def _flush(self) -> None:
        if self._parts:
            if self._started:
                self._hash.update(b",")
            self._hash.update(",".join(self._parts).encode())
            self._started = True
            self._parts.clear()

    def hexdigest(self) -> str:
        self._flush()
        self._hash.update(b"]")
        return self._hash.hexdigest()


@dataclass
class BulkOp(WriteOp):
    """A :class:`bzdesk.uow.WriteOp` whose ``bulk_insert`` and change log skip the ORM.

    Change records of bulk rows are written with their rows, batch by batch (origin
    sequence numbers taken in order); ORM changes get theirs in ``finish``.
    """

    _seq: int | None = None
    _count: int = 0
    _listed: list[dict[str, Any]] = field(default_factory=list)
    _before_digest: _Digest = field(default_factory=lambda: _Digest())
    _after_digest: _Digest = field(default_factory=lambda: _Digest())

    def _site_row(self) -> LocalSite:
        site_row = self.session.get(LocalSite, self.site.site_id)
        if site_row is None:
            raise WriteOutsideOperation("this site is not initialised")
        return site_row

    def _count_change(self, change: tuple[Any, ...], head: str, fields: str,
                before: str = "{}", names: list[str] | None = None) -> None:
        """Count a change into the audit digests (and the detail's first rows)."""
        self._count += 1
        self._before_digest.add(head, before)
        self._after_digest.add(head, fields)
        if len(self._listed) <= _AUDIT_ROWS:
            self._listed.append({"table": change[2], "id": change[3],
                                 "fields": names if names is not None
                                 else sorted(json.loads(fields))})

    def bulk_insert(self, model: type[SyncRow], rows: Sequence[dict[str, Any]]) -> int:
        """Insert many new rows with their change records. The dicts are completed in
        place (id, office_id, deleted, hlc, origin); a key a dict lacks takes the
        column's default."""
        if not rows:
            return 0
        connection = self.session.connection()
        if self._seq is None:
            self._seq = self._site_row().change_seq
        layout = _layout(model, connection.dialect)
        table, scope = model.__tablename__, scope_column(model)
        now, origin, office = self.site.clock.now, self.site.site_id, self.site.office_id
        before, after = self._before_digest, self._after_digest
        missing = [(k, d) for k, d in layout.pairs if k not in rows[0] and k not in _STAMPED]
        for row in rows:  # stamped row by row, in order
            if row.get("id") is None:
                row["id"] = new_id()
            if row.get("office_id") is None:
                row["office_id"] = office
            row["hlc"] = now()
            row["origin"] = origin
            for key, default in missing:
                row.setdefault(key, default)
        # The rest column by column (transposed in C), so that converting and encoding a
        # column is one C-level map when its values are all of one kind (nearly always).
        columns: list[Sequence[Any]] = list(zip(*map(layout.whole, rows), strict=True))
        for i, iso, process in layout.dates:
            columns[i] = _dates(columns[i], iso, process)
        texts = [_json_texts(columns[i]) for i in layout.carried]
        fields = list(map(layout.template.__mod__, zip(*texts, strict=True)))
        for i, process in layout.others:
            columns[i] = list(map(process, columns[i]))
        params = list(zip(*columns, strict=True))
        seq = self._seq
        changes = list(zip(repeat(origin), range(seq + 1, seq + 1 + len(rows)), repeat(table),
                           map(itemgetter("id"), rows), map(itemgetter(scope), rows),
                           map(itemgetter("hlc"), rows), fields, repeat(None), strict=False))
        seq += len(rows)
        heads = [_head(table, change[3]) for change in changes]
        before.extend(f"{head},{{}}]" for head in heads)
        after.extend(f"{head},{change[6]}]" for head, change in zip(heads, changes, strict=True))
        for change in changes[:_AUDIT_ROWS + 1 - len(self._listed)]:
            self._listed.append({"table": table, "id": change[3],
                                 "fields": sorted(json.loads(change[6]))})
        self._count += len(changes)
        self._seq = seq
        connection.exec_driver_sql(layout.sql, params)
        connection.exec_driver_sql(_CHANGE_INSERT, changes)
        self._mark(model)
        return len(rows)

    @property
    def change_count(self) -> int:
        return self._count + len(self._captured)

    def finish(self) -> None:
        self.session.flush()
        if not self._count and not self._captured:
            return
        site_row = self._site_row()
        origin = self.site.site_id
        seq = site_row.change_seq if self._seq is None else self._seq
        changes = []
        for c in self._captured.values():
            seq += 1
            fields = _CANONICAL.encode(c.fields)
            moved = c.moved_from if c.moved_from != c.office_id else None
            change = (origin, seq, c.table, c.row_id, c.office_id, c.hlc, fields, moved)
            changes.append(change)
            self._count_change(change, _head(c.table, c.row_id), fields,
                         _CANONICAL.encode(c.before), sorted(c.fields))
        if changes:
            self.session.connection().exec_driver_sql(_CHANGE_INSERT, changes)
        site_row.change_seq = seq
        site_row.hlc_last = max(site_row.hlc_last, self.site.clock.last)
        detail: dict[str, Any] = {"changes": self._count, **self.extra}
        if self._count <= _AUDIT_ROWS:
            detail["rows"] = self._listed
        only = self._listed[0] if self._count == 1 else None
        audit.append(self.session, actor=self.actor.username, op=self.name,
                     target=self.target or (f"{only['table']}:{only['id']}" if only
                                            else f"{self._count} 条记录"),
                     detail=detail, before_digest=self._before_digest.hexdigest(),
                     after_digest=self._after_digest.hexdigest())
        self.session.flush()


@contextmanager
def bulk_write_op(session: Session, actor: Actor, name: str,
                  target: str = "") -> Iterator[BulkOp]:
    """``bzdesk.uow.write_op`` with the bulk path (same rules: no nesting, a stamp never
    below one another process wrote, one audit entry when anything changed)."""
    with running(session, lambda site: BulkOp(session, actor, name, site, target)) as op:
        yield op
