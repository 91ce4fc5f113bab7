"""Roster import and export at county scale, against raw baselines measured in the same run.

Goals (issue "Excel in and out"):
- import of a 50,000-row roster (read + check + write, one transaction with change log
  and audit) ≤ 2 × (python-calamine parse of the same file + raw sqlite3 executemany
  of the resulting person and posting rows into the same tables), peak memory ≤ 500 MB;
- export of those 50,000 people ≤ 1.5 × a bare openpyxl write-only write of the same cells.
The safety backup before an import is reported apart; so is re-importing the export
(every row unchanged). Each measured step runs in a fresh process on a fresh copy of
the database, so peak memory is the import's own.

Run: .venv/bin/python tests/bench/bench_import.py [rows] [repeats]
"""

from __future__ import annotations

import json
import random
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "staffing"))
from _common import PY, ROOT, report

ADMIN, PASSWORD, PASSPHRASE = "admin", "admin-pass-1", "office-passphrase-1"
UNITS = 250
ROUTES = ("考录", "公开招聘", "选调", "调任")
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英华"


def _workspace(data: Path) -> Any:
    from bzdesk.paths import DataPaths
    from bzdesk.workspace import Workspace

    ws = Workspace.open(DataPaths(data))
    ws.login(ADMIN, PASSWORD)
    return ws


def prepare(tmp: Path, rows: int) -> tuple[Path, Path]:
    """An initialised office with UNITS units (quotas for everyone), and the roster."""
    import openpyxl
    from staffing_helpers import uscc

    from bzdesk.db import open_database
    from bzdesk.paths import DataPaths
    from bzdesk.services import excel_io, office

    data = tmp / "template"
    db = open_database(DataPaths(data))
    office.initialise(db, code="360121", name="南昌县委编办", level="county",
                      admin_username=ADMIN, admin_display_name="管理员", admin_password=PASSWORD,
                      key_passphrase=PASSPHRASE)
    db.close()
    per_unit = rows // UNITS + 10
    units_file = tmp / "units.xlsx"
    wb = openpyxl.Workbook()
    sheet = wb.active
    assert sheet is not None
    sheet.append(["机构名称", "统一社会信用代码", "机构类别", "行政编制", "事业编制"])
    for i in range(UNITS):
        sheet.append([f"南昌县第{i + 1}单位", uscc(i + 1), "政府工作部门", per_unit, per_unit])
    wb.save(units_file)
    ws = _workspace(data)
    try:
        sheet_data = ws.read(excel_io.read_import_sheet, units_file, "units")
        ws.write(excel_io.import_sheet, sheet_data)
    finally:
        ws.close()
    return data, write_roster(tmp / "roster.xlsx", rows)


def write_roster(path: Path, rows: int) -> Path:
    from openpyxl import Workbook
    from staffing_helpers import id_card

    rnd = random.Random(7)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("花名册")
    ws.append(["南昌县机构编制实名制人员花名册"])
    ws.append(["序号", "姓名", "公民身份号码", "性别", "出生年月", "民族", "政治面貌", "学历",
               "参加工作时间", "联系电话", "工作单位", "编制类型", "职务", "入编时间", "入编方式"])
    for i in range(rows):
        born = date(1965, 1, 1) + timedelta(days=rnd.randrange(11500))
        male = rnd.random() < 0.5
        number = id_card(born, male, i % 500, region=f"36{i // 500:04d}")
        start = born + timedelta(days=8000 + rnd.randrange(2000))
        ws.append([i + 1, rnd.choice(SURNAMES) + rnd.choice(GIVEN) + rnd.choice(GIVEN), number,
                   "男" if male else "女", f"{born:%Y.%m}", "汉族", "中共党员", "大学本科",
                   f"{start:%Y.%m}", f"1387000{i:04d}", f"南昌县第{i % UNITS + 1}单位",
                   "行政编制" if i % 2 else "事业编制", "科员", start, rnd.choice(ROUTES)])
    wb.save(path)
    return path


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# -- steps run in a child process ---------------------------------------------------

