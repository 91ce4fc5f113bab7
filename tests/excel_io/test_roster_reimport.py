"""Re-importing: people matched by ID number, only differing fields written, 调动."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from io_helpers import (
    County,
    changes_of,
    counts,
    open_postings,
    people,
    person_row,
    roster_file,
    run,
)
from sqlalchemy import select
from staffing_helpers import XZ

from bzdesk.db import Database
from bzdesk.models.staffing import Person, Posting
from bzdesk.roles import Actor
from bzdesk.services import excel_io
from bzdesk.services import staffing as st
from bzdesk.services.excel_io import ImportRefused


def export(db: Database, actor: Actor, path: Path) -> Path:
    with db.read() as s:
        return excel_io.export_roster(s, actor, path).file


def edit(path: Path, changes: dict[tuple[int, str], Any]) -> Path:
    """Change cells of an exported roster: (Excel row, header) → value."""
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    headers = [c.value for c in ws[2]]
    for (row, header), value in changes.items():
        ws.cell(row, headers.index(header) + 1, value)
    wb.save(path)
    return path


def test_an_export_imports_back_unchanged_and_writes_nothing(
        db: Database, clerk: Actor, county: County, tmp_path: Path) -> None:
    rows = people(3)
    rows[0][11] = "2019.07"
    rows[1][11] = "2019年"
    rows[2][11] = date(2020, 3, 4)
    run(db, clerk, roster_file(tmp_path / "r.xlsx", rows))
    path = export(db, clerk, tmp_path / "export.xlsx")
    start = openpyxl.load_workbook(path).worksheets[0].cell(3, 16)
    assert start.is_date and start.number_format in ("yyyy.mm", "yyyy-mm-dd", "yyyy")
    before = counts(db)
    report = run(db, clerk, path).value
    assert (report.added, report.updated, report.unchanged, report.written) == (0, 0, 3, 0)
    assert counts(db) == before  # no change record, no audit entry: nothing to sync


def test_only_the_differing_fields_are_written(db: Database, clerk: Actor, county: County,
                                               tmp_path: Path) -> None:
    run(db, clerk, roster_file(tmp_path / "r.xlsx", people(3)))
    path = export(db, clerk, tmp_path / "export.xlsx")
    edit(path, {(3, "政治面貌"): "群众", (4, "职务"): "副主任", (4, "领导职务"): "副"})
    before_person, before_posting = len(changes_of(db, "person")), len(changes_of(db, "posting"))
    report = run(db, clerk, path).value
    assert (report.added, report.updated, report.unchanged) == (0, 2, 1)
    assert changes_of(db, "person")[before_person:] == [{"political": "群众"}]
    assert changes_of(db, "posting")[before_posting:] == [
        {"position": "副主任", "leader_kind": "副", "is_leader": True}]


def test_people_not_in_the_sheet_and_blank_cells_are_left_alone(
        db: Database, clerk: Actor, county: County, tmp_path: Path) -> None:
    rows = people(3)
    run(db, clerk, roster_file(tmp_path / "r.xlsx", rows))
    header = ["姓名", "身份证号码", "联系电话", "政治面貌"]
    again = [[rows[0][1], rows[0][2], "13900000000", None]]  # one person, one new field
    report = run(db, clerk, roster_file(tmp_path / "one.xlsx", again, header)).value
    assert (report.updated, report.unchanged) == (1, 0)
    with db.read() as s:
        stored = {p.id_number: (p.phone, p.political) for p in s.scalars(select(Person))}
    assert stored[str(rows[0][2])] == ("13900000000", "中共党员")  # blank kept 中共党员
    assert stored[str(rows[1][2])] == ("", "中共党员")
    assert len(open_postings(db)) == 3


def test_another_unit_is_a_transfer_on_the_sheets_date(db: Database, clerk: Actor,
                                                       county: County, tmp_path: Path) -> None:
    row = person_row(1, "甲", date(1985, 1, 1), True)
    run(db, clerk, roster_file(tmp_path / "r.xlsx", [row]))
    moved = [*row]
    moved[8], moved[11], moved[12] = "县财政局", "2023.05", None
    report = run(db, clerk, roster_file(tmp_path / "m.xlsx", [moved])).value
    assert report.updated == 1
    with db.read() as s:
        postings = s.execute(select(Posting.unit_id, Posting.start_on, Posting.start_route,
                                    Posting.end_on, Posting.end_route)
                             .order_by(Posting.start_on)).all()
    assert [tuple(p) for p in postings] == [
        (county.office.id, date(2019, 7, 1), "考录", date(2023, 5, 1), "调出"),
        (county.finance.id, date(2023, 5, 1), "调任", None, None)]
    assert open_postings(db)[str(row[2])] == ("县财政局", "XZ")
    report = run(db, clerk, roster_file(tmp_path / "m.xlsx", [moved])).value
    assert report.unchanged == 1  # the same sheet again: nothing more happens


def test_a_transfer_needs_a_date_after_the_current_posting(db: Database, clerk: Actor,
                                                          county: County,
                                                          tmp_path: Path) -> None:
    row = person_row(1, "甲", date(1985, 1, 1), True)
    run(db, clerk, roster_file(tmp_path / "r.xlsx", [row]))
    moved = [*row]
    moved[8] = "县财政局"  # still 2019.07: the date of the first entry, not of the move
    before = counts(db)
    with pytest.raises(ImportRefused) as refused:
        run(db, clerk, roster_file(tmp_path / "m.xlsx", [moved]))
    (problem,) = refused.value.problems
    assert (problem.kind, problem.column) == ("transfer_date", "入编时间")
    assert "县委办公室" in problem.reason and "调入日期" in problem.reason
    assert counts(db) == before


def test_people_leaving_a_full_unit_free_their_places(db: Database, clerk: Actor,
                                                      county: County, tmp_path: Path) -> None:
    full = [person_row(i + 1, f"原{'甲乙丙'[i]}", date(1985, 1, 1 + i), True, 工作单位="县财政局")
            for i in range(3)]
    run(db, clerk, roster_file(tmp_path / "r.xlsx", full))
    newcomer = person_row(9, "新", date(1986, 1, 1), True, 工作单位="县财政局")
    leaving = [*full[2]]
    leaving[8], leaving[11] = "县委办", "2024.01"
    report = run(db, clerk, roster_file(tmp_path / "m.xlsx", [newcomer, leaving])).value
    assert (report.added, report.updated) == (1, 1)
    assert county.staff.stats()[("县财政局", "行政编制")][:2] == (3, 3)


def test_a_person_without_a_posting_gets_one(db: Database, clerk: Actor, county: County,
                                             tmp_path: Path) -> None:
    person = county.staff.person("甲", date(1985, 1, 1))
    posting = county.staff.post(person.id, county.office.id, on=date(2020, 1, 1))
    county.staff.leave(posting.id, on=date(2021, 1, 1), route="调出")
    row = ["甲", person.id_number, "县财政局", "行政编制", "2020.06", "选调"]
    header = ["姓名", "身份证号码", "工作单位", "编制类型", "入编时间", "入编方式"]
    with pytest.raises(ImportRefused) as refused:
        run(db, clerk, roster_file(tmp_path / "r.xlsx", [row], header))
    assert [p.kind for p in refused.value.problems] == ["start_overlap"]
    row[4] = "2022.06"
    report = run(db, clerk, roster_file(tmp_path / "r.xlsx", [row], header)).value
    assert report.updated == 1
    assert open_postings(db)[person.id_number] == ("县财政局", "XZ")


def test_a_masked_export_cannot_be_imported(db: Database, clerk: Actor, viewer: Actor,
                                            county: County, tmp_path: Path) -> None:
    run(db, clerk, roster_file(tmp_path / "r.xlsx", people(2)))
    with db.read() as s:
        report = excel_io.export_roster(s, viewer, tmp_path / "masked.xlsx")
    assert report.masked and "不能用于重新导入" in report.summary()
    notes = [r[0] for r in openpyxl.load_workbook(report.file)["说明"].iter_rows(values_only=True)]
    assert any("不能用于导入" in str(n) for n in notes)
    with pytest.raises(ImportRefused) as refused:
        run(db, clerk, report.file)
    assert {p.kind for p in refused.value.problems} == {"masked_id"}


def test_a_quota_line_of_today_does_not_make_reimport_change(
        db: Database, clerk: Actor, county: County, tmp_path: Path) -> None:
    county.staff.quota(county.office.id, XZ, 20, on=date.today())
    run(db, clerk, roster_file(tmp_path / "r.xlsx", people(2)))
    report = run(db, clerk, export(db, clerk, tmp_path / "e.xlsx")).value
    assert report.unchanged == 2
    assert st.default_category_id("XZ") == XZ


def test_an_id_number_already_someone_elses_is_a_duplicate(
        db: Database, clerk: Actor, county: County, tmp_path: Path) -> None:
    rows = people(2)
    run(db, clerk, roster_file(tmp_path / "r.xlsx", rows))
    path = export(db, clerk, tmp_path / "export.xlsx")
    edit(path, {(4, "姓名"): "李四"})  # row 4: the second person's number, another name
    before = counts(db)
    with pytest.raises(ImportRefused) as refused:
        run(db, clerk, path)
    (problem,) = refused.value.problems
    assert (problem.row, problem.column, problem.kind) == (4, "公民身份号码", "duplicate")
    assert problem.value == rows[1][2]
    assert str(rows[1][1]) in problem.reason and "李四" in problem.reason
    assert "县委办公室" in problem.reason
    assert counts(db) == before
