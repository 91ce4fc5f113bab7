"""The database: engine with the right pragmas, sessions, open + migrate.

Writes go through ``Database.write()`` (``BEGIN IMMEDIATE``: one writer at a
time across processes, so the audit chain and change sequence stay linear);
reads use ``Database.read()``.
"""

from __future__ import annotations

import functools
import logging
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, create_engine, event, select
from sqlalchemy.orm import Session, sessionmaker

from bzdesk.errors import DatabaseCorrupt, DatabaseTooNew, DataDirUnusable
from bzdesk.paths import DataPaths
from bzdesk.sync.hlc import HybridClock

log = logging.getLogger(__name__)

# Bundles carry "major.minor"; a bundle of a newer major is refused.
SCHEMA_MAJOR = 1


@dataclass
class SiteContext:
    """Who writes: this site, its office and its clock. Bound to every session."""

    site_id: str
    office_id: str
    clock: HybridClock


def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (see _on_begin)
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    # FULL: a commit is on disk before we say it is (power cuts are common).
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA cache_size=-65536")
    cur.close()


def make_engine(paths: DataPaths) -> Engine:
    engine = create_engine(
        f"sqlite:///{paths.database}",
        connect_args={"check_same_thread": False, "timeout": 10},
    )
    event.listen(engine, "connect", _on_connect)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        mode = conn.get_execution_options().get("bz_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")

    return engine


class Database:
    """An open bzdesk database. Create with :func:`open_database`."""

    def __init__(self, paths: DataPaths, engine: Engine) -> None:
        self.paths = paths
        self.engine = engine
        self._writer = sessionmaker(
            engine.execution_options(bz_begin="IMMEDIATE"), expire_on_commit=False
        )
        self._reader = sessionmaker(engine, expire_on_commit=False)
        self.site: SiteContext | None = None

    def load_site(self) -> SiteContext | None:
        from bzdesk.models import LocalSite

        with self._reader() as s:
            row = s.scalars(select(LocalSite)).first()
            if row is None:
                self.site = None
            else:
                self.site = SiteContext(row.site_id, row.office_id, HybridClock(row.hlc_last))
        return self.site

    @property
    def initialised(self) -> bool:
        return self.site is not None

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A write transaction: commits on success, rolls back on any error."""
        with self._writer() as session:
            session.info["bz_site"] = self.site
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._reader() as session:
            session.info["bz_site"] = self.site
            try:
                yield session
            finally:
                session.rollback()

    def close(self) -> None:
        self.engine.dispose()


_REVISION_LINE = re.compile(r"^(revision|down_revision)\b[^=]*=\s*['\"]?([\w]+)?['\"]?", re.M)


@functools.cache
def schema_head() -> str:
    """The newest revision in migrations/versions, read without importing Alembic
    (start-up speed): the revision no other revision names as its parent.
    tests/test_migrations.py checks it against Alembic's own answer."""
    from bzdesk.paths import migrations_dir

    revisions, parents = set(), set()
    for file in (migrations_dir() / "versions").glob("*.py"):
        found = dict(
            (m.group(1), m.group(2)) for m in _REVISION_LINE.finditer(file.read_text("utf-8"))
        )
        if found.get("revision"):
            revisions.add(found["revision"])
        if found.get("down_revision") and found["down_revision"] != "None":
            parents.add(found["down_revision"])
    heads = revisions - parents
    if len(heads) != 1:
        raise RuntimeError(f"migrations must have exactly one head, found {sorted(heads)}")
    return heads.pop()


def stored_revision(paths: DataPaths) -> str | None:
    """The schema revision of the file, read with plain sqlite3 (fast, no Alembic)."""
    if not paths.database.exists():
        return None
    con = sqlite3.connect(paths.database)
    try:
        try:
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        except sqlite3.OperationalError as exc:
            if "no such table" in str(exc):
                return None
            raise
        return str(row[0]) if row else None
    except sqlite3.DatabaseError as exc:
        if is_corruption(exc):
            raise _corrupt(paths, exc) from exc
        raise
    finally:
        con.close()


def _corrupt(paths: DataPaths, exc: Exception) -> DatabaseCorrupt:
    from bzdesk.backup import newest_backup

    latest = newest_backup(paths)
    hint = f"最近的备份是 {latest.name}，可以用它恢复。" if latest else "没有找到备份。"
    return DatabaseCorrupt(
        f"数据库文件 {paths.database.name} 已损坏，无法打开（{exc}）。{hint}",
        str(latest) if latest else None,
    )


def _alembic_config(connection: Any) -> Any:
    from alembic.config import Config

    from bzdesk.paths import migrations_dir

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    cfg.attributes["connection"] = connection
    return cfg


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    cfg = _alembic_config(None)
    return {rev.revision for rev in ScriptDirectory.from_config(cfg).walk_revisions()}


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), revision)


def open_database(paths: DataPaths, *, migrate: bool = True) -> Database:
    """Open (creating if needed) and bring the schema to schema_head().

    A database from a newer bzdesk is refused untouched; an older one is
    backed up first, then upgraded.
    """
    paths.ensure()
    if paths.database.exists() and not paths.database.is_file():
        raise DataDirUnusable(
            f"无法打开数据库文件 {paths.database}：它不是一个文件。"
            "请检查数据目录，或用 --data-dir 指定另一个目录。")
    existed = paths.database.exists() and paths.database.stat().st_size > 0
    current = stored_revision(paths)
    head = schema_head()
    if current not in (None, head) and current not in known_revisions():
        raise DatabaseTooNew(
            f"这个数据库由更新版本的编制桌面创建（结构版本 {current}），"
            "请升级编制桌面后再打开。数据库没有被改动。"
        )
    engine = make_engine(paths)
    try:
        if migrate and current != head:
            if existed:
                from bzdesk.backup import backup_database

                _check_intact(paths)  # never offer a copy of a damaged file as a backup
                backup_database(paths, reason=f"upgrade-from-{current or 'none'}")
            upgrade(engine)
        db = Database(paths, engine)
        db.load_site()
    except Exception as exc:
        engine.dispose()
        if is_corruption(exc):
            raise _corrupt(paths, exc) from exc
        if "unable to open database file" in str(exc):
            raise DataDirUnusable(
                f"无法打开数据库文件 {paths.database}（没有读写权限？）。"
                "请检查数据目录，或用 --data-dir 指定另一个目录。") from exc
        raise
    return db


def _check_intact(paths: DataPaths) -> None:
    """PRAGMA quick_check (only before an upgrade: it reads the whole file)."""
    con = sqlite3.connect(paths.database)
    try:
        problems = [str(r[0]) for r in con.execute("PRAGMA quick_check(5)")]
    finally:
        con.close()
    if problems != ["ok"]:
        raise sqlite3.DatabaseError("database disk image is malformed: " + "; ".join(problems))


_CORRUPTION_SIGNS = ("file is not a database", "malformed", "disk image is malformed")


def is_corruption(exc: BaseException) -> bool:
    """True when sqlite says the file itself is damaged (not merely busy)."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, sqlite3.DatabaseError) and any(
            sign in str(seen) for sign in _CORRUPTION_SIGNS
        ):
            return True
        seen = getattr(seen, "orig", None) or seen.__cause__ or seen.__context__
    return False
