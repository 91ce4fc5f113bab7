"""Header detection: title rows, variant names, two-row headers, user synonyms, mapping."""

from __future__ import annotations

from pathlib import Path

import pytest
from excel_fixtures import UNIT_FIELDS, unit_rows, write_ods, write_xlsx

from bzdesk.errors import ValidationError
from bzdesk.excel import (
    ColumnMapping,
    FieldSpec,
    MappedColumn,
    Synonyms,
    detect_header,
    normalise_header,
    read_sheet,
)

ROSTER_KEYS = ("name", "id_number", "gender", "birth_date", "unit", "category", "position",
                 "start_date")


@pytest.mark.parametrize(("written", "normalised"), [
    ("身份证号码（必填）", "身份证号码"),
    ("*身份证号码", "身份证号码"),
    ("身份证号码*", "身份证号码"),
    ("身份证号码 *（必填）", "身份证号码"),
    ("出生\n年月", "出生年月"),
    (" 姓　名 ", "姓名"),
    ("职务（岗位）", "职务(岗位)"),
    ("ＵＳＣＣ", "uscc"),
    ("备注：", "备注"),
    ("\u200b单位名称", "单位名称"),
])
def test_normalise_header(written: str, normalised: str) -> None:
    assert normalise_header(written) == normalised


@pytest.mark.parametrize(("header", "key"), [
    ("身份证号", "id_number"), ("身份证号码", "id_number"), ("公民身份号码", "id_number"),
    ("身份证", "id_number"), ("证件号码", "id_number"), ("身份证号码(18位)", "id_number"),
    ("工作单位", "unit"), ("单位名称", "unit"), ("所在单位", "unit"), ("单位", "unit"),
    ("出生年月", "birth_date"), ("出生日期", "birth_date"), ("编制性质", "category"),
    ("人员类别", "category"), ("职务（岗位）", "position"), ("岗位", "position"),
    ("进编时间", "start_date"), ("入编方式", "start_route"), ("信用代码", "uscc"),
    ("社会信用代码", "uscc"), ("主管部门", "parent_unit"), ("上级单位", "parent_unit"),
    ("规格", "unit_rank"), ("经费来源", "funding"), ("类别", "public_class"),
    ("批准文号", "approval_doc"), ("行政编制", "admin_posts"), ("行政编制（名）", "admin_posts"),
    ("政法专项编制", "legal_posts"), ("工勤编制", "worker_posts"), ("事业编制", "public_posts"),
    ("领导职数正职", "leader_main"), ("领导职数（副职）", "leader_deputy"), ("民族", "ethnicity"),
    ("政治面貌", "political_status"), ("学历", "education"), ("机构类别", "unit_kind"),
    ("事业单位分类", "public_class"), ("性别", "gender"), ("上级机构", "parent_unit"),
])
def test_default_synonyms(header: str, key: str) -> None:
    assert Synonyms.default().match(header) == key


def test_match_is_exact_not_substring() -> None:
    words = Synonyms.default()
    assert words.match("某县2024年机构编制实名制花名册") is None
    assert words.match("填表说明：身份证号请填写18位") is None
    assert words.match("姓名", among={"id_number"}) is None


def test_dictionary_conflicts_are_refused_and_user_spellings_win() -> None:
    with pytest.raises(ValueError, match="names both"):
        Synonyms([FieldSpec("a", "单位"), FieldSpec("b", "机构", ("单位",))])
    with pytest.raises(ValueError, match="twice"):
        Synonyms([FieldSpec("a", "甲"), FieldSpec("a", "乙")])
    words = Synonyms.default().extended({"category": ["类别"], "id_number": ["证件号"],
                                        "party_post": ["党内职务"]})
    assert words.match("类别") == "category"
    assert words.match("证件号（必填）") == "id_number"
    assert words.match("党内职务") == "party_post" and words.label("party_post") == "party_post"
    assert Synonyms.default().match("类别") == "public_class"  # the original is unchanged
    assert "证件号" in words.spellings("id_number")


def test_header_below_merged_title_and_notes(tmp_path: Path) -> None:
    rows = [
        ["南昌县机构编制实名制花名册", None, None, None, None, None],
        ["填报单位（盖章）：县委编办", None, None, "填报日期：2024年12月", None, None],
        ["序号", " 姓 名 ", "身份证号码\n（必填）*", "出生\n年月", "工作单位", "职务（岗位）"],
        [1, "张三", "11010519491231002X", "1949.12", "县委办", "科员"],
    ]
    sheet = read_sheet(write_xlsx(tmp_path / "r.xlsx", rows, merges=["A1:F1", "A2:C2"]))
    mapping = detect_header(sheet, ROSTER_KEYS, required=("name", "id_number"))
    assert mapping.header_rows == (3,)
    assert mapping.first_data_row == 4
    assert mapping.index("name") == 1 and mapping.index("id_number") == 2
    assert mapping.header("id_number") == "身份证号码 （必填）*"
    assert mapping.header("birth_date") == "出生 年月"
    assert mapping.index("position") == 5 and mapping.index("unit") == 4
    assert mapping.index("gender") is None
    assert mapping.header("gender") == "性别"  # the label when the sheet has no such column
    assert mapping.unmapped() == [(0, "序号")]


