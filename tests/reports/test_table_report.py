"""TableReport: A4 landscape tables checked with the real poppler tools."""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pdf_helpers as pdf
import pytest

from bzdesk.errors import Cancelled, ValidationError
from bzdesk.reports.pdf import Column, TableReport, cell_text

OFFICE = "南昌县委机构编制委员会办公室"
COLUMNS = [
    Column("序号", 0.6, "center"), Column("姓名", 1.2), Column("性别", 0.6, "center"),
    Column("出生年月", 1, "center"), Column("单位", 3), Column("编制类型", 1.2),
    Column("职务", 1.4), Column("入编时间", 1.1, "center"),
]
HEADERS = [c.title for c in COLUMNS]
LONG_UNIT = "南昌县" + "乡村振兴产业发展综合服务与农业技术推广应用研究中心" * 8 + "办公室"
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英华"


def roster(rows: int, *, rare: bool = False, groups: int = 4) -> TableReport:
    report = TableReport("实名制人员花名册", COLUMNS, office_name=OFFICE,
                         stat_date=date(2024, 6, 30), generated_at=datetime(2024, 7, 1, 9, 30),
                         notes=["说明：本表按单位分组，统计至统计日期在编人员。"])
    per_group = max(1, rows // groups)
    n = 0
    for g in range(groups):
        unit = f"南昌县第{g + 1}事业服务中心"
        report.start_group(unit)
        for _ in range(per_group if g < groups - 1 else rows - n):
            n += 1
            name = SURNAMES[n % 20] + GIVEN[n % 20] + GIVEN[(n * 7) % 20]
            report.add_row([n, name, "男" if n % 2 else "女", f"19{60 + n % 40}.{1 + n % 12:02d}",
                            unit, "事业编制", "专业技术人员", date(2000 + n % 20, 1, 1)])
        report.add_subtotal(["", "小计", "", "", f"{per_group} 人", "", "", ""])
    if rare:
        report.start_group("南昌县生僻字测试单位")
        for name in ("王䶮", "李𠙶", "赵𬌗", "钱𠀁"):
            report.add_row(["", name, "男", "1990.01", "南昌县生僻字测试单位", "行政编制", "科员",
                            None])
    return report


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("table") / "花名册.pdf"
    report = roster(300, rare=True)
    report.add_row([301, "欧阳长单位", "女", "1988.08", LONG_UNIT, "事业编制", "科员", None])
    result = report.write(out)
    assert result.path == out and result.rows == 305 and result.pages == pdf.pages(out)
    return out


def test_title_office_date_and_names_are_in_the_text(big: Path) -> None:
    first = pdf.text(big, 1)
    for expected in ("实名制人员花名册", f"填报单位：{OFFICE}", "统计日期：2024年6月30日",
                     *HEADERS, "南昌县第1事业服务中心", "生成时间：2024-07-01 09:30"):
        assert expected in first, expected
    whole = pdf.text(big)
    for name in ("王䶮", "李𠙶", "赵𬌗", "钱𠀁"):
        assert name in whole, name
    assert "说明：本表按单位分组" in whole


def test_every_font_is_embedded_and_fallbacks_appear_when_needed(big: Path,
                                                                  tmp_path: Path) -> None:
    used = pdf.fonts(big)
    assert used and all(f.embedded for f in used), used
    assert {f.type for f in used} == {"TrueType"}
    names = " ".join(f.name for f in used)
    assert "UMingCN" in names and "HanaMinA" in names and "HanaMinB" in names

    plain = tmp_path / "plain.pdf"
    report = roster(20)
    report.start_group("生僻字但主字体就有")
    report.add_row(["", "王䶮", "男", "", "", "", "", ""])
    report.add_row(["", "李𠙶", "男", "", "", "", "", ""])
    report.write(plain)
    plain_fonts = pdf.fonts(plain)
    assert all(f.embedded for f in plain_fonts)
    assert {re.sub(r"^[A-Z]{6}\+", "", f.name) for f in plain_fonts} == {"UMingCN-0"}
    assert "王䶮" in pdf.text(plain) and "李𠙶" in pdf.text(plain)


def test_each_page_says_page_n_of_m_and_repeats_the_header(big: Path) -> None:
    total = pdf.pages(big)
    assert total >= 3
    for page in range(1, total + 1):
        text = pdf.text(big, page)
        assert f"第 {page} 页 共 {total} 页" in text, page
        assert OFFICE in text
        assert "统计日期：2024年6月30日" in text
        if page < total:  # the last page may hold only notes
            assert all(h in text for h in HEADERS), page
    second = pdf.text(big, 2, layout=True)
    header_line = next(line for line in second.splitlines() if "序号" in line)
    assert re.search(r"序号\s+姓名\s+性别\s+出生年月\s+单位\s+编制类型\s+职务\s+入编时间",
                     header_line)


def test_a_group_running_over_a_page_is_continued(big: Path) -> None:
    assert "南昌县第1事业服务中心（续）" in pdf.text(big, 2)


def test_page_count_grows_with_the_rows(tmp_path: Path) -> None:
    counts = []
    for rows in (10, 100, 400):
        out = tmp_path / f"r{rows}.pdf"
        result = roster(rows).write(out)
        assert result.pages == pdf.pages(out)
        counts.append(result.pages)
    assert counts[0] == 1 and counts[0] < counts[1] < counts[2]
    assert counts[2] >= 3 * counts[1] - 2


def test_a_200_character_unit_name_wraps_inside_its_column(big: Path) -> None:
    assert len(LONG_UNIT) > 200
    total = pdf.pages(big)
    width, height, _ = pdf.words(big, 1)
    right_edge = width - 15 * pdf.MM
    found = False
    for page in range(1, total + 1):
        _, _, page_words = pdf.words(big, page)
        for w in page_words:
            assert w.x_min >= 15 * pdf.MM - 1 and w.x_max <= right_edge + 1, w
            assert w.y_min >= 0 and w.y_max <= height, w
        found = found or LONG_UNIT in pdf.squeezed(pdf.text(big, page))
    assert found


def test_a_cell_taller_than_a_page_is_split_over_pages(tmp_path: Path) -> None:
    report = TableReport("附注", [Column("项目", 1), Column("内容", 6)], office_name=OFFICE,
                         stat_date="2024年度")
    essay = "".join(f"第{i}条：各单位应当严格执行机构编制管理规定。" for i in range(1, 400))
    report.add_row(["说明", essay])
    out = tmp_path / "essay.pdf"
    result = report.write(out)
    assert result.pages >= 3
    column_left = 15 * pdf.MM + (297 - 30) * pdf.MM / 7
    pieces = []
    for page in range(1, result.pages + 1):
        _, height, page_words = pdf.words(out, page)
        body = [w for w in page_words if w.y_max <= height - 15 * pdf.MM + 1]
        footer = [w for w in page_words if w not in body]
        assert footer and all(w.y_min >= height - 12 * pdf.MM for w in footer), page
        header = next(w for w in body if w.text == "内容")  # repeated on every page
        pieces += [w.text for w in sorted(body, key=lambda w: w.y_min)
                   if w.x_min > column_left and w.y_min > header.y_max]
    assert "".join(pieces) == essay
    assert "统计日期：2024年度" in pdf.text(out, 1)


def test_empty_data_gives_the_header_and_no_data_line(tmp_path: Path) -> None:
    out = tmp_path / "empty.pdf"
    result = TableReport("编制统计表", COLUMNS, office_name=OFFICE,
                         stat_date=date(2024, 1, 1)).write(out)
    assert result.pages == 1 and result.rows == 0 and pdf.pages(out) == 1
    text = pdf.text(out)
    assert "（无数据）" in text and all(h in text for h in HEADERS)
    assert "第 1 页 共 1 页" in text
    assert all(f.embedded for f in pdf.fonts(out))


def test_page_one_renders_with_ink(big: Path, tmp_path: Path) -> None:
    share = pdf.ink_fraction(big, 1, tmp_path)
    assert 0.02 < share < 0.6, share
    blank = tmp_path / "blank.pdf"
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(blank))
    canvas.showPage()
    canvas.save()
    assert pdf.ink_fraction(blank, 1, tmp_path) == 0


