"""The four reports of the demo office, looked at as a reader would: with pdftotext,
pdffonts, pdfinfo and a rendered page (poppler and Pillow)."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from report_helpers import page_numbers, pdf, read

from bzdesk.db import Database
from bzdesk.roles import Actor
from bzdesk.services import reports
from bzdesk.services import staffing as st

OFFICE = "南昌县委机构编制委员会办公室"
HEADINGS = {
    "roster": ["实名制人员花名册", "序号", "姓名", "性别", "出生年月", "单位", "编制类型", "职务",
               "入编时间"],
    "staffing": ["机构编制统计表", "编制类型汇总表", "领导职数配备情况表", "人员增减变动情况表",
                 "行政编制", "事业编制", "核定", "实有", "在途", "空编", "超编"],
    "visits": ["挂点联系走访情况表", "走访发现问题清单", "问题办理情况表", "第一季度", "第四季度",
               "责任单位", "办理时限"],
    "party": ["党组织活动开展情况统计表", "党组织活动台账", "志愿服务统计表",
              "在职党员进社区报到台账", "应到", "实到", "出席率"],
}


@pytest.fixture(scope="module")
def made(demo: Database, demo_admin: Actor,
         tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Path]]:
    folder = tmp_path_factory.mktemp("reports")
    out = {}
    for kind in reports.KINDS:
        out[kind] = folder / f"{kind}.pdf"
        read(demo, demo_admin, reports.write_report, kind, out[kind])
    yield out


def _page_sizes(path: Path) -> list[tuple[int, int]]:
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "999", str(path)], capture_output=True,
                          text=True, check=True).stdout
    return [(round(float(w)), round(float(h))) for w, h in
            re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info, re.M)]


@pytest.mark.parametrize("kind", list(reports.KINDS))
def test_headings_office_and_page_n_of_m(made: dict[str, Path], kind: str) -> None:
    text = pdf.text(made[kind])
    squeezed = pdf.squeezed(text)
    for heading in HEADINGS[kind]:
        assert heading in squeezed, heading
    assert OFFICE in squeezed
    total = pdf.pages(made[kind])
    numbers = page_numbers(text)
    # cover and 说明 are GB/T 9704 pages; every table page counts in the file's pages
    assert numbers and all(m == total for _, m in numbers)
    assert [n for n, _ in numbers] == list(range(3, total + 1))
    assert "—2—" in pdf.squeezed(pdf.text(made[kind], 2))  # the 说明 page's number
    assert "说明" in pdf.text(made[kind], 2)


@pytest.mark.parametrize("kind", list(reports.KINDS))
def test_every_font_is_embedded(made: dict[str, Path], kind: str) -> None:
    found = pdf.fonts(made[kind])
    assert found and all(f.embedded for f in found), found


def test_cover_and_explanation_are_portrait_and_tables_landscape(
        made: dict[str, Path]) -> None:
    sizes = _page_sizes(made["roster"])
    portrait, landscape = (595, 842), (842, 595)  # A4 in points
    assert sizes[:2] == [portrait, portrait]
    assert set(sizes[2:]) == {landscape}
    cover = pdf.squeezed(pdf.text(made["roster"], 1))
    assert "实名制人员花名册" in cover and OFFICE in cover and "统计日期" in cover


def test_roster_lists_every_person_in_post(made: dict[str, Path], demo: Database,
                                           demo_admin: Actor) -> None:
    query = st.PersonQuery(status="open")
    people = read(demo, demo_admin, st.list_people, query, limit=1000).rows
    assert len(people) == read(demo, demo_admin, st.count_people, query) > 100
    text = pdf.squeezed(pdf.text(made["roster"]))
    for person in people:
        assert person.name in text, person.name
        assert person.unit in text
    report = read(demo, demo_admin, reports.build_report, "roster", reports.ReportParams())
    assert report.rows == len(people)
    numbers = [cells[0] for kind, cells in report.tables[0].items if kind == "row"]
    assert numbers == list(range(1, len(people) + 1))


def test_a_table_page_renders_with_ink(made: dict[str, Path], tmp_path: Path) -> None:
    for kind in reports.KINDS:
        assert pdf.ink_fraction(made[kind], 3, tmp_path, dpi=50) > 0.01, kind
    assert pdf.ink_fraction(made["party"], 1, tmp_path, dpi=50) > 0.001  # the cover


def test_page_count_grows_with_rows(demo: Database, demo_admin: Actor, tmp_path: Path) -> None:
    counts = []
    for day in (date(2000, 1, 1), date(2012, 1, 1), date.today()):
        out = tmp_path / f"roster-{day}.pdf"
        result = read(demo, demo_admin, reports.write_roster_pdf, out, day)
        assert result.pages == pdf.pages(out)
        counts.append((result.rows, result.pages))
    assert counts[0][0] < counts[1][0] < counts[2][0]
    assert counts[0][1] < counts[1][1] < counts[2][1]


def test_the_statistics_day_is_printed(demo: Database, demo_admin: Actor,
                                       tmp_path: Path) -> None:
    out = tmp_path / "staffing.pdf"
    read(demo, demo_admin, reports.write_staffing_pdf, out, date(2024, 6, 30))
    text = pdf.squeezed(pdf.text(out))
    assert "统计日期：2024年6月30日" in text
    assert "2024年1月1日至2024年6月30日" in text  # the movements' period
