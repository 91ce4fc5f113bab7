"""A row that left this office's scope during a merge (transferred away): our copy
is dropped with its change log, except the entries that moved it away, kept as
"left" notices (see bzdesk.sync.merge)."""

from __future__ import annotations

import functools
import json
from typing import Any

from sqlalchemy import Column, Table, delete, literal, select, update
from sqlalchemy.orm import Session

from bzdesk.models import Base, Change
from bzdesk.sync import scope
from bzdesk.sync.tables import TableInfo

IN_CHUNK = 900


@functools.cache
def references(table: str) -> list[tuple[Table, Column[Any]]]:
    """(table, column) pairs whose foreign key points at ``table``."""
    out = []
    for t in Base.metadata.sorted_tables:
        for fk in t.foreign_keys:
            if fk.column.table.name == table:
                out.append((t, fk.parent))
    return out


def referenced(s: Session, t: TableInfo, row_id: str) -> bool:
    for table, column in references(t.name):
        if s.scalar(select(literal(1)).select_from(table)
                    .where(column == row_id).limit(1)) is not None:
            return True
    return False


def purge(s: Session, t: TableInfo, row_id: str, my_office: str) -> bool:
    """Drop our copy of the row; False when rows of ours still refer to it (kept)."""
    if referenced(s, t, row_id):
        return False
    s.execute(delete(t.model).where(t.model.id == row_id))
    drop, notices = [], []
    for seq, office, moved_from, fields in s.execute(
            select(Change.seq, Change.office_id, Change.moved_from, Change.fields).where(
                Change.table_name == t.name, Change.row_id == row_id)):
        left = moved_from is not None and not scope.in_scope(my_office, office, t.shared)
        values = json.loads(fields)
        if left and t.scope_column in values:
            notices.append((seq, {t.scope_column: values[t.scope_column]}))
        else:
            drop.append(seq)
    for i in range(0, len(drop), IN_CHUNK):
        s.execute(delete(Change).where(Change.seq.in_(drop[i:i + IN_CHUNK])))
    for seq, values in notices:
        s.execute(update(Change).where(Change.seq == seq).values(
            fields=json.dumps(values, ensure_ascii=False, sort_keys=True,
                              separators=(",", ":"))))
    return True
