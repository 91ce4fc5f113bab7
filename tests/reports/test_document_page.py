"""DocumentPage: GB/T 9704 page geometry measured on the PDF with pdftotext -bbox."""

from __future__ import annotations

from datetime import date
from itertools import pairwise
from pathlib import Path

import pdf_helpers as pdf
import pytest

from bzdesk.errors import Cancelled
from bzdesk.reports.pdf import DocumentPage

MM = pdf.MM
TOP, LEFT, WIDTH, HEIGHT = 37 * MM, 28 * MM, 156 * MM, 225 * MM
TOL = 0.6  # points (≈ 0.2 mm): a 16 pt character overhangs its 15.8 pt grid cell a little
SENTENCE = "机构编制实名制管理是加强机构编制管理的基础工作各单位应当认真落实"  # 32, no marks


def explanation() -> DocumentPage:
    doc = DocumentPage(office_name="南昌县委机构编制委员会办公室")
    doc.cover("南昌县2024年度机构编制统计报告",
              ["南昌县委机构编制委员会办公室", "2024年6月30日"])
    doc.title("关于2024年度机构编制实名制管理情况的说明")
    doc.heading("一、基本情况")
    doc.paragraph("截至2024年6月30日，全县共有行政机关45个、事业单位312个，核定编制6,912名；"
                  "王䶮、李𠙶、赵𬌗等同志的姓名含生僻字，均已按规定录入。")
    for _ in range(12):
        doc.paragraph(SENTENCE * 3)
    doc.signature("南昌县委机构编制委员会办公室", date(2024, 6, 30))
    return doc


@pytest.fixture(scope="module")
def doc_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("doc") / "说明.pdf"
    result = explanation().write(out)
    assert result.pages == pdf.pages(out) == 4
    return out


def body_words(doc_pdf: Path, page: int) -> tuple[float, float, list[pdf.Word]]:
    width, height, words = pdf.words(doc_pdf, page)
    return width, height, [w for w in words if w.y_max < TOP + HEIGHT + 1]


def test_a4_portrait_and_text_inside_the_text_block(doc_pdf: Path) -> None:
    for page in range(1, 5):
        width, height, words = body_words(doc_pdf, page)
        assert abs(width - 210 * MM) < 0.5 and abs(height - 297 * MM) < 0.5
        assert words, page
        for w in words:
            assert w.x_min >= LEFT - TOL and w.x_max <= LEFT + WIDTH + TOL, w
            assert w.y_min >= TOP - TOL and w.y_max <= TOP + HEIGHT + TOL, w


def test_title_is_centred_on_the_first_grid_line(doc_pdf: Path) -> None:
    _, _, words = body_words(doc_pdf, 2)
    title = words[0]
    assert title.text == "关于2024年度机构编制实名制管理情况的说明"
    assert title.y_min == pytest.approx(TOP + (HEIGHT / 22 - 22) / 2, abs=0.5)  # 2号 = 22 pt
    assert title.y_max - title.y_min == pytest.approx(22, abs=0.5)
    assert title.x_min - LEFT == pytest.approx(LEFT + WIDTH - title.x_max, abs=1)
    heading = words[1]  # one empty line below the title
    assert heading.text == "一、基本情况"
    assert heading.y_min - title.y_min == pytest.approx(2 * HEIGHT / 22 + 3, abs=0.5)


