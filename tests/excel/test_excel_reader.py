"""bzdesk.excel.reader: every format, cell types, row numbers, refusals, big sheets."""

from __future__ import annotations

import time
import zipfile
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from excel_fixtures import (
    append_empty_rows,
    patch_sheet_xml,
    write_encrypted_workbook,
    write_ods,
    write_xls,
    write_xlsx,
)

from bzdesk.errors import ValidationError
from bzdesk.excel import RawSheet, ReadLimits, open_table, read_sheet
from bzdesk.excel.reader import HEADER_ALLOWANCE, MergedRange

ROSTER = [
    ["某县机构编制实名制花名册", None, None, None],
    ["姓名", "身份证号", "入编时间", "编制数"],
    ["张三", "11010519491231002X", date(2019, 7, 1), 3],
    ["李四", 110105194912310020, "2019.07", 2.5],
]


def refusal_kind(excinfo: pytest.ExceptionInfo[ValidationError]) -> str:
    assert len(excinfo.value.problems) == 1
    return excinfo.value.problems[0].kind


def test_xlsx_types_row_numbers_and_merges(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "花名册.xlsx", ROSTER, merges=["A1:D1"])
    sheet = read_sheet(path)
    assert sheet.format == "xlsx"
    assert sheet.file == "花名册.xlsx"
    assert [r.number for r in sheet.rows] == [1, 2, 3, 4]
    assert sheet.rows[0].cells == ("某县机构编制实名制花名册", None, None, None)
    assert sheet.rows[2].cells == ("张三", "11010519491231002X", date(2019, 7, 1), 3.0)
    whole = sheet.rows[3].cells[1]
    assert isinstance(whole, float)  # how a numeric ID is spotted
    assert isinstance(sheet.rows[2].cells[3], float)
    assert sheet.merged == (MergedRange(1, 0, 1, 3),)
    assert sheet.width == 4


def test_blank_rows_are_dropped_but_numbers_kept(tmp_path: Path) -> None:
    rows = [["标题"], [], ["姓名", "性别"], [None, "  "], ["张三", "男"], [], [], ["李四", "女"]]
    sheet = read_sheet(write_xlsx(tmp_path / "a.xlsx", rows))
    assert [r.number for r in sheet.rows] == [1, 3, 5, 8]
    assert sheet.row(5) is not None and sheet.row(5).cells == ("张三", "男")  # type: ignore[union-attr]
    assert sheet.row(4) is None
    assert sheet.rows[1].get(7) is None