def step_ours(data: Path, file: Path) -> dict[str, float]:
    from bzdesk.services import excel_io

    ws = _workspace(data)
    try:
        t0 = time.perf_counter()
        saved = excel_io.backup_before_import(ws.paths)
        backup = time.perf_counter() - t0
        assert saved is not None
        t0, c0 = time.perf_counter(), time.process_time()
        sheet = ws.read(excel_io.read_import_sheet, file, "roster")
        read = time.perf_counter() - t0
        outcome = ws.write(excel_io.import_sheet, sheet)
        total, cpu = time.perf_counter() - t0, time.process_time() - c0
    finally:
        ws.close()
    assert outcome.value.added > 0 and outcome.value.ok, outcome.value.summary()
    return {"seconds": total, "cpu": cpu, "read": read, "backup": backup,
            "peak_mb": peak_mb(), "added": outcome.value.added}


WRITTEN = ("person", "posting", "change_log", "audit_entry")
DOMAIN = ("person", "posting")


def _new_rows(before: Path, after: Path) -> dict[str, tuple[list[str], list[tuple[Any, ...]]]]:
    """Per table, the rows the import added (present in ``after``, not in ``before``)."""
    con = sqlite3.connect(after)
    try:
        con.execute("ATTACH DATABASE ? AS old", (str(before),))
        out = {}
        for table in WRITTEN:
            key = "seq" if table in ("change_log", "audit_entry") else "id"
            cur = con.execute(f"SELECT * FROM main.{table} WHERE {key} NOT IN "
                              f"(SELECT {key} FROM old.{table})")
            out[table] = ([d[0] for d in cur.description], cur.fetchall())
        return out
    finally:
        con.close()


def step_baseline(data: Path, file: Path, rows_from: Path) -> dict[str, float]:
    """calamine's parse of the file, then raw executemany of the rows the import wrote
    (each table timed, so both the domain-only and the all-rows floors are known)."""
    from python_calamine import CalamineWorkbook

    tables = _new_rows(data / "bzdesk.sqlite3", rows_from)  # made before the clock starts
    t0, c0 = time.perf_counter(), time.process_time()
    with CalamineWorkbook.from_path(str(file)) as wb:
        parsed = wb.get_sheet_by_index(0).to_python()
    parse = time.perf_counter() - t0
    con = sqlite3.connect(data / "bzdesk.sqlite3", isolation_level=None)
    for pragma in ("journal_mode=WAL", "foreign_keys=ON", "synchronous=FULL",
                   "cache_size=-65536"):
        con.execute(f"PRAGMA {pragma}")
    times = {}
    t1 = time.perf_counter()
    con.execute("BEGIN IMMEDIATE")
    for table, (columns, values) in tables.items():
        t = time.perf_counter()
        marks = ",".join("?" * len(columns))
        con.executemany(f"INSERT INTO {table} ({','.join(columns)}) VALUES ({marks})", values)
        times[table] = time.perf_counter() - t
    t = time.perf_counter()
    con.execute("COMMIT")
    commit = time.perf_counter() - t
    insert, cpu = time.perf_counter() - t1, time.process_time() - c0
    con.close()
    assert len(parsed) > len(tables["person"][1])
    domain = parse + sum(times[t] for t in DOMAIN) + commit
    return {"seconds": parse + insert, "cpu": cpu, "domain": domain, "parse": parse,
            "insert": insert, "rows": sum(len(v) for _, v in tables.values())}


def step_export(data: Path, out: Path) -> dict[str, float]:
    from bzdesk.services import excel_io

    ws = _workspace(data)
    try:
        t0 = time.perf_counter()
        result = ws.read(excel_io.export_roster, out)
        seconds = time.perf_counter() - t0
    finally:
        ws.close()
    return {"seconds": seconds, "rows": result.rows, "peak_mb": peak_mb()}


def step_bare_export(data: Path, out: Path) -> dict[str, float]:
    from openpyxl import Workbook

    from bzdesk.services.excel_io import exports

    ws = _workspace(data)
    try:
        with ws.db.read() as s:  # the very cells the export writes, made before the clock
            cells = exports.roster_cells(s, ws.actor)
    finally:
        ws.close()
    t0 = time.perf_counter()
    wb = Workbook(write_only=True)
    sheet = wb.create_sheet("花名册")
    for row in cells:
        sheet.append(row)
    wb.save(out)
    return {"seconds": time.perf_counter() - t0, "rows": len(cells) - 1}


