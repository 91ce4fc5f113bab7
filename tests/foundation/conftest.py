"""Fixtures for the foundation tests.

The credentials below are the ones tests/conftest.py uses to build the
template data dir (a test module cannot import a conftest, so they are
repeated here and handed out as a fixture; the login tests fail loudly if
the two ever drift apart).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]


class Creds:
    admin_password = "admin-pass-1"
    passphrase = "office-passphrase-1"
    user_password = "user-pass-123"
    office_code = "360121"


@pytest.fixture
def creds() -> type[Creds]:
    return Creds


@pytest.fixture
def repo_root() -> Path:
    return REPO_ROOT


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def file_hash() -> Callable[[Path], str]:
    return sha256_file


CliRun = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def cli() -> CliRun:
    """Run ``python main.py ARGS`` from the repo root, as a user would.

    BZDESK_DATA_DIR and the credential variables are removed from the
    environment; a test passes ``--data-dir`` and the variables it means.
    stdin is /dev/null, so the process never has a terminal to prompt on.
    """

    def run(*args: str, env: dict[str, str] | None = None,
            timeout: float = 60) -> subprocess.CompletedProcess[str]:
        full_env = {k: v for k, v in os.environ.items()
                    if k not in ("BZDESK_DATA_DIR", "BZDESK_USER", "BZDESK_PASSWORD",
                                 "BZDESK_KEY_PASSPHRASE")}
        full_env["PYTHONIOENCODING"] = "utf-8"
        full_env.update(env or {})
        return subprocess.run(
            [sys.executable, "main.py", *args], cwd=REPO_ROOT, env=full_env,
            stdin=subprocess.DEVNULL, capture_output=True, text=True, encoding="utf-8",
            timeout=timeout, check=False,
        )

    return run
