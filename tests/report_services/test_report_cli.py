"""``python main.py report KIND --out FILE``: two kinds end to end in a subprocess (no
terminal, credentials from the environment), the rest in-process through ``main.main``."""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from report_helpers import pdf

import main as entry

ROOT = Path(__file__).resolve().parents[2]
ENV = {"BZDESK_USER": "admin", "BZDESK_PASSWORD": "admin-pass-1"}


@pytest.fixture
def office(demo_dir: Path, tmp_path: Path) -> Path:
    root = tmp_path / "office"
    shutil.copytree(demo_dir, root)
    return root


def _cli(office: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **ENV}
    env.pop("BZDESK_DATA_DIR", None)
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir", str(office),
                           "report", *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=120)


@pytest.fixture
def in_process(office: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    for key, value in ENV.items():
        monkeypatch.setenv(key, value)
    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    yield ["--data-dir", str(office), "report"]
    for handler in root.handlers[:]:
        if handler not in before:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


def test_roster_and_visits_end_to_end(office: Path, tmp_path: Path) -> None:
    roster = tmp_path / "花名册.pdf"
    done = _cli(office, "roster", "--out", str(roster), "--as-of", "2025-12-31")
    assert done.returncode == 0, done.stderr
    assert f"已生成实名制人员花名册：{roster}" in done.stdout and "页" in done.stdout
    text = pdf.squeezed(pdf.text(roster))
    assert "统计日期：2025年12月31日" in text and "南昌县委机构编制委员会办公室" in text
    assert all(f.embedded for f in pdf.fonts(roster))
    visits = tmp_path / "visits.pdf"
    done = _cli(office, "visits", "--out", str(visits), "--year", "2026")
    assert done.returncode == 0, done.stderr
    assert "2026年" in pdf.squeezed(pdf.text(visits, 3))
    assert "Traceback" not in done.stderr


def test_a_refusal_in_a_subprocess(office: Path, tmp_path: Path) -> None:
    missing = _cli(office, "staffing", "--out", str(tmp_path / "no" / "s.pdf"))
    assert (missing.returncode, missing.stdout) == (3, "")
    assert "不存在，请选择已有的文件夹" in missing.stderr
    assert "Traceback" not in missing.stderr


def test_refusals_have_their_exit_codes(in_process: list[str], tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str],
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    out = str(tmp_path / "r.pdf")
    assert entry.main([*in_process, "roster", "--out", out, "--as-of", "2025-02-30"]) == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err
    monkeypatch.setenv("BZDESK_PASSWORD", "wrong-pass-1")
    assert entry.main([*in_process, "roster", "--out", out]) == 4
    assert "密码" in capsys.readouterr().err
    assert not Path(out).exists()


@pytest.mark.parametrize(("kind", "heading"), [("staffing", "编制类型汇总表"),
                                               ("party", "党组织活动台账")])
def test_in_process(in_process: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str],
                    kind: str, heading: str) -> None:
    out = tmp_path / f"{kind}.pdf"
    assert entry.main([*in_process, kind, "--out", str(out)]) == 0
    assert heading in pdf.squeezed(pdf.text(out))
    assert f"（{pdf.pages(out)} 页，" in capsys.readouterr().out


def test_a_workbook_by_its_name(in_process: list[str], tmp_path: Path,
                                capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "party.xlsx"
    assert entry.main([*in_process, "party", "--out", str(out), "--year", "2026"]) == 0
    assert out.read_bytes()[:2] == b"PK"
    assert "已导出机关党建工作台账" in capsys.readouterr().out


def test_a_year_out_of_range_is_a_usage_error(in_process: list[str], tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    assert entry.main([*in_process, "party", "--out", str(tmp_path / "p.pdf"),
                       "--year", "20266"]) == 2
    assert "年度 20266 不对" in capsys.readouterr().err
