"""Every ui string has an English translation, and the English interface loads."""

from __future__ import annotations

import importlib.util
import shutil
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from bzdesk.workspace import Workspace
from ui import settings
from ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "bzdesk_en.ts"


@pytest.fixture(scope="module")
def build() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_translations",
                                                  ROOT / "scripts" / "build_translations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def english(build: ModuleType, tmp_path: Path,
            monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    build.release(TS, tmp_path)
    monkeypatch.setattr(settings, "translations_dir", lambda: tmp_path)
    app = QApplication.instance()
    assert app is not None
    assert settings.install_translators(app, "en")
    yield
    settings.install_translators(app, settings.DEFAULT_LANGUAGE)


# The shell: start-up, main window, system pages. Each domain page's strings are
# checked the same way with `scripts/build_translations.py --update --check`.
SHELL = [ROOT / "ui" / name for name in (
    "about.py", "app.py", "errors.py", "labels.py", "login.py", "main_window.py", "models.py",
    "ops.py", "passwords.py", "selftest.py", "settings.py", "startup.py", "widgets.py",
    "wizard.py", "pages/__init__.py", "pages/base.py", "pages/home.py", "pages/system/__init__.py",
    "pages/system/audit_log.py", "pages/system/backups.py", "pages/system/password.py",
    "pages/system/settings.py", "pages/system/user_dialogs.py", "pages/system/users.py")]


def test_every_shell_string_is_translated(build: ModuleType, tmp_path: Path) -> None:
    fresh = tmp_path / TS.name
    shutil.copy(TS, fresh)
    build.update(fresh, SHELL)  # keeps exactly what lupdate finds in the shell today
    assert build.untranslated(fresh) == [], \
        "run scripts/build_translations.py --update and translate the new strings"


def test_the_compiled_translation_loads(build: ModuleType, tmp_path: Path) -> None:
    qm = build.release(TS, tmp_path)
    translator = QTranslator()
    assert translator.load(str(qm))
    assert translator.translate("pages", "首页") == "Home"
    assert translator.translate("passwords", "密码", "typed twice") == "password"


def test_the_english_interface(qtbot: QtBot, english: None, ws: Workspace) -> None:
    window = MainWindow(ws, ws.office())
    qtbot.addWidget(window)
    assert window.nav.item(0).text() == "Home"
    assert window.menuBar().actions()[0].text() == "&File"
    assert QCoreApplication.translate("app", "编制桌面") == "bzdesk"
    window.show_page("system")
    qtbot.waitUntil(lambda: window.windowTitle().startswith("bzdesk — "))


def test_missing_translations_fall_back_to_chinese(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(settings, "translations_dir", lambda: tmp_path)
    app = QApplication.instance()
    assert app is not None
    try:
        assert not settings.install_translators(app, "en")
        assert QCoreApplication.translate("pages", "首页") == "首页"
    finally:
        settings.install_translators(app, settings.DEFAULT_LANGUAGE)
