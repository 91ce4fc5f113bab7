"""Bad and odd input: an empty office, rare name characters, a unit name of 200
characters, a folder that does not exist, cancelling; and the .xlsx of the same tables."""

from __future__ import annotations

from pathlib import Path

import pytest
from report_helpers import merged_unit, page_numbers, pdf, person_in_post, read, unit_with_quota

from bzdesk.db import Database
from bzdesk.errors import Cancelled, ValidationError
from bzdesk.roles import Actor
from bzdesk.services import reports
from bzdesk.services import staffing as st

RARE_EXT_E = "𬌗"  # only in the HanaMinA subset
RARE_EXT_A = "䶮"  # in the main font
EMPTY_HEADINGS = {
    "roster": ["实名制人员花名册", "序号", "姓名", "入编时间"],
    "staffing": ["机构编制统计表", "编制类型汇总表", "领导职数配备情况表", "人员增减变动情况表"],
    "visits": ["挂点联系走访情况表", "走访发现问题清单", "问题办理情况表"],
    "party": ["党组织活动开展情况统计表", "党组织活动台账", "在职党员进社区报到台账"],
}


@pytest.mark.parametrize("kind", list(reports.KINDS))
def test_an_empty_office_gives_headers_and_no_data(db: Database, admin: Actor, tmp_path: Path,
                                                   kind: str) -> None:
    out = tmp_path / f"{kind}.pdf"
    result = read(db, admin, reports.write_report, kind, out)
    assert result.rows == 0 and result.pages == pdf.pages(out) >= 3
    text = pdf.squeezed(pdf.text(out))
    for heading in EMPTY_HEADINGS[kind]:
        assert heading in text, heading
    tables = read(db, admin, reports.build_report, kind, reports.ReportParams()).tables
    assert text.count("（无数据）") == len(tables)  # every table: its header, then 无数据
    assert all(f.embedded for f in pdf.fonts(out))
    assert page_numbers(pdf.text(out))[-1] == (result.pages, result.pages)
    book = read(db, admin, reports.write_report, kind, tmp_path / f"{kind}.xlsx")
    assert book.rows == 0 and book.path.stat().st_size > 0


def test_rare_name_characters_are_drawn_not_boxed(db: Database, admin: Actor,
                                                  tmp_path: Path) -> None:
    unit = unit_with_quota(db, admin, "南昌县档案馆")
    person_in_post(db, admin, f"王{RARE_EXT_A}", unit, 1)
    person_in_post(db, admin, f"赵{RARE_EXT_E}明", unit, 2)
    out = tmp_path / "roster.pdf"
    read(db, admin, reports.write_roster_pdf, out)
    text = pdf.squeezed(pdf.text(out))
    assert f"王{RARE_EXT_A}" in text and f"赵{RARE_EXT_E}明" in text
    assert "[U+" not in text
    found = pdf.fonts(out)
    assert all(f.embedded for f in found) and any("HanaMinA" in f.name for f in found)


def test_a_unit_name_of_200_characters(db: Database, admin: Actor, tmp_path: Path) -> None:
    long_name = ("南昌县乡村振兴产业发展综合服务中心" * 12)[:200]
    # the form refuses it, clearly …
    with pytest.raises(ValidationError) as refused, db.write() as s:
        st.create_unit(s, admin, st.UnitInput(long_name, "事业单位"))
    assert "过长" in refused.value.message
    # … but a row merged from another site may carry it: the PDF wraps it in its cell
    unit = unit_with_quota(db, admin, "", unit_id=merged_unit(db, admin, long_name))
    person_in_post(db, admin, "钱多多", unit, 3)
    out = tmp_path / "roster.pdf"
    read(db, admin, reports.write_roster_pdf, out)
    assert long_name in pdf.squeezed(pdf.text(out))
    width, _, words = pdf.words(out, 3)
    assert all(w.x_max <= width for w in words)
    staffing = tmp_path / "staffing.pdf"
    read(db, admin, reports.write_staffing_pdf, staffing)
    assert long_name in pdf.squeezed(pdf.text(staffing))


def test_cancel_leaves_no_file_and_keeps_the_old_one(demo: Database, demo_admin: Actor,
                                                     tmp_path: Path) -> None:
    out = tmp_path / "roster.pdf"
    out.write_bytes(b"previous report")
    calls = 0

    def cancelled() -> bool:
        nonlocal calls
        calls += 1
        return calls > 20  # part-way through the layout

    with pytest.raises(Cancelled):
        read(demo, demo_admin, reports.write_report, "roster", out, cancelled=cancelled)
    assert out.read_bytes() == b"previous report"
    assert list(tmp_path.iterdir()) == [out]


def test_progress_reaches_the_end(demo: Database, demo_admin: Actor, tmp_path: Path) -> None:
    seen: list[tuple[int, int, str]] = []
    read(demo, demo_admin, reports.write_report, "party", tmp_path / "p.pdf",
         progress=lambda done, total, message: seen.append((done, total, message)))
    assert seen[0][2] == "正在读取数据…"
    assert seen[-1][0] == seen[-1][1] and seen[-1][2] == "已完成"
    done = [d for d, _, _ in seen[1:]]
    assert done == sorted(done)


def test_a_missing_folder_is_a_clear_refusal(demo: Database, demo_admin: Actor,
                                             tmp_path: Path) -> None:
    for name in ("r.pdf", "r.xlsx"):
        with pytest.raises(ValidationError, match="不存在，请选择已有的文件夹"):
            read(demo, demo_admin, reports.write_report, "roster", tmp_path / "no" / name)


def test_the_workbook_has_the_same_tables(demo: Database, demo_admin: Actor,
                                          tmp_path: Path) -> None:
    from openpyxl import load_workbook

    report = read(demo, demo_admin, reports.build_report, "party", reports.ReportParams())
    out = tmp_path / "party.xlsx"
    result = read(demo, demo_admin, reports.write_report, "party", out)
    assert result.rows == report.rows
    book = load_workbook(out, read_only=True)
    try:
        tables = {t.title: t for t in report.tables}
        data_sheets = [n for n in book.sheetnames if not n.endswith("说明") and n != "字典"]
        assert data_sheets == [t.title[:31] for t in report.tables]
        ledger = book["党组织活动台账"]
        rows = list(ledger.iter_rows(values_only=True))
        assert rows[1][0] == "党组织"  # the group heading became a column
        assert len(rows) - 2 == tables["党组织活动台账"].row_count
        assert isinstance(rows[2][6], int)  # 应到 stays a number
    finally:
        book.close()
