"""Migrations: a populated database of an older revision upgrades to head keeping
its rows, and the head schema is exactly what the models declare."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, create_engine, inspect, text

import bzdesk.models  # noqa: F401  (registers every table)
from bzdesk.db import schema_head, upgrade
from bzdesk.models import Base

STAFFING_TABLES = {
    "staffing_category", "unit", "quota_line", "leader_post", "county_total", "person",
    "posting", "hiring_plan", "pool_move", "teacher_ratio", "school_pupils",
}

ROWS_0001 = [
    "INSERT INTO office (id, office_id, name, level, parent_code, hlc, origin, deleted) "
    "VALUES ('360121', '360121', '南昌县委编办', 'county', '360100', 5, 's1', 0)",
    "INSERT INTO local_site (site_id, office_id, created_at, hlc_last, change_seq) "
    "VALUES ('360121-abc', '360121', '2024-01-01 08:00:00', 5, 1)",
    "INSERT INTO app_user (id, username, display_name, role, password_hash, failed_logins, "
    "active, created_at) VALUES ('u1', 'admin', '管理员', 'admin', 'x', 0, 1, "
    "'2024-01-01 08:00:00')",
    "INSERT INTO change_log (origin, origin_seq, table_name, row_id, office_id, hlc, fields) "
    "VALUES ('360121-abc', 1, 'office', '360121', '360121', 5, '{\"name\":\"南昌县委编办\"}')",
]


def _engine(path: Path) -> Engine:
    return create_engine(f"sqlite:///{path}")


def test_populated_0001_database_upgrades_to_head(tmp_path: Path) -> None:
    engine = _engine(tmp_path / "old.sqlite3")
    upgrade(engine, "0001")
    with engine.begin() as conn:
        assert not STAFFING_TABLES & set(inspect(conn).get_table_names())
        for statement in ROWS_0001:
            conn.execute(text(statement))
    upgrade(engine)
    with engine.connect() as conn:
        assert conn.scalar(text("SELECT version_num FROM alembic_version")) == schema_head()
        assert set(inspect(conn).get_table_names()) >= STAFFING_TABLES
        assert conn.execute(text("SELECT name, level FROM office")).all() == [
            ("南昌县委编办", "county")]
        assert conn.scalar(text("SELECT username FROM app_user")) == "admin"
        assert conn.scalar(text("SELECT change_seq FROM local_site")) == 1
        assert conn.scalar(text("SELECT fields FROM change_log")) == '{"name":"南昌县委编办"}'
        indexes = {i["name"] for i in inspect(conn).get_indexes("posting")}
        assert {"ix_posting_stats", "ix_posting_person", "ix_posting_leader"} <= indexes
    engine.dispose()


def test_staffing_tables_take_rows_after_the_upgrade(tmp_path: Path) -> None:
    engine = _engine(tmp_path / "new.sqlite3")
    upgrade(engine)
    with engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO unit (id, office_id, hlc, origin, deleted, name, short_name, kind, "
            "approval_doc, status, close_doc, freeze_in, sort_order) VALUES ('u1', '360121', "
            "1, 's', 0, '某局', '', '政府工作部门', '', '正常', '', 0, 10)"))
        assert conn.scalar(text("SELECT count(*) FROM unit")) == 1
    engine.dispose()


def test_head_schema_matches_the_models(tmp_path: Path) -> None:
    engine = _engine(tmp_path / "head.sqlite3")
    upgrade(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []
    engine.dispose()
