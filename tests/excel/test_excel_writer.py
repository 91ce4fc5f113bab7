"""Styled export and CSV export: round trips, styles, dropdowns, formula injection."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from bzdesk.errors import ValidationError
from bzdesk.excel import (
    ColumnSpec,
    SheetSpec,
    detect_header,
    read_sheet,
    write_csv,
    write_table,
)
from bzdesk.excel.writer import DICTIONARY_SHEET

COLUMNS = [
    ColumnSpec("姓名", 10),
    ColumnSpec("公民身份号码", 22, "id"),
    ColumnSpec("出生年月", 10, "month"),
    ColumnSpec("入编时间", 12, "date"),
    ColumnSpec("编制数", 8, "int"),
    ColumnSpec("编制类型", 12, "choice", ("行政编制", "事业编制", "工勤编制")),
    ColumnSpec("工资", 10, "number"),
]
ROWS: list[list[object]] = [
    ["张三", "11010519491231002X", date(1949, 12, 1), date(2019, 7, 1), 3, "行政编制", 5400.5],
    ["李四", "440524188001010014", (date(1880, 1, 1), "day"), (date(2019, 7, 1), "month"), 0,
     "事业编制", None],
    ["王五", None, None, None, None, None, 0],
]
HOSTILE = ["=cmd|' /C calc'!A0", "+1+2", "-2+3", "@SUM(A1:A2)", "\t=1", "\r=1", "#N/A",
           "=HYPERLINK(\"http://x\")"]


def roster(path: Path, rows: list[list[object]] | None = None, **kwargs: object) -> Path:
    spec = SheetSpec("花名册", COLUMNS, ROWS if rows is None else rows,
                     heading="南昌县实名制花名册", **kwargs)  # type: ignore[arg-type]
    return write_table(path, [spec])


def test_round_trip_through_the_reader(tmp_path: Path) -> None:
    sheet = read_sheet(roster(tmp_path / "out.xlsx"))
    assert sheet.name == "花名册"
    assert [r.number for r in sheet.rows] == [1, 2, 3, 4, 5]
    assert sheet.rows[0].cells[0] == "南昌县实名制花名册"
    assert sheet.rows[1].cells == tuple(c.header for c in COLUMNS)
    assert sheet.rows[2].cells == ("张三", "11010519491231002X", date(1949, 12, 1),
                                   date(2019, 7, 1), 3.0, "行政编制", 5400.5)
    # Excel has no dates before 1900: 1880-01-01 is written as text.
    assert sheet.rows[3].cells == ("李四", "440524188001010014", "1880-01-01",
                                   date(2019, 7, 1), 0.0, "事业编制", None)
    assert sheet.rows[4].cells[:2] == ("王五", None)
    mapping = detect_header(sheet, ("name", "id_number", "birth_date", "start_date",
                                    "category"))
    assert mapping.header_rows == (2,)


def test_styles_widths_freeze_and_formats(tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(roster(tmp_path / "out.xlsx"))
    ws = wb["花名册"]
    assert ws.freeze_panes == "A3"
    assert "A1:G1" in {str(r) for r in ws.merged_cells.ranges}
    assert ws["A1"].font.b and ws["A1"].font.sz == 14
    header = ws["B2"]
    assert header.font.b and header.fill.fgColor.rgb.endswith("DDEBF7")
    assert header.border.left.style == "thin" and header.border.bottom.style == "thin"
    assert ws.column_dimensions["B"].width == 22 and ws.column_dimensions["A"].width == 10
    assert ws["B3"].data_type == "s" and ws["B3"].number_format == "@"
    assert ws["C3"].is_date and ws["C3"].number_format == "yyyy.mm"
    assert ws["D3"].number_format == "yyyy-mm-dd"
    assert ws["C4"].value == "1880-01-01" and ws["D4"].number_format == "yyyy.mm"
    assert ws["E3"].value == 3 and ws["E3"].data_type == "n"
    with zipfile.ZipFile(tmp_path / "out.xlsx") as zf:
        sheet_xml = zf.read("xl/worksheets/sheet1.xml").decode()
    assert re.search(r'<col [^>]*min="2" max="2"[^>]*/>', sheet_xml)
    col_b = re.search(r'<col [^>]*min="2" max="2"[^>]*/>', sheet_xml)
    assert col_b and "style=" in col_b.group(0)  # later typing in the ID column stays text


def test_short_choice_lists_are_inline_dropdowns(tmp_path: Path) -> None:
    ws = openpyxl.load_workbook(roster(tmp_path / "out.xlsx"))["花名册"]
    [dv] = ws.data_validations.dataValidation
    assert dv.type == "list" and dv.formula1 == '"行政编制,事业编制,工勤编制"'
    assert str(dv.sqref) == "F3:F1048576"


def test_long_choice_lists_go_to_a_hidden_dictionary_sheet(tmp_path: Path) -> None:
    units = tuple(f"南昌县第{i:03d}中心小学" for i in range(40))
    odd = ("甲,乙", "丙")
    columns = [ColumnSpec("单位", 30, "choice", units), ColumnSpec("备注", 10, "choice", odd),
               ColumnSpec("又一", 10, "choice", units)]
    path = write_table(tmp_path / "d.xlsx", [SheetSpec("单位", columns, [[units[3], "丙", None]])])
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["单位", DICTIONARY_SHEET]
    assert wb[DICTIONARY_SHEET].sheet_state == "hidden"
    formulas = [dv.formula1 for dv in wb["单位"].data_validations.dataValidation]
    assert formulas == ["'字典'!$A$1:$A$40", "'字典'!$B$1:$B$2", "'字典'!$A$1:$A$40"]
    assert [c.value for c in wb[DICTIONARY_SHEET]["A"]] == list(units)
    assert [c.value for c in wb[DICTIONARY_SHEET]["B"]][:2] == list(odd)
    assert read_sheet(path).name == "单位"  # the hidden sheet is never picked by default


def test_notes_sheets_and_sheet_names(tmp_path: Path) -> None:
    cols = [ColumnSpec("名称")]
    path = write_table(tmp_path / "n.xlsx", [
        SheetSpec("机构/名单?", cols, [["县委办"]], notes=["一、本表由县委编办导出。", "=1+1"]),
        SheetSpec("机构/名单?", cols, [], notes=["第二张表"]),
        SheetSpec("x" * 40, cols, []),
    ])
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["机构_名单_", "机构_名单_(2)", "x" * 31, "机构_名单_说明",
                             "机构_名单_(2)说明"]
    notes = wb["机构_名单_说明"]
    assert [c.value for c in notes["A"]] == ["说明", "一、本表由县委编办导出。", "=1+1"]
    assert notes["A3"].data_type == "s" and notes["A3"].quotePrefix
    single = write_table(tmp_path / "one.xlsx", [SheetSpec("表", cols, [], notes=["x"])])
    assert openpyxl.load_workbook(single).sheetnames == ["表", "说明"]


def test_empty_export_has_the_header_only(tmp_path: Path) -> None:
    sheet = read_sheet(roster(tmp_path / "e.xlsx", rows=[]))
    assert [r.number for r in sheet.rows] == [1, 2]


def test_rows_are_streamed_from_a_generator(tmp_path: Path) -> None:
    def rows() -> Iterator[list[object]]:
        for i in range(1000):
            yield [f"人{i}", f"{i:018d}", None, date(2020, 1, 1), i, "行政编制", None]

    sheet = read_sheet(write_table(tmp_path / "g.xlsx", [SheetSpec("表", COLUMNS, rows())]))
    assert len(sheet.rows) == 1001
    assert sheet.rows[-1].cells[:2] == ("人999", "000000000000000999")


def test_hostile_text_stays_text(tmp_path: Path) -> None:
    columns = [ColumnSpec("姓名"), ColumnSpec("公民身份号码", kind="id"),
               ColumnSpec("类型", kind="choice", choices=("=1+1", "正常"))]
    rows = [[text, text, text] for text in HOSTILE]
    path = write_table(tmp_path / "h.xlsx", [SheetSpec("表", columns, rows)])
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            if name.startswith("xl/worksheets/"):
                xml = zf.read(name).decode()
                assert "<f>" not in xml and "<f " not in xml, name
                assert 't="e"' not in xml
    # XML turns a bare CR into LF when it is read (Excel's line break in a cell is LF).
    expected = [t.replace("\r", "\n") for t in HOSTILE]
    ws = openpyxl.load_workbook(path)["表"]
    for r, text in enumerate(expected, start=2):
        for c in range(1, 4):
            cell = ws.cell(r, c)
            assert cell.value == text and cell.data_type == "s"
            assert cell.quotePrefix or text == "#N/A"
    with CalamineWorkbook.from_path(path) as wb:
        values = list(wb.get_sheet_by_name("表").iter_rows())
    assert [row[0] for row in values[1:]] == expected
    assert [r.cells[0] for r in read_sheet(path).rows[1:]] == expected


def test_control_characters_are_dropped_not_fatal(tmp_path: Path) -> None:
    path = write_table(tmp_path / "c.xlsx", [SheetSpec("表", [ColumnSpec("备注")],
                                                      [["第一行\x0b第二行\x00"]], notes=["a\x01"])])
    assert read_sheet(path).rows[1].cells == ("第一行第二行",)


def test_wrong_values_are_programming_errors(tmp_path: Path) -> None:
    with pytest.raises(TypeError):
        write_table(tmp_path / "x.xlsx", [SheetSpec("表", [ColumnSpec("号", kind="id")],
                                                   [[1.1e17]])])
    with pytest.raises(TypeError):
        write_table(tmp_path / "y.xlsx", [SheetSpec("表", [ColumnSpec("x")], [[object()]])])
    with pytest.raises(ValueError):
        ColumnSpec("类型", kind="choice")
    with pytest.raises(ValueError):
        write_table(tmp_path / "z.xlsx", [])
    assert list(tmp_path.iterdir()) == []
    ok = write_table(tmp_path / "i.xlsx", [SheetSpec("表", [ColumnSpec("号", kind="id")], [[12]])])
    assert read_sheet(ok).rows[1].cells == ("12",)


def test_a_failing_row_source_leaves_nothing_behind(tmp_path: Path) -> None:
    from openpyxl.worksheet._writer import ALL_TEMP_FILES

    before = set(ALL_TEMP_FILES)

    def rows() -> Iterator[list[object]]:
        yield ["张三"]
        raise RuntimeError("cancelled")

    target = tmp_path / "out.xlsx"
    target.write_bytes(b"old export")
    with pytest.raises(RuntimeError):
        write_table(target, [SheetSpec("表", [ColumnSpec("姓名")], rows())])
    assert target.read_bytes() == b"old export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.xlsx"]
    leaked = [p for p in set(ALL_TEMP_FILES) - before if Path(p).exists()]
    assert leaked == []


def test_datetime_with_time_in_a_date_column(tmp_path: Path) -> None:
    columns = [ColumnSpec("时间", kind="date"), ColumnSpec("备注")]
    rows: list[list[object]] = [[datetime(2020, 1, 2, 3, 4), date(2020, 5, 6)]]
    path = write_table(tmp_path / "t.xlsx", [SheetSpec("表", columns, rows)])
    assert read_sheet(path).rows[1].cells == (datetime(2020, 1, 2, 3, 4), date(2020, 5, 6))


# ------------------------------------------------------------------ CSV


def test_csv_defaults_to_utf8_with_bom_and_reads_back(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "out.csv", SheetSpec("表", COLUMNS, ROWS, heading="不写入"))
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf\xe5\xa7\x93\xe5\x90\x8d,")
    lines = data.decode("utf-8-sig").split("\r\n")
    assert lines[0] == ",".join(c.header for c in COLUMNS)
    assert lines[1] == "张三,11010519491231002X,1949.12,2019-07-01,3,行政编制,5400.5"
    assert lines[2] == "李四,440524188001010014,1880-01-01,2019.07,0,事业编制,"
    sheet = read_sheet(path)
    assert sheet.encoding == "utf-8-sig"
    mapping = detect_header(sheet, ("name", "id_number", "birth_date"))
    assert mapping.header_rows == (1,)


def test_csv_in_gbk(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "out.csv", SheetSpec("表", COLUMNS, ROWS), encoding="gbk")
    assert path.read_bytes().startswith("姓名,".encode("gbk"))
    sheet = read_sheet(path)
    assert sheet.encoding == "gb18030"
    assert sheet.rows[1].cells[:2] == ("张三", "11010519491231002X")


def test_csv_gbk_refuses_a_character_it_cannot_hold(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    rows: list[list[object]] = [["张三"], ["李四"], ["王㛃"]]
    with pytest.raises(ValidationError) as e:
        write_csv(target, SheetSpec("表", [ColumnSpec("姓名")], rows), encoding="gbk")
    [problem] = e.value.problems
    assert (problem.kind, problem.row, problem.column, problem.value) == (
        "unencodable", 4, "姓名", "㛃")
    assert "第 4 行“姓名”列" in problem.reason and "GBK" in problem.reason
    assert list(tmp_path.iterdir()) == []
    assert write_csv(target, SheetSpec("表", [ColumnSpec("姓名")], rows), encoding="gb18030")


def test_csv_formula_injection_gets_a_quote_and_reads_back_clean(tmp_path: Path) -> None:
    columns = [ColumnSpec("姓名"), ColumnSpec("备注")]
    path = write_csv(tmp_path / "h.csv", SheetSpec("表", columns, [[t, "正常"] for t in HOSTILE]))
    text = path.read_text(encoding="utf-8-sig")
    assert "'=cmd|' /C calc'!A0,正常" in text and "'@SUM(A1:A2)" in text
    assert not any(line.startswith(("=", "+", "-", "@")) for line in text.split("\r\n"))
    assert [r.cells[0] for r in read_sheet(path).rows[1:]] == HOSTILE


def test_csv_options(tmp_path: Path) -> None:
    rows: list[list[object]] = [["x", True], ["y", datetime(2020, 1, 2, 3, 4)]]
    path = write_csv(tmp_path / "t.tsv", SheetSpec("表", [ColumnSpec("a"), ColumnSpec("b")], rows),
                     encoding="utf-8", delimiter="\t")
    assert path.read_bytes() == b"a\tb\r\nx\tTRUE\r\ny\t2020-01-02 03:04:00\r\n"
    with pytest.raises(ValueError):
        write_csv(tmp_path / "x.csv", SheetSpec("表", [], []), encoding="latin-1")
    with pytest.raises(TypeError):
        write_csv(tmp_path / "y.csv", SheetSpec("表", [ColumnSpec("a")], [[object()]]))
