"""The shipped fonts, per-character fallback and the office's own font files."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pdf_helpers as pdf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bzdesk.errors import ValidationError
from bzdesk.reports import fonts
from bzdesk.reports.fonts import (
    HANA_A,
    HANA_B,
    SONG,
    covers,
    markup,
    missing_characters,
    runs,
)
from bzdesk.reports.pdf import DocumentPage, use_office_fonts

RARE_EXT_A = "䶮"  # U+4DAE, in the main font
RARE_EXT_B = "𠙶"  # U+20676, in the main font
RARE_EXT_E = "𬌗"  # U+2C317 (通用规范汉字表), only in the HanaMinA subset
RARE_EXT_B2 = "𠀁"  # U+20001, only in the HanaMinB subset
NOWHERE = "鿰"  # U+9FF0 (Unicode 13): no shipped font has it


@pytest.fixture
def shipped_faces() -> Iterator[None]:
    yield
    use_office_fonts(None, None, None)


def test_shipped_files_and_licences_are_present() -> None:
    d = fonts.fonts_dir()
    for name in ("uming.ttc", "HanaMinA-bz.ttf", "HanaMinB-bz.ttf", "LICENSE-ARPHIC.txt",
                 "LICENSE-HANAZONO.txt", "README.md"):
        assert (d / name).is_file(), name
    total = sum(p.stat().st_size for p in d.iterdir())
    assert total < 60 * 1024 * 1024


def test_main_font_draws_common_and_rare_name_characters() -> None:
    for text in ("王䶮", "李𠙶", "喆堃昇珺赟燊镕祎犇垚玥彧頔翀旻瑀曌", "ABC 123，。（）—"):
        assert runs(text) == [(SONG, text)], text


def test_characters_the_main_font_lacks_come_from_the_fallbacks() -> None:
    assert runs(f"赵{RARE_EXT_E}明") == [(SONG, "赵"), (HANA_A, RARE_EXT_E), (SONG, "明")]
    assert runs(f"钱{RARE_EXT_B2}") == [(SONG, "钱"), (HANA_B, RARE_EXT_B2)]


def test_a_character_no_font_has_is_written_as_its_code_point_not_a_box() -> None:
    assert runs(f"孙{NOWHERE}") == [(SONG, "孙[U+9FF0]")]
    assert missing_characters(f"孙{NOWHERE}{RARE_EXT_E}王") == NOWHERE


def test_invisible_characters_are_dropped_and_spaces_kept() -> None:
    # 葛 + variation selector (IVS), a zero-width joiner, a tab and a BOM
    assert runs("葛\U000E0100\u200d王\t五\ufeff") == [(SONG, "葛王 五")]


def test_spaces_stay_in_a_font_that_has_a_space_glyph() -> None:
    # U+2212 comes from HanaMinA, whose subset has no space: the spaces go back to SONG
    assert runs("核定 − 实有") == [(SONG, "核定 "), (HANA_A, "−"), (SONG, " 实有")]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.one_of(
    st.sampled_from("王䶮𠙶𬌗𠀁鿰 \n\t−—，A1&<"),
    st.characters(min_codepoint=0x20, max_codepoint=0x2FFFF),
), max_size=30))
def test_every_run_is_drawn_by_its_font(text: str) -> None:
    for font, piece in runs(text):
        visible = piece.replace("\n", "")
        assert covers(font, visible) or visible.startswith("[U+"), (font, piece)


def test_markup_escapes_and_marks_fallback_runs() -> None:
    assert markup("A&B <C>\n第二行") == "A&amp;B &lt;C&gt;<br/>第二行"
    assert markup(f"赵{RARE_EXT_E}") == f'赵<font name="{HANA_A}">{RARE_EXT_E}</font>'


def test_missing_office_font_file_is_refused(tmp_path: Path) -> None:
    missing = tmp_path / "仿宋_GB2312.ttf"
    with pytest.raises(ValidationError) as err:
        use_office_fonts(missing, None, None)
    assert "不存在" in err.value.message and str(missing) in err.value.message
    assert err.value.problems[0].kind == "font_missing"
    assert err.value.problems[0].column == "仿宋字体"


def test_opentype_cff_font_is_refused_with_a_clear_sentence(tmp_path: Path) -> None:
    otf = tmp_path / "SourceHanSerifSC-Regular.otf"
    otf.write_bytes(b"OTTO\x00\x0c\x00\x80" + bytes(200))
    with pytest.raises(ValidationError) as err:
        use_office_fonts(None, otf, None)
    assert err.value.message == ("字体文件 SourceHanSerifSC-Regular.otf 不是 TrueType 字体"
                                 "（.ttf），请选择 .ttf 文件。")
    assert err.value.problems[0].kind == "font_not_truetype"


def test_a_file_that_is_no_font_and_a_damaged_font_are_refused(tmp_path: Path) -> None:
    text_file = tmp_path / "黑体.ttf"
    text_file.write_text("这不是字体", encoding="utf-8")
    damaged = tmp_path / "仿宋.ttf"
    damaged.write_bytes(b"\x00\x01\x00\x00" + bytes(64))
    with pytest.raises(ValidationError) as err:
        use_office_fonts(damaged, None, text_file)
    kinds = sorted(p.kind for p in err.value.problems)
    assert kinds == ["font_damaged", "font_not_truetype"]
    assert "仿宋.ttf 已损坏" in err.value.message and "黑体.ttf 不是 TrueType" in err.value.message


def test_a_font_without_chinese_is_refused(tmp_path: Path) -> None:
    no_common_hanzi = tmp_path / "ext-b-only.ttf"
    shutil.copy(fonts.fonts_dir() / "HanaMinB-bz.ttf", no_common_hanzi)  # Ext B–F, no 中国
    with pytest.raises(ValidationError) as err:
        use_office_fonts(no_common_hanzi, None, None)
    assert err.value.problems[0].kind == "font_no_cjk"


def test_a_refusal_leaves_the_faces_unchanged(tmp_path: Path, shipped_faces: None) -> None:
    good = tmp_path / "fangsong.ttc"
    shutil.copy(fonts.fonts_dir() / "uming.ttc", good)
    before = use_office_fonts(good, None, None)
    with pytest.raises(ValidationError):
        use_office_fonts(None, tmp_path / "nothing.ttf", None)
    assert fonts.faces() == before


def test_office_fonts_are_used_and_embedded(tmp_path: Path, shipped_faces: None) -> None:
    fangsong = tmp_path / "office-fangsong.ttc"
    shutil.copy(fonts.fonts_dir() / "uming.ttc", fangsong)
    chosen = use_office_fonts(fangsong, None, None)
    assert chosen.fangsong.startswith("BzOffice") and chosen.fangsong != SONG
    assert chosen.xiaobiaosong == SONG and chosen.heiti == SONG
    assert runs(f"王{RARE_EXT_E}", chosen.fangsong) == [(chosen.fangsong, "王"),
                                                        (HANA_A, RARE_EXT_E)]
    doc = DocumentPage(office_name="南昌县委编办")
    doc.title("说明")
    doc.paragraph(f"王䶮、赵{RARE_EXT_E}同志。")
    out = tmp_path / "office.pdf"
    doc.write(out)
    found = pdf.fonts(out)
    assert found and all(f.embedded for f in found)
    assert any("HanaMinA" in f.name for f in found)
    assert "王䶮、赵𬌗同志。" in pdf.squeezed(pdf.text(out))
    assert use_office_fonts(None, None, None).fangsong == SONG
