"""Fixtures for the staffing tests (helpers live in staffing_helpers.py)."""

from __future__ import annotations

import pytest
from staffing_helpers import Staff

from bzdesk.db import Database
from bzdesk.roles import Actor


@pytest.fixture
def staff(db: Database, clerk: Actor) -> Staff:
    return Staff(db, clerk)
