"""``python main.py import|export …`` as scripts use it (in-process, through main.main)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from excel_fixtures import write_encrypted_workbook
from io_helpers import County, counts, people, roster_file
from staffing_helpers import last_audit

import main as entry
from bzdesk.db import Database
from bzdesk.paths import DataPaths

Run = tuple[int, str, str]


@pytest.fixture
def cli(data_paths: DataPaths, db: Database, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> object:
    monkeypatch.setenv("BZDESK_USER", "clerk")
    monkeypatch.setenv("BZDESK_PASSWORD", "user-pass-123")

    def run(*args: str, user: str = "clerk") -> Run:
        monkeypatch.setenv("BZDESK_USER", user)
        code = entry.main(["--data-dir", str(data_paths.root), *args])
        out, err = capsys.readouterr()
        assert "Traceback" not in out + err
        return code, out, err

    return run


def test_import_json_has_the_contract_shape(cli: object, county: County, db: Database,
                                            tmp_path: Path) -> None:
    path = roster_file(tmp_path / "r.xlsx", people(3))
    code, out, _ = cli("import", "roster", str(path), "--json")  # type: ignore[operator]
    assert code == 0
    assert json.loads(out) == {"ok": True, "file": str(path.resolve()), "sheet": "Sheet1",
                               "rows_read": 3, "written": 3, "errors": [], "added": 3,
                               "updated": 0, "unchanged": 0, "dry_run": False}
    code, out, _ = cli("import", "roster", str(path), "--json")  # type: ignore[operator]
    assert (code, json.loads(out)["unchanged"], json.loads(out)["written"]) == (0, 3, 0)


def test_a_bad_file_is_exit_3_with_every_error_and_a_workbook(cli: object, county: County,
                                                              db: Database,
                                                              tmp_path: Path) -> None:
    rows = people(3)
    rows[1][2] = 360121198001010016.0
    rows[2][8] = "县水利局"
    path = roster_file(tmp_path / "bad.xlsx", rows)
    before = counts(db)
    code, out, err = cli("import", "roster", str(path), "--json")  # type: ignore[operator]
    assert code == 3
    result = json.loads(out)
    assert (result["ok"], result["written"], result["rows_read"]) == (False, 0, 3)
    assert [(e["row"], e["column"], e["kind"]) for e in result["errors"]] == [
        (4, "身份证号码", "numeric_id"), (5, "工作单位", "unknown_unit")]
    assert set(result["errors"][0]) == {"row", "column", "value", "reason", "kind"}
    assert result["errors"][0]["value"] == "360121198001010000"
    workbook = tmp_path / "bad-错误.xlsx"
    assert result["error_workbook"] == str(workbook) and workbook.exists()
    assert str(workbook) in err
    assert counts(db)[:3] == before[:3]
    code, out, err = cli("import", "roster", str(path))  # type: ignore[operator]
    assert code == 3 and out == ""
    assert "第 5 行【工作单位】“县水利局”：找不到名为“县水利局”的机构" in err


def test_dry_run_writes_nothing(cli: object, county: County, db: Database,
                                tmp_path: Path) -> None:
    before = counts(db)
    path = roster_file(tmp_path / "r.xlsx", people(2))
    code, out, _ = cli("import", "roster", str(path), "--dry-run",  # type: ignore[operator]
                       "--json")
    result = json.loads(out)
    assert (code, result["added"], result["written"], result["dry_run"]) == (0, 2, 0, True)
    assert counts(db)[:3] == before[:3]  # the audit log has the login, nothing else
    assert last_audit(db).op != "导入花名册"
    code, out, _ = cli("import", "roster", str(path), "--dry-run")  # type: ignore[operator]
    assert code == 0 and "试导入" in out


@pytest.mark.parametrize(("content", "kind", "words"), [
    (b"", "empty_file", "空的"),
    (b"%PDF-1.4 not a table", "not_a_workbook", "PDF"),
    (b"<html><table><tr><td>1</td></tr></table></html>", "unreadable_format", "另存为"),
])
def test_unreadable_files_are_exit_3_with_what_to_do(cli: object, db: Database,
                                                     tmp_path: Path, content: bytes,
                                                     kind: str, words: str) -> None:
    path = tmp_path / "名单.xls"
    path.write_bytes(content)
    code, out, err = cli("import", "roster", str(path), "--json")  # type: ignore[operator]
    assert code == 3
    (error,) = json.loads(out)["errors"]
    assert (error["kind"], error["row"], error["value"]) == (kind, None, "名单.xls")
    assert words in error["reason"] and words in err
    code, _, err = cli("import", "roster", str(path))  # type: ignore[operator]
    assert code == 3 and err.count(error["reason"]) == 1  # said once, not twice


def test_protected_and_oversized_files_are_refused(cli: object, db: Database,
                                                   tmp_path: Path) -> None:
    locked = write_encrypted_workbook(tmp_path / "locked.xlsx")
    code, out, _ = cli("import", "units", str(locked), "--json")  # type: ignore[operator]
    assert code == 3 and json.loads(out)["errors"][0]["kind"] == "encrypted"
    big = tmp_path / "big.xlsx"
    with big.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024 + 1)  # sparse: 50 MB on paper, nothing on disk
    code, out, _ = cli("import", "roster", str(big), "--json")  # type: ignore[operator]
    assert code == 3 and json.loads(out)["errors"][0]["kind"] == "too_big"


def test_a_viewer_may_not_import_but_exports_masked(cli: object, county: County, db: Database,
                                                    tmp_path: Path) -> None:
    path = roster_file(tmp_path / "r.xlsx", people(1))
    code, _, err = cli("import", "roster", str(path), user="viewer")  # type: ignore[operator]
    assert code == 4 and "权限" in err
    cli("import", "roster", str(path))  # type: ignore[operator]
    out_file = tmp_path / "masked.xlsx"
    code, out, _ = cli("export", "roster", "--out", str(out_file),  # type: ignore[operator]
                       user="viewer")
    assert code == 0 and "不能用于重新导入" in out
    code, out, _ = cli("import", "roster", str(out_file), "--json")  # type: ignore[operator]
    assert code == 3 and json.loads(out)["errors"][0]["kind"] == "masked_id"


def test_export_commands(cli: object, county: County, db: Database, tmp_path: Path) -> None:
    cli("import", "roster", str(roster_file(tmp_path / "r.xlsx", people(2))))  # type: ignore[operator]
    code, out, _ = cli("export", "roster", "--out",  # type: ignore[operator]
                       str(tmp_path / "o.csv"), "--encoding", "gbk")
    assert code == 0 and "2 行" in out
    assert (tmp_path / "o.csv").read_bytes().decode("gbk").startswith("序号,姓名")
    code, out, _ = cli("export", "units", "--out", str(tmp_path / "u.xlsx"))  # type: ignore[operator]
    assert code == 0 and (tmp_path / "u.xlsx").exists()
    code, _, err = cli("export", "roster", "--out",  # type: ignore[operator]
                       str(tmp_path / "o.xlsx"), "--encoding", "gbk")
    assert code == 2 and "--encoding" in err
    code, _, err = cli("export", "roster", "--out", str(tmp_path / "o.txt"))  # type: ignore[operator]
    assert code == 3 and ".xlsx 或 .csv" in err
