from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from qt_helpers import ADMIN_PASSWORD

from bzdesk.paths import DataPaths
from ui.pages import PAGES
from ui.selftest import run_selftest


def test_selftest_visits_every_page_and_saves_screenshots(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shots = tmp_path / "shots"
    # BZDESK_DATA_DIR points at an empty dir: a throwaway demo office is made
    assert run_selftest(None, shots, startup=False) == 0
    names = sorted(p.name for p in shots.iterdir())
    assert names == [f"{n:02d}-{spec.key}.png" for n, spec in enumerate(PAGES, start=1)]
    image = QImage(str(shots / "01-home.png"))
    assert (image.width(), image.height()) == (1366, 768)
    assert "自检通过" in capsys.readouterr().err


def test_startup_reports_its_times(data_paths: DataPaths, monkeypatch: pytest.MonkeyPatch,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("BZDESK_USER", "admin")
    monkeypatch.setenv("BZDESK_PASSWORD", ADMIN_PASSWORD)
    assert run_selftest(str(data_paths.root), None, startup=True) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("ready in ") and out[0].endswith(" ms")
    assert out[1].startswith("login ") and out[2].startswith("data load ")


def test_selftest_needs_the_credentials_of_an_initialised_dir(
        data_paths: DataPaths, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_selftest(str(data_paths.root), None, startup=True) == 2
    assert "BZDESK_USER" in capsys.readouterr().err


def test_selftest_refuses_a_wrong_password(data_paths: DataPaths,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BZDESK_USER", "admin")
    monkeypatch.setenv("BZDESK_PASSWORD", "wrong-pass-1")
    assert run_selftest(str(data_paths.root), None, startup=True) == 4
