"""The error workbook: marks, reasons, and the clerk's fix-and-re-import loop."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from excel_fixtures import ROSTER_FIELDS, UNIT_FIELDS, clerk_roster, unit_rows, write_xlsx

from bzdesk.errors import FieldProblem
from bzdesk.excel import (
    CellProblem,
    cell_text,
    detect_header,
    id_cell,
    iter_data_rows,
    read_sheet,
    write_error_workbook,
)
from bzdesk.excel.errors_workbook import REASON_HEADER, SUMMARY_SHEET
from bzdesk.validation import InvalidValue, validate_id

RED = "FFC7CE"


def check_ids(path: Path) -> tuple[list[FieldProblem], object, object]:
    """What an importer does: every bad ID card as a FieldProblem."""
    sheet = read_sheet(path)
    mapping = detect_header(sheet, ROSTER_FIELDS, required=("name", "id_number"))
    problems = []
    for row in iter_data_rows(sheet, mapping):
        value = row.value(mapping, "id_number")
        try:
            validate_id(id_cell(value))
        except InvalidValue as exc:
            problems.append(FieldProblem(mapping.header("id_number"), cell_text(value),
                                         exc.reason, exc.kind, row.number))
    return problems, sheet, mapping


def test_bad_cells_are_marked_and_explained(tmp_path: Path) -> None:
    problems, sheet, mapping = check_ids(clerk_roster(tmp_path / "花名册.xlsx"))
    assert [(p.row, p.kind) for p in problems] == [(7, "numeric_id")]
    extra = [CellProblem(9, 6, "2019-07-01", "入编时间晚于出编时间", "bad_date"),
             CellProblem(8, None, "", "同一身份证号码重复出现（与第 4 行重复）", "duplicate"),
             CellProblem(None, None, "花名册.xlsx", "县政府办超编 1 名", "over_quota")]
    out = write_error_workbook(tmp_path / "错误报告.xlsx", sheet, mapping,  # type: ignore[arg-type]
                               [*problems, *extra])
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Sheet1", SUMMARY_SHEET]
    ws = wb["Sheet1"]
    assert ws["A1"].value == "南昌县机构编制实名制人员花名册"
    assert "A1:G1" in {str(r) for r in ws.merged_cells.ranges}
    assert [c.value for c in ws[3]] == ["序号", "姓 名", "公民身份号码（必填）", "性别", "出生年月",
                                        "工作单位", "入编时间", REASON_HEADER]
    bad = ws["C7"]
    assert bad.value == 1.1010519491231e17  # the number stays as read, for the clerk to retype
    assert bad.fill.fgColor.rgb.endswith(RED)
    assert bad.comment is not None and "15 位有效数字" in bad.comment.text
    assert "【公民身份号码（必填）】" in ws["H7"].value and "15 位有效数字" in ws["H7"].value
    assert ws["G9"].fill.fgColor.rgb.endswith(RED) and "晚于" in ws["H9"].value
    assert "【入编时间】" in ws["H9"].value
    assert ws["H8"].value == "同一身份证号码重复出现（与第 4 行重复）"
    assert ws["H4"].value is None and ws["C4"].fill.fgColor.rgb in ("00000000", None)
    assert ws["A11"].value == "合计" and ws["B4"].value == " 张三 "
    assert ws.freeze_panes == "A4"
    summary = [[c.value for c in row] for row in wb[SUMMARY_SHEET].iter_rows()]
    assert summary[0] == ["行号", "列", "单元格内容", "错误原因", "错误类型"]
    assert summary[1] == [None, None, "花名册.xlsx", "县政府办超编 1 名", "over_quota"]
    assert [r[0] for r in summary[2:]] == [7, 8, 9]
    assert summary[2][1:3] == ["公民身份号码（必填）", "110105194912310000"]  # as Excel shows it


def test_fixed_error_workbook_reimports_with_the_same_header(tmp_path: Path) -> None:
    source = clerk_roster(tmp_path / "花名册.xlsx")
    problems, sheet, mapping = check_ids(source)
    out = write_error_workbook(tmp_path / "错误报告.xlsx", sheet, mapping, problems)  # type: ignore[arg-type]

    again, sheet2, mapping2 = check_ids(out)
    assert mapping2.header_rows == mapping.header_rows  # type: ignore[attr-defined]
    assert {k: c.index for k, c in mapping2.columns.items()} == {  # type: ignore[attr-defined]
        k: c.index for k, c in mapping.columns.items()}  # type: ignore[attr-defined]
    assert [(p.row, p.kind, p.column) for p in again] == [(7, "numeric_id", "公民身份号码（必填）")]
    assert [r.number for r in iter_data_rows(sheet2, mapping2)] == [  # type: ignore[arg-type]
        r.number for r in iter_data_rows(sheet, mapping)]  # type: ignore[arg-type]

    wb = openpyxl.load_workbook(out)
    wb["Sheet1"]["C7"] = "11010519491231002X"
    wb.save(out)
    fixed, _, _ = check_ids(out)
    assert fixed == []


def test_checking_an_error_workbook_again_reuses_its_reason_column(tmp_path: Path) -> None:
    problems, sheet, mapping = check_ids(clerk_roster(tmp_path / "花名册.xlsx"))
    first = write_error_workbook(tmp_path / "1.xlsx", sheet, mapping,  # type: ignore[arg-type]
                                 [*problems, CellProblem(4, 1, "张三", "旧问题", "x")])
    problems2, sheet2, mapping2 = check_ids(first)
    second = write_error_workbook(tmp_path / "2.xlsx", sheet2, mapping2, problems2)  # type: ignore[arg-type]
    ws = openpyxl.load_workbook(second)["Sheet1"]
    assert [c.value for c in ws[3]][-1] == REASON_HEADER and ws.max_column == 8
    assert ws["H4"].value is None  # the old reason is gone
    assert "15 位有效数字" in ws["H7"].value


def test_two_row_header_and_merges_survive(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "u.xlsx", unit_rows(),
                      merges=["A1:G1", "A2:A3", "B2:B3", "C2:E2", "F2:G2"])
    sheet = read_sheet(path)
    mapping = detect_header(sheet, UNIT_FIELDS)
    problem = FieldProblem("领导职数/副职", "2", "副职超过核定职数", "over_quota", 4)
    out = write_error_workbook(tmp_path / "e.xlsx", sheet, mapping, [problem])
    reread = read_sheet(out)
    again = detect_header(reread, UNIT_FIELDS)
    assert again.header_rows == (2, 3)
    assert again.columns == mapping.columns
    ws = openpyxl.load_workbook(out)["Sheet1"]
    assert ws["G4"].fill.fgColor.rgb.endswith(RED)
    assert ws["H4"].value == "【领导职数/副职】副职超过核定职数"
    assert {"C2:E2", "F2:G2", "A2:A3"} <= {str(r) for r in ws.merged_cells.ranges}


def test_error_workbook_from_csv_and_header_rows_given_as_numbers(tmp_path: Path) -> None:
    path = tmp_path / "名单[1].csv"
    path.write_text("姓名,身份证号\n张三,=1+2\n李四,1.10105E+17\n\x01,x\n", encoding="utf-8")
    sheet = read_sheet(path)
    problems = [FieldProblem("身份证号", "1.10105E+17", "科学计数法", "numeric_id", 3),
                CellProblem(2, 1, "=1+2", "格式不对", "bad_format"),
                FieldProblem("没有这一列", "", "整行有问题", "x", 4)]
    out = write_error_workbook(tmp_path / "e.xlsx", sheet, [1], problems)
    wb = openpyxl.load_workbook(out)
    ws = wb["名单_1_"]
    assert ws["B2"].value == "=1+2" and ws["B2"].data_type == "s" and ws["B2"].quotePrefix
    assert ws["B3"].fill.fgColor.rgb.endswith(RED) and ws["C1"].value == REASON_HEADER
    assert ws["C4"].value == "整行有问题" and ws["A4"].value is None
    assert detect_header(read_sheet(out), ("name", "id_number")).header_rows == (1,)
