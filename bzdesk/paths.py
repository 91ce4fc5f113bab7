"""Where bzdesk keeps its files: one data directory per office site.

Order: an explicit directory (``--data-dir``), then ``BZDESK_DATA_DIR``,
then the platform's user data directory.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from bzdesk.errors import DataDirUnusable

ENV_DATA_DIR = "BZDESK_DATA_DIR"
DB_NAME = "bzdesk.sqlite3"


@dataclass(frozen=True)
class DataPaths:
    root: Path

    @property
    def database(self) -> Path:
        return self.root / DB_NAME

    @property
    def attachments(self) -> Path:
        return self.root / "attachments"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def keys(self) -> Path:
        return self.root / "keys"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def drafts(self) -> Path:
        return self.root / "drafts"

    def ensure(self) -> DataPaths:
        """Create the directory tree; refuse clearly when it cannot be written."""
        try:
            for d in (self.root, self.attachments, self.backups, self.keys, self.logs,
                      self.drafts):
                d.mkdir(parents=True, exist_ok=True)
            probe = self.root / ".write-test"
            probe.write_bytes(b"")
            probe.unlink()
        except OSError as exc:
            raise DataDirUnusable(
                f"数据目录 {self.root} 无法写入（{exc.strerror or exc}）。"
                "请检查该目录的权限，或用 --data-dir 指定另一个目录。"
            ) from exc
        return self


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> DataPaths:
    if explicit:
        return DataPaths(Path(explicit).expanduser().resolve())
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return DataPaths(Path(env).expanduser().resolve())
    import platformdirs

    return DataPaths(Path(platformdirs.user_data_dir("bzdesk", appauthor=False)))


def resources_dir() -> Path:
    """The shipped resources/ (next to the package, or inside a frozen build)."""
    import sys

    base = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parent.parent))
    return base / "resources"


def migrations_dir() -> Path:
    import sys

    base = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parent.parent))
    return base / "migrations"
