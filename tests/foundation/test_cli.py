"""The command line, end to end: ``python main.py …`` in a subprocess, as scripts
and clerks run it (no terminal, secrets from the environment, exit codes as
DESIGN.md promises). The check-digit vectors also run in-process through
``main.main`` to keep the suite fast."""

from __future__ import annotations

import json
import logging
import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import main as entry
from bzdesk.backup import list_backups
from bzdesk.db import open_database
from bzdesk.paths import DataPaths
from bzdesk.roles import Role
from bzdesk.services import auth

Cli = Callable[..., subprocess.CompletedProcess[str]]
Hash = Callable[[Path], str]

COMMANDS = ["init", "demo", "backup", "restore", "audit", "check", "selftest"]


def _no_traceback(*outputs: str) -> None:
    for text in outputs:
        assert "Traceback" not in text, text


def _login_env(creds: type, password: str | None = None) -> dict[str, str]:
    return {"BZDESK_USER": "admin", "BZDESK_PASSWORD": password or creds.admin_password}


def _usernames(db_file: Path) -> set[str]:
    con = sqlite3.connect(f"file:{db_file}?mode=ro", uri=True)
    try:
        return {r[0] for r in con.execute("SELECT username FROM app_user")}
    finally:
        con.close()


# -- help, usage, check ---------------------------------------------------------------


def test_help_lists_the_commands(cli: Cli, tmp_path: Path) -> None:
    done = cli("--data-dir", str(tmp_path / "d"), "--help")
    assert done.returncode == 0
    for command in COMMANDS:
        assert command in done.stdout
    assert "BZDESK_PASSWORD" in done.stdout and "BZDESK_DATA_DIR" in done.stdout
    _no_traceback(done.stdout, done.stderr)


def test_usage_names_the_program_as_started(monkeypatch: pytest.MonkeyPatch) -> None:
    from bzdesk.cli.parser import build_parser

    assert build_parser().format_usage().startswith("usage: python main.py")
    monkeypatch.setattr("sys.frozen", True, raising=False)  # what PyInstaller sets
    assert build_parser().format_usage().startswith("usage: bzdesk ")


@pytest.mark.parametrize(
    "args",
    [
        ["frobnicate"],                    # unknown command
        ["check", "passport", "123"],      # unknown kind
        ["check", "id"],                   # missing value
        ["audit"],                         # missing sub-command
        ["init", "--office-code", "360121"],  # missing required options
    ],
)
def test_usage_errors_exit_2(cli: Cli, tmp_path: Path, args: list[str]) -> None:
    done = cli("--data-dir", str(tmp_path / "d"), *args)
    assert done.returncode == 2
    assert "usage:" in done.stderr
    assert done.stdout == ""
    _no_traceback(done.stdout, done.stderr)
    assert not (tmp_path / "d" / "bzdesk.sqlite3").exists()  # nothing done


def test_check_id_normalises(cli: Cli, tmp_path: Path) -> None:
    done = cli("--data-dir", str(tmp_path / "d"), "check", "id", "11010519491231002x")
    assert (done.returncode, done.stdout) == (0, "11010519491231002X\n")


def test_check_rejects_with_reason(cli: Cli, tmp_path: Path) -> None:
    bad = cli("--data-dir", str(tmp_path / "d"), "check", "uscc", "91350100M000100Y4Z")
    empty = cli("--data-dir", str(tmp_path / "d"), "check", "id", "")
    for done in (bad, empty):
        assert done.returncode == 3
        assert done.stdout == ""
        assert done.stderr.strip() and len(done.stderr.strip().splitlines()) == 1
        _no_traceback(done.stderr)


@pytest.fixture
def in_process(tmp_path: Path) -> Iterator[list[str]]:
    """Arguments for ``main.main`` with a data dir; closes the log handlers it adds."""
    root = logging.getLogger()
    before = list(root.handlers)
    level = root.level
    yield ["--data-dir", str(tmp_path / "d")]
    for handler in root.handlers[:]:
        if handler not in before:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