def step_reimport(data: Path, file: Path) -> dict[str, float]:
    from bzdesk.services import excel_io

    ws = _workspace(data)
    try:
        t0 = time.perf_counter()
        sheet = ws.read(excel_io.read_import_sheet, file, "roster")
        outcome = ws.write(excel_io.import_sheet, sheet)
        seconds = time.perf_counter() - t0
    finally:
        ws.close()
    value = outcome.value
    assert value.added == value.updated == 0, value.summary()
    return {"seconds": seconds, "unchanged": value.unchanged, "peak_mb": peak_mb()}


def step_prepare(tmp: Path, rows: Path) -> dict[str, float]:
    _, roster = prepare(tmp, int(rows.name))
    return {"rows": int(rows.name), "mb": roster.stat().st_size / 1e6}


STEPS = {"prepare": step_prepare, "ours": step_ours, "baseline": step_baseline,
         "export": step_export, "bare_export": step_bare_export, "reimport": step_reimport}


def child(step: str, *args: Path) -> dict[str, float]:
    done = subprocess.run([PY, __file__, "--step", step, *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, check=False)
    if done.returncode:
        raise SystemExit(f"step {step} failed:\n{done.stdout}\n{done.stderr}")
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def fresh(template: Path, where: Path) -> Path:
    shutil.rmtree(where, ignore_errors=True)
    shutil.copytree(template, where)
    return where


def main() -> int:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 2
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        made = child("prepare", tmp, Path(str(rows)))
        template, roster = tmp / "template", tmp / "roster.xlsx"
        print(f"roster: {rows} rows, {made['mb']:.1f} MB", flush=True)
        ours, base = [], []
        for _ in range(repeats):
            ours.append(child("ours", fresh(template, tmp / "ours"), roster))
            base.append(child("baseline", fresh(template, tmp / "base"), roster,
                              tmp / "ours" / "bzdesk.sqlite3"))
        mine = min(ours, key=lambda r: r["seconds"])
        floor = min(base, key=lambda r: r["seconds"])
        print(f"  ours: read {mine['read']:.2f} s, total {mine['seconds']:.2f} s; baseline: "
              f"calamine {floor['parse']:.2f} s + executemany of {int(floor['rows'])} rows "
              f"{floor['insert']:.2f} s")
        ok = report(f"import {rows} rows, all rows written (best of {repeats})",
                    mine["seconds"], "s", floor["seconds"], 2.0)
        report("  same against person and posting rows only", mine["seconds"], "s",
               min(r["domain"] for r in base))
        report("  validate + write (after our read) against calamine's parse alone",
               mine["seconds"] - mine["read"], "s", floor["parse"])
        report("  CPU time (less disturbed by other load on the machine)",
               min(r["cpu"] for r in ours), "s", min(r["cpu"] for r in base))
        ok &= report("import peak memory", max(r["peak_mb"] for r in ours), "MB", None, 500)
        report("backup before import (apart)", mine["backup"], "s")
        out, bare = tmp / "export.xlsx", tmp / "bare.xlsx"
        exports = [(child("export", tmp / "ours", out), child("bare_export", tmp / "ours", bare))
                   for _ in range(repeats)]
        exported = min((e for e, _ in exports), key=lambda r: r["seconds"])
        plain = min((b for _, b in exports), key=lambda r: r["seconds"])
        ok &= report(f"export {int(exported['rows'])} rows (best of {repeats})",
                     exported["seconds"], "s", plain["seconds"], 1.5)
        again = child("reimport", tmp / "ours", out)
        report(f"re-import of the export ({int(again['unchanged'])} unchanged)",
               again["seconds"], "s", mine["seconds"])
    return 0 if ok else 1


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--step":
        result = STEPS[sys.argv[2]](*map(Path, sys.argv[3:]))
        print(json.dumps(result))
    else:
        raise SystemExit(main())
