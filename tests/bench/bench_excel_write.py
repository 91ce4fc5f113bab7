"""Styled export (bzdesk.excel.writer.write_table) against a bare openpyxl write-only
write of the same 50,000 × 15 cells (goal ≤ 1.5×), plus reading the result back with
bzdesk's reader against bare python-calamine (reported, no goal).

Run: .venv/bin/python tests/bench/bench_excel_write.py [rows]
"""

from __future__ import annotations

import random
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import report, timed

from bzdesk.excel.reader import read_sheet
from bzdesk.excel.spec import ColumnSpec, SheetSpec
from bzdesk.excel.writer import write_table

COLUMNS = [
    ColumnSpec("序号", 6, "int"),
    ColumnSpec("姓名", 10),
    ColumnSpec("性别", 6, "choice", ("男", "女")),
    ColumnSpec("公民身份号码", 22, "id"),
    ColumnSpec("出生年月", 10, "month"),
    ColumnSpec("民族", 8),
    ColumnSpec("政治面貌", 12, "choice", ("中共党员", "中共预备党员", "共青团员", "群众")),
    ColumnSpec("学历", 10),
    ColumnSpec("工作单位", 28),
    ColumnSpec("编制类型", 12, "choice", ("行政编制", "政法专项编制", "事业编制", "工勤编制")),
    ColumnSpec("职务", 14),
    ColumnSpec("入编时间", 12, "date"),
    ColumnSpec("入编方式", 10, "choice", ("考录", "公开招聘", "选调", "调任", "转任", "其他")),
    ColumnSpec("参加工作时间", 12, "month"),
    ColumnSpec("备注", 20),
]


def make_rows(n: int) -> list[list[object]]:
    rnd = random.Random(7)
    surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
    given = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英华"
    rows: list[list[object]] = []
    for i in range(n):
        born = date(1965, 1, 1) + timedelta(days=rnd.randrange(15000))
        rows.append([
            i + 1, rnd.choice(surnames) + rnd.choice(given) + rnd.choice(given),
            rnd.choice("男女"), f"360121{born:%Y%m%d}{rnd.randrange(1000):03d}X", born,
            "汉族", "中共党员", "大学本科", f"南昌县第{rnd.randrange(300)}单位", "事业编制",
            "科员", born + timedelta(days=8000), "公开招聘", born + timedelta(days=7900),
            "" if i % 3 else "借调",
        ])
    return rows


def bare(path: Path, rows: list[list[object]]) -> None:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("花名册")
    ws.append([c.header for c in COLUMNS])
    for row in rows:
        ws.append(row)
    wb.save(path)


def ours(path: Path, rows: list[list[object]]) -> None:
    write_table(path, [SheetSpec("花名册", COLUMNS, rows, heading="南昌县机构编制实名制花名册")])


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000
    rows = make_rows(n)
    with tempfile.TemporaryDirectory() as tmp:
        a, b = Path(tmp) / "bare.xlsx", Path(tmp) / "ours.xlsx"
        base = timed(lambda: bare(a, rows), repeat=3)
        mine = timed(lambda: ours(b, rows), repeat=3)
        ok = report(f"write_table {n} x {len(COLUMNS)} (median of 3)", mine, "s", base, 1.5)

        from python_calamine import CalamineWorkbook

        def raw_read() -> None:
            with CalamineWorkbook.from_path(b) as wb:
                list(wb.get_sheet_by_index(0).iter_rows())

        raw = timed(raw_read, repeat=3)
        report("read_sheet of that file (median of 3)", timed(lambda: read_sheet(b), repeat=3),
               "s", raw)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
