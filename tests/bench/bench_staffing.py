"""Staffing at city scale (200,000 people): demo generation, statistics as of a day
(goal ≤ 1 s, and reported as a ratio to a raw sqlite3 GROUP BY of the same postings),
and the people list's first page and count."""

from __future__ import annotations

import sqlite3
import sys
import tempfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from _common import report, timed

from bzdesk.db import open_database
from bzdesk.paths import DataPaths
from bzdesk.services import auth, office
from bzdesk.services import staffing as st

PEOPLE = 200_000
RAW_FILLED = ("SELECT unit_id, category_id, count(*) FROM posting WHERE deleted = 0 "
              "AND start_on <= ? AND (end_on IS NULL OR end_on > ?) GROUP BY unit_id, category_id")


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        paths = DataPaths(Path(tmp) / "data")
        db = open_database(paths)
        office.initialise(db, code="360100", name="南昌市委机构编制委员会办公室", level="city",
                          admin_username="admin", admin_display_name="管理员",
                          admin_password="bench-pass-1", key_passphrase="bench-passphrase")
        with db.write() as s:
            admin = auth.login(s, "admin", "bench-pass-1")

        def generate() -> None:
            with db.write() as s:
                st.generate_staffing(s, admin, people=PEOPLE, seed=1)

        ok = report(f"demo generation, {PEOPLE} people (city)", timed(generate), "s")
        day = date.today().isoformat()
        con = sqlite3.connect(paths.database)
        raw = timed(lambda: con.execute(RAW_FILLED, (day, day)).fetchall(), repeat=3)
        con.close()
        with db.read() as s:
            stats = timed(lambda: st.staffing_stats(s, admin), repeat=3)
            ok &= report("staffing_stats (all measures) vs raw filled GROUP BY", stats, "s",
                         raw)
            ok &= report("staffing_stats", stats, "s", limit=1.0)
            report("list_people first page", timed(
                lambda: st.list_people(s, admin, st.PersonQuery()), repeat=3), "s")
            report("count_people (in post)", timed(
                lambda: st.count_people(s, admin, st.PersonQuery()), repeat=3), "s")
            report("findings", timed(lambda: st.findings(s, admin)), "s")
            report("retiring_within 12 months", timed(
                lambda: st.retiring_within(s, admin, 12)), "s")
        db.close()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
