"""bzdesk.services.staffing.bulk: the bulk write path writes what uow.write_op writes."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select
from staffing_helpers import id_card

from bzdesk import audit
from bzdesk.db import Database
from bzdesk.models import AuditEntry, Change, LocalSite
from bzdesk.models.staffing import Person
from bzdesk.roles import Actor
from bzdesk.services.staffing.bulk import _json_template, _json_texts, bulk_write_op
from bzdesk.uow import WriteOutsideOperation, write_op


def person(n: int) -> dict[str, Any]:
    return {"name": f"张{'一二三四五六七八九'[n]}", "id_number": id_card(date(1980, 1, 1 + n),
                                                                     True, n),
            "sex": "男", "birth_date": date(1980, 1, 1 + n), "work_start": date(2001, 7, 1),
            "work_start_precision": "month", "phone": "", "initials": "z"}


def stored(db: Database, ids: list[str]) -> list[tuple[Any, ...]]:
    with db.read() as s:
        rows = s.scalars(select(Person).where(Person.id.in_(ids)).order_by(Person.name)).all()
        return [(p.name, p.birth_date, p.work_start, p.deleted, p.office_id, p.ethnicity,
                 p.photo_sha256, p.origin) for p in rows]


def changes(db: Database, ids: list[str]) -> list[tuple[str, dict[str, Any], int]]:
    with db.read() as s:
        rows = s.scalars(select(Change).where(Change.row_id.in_(ids))
                         .order_by(Change.origin_seq)).all()
        return [(c.table_name, json.loads(c.fields), c.origin_seq) for c in rows]


def last_entry(db: Database) -> tuple[str, dict[str, Any], str]:
    with db.read() as s:
        entry = s.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()
        assert entry is not None
        return entry.op, json.loads(entry.detail), entry.after_digest


def test_bulk_rows_match_what_uow_writes(db: Database, clerk: Actor) -> None:
    plain = [person(i) for i in range(3)]
    bulk = [{**person(i + 3)} for i in range(3)]
    with db.write() as s, write_op(s, clerk, "写入") as op:
        op.bulk_insert(Person, plain)
    with db.read() as s:
        plain_ids = list(s.scalars(select(Person.id).order_by(Person.name)))
    with db.write() as s, bulk_write_op(s, clerk, "批量写入") as bop:
        bop.bulk_insert(Person, bulk)
    bulk_ids = [row["id"] for row in bulk]
    one, two = stored(db, plain_ids), stored(db, bulk_ids)
    assert [r[2:] for r in one] == [r[2:] for r in two]  # defaults, stamps, office alike
    assert {r[3] for r in two} == {False} and {r[4] for r in two} == {"360121"}
    uow_changes, bulk_changes = changes(db, plain_ids), changes(db, bulk_ids)
    assert [set(f) for _, f, _ in uow_changes] == [set(f) for _, f, _ in bulk_changes]
    assert bulk_changes[0][1]["birth_date"] == "1980-01-04"
    assert bulk_changes[0][1]["work_start"] == "2001-07-01"
    assert bulk_changes[0][1]["deleted"] is False
    seqs = [seq for *_, seq in uow_changes + bulk_changes]
    assert seqs == list(range(seqs[0], seqs[0] + 6))  # one sequence, no gap
    op_name, detail, after = last_entry(db)
    assert (op_name, detail["changes"]) == ("批量写入", 3)
    assert [row["table"] for row in detail["rows"]] == ["person"] * 3
    with db.read() as s:
        rows = s.scalars(select(Change).where(Change.row_id.in_(bulk_ids))
                         .order_by(Change.origin_seq)).all()
        expected = audit.digest([[c.table_name, c.row_id, json.loads(c.fields)] for c in rows])
        site = s.scalars(select(LocalSite)).one()
        assert site.change_seq == seqs[-1]
        assert audit.verify(s).ok
    assert after == expected


def test_orm_changes_inside_a_bulk_operation_are_logged_too(db: Database,
                                                           clerk: Actor) -> None:
    rows = [person(0)]
    with db.write() as s, bulk_write_op(s, clerk, "批量写入") as op:
        op.bulk_insert(Person, rows)
    with db.write() as s, bulk_write_op(s, clerk, "修改") as op:
        row = s.get(Person, rows[0]["id"])
        assert row is not None
        row.phone = "13800000000"
    assert changes(db, [rows[0]["id"]])[-1][1] == {"phone": "13800000000"}
    assert last_entry(db)[0] == "修改"


def test_an_operation_that_changes_nothing_leaves_no_trace(db: Database,
                                                          clerk: Actor) -> None:
    with db.read() as s:
        before = len(s.scalars(select(AuditEntry.seq)).all())
    with db.write() as s, bulk_write_op(s, clerk, "什么也没做") as op:
        assert op.bulk_insert(Person, []) == 0
    with db.read() as s:
        assert len(s.scalars(select(AuditEntry.seq)).all()) == before


def test_bulk_operations_do_not_nest(db: Database, clerk: Actor) -> None:
    with db.write() as s, write_op(s, clerk, "外层"), pytest.raises(WriteOutsideOperation), \
            bulk_write_op(s, clerk, "内层"):
        pass


# Values a column may hold, mixed or of one kind (a column of one kind takes the quick path).
scalars = st.one_of(st.text(), st.none(), st.booleans(), st.integers(), st.dates(),
                    st.floats(allow_nan=False))
kinds = st.sampled_from([st.text(), st.none(), st.booleans(), st.one_of(st.text(), st.none()),
                         st.one_of(st.booleans(), st.none()), scalars])


@given(st.data(), st.lists(st.text(min_size=1), min_size=1, max_size=6, unique=True),
       st.integers(min_value=1, max_value=5))
def test_rows_encoded_column_by_column_are_canonical_json(data: st.DataObject, names: list[str],
                                                          count: int) -> None:
    keys = tuple(sorted(names))
    columns = [data.draw(st.lists(data.draw(kinds), min_size=count, max_size=count))
               for _ in keys]
    texts = [_json_texts(column) for column in columns]
    rows = [_json_template(keys) % row for row in zip(*texts, strict=True)]
    expected = [audit.canonical_json({k: v.isoformat() if isinstance(v, date) else v
                                      for k, v in zip(keys, row, strict=True)})
                for row in zip(*columns, strict=True)]
    assert rows == expected


def test_change_records_are_the_canonical_json_of_the_stored_rows(db: Database,
                                                                  clerk: Actor) -> None:
    rows = [person(i) for i in range(4)]
    rows[0]["name"] = '张"三\\%s\t'  # characters JSON escapes, and a % of the template
    rows[1]["work_start"] = None  # a column mixing dates and NULLs
    rows[2]["photo_sha256"] = "ab" * 32  # and one mixing text and NULLs
    with db.write() as s, bulk_write_op(s, clerk, "批量写入") as op:
        op.bulk_insert(Person, rows)
    with db.read() as s:
        for row in rows:
            stored = s.get(Person, row["id"])
            change = s.scalars(select(Change).where(Change.row_id == row["id"])).one()
            assert stored is not None
            assert change.fields == audit.canonical_json(stored.field_values())