def test_progress_reports_to_the_end(tmp_path: Path) -> None:
    seen: list[tuple[int, int, str]] = []
    roster(600).write(tmp_path / "p.pdf", progress=lambda d, t, m: seen.append((d, t, m)))
    dones = [d for d, _, _ in seen]
    assert dones == sorted(dones)
    assert len({t for _, t, _ in seen}) == 1
    assert seen[-1][0] == seen[-1][1] and seen[-1][2] == "已完成"
    assert any("正在生成第" in m for _, _, m in seen)


def test_cancel_removes_the_part_file_and_keeps_the_old_report(tmp_path: Path) -> None:
    out = tmp_path / "花名册.pdf"
    out.write_bytes(b"old report")
    calls = 0

    def cancelled() -> bool:
        nonlocal calls
        calls += 1
        return calls > 3

    with pytest.raises(Cancelled) as err:
        roster(600).write(out, cancelled=cancelled)
    assert "已取消" in err.value.message
    assert out.read_bytes() == b"old report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["花名册.pdf"]


def test_output_is_written_via_a_part_file(tmp_path: Path) -> None:
    out = tmp_path / "r.pdf"
    names: list[list[str]] = []

    def progress(_d: int, _t: int, message: str) -> None:
        if message == "正在保存文件…":
            names.append(sorted(p.name for p in tmp_path.iterdir()))

    roster(5).write(out, progress=progress)
    assert names == [[]]  # nothing on disk until the save
    assert out.read_bytes().startswith(b"%PDF") and not (tmp_path / "r.pdf.part").exists()