@pytest.mark.parametrize(
    ("kind", "value", "code", "out"),
    [
        ("id", "11010519491231002X", 0, "11010519491231002X"),
        ("id", "440524188001010014", 0, "440524188001010014"),
        ("id", "34052419800101001X", 0, "34052419800101001X"),
        ("id", " 34052419800101001x ", 0, "34052419800101001X"),
        ("id", "１１０１０５１９４９１２３１００２Ｘ", 0, "11010519491231002X"),  # full width
        ("id", "110105491231002", 0, "11010519491231002X"),  # 15 digits upgraded
        ("id", "110105194912310021", 3, ""),  # check digit
        ("id", "11010519491331002X", 3, ""),  # month 13
        ("id", "", 3, ""),
        ("uscc", "91350100M000100Y43", 0, "91350100M000100Y43"),
        ("uscc", "112302070019030687", 0, "112302070019030687"),
        ("uscc", "91110108551385082Q", 0, "91110108551385082Q"),
        ("uscc", "91110108551385082q", 0, "91110108551385082Q"),
        ("uscc", "91350100M000100Y4Z", 3, ""),
        ("uscc", "91310115MA1H8R7C6D", 3, ""),
        ("uscc", "", 3, ""),
    ],
)
def test_check_vectors(in_process: list[str], capsys: pytest.CaptureFixture[str], kind: str,
                       value: str, code: int, out: str) -> None:
    assert entry.main([*in_process, "check", kind, value]) == code
    captured = capsys.readouterr()
    assert captured.out.strip() == out
    if code:
        assert captured.err.strip()  # the reason


# -- init ---------------------------------------------------------------------------


def test_init_lifecycle(cli: Cli, tmp_path: Path, creds: type, file_hash: Hash) -> None:
    data = tmp_path / "office"
    args = ("--data-dir", str(data), "init", "--office-code", "360121",
            "--office-name", "南昌县委编办", "--level", "county")

    # No terminal and no password: exit 2 with a sentence naming the variable.
    done = cli(*args)
    assert done.returncode == 2
    assert "BZDESK_PASSWORD" in done.stderr
    _no_traceback(done.stdout, done.stderr)
    done = cli(*args, env={"BZDESK_PASSWORD": creds.admin_password})
    assert done.returncode == 2
    assert "BZDESK_KEY_PASSPHRASE" in done.stderr
    assert not (data / "keys" / "identity.age").exists()

    secrets = {"BZDESK_PASSWORD": creds.admin_password,
               "BZDESK_KEY_PASSPHRASE": creds.passphrase}
    done = cli(*args, env=secrets)
    assert done.returncode == 0, done.stderr
    assert "南昌县委编办" in done.stdout
    for name in ("identity.age", "signing.age", "public.json"):
        assert (data / "keys" / name).is_file()
    assert _usernames(data / "bzdesk.sqlite3") == {"admin"}

    # Already initialised: exit 3, nothing changed.
    watched = [data / "bzdesk.sqlite3", *sorted((data / "keys").iterdir())]
    before = {p: file_hash(p) for p in watched}
    done = cli(*args[:3], "--office-code", "360122", "--office-name", "别的县",
               "--level", "county", env=secrets)
    assert done.returncode == 3
    assert "已经初始化" in done.stderr
    _no_traceback(done.stdout, done.stderr)
    assert {p: file_hash(p) for p in watched} == before
    assert sorted((data / "keys").iterdir()) == watched[1:]


# -- audit verify -----------------------------------------------------------------------


def test_audit_verify_json_and_tampering(cli: Cli, data_paths: DataPaths, creds: type,
                                         tmp_path: Path) -> None:
    # --data-dir wins over BZDESK_DATA_DIR (which points at an empty directory here)
    env = {**_login_env(creds), "BZDESK_DATA_DIR": str(tmp_path / "elsewhere")}
    done = cli("--data-dir", str(data_paths.root), "audit", "verify", "--json", env=env)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == 1
    report = json.loads(lines[0])
    assert set(report) == {"ok", "entries", "first_bad"}
    assert report["ok"] is True and report["first_bad"] is None and report["entries"] >= 5
    assert not (tmp_path / "elsewhere" / "bzdesk.sqlite3").exists()

    con = sqlite3.connect(data_paths.database)
    try:
        with con:
            seq, entry_id = con.execute(
                "SELECT seq, id FROM audit_entry ORDER BY seq LIMIT 1 OFFSET 2").fetchone()
            con.execute("UPDATE audit_entry SET actor = 'someone-else' WHERE seq = ?", (seq,))
    finally:
        con.close()

    done = cli("--data-dir", str(data_paths.root), "audit", "verify", "--json", env=env)
    assert done.returncode == 3
    report = json.loads(done.stdout)
    assert report["ok"] is False
    assert report["first_bad"]["seq"] == seq and report["first_bad"]["id"] == entry_id
    assert report["first_bad"]["reason"]

    done = cli("--data-dir", str(data_paths.root), "audit", "verify", env=env)
    assert done.returncode == 3
    assert f"seq={seq}" in done.stdout and entry_id in done.stdout
    _no_traceback(done.stdout, done.stderr)


