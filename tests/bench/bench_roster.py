"""实名管理 list at city size: 200,000 people (generate_staffing in office 360100).

- first page of the list model (ui/pages/roster_model.PeopleModel over
  roster_queries.roster_page): goal ≤ 2 × the raw sqlite3 keyset query of the
  same page (person by name, its open posting, unit and category), and ≤ 0.3 s;
- search: first page of each of a set of realistic searches (name characters,
  1–2 character names, ID-number fragments, pinyin initials): goal p95 ≤ 50 ms;
  the background count is reported beside it;
- memory: a subprocess opens the page offscreen, scrolls five pages and reports
  its RSS: goal ≤ 300 MB.

The data dir is cached in /tmp (``--fresh`` rebuilds it; building takes ≈ 2 min).
Run: .venv/bin/python tests/bench/bench_roster.py [--fresh]
"""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import PY, ROOT, report

CACHE = Path("/tmp/bzdesk-bench-roster/data")
PEOPLE = 200_000
PASSWORD = "bench-pass-1"
READY = CACHE / "READY-200000"

RAW_PAGE = """
SELECT p.id, p.name, p.id_number, p.sex, p.birth_date, q.id, q.unit_id, u.name,
       q.category_id, c.name, q.position, q.start_on, q.end_on
FROM person p CROSS JOIN posting q
     ON q.person_id = p.id AND q.end_on IS NULL AND q.deleted = 0
     LEFT JOIN unit u ON u.id = q.unit_id
     LEFT JOIN staffing_category c ON c.id = q.category_id AND c.deleted = 0
WHERE p.deleted = 0 ORDER BY p.name, p.id LIMIT 201
"""


def build() -> None:
    from bzdesk.db import open_database
    from bzdesk.paths import DataPaths
    from bzdesk.services import auth, office, staffing

    shutil.rmtree(CACHE, ignore_errors=True)
    db = open_database(DataPaths(CACHE))
    office.initialise(db, code="360100", name="南昌市委机构编制委员会办公室", level="city",
                      admin_username="admin", admin_display_name="管理员",
                      admin_password=PASSWORD, key_passphrase="bench-passphrase-1")
    with db.write() as s:
        actor = auth.login(s, "admin", PASSWORD)
    t0 = time.perf_counter()
    with db.write() as s:
        made = staffing.generate_staffing(s, actor, people=PEOPLE, seed=1).value
    print(f"generated {made.people} people in {time.perf_counter() - t0:.0f} s", flush=True)
    db.close()
    READY.write_text("ok")


def searches(con: sqlite3.Connection) -> list[str]:
    """What clerks type: parts of names, whole short names, ID parts, initials."""
    rng = random.Random(7)
    people = con.execute("SELECT name, id_number, initials FROM person WHERE deleted = 0 "
                         "ORDER BY id LIMIT 3000").fetchall()
    picked = rng.sample(people, 60)
    out: list[str] = []
    for i, (name, number, initials) in enumerate(picked):
        out.append([name[-1], name, name[:2], number[-4:], number[-6:], number[6:14],
                    initials, initials[:2], name[1:], number[6:12]][i % 10])
    return out


def timed_ms(fn: object) -> float:
    t0 = time.perf_counter()
    fn()  # type: ignore[operator]
    return (time.perf_counter() - t0) * 1000


