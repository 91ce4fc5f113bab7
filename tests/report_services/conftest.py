"""Fixtures for the report services: the demo office (staffing, visits, party), built once
per session and copied for each test that writes, and the shipped fonts restored after
every test (a test may choose office fonts)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from bzdesk.db import Database, open_database
from bzdesk.paths import DataPaths
from bzdesk.reports.fonts import use_office_fonts
from bzdesk.roles import Actor
from bzdesk.services import auth
from bzdesk.services.demo import run_demo

ADMIN_PASSWORD = "admin-pass-1"


@pytest.fixture(autouse=True)
def _shipped_fonts() -> Iterator[None]:
    yield
    use_office_fonts(None, None, None)


@pytest.fixture(scope="session")
def demo_dir(template_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("report-demo") / "data"
    shutil.copytree(template_dir, root)
    run_demo(DataPaths(root), size="small", username=lambda: "admin",
             password=lambda: ADMIN_PASSWORD, passphrase=lambda: "unused-here")
    return root


@pytest.fixture(scope="session")
def demo(demo_dir: Path) -> Iterator[Database]:
    """The demo office, opened once, for tests that only read."""
    database = open_database(DataPaths(demo_dir))
    yield database
    database.close()


@pytest.fixture(scope="session")
def demo_admin(demo: Database) -> Actor:
    with demo.write() as s:
        return auth.login(s, "admin", ADMIN_PASSWORD)
