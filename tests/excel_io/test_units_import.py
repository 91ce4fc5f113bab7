"""导入机构名单: a two-row header, parents anywhere in the sheet, counts as quota lines."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from excel_fixtures import write_xlsx
from io_helpers import County, counts, run
from staffing_helpers import GQ, SY, XZ, uscc

from bzdesk.changes import Area
from bzdesk.db import Database
from bzdesk.roles import Actor
from bzdesk.services import excel_io
from bzdesk.services import staffing as st
from bzdesk.services.excel_io import ImportRefused

TOP = ["机构名称", "简称", "统一社会信用代码", "上级机构", "机构类别", "机构级别", "事业单位分类",
       "经费形式", "核定编制", None, None, "领导职数", None]
UNDER = [None, None, None, None, None, None, None, None, "行政编制", "事业编制", "工勤编制",
         "正职", "副职"]
MERGES = ["A1:M1", "I2:K2", "L2:M2"]


def unit_sheet(path: Path, rows: list[list[object]]) -> Path:
    return write_xlsx(path, [["南昌县机构编制情况统计表"], TOP, UNDER, *rows], merges=MERGES)


def sample() -> list[list[object]]:
    return [
        ["县档案馆", None, uscc(12), "县委办", "事业", "股级", "一类", "全额", None, 5, None, 1,
         None],
        ["县委办公室", "县委办", uscc(11), None, "党委工作部门", "正科级", None, "全额", 10, 0, 2,
         1, 2],
        ["县财政局", None, None, None, "政府部门", "正科", None, "财政全额拨款", 8, None, 1, 1, 3],
    ]


def units(db: Database, actor: Actor) -> dict[str, st.UnitView]:
    with db.read() as s:
        return {u.name: u for u in st.list_units(s, actor)}


def test_a_unit_list_is_written_parents_first(db: Database, clerk: Actor,
                                              tmp_path: Path) -> None:
    before = counts(db)
    outcome = run(db, clerk, unit_sheet(tmp_path / "u.xlsx", sample()), "units")
    assert (outcome.value.added, outcome.value.rows_read) == (3, 3)
    assert {Area.UNITS, Area.QUOTAS} <= outcome.changed
    found = units(db, clerk)
    archive, office = found["县档案馆"], found["县委办公室"]
    assert archive.parent_id == office.id  # the parent came below its child
    assert (office.kind, office.rank, office.funding) == ("党委工作机关", "正科", "全额拨款")
    assert (archive.kind, archive.rank, archive.shiye_class) == ("事业单位", "股级", "公益一类")
    assert found["县财政局"].kind == "政府工作部门"
    staff = County  # noqa: F841  (the county fixture is not used: the sheet makes the units)
    with db.read() as s:
        stats = {(r.unit, r.category): r.approved for r in st.staffing_stats(s, clerk).rows}
        leaders = {r.unit: (r.chief_approved, r.deputy_approved)
                   for r in st.leader_stats(s, clerk)}
    assert stats == {("县委办公室", "行政编制"): 10, ("县委办公室", "工勤编制"): 2,
                     ("县档案馆", "事业编制"): 5, ("县财政局", "行政编制"): 8,
                     ("县财政局", "工勤编制"): 1}
    assert leaders == {"县委办公室": (1, 2), "县档案馆": (1, 0), "县财政局": (1, 3)}
    assert counts(db)[3] == before[3] + 1  # one audit entry


def test_importing_the_same_list_again_changes_nothing(db: Database, clerk: Actor,
                                                       tmp_path: Path) -> None:
    path = unit_sheet(tmp_path / "u.xlsx", sample())
    run(db, clerk, path, "units")
    before = counts(db)
    report = run(db, clerk, path, "units").value
    assert (report.added, report.updated, report.unchanged) == (0, 0, 3)
    assert counts(db) == before


def test_a_changed_count_becomes_a_new_quota_line(db: Database, clerk: Actor,
                                                  tmp_path: Path) -> None:
    run(db, clerk, unit_sheet(tmp_path / "u.xlsx", sample()), "units")
    rows = sample()
    rows[1][8] = 12  # 县委办公室 行政编制 10 → 12
    rows[2][1] = "财政局"  # a short name added
    report = run(db, clerk, unit_sheet(tmp_path / "u2.xlsx", rows), "units").value
    assert (report.updated, report.unchanged) == (2, 1)
    found = units(db, clerk)
    with db.read() as s:
        history = st.quota_history(s, clerk, found["县委办公室"].id)
    lines = sorted((q.category_id, q.approved, q.effective_on) for q in history)
    assert (XZ, 12, date.today()) in lines and (GQ, 2, date.today()) in lines
    assert found["县财政局"].short_name == "财政局"


def test_units_already_registered_are_matched_by_code_or_name(
        db: Database, clerk: Actor, county: County, tmp_path: Path) -> None:
    rows = [["县委办公室（更名）", None, county.office.uscc, None, None, None, None, None, None,
             None, None, None, None],
            ["县财政局", None, None, None, None, "副处", None, None, None, None, None, None,
             None]]
    report = run(db, clerk, unit_sheet(tmp_path / "u.xlsx", rows), "units").value
    assert (report.added, report.updated) == (0, 2)
    found = units(db, clerk)
    assert found["县委办公室（更名）"].id == county.office.id  # punctuation kept as typed
    assert found["县财政局"].rank == "副处"


def test_every_fault_of_a_unit_list_is_reported(db: Database, clerk: Actor, county: County,
                                                tmp_path: Path) -> None:
    blank = [None] * 13

    def row(**cells: object) -> list[object]:
        out = list(blank)
        for header, value in cells.items():
            out[[*TOP[:8], *UNDER[8:]].index(header)] = value
        return out

    rows = [
        row(机构名称="甲局", 机构类别="政府工作部门", 上级机构="不存在的局"),          # 4
        row(机构名称="乙局"),                                                       # 5
        row(机构名称="丙中心", 机构类别="政府工作部门", 事业单位分类="公益一类"),      # 6
        row(机构名称="丁局", 机构类别="政府工作部门", 统一社会信用代码=uscc(7)[:-1] + "0"),
        row(机构名称="戊局", 机构类别="政府工作部门", 行政编制=-1, 正职="三"),          # 8
        row(机构名称="甲局", 机构类别="政府工作部门"),                                # 9
        row(机构名称="己局", 机构类别="政府工作部门", 上级机构="庚局"),               # 10
        row(机构名称="庚局", 机构类别="政府工作部门", 上级机构="己局"),               # 11
        row(机构名称="县财政局", 统一社会信用代码=county.office.uscc),                # 12
        row(机构名称="辛局", 机构类别="局"),                                         # 13
    ]
    before = counts(db)
    with pytest.raises(ImportRefused) as refused:
        run(db, clerk, unit_sheet(tmp_path / "bad.xlsx", rows), "units")
    assert counts(db) == before
    found = sorted((p.row or 0, p.column, p.kind) for p in refused.value.problems)
    assert found == [
        (4, "上级机构", "unknown_unit"), (5, "机构类别", "missing"),
        (6, "事业单位分类", "not_applicable"), (7, "统一社会信用代码", "bad_checksum"),
        (8, "核定编制/行政编制", "bad_number"), (8, "领导职数/正职", "bad_number"),
        (9, "机构名称", "duplicate"), (10, "上级机构", "cycle"), (11, "上级机构", "cycle"),
        (12, "机构名称", "duplicate"), (13, "机构类别", "unknown_choice")]


def test_an_office_category_gets_its_own_column(db: Database, admin: Actor,
                                                tmp_path: Path) -> None:
    with db.write() as s:
        st.add_category(s, admin, st.CategoryInput("CG", "参公事业编制", is_shiye=True,
                                                    aliases=("参公编制",)))
    rows = [["机构名称", "机构类别", "行政编制", "参公编制"], ["县委党校", "事业单位", 0, 6]]
    report = run(db, admin, write_xlsx(tmp_path / "u.xlsx", rows), "units").value
    assert report.added == 1
    with db.read() as s:
        approved = {r.category: r.approved for r in st.staffing_stats(s, admin).rows}
    assert approved == {"参公事业编制": 6}
    assert SY != XZ


def test_a_check_of_units_writes_nothing(db: Database, clerk: Actor, tmp_path: Path) -> None:
    before = counts(db)
    data = excel_io.read_import_sheet
    with db.read() as s:
        sheet = data(s, clerk, unit_sheet(tmp_path / "u.xlsx", sample()), "units")
        report = excel_io.check_units(s, clerk, sheet)
    assert (report.ok, report.added, report.dry_run) == (True, 3, True)
    assert counts(db) == before