def test_grid_is_22_lines_of_28_characters(doc_pdf: Path) -> None:
    _, _, words = body_words(doc_pdf, 3)  # a page of plain paragraphs
    pitch = HEIGHT / 22
    tops = sorted(w.y_min for w in words)
    assert len(tops) == 22
    assert tops[0] == pytest.approx(TOP + (pitch - 16) / 2, abs=0.5)  # 3号 = 16 pt
    assert all(b - a == pytest.approx(pitch, abs=0.05) for a, b in pairwise(tops))
    assert min(w.x_min for w in words) == pytest.approx(LEFT, abs=TOL)
    indented = [w for w in words if w.x_min > LEFT + TOL]
    full = [w for w in words if w.x_min <= LEFT + TOL and w.x_max >= LEFT + WIDTH - TOL]
    assert len(indented) == 6 and len(full) == 11
    assert all(w.x_min == pytest.approx(LEFT + 2 * WIDTH / 28, abs=TOL) for w in indented)
    assert {len(w.text) for w in indented} == {26}  # two characters in, then 26
    assert {len(w.text) for w in full} == {28}
    assert all(w.x_max == pytest.approx(LEFT + WIDTH, abs=TOL) for w in full)


def test_no_line_starts_with_closing_punctuation(doc_pdf: Path) -> None:
    _, _, words = body_words(doc_pdf, 2)
    assert words and not any(w.text[0] in "，。、；：？！）》”" for w in words)
    assert "6,912名" in pdf.text(doc_pdf, 2).replace("\n", "")


def test_page_numbers_follow_gb9704(doc_pdf: Path) -> None:
    assert "—" not in pdf.text(doc_pdf, 1)  # the cover has no number
    for page, number in ((2, 1), (3, 2), (4, 3)):
        _, _, words = pdf.words(doc_pdf, page)
        marks = [w for w in words if w.y_min > TOP + HEIGHT]
        assert [w.text for w in marks] == ["—", str(number), "—"], page
        top = min(w.y_min for w in marks)
        assert top >= TOP + HEIGHT + 7 * MM - 1 - 14 * 0.12  # 一字线 7 mm below the block
        assert top <= TOP + HEIGHT + 7 * MM + 2
        left, right = marks[0].x_min, marks[-1].x_max
        if number % 2:
            assert right == pytest.approx(LEFT + WIDTH - 14, abs=1)  # odd: right, one 4号 in
        else:
            assert left == pytest.approx(LEFT + 14, abs=1)


def test_rare_names_fonts_and_signature(doc_pdf: Path) -> None:
    text = pdf.squeezed(pdf.text(doc_pdf))
    assert "王䶮、李𠙶、赵𬌗等同志" in text
    found = pdf.fonts(doc_pdf)
    assert found and all(f.embedded for f in found)
    assert any("HanaMinA" in f.name for f in found)
    _, _, words = body_words(doc_pdf, 4)
    date_word = next(w for w in words if w.text == "2024年6月30日")
    assert date_word.x_max == pytest.approx(LEFT + WIDTH - 4 * WIDTH / 28, abs=1)
    office = next(w for w in words if w.text == "南昌县委机构编制委员会办公室")
    centre = (date_word.x_min + date_word.x_max) / 2
    assert (office.x_min + office.x_max) / 2 == pytest.approx(centre, abs=1)


def test_document_page_renders(doc_pdf: Path, tmp_path: Path) -> None:
    assert 0.01 < pdf.ink_fraction(doc_pdf, 2, tmp_path) < 0.5


def test_a_long_title_is_balanced_over_lines(tmp_path: Path) -> None:
    doc = DocumentPage()
    title = "关于进一步加强和规范全县机关事业单位机构编制实名制管理工作的通知"  # 32 characters
    doc.title(title)
    out = tmp_path / "t.pdf"
    doc.write(out)
    _, _, words = pdf.words(out, 1)
    assert [w.text for w in words][:2] == [title[:16], title[16:]]


def test_empty_document_says_no_data(tmp_path: Path) -> None:
    out = tmp_path / "empty.pdf"
    result = DocumentPage().write(out)
    assert result.pages == 1 and "（无数据）" in pdf.text(out)
    assert "— 1 —" in pdf.text(out)


def test_cancel_leaves_nothing(tmp_path: Path) -> None:
    out = tmp_path / "说明.pdf"
    with pytest.raises(Cancelled):
        explanation().write(out, cancelled=lambda: True)
    assert list(tmp_path.iterdir()) == []
