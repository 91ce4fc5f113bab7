"""Reviewing merge conflicts: keep mine / take theirs / edit. A resolution is
an ordinary change (through write_op), so it syncs like any other."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bzdesk.changes import Area, Outcome
from bzdesk.errors import NotFound, ValidationError
from bzdesk.models.sync import Conflict
from bzdesk.roles import Actor, Can, require
from bzdesk.sync.tables import TableInfo, info
from bzdesk.uow import write_op

CHOICES = {"keep": "保留本机的值", "take": "采用对方的值", "edit": "改为新值"}


@dataclass(frozen=True)
class ConflictView:
    id: str
    table: str
    row_id: str
    field: str
    current_value: Any   # the value that won (is in the database now)
    other_value: Any     # the value that lost
    current_origin: str
    other_origin: str
    status: str


def _view(c: Conflict) -> ConflictView:
    return ConflictView(c.id, c.table_name, c.row_id, c.field, json.loads(c.winning_value),
                        json.loads(c.losing_value), c.winning_origin, c.losing_origin, c.status)


def list_conflicts(session: Session, actor: Actor, *, open_only: bool = True) -> list[ConflictView]:
    require(actor, Can.READ)
    stmt = select(Conflict).order_by(Conflict.table_name, Conflict.row_id)
    if open_only:
        stmt = stmt.where(Conflict.status == "open")
    return [_view(c) for c in session.scalars(stmt)]


def _edited(t: TableInfo, field: str, value: Any) -> Any:
    """The clerk's new value (typed text, usually) as the column holds it: a count
    stays a number, a date a date, so it syncs and compares like any other value."""
    try:
        return t.from_clerk(field, value)
    except (TypeError, ValueError):
        shown = "" if value is None else str(value)
        reason = f"新值“{shown}”不符合要求：这一项应为{t.expected(field)}。没有做任何修改。"
        raise ValidationError.single("新值", shown, reason, "bad_value") from None


def resolve_conflict(session: Session, actor: Actor, conflict_id: str, choice: str,
                     value: Any = None) -> Outcome[ConflictView]:
    """``choice``: keep (the value now in the database stays, re-stamped so it
    wins everywhere), take (the other value), edit (``value``)."""
    require(actor, Can.WRITE)
    c = session.get(Conflict, conflict_id)
    if c is None or c.status != "open":
        raise NotFound.single("冲突", conflict_id, "这条冲突不存在或已处理。", "not_found")
    if choice not in CHOICES:
        raise ValidationError.single("处理方式", choice, "处理方式只能是保留、采用对方或改为新值。",
                                     "bad_choice")
    t = info(c.table_name)
    row = session.get(t.model, c.row_id) if t else None
    if t is None or row is None or c.field not in t.typed:
        raise NotFound.single("冲突", conflict_id, "冲突涉及的记录已不存在。", "not_found")
    if choice == "edit":
        new = _edited(t, c.field, value)
    else:
        raw = c.winning_value if choice == "keep" else c.losing_value
        new = t.decode({c.field: json.loads(raw)})[c.field]
    with write_op(session, actor, "处理合并冲突", target=f"{c.table_name}:{c.row_id}") as op:
        # Writing the chosen value (even an unchanged one) gives it a new stamp,
        # so every site converges on the clerk's decision.
        setattr(row, c.field, new)
        if choice == "keep":
            op.force_fields(row, [c.field])
        op.extra["conflict"] = c.id
    c.status = {"keep": "kept", "take": "taken", "edit": "edited"}[choice]
    c.resolved_by = actor.username
    c.resolved_at = datetime.now()
    return Outcome(_view(c), frozenset({Area.SYNC, *op.changed}))
