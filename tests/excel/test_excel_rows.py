"""Data rows below the header, and a clerk's real-looking roster end to end."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from excel_fixtures import ROSTER_FIELDS, clerk_roster

from bzdesk.errors import FieldProblem
from bzdesk.excel import (
    ColumnMapping,
    DataRow,
    RawRow,
    RawSheet,
    date_cell,
    detect_header,
    id_cell,
    iter_data_rows,
    read_sheet,
)
from bzdesk.excel.headers import MappedColumn
from bzdesk.excel.reader import MergedRange
from bzdesk.excel.rows import is_footer
from bzdesk.validation import InvalidValue, normalise_person_name, validate_id


def _sheet(rows: list[tuple[int, tuple[object, ...]]],
           merged: tuple[MergedRange, ...] = ()) -> RawSheet:
    return RawSheet("t.xlsx", "xlsx", "t", ("t",), tuple(RawRow(n, c) for n, c in rows),  # type: ignore[arg-type]
                    max(len(c) for _, c in rows), merged)


def _mapping(header_row: int, *names: str) -> ColumnMapping:
    keys = ("name", "id_number", "unit")
    return ColumnMapping((header_row,), {k: MappedColumn(i, n) for i, (k, n) in
                                         enumerate(zip(keys, names, strict=False))}, names)


@pytest.mark.parametrize("text", [
    "合计", "合 计", "总计：25人", "小计", "制表人：王五", "审核人：", "填表说明：身份证号填18位",
    "注：本表由各单位填报", "注1：xx", "说明：", "单位负责人：", "填报日期：2024年12月31日",
    "制表：王五", "审核:赵六",
])
def test_footer_rows(text: str) -> None:
    assert is_footer((None, "  ", text, 12.0))


@pytest.mark.parametrize("cells", [
    ("张三", "合计"), (1.0, "合计"), ("注册会计师",), ("说明书编写组",), ("制表厂",),
    ("审核科",), (None,), ()])
def test_not_footer_rows(cells: tuple[object, ...]) -> None:
    assert not is_footer(cells)  # type: ignore[arg-type]


def test_blank_footer_numbering_and_repeated_header_rows_are_skipped() -> None:
    sheet = _sheet([
        (1, ("花名册",)),
        (2, ("姓名", "身份证号", "工作单位")),
        (3, ("甲", "乙", 1.0)),
        (4, (" 张三 ", "11010519491231002X ", "县委办")),
        (5, ("\u3000", None, " ")),
        (6, ("姓名", "身份证号", "工作单位")),
        (7, ("李四", "440524188001010014", "县政府办")),
        (8, ("合计", None, "2人")),
        (9, ("制表人：王五", None, "审核人：赵六")),
    ])
    rows = list(iter_data_rows(sheet, _mapping(2, "姓名", "身份证号", "工作单位")))
    assert [r.number for r in rows] == [4, 7]
    assert rows[0].cells == ("张三", "11010519491231002X", "县委办")


def test_a_first_data_row_of_numbers_is_data_not_numbering() -> None:
    sheet = _sheet([(1, ("序号", "姓名", "编制数")), (2, (1.0, "张三", 5.0)),
                    (3, (1.0, 2.0, 3.0))])
    mapping = ColumnMapping((1,), {"name": MappedColumn(1, "姓名")}, ("序号", "姓名", "编制数"))
    assert [r.number for r in iter_data_rows(sheet, mapping)] == [2, 3]


def test_merged_cells_spread_their_value_over_the_rows_they_cover() -> None:
    sheet = _sheet([
        (1, ("工作单位", "姓名")),
        (2, ("县委办", "张三")),
        (3, (None, "李四")),
        (4, (None, "王五")),
        (5, ("县政府办", "赵六")),
    ], merged=(MergedRange(2, 0, 4, 0),))
    mapping = ColumnMapping((1,), {"unit": MappedColumn(0, "工作单位"),
                                   "name": MappedColumn(1, "姓名")}, ("工作单位", "姓名"))
    rows = list(iter_data_rows(sheet, mapping))
    assert [r.value(mapping, "unit") for r in rows] == ["县委办"] * 3 + ["县政府办"]
    assert [r.value(mapping, "name") for r in rows] == ["张三", "李四", "王五", "赵六"]
    raw = list(iter_data_rows(sheet, mapping, fill_merged=False))
    assert raw[1].value(mapping, "unit") is None


def test_data_row_access() -> None:
    row = DataRow(5, ("a", None))
    mapping = ColumnMapping((1,), {"name": MappedColumn(0, "姓名")}, ("姓名", "x"))
    assert row.get(0) == "a" and row.get(1) is None and row.get(9) is None
    assert row.get(None) is None
    assert row.value(mapping, "name") == "a" and row.value(mapping, "id_number") is None


def test_spaces_and_invisible_characters_are_trimmed_in_any_mix() -> None:
    sheet = _sheet([(1, ("姓名", "身份证号码", "单位")),
                    (2, (" \u200b\u3000\ufeff张三\u00a0\u200b ", "\u200b", "县委办\u2060\t"))])
    (row,) = iter_data_rows(sheet, _mapping(1, "姓名", "身份证号码", "单位"))
    assert row.cells == ("张三", None, "县委办")


def test_clerk_roster_end_to_end(tmp_path: Path) -> None:
    sheet = read_sheet(clerk_roster(tmp_path / "花名册.xlsx"))
    mapping = detect_header(sheet, ROSTER_FIELDS, required=("name", "id_number"))
    assert mapping.header_rows == (3,)
    people, problems = [], []
    for row in iter_data_rows(sheet, mapping):
        try:
            info = validate_id(id_cell(row.value(mapping, "id_number")))
            name = normalise_person_name(str(row.value(mapping, "name")))
            started = date_cell(row.value(mapping, "start_date"))
        except InvalidValue as exc:
            problems.append(FieldProblem(mapping.header("id_number"), str(row.value(
                mapping, "id_number")), exc.reason, exc.kind, row.number))
            continue
        people.append((row.number, name, info.number, started, row.value(mapping, "unit")))
    assert [p[0] for p in people] == [4, 5, 8, 9, 10]
    assert people[0][1:] == ("张三", "11010519491231002X", (date(2019, 7, 1), "month"), "县委办")
    assert people[1][2] == "440524188001010014"
    assert people[1][3] == (date(2019, 7, 1), "day")
    assert people[2][1] == "阿依古丽·买买提"
    assert people[3][4] == "县财政局"
    assert [p[3] for p in people[2:]] == [(date(2019, 7, 1), "day")] * 3
    [numeric] = problems
    assert (numeric.row, numeric.kind, numeric.column) == (7, "numeric_id", "公民身份号码（必填）")