def list_figures() -> bool:
    from PySide6.QtCore import QCoreApplication

    from bzdesk.paths import DataPaths
    from bzdesk.services.staffing import Cursor, PersonQuery
    from bzdesk.services.staffing.roster_queries import roster_count, roster_page
    from bzdesk.workspace import Workspace
    from ui.pages.roster_model import PAGE, Done, Failed, PeopleModel

    QCoreApplication.instance() or QCoreApplication([])
    ws = Workspace.open(DataPaths(CACHE))
    ws.login("admin", PASSWORD)

    def read(query: PersonQuery, after: Cursor | None, done: Done, _failed: Failed) -> None:
        done(ws.read(roster_page, query, after, PAGE))  # the work itself, no thread hop

    model = PeopleModel(read)
    con = sqlite3.connect(CACHE / "bzdesk.sqlite3")
    con.execute("PRAGMA cache_size=-65536")  # as bzdesk's own connections

    def first_page() -> None:
        model.set_query(PersonQuery(text=""))
        assert model.rowCount() == PAGE

    def raw() -> None:
        assert len(con.execute(RAW_PAGE).fetchall()) == PAGE + 1

    for _ in range(5):
        first_page()
        raw()
    ours, base = [], []
    for _ in range(40):  # interleaved: both see the same machine load
        ours.append(timed_ms(first_page))
        base.append(timed_ms(raw))
    page_ms, raw_ms = statistics.median(ours), statistics.median(base)
    ok = report("first page of the list model (median of 40)", page_ms, "ms", raw_ms, 2.0)
    ok &= report("first page of the list model, absolute", page_ms / 1000, "s", limit=0.3)
    model.fetchMore()
    report("  next page (fetchMore)", timed_ms(model.fetchMore), "ms")

    texts = searches(con)
    for text in texts[:10]:  # warm the cache as a clerk's first searches would
        model.set_query(PersonQuery(text=text))
    times, counts = [], []
    for text in texts:
        times.append(timed_ms(lambda t=text: model.set_query(PersonQuery(text=t))))
        counts.append(timed_ms(lambda t=text: ws.read(roster_count, PersonQuery(text=t))))
    p95 = statistics.quantiles(times, n=20)[-1]
    worst = sorted(zip(times, texts, strict=True))[-3:]
    ok &= report(f"search, first page, p95 of {len(texts)} searches", p95, "ms", limit=50)
    print(f"  median {statistics.median(times):.1f} ms; slowest: "
          + ", ".join(f"{t!r} {ms:.0f} ms" for ms, t in reversed(worst)))
    print(f"  count (in the background): median {statistics.median(counts):.0f} ms, "
          f"p95 {statistics.quantiles(counts, n=20)[-1]:.0f} ms")
    for sort in ("birth_date", "start_on"):
        ms = timed_ms(lambda s=sort: model.set_query(PersonQuery(sort=s)))
        print(f"  header click, order by {sort}: {ms:.0f} ms")
    con.close()
    ws.close()
    return ok


RSS_CHILD = """
import sys, resource
from PySide6.QtWidgets import QApplication
from bzdesk.paths import DataPaths
from bzdesk.workspace import Workspace
from ui import ops
from ui.app import create_application
from ui.main_window import MainWindow
from pathlib import Path
paths = DataPaths(Path(sys.argv[1]))
create_application(paths)
ws = Workspace.open(paths)
ws.login("admin", sys.argv[2])
window = MainWindow(ws, ws.office())
window.resize(1366, 768)
window.show()
page = window.show_page("roster")
ops.wait_idle()
model, table = page.roster.model, page.roster.table
for _ in range(5):
    rows = model.rowCount()
    table.scrollToBottom()
    while model.rowCount() == rows and model.canFetchMore():
        QApplication.processEvents()
        ops.wait_idle()
QApplication.processEvents()
ops.wait_idle()
with open("/proc/self/status") as f:
    rss = next(int(line.split()[1]) for line in f if line.startswith("VmRSS:"))
print(model.rowCount(), rss // 1024, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
sys.stdout.flush()
window.hide()
ops.shutdown()
ws.close()
import os
os._exit(0)  # (skip interpreter teardown of the Qt objects: only the figure matters)
"""


def memory_figure() -> bool:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    out = subprocess.run([PY, "-c", RSS_CHILD, str(CACHE), PASSWORD], env=env, cwd=ROOT,
                         capture_output=True, text=True, check=True)
    rows, rss, peak = (int(x) for x in out.stdout.split()[-3:])
    print(f"  page open, {rows} rows loaded after scrolling; peak RSS {peak} MB")
    return report("RSS with the list open", rss, "MB", limit=300)


def main() -> int:
    if "--fresh" in sys.argv or not READY.exists():
        build()
    ok = list_figures()
    ok &= memory_figure()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
