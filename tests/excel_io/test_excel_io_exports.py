"""导出: styled xlsx a clerk can edit and import again, CSV for other tools, the city's
whole scope or one county, masked IDs for viewers, no formula ever written."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from io_helpers import County, people, person_row, roster_file, run

from bzdesk.db import Database
from bzdesk.errors import ValidationError
from bzdesk.models.staffing import Unit
from bzdesk.roles import Actor
from bzdesk.services import excel_io
from bzdesk.services import staffing as st
from bzdesk.uow import write_op

HOSTILE = "=cmd|' /C calc'!A0"


def export(db: Database, actor: Actor, path: Path, kind: str = "roster",
           **kw: object) -> excel_io.ExportReport:
    fn = excel_io.export_roster if kind == "roster" else excel_io.export_units
    with db.read() as s:
        return fn(s, actor, path, **kw)  # type: ignore[arg-type]


def test_the_roster_workbook_is_made_for_clerks(db: Database, clerk: Actor, county: County,
                                                tmp_path: Path) -> None:
    rows = people(2)
    rows[0][10] = HOSTILE  # 职务
    run(db, clerk, roster_file(tmp_path / "r.xlsx", rows))
    report = export(db, clerk, tmp_path / "out.xlsx")
    assert (report.rows, report.masked) == (2, False)
    wb = openpyxl.load_workbook(report.file)
    assert wb.sheetnames == ["花名册", "说明"]
    ws = wb["花名册"]
    assert ws["A1"].value == "南昌县委机构编制委员会办公室机构编制实名制人员花名册"
    assert ws.freeze_panes == "A3"
    header = [c.value for c in ws[2]]
    assert header[:4] == ["序号", "姓名", "公民身份号码", "性别"]
    assert ws["B2"].font.b and ws.column_dimensions["C"].width >= 18
    id_cell = ws.cell(3, header.index("公民身份号码") + 1)
    assert id_cell.data_type == "s" and id_cell.number_format == "@"
    assert len(str(id_cell.value)) == 18
    start = ws.cell(3, header.index("入编时间") + 1)
    assert start.is_date and start.number_format == "yyyy.mm"
    born = ws.cell(3, header.index("出生年月") + 1)
    assert born.is_date
    validations = {str(dv.sqref).split(":")[0][:1]: dv.formula1
                   for dv in ws.data_validations.dataValidation}
    assert validations["D"] == '"男,女"'
    category = validations[openpyxl.utils.get_column_letter(header.index("编制类型") + 1)]
    assert "行政编制" in category
    notes = [r[0] for r in wb["说明"].iter_rows(values_only=True)]
    assert any("按身份证号码找到人员" in str(n) for n in notes)
    post = [ws.cell(r, header.index("职务") + 1) for r in (3, 4)]
    hostile = next(c for c in post if c.value and str(c.value).startswith("="))
    assert hostile.value == HOSTILE and hostile.data_type == "s"
    with zipfile.ZipFile(report.file) as zf:
        assert b"<f>" not in zf.read("xl/worksheets/sheet1.xml")  # text, never a formula


def test_csv_is_utf8_with_bom_or_gbk(db: Database, clerk: Actor, county: County,
                                     tmp_path: Path) -> None:
    rows = people(2)
    rows[0][10] = HOSTILE
    run(db, clerk, roster_file(tmp_path / "r.xlsx", rows))
    utf8 = export(db, clerk, tmp_path / "out.csv").file
    raw = utf8.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("序号,姓名,公民身份号码")
    assert "'" + HOSTILE in text and "2019.07" in text
    gbk = export(db, clerk, tmp_path / "out-gbk.csv", encoding="gbk").file
    assert gbk.read_bytes().decode("gbk").splitlines()[0].startswith("序号,姓名")
    for file in (utf8, gbk):  # both import back unchanged, the quote taken off again
        assert run(db, clerk, file).value.unchanged == 2


def test_an_empty_roster_is_a_sheet_of_headers(db: Database, clerk: Actor,
                                               tmp_path: Path) -> None:
    report = export(db, clerk, tmp_path / "empty.xlsx")
    ws = openpyxl.load_workbook(report.file).worksheets[0]
    assert report.rows == 0 and ws.max_row == 2 and ws["A2"].value == "序号"


def test_the_unit_list_exports_and_imports_back(db: Database, clerk: Actor, county: County,
                                                tmp_path: Path) -> None:
    county.staff.write(st.set_leader_posts,
                       st.LeaderPostInput(county.office.id, 1, 3, date(2019, 1, 1)))
    report = export(db, clerk, tmp_path / "units.xlsx", "units")
    assert report.rows == 3
    ws = openpyxl.load_workbook(report.file)["机构名单"]
    header = [c.value for c in ws[2]]
    assert header[1:5] == ["机构名称", "简称", "统一社会信用代码", "上级机构"]
    assert {"行政编制", "事业编制", "领导职数（正职）"} <= set(header)
    rows = {r[1]: r for r in ws.iter_rows(min_row=3, values_only=True)}
    assert rows["县档案馆"][4] == "县委办公室"
    assert rows["县委办公室"][header.index("行政编制")] == 10
    assert rows["县委办公室"][header.index("领导职数（副职）")] == 3
    assert ws.cell(3, 4).data_type == "s"
    again = run(db, clerk, report.file, "units").value
    assert (again.added, again.updated, again.unchanged) == (0, 0, 3)


def test_export_refuses_a_wrong_name_or_office(db: Database, clerk: Actor,
                                               tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match=r"\.xlsx 或 \.csv"):
        export(db, clerk, tmp_path / "out.pdf")
    with pytest.raises(ValidationError, match="只有导出 CSV"):
        export(db, clerk, tmp_path / "out.xlsx", encoding="gbk")
    with pytest.raises(ValidationError, match="数据范围"):
        export(db, clerk, tmp_path / "out.xlsx", office="360122")


def test_a_city_exports_all_its_counties_or_one(city: tuple[Database, Actor],
                                               tmp_path: Path) -> None:
    db, admin = city
    with db.write() as s, write_op(s, admin, "测试：县里的机构"):
        for code, name in (("360121", "南昌县委办"), ("360122", "新建区委办")):
            s.add(Unit(name=name, kind="党委工作机关", office_id=code, sort_order=10))
    with db.write() as s:
        for unit in st.list_units(s, admin):
            st.set_quota(s, admin, st.QuotaInput(unit.id, st.default_category_id("XZ"), 5,
                                                 date(2019, 1, 1)))
    rows = [person_row(1, "甲", date(1985, 1, 1), True, 工作单位="南昌县委办"),
            person_row(2, "乙", date(1985, 1, 2), False, 工作单位="新建区委办")]
    run(db, admin, roster_file(tmp_path / "r.xlsx", rows))
    everything = export(db, admin, tmp_path / "all.xlsx")
    one = export(db, admin, tmp_path / "one.xlsx", office="360121")
    assert (everything.rows, one.rows) == (2, 1)
    names = [r[1] for r in openpyxl.load_workbook(one.file).worksheets[0]
             .iter_rows(min_row=3, values_only=True)]
    assert names == ["甲"]
    assert export(db, admin, tmp_path / "u.xlsx", "units", office="360122").rows == 1
