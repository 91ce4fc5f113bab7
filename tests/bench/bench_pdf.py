"""TableReport (bzdesk.reports.table) on 1,000 and 10,000 roster rows.

Goals: 10,000 rows in ≤ 5 s, and near-linear growth (the 10k/1k time ratio close to 10, not
the quadratic blow-up of one big LongTable). The raw baseline is a bare reportlab canvas that
draws the same cell strings at fixed positions (no wrapping, grid, fallback or pagination
logic): the floor of the work. ``--longtable`` also times reportlab's LongTable with
repeatRows on the same rows, the approach DESIGN.md measured at 14.5 s for 10k rows.

Run: .venv/bin/python tests/bench/bench_pdf.py [--longtable]
"""

from __future__ import annotations

import random
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import report, timed

from bzdesk.reports.fonts import faces
from bzdesk.reports.pdf import Column, TableReport

COLUMNS = [
    Column("序号", 0.6, "center"), Column("姓名", 1.2), Column("性别", 0.5, "center"),
    Column("出生年月", 1, "center"), Column("单位", 3), Column("编制类型", 1.2),
    Column("职务", 1.4), Column("入编时间", 1.1, "center"),
]


def make_rows(n: int) -> list[tuple[str, list[object]]]:
    """(unit, cells) sorted by unit, about 40 people per unit; a few long unit names."""
    rnd = random.Random(11)
    surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
    given = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英华"
    rows = []
    for i in range(n):
        u = i // 40
        unit = (f"南昌县第{u}事业服务中心" if u % 25 else
                f"南昌县乡村振兴产业发展综合服务中心第{u}分中心（挂县农业农村局牌子）")
        born = date(1965, 1, 1) + timedelta(days=rnd.randrange(15000))
        name = rnd.choice(surnames) + rnd.choice(given) + rnd.choice(given)
        rows.append((unit, [i + 1, name, rnd.choice("男女"), f"{born:%Y.%m}", unit,
                            rnd.choice(("行政编制", "事业编制", "工勤编制")), "科员",
                            born + timedelta(days=8000)]))
    return rows


def ours(path: Path, rows: list[tuple[str, list[object]]]) -> None:
    r = TableReport("实名制人员花名册", COLUMNS, office_name="南昌县委机构编制委员会办公室",
                    stat_date=date(2024, 6, 30))
    current = None
    for unit, cells in rows:
        if unit != current:
            r.start_group(unit)
            current = unit
        r.add_row(cells)
    r.write(path)


def bare(path: Path, rows: list[tuple[str, list[object]]]) -> None:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen.canvas import Canvas

    song = faces().song
    c = Canvas(str(path), pagesize=landscape(A4), initialFontName=song)
    xs = [42, 70, 130, 160, 210, 360, 420, 490]
    y = 560.0
    for _, cells in rows:
        c.setFont(song, 10.5)
        for x, v in zip(xs, cells, strict=True):
            c.drawString(x, y, str(v))
        y -= 18
        if y < 40:
            c.showPage()
            y = 560.0
    c.save()


def longtable(path: Path, rows: list[tuple[str, list[object]]]) -> None:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.platypus import LongTable, SimpleDocTemplate

    song = faces().song
    data = [[c.title for c in COLUMNS]] + [[str(v) for v in cells] for _, cells in rows]
    table = LongTable(data, repeatRows=1, style=[("FONT", (0, 0), (-1, -1), song, 10.5),
                                                 ("GRID", (0, 0), (-1, -1), 0.5, "black")])
    SimpleDocTemplate(str(path), pagesize=landscape(A4), initialFontName=song).build([table])


def main() -> int:
    faces()  # font registration is once per process, not per report
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        small, large = make_rows(1_000), make_rows(10_000)
        ours(out / "warm.pdf", small[:50])
        b1 = timed(lambda: bare(out / "b1.pdf", small), repeat=3)
        t1 = timed(lambda: ours(out / "t1.pdf", small), repeat=3)
        ok &= report("TableReport 1,000 rows", t1, "s", baseline=b1)
        b10 = timed(lambda: bare(out / "b10.pdf", large), repeat=3)
        t10 = timed(lambda: ours(out / "t10.pdf", large), repeat=3)
        ok &= report("TableReport 10,000 rows", t10, "s", limit=5.0)
        report("  ratio to bare canvas (10,000)", t10, "s", baseline=b10)
        growth = t10 / t1
        print(f"growth 1k → 10k: ×{growth:.2f} for ×10 rows "
              f"(linear = 10; per row {t1 / 1_000 * 1e3:.3f} ms → {t10 / 10_000 * 1e3:.3f} ms)")
        ok &= growth <= 12
        if "--longtable" in sys.argv:
            report("reportlab LongTable 1,000 rows", timed(lambda: longtable(out / "l1.pdf",
                                                                              small)), "s")
            report("reportlab LongTable 10,000 rows", timed(lambda: longtable(out / "l10.pdf",
                                                                               large)), "s")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
