"""导入花名册: what a good sheet writes, and every fault of a bad one at once."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from io_helpers import (
    ROSTER_HEADER,
    County,
    changes_of,
    check,
    counts,
    open_postings,
    people,
    person_row,
    read,
    roster_file,
    run,
)
from sqlalchemy import select
from staffing_helpers import XZ, id_card, last_audit

from bzdesk.changes import Area
from bzdesk.db import Database
from bzdesk.errors import Cancelled, PermissionDenied, ValidationError
from bzdesk.models.staffing import Person, Posting
from bzdesk.roles import Actor
from bzdesk.services import excel_io
from bzdesk.services import staffing as st
from bzdesk.services.excel_io import ImportRefused


def test_a_good_roster_is_written_in_one_operation(db: Database, clerk: Actor, county: County,
                                                   tmp_path: Path) -> None:
    before = counts(db)
    outcome = run(db, clerk, roster_file(tmp_path / "r.xlsx", people(4)))
    report = outcome.value
    assert (report.ok, report.rows_read, report.added, report.updated, report.unchanged,
            report.written) == (True, 4, 4, 0, 0, 4)
    assert outcome.changed == {Area.PEOPLE, Area.POSTINGS}
    after = counts(db)
    assert after[:3] == (before[0] + 4, before[1] + 4, before[2] + 8)
    assert after[3] == before[3] + 1  # one audit entry for the whole import
    audited = last_audit(db)
    assert audited.op == "导入花名册"
    assert (audited.detail["added"], audited.detail["changes"]) == (4, 8)
    assert report.statuses == {3: "新增", 4: "新增", 5: "新增", 6: "新增"}
    assert county.staff.stats()[("县委办公室", "行政编制")][:2] == (10, 4)


def test_every_row_gets_its_change_record_with_every_field(db: Database, clerk: Actor,
                                                           county: County,
                                                           tmp_path: Path) -> None:
    run(db, clerk, roster_file(tmp_path / "r.xlsx", people(1)))
    person = changes_of(db, "person")[-1]
    posting = changes_of(db, "posting")[-1]
    assert person["name"] == "张一甲" and person["work_start"] is None
    assert person["birth_date"] == "1980-01-01" and person["deleted"] is False
    assert posting["start_on"] == "2019-07-01" and posting["start_precision"] == "month"
    assert posting["unit_id"] == county.office.id and posting["category_id"] == XZ


def test_variants_clerks_write_are_understood(db: Database, clerk: Actor, county: County,
                                              tmp_path: Path) -> None:
    header = ["姓 名", "公民身份号码（必填）", "性别", "出生日期", "民族", "政治面貌", "文化程度",
              "所在单位", "编制性质", "职务（岗位）", "进编时间", "进编方式", "联系电话"]
    born = date(1990, 2, 3)
    rows = [
        [" 王　五 ", id_card(born, True, 1).lower().replace("0", "０", 1), "男性", "1990年2月",
         "汉", "党员", "本科", "县委办", "行政", "科员", "2019年7月", "公招", "138 0000 0000"],
        ["李四", spaced(id_card(born, False, 2)), "女", born, "蒙古", "团员", "大专",
         "县财政局", "行政编", "", date(2019, 7, 1), "公务员考录", ""],
        ["赵六", id_card(born, True, 3), "", "", "", "", "", uscc_of(county.finance), "行政编制",
         "", "2019-07-01", "考录", ""],
    ]
    report = run(db, clerk, roster_file(tmp_path / "r.xlsx", rows, header)).value
    assert report.added == 3, report.problems
    with db.read() as s:
        stored = {p.name: (p.political, p.education, p.ethnicity, p.phone, p.id_number)
                  for p in s.scalars(select(Person))}
    assert stored["王五"][:2] == ("中共党员", "大学本科")
    assert stored["李四"][1:3] == ("大学专科", "蒙古族")
    assert stored["王五"][3] == "138 0000 0000"
    assert stored["李四"][4] == id_card(born, False, 2)
    assert open_postings(db)[stored["赵六"][4]] == ("县财政局", "XZ")
    with db.read() as s:
        routes = set(s.scalars(select(Posting.start_route)))
    assert routes == {"公开招聘", "考录"}


def spaced(number: str) -> str:
    """An ID number typed in groups, as on the card: "360121 19900203 0024"."""
    return f" {number[:6]} {number[6:14]}\u3000{number[14:]} "


def uscc_of(unit: st.UnitView) -> str:
    assert unit.uscc is not None
    return unit.uscc


def test_dates_keep_their_precision(db: Database, clerk: Actor, county: County,
                                    tmp_path: Path) -> None:
    rows = [person_row(1, "甲", date(1980, 1, 1), True, start="2019.07"),
            person_row(2, "乙", date(1980, 1, 2), False, start="2019年"),
            person_row(3, "丙", date(1980, 1, 3), True, start=date(2019, 7, 9))]
    run(db, clerk, roster_file(tmp_path / "r.xlsx", rows))
    with db.read() as s:
        stored = sorted((p.start_on, p.start_precision) for p in s.scalars(select(Posting)))
    assert stored == [(date(2019, 1, 1), "year"), (date(2019, 7, 1), "month"),
                      (date(2019, 7, 9), "day")]


def _wrong_check(born: date) -> str:
    valid = id_card(born, True, 4)
    return valid[:-1] + ("1" if valid[-1] == "0" else "0")


def _bad_sheet(county: County) -> tuple[list[list[object]], dict[tuple[int, str], str]]:
    """A sheet with one fault of each kind; the expected (row, column) → kind."""
    good = people(3)
    good_id = good[0][2]
    rows: list[list[object]] = [
        *good,                                                           # rows 3-5
        person_row(4, "甲", date(1981, 1, 1), True, 身份证号码=_wrong_check(date(1981, 1, 1))),
        person_row(5, "乙", date(1981, 1, 1), True, 身份证号码=360121198101010016.0),
        person_row(6, "", date(1981, 1, 2), True),
        person_row(7, "丙", date(1981, 1, 3), True, 身份证号码=good_id),
        person_row(8, "丁", date(1981, 1, 4), True, 工作单位="县水利局"),
        person_row(9, "戊", date(1981, 1, 5), True, 编制类型="行政编x"),
        person_row(10, "己", date(1981, 1, 6), True, 入编时间="2019.13"),
        person_row(11, "庚", date(1981, 1, 7), True, 性别="女"),
        person_row(12, "辛", date(1981, 1, 8), True, 出生年月="1979.01"),
        person_row(13, "壬", date(1981, 1, 9), True, 身份证号码="360121********0013"),
        person_row(14, "癸", date(1981, 1, 10), True, 入编方式="抽签"),
        person_row(15, "子", date(1981, 1, 11), True, 入编时间="2099.01"),
        person_row(16, "丑", date(1981, 1, 12), True, 入编时间="1990.01"),
        person_row(17, "寅", date(1981, 1, 13), True, 身份证号码="1101051949123100"),
        person_row(18, "卯", date(1981, 1, 14), True, 工作单位="县财政局"),
        person_row(19, "辰", date(1981, 1, 15), True, 工作单位="县财政局"),
        person_row(20, "巳", date(1981, 1, 16), True, 工作单位="县财政局"),
        person_row(21, "午", date(1981, 1, 17), True, 工作单位="县财政局"),  # 4th of 3
        person_row(22, "未", date(1981, 1, 18), True, 入编方式=None),
    ]
    expected = {
        (6, "身份证号码"): "bad_checksum", (7, "身份证号码"): "numeric_id",
        (8, "姓名"): "missing", (9, "身份证号码"): "duplicate", (10, "工作单位"): "unknown_unit",
        (11, "编制类型"): "unknown_category", (12, "入编时间"): "bad_date",
        (13, "性别"): "gender_mismatch", (14, "出生年月"): "birth_mismatch",
        (15, "身份证号码"): "masked_id", (16, "入编方式"): "unknown_choice",
        (17, "入编时间"): "future_date", (18, "入编时间"): "too_young",
        (19, "身份证号码"): "bad_format", (23, "工作单位"): "over_quota",
        (24, "入编方式"): "missing",
    }
    return rows, expected


def test_every_fault_is_reported_at_once_and_nothing_is_written(
        db: Database, clerk: Actor, county: County, tmp_path: Path) -> None:
    rows, expected = _bad_sheet(county)
    path = roster_file(tmp_path / "bad.xlsx", rows)
    before = counts(db)
    with pytest.raises(ImportRefused) as refused:
        run(db, clerk, path)
    assert counts(db) == before  # no person, posting, change record or audit entry
    found = {(p.row, p.column): p.kind for p in refused.value.problems}
    assert found == expected
    by_place = {(p.row, p.column): p for p in refused.value.problems}
    assert by_place[(7, "身份证号码")].value == "360121198101010000"  # as Excel shows it
    assert by_place[(9, "身份证号码")].reason.endswith("与第 3 行重复，同一人只能出现一次")
    assert "核定 3 名" in by_place[(23, "工作单位")].reason
    assert all(p.reason and not p.reason.isascii() for p in refused.value.problems)
    report = refused.value.report
    assert report.statuses[3] == "新增" and report.statuses[6] == "有误"
    assert report.summary().startswith("“bad.xlsx”有 16 处问题（涉及 16 行）")


def test_a_check_reports_the_same_without_writing(db: Database, clerk: Actor, county: County,
                                                  tmp_path: Path) -> None:
    rows, expected = _bad_sheet(county)
    before = counts(db)
    report = check(db, clerk, roster_file(tmp_path / "bad.xlsx", rows))
    assert {(p.row, p.column): p.kind for p in report.problems} == expected
    assert not report.ok and report.dry_run and report.written == 0
    assert counts(db) == before


def test_dry_run_reports_what_would_happen(db: Database, clerk: Actor, county: County,
                                           tmp_path: Path) -> None:
    before = counts(db)
    outcome = run(db, clerk, roster_file(tmp_path / "r.xlsx", people(3)), dry_run=True)
    assert (outcome.value.added, outcome.value.written, outcome.value.dry_run) == (3, 0, True)
    assert outcome.changed == frozenset()
    assert counts(db) == before


def test_over_quota_counts_people_already_in_post(db: Database, clerk: Actor, county: County,
                                                  tmp_path: Path) -> None:
    for i in range(2):
        person = county.staff.person(f"在编{'甲乙'[i]}")
        county.staff.post(person.id, county.finance.id)
    rows = [person_row(i + 1, f"新{'甲乙丙'[i]}", date(1985, 1, 1 + i), True, 工作单位="县财政局")
            for i in range(3)]
    with pytest.raises(ImportRefused) as refused:
        run(db, clerk, roster_file(tmp_path / "r.xlsx", rows))
    (problem,) = refused.value.problems
    assert (problem.row, problem.kind) == (4, "over_quota")  # the 2nd new one makes 4 of 3
    assert "现有在编 2 名" in problem.reason


def test_frozen_and_closed_units_refuse_entries(db: Database, clerk: Actor, county: County,
                                                tmp_path: Path) -> None:
    county.staff.write(st.set_freeze, county.finance.id, True)
    closed = county.staff.unit("县老干部局")
    county.staff.write(st.close_unit, st.CloseUnitInput(closed.id, "撤销", date(2024, 1, 1)))
    rows = [person_row(1, "甲", date(1985, 1, 1), True, 工作单位="县财政局"),
            person_row(2, "乙", date(1985, 1, 2), True, 工作单位="县老干部局")]
    report = check(db, clerk, roster_file(tmp_path / "r.xlsx", rows))
    assert [(p.row, p.kind) for p in report.problems] == [(3, "frozen_unit"), (4, "unit_closed")]


def test_a_new_posting_needs_unit_category_date_and_route(db: Database, clerk: Actor,
                                                          county: County,
                                                          tmp_path: Path) -> None:
    header = ["姓名", "身份证号码", "工作单位", "职务"]
    rows = [["甲", id_card(date(1985, 1, 1), True, 1), "县委办", "科员"],
            ["乙", id_card(date(1985, 1, 2), True, 2), None, None]]  # person only: fine
    report = check(db, clerk, roster_file(tmp_path / "r.xlsx", rows, header))
    assert {(p.row, p.column, p.kind) for p in report.problems} == {
        (3, "编制类型", "missing"), (3, "入编时间", "missing"), (3, "入编方式", "missing")}
    assert report.statuses[4] == "新增"


def test_cancel_rolls_everything_back(db: Database, clerk: Actor, county: County,
                                      tmp_path: Path) -> None:
    county.staff.quota(county.office.id, XZ, 3000)
    data = read(db, clerk, roster_file(tmp_path / "r.xlsx", people(2500)))
    before = counts(db)
    seen: list[tuple[int, int, str]] = []

    def cancel_when_writing() -> bool:
        return any(message == "正在写入" for _, _, message in seen)

    with pytest.raises(Cancelled), db.write() as s:
        excel_io.import_roster(s, clerk, data, progress=lambda *a: seen.append(a),
                               cancelled=cancel_when_writing)
    assert counts(db) == before
    assert seen and all(total >= done >= 0 for done, total, _ in seen)


def test_a_viewer_may_not_import(db: Database, viewer: Actor, county: County,
                                 tmp_path: Path) -> None:
    with pytest.raises(PermissionDenied):
        run(db, viewer, roster_file(tmp_path / "r.xlsx", people(1)))


def test_a_sheet_without_the_id_column_is_refused_by_name(db: Database, clerk: Actor,
                                                          county: County,
                                                          tmp_path: Path) -> None:
    header = ["姓名", "人员编号", "工作单位"]
    path = roster_file(tmp_path / "r.xlsx", [["甲", "A1", "县委办"]], header)
    with pytest.raises(ValidationError) as refused:
        run(db, clerk, path)
    (problem,) = refused.value.problems
    assert (problem.kind, problem.column, problem.row) == ("missing_column", "公民身份号码", 2)
    # the GUI lets the clerk pick the column instead
    data = read(db, clerk, path).with_column("id_number", 1)
    with db.read() as s:
        report = excel_io.check_roster(s, clerk, data)
    assert [p.kind for p in report.problems] == ["bad_format"]


def test_a_header_without_rows_is_refused(db: Database, clerk: Actor, county: County,
                                          tmp_path: Path) -> None:
    with pytest.raises(ImportRefused) as refused:
        run(db, clerk, roster_file(tmp_path / "r.xlsx", []))
    assert [p.kind for p in refused.value.problems] == ["empty_sheet"]


def test_the_report_json_has_the_contract_shape(db: Database, clerk: Actor, county: County,
                                                tmp_path: Path) -> None:
    report = run(db, clerk, roster_file(tmp_path / "r.xlsx", people(2))).value
    assert json.loads(json.dumps(report.to_json())) == {
        "ok": True, "file": "r.xlsx", "sheet": "Sheet1", "rows_read": 2, "written": 2,
        "errors": [], "added": 2, "updated": 0, "unchanged": 0, "dry_run": False}
    assert ROSTER_HEADER[2] == "身份证号码"
