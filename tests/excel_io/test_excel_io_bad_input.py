"""Sheets as they really arrive: other formats, formulas, a million formatted empty
rows, hostile and absurd cell contents. Each is read, refused or reported, never a crash."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from excel_fixtures import (
    append_empty_rows,
    patch_sheet_xml,
    write_ods,
    write_xls,
    write_xlsx,
)
from io_helpers import ROSTER_HEADER, TITLE, County, check, counts, people, roster_file, run
from staffing_helpers import id_card

from bzdesk.db import Database
from bzdesk.errors import ValidationError
from bzdesk.excel import ReadLimits
from bzdesk.roles import Actor
from bzdesk.services import excel_io


def test_xls_and_ods_rosters_import_like_xlsx(db: Database, clerk: Actor, county: County,
                                              tmp_path: Path) -> None:
    rows = [[c if not isinstance(c, int) else float(c) for c in r] for r in people(2)]
    xls = write_xls(tmp_path / "wps.xls", {"花名册": [TITLE, ROSTER_HEADER, *rows]})
    ods = write_ods(tmp_path / "lo.ods", {"花名册": [TITLE, ROSTER_HEADER, *people(3)[2:]]},
                    trailing_repeated_rows=1_000_000)
    assert run(db, clerk, xls).value.added == 2
    report = run(db, clerk, ods).value
    assert (report.added, report.rows_read) == (1, 1)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gbk"])
def test_csv_rosters_in_either_encoding(db: Database, clerk: Actor, county: County,
                                        tmp_path: Path, encoding: str) -> None:
    lines = [",".join(ROSTER_HEADER)] + [",".join(str(c) for c in r) for r in people(2)]
    path = tmp_path / "r.csv"
    path.write_bytes("\r\n".join(lines).encode(encoding))
    assert run(db, clerk, path).value.added == 2


def test_a_million_formatted_empty_rows_cost_nothing(db: Database, clerk: Actor,
                                                     county: County, tmp_path: Path) -> None:
    path = roster_file(tmp_path / "r.xlsx", people(2))
    append_empty_rows(path, 5, 1_000_000)
    report = run(db, clerk, path).value
    assert (report.rows_read, report.added) == (2, 2)


def test_formulas_give_their_cached_values(db: Database, clerk: Actor, county: County,
                                           tmp_path: Path) -> None:
    rows = people(2)
    rows[0][7] = '="大学"&"本科"'   # 学历 as a formula, cached 大学本科 when Excel saved it
    rows[1][1] = "=A1"             # 姓名 as a formula never calculated: blank, so missing
    path = write_xlsx(tmp_path / "f.xlsx", [TITLE, ROSTER_HEADER, *rows])
    formula = '<f>"大学"&amp;"本科"</f>'.encode()
    patch_sheet_xml(path, b'<c r="H3">' + formula + b"<v /></c>",
                    b'<c r="H3" t="str">' + formula + "<v>大学本科</v></c>".encode())
    report = check(db, clerk, path)
    assert [(p.row, p.column, p.kind) for p in report.problems] == [(4, "姓名", "missing")]
    assert report.statuses[3] == "新增"


def test_hostile_and_absurd_cells_are_reported(db: Database, clerk: Actor, county: County,
                                               tmp_path: Path) -> None:
    header = ["姓名", "身份证号码", "出生年月", "职务", "联系电话", "学历", "工作单位", "编制类型",
              "入编时间", "入编方式"]
    born = date(1985, 1, 1)

    def row(n: int, **cells: object) -> list[object]:
        base: dict[str, object] = {"姓名": "甲乙", "身份证号码": id_card(born, True, n),
                                   "工作单位": "县委办", "编制类型": "行政", "入编时间": "2019.07",
                                   "入编方式": "考录"}
        base.update(cells)
        return [base.get(h) for h in header]

    rows = [
        row(1, 姓名="=cmd|' /C calc'!A0"),             # 3: digits in a name
        row(2, 职务="长" * 10_000),                      # 4: too long
        row(3, 出生年月=1e300),                          # 5: no date
        row(4, 入编时间=True),                           # 6: TRUE is no date
        row(5, 联系电话="call me"),                      # 7
        row(6, 姓名="张\u200e三"),                        # 8: an invisible format mark
        row(7, 学历="\u202e本科"),                        # 9: a direction override
        row(8, 身份证号码="1" * 400),                     # 10
        row(9, 姓名="阿依古丽 . 买买提🙂"),                # 11: odd but a name
        row(10, 职务="@SUM(A1)", 入编时间="  2019年7月 "),  # 12: fine, kept as text
    ]
    before = counts(db)
    report = check(db, clerk, roster_file(tmp_path / "h.xlsx", rows, header))
    assert [(p.row, p.column, p.kind) for p in report.problems] == [
        (3, "姓名", "bad_format"), (4, "职务", "too_long"), (5, "出生年月", "bad_date"),
        (6, "入编时间", "bad_date"), (7, "联系电话", "bad_format"), (8, "姓名", "bad_format"),
        (9, "学历", "unknown_choice"), (10, "身份证号码", "bad_format")]
    assert report.statuses[11] == "新增" and report.statuses[12] == "新增"
    assert counts(db) == before


def test_too_many_rows_are_refused_before_any_check(db: Database, clerk: Actor,
                                                    county: County, tmp_path: Path) -> None:
    path = roster_file(tmp_path / "r.xlsx", people(40))
    with db.read() as s, pytest.raises(ValidationError) as refused:
        excel_io.read_import_sheet(s, clerk, path, "roster",
                                   limits=ReadLimits(max_data_rows=5))
    assert refused.value.problems[0].kind == "too_many_rows"


def test_a_sheet_with_no_recognisable_header(db: Database, clerk: Actor,
                                             tmp_path: Path) -> None:
    path = roster_file(tmp_path / "r.xlsx", [["a", "b"]], ["列1", "列2"])
    with pytest.raises(ValidationError) as refused:
        run(db, clerk, path)
    assert refused.value.problems[0].kind == "no_header"
