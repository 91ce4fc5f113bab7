"""Helpers the visits services share: today, collecting every problem of an
input before refusing it, finding live rows, reading JSON lists."""

from __future__ import annotations

import json
from datetime import date
from typing import TypeVar

from sqlalchemy.orm import Session

from bzdesk.errors import FieldProblem, NotFound, ValidationError
from bzdesk.models.base import SyncRow

R = TypeVar("R", bound=SyncRow)


def today() -> date:
    return date.today()


class Problems:
    """Every problem of one input, so the clerk fixes them in one go."""

    def __init__(self) -> None:
        self.found: list[FieldProblem] = []

    def add(self, column: str, value: object, reason: str, kind: str) -> None:
        self.found.append(FieldProblem(column, "" if value is None else str(value), reason, kind))

    def take(self, exc: ValidationError) -> None:
        self.found.extend(exc.problems or [FieldProblem("", "", exc.message, "invalid")])

    def text(self, column: str, value: str, limit: int, *, required: bool = False) -> str:
        """``value`` stripped; a problem when it is required and empty, or too long."""
        value = value.strip()
        if required and not value:
            self.add(column, value, f"请填写{column}。", "missing")
        elif len(value) > limit:
            self.add(column, value[:20] + "…", f"{column}最多 {limit} 个字。", "too_long")
        return value

    def raise_if_any(self) -> None:
        if not self.found:
            return
        first = self.found[0].reason
        message = first if len(self.found) == 1 else (
            f"有 {len(self.found)} 处需要修改：" + "；".join(p.reason for p in self.found))
        raise ValidationError(message, list(self.found))


def live(session: Session, model: type[R], row_id: str | None, column: str, what: str) -> R:
    """The row with this id, not tombstoned, or a NotFound naming what was sought."""
    row = session.get(model, row_id) if row_id else None
    if row is None or row.deleted:
        raise NotFound.single(column, row_id, f"找不到这个{what}（可能已被删除）。", "not_found")
    return row


def dates_text(first: date, last: date | None) -> str:
    return f"{first.isoformat()} 至 {last.isoformat() if last else '今'}"


def json_list(text: str) -> tuple[str, ...]:
    try:
        value = json.loads(text or "[]")
    except ValueError:
        return ()
    return tuple(str(v) for v in value) if isinstance(value, list) else ()


def dump_list(values: tuple[str, ...]) -> str:
    return json.dumps(list(values), ensure_ascii=False)
