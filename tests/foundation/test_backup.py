"""Backups: consistent copies written atomically, rotated, and restored only from
real bzdesk backups (with a safety copy of what gets replaced)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bzdesk import backup
from bzdesk.backup import (
    KEEP,
    backup_database,
    check_is_backup,
    list_backups,
    newest_backup,
    restore_database,
)
from bzdesk.db import Database, open_database
from bzdesk.errors import ValidationError
from bzdesk.models import User
from bzdesk.paths import DataPaths
from bzdesk.roles import Actor, Role
from bzdesk.services import auth


def _usernames(path: Path) -> set[str]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {r[0] for r in con.execute("SELECT username FROM app_user")}
    finally:
        con.close()


def _add_user(db: Database, admin: Actor, name: str) -> None:
    with db.write() as s:
        auth.create_user(s, admin, name, "新同事", Role.CLERK, "pass-word-99")


def test_backup_is_a_consistent_sqlite_copy(db: Database, admin: Actor) -> None:
    _add_user(db, admin, "committed")
    with db.write() as s:
        # An open write transaction with an uncommitted row: the backup must
        # contain what is committed and nothing of what is not.
        auth.create_user(s, admin, "uncommitted", "未提交", Role.CLERK, "pass-word-99")
        s.flush()
        target = backup_database(db.paths, reason="while writing")
        s.rollback()
    assert target.parent == db.paths.backups
    assert target.name.startswith("bzdesk-") and target.name.endswith("-while_writing.sqlite3")
    con = sqlite3.connect(f"file:{target}?mode=ro", uri=True)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        # a self-contained file: no -wal beside it is needed to read it
        assert con.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    finally:
        con.close()
    assert not Path(f"{target}-wal").exists()
    names = _usernames(target)
    assert "committed" in names and "uncommitted" not in names
    check_is_backup(target)  # it is a backup by our own definition


def test_backup_is_written_as_part_then_renamed(
    data_paths: DataPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    renames: list[tuple[Path, Path]] = []
    real_replace = os.replace

    def spy(src: os.PathLike[str], dst: os.PathLike[str]) -> None:
        src, dst = Path(src), Path(dst)
        assert src.is_file() and not dst.exists()  # complete before it gets its name
        renames.append((src, dst))
        real_replace(src, dst)

    monkeypatch.setattr(backup.os, "replace", spy)
    target = backup_database(data_paths, reason="manual")
    assert renames == [(target.with_name(target.name + ".part"), target)]
    assert not list(data_paths.backups.glob("*.part"))


def test_failed_backup_leaves_no_backup(
    data_paths: DataPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(_path: Path) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backup, "_fsync_file", fail)
    with pytest.raises(OSError, match="No space"):
        backup_database(data_paths, reason="doomed")
    assert list_backups(data_paths) == []  # a half-written .part never counts
    assert newest_backup(data_paths) is None


def test_backup_to_explicit_file(data_paths: DataPaths, tmp_path: Path) -> None:
    out = tmp_path / "usb" / "copy.sqlite3"
    out.parent.mkdir()
    assert backup_database(data_paths, out=out) == out
    check_is_backup(out)
    assert list_backups(data_paths) == []  # not in backups/, not rotated


def test_rotation_keeps_the_newest_ten(data_paths: DataPaths) -> None:
    made = [backup_database(data_paths, reason=f"n{i}") for i in range(KEEP + 3)]
    kept = list_backups(data_paths)
    assert KEEP == 10
    assert kept == made[-KEEP:]
    assert all(not p.exists() for p in made[:3])
    assert newest_backup(data_paths) == made[-1]


def test_rotation_leaves_other_files_alone(data_paths: DataPaths) -> None:
    mine = data_paths.backups / "keep-me.sqlite3"
    mine.write_bytes(b"clerk's own file")
    for i in range(KEEP + 1):
        backup_database(data_paths, reason=f"n{i}")
    assert mine.read_bytes() == b"clerk's own file"
    assert len(list_backups(data_paths)) == KEEP


# -- restore ------------------------------------------------------------------------


def _refusal(file: Path) -> ValidationError:
    with pytest.raises(ValidationError) as info:
        check_is_backup(file)
    problems = info.value.problems
    assert [p.kind for p in problems] == ["not_a_backup"]
    return info.value


def test_text_file_is_not_a_backup(tmp_path: Path) -> None:
    text = tmp_path / "notes.sqlite3"
    text.write_text("这不是数据库\n" * 100, encoding="utf-8")
    assert "不是编制桌面的备份文件" in _refusal(text).message


def test_foreign_sqlite_database_is_not_a_backup(tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite3"
    con = sqlite3.connect(other)
    try:
        with con:
            con.execute("CREATE TABLE people (name TEXT)")
            con.execute("INSERT INTO people VALUES ('张三')")
    finally:
        con.close()
    assert "不是编制桌面的备份文件" in _refusal(other).message


def test_missing_file_is_not_a_backup(tmp_path: Path) -> None:
    assert "找不到文件" in _refusal(tmp_path / "nowhere.sqlite3").message


def test_uninitialised_bzdesk_database_is_not_a_backup(tmp_path: Path) -> None:
    paths = DataPaths(tmp_path / "empty")
    open_database(paths).close()  # schema but no site
    _refusal(paths.database)


def test_restore_refuses_a_non_backup_and_changes_nothing(
    data_paths: DataPaths, tmp_path: Path
) -> None:
    text = tmp_path / "x.sqlite3"
    text.write_text("hello", encoding="utf-8")
    before = data_paths.database.read_bytes()
    with pytest.raises(ValidationError):
        restore_database(data_paths, text)
    assert data_paths.database.read_bytes() == before
    assert list_backups(data_paths) == []


def test_restore_replaces_the_data_and_keeps_a_safety_backup(
    db: Database, admin: Actor
) -> None:
    saved = backup_database(db.paths, reason="before-change")
    _add_user(db, admin, "later")
    db.close()  # the caller closes every connection before a restore

    safety = restore_database(db.paths, saved)

    assert safety is not None and safety.exists() and "before-restore" in safety.name
    assert "later" in _usernames(safety)  # what was replaced is kept
    reopened = open_database(db.paths)
    try:
        with reopened.read() as s:
            names = set(s.scalars(select(User.username)))
            assert "later" not in names and "admin" in names
            assert s.scalar(select(func.count()).select_from(User)) == len(names)
        assert reopened.initialised
    finally:
        reopened.close()
    assert not Path(f"{db.paths.database}.restore.part").exists()


def test_restore_over_a_damaged_database_keeps_the_damaged_file(data_paths: DataPaths) -> None:
    from bzdesk.backup import backup_database, restore_database

    good = backup_database(data_paths, reason="good")
    data_paths.database.write_bytes(b"this is not a database at all" * 100)
    for suffix in ("-wal", "-shm"):
        Path(str(data_paths.database) + suffix).unlink(missing_ok=True)
    kept = restore_database(data_paths, good)
    assert kept is not None and kept.read_bytes().startswith(b"this is not a database")
    assert not list(data_paths.backups.glob("*.part"))
    con = sqlite3.connect(data_paths.database)
    try:
        assert con.execute("SELECT count(*) FROM local_site").fetchone()[0] == 1
    finally:
        con.close()