def test_data_away_from_a1_keeps_excel_positions(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws["C5"] = "姓名"
    ws["D5"] = "性别"
    ws["C6"] = "张三"
    ws["E7"] = datetime(2019, 7, 1, 8, 30)
    ws["F7"] = True
    wb.save(tmp_path / "b.xlsx")
    sheet = read_sheet(tmp_path / "b.xlsx")
    assert [r.number for r in sheet.rows] == [5, 6, 7]
    assert sheet.rows[0].get(2) == "姓名" and sheet.rows[0].get(0) is None
    assert sheet.rows[2].get(4) == datetime(2019, 7, 1, 8, 30)
    assert sheet.rows[2].get(5) is True
    assert sheet.width == 6


def test_formulas_give_cached_values_and_are_never_evaluated(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "f.xlsx", [["姓名", "数"], ["张三", "=1+2"], ["李四", "=A1&B1"]])
    patch_sheet_xml(path, b"<c r=\"B2\"><f>1+2</f><v /></c>",
                    b"<c r=\"B2\"><f>1+2</f><v>3</v></c>")
    patch_sheet_xml(path, b"<c r=\"B3\"><f>A1&amp;B1</f><v /></c>",
                    b"<c r=\"B3\" t=\"str\"><f>A1&amp;B1</f><v>\xe7\xbc\x93\xe5\xad\x98</v></c>")
    sheet = read_sheet(path)
    assert sheet.rows[1].cells == ("张三", 3.0)
    assert sheet.rows[2].cells == ("李四", "缓存")


def test_formula_without_cached_value_reads_as_empty(tmp_path: Path) -> None:
    sheet = read_sheet(write_xlsx(tmp_path / "f.xlsx", [["姓名", "数"], ["张三", "=1+2"]]))
    assert sheet.rows[1].cells == ("张三", None)


def test_default_sheet_is_first_visible_with_data(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    hidden = wb.active
    assert hidden is not None
    hidden.title = "隐藏"
    hidden["A1"] = "秘密"
    hidden.sheet_state = "hidden"
    wb.create_sheet("空白")
    data = wb.create_sheet("数据")
    data["A1"] = "姓名"
    wb.save(tmp_path / "s.xlsx")
    sheet = read_sheet(tmp_path / "s.xlsx")
    assert sheet.name == "数据"
    assert sheet.sheet_names == ("隐藏", "空白", "数据")
    assert read_sheet(tmp_path / "s.xlsx", "隐藏").rows[0].cells == ("秘密",)
    with pytest.raises(ValidationError) as e:
        read_sheet(tmp_path / "s.xlsx", "空白")
    assert refusal_kind(e) == "empty_sheet"
    with pytest.raises(ValidationError) as e:
        read_sheet(tmp_path / "s.xlsx", "没有")
    assert refusal_kind(e) == "no_sheet"
    assert "隐藏、空白、数据" in e.value.message


def test_open_table_is_workbook_like(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "t.xlsx", [["甲"]], extra_sheets={"第二": [["乙"]]})
    with open_table(path) as table:
        assert table.format == "xlsx"
        assert table.sheet_names == ("Sheet1", "第二")
        assert table.visible_sheets == ("Sheet1", "第二")
        assert table.sheet("第二").rows[0].cells == ("乙",)
        assert table.sheet().name == "Sheet1"


def test_xlsx_with_a_wrong_extension_is_read_by_content(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "a.xlsx", ROSTER)
    renamed = path.rename(tmp_path / "其实是xlsx.xls")
    assert read_sheet(renamed).format == "xlsx"


def test_xls_biff8(tmp_path: Path) -> None:
    path = write_xls(tmp_path / "old.xls", {"花名册": ROSTER, "第二": [["x"]]},
                     merges=[(0, 0, 0, 3)])
    sheet = read_sheet(path)
    assert sheet.format == "xls"
    assert sheet.sheet_names == ("花名册", "第二")
    assert sheet.rows[2].cells == ("张三", "11010519491231002X", date(2019, 7, 1), 3.0)
    assert sheet.rows[3].cells[1] == pytest.approx(1.1010519491231e17)
    assert sheet.merged == (MergedRange(1, 0, 1, 3),)


def test_ods(tmp_path: Path) -> None:
    path = write_ods(tmp_path / "lo.ods", {"表一": [["标题"], ["姓名", "数", "日期", "是否"],
                                                   ["张三", 3, date(2019, 7, 1), True],
                                                   ["李四", 2.5, None, False]]})
    sheet = read_sheet(path)
    assert sheet.format == "ods"
    assert sheet.rows[2].cells == ("张三", 3.0, date(2019, 7, 1), True)
    assert sheet.rows[3].cells == ("李四", 2.5, None, False)
    assert sheet.merged == ()


def test_ods_with_a_million_repeated_formatted_rows(tmp_path: Path) -> None:
    path = write_ods(tmp_path / "big.ods", {"表一": [["姓名"], ["张三"]]},
                     trailing_repeated_rows=1_048_000)
    started = time.perf_counter()
    sheet = read_sheet(path)
    assert time.perf_counter() - started < 5
    assert [r.number for r in sheet.rows] == [1, 2]


@pytest.mark.parametrize("style", ["cells", "rows", "blank_strings"])
def test_a_million_empty_formatted_rows_are_trimmed_quickly(tmp_path: Path, style: str) -> None:
    path = write_xlsx(tmp_path / "big.xlsx", [["姓名", "性别"], ["张三", "男"]])
    append_empty_rows(path, 3, 1_000_000, style=style)
    started = time.perf_counter()
    sheet = read_sheet(path)
    elapsed = time.perf_counter() - started
    assert [r.number for r in sheet.rows] == [1, 2]
    assert sheet.width in (2, 3)  # a space-only string in column C widens the range
    assert elapsed < 10, elapsed


def test_row_limit(tmp_path: Path) -> None:
    rows = [["姓名"]] + [[f"人{i}"] for i in range(20 + HEADER_ALLOWANCE - 1)]
    path = write_xlsx(tmp_path / "many.xlsx", rows)
    assert len(read_sheet(path, limits=ReadLimits(max_data_rows=20)).rows) == len(rows)
    with pytest.raises(ValidationError) as e:
        read_sheet(path, limits=ReadLimits(max_data_rows=19))
    assert refusal_kind(e) == "too_many_rows"
    assert "19 行" in e.value.message


def test_row_limit_for_csv(tmp_path: Path) -> None:
    path = tmp_path / "many.csv"
    path.write_text("姓名\n" + "".join(f"人{i}\n" for i in range(40)), encoding="utf-8")
    with pytest.raises(ValidationError) as e:
        read_sheet(path, limits=ReadLimits(max_data_rows=5))
    assert refusal_kind(e) == "too_many_rows"


def test_file_too_big_is_refused_with_its_size(tmp_path: Path) -> None:
    path = tmp_path / "huge.xlsx"
    with path.open("wb") as f:
        f.write(b"PK\x03\x04")
        f.truncate(60 * 1024 * 1024)  # sparse: nothing is really written
    with pytest.raises(ValidationError) as e:
        read_sheet(path)
    assert refusal_kind(e) == "too_big"
    assert "60.0 MB" in e.value.message and "50.0 MB" in e.value.message


def test_zip_that_unpacks_too_far_is_refused(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "bomb.xlsx", ROSTER)
    with pytest.raises(ValidationError) as e:
        read_sheet(path, limits=ReadLimits(max_unpacked_bytes=1000))
    assert refusal_kind(e) == "too_big"


def test_empty_file(tmp_path: Path) -> None:
    for name, content in (("empty.xlsx", b""), ("empty.csv", b""), ("bom.csv", b"\xef\xbb\xbf"),
                          ("blank.csv", b"\r\n , \r\n")):
        (tmp_path / name).write_bytes(content)
        with pytest.raises(ValidationError) as e:
            read_sheet(tmp_path / name)
        assert refusal_kind(e) in ("empty_file", "empty_sheet"), name


@pytest.mark.parametrize(("name", "content", "words"), [
    ("renamed.xlsx", "姓名,性别\n张三,男\n".encode(), "纯文本"),
    ("photo.xlsx", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 100, "JPEG"),
    ("scan.xls", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "PDF"),
    ("data.csv", b"\x00\x01\x02\x03binary", "无法识别"),
])
def test_not_a_workbook(tmp_path: Path, name: str, content: bytes, words: str) -> None:
    (tmp_path / name).write_bytes(content)
    with pytest.raises(ValidationError) as e:
        read_sheet(tmp_path / name)
    assert refusal_kind(e) == "not_a_workbook"
    assert words in e.value.message and name in e.value.message


def test_word_document_and_plain_zip_are_not_workbooks(tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "doc.xlsx", "w") as zf:
        zf.writestr("word/document.xml", "<w/>")
    with zipfile.ZipFile(tmp_path / "pack.xlsx", "w") as zf:
        zf.writestr("a.txt", "x")
    for name, words in (("doc.xlsx", "Word"), ("pack.xlsx", "ZIP")):
        with pytest.raises(ValidationError) as e:
            read_sheet(tmp_path / name)
        assert refusal_kind(e) == "not_a_workbook" and words in e.value.message


@pytest.mark.parametrize(("content", "words"), [
    (b"<html><body><table><tr><td>1</td></tr></table></body></html>", "网页"),
    (b'<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">',
     "XML"),
])
def test_web_page_or_xml_saved_as_xls_says_save_as_xlsx(tmp_path: Path, content: bytes,
                                                       words: str) -> None:
    (tmp_path / "export.xls").write_bytes(content)
    with pytest.raises(ValidationError) as e:
        read_sheet(tmp_path / "export.xls")
    assert refusal_kind(e) == "unreadable_format"
    assert words in e.value.message and ".xlsx" in e.value.message


def test_damaged_workbooks(tmp_path: Path) -> None:
    good = write_xlsx(tmp_path / "good.xlsx", ROSTER).read_bytes()
    (tmp_path / "cut.xlsx").write_bytes(good[: len(good) // 2])
    (tmp_path / "cut.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    for name in ("cut.xlsx", "cut.xls"):
        with pytest.raises(ValidationError) as e:
            read_sheet(tmp_path / name)
        assert refusal_kind(e) == "damaged_file", name
        assert "另存为" in e.value.message


def test_a_calamine_panic_on_a_malformed_file_is_a_damaged_file_refusal(tmp_path: Path) -> None:
    # String lengths counted in code points: calamine's xls parser panics (a Rust panic,
    # raised by pyo3 as a BaseException) when it reads past the record.
    path = write_xls(tmp_path / "坏.xls", {"表": [[], ["𐀀𗈤"]]}, miscount=True)
    with pytest.raises(ValidationError) as e:
        read_sheet(path)
    assert refusal_kind(e) == "damaged_file"
    good = write_xls(tmp_path / "好.xls", {"表": [[], ["𐀀𗈤"]]})
    assert read_sheet(good).rows[0].cells == ("𐀀𗈤",)


def test_encrypted_xlsx_is_refused_with_the_advice(tmp_path: Path) -> None:
    path = write_encrypted_workbook(tmp_path / "加密.xlsx")
    with pytest.raises(ValidationError) as e:
        read_sheet(path)
    assert refusal_kind(e) == "encrypted"
    assert "文件设有打开密码，请在 Excel/WPS 中取消密码后另存为 .xlsx" in e.value.message


def test_encrypted_xls_is_refused(tmp_path: Path) -> None:
    path = write_xls(tmp_path / "加密.xls", {"a": [["x"]]}, password=True)
    with pytest.raises(ValidationError) as e:
        read_sheet(path)
    assert refusal_kind(e) == "encrypted"


def test_other_ole_files_are_not_workbooks(tmp_path: Path) -> None:
    from excel_fixtures import cfb_bytes

    (tmp_path / "old.xls").write_bytes(cfb_bytes({"WordDocument": b"x" * 10}))
    with pytest.raises(ValidationError) as e:
        read_sheet(tmp_path / "old.xls")
    assert refusal_kind(e) == "not_a_workbook" and "Word" in e.value.message


def test_missing_file_is_a_refusal(tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as e:
        read_sheet(tmp_path / "nope.xlsx")
    assert refusal_kind(e) == "unreadable_format"


def test_rawsheet_lookup_by_number() -> None:
    from bzdesk.excel import RawRow

    sheet = RawSheet("f.csv", "csv", "f", ("f",), (RawRow(2, ("a",)), RawRow(9, ("b",))), 1)
    assert sheet.row(9) == RawRow(9, ("b",))
    assert sheet.row(3) is None and sheet.row(10) is None
