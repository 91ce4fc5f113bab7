"""Start-up: one instance per data dir, and every way the database can refuse to open."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLockFile
from qt_helpers import Boxes

from bzdesk.backup import backup_database
from bzdesk.paths import DataPaths
from ui.app import LOCK_NAME, acquire_instance_lock, run_gui
from ui.startup import open_workspace

ROOT = Path(__file__).resolve().parents[2]
HOLD_LOCK = """
import sys
from pathlib import Path
from ui.app import acquire_instance_lock
lock = acquire_instance_lock(Path(sys.argv[1]))
print("locked" if lock else "refused", flush=True)
sys.stdin.readline()
"""


@pytest.fixture
def holder(tmp_path: Path) -> Iterator[subprocess.Popen[str]]:
    """Another bzdesk process holding the lock of ``tmp_path``."""
    with subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(tmp_path)], cwd=ROOT,
                          stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True) as proc:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
        yield proc
        proc.kill()


def test_a_second_lock_in_the_same_data_dir_is_refused(tmp_path: Path) -> None:
    first = acquire_instance_lock(tmp_path)
    assert first is not None
    assert acquire_instance_lock(tmp_path) is None
    first.unlock()
    again = acquire_instance_lock(tmp_path)
    assert again is not None
    again.unlock()


def test_a_live_process_keeps_its_lock(tmp_path: Path,
                                       holder: subprocess.Popen[str]) -> None:
    assert acquire_instance_lock(tmp_path) is None


def test_the_lock_of_a_killed_process_is_taken_over(
        tmp_path: Path, holder: subprocess.Popen[str]) -> None:
    holder.kill()  # SIGKILL: no clean-up ran, the lock file stays behind
    holder.wait()
    assert (tmp_path / LOCK_NAME).exists()
    lock = acquire_instance_lock(tmp_path)
    assert lock is not None
    lock.unlock()


def test_a_lock_file_naming_a_dead_pid_is_stale(tmp_path: Path) -> None:
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    model = QLockFile(str(tmp_path / "model.lock"))  # this host's lock-file format
    assert model.tryLock(0)
    lines = (tmp_path / "model.lock").read_text().split("\n")
    model.unlock()
    lines[0] = dead.stdout.strip()
    (tmp_path / LOCK_NAME).write_text("\n".join(lines))
    lock = acquire_instance_lock(tmp_path)
    assert lock is not None
    lock.unlock()


def test_second_start_says_it_is_running_and_exits_0(tmp_path: Path, boxes: Boxes) -> None:
    lock = acquire_instance_lock(tmp_path)
    assert lock is not None
    try:
        assert run_gui(str(tmp_path)) == 0
    finally:
        lock.unlock()
    assert boxes.texts() == [f"编制桌面已经在运行（数据目录 {tmp_path}）。"]


def test_an_unusable_data_dir_is_explained(tmp_path: Path, boxes: Boxes) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    assert run_gui(str(blocker / "data")) == 1
    assert len(boxes.texts("critical")) == 1 and "无法写入" in boxes.texts("critical")[0]


def test_a_database_from_a_newer_version_is_left_alone(data_paths: DataPaths,
                                                       boxes: Boxes) -> None:
    con = sqlite3.connect(data_paths.database)
    with con:
        con.execute("UPDATE alembic_version SET version_num = '9999_future'")
    con.close()
    before = data_paths.database.read_bytes()
    assert open_workspace(data_paths) is None
    assert len(boxes.shown) == 1 and "请升级编制桌面" in boxes.shown[0][1]
    assert data_paths.database.read_bytes() == before


def test_a_damaged_database_is_restored_from_the_newest_backup(data_paths: DataPaths,
                                                               boxes: Boxes) -> None:
    backup = backup_database(data_paths)
    data_paths.database.write_bytes(b"this is not sqlite" * 100)
    ws = open_workspace(data_paths)
    assert ws is not None
    try:
        assert ws.initialised and ws.office().code == "360121"
    finally:
        ws.close()
    asked, told = boxes.shown
    assert asked[0] == "question" and backup.name in asked[1]
    assert told[0] == "information" and "已从" in told[1]
    kept = list(data_paths.root.glob("bzdesk.sqlite3.damaged-*"))
    assert len(kept) == 1 and kept[0].read_bytes().startswith(b"this is not sqlite")


def test_a_damaged_database_is_kept_when_the_clerk_says_no(data_paths: DataPaths,
                                                           boxes: Boxes) -> None:
    backup_database(data_paths)
    data_paths.database.write_bytes(b"garbage" * 100)
    boxes.answer = boxes.answer.No
    assert open_workspace(data_paths) is None
    assert data_paths.database.read_bytes() == b"garbage" * 100
    assert not list(data_paths.root.glob("*.damaged-*"))


def test_a_damaged_database_without_backup_is_explained(data_paths: DataPaths,
                                                        boxes: Boxes) -> None:
    data_paths.database.write_bytes(b"garbage" * 100)
    assert open_workspace(data_paths) is None
    assert boxes.shown[0][0] == "critical" and "没有可以恢复的备份" in boxes.shown[0][1]
