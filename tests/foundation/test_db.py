"""The database: pragmas, where the data dir is, and every way opening can go wrong."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
from pathlib import Path

import platformdirs
import pytest
from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import func, select, text

from bzdesk.backup import backup_database, list_backups
from bzdesk.db import (
    Database,
    _alembic_config,
    known_revisions,
    make_engine,
    open_database,
    schema_head,
    stored_revision,
)
from bzdesk.errors import DatabaseCorrupt, DatabaseTooNew, DataDirUnusable
from bzdesk.models import LocalSite, User
from bzdesk.paths import DB_NAME, ENV_DATA_DIR, DataPaths, resolve_data_dir


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _alembic_head() -> str:
    heads = ScriptDirectory.from_config(_alembic_config(None)).get_heads()
    assert len(heads) == 1, heads
    return heads[0]


# -- pragmas ------------------------------------------------------------------


def test_every_connection_has_the_pragmas(db: Database) -> None:
    with db.engine.connect() as conn:
        got = {
            name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()
            for name in ("journal_mode", "foreign_keys", "synchronous", "busy_timeout")
        }
    assert got == {"journal_mode": "wal", "foreign_keys": 1, "synchronous": 2,
                   "busy_timeout": 10000}


def test_pragmas_hold_in_write_and_read_sessions(db: Database) -> None:
    with db.write() as s:
        assert s.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert s.execute(text("PRAGMA synchronous")).scalar() == 2
    with db.read() as s:
        assert s.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert s.execute(text("PRAGMA busy_timeout")).scalar() == 10000


def test_foreign_keys_are_enforced(tmp_path: Path) -> None:
    engine = make_engine(DataPaths(tmp_path).ensure())
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql("CREATE TABLE parent (id INTEGER PRIMARY KEY)")
            conn.exec_driver_sql(
                "CREATE TABLE child (id INTEGER PRIMARY KEY, p INTEGER REFERENCES parent(id))")
        with pytest.raises(Exception, match="FOREIGN KEY"), engine.begin() as conn:
            conn.exec_driver_sql("INSERT INTO child VALUES (1, 42)")
        with engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM child").scalar() == 0
    finally:
        engine.dispose()


def test_write_session_takes_the_write_lock_at_begin(db: Database) -> None:
    """BEGIN IMMEDIATE: a second writer is refused at once, not at its first write."""
    with db.write() as s:
        s.execute(select(func.count()).select_from(User))  # starts the transaction
        other = sqlite3.connect(db.paths.database, timeout=0)
        try:
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
        finally:
            other.close()


# -- data dir -------------------------------------------------------------------


def test_explicit_dir_beats_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_DATA_DIR, str(tmp_path / "from-env"))
    assert resolve_data_dir(tmp_path / "explicit").root == tmp_path / "explicit"


def test_environment_beats_platform_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv(ENV_DATA_DIR, str(tmp_path / "from-env"))
    assert resolve_data_dir(None).root == tmp_path / "from-env"
    assert resolve_data_dir("").root == tmp_path / "from-env"


def test_platform_default_when_nothing_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(ENV_DATA_DIR)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    paths = resolve_data_dir(None)
    assert paths.root == Path(platformdirs.user_data_dir("bzdesk", appauthor=False))
    assert paths.root == tmp_path / "xdg" / "bzdesk"


def test_relative_dir_is_made_absolute(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv(ENV_DATA_DIR, "rel-env")
    assert resolve_data_dir("rel").root == tmp_path / "rel"
    assert resolve_data_dir(None).root == tmp_path / "rel-env"


def test_ensure_creates_the_layout(tmp_path: Path) -> None:
    paths = DataPaths(tmp_path / "new" / "data").ensure()
    for d in (paths.root, paths.attachments, paths.backups, paths.keys, paths.logs):
        assert d.is_dir()
    assert paths.database == paths.root / DB_NAME
    assert not (paths.root / ".write-test").exists()


def test_unwritable_data_dir_is_refused_in_chinese(tmp_path: Path) -> None:
    # The tests run as root, and root ignores directory permissions, so a
    # chmod 0o500 directory would still be writable. A path below a regular
    # FILE can never be created, whoever asks: mkdir fails with ENOTDIR.
    blocker = tmp_path / "file"
    blocker.write_text("not a directory", encoding="utf-8")
    with pytest.raises(DataDirUnusable) as info:
        DataPaths(blocker / "sub").ensure()
    assert "数据目录" in info.value.message and "无法写入" in info.value.message
    assert "--data-dir" in info.value.message
    assert blocker.read_text(encoding="utf-8") == "not a directory"


def test_open_database_on_unwritable_dir_is_refused(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_bytes(b"x")
    with pytest.raises(DataDirUnusable):
        open_database(DataPaths(blocker / "sub"))


# -- schema revision --------------------------------------------------------------


def test_schema_head_matches_alembic() -> None:
    head = _alembic_head()
    assert schema_head() == head
    assert head in known_revisions()


def test_new_file_is_created_at_head(tmp_path: Path) -> None:
    paths = DataPaths(tmp_path / "fresh")
    db = open_database(paths)
    try:
        assert paths.database.is_file()
        assert not db.initialised
        with db.read() as s:
            assert s.scalar(select(func.count()).select_from(LocalSite)) == 0
    finally:
        db.close()
    assert stored_revision(paths) == schema_head() == _alembic_head()
    assert list_backups(paths) == []  # nothing to back up for a brand new file


def _downgrade_one(paths: DataPaths) -> str | None:
    """Bring the file to the revision before head (None: no revision at all)."""
    head = ScriptDirectory.from_config(_alembic_config(None)).get_revision(schema_head())
    assert head is not None
    previous = head.down_revision
    assert previous is None or isinstance(previous, str)
    engine = make_engine(paths)
    try:
        with engine.begin() as conn:
            command.downgrade(_alembic_config(conn), previous or "base")
    finally:
        engine.dispose()
    assert stored_revision(paths) == previous
    return previous


def test_older_database_is_backed_up_before_upgrade(data_paths: DataPaths) -> None:
    """A file at the revision before head is backed up as it was, then upgraded."""
    previous = _downgrade_one(data_paths)
    before = list_backups(data_paths)

    db = open_database(data_paths)
    db.close()

    assert stored_revision(data_paths) == schema_head()
    new = sorted(set(list_backups(data_paths)) - set(before))
    assert len(new) == 1
    assert f"upgrade-from-{previous or 'none'}" in new[0].name
    con = sqlite3.connect(f"file:{new[0]}?mode=ro", uri=True)
    try:
        if previous is None:
            assert con.execute("SELECT count(*) FROM alembic_version").fetchone() == (0,)
        else:
            assert con.execute("SELECT version_num FROM alembic_version").fetchone() == (
                previous,)
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        con.close()


def test_database_from_newer_version_is_refused_untouched(data_paths: DataPaths) -> None:
    con = sqlite3.connect(data_paths.database)
    try:
        with con:
            con.execute("UPDATE alembic_version SET version_num = '9999'")
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        con.close()
    digest = _sha(data_paths.database)
    backups = list_backups(data_paths)

    with pytest.raises(DatabaseTooNew) as info:
        open_database(data_paths)

    assert "请升级" in info.value.message and "9999" in info.value.message
    assert _sha(data_paths.database) == digest
    assert list_backups(data_paths) == backups
    assert stored_revision(data_paths) == "9999"


# -- corruption -------------------------------------------------------------------


def _take_good_backup(paths: DataPaths) -> Path:
    good = backup_database(paths, reason="good")
    assert list_backups(paths)[-1] == good
    return good


def test_random_bytes_are_reported_as_corrupt_naming_the_backup(data_paths: DataPaths) -> None:
    good = _take_good_backup(data_paths)
    data_paths.database.write_bytes(os.urandom(64 * 1024))
    with pytest.raises(DatabaseCorrupt) as info:
        open_database(data_paths)
    assert "已损坏" in info.value.message
    assert good.name in info.value.message
    assert info.value.backup == str(good)


def test_corrupt_without_backups_says_so(tmp_path: Path) -> None:
    paths = DataPaths(tmp_path / "d").ensure()
    paths.database.write_bytes(b"SQLite format 3\x00" + os.urandom(8000))
    with pytest.raises(DatabaseCorrupt) as info:
        open_database(paths)
    assert "没有找到备份" in info.value.message
    assert info.value.backup is None


def _page_of(paths: DataPaths, table: str) -> tuple[int, int]:
    con = sqlite3.connect(paths.database)
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = con.execute("PRAGMA page_size").fetchone()[0]
        root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = ?",
                           (table,)).fetchone()[0]
    finally:
        con.close()
    return page_size, root


def _overwrite_page(paths: DataPaths, table: str) -> None:
    page_size, root = _page_of(paths, table)
    with open(paths.database, "r+b") as fh:
        fh.seek((root - 1) * page_size)
        fh.write(b"\xa5" * page_size)


def test_overwritten_page_is_reported_as_corrupt(data_paths: DataPaths) -> None:
    good = _take_good_backup(data_paths)
    _overwrite_page(data_paths, "alembic_version")
    with pytest.raises(DatabaseCorrupt) as info:
        open_database(data_paths)
    assert good.name in info.value.message
    assert list_backups(data_paths) == [good]


def test_corrupt_older_database_is_not_backed_up_over_good_backups(
    data_paths: DataPaths,
) -> None:
    """An upgrade must not take a 'backup' of a damaged file (which would then be
    named as the newest backup to restore from, and push good ones out)."""
    good = _take_good_backup(data_paths)
    previous = _downgrade_one(data_paths)
    _overwrite_page(data_paths, "sqlite_autoindex_alembic_version_1")
    assert stored_revision(data_paths) == previous  # the damage is not where we look first
    with pytest.raises(DatabaseCorrupt) as info:
        open_database(data_paths)
    assert info.value.backup == str(good)
    assert good.name in info.value.message
    assert list_backups(data_paths) == [good]


def test_good_copy_of_the_database_opens(data_paths: DataPaths, tmp_path: Path) -> None:
    """The control for the corruption tests: the same file undamaged opens fine."""
    copy = DataPaths(tmp_path / "copy")
    shutil.copytree(data_paths.root, copy.root)
    db = open_database(copy)
    try:
        assert db.initialised and db.site is not None
        assert db.site.office_id == "360121"
    finally:
        db.close()
