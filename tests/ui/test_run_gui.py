"""The whole start: first run → wizard → main window; next start → login → main window."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
from qt_helpers import type_into

from ui.app import LOCK_NAME, run_gui
from ui.login import LoginDialog
from ui.main_window import MainWindow
from ui.wizard import FirstRunWizard

Step = Callable[[QWidget], bool]  # True when the step is done


def clerk(steps: dict[type[QWidget], Step], seen: list[str]) -> QTimer:
    """Acts on whichever of our windows is showing, as a person would."""

    def look() -> None:
        for widget in QApplication.topLevelWidgets():
            kind = type(widget)
            if (kind in steps and widget.isVisible() and kind.__name__ not in seen
                    and steps[kind](widget)):
                seen.append(kind.__name__)

    timer = QTimer()
    timer.setInterval(50)
    timer.timeout.connect(look)
    timer.start()
    return timer


def finish_wizard(wizard: QWidget) -> bool:
    assert isinstance(wizard, FirstRunWizard)
    type_into(wizard.office_page.code, "360121")
    type_into(wizard.office_page.name, "南昌县委编办")
    wizard.next()
    type_into(wizard.admin_page.display_name, "张三")
    type_into(wizard.admin_page.password, "first-pass-1")
    type_into(wizard.admin_page.confirm, "first-pass-1")
    wizard.next()
    type_into(wizard.passphrase_page.passphrase, "office-secret-1")
    type_into(wizard.passphrase_page.confirm, "office-secret-1")
    wizard.next()
    wizard.accept()
    return True


def log_in(dialog: QWidget) -> bool:
    assert isinstance(dialog, LoginDialog)
    assert dialog.username.text() == "admin"  # remembered from the last start
    dialog.password.setText("first-pass-1")
    dialog.submit()
    return True


def close_main(window: QWidget) -> bool:
    assert isinstance(window, MainWindow)
    if window.current_page() is None:
        return False
    assert window.windowTitle() == "编制桌面 — 南昌县委编办"
    window.close()
    return True


def test_first_run_then_login(qapp: QApplication, tmp_path: Path,
                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_gui installs its own
    data = tmp_path / "data"
    seen: list[str] = []
    timer = clerk({FirstRunWizard: finish_wizard, MainWindow: close_main}, seen)
    assert run_gui(str(data)) == 0
    assert seen == ["FirstRunWizard", "MainWindow"]

    seen.clear()
    timer.stop()
    timer = clerk({LoginDialog: log_in, MainWindow: close_main}, seen)
    assert run_gui(str(data)) == 0
    timer.stop()
    assert seen == ["LoginDialog", "MainWindow"]
    assert not (data / LOCK_NAME).exists()  # released on the way out
    assert (data / "logs" / "bzdesk-gui.log").exists()
