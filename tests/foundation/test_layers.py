"""Layer rules: bzdesk never imports Qt or ui; ui never imports SQLAlchemy/Alembic
itself (reaching them through bzdesk.services is the intended path)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
CORE_FORBIDDEN = {"PySide6", "shiboken6", "ui"}
UI_FORBIDDEN = {"sqlalchemy", "alembic"}


def imported_roots(source: str, filename: str = "<string>") -> set[str]:
    """Top-level package names a module imports anywhere in it (also inside
    functions: lazy imports count). Relative imports stay in their package."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source, filename)):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found


def _violations(package: str, forbidden: set[str]) -> dict[str, set[str]]:
    files = sorted((REPO_ROOT / package).rglob("*.py"))
    assert files, f"no Python files under {package}/"
    bad = {}
    for file in files:
        hits = imported_roots(file.read_text(encoding="utf-8"), str(file)) & forbidden
        if hits:
            bad[str(file.relative_to(REPO_ROOT))] = hits
    return bad


def test_scanner_sees_every_form_of_import() -> None:
    source = """
import os, PySide6.QtCore as qc
from sqlalchemy.orm import Session
from . import sibling
from .x import y
def later():
    import alembic.command
    from ui import pages
"""
    assert imported_roots(source) == {"os", "PySide6", "sqlalchemy", "alembic", "ui"}


def test_core_never_imports_qt_or_ui() -> None:
    assert _violations("bzdesk", CORE_FORBIDDEN) == {}


def test_ui_never_imports_sqlalchemy_directly() -> None:
    assert _violations("ui", UI_FORBIDDEN) == {}


def test_import_linter_contracts_are_kept() -> None:
    lint = Path(sys.executable).with_name("lint-imports")
    assert lint.is_file(), f"{lint} missing: install the dev extras (.[dev])"
    done = subprocess.run(
        [str(lint), "--no-cache", "--no-logo"], cwd=REPO_ROOT, capture_output=True,
        text=True, encoding="utf-8", timeout=120, check=False, stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert ", 0 broken" in done.stdout
    assert "never imports Qt" in done.stdout and "never imports SQLAlchemy" in done.stdout
