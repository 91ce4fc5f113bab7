"""The hash-chained audit log: a clean chain verifies, and any edit, deletion or
reordering is reported at the first entry it breaks."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

from bzdesk import audit
from bzdesk.db import Database
from bzdesk.models import AuditEntry, Office
from bzdesk.roles import Actor
from bzdesk.uow import write_op


def _verify(db: Database) -> audit.VerifyResult:
    with db.read() as s:
        return audit.verify(s)


def _entries(db: Database) -> list[tuple[int, str]]:
    with db.read() as s:
        return [(e.seq, e.id) for e in s.scalars(select(AuditEntry).order_by(AuditEntry.seq))]


@contextmanager
def _raw(path: Path) -> Iterator[sqlite3.Connection]:
    """A plain sqlite3 connection, as someone editing the file by hand would use."""
    con = sqlite3.connect(path)
    try:
        with con:
            yield con
    finally:
        con.close()


def _some_history(db: Database, admin: Actor, n: int = 4) -> None:
    for i in range(n):
        with db.write() as s, write_op(s, admin, "修改单位名称"):
            office = s.get(Office, "360121")
            assert office is not None
            office.name = f"名称{i}"


def test_normal_database_verifies(db: Database, admin: Actor) -> None:
    _some_history(db, admin)
    result = _verify(db)
    entries = _entries(db)
    assert result.ok and result.first_bad is None
    assert result.entries == len(entries) >= 8
    assert [seq for seq, _ in entries] == list(range(1, len(entries) + 1))


def test_empty_log_verifies() -> None:
    engine = create_engine("sqlite://")
    try:
        AuditEntry.__table__.create(engine)
        with Session(engine) as s:
            assert audit.verify(s) == audit.VerifyResult(True, 0, None)
    finally:
        engine.dispose()


def test_edited_detail_is_named(db: Database, admin: Actor) -> None:
    _some_history(db, admin)
    seq, entry_id = _entries(db)[4]
    with _raw(db.paths.database) as con:
        con.execute("UPDATE audit_entry SET detail = '{\"changes\":0}' WHERE seq = ?", (seq,))
    result = _verify(db)
    assert not result.ok
    assert result.first_bad is not None
    assert (result.first_bad.seq, result.first_bad.id) == (seq, entry_id)
    assert "改动" in result.first_bad.reason


def test_edit_with_recomputed_hash_breaks_the_next_link(db: Database, admin: Actor) -> None:
    """Someone who also fixes up the edited entry's own hash is caught one entry later."""
    _some_history(db, admin)
    entries = _entries(db)
    seq, _ = entries[3]
    with db.read() as s:
        e = s.scalars(select(AuditEntry).where(AuditEntry.seq == seq)).one()
        e.actor = "intruder"
        forged = audit._entry_hash(e)
        s.expunge_all()  # the read session never writes
    with _raw(db.paths.database) as con:
        con.execute("UPDATE audit_entry SET actor = 'intruder', hash = ? WHERE seq = ?",
                    (forged, seq))
    result = _verify(db)
    assert result.first_bad is not None
    assert (result.first_bad.seq, result.first_bad.id) == entries[4]
    assert "上一条" in result.first_bad.reason


def test_deleted_middle_entry_is_reported(db: Database, admin: Actor) -> None:
    _some_history(db, admin)
    entries = _entries(db)
    with _raw(db.paths.database) as con:
        con.execute("DELETE FROM audit_entry WHERE seq = ?", (entries[3][0],))
    result = _verify(db)
    assert not result.ok and result.first_bad is not None
    assert (result.first_bad.seq, result.first_bad.id) == entries[4]
    assert "删除" in result.first_bad.reason
    assert result.entries == 4  # stopped at the first bad entry


def test_reordered_entries_are_reported(db: Database, admin: Actor) -> None:
    _some_history(db, admin)
    entries = _entries(db)
    (a, _), (b, b_id) = entries[2], entries[3]
    with _raw(db.paths.database) as con:  # swap the two entries' places in the chain
        con.execute("UPDATE audit_entry SET seq = -1 WHERE seq = ?", (a,))
        con.execute("UPDATE audit_entry SET seq = ? WHERE seq = ?", (a, b))
        con.execute("UPDATE audit_entry SET seq = ? WHERE seq = -1", (b,))
    result = _verify(db)
    assert not result.ok and result.first_bad is not None
    assert (result.first_bad.seq, result.first_bad.id) == (a, b_id)


# -- property: any single-entry modification is found exactly there ---------------

FIELDS = ["id", "at", "actor", "op", "target", "detail", "before_digest", "after_digest",
          "prev_hash", "hash"]


@contextmanager
def _chain(n: int) -> Iterator[tuple[Session, list[tuple[int, str]]]]:
    engine = create_engine("sqlite://")
    try:
        AuditEntry.__table__.create(engine)
        with Session(engine) as s:
            for i in range(n):
                audit.append(s, actor=f"user{i % 3}", op="操作", target=f"row:{i}",
                             detail={"i": i, "名": "值"})
            s.commit()
            ids = [(e.seq, e.id) for e in s.scalars(select(AuditEntry).order_by(AuditEntry.seq))]
            s.expunge_all()
            yield s, ids
    finally:
        engine.dispose()


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    n=st.integers(min_value=1, max_value=12),
    data=st.data(),
)
def test_any_single_modification_is_found_at_its_seq(n: int, data: st.DataObject) -> None:
    with _chain(n) as (s, ids):
        assert audit.verify(s).ok
        k = data.draw(st.integers(min_value=1, max_value=n), label="seq")
        field = data.draw(st.sampled_from(FIELDS), label="field")
        old = s.connection().exec_driver_sql(
            f"SELECT {field} FROM audit_entry WHERE seq = ?", (k,)).scalar()
        new = data.draw(st.text(min_size=0, max_size=70), label="new value")
        assume(new != old)
        s.connection().exec_driver_sql(
            f"UPDATE audit_entry SET {field} = ? WHERE seq = ?", (new, k))
        result = audit.verify(s)
        expected_id = new if field == "id" else ids[k - 1][1]
        assert not result.ok
        assert result.first_bad is not None
        assert (result.first_bad.seq, result.first_bad.id) == (k, expected_id)
        assert result.entries == k
        s.rollback()
