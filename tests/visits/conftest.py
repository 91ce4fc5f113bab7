"""Fixtures of the visits tests: three units, a 挂点 assignment, a photo."""

from __future__ import annotations

from pathlib import Path

import pytest
from visit_helpers import LINK_START, UNIT_NAMES, call, png_bytes

from bzdesk.db import Database
from bzdesk.models.staffing import Unit
from bzdesk.roles import Actor
from bzdesk.services import visits
from bzdesk.uow import write_op


@pytest.fixture
def photo(tmp_path: Path) -> Path:
    file = tmp_path / "现场照片.png"
    file.write_bytes(png_bytes())
    return file


@pytest.fixture
def units(db: Database, admin: Actor) -> list[str]:
    with db.write() as s, write_op(s, admin, "新增机构"):
        rows = [Unit(name=name, kind="政府工作部门") for name in UNIT_NAMES]
        s.add_all(rows)
        s.flush()
        return [r.id for r in rows]


@pytest.fixture
def link(db: Database, clerk: Actor, units: list[str]) -> visits.AssignmentView:
    """王建国 → 县教育体育局 from two years ago, open-ended."""
    return call(db, visits.create_assignment, clerk, visits.AssignmentInput(
        "挂点领导", "王建国", "unit", units[0], LINK_START)).value