def test_wrong_password_exits_4(cli: Cli, data_paths: DataPaths, creds: type) -> None:
    done = cli("--data-dir", str(data_paths.root), "audit", "verify",
               env=_login_env(creds, password="wrong-pass-9"))
    assert done.returncode == 4
    assert "密码不正确" in done.stderr
    assert done.stdout == ""
    _no_traceback(done.stderr)


def test_uninitialised_dir_is_refused(cli: Cli, tmp_path: Path, creds: type) -> None:
    done = cli("--data-dir", str(tmp_path / "empty"), "backup", env=_login_env(creds))
    assert done.returncode == 3
    assert "init" in done.stderr
    _no_traceback(done.stderr)


# -- backup and restore --------------------------------------------------------------------


def test_backup_restore_round_trip(cli: Cli, data_paths: DataPaths, creds: type,
                                   tmp_path: Path, file_hash: Hash) -> None:
    env = _login_env(creds)
    saved = tmp_path / "usb" / "saved.sqlite3"
    saved.parent.mkdir()
    done = cli("--data-dir", str(data_paths.root), "backup", "--out", str(saved), env=env)
    assert done.returncode == 0, done.stderr
    assert saved.is_file() and str(saved) in done.stdout

    db = open_database(data_paths)  # a change after the backup
    try:
        with db.write() as s:
            admin = auth.login(s, "admin", creds.admin_password)
            auth.create_user(s, admin, "after-backup", "后来的人", Role.CLERK, "pass-word-77")
    finally:
        db.close()
    assert "after-backup" in _usernames(data_paths.database)

    junk = tmp_path / "junk.sqlite3"
    junk.write_text("not a backup", encoding="utf-8")
    before = file_hash(data_paths.database)
    done = cli("--data-dir", str(data_paths.root), "restore", str(junk), env=env)
    assert done.returncode == 3
    assert "不是编制桌面的备份文件" in done.stderr
    assert file_hash(data_paths.database) == before
    _no_traceback(done.stdout, done.stderr)

    done = cli("--data-dir", str(data_paths.root), "restore", str(saved), env=env)
    assert done.returncode == 0, done.stderr
    names = _usernames(data_paths.database)
    assert "after-backup" not in names and "admin" in names
    safety = [p for p in list_backups(data_paths) if "before-restore" in p.name]
    assert len(safety) == 1
    assert "after-backup" in _usernames(safety[0])

    # the restored database is whole: its audit chain still verifies
    done = cli("--data-dir", str(data_paths.root), "audit", "verify", "--json", env=env)
    assert done.returncode == 0 and json.loads(done.stdout)["ok"] is True


# -- unexpected errors ------------------------------------------------------------------------


def test_database_that_is_a_directory_is_one_clear_line(cli: Cli, tmp_path: Path,
                                                        creds: type) -> None:
    data = tmp_path / "odd"
    (data / "bzdesk.sqlite3").mkdir(parents=True)  # the database is a directory
    done = cli("--data-dir", str(data), "audit", "verify", env=_login_env(creds))
    assert done.returncode == 1
    assert done.stdout == ""
    assert "无法打开数据库文件" in done.stderr and "不是一个文件" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    _no_traceback(done.stderr)


def test_unexpected_error_is_one_line_and_logged(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    import argparse

    from bzdesk.cli.app import run

    def broken(_args: argparse.Namespace) -> int:
        raise RuntimeError("boom")

    code = run(argparse.Namespace(data_dir=str(tmp_path / "d"), handler=broken))
    err = capsys.readouterr().err
    assert code == 1
    assert len(err.strip().splitlines()) == 1 and "出错了" in err
    _no_traceback(err)
    log = (tmp_path / "d" / "logs" / "bzdesk.log").read_text(encoding="utf-8")
    assert "Traceback" in log and "boom" in log  # the details went to logs/


def test_unusable_data_dir_is_one_clear_line(cli: Cli, tmp_path: Path, creds: type) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    done = cli("--data-dir", str(blocker / "sub"), "audit", "verify", env=_login_env(creds))
    assert done.returncode == 1
    assert "无法写入" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    _no_traceback(done.stderr)
