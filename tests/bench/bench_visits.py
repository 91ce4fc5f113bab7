"""Visits dashboard for a city: 10 leaders × 30 联系点 (300 assignments) × 4
quarters, 5,000 visits, 20,000 problems, generated with op.bulk_insert.
Times bzdesk.services.visits.visit_dashboard (goal ≤ 0.5 s) against a raw
sqlite3 baseline running the two GROUP BYs the dashboard needs.

Run: .venv/bin/python tests/bench/bench_visits.py
"""

from __future__ import annotations

import sqlite3
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import report, timed

from bzdesk.db import open_database
from bzdesk.models.staffing import Unit
from bzdesk.paths import DataPaths
from bzdesk.services import auth, office, visits
from bzdesk.services.visits.demo import Plan, fill
from bzdesk.uow import write_op

PLAN = Plan(leaders=10, targets_per_leader=30, visits=5_000, problems=20_000)
PASSWORD = "bench-pass-1"

BASELINE = (
    """SELECT leader_key, target_key, (CAST(strftime('%m', start_on) AS INTEGER) + 2) / 3,
              count(*)
       FROM visit WHERE deleted = 0 AND target_key IS NOT NULL
         AND start_on BETWEEN :first AND :last
       GROUP BY 1, 2, 3""",
    """SELECT responsible_key, max(responsible_name),
              sum(status IN ('待交办', '办理中')),
              sum(status IN ('待交办', '办理中') AND deadline < :today),
              sum(status = '销号' AND closed_on BETWEEN :first AND :last)
       FROM visit_issue WHERE deleted = 0 GROUP BY responsible_key""",
    """SELECT * FROM link_assignment WHERE deleted = 0 AND start_on <= :last
         AND (end_on IS NULL OR end_on >= :first)""",
)


def main() -> int:
    root = Path(tempfile.mkdtemp(prefix="bzdesk-bench-visits-")) / "data"
    paths = DataPaths(root)
    db = open_database(paths)
    office.initialise(db, code="360100", name="南昌市委机构编制委员会办公室", level="city",
                      admin_username="admin", admin_display_name="管理员",
                      admin_password=PASSWORD, key_passphrase="bench-passphrase-1")
    with db.write() as s:
        actor = auth.login(s, "admin", PASSWORD)
    t0 = time.perf_counter()
    with db.write() as s, write_op(s, actor, "生成走访测试数据") as op:
        op.bulk_insert(Unit, [dict(name=f"南昌市第{i + 1}单位", kind="政府工作部门",
                                   sort_order=i) for i in range(30)])
        made = fill(op, s, PLAN, seed=11)
    print(f"generated {made[0]} assignments, {made[1]} visits, {made[2]} problems "
          f"in {time.perf_counter() - t0:.1f} s", flush=True)
    year, today = date.today().year, date.today()

    def service() -> None:
        with db.read() as s:
            view = visits.visit_dashboard(s, actor, year)
        assert len(view.rows) == 300 and view.board

    con = sqlite3.connect(paths.database)
    params = {"first": date(year, 1, 1).isoformat(), "last": date(year, 12, 31).isoformat(),
              "today": today.isoformat()}

    def raw() -> None:
        for sql in BASELINE:
            con.execute(sql, params).fetchall()

    service()
    raw()  # warm caches for both
    took = timed(service, repeat=7)
    base = timed(raw, repeat=7)
    report("visits dashboard (city)", took, "s", baseline=base)
    ok = report("visits dashboard (city), absolute", took, "s", limit=0.5)
    con.close()
    db.close()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
