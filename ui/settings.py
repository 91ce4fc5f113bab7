"""Per-installation GUI settings (an ini file in the data dir), the interface
language with its translators, and a default font that shows Chinese."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from bzdesk.paths import DataPaths, resources_dir

SETTINGS_FILE = "bzdesk-gui.ini"
DEFAULT_LANGUAGE = "zh_CN"
# Shown in their own language, so they are never translated.
LANGUAGES = {"zh_CN": "简体中文", "en": "English"}

# Faces that hold the CJK ideographs, in order of preference per platform.
CJK_FAMILIES = (
    "Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC",
    "Source Han Sans SC", "Source Han Sans CN", "WenQuanYi Micro Hei", "Noto Sans SC",
    "UKai", "UMing", "SimHei", "SimSun",
)

def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for lupdate in ``context`` (Qt's own is typed ``object``);
    show it with ``QCoreApplication.translate(context, text)``."""
    return text


_translators: list[QTranslator] = []
_font_file: Path | None = None  # the shipped font file the interface uses, if any


def open_settings(paths: DataPaths) -> QSettings:
    return QSettings(str(paths.root / SETTINGS_FILE), QSettings.Format.IniFormat)


def language(settings: QSettings) -> str:
    value = str(settings.value("ui/language", DEFAULT_LANGUAGE))
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def set_language(settings: QSettings, lang: str) -> None:
    """Stored now, used at the next start (widgets are built with their texts)."""
    if lang not in LANGUAGES:
        raise ValueError(lang)
    settings.setValue("ui/language", lang)
    settings.sync()


def translations_dir() -> Path:
    return resources_dir() / "translations"


def install_translators(app: QCoreApplication, lang: str) -> bool:
    """Qt's own texts (buttons, wizard) and ours; False when ours are missing."""
    for old in _translators:
        app.removeTranslator(old)
    _translators.clear()
    QLocale.setDefault(QLocale(lang))
    qt = QTranslator(app)
    if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _translators.append(qt)
    if lang == DEFAULT_LANGUAGE:
        return True  # the sources are Chinese
    ours = QTranslator(app)
    if not ours.load(f"bzdesk_{lang}", str(translations_dir())):
        return False
    app.installTranslator(ours)
    _translators.append(ours)
    return True


def shipped_fonts() -> list[Path]:
    folder = resources_dir() / "fonts"
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in {".ttf", ".otf", ".ttc"})


def choose_font(app: QApplication) -> QFont:
    """A system CJK face, else a shipped one; at least 10 pt for readability."""
    global _font_file
    families = set(QFontDatabase.families())
    family = next((f for f in CJK_FAMILIES if f in families), None)
    if family is None:
        for file in shipped_fonts():
            loaded = QFontDatabase.applicationFontFamilies(QFontDatabase.addApplicationFont(
                str(file)))
            if loaded:
                family, _font_file = loaded[0], file
                break
    font = QFont(app.font())
    if family is not None:
        font.setFamilies([family, *font.families()])
    if 0 < font.pointSizeF() < 10:
        font.setPointSizeF(10)
    return font


def font_file() -> Path | None:
    """The shipped font file the interface fell back to (None: a system font)."""
    return _font_file
