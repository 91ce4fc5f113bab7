"""Every ui string has an English translation, and the English interface loads."""

from __future__ import annotations

import importlib.util
import re
import shutil
import xml.etree.ElementTree as ET
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


def test_every_ui_string_is_translated(build: ModuleType, tmp_path: Path) -> None:
    """Every file under ui/ (shell and domain pages alike), as lupdate finds them today."""
    files = build.sources()
    assert ROOT / "ui" / "main_window.py" in files and ROOT / "ui" / "pages" / "home.py" in files
    fresh = tmp_path / TS.name
    shutil.copy(TS, fresh)
    build.update(fresh, files)  # keeps exactly what lupdate finds in ui/ today
    assert build.untranslated(fresh) == [], \
        "run scripts/build_translations.py --update and translate the new strings"


def test_translations_keep_the_placeholders() -> None:
    """{0}, {1:.1f}, %1 and %n reach the English text unchanged (str.format would raise or
    show the wrong value otherwise)."""
    def placeholders(text: str) -> list[str]:
        return sorted(re.findall(r"\{[^{}]*\}|%(?:\d+|n)", text))

    wrong = []
    for context in ET.parse(TS).getroot().iter("context"):
        for message in context.iter("message"):
            source = message.findtext("source", "")
            translation = message.find("translation")
            texts = [translation.text or ""] if translation is not None else []
            if translation is not None and message.get("numerus") == "yes":
                texts = [form.text or "" for form in translation.iter("numerusform")]
            wrong += [f"{context.findtext('name')}: {source} → {text}" for text in texts
                      if text.strip() and placeholders(text) != placeholders(source)]
    assert wrong == []


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
