"""Reports and the 首页 (bzdesk.services.reports), measured in one process with the database
open, as in the running GUI.

1. The roster PDF (cover, 说明 and the table) of ≈ 1,000 and ≈ 10,000 people in post.
   Goals: 10,000 rows ≤ 5 s, and per-row cost at 10,000 within 1.2 × that at 1,000.
   Each run starts with the text caches of bzdesk.reports.fonts empty (the first report of
   a session); the raw baseline is a bare reportlab canvas drawing the same cell strings
   at fixed positions (no wrapping, grid, fallback, pagination or database).
2. The home page's data for the city demo (≈ 200,000 people): goal ≤ 0.5 s. The raw
   baseline is sqlite3 running the GROUP BY of 实有 per unit × 编制类型 (the heaviest
   statistic the page needs).

The offices are generated once and kept under /tmp (bzdesk-bench-reports-*): the city
demo takes minutes. Delete the folders to regenerate them.

Run: .venv/bin/python tests/bench/bench_reports.py
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import PY, ROOT, report, timed

from bzdesk.db import Database, open_database
from bzdesk.paths import DataPaths
from bzdesk.roles import Actor
from bzdesk.services import auth, office, reports
from bzdesk.services.staffing.demo import generate_staffing

CACHE = Path(tempfile.gettempdir())
PASSWORD = "bench-pass-1"
PASSPHRASE = "bench-passphrase-1"
SEED = 20261123


def _login(db: Database) -> Actor:
    with db.write() as s:
        return auth.login(s, "admin", PASSWORD)


def roster_office(people: int) -> DataPaths:
    """A county office with ``people`` generated people (most of them in post)."""
    paths = DataPaths(CACHE / f"bzdesk-bench-reports-roster-{people}" / "data")
    if (paths.root / "ready").exists():
        return paths
    paths.root.mkdir(parents=True, exist_ok=True)
    db = open_database(paths)
    try:
        if not db.initialised:
            office.initialise(db, code="360121", name="南昌县委机构编制委员会办公室",
                              level="county", admin_username="admin", admin_display_name="管理员",
                              admin_password=PASSWORD, key_passphrase=PASSPHRASE)
        with db.write() as s:
            generate_staffing(s, _login(db), people=people, seed=SEED)
    finally:
        db.close()
    (paths.root / "ready").write_text("ok")
    return paths


def city_office() -> DataPaths:
    """The city demo (``main.py demo --size city``), generated once."""
    paths = DataPaths(CACHE / "bzdesk-bench-reports-city" / "data")
    if (paths.root / "ready").exists() or (paths.database.exists() and _has_people(paths)):
        return paths
    print("generating the city demo (200,000 people; a few minutes)…", flush=True)
    env = {**os.environ, "BZDESK_USER": "admin", "BZDESK_PASSWORD": PASSWORD,
           "BZDESK_KEY_PASSPHRASE": PASSPHRASE}
    env.pop("BZDESK_DATA_DIR", None)
    subprocess.run([PY, str(ROOT / "main.py"), "--data-dir", str(paths.root), "demo",
                    "--size", "city"], env=env, check=True, stdin=subprocess.DEVNULL)
    (paths.root / "ready").write_text("ok")
    return paths


def _has_people(paths: DataPaths) -> bool:
    con = sqlite3.connect(f"file:{paths.database}?mode=ro", uri=True)
    try:
        return bool(con.execute("SELECT count(*) FROM person").fetchone()[0] > 100_000)
    except sqlite3.Error:
        return False
    finally:
        con.close()


def cold_caches() -> None:
    from bzdesk.reports import fonts

    fonts._runs_cached.cache_clear()
    fonts.text_width.cache_clear()


def bare_canvas(path: Path, rows: list[list[str]]) -> None:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen.canvas import Canvas

    from bzdesk.reports.fonts import faces

    song = faces().song
    c = Canvas(str(path), pagesize=landscape(A4), initialFontName=song)
    xs = [42, 70, 130, 160, 210, 360, 420, 490]
    y = 560.0
    for cells in rows:
        c.setFont(song, 10.5)
        for x, v in zip(xs, cells, strict=False):
            c.drawString(x, y, v)
        y -= 18
        if y < 40:
            c.showPage()
            y = 560.0
    c.save()


def bench_roster(folder: Path) -> bool:
    from bzdesk.services.reports.model import pdf_text

    figures = {}
    for people in (1_100, 11_000):
        paths = roster_office(people)
        db = open_database(paths)
        actor = _login(db)
        try:
            out = folder / f"roster-{people}.pdf"

            def run(db: Database = db, actor: Actor = actor, out: Path = out) -> None:
                cold_caches()
                with db.read() as s:
                    reports.write_report(s, actor, "roster", out)

            with db.read() as s:
                built = reports.build_report(s, actor, "roster", reports.ReportParams())
            rows = [[pdf_text(v) for v in cells] for kind, cells in built.tables[0].items
                    if kind == "row"]
            run()  # fonts registered, modules imported: once per process, not per report
            took = timed(run, repeat=3)
            cold_caches()
            baseline = timed(lambda rows=rows: bare_canvas(folder / "bare.pdf", rows), repeat=3)
            figures[people] = (built.rows, took)
            report(f"roster PDF, {built.rows:,} rows", took, "s", baseline=baseline)
        finally:
            db.close()
    (rows1, t1), (rows10, t10) = figures[1_100], figures[11_000]
    ok = report(f"roster PDF, {rows10:,} rows (absolute)", t10, "s", limit=5.0)
    per1, per10 = t1 / rows1, t10 / rows10
    growth = per10 / per1
    print(f"per row: {per1 * 1e3:.3f} ms at {rows1:,} rows, {per10 * 1e3:.3f} ms at "
          f"{rows10:,} rows: ×{growth:.2f} (goal ≤ 1.2) {'OK' if growth <= 1.2 else 'MISSED'}",
          flush=True)
    return ok and growth <= 1.2


def bench_home() -> bool:
    paths = city_office()
    db = open_database(paths)
    actor = _login(db)
    try:
        def run() -> reports.HomeView:
            with db.read() as s:
                return reports.home_dashboard(s, actor, paths)

        t0 = time.perf_counter()
        view = run()
        print(f"city demo: first read {time.perf_counter() - t0:.3f} s (cold page cache); "
              f"超编 {view.over_cells}, 空编 {view.vacant_cells}, 退休 {view.retiring}, "
              f"逾期问题 {view.overdue_issues}, 党建未开展 {view.party_missing}", flush=True)
        con = sqlite3.connect(f"file:{paths.database}?mode=ro", uri=True)
        day = date.today().isoformat()

        def raw() -> None:
            con.execute("SELECT unit_id, category_id, count(*) FROM posting WHERE deleted = 0"
                        " AND start_on <= ? AND (end_on IS NULL OR end_on > ?)"
                        " GROUP BY unit_id, category_id", (day, day)).fetchall()

        baseline = timed(raw, repeat=5)
        took = timed(run, repeat=5)
        con.close()
        report("home page data, city demo", took, "s", baseline=baseline)
        return report("home page data, city demo (absolute)", took, "s", limit=0.5)
    finally:
        db.close()


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        ok = bench_roster(Path(tmp))
    ok = bench_home() and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