def test_a_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as err:
        roster(5).write(tmp_path / "没有这个文件夹" / "r.pdf")
    assert "不存在" in err.value.message and err.value.problems[0].kind == "cannot_write"
    with pytest.raises(ValidationError) as err:
        roster(5).write(tmp_path)
    assert "文件夹" in err.value.message


def test_rows_must_match_the_columns() -> None:
    report = TableReport("表", COLUMNS, office_name=OFFICE, stat_date=date(2024, 1, 1))
    with pytest.raises(ValueError, match="3 cells"):
        report.add_row([1, 2, 3])
    with pytest.raises(ValueError, match="at least one column"):
        TableReport("表", [], office_name=OFFICE, stat_date=date(2024, 1, 1))


def test_cell_text() -> None:
    assert cell_text(None) == "" and cell_text(True) == "是" and cell_text(False) == "否"
    assert cell_text(date(2024, 6, 1)) == "2024-06-01"
    assert cell_text(datetime(2024, 6, 1, 8, 5)) == "2024-06-01 08:05"
    assert cell_text(12.5) == "12.5" and cell_text(3.0) == "3" and cell_text(7) == "7"
    assert cell_text(Decimal("1.50")) == "1.50"


def test_xml_special_characters_and_line_breaks_in_cells(tmp_path: Path) -> None:
    report = TableReport("表<1>&", [Column("名称"), Column("备注", 3)], office_name="A&B<办>",
                         stat_date=date(2024, 1, 1))
    report.add_row(["<b>不是粗体</b>", "第一行\n第二行 & 更多"])
    out = tmp_path / "x.pdf"
    report.write(out)
    text = pdf.text(out)
    assert "<b>不是粗体</b>" in text and "第一行" in text and "第二行 & 更多" in text
    assert "表<1>&" in text and "A&B<办>" in text
