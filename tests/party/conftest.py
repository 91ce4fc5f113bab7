"""Fixtures for the party tests (helpers live in party_helpers.py)."""

from __future__ import annotations

import pytest
from party_helpers import Party, build_tree

from bzdesk.db import Database
from bzdesk.roles import Actor


@pytest.fixture
def p(db: Database, clerk: Actor) -> Party:
    """An empty party domain, written by the clerk."""
    return Party(db, clerk)


@pytest.fixture
def tree(p: Party) -> Party:
    """The small tree of party_helpers.build_tree."""
    return build_tree(p)
