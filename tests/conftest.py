"""Shared fixtures: a real SQLite database on disk, initialised once per test
session as a template and copied for each test (key generation costs seconds)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from bzdesk.db import Database, open_database
from bzdesk.paths import DataPaths
from bzdesk.roles import Actor, Role
from bzdesk.services import auth, office

ADMIN_PASSWORD = "admin-pass-1"
PASSPHRASE = "office-passphrase-1"
USER_PASSWORD = "user-pass-123"
OFFICE_CODE = "360121"
OFFICE_NAME = "南昌县委机构编制委员会办公室"


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Tests never touch the real user data dir."""
    monkeypatch.setenv("BZDESK_DATA_DIR", str(tmp_path / "env-data"))
    for var in ("BZDESK_USER", "BZDESK_PASSWORD", "BZDESK_KEY_PASSPHRASE"):
        monkeypatch.delenv(var, raising=False)


@pytest.fixture(scope="session")
def template_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("template") / "data"
    paths = DataPaths(root)
    db = open_database(paths)
    office.initialise(
        db, code=OFFICE_CODE, name=OFFICE_NAME, level="county", admin_username="admin",
        admin_display_name="管理员", admin_password=ADMIN_PASSWORD, key_passphrase=PASSPHRASE,
    )
    with db.write() as s:
        admin = auth.login(s, "admin", ADMIN_PASSWORD)
        for name, role in (("clerk", Role.CLERK), ("approver", Role.APPROVER),
                           ("viewer", Role.VIEWER)):
            auth.create_user(s, admin, name, f"{role.label}甲", role, USER_PASSWORD)
    db.close()
    return root


@pytest.fixture
def data_paths(template_dir: Path, tmp_path: Path) -> DataPaths:
    root = tmp_path / "data"
    shutil.copytree(template_dir, root)
    return DataPaths(root)


@pytest.fixture
def db(data_paths: DataPaths) -> Iterator[Database]:
    database = open_database(data_paths)
    yield database
    database.close()


def _login(db: Database, username: str, password: str) -> Actor:
    with db.write() as s:
        return auth.login(s, username, password)


@pytest.fixture
def admin(db: Database) -> Actor:
    return _login(db, "admin", ADMIN_PASSWORD)


@pytest.fixture
def clerk(db: Database) -> Actor:
    return _login(db, "clerk", USER_PASSWORD)


@pytest.fixture
def approver(db: Database) -> Actor:
    return _login(db, "approver", USER_PASSWORD)


@pytest.fixture
def viewer(db: Database) -> Actor:
    return _login(db, "viewer", USER_PASSWORD)
