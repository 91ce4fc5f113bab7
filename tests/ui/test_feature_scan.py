"""ui._feature_scan: PySide6 no longer reads the source of every module imported after
it; only our Qt layer's modules are still looked at."""

from __future__ import annotations

import sys
from pathlib import Path
from types import ModuleType

import pytest

import ui  # noqa: F401  (installs the skip)


def _module(name: str, folder: Path) -> ModuleType:
    file = folder / f"{name.replace('.', '_')}.py"
    file.write_text("from PySide6.QtCore import QObject\n", encoding="utf-8")
    module = ModuleType(name)
    module.__file__ = str(file)
    return module


def test_only_the_qt_layer_is_read(tmp_path: Path) -> None:
    from shibokensupport import feature

    assert feature._mod_uses_pyside(_module("ui.example", tmp_path)) is True
    assert feature._mod_uses_pyside(_module("bzdesk.example", tmp_path)) is False
    assert feature._mod_uses_pyside(_module("sqlalchemy.example", tmp_path)) is False


def test_the_import_hook_uses_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import linecache

    from shibokensupport import feature

    (tmp_path / "bz_probe_module.py").write_text("import PySide6\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "bz_probe_module", raising=False)
    __import__("bz_probe_module")
    assert feature.pyside_feature_dict["bz_probe_module"] == -1  # unread: "ignore"
    assert str(tmp_path / "bz_probe_module.py") not in linecache.cache
