"""The unit of work: every sync-row write is stamped, logged and audited,
and a write that bypasses it is caught."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, insert, select, update

from bzdesk import audit
from bzdesk.changes import Area
from bzdesk.db import Database
from bzdesk.models import AuditEntry, Change, Office
from bzdesk.roles import Actor
from bzdesk.uow import WriteOutsideOperation, write_op


def _count(db: Database, model: type) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def test_write_records_change_and_audit_in_same_transaction(db: Database, admin: Actor) -> None:
    changes0, audits0 = _count(db, Change), _count(db, AuditEntry)
    with db.write() as s, write_op(s, admin, "修改单位名称") as op:
        office = s.get(Office, "360121")
        assert office is not None
        office.name = "新名称"
    assert op.changed == {Area.OFFICE}
    assert _count(db, Change) == changes0 + 1
    assert _count(db, AuditEntry) == audits0 + 1
    with db.read() as s:
        change = s.scalars(select(Change).order_by(Change.seq.desc())).first()
        assert change is not None
        assert json.loads(change.fields) == {"name": "新名称"}
        office = s.get(Office, "360121")
        assert office is not None and office.hlc == change.hlc
        entry = s.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()
        assert entry is not None and entry.op == "修改单位名称" and entry.actor == "admin"
        assert audit.verify(s).ok


def test_failed_operation_writes_nothing(db: Database, admin: Actor) -> None:
    before = _count(db, Change), _count(db, AuditEntry)
    with pytest.raises(RuntimeError), db.write() as s, write_op(s, admin, "测试"):
        office = s.get(Office, "360121")
        assert office is not None
        office.name = "不会保存"
        s.flush()
        raise RuntimeError("boom")
    assert (_count(db, Change), _count(db, AuditEntry)) == before
    with db.read() as s:
        office = s.get(Office, "360121")
        assert office is not None and office.name != "不会保存"


def test_orm_write_without_operation_is_caught(db: Database) -> None:
    with pytest.raises(WriteOutsideOperation), db.write() as s:
        office = s.get(Office, "360121")
        assert office is not None
        office.name = "绕过"
        s.flush()


def test_statement_write_is_caught_even_inside_an_operation(db: Database, admin: Actor) -> None:
    with pytest.raises(WriteOutsideOperation), db.write() as s:
        s.execute(update(Office).values(name="绕过"))
    with pytest.raises(WriteOutsideOperation), db.write() as s, write_op(s, admin, "x"):
        s.execute(update(Office).values(name="绕过"))


def test_change_log_cannot_be_written_directly(db: Database) -> None:
    with pytest.raises(WriteOutsideOperation), db.write() as s:
        s.execute(insert(Change).values(origin="x", origin_seq=1, table_name="office",
                                        row_id="r", office_id="1", hlc=1, fields="{}"))


def test_hard_delete_is_refused_tombstone_is_logged(db: Database, admin: Actor) -> None:
    with pytest.raises(WriteOutsideOperation), db.write() as s, write_op(s, admin, "删除"):
        office = s.get(Office, "360121")
        s.delete(office)
    with db.write() as s, write_op(s, admin, "删除") as op:
        office = s.get(Office, "360121")
        assert office is not None
        op.delete(office)
    with db.read() as s:
        change = s.scalars(select(Change).order_by(Change.seq.desc())).first()
        assert change is not None and json.loads(change.fields) == {"deleted": True}


def test_unchanged_assignment_writes_no_change(db: Database, admin: Actor) -> None:
    before = _count(db, Change), _count(db, AuditEntry)
    with db.write() as s, write_op(s, admin, "无变化"):
        office = s.get(Office, "360121")
        assert office is not None
        office.name = office.name
    assert (_count(db, Change), _count(db, AuditEntry)) == before


def test_stamps_increase_and_sequences_continue(db: Database, admin: Actor) -> None:
    stamps = []
    for i in range(5):
        with db.write() as s, write_op(s, admin, "改名"):
            office = s.get(Office, "360121")
            assert office is not None
            office.name = f"名称{i}"
    with db.read() as s:
        rows = s.scalars(select(Change).order_by(Change.seq)).all()
        stamps = [c.hlc for c in rows]
        seqs = [c.origin_seq for c in rows]
    assert stamps == sorted(stamps) and len(set(stamps)) == len(stamps)
    assert seqs == list(range(1, len(seqs) + 1))
