"""An import killed with SIGKILL at any moment leaves the database consistent — the
bundle either fully applied or not at all — and never blocks the next import.

Each run copies the city's data dir, forks a child process that imports a
bundle of a few thousand rows into the copy, and kills it (SIGKILL) after a delay
spread over (and beyond) the length of a whole import: during decryption, the
safety backup, the merge, the commit. A forked child starts at once (it shares
the test's imported modules and unlocked keys), so the kill lands inside the
work rather than inside Python's start-up.
"""

from __future__ import annotations

import os
import select
import shutil
import signal
import sqlite3
import time
from datetime import date
from pathlib import Path

import pytest
from sync_kit import CATEGORY_ID, UNIT, Net, Site, op

from bzdesk.db import open_database
from bzdesk.models.base import new_id
from bzdesk.models.staffing import Person, Posting
from bzdesk.services.exchange import import_bundle

RUNS = 24
TABLES = ("person", "posting", "change_log", "bundle_record", "audit_entry", "peer")


def fill(site: Site, people: int) -> None:
    persons, postings = [], []
    for i in range(people):
        pid = new_id()
        persons.append({"id": pid, "name": f"人员{i}", "id_number": f"3601211980{i:08d}",
                        "sex": "男女"[i % 2], "birth_date": date(1970 + i % 30, 1 + i % 12, 1)})
        if i % 2 == 0:
            postings.append({"person_id": pid, "unit_id": UNIT["360121"],
                             "category_id": CATEGORY_ID, "start_route": "考录",
                             "start_on": date(2010 + i % 10, 1, 1)})
    with op(site, "批量导入") as (_, w):
        w.bulk_insert(Person, persons)
        w.bulk_insert(Posting, postings)


def state(root: Path) -> dict[str, int]:
    con = sqlite3.connect(root / "bzdesk.sqlite3")
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        return {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in TABLES}
    finally:
        con.close()


def import_in_child(site: Site, file: Path, delay: float) -> str:
    """Fork; the child imports; the parent kills it after ``delay`` seconds unless it
    finished first. Returns "finished" or "killed"."""
    started_r, started_w = os.pipe()
    done_r, done_w = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        code = 1
        try:
            os.close(started_r)
            os.close(done_r)
            os.write(started_w, b"s")
            db = open_database(site.paths)
            import_bundle(db, site.actor, site.keys, file)
            db.close()
            os.write(done_w, b"d")
            code = 0
        finally:
            os._exit(code)
    os.close(started_w)
    os.close(done_w)
    try:
        assert os.read(started_r, 1) == b"s"
        ready, _, _ = select.select([done_r], [], [], delay)  # wait: done, or time to kill
        outcome = "finished" if ready and os.read(done_r, 1) == b"d" else "killed"
        if outcome == "killed":
            os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        if outcome == "finished":
            assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
        else:
            assert os.WIFSIGNALED(status) or os.WEXITSTATUS(status) == 0
        return outcome
    finally:
        os.close(started_r)
        os.close(done_r)


@pytest.mark.slow
def test_an_import_killed_anywhere_is_all_or_nothing_and_blocks_nothing(
        seeded: Net, tmp_path: Path) -> None:
    fill(seeded["a1"], 2400)
    file = Path(seeded.export("a1", "city").file)
    city = seeded["city"]
    city.close()
    seeded.close()
    shutil.rmtree(city.paths.backups)  # each run takes its safety backup too
    before = state(city.root)

    reference = city.moved_to(tmp_path / "reference")
    shutil.copytree(city.root, reference.root)
    t0 = time.perf_counter()
    assert import_in_child(reference, file, 120) == "finished"
    whole = time.perf_counter() - t0
    after = state(reference.root)
    assert after["person"] == before["person"] + 2400
    assert after["posting"] == before["posting"] + 1200

    # Kill times spread over the reference import's length and beyond. An import can run
    # slower than the reference (a busy CI disk makes each fsync slower): a kill that lands
    # after the expected end and still finds nothing applied stretches the schedule, and
    # extra, later kills follow until both outcomes were seen a few times.
    outcomes: dict[str, int] = {"none": 0, "all": 0}
    for i in range(3 * RUNS):
        if i >= RUNS and min(outcomes.values()) >= 3:
            break
        delay = whole * (0.02 + 1.5 * i / RUNS)
        run = city.moved_to(tmp_path / f"run{i}")
        shutil.copytree(city.root, run.root)
        import_in_child(run, file, delay)
        found = state(run.root)  # integrity_check ok, no dangling reference
        assert found in (before, after), (i, delay, found)
        applied = found == after
        outcomes["all" if applied else "none"] += 1
        if not applied and delay > whole:
            whole = delay * 1.2
        # the next import is not blocked by anything the killed one left behind
        db = open_database(run.paths)
        try:
            again = import_bundle(db, run.actor, run.keys, file)
        finally:
            db.close()
        assert again.already_known == applied and (again.applied > 0) == (not applied)
        final = state(run.root)
        assert {k: final[k] for k in ("person", "posting", "change_log")} == {
            k: after[k] for k in ("person", "posting", "change_log")}
        shutil.rmtree(run.root)
    assert outcomes["none"] >= 3 and outcomes["all"] >= 3, outcomes
