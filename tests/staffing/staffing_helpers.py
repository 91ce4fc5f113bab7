"""Builders for the staffing tests: valid ID cards and credit codes, and a thin
wrapper that runs one service call per write transaction like the GUI does."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bzdesk.changes import Outcome
from bzdesk.db import Database
from bzdesk.models import AuditEntry, Change
from bzdesk.roles import Actor
from bzdesk.services import staffing as st
from bzdesk.validation import check_digit, uscc_check_char

XZ = st.default_category_id("XZ")
ZF = st.default_category_id("ZF")
SY = st.default_category_id("SY")
GQ = st.default_category_id("GQ")
START = date(2019, 1, 1)

T = TypeVar("T")


def id_card(birth: date, male: bool = True, seq: int = 1, region: str = "360121") -> str:
    """A valid 18-digit number; ``seq`` (0–499) tells people born the same day apart."""
    first17 = f"{region}{birth:%Y%m%d}{seq * 2 + (1 if male else 0):03d}"
    return first17 + check_digit(first17)


def uscc(n: int, region: str = "360121") -> str:
    first17 = f"11{region}{n:09d}"
    return first17 + uscc_check_char(first17)


def count(db: Database, model: type) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


@contextmanager
def nothing_written(db: Database) -> Iterator[None]:
    """The block must leave no change record (and no audit entry) behind."""
    before = count(db, Change), count(db, AuditEntry)
    yield
    assert (count(db, Change), count(db, AuditEntry)) == before


@dataclass(frozen=True)
class Audited:
    op: str
    detail: dict[str, Any]


def last_audit(db: Database) -> Audited:
    with db.read() as s:
        entry = s.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()
        assert entry is not None
        return Audited(entry.op, json.loads(entry.detail))


class Staff:
    """One service call per transaction, as a clerk (or the given actor)."""

    def __init__(self, db: Database, actor: Actor) -> None:
        self.db, self.actor = db, actor
        self._seq = 0

    def write(self, fn: Callable[..., Outcome[T]], *args: Any, actor: Actor | None = None) -> T:
        with self.db.write() as s:
            return fn(s, actor or self.actor, *args).value

    def read(self, fn: Callable[..., T], *args: Any, actor: Actor | None = None,
             **kw: Any) -> T:
        with self.db.read() as s:
            return fn(s, actor or self.actor, *args, **kw)

    def session_read(self, fn: Callable[[Session], T]) -> T:
        with self.db.read() as s:
            return fn(s)

    def unit(self, name: str, kind: str = "政府工作部门", **kw: Any) -> st.UnitView:
        return self.write(st.create_unit, st.UnitInput(name=name, kind=kind, **kw))

    def quota(self, unit_id: str, category: str, n: int, on: date = START,
              doc: str = "编发〔2019〕1号") -> st.QuotaView:
        return self.write(st.set_quota, st.QuotaInput(unit_id, category, n, on, doc))

    def person(self, name: str, birth: date = date(1985, 5, 1), male: bool = True,
               **kw: Any) -> st.PersonView:
        self._seq += 1
        return self.write(st.create_person,
                          st.PersonInput(name, id_card(birth, male, self._seq), **kw))

    def post(self, person_id: str, unit_id: str, category: str = XZ,
             on: date | str = date(2020, 1, 1), route: str = "考录",
             actor: Actor | None = None, **kw: Any) -> st.PostingView:
        return self.write(st.post_person,
                          st.PostingInput(person_id, unit_id, category, route, on, **kw),
                          actor=actor)

    def leave(self, posting_id: str, on: date | str = date(2023, 1, 1),
              route: str = "退休") -> st.PostingView:
        return self.write(st.end_posting, st.LeaveInput(posting_id, route, on))

    def stats(self, as_of: date | None = None) -> dict[tuple[str, str], tuple[int, ...]]:
        """(unit name, category) → (approved, filled, in transit, vacant, over)."""
        report = self.read(st.staffing_stats, as_of)
        return {(r.unit, r.category): (r.approved, r.filled, r.in_transit, r.vacant, r.over)
                for r in report.rows}
