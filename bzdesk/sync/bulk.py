"""A big bundle into a table that holds no rows yet (a first full bundle): its
secondary indexes are built once after the load instead of row by row (DESIGN.md
"Speeds we measured": indexes built after a bulk load).

Only inside the import's one transaction: DDL is transactional in SQLite, so a
refused bundle rolls the dropped indexes back with everything else. Kept are the
indexes something reads during the import: unique ones (they refuse duplicates as
rows arrive) and those led by a foreign-key column (SQLite reads them to settle
deferred foreign keys when a parent row arrives after its child).
"""

from __future__ import annotations

from typing import Any

BULK_BYTES = 8 * 1024**2  # changes.jsonl size from which an import defers index builds


class DeferredIndexes:
    def __init__(self, raw: Any) -> None:
        self.raw = raw  # the sqlite3 connection of the import's transaction
        self.seen: set[str] = set()
        self.dropped: list[str] = []  # their CREATE INDEX statements

    def before_insert(self, table: str) -> None:
        """Called before rows are inserted into ``table``: the first time, if it holds
        no rows, drop the indexes nothing reads during the import."""
        if table in self.seen:
            return
        self.seen.add(table)
        if self.raw.execute(f'SELECT 1 FROM "{table}" LIMIT 1').fetchone() is not None:
            return
        fk_columns = {row[3] for row in self.raw.execute(f'PRAGMA foreign_key_list("{table}")')}
        for name, sql in self.raw.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
                "AND sql IS NOT NULL ORDER BY name", (table,)).fetchall():
            if sql.lstrip().upper().startswith("CREATE UNIQUE"):
                continue
            first = self.raw.execute(f'PRAGMA index_info("{name}")').fetchone()
            if first is None or first[2] in fk_columns:
                continue
            self.raw.execute(f'DROP INDEX "{name}"')
            self.dropped.append(sql)

    def rebuild(self) -> None:
        """Build the dropped indexes again (before the transaction commits)."""
        for sql in self.dropped:
            self.raw.execute(sql)
        self.dropped.clear()
