"""Backups of the database: taken with SQLite's online backup API, written as
``.part`` and renamed, rotated (the newest ten are kept), and restored only
from files that really are bzdesk backups."""

from __future__ import annotations

import os
import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bzdesk.errors import ValidationError
from bzdesk.paths import DataPaths

KEEP = 10
PREFIX = "bzdesk-"
SUFFIX = ".sqlite3"


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def backup_database(paths: DataPaths, reason: str = "manual", out: Path | None = None) -> Path:
    """Copy the live database consistently; returns the backup's path."""
    paths.ensure()
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    target = out or paths.backups / f"{PREFIX}{stamp}-{_slug(reason)}{SUFFIX}"
    part = target.with_name(target.name + ".part")
    src = sqlite3.connect(paths.database)
    try:
        dst = sqlite3.connect(part)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    finally:
        src.close()
    _fsync_file(part)
    os.replace(part, target)
    if out is None:
        rotate(paths)
    return target


def _slug(text: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in text)[:40]


def list_backups(paths: DataPaths) -> list[Path]:
    if not paths.backups.exists():
        return []
    return sorted(p for p in paths.backups.glob(f"{PREFIX}*{SUFFIX}") if p.is_file())


def newest_backup(paths: DataPaths) -> Path | None:
    found = list_backups(paths)
    return found[-1] if found else None


def recent_backup_exists(paths: DataPaths, within: timedelta = timedelta(hours=1)) -> bool:
    latest = newest_backup(paths)
    if latest is None:
        return False
    age = datetime.now(UTC).timestamp() - latest.stat().st_mtime
    return age < within.total_seconds()


def rotate(paths: DataPaths, keep: int = KEEP) -> None:
    for old in list_backups(paths)[:-keep]:
        old.unlink(missing_ok=True)


def check_is_backup(file: Path) -> None:
    """Refuse anything that is not a bzdesk database (exit 3 in the CLI)."""
    reason = None
    if not file.is_file():
        reason = f"找不到文件 {file}。"
    else:
        try:
            con = sqlite3.connect(f"file:{file}?mode=ro", uri=True)
            try:
                tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master")}
                site = (
                    con.execute("SELECT count(*) FROM local_site").fetchone()[0]
                    if "local_site" in tables else 0
                )
            finally:
                con.close()
            if not {"alembic_version", "local_site", "audit_entry"} <= tables or site != 1:
                reason = f"{file.name} 不是编制桌面的备份文件。"
        except sqlite3.DatabaseError:
            reason = f"{file.name} 不是编制桌面的备份文件（无法作为数据库读取）。"
    if reason:
        raise ValidationError.single("备份文件", str(file), reason, "not_a_backup")


def restore_database(paths: DataPaths, file: Path) -> Path | None:
    """Replace the database by ``file`` after backing up the current one.

    Returns the safety backup of the replaced database (None if there was none).
    The caller must have closed every connection to the database.
    """
    check_is_backup(file)
    safety = None
    if paths.database.exists():
        try:
            safety = backup_database(paths, reason="before-restore")
        except sqlite3.DatabaseError:
            # A damaged file cannot be copied through SQLite: keep it aside as it is.
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
            safety = paths.backups / f"damaged-{stamp}-{paths.database.name}"
            paths.backups.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(paths.database, safety)
    part = paths.database.with_name(paths.database.name + ".restore.part")
    shutil.copyfile(file, part)
    _fsync_file(part)
    for suffix in ("-wal", "-shm"):
        Path(str(paths.database) + suffix).unlink(missing_ok=True)
    os.replace(part, paths.database)
    return safety