def test_two_row_header_with_merged_parent_labels(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "u.xlsx", unit_rows(),
                      merges=["A1:G1", "A2:A3", "B2:B3", "C2:E2", "F2:G2"])
    mapping = detect_header(read_sheet(path), UNIT_FIELDS, required=("unit",))
    assert mapping.header_rows == (2, 3)
    assert mapping.first_data_row == 4
    assert {k: c.index for k, c in mapping.columns.items()} == {
        "unit": 0, "uscc": 1, "admin_posts": 2, "public_posts": 3, "worker_posts": 4,
        "leader_main": 5, "leader_deputy": 6}
    assert mapping.header("leader_main") == "领导职数/正职"
    assert mapping.header("admin_posts") == "核定编制/行政编制"
    assert mapping.header("unit") == "单位名称"


@pytest.mark.parametrize("kind", ["csv", "ods"])
def test_two_row_header_without_merge_information(tmp_path: Path, kind: str) -> None:
    rows = unit_rows()
    if kind == "csv":
        path = tmp_path / "u.csv"
        path.write_text("\n".join(",".join("" if v is None else str(v) for v in r) for r in rows),
                        encoding="utf-8")
    else:
        path = write_ods(tmp_path / "u.ods", {"表": rows})  # type: ignore[dict-item]
    mapping = detect_header(read_sheet(path), UNIT_FIELDS)
    assert mapping.header_rows == (2, 3)
    assert mapping.index("leader_main") == 5 and mapping.index("leader_deputy") == 6
    assert mapping.header("leader_deputy") == "领导职数/副职"
    assert mapping.index("unit") == 0 and mapping.index("worker_posts") == 4


def test_single_row_header_wins_a_tie_with_its_first_data_row(tmp_path: Path) -> None:
    rows = [["姓名", "身份证号", "性别"], ["张三", "11010519491231002X", "男"]]
    mapping = detect_header(read_sheet(write_xlsx(tmp_path / "a.xlsx", rows)), ROSTER_KEYS)
    assert mapping.header_rows == (1,)
    assert mapping.header("name") == "姓名"


def test_first_matching_column_wins_for_a_field(tmp_path: Path) -> None:
    rows = [["姓名", "工作单位", "单位", "身份证号"]]
    mapping = detect_header(read_sheet(write_xlsx(tmp_path / "a.xlsx", rows)), ROSTER_KEYS)
    assert mapping.index("unit") == 1
    assert (2, "单位") in mapping.unmapped()


def test_user_synonyms_are_used_for_detection(tmp_path: Path) -> None:
    rows = [["人员名称", "证件号"], ["张三", "11010519491231002X"]]
    sheet = read_sheet(write_xlsx(tmp_path / "a.xlsx", rows))
    with pytest.raises(ValidationError) as e:
        detect_header(sheet, ROSTER_KEYS)
    assert e.value.problems[0].kind == "no_header"
    words = Synonyms.default().extended({"name": ["人员名称"], "id_number": ["证件号"]})
    mapping = detect_header(sheet, ROSTER_KEYS, synonyms=words)
    assert mapping.index("name") == 0 and mapping.index("id_number") == 1


def test_missing_required_columns_are_named_with_their_spellings(tmp_path: Path) -> None:
    rows = [["标题"], ["姓名", "性别", "民族"]]
    sheet = read_sheet(write_xlsx(tmp_path / "a.xlsx", rows))
    with pytest.raises(ValidationError) as e:
        detect_header(sheet, ("name", "gender", "ethnicity", "id_number", "unit"),
                      required=("name", "id_number"))
    [problem] = e.value.problems
    assert problem.kind == "missing_column"
    assert problem.column == "公民身份号码" and problem.row == 2
    assert "身份证号码" in problem.reason and "“姓名”" in problem.reason
    with pytest.raises(ValidationError) as e:
        detect_header(sheet, ("name", "gender", "ethnicity"), required=("id_number", "unit"))
    assert [p.column for p in e.value.problems] == ["公民身份号码", "工作单位"]
    assert "缺少 2 列" in e.value.message


def test_no_header_in_the_searched_rows(tmp_path: Path) -> None:
    rows: list[list[object]] = [[f"说明第{i}行"] for i in range(35)] + [["姓名", "身份证号"]]
    sheet = read_sheet(write_xlsx(tmp_path / "a.xlsx", rows))
    with pytest.raises(ValidationError) as e:
        detect_header(sheet, ROSTER_KEYS)
    assert e.value.problems[0].kind == "no_header"
    assert "前 30 行" in e.value.message and "“姓名”" in e.value.message
    assert detect_header(sheet, ROSTER_KEYS, search_rows=40).header_rows == (36,)


def test_one_expected_field_needs_one_match(tmp_path: Path) -> None:
    sheet = read_sheet(write_xlsx(tmp_path / "a.xlsx", [["标题"], ["身份证号"], ["x"]]))
    assert detect_header(sheet, ("id_number",)).header_rows == (2,)


def test_mapping_can_be_edited() -> None:
    mapping = ColumnMapping((1,), {"name": MappedColumn(0, "姓名")}, ("姓名", "名字", "证件"),
                            {"name": "姓名", "id_number": "公民身份号码"})
    moved = mapping.with_column("id_number", 2)
    assert moved.columns["id_number"] == MappedColumn(2, "证件")
    assert mapping.index("id_number") is None  # frozen: the original is unchanged
    swapped = moved.with_column("name", 2)
    assert swapped.index("name") == 2 and swapped.index("id_number") is None
    removed = moved.with_column("name", None)
    assert removed.index("name") is None and removed.unmapped() == [(0, "姓名"), (1, "名字")]
    with pytest.raises(ValueError):
        mapping.with_column("name", 3)
    moved.require(["name", "id_number"])
    with pytest.raises(ValidationError):
        removed.require(["name"])
    assert mapping.header_of(1) == "名字" and mapping.header_of(9) == ""
