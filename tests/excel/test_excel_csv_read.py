"""Reading delimited text: encodings, delimiters, quoting, the protective quote."""

from __future__ import annotations

from pathlib import Path

import pytest

from bzdesk.errors import ValidationError
from bzdesk.excel import read_sheet
from bzdesk.excel.csv_reader import decode_text, sniff_delimiter

TEXT = ("某县花名册\n姓名,身份证号,入编时间\n张三,11010519491231002x,2019.07\n"
        "李四,１１０１０５１９４９１２３１００２Ｘ,2019年7月\n")


@pytest.mark.parametrize(("encoding", "prefix", "reported"), [
    ("utf-8", b"", "utf-8"),
    ("utf-8", b"\xef\xbb\xbf", "utf-8-sig"),
    ("gbk", b"", "gb18030"),
    ("gb18030", b"", "gb18030"),
    ("utf-16-le", b"\xff\xfe", "utf-16"),
])
def test_encodings(tmp_path: Path, encoding: str, prefix: bytes, reported: str) -> None:
    path = tmp_path / "名单.csv"
    path.write_bytes(prefix + TEXT.encode(encoding))
    sheet = read_sheet(path)
    assert sheet.format == "csv"
    assert sheet.name == "名单"
    assert sheet.encoding == reported
    assert sheet.rows[0].cells == ("某县花名册",)
    assert sheet.rows[1].cells == ("姓名", "身份证号", "入编时间")
    assert sheet.rows[3].cells == ("李四", "１１０１０５１９４９１２３１００２Ｘ", "2019年7月")
    assert [r.number for r in sheet.rows] == [1, 2, 3, 4]


def test_gbk_rare_characters_need_gb18030(tmp_path: Path) -> None:
    # 㛃 is outside GBK but inside GB18030 (four-byte sequence).
    path = tmp_path / "rare.csv"
    path.write_bytes("姓名\n王㛃\n".encode("gb18030"))
    assert read_sheet(path).rows[1].cells == ("王㛃",)


def test_gbk_wins_over_detection_when_it_decodes() -> None:
    text, codec = decode_text("单位,人数\n县委办,12\n".encode("gbk"), "x.csv")
    assert (text, codec) == ("单位,人数\n县委办,12\n", "gb18030")


def test_what_neither_utf8_nor_gb18030_decodes_goes_to_charset_detection() -> None:
    # "é;" is not a GB18030 sequence (";" cannot follow a lead byte), so detection decides.
    data = ("Nom;Ville;Café;\n" * 20 + "Élodie;Besançon;Crème brûlée;\n").encode("cp1252")
    text, codec = decode_text(data, "x.csv")
    assert "Café;" in text and "Élodie;Besançon;" in text  # a Latin code page
    assert codec != "gb18030"


@pytest.mark.parametrize(("delimiter", "text"), [
    (",", "标题\n姓名,性别,民族\n张三,男,汉族\n"),
    ("\t", "标题\n姓名\t性别\t民族\n张三\t男\t汉族\n"),
    (";", "标题\n姓名;性别;民族\n张三;男;汉族\n"),
    (";", '姓名;备注\n张三;"甲,乙,丙"\n李四;"丁,戊"\n'),
    (",", "只有一列\n张三\n李四\n"),
])
def test_delimiter_sniffing(delimiter: str, text: str) -> None:
    assert sniff_delimiter(text) == delimiter


def test_tab_and_semicolon_files(tmp_path: Path) -> None:
    (tmp_path / "a.tsv").write_text("姓名\t性别\n张三\t男\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("姓名;性别\n张三;男\n", encoding="utf-8")
    assert read_sheet(tmp_path / "a.tsv").rows[1].cells == ("张三", "男")
    sheet = read_sheet(tmp_path / "b.txt")
    assert sheet.delimiter == ";" and sheet.rows[1].cells == ("张三", "男")


def test_quoted_fields_with_line_breaks_count_as_one_row(tmp_path: Path) -> None:
    path = tmp_path / "q.csv"
    path.write_text('姓名,备注\n张三,"第一行\n第二行"\n\n李四,"说""好""的"\n', encoding="utf-8")
    sheet = read_sheet(path)
    assert sheet.rows[1].cells == ("张三", "第一行\n第二行")
    assert sheet.rows[2].cells == ("李四", '说"好"的')
    assert [r.number for r in sheet.rows] == [1, 2, 4]


def test_empty_fields_are_none_and_ragged_rows_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text("a,b,c\n1,,\n2\n", encoding="utf-8")
    sheet = read_sheet(path)
    assert sheet.rows[1].cells == ("1", None, None)
    assert sheet.rows[2].cells == ("2",)
    assert sheet.rows[2].get(2) is None
    assert sheet.width == 3


def test_protective_quote_is_taken_off(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text("a,b,c\n'=1+2,'@x,'plain\n", encoding="utf-8")
    assert read_sheet(path).rows[1].cells == ("=1+2", "@x", "'plain")


def test_named_sheet_of_a_csv(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("a\n1\n", encoding="utf-8")
    assert read_sheet(path, "x").rows[0].cells == ("a",)
    with pytest.raises(ValidationError) as e:
        read_sheet(path, "y")
    assert e.value.problems[0].kind == "no_sheet"


def test_broken_quoting_is_a_refusal(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text('a,b\n1,"' + "x" * 200_000 + "\n", encoding="utf-8")
    with pytest.raises(ValidationError) as e:
        read_sheet(path)
    assert e.value.problems[0].kind == "damaged_file"
