"""Fixtures for the staffing tests (helpers live in staffing_helpers.py)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from staffing_helpers import Staff

from bzdesk.db import Database, open_database
from bzdesk.paths import DataPaths
from bzdesk.roles import Actor
from bzdesk.services import auth, office

CITY_PASSWORD = "admin-pass-1"


@pytest.fixture
def staff(db: Database, clerk: Actor) -> Staff:
    return Staff(db, clerk)


@pytest.fixture(scope="session")
def city_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A city office (360100) above the county of the ``db`` fixture, initialised once."""
    root = tmp_path_factory.mktemp("staffing-city") / "data"
    database = open_database(DataPaths(root))
    office.initialise(database, code="360100", name="南昌市委机构编制委员会办公室",
                      level="city", admin_username="admin", admin_display_name="管理员",
                      admin_password=CITY_PASSWORD, key_passphrase="office-passphrase-1")
    database.close()
    return root


@pytest.fixture
def city_staff(city_template: Path, tmp_path: Path) -> Iterator[Staff]:
    """The city's database, written by its administrator."""
    root = tmp_path / "city"
    shutil.copytree(city_template, root)
    database = open_database(DataPaths(root))
    with database.write() as s:
        actor = auth.login(s, "admin", CITY_PASSWORD)
    yield Staff(database, actor)
    database.close()
