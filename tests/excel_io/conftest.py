"""Fixtures for the Excel import/export tests (helpers live in io_helpers.py)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

# The builders of real workbooks (tests/excel) and of valid ID cards and credit codes
# (tests/staffing) are shared with those suites rather than written twice.
_TESTS = Path(__file__).resolve().parents[1]
for _folder in ("excel", "staffing"):
    if str(_TESTS / _folder) not in sys.path:
        sys.path.insert(0, str(_TESTS / _folder))

import pytest  # noqa: E402
from io_helpers import County  # noqa: E402

from bzdesk.db import Database  # noqa: E402
from bzdesk.roles import Actor  # noqa: E402


@pytest.fixture
def county(db: Database, clerk: Actor) -> County:
    """Three units with quotas: 县委办公室 (县委办), 县财政局, 县档案馆 (事业单位)."""
    return County.build(db, clerk)


@pytest.fixture(scope="session")
def city_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A city office (360100) initialised once; tests copy it."""
    from bzdesk.db import open_database
    from bzdesk.paths import DataPaths
    from bzdesk.services import office

    root = tmp_path_factory.mktemp("city") / "data"
    database = open_database(DataPaths(root))
    office.initialise(database, code="360100", name="南昌市委编办", level="city",
                      admin_username="admin", admin_display_name="管理员",
                      admin_password="admin-pass-1", key_passphrase="office-passphrase-1")
    database.close()
    return root


@pytest.fixture
def city(city_template: Path, tmp_path: Path) -> Iterator[tuple[Database, Actor]]:
    """The city's database and its administrator."""
    import shutil

    from bzdesk.db import open_database
    from bzdesk.paths import DataPaths
    from bzdesk.services import auth

    root = tmp_path / "city"
    shutil.copytree(city_template, root)
    database = open_database(DataPaths(root))
    with database.write() as s:
        actor = auth.login(s, "admin", "admin-pass-1")
    yield database, actor
    database.close()
