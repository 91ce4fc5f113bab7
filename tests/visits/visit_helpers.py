"""Helpers of the visits tests: a service call in its own transaction, change
counts, a real PNG, a visit input (fixtures are in conftest.py)."""

from __future__ import annotations

import struct
import zlib
from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import func, select

from bzdesk.db import Database
from bzdesk.models import AuditEntry, Change
from bzdesk.roles import Actor
from bzdesk.services import visits

T = TypeVar("T")
UNIT_NAMES = ("县教育体育局", "县卫生健康委员会", "莲塘镇人民政府")
LINK_START = date(date.today().year - 2, 1, 1)


def call(db: Database, fn: Callable[..., T], actor: Actor, *args: Any, **kwargs: Any) -> T:
    """A service call in its own write transaction (committed unless it raises)."""
    with db.write() as s:
        return fn(s, actor, *args, **kwargs)


def changes(db: Database) -> tuple[int, int]:
    """(change log rows, audit entries) now: a refusal must leave both unchanged."""
    with db.read() as s:
        return (s.scalar(select(func.count()).select_from(Change)) or 0,
                s.scalar(select(func.count()).select_from(AuditEntry)) or 0)


def png_bytes(width: int = 4, height: int = 3) -> bytes:
    """A real (tiny, grey) PNG image."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))
    raw = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0,
                                                           0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def visit_input(link: visits.AssignmentView, day: date, **kwargs: Any) -> visits.VisitInput:
    values: dict[str, Any] = dict(kind="挂点联系", start_on=day, end_on=day,
                                  assignment_id=link.id, purpose="了解编制使用情况")
    values.update(kwargs)
    return visits.VisitInput(**values)
