"""Qt fixtures: a workspace over the shared ``db`` fixture, the main window, and
message boxes that record instead of blocking."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from qt_helpers import Boxes, make_workspace, open_window

from bzdesk.db import Database
from bzdesk.roles import Actor
from bzdesk.workspace import Workspace
from ui import ops
from ui.main_window import MainWindow


@pytest.fixture(autouse=True)
def collect_on_the_gui_thread() -> Iterator[None]:
    """As in the app (ui.collector): no cycle collection in the background helper's
    thread while a test runs; the test's garbage is collected here, on this thread."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.collect()
        if was_enabled:
            gc.enable()


@pytest.fixture(autouse=True)
def boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    record = Boxes()

    def static(kind: str, result: QMessageBox.StandardButton | None = None) -> Any:
        def show(_parent: QWidget | None, _title: str, text: str, *_args: Any,
                 **_kwargs: Any) -> QMessageBox.StandardButton:
            record.shown.append((kind, text))
            return result if result is not None else record.answer
        return show

    def exec_box(box: QMessageBox) -> int:
        record.shown.append(("exec", box.text()))
        if record.on_exec is not None:
            record.on_exec(box)
        return 0

    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(static("warning", QMessageBox.StandardButton.Ok)))
    monkeypatch.setattr(QMessageBox, "critical",
                        staticmethod(static("critical", QMessageBox.StandardButton.Ok)))
    monkeypatch.setattr(QMessageBox, "information",
                        staticmethod(static("information", QMessageBox.StandardButton.Ok)))
    monkeypatch.setattr(QMessageBox, "question", staticmethod(static("question")))
    monkeypatch.setattr(QMessageBox, "exec", exec_box)
    return record


@pytest.fixture(autouse=True)
def _ops_drained() -> Iterator[None]:
    yield
    assert ops.wait_idle(20_000), "an operation outlived its test"


@pytest.fixture
def ws(db: Database, admin: Actor) -> Iterator[Workspace]:
    yield from make_workspace(db, admin)


@pytest.fixture
def clerk_ws(db: Database, clerk: Actor) -> Iterator[Workspace]:
    yield from make_workspace(db, clerk)


@pytest.fixture
def window(qtbot: QtBot, ws: Workspace) -> MainWindow:
    return open_window(qtbot, ws)


@pytest.fixture
def viewer_ws(db: Database, viewer: Actor) -> Iterator[Workspace]:
    yield from make_workspace(db, viewer)
