"""Helpers the UI tests import (fixtures live in conftest.py)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtWidgets import QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from bzdesk.db import Database
from bzdesk.roles import Actor
from bzdesk.workspace import Workspace
from ui import ops
from ui.main_window import MainWindow

# The passwords tests/conftest.py gives the template office's users.
ADMIN_PASSWORD = "admin-pass-1"
USER_PASSWORD = "user-pass-123"


@dataclass
class Boxes:
    """Every message box shown during a test: (kind, text)."""

    shown: list[tuple[str, str]] = field(default_factory=list)
    answer: QMessageBox.StandardButton = QMessageBox.StandardButton.Yes
    on_exec: Any = None  # called with the box instead of showing it

    def texts(self, kind: str | None = None) -> list[str]:
        return [text for k, text in self.shown if kind is None or k == kind]


def make_workspace(db: Database, actor: Actor) -> Iterator[Workspace]:
    ws = Workspace(db)
    ws.actor = actor
    yield ws
    ops.wait_idle(20_000)  # before the db fixture closes the database


def open_window(qtbot: QtBot, ws: Workspace) -> MainWindow:
    window = MainWindow(ws, ws.office())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: ops.pending() == 0)
    return window


def type_into(field: QLineEdit, text: str) -> None:
    """As typed by the clerk (QTest cannot send CJK key strokes): emits textEdited."""
    field.selectAll()
    field.insert(text)
