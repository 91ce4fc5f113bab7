"""Random cell contents into the roster importer: it either reports problems and writes
nothing, or imports and writes exactly what it says. Never a crash, never half a sheet."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from io_helpers import ROSTER_HEADER, County, counts
from staffing_helpers import id_card

from bzdesk.db import Database
from bzdesk.errors import ValidationError
from bzdesk.excel import Cell, RawRow, RawSheet, detect_header
from bzdesk.roles import Actor
from bzdesk.services import excel_io
from bzdesk.services.excel_io import ImportSheet
from bzdesk.services.excel_io.fields import ROSTER_FIELDS, ROSTER_REQUIRED, roster_synonyms

PLAUSIBLE: dict[str, list[Cell]] = {
    "姓名": ["张三", "李四", "阿依古丽·买买提", "王 五"],
    "身份证号码": [id_card(date(1980, 1, 1 + i), i % 2 == 0, i) for i in range(6)],
    "性别": ["男", "女", "男性"],
    "出生年月": ["1980.01", "1980年1月", date(1980, 1, 2)],
    "民族": ["汉族", "汉", "回族"],
    "政治面貌": ["中共党员", "群众", "党员"],
    "学历": ["大学本科", "本科", "研究生"],
    "工作单位": ["县委办", "县委办公室", "县财政局", "县档案馆"],
    "编制类型": ["行政编制", "行政", "事业编制"],
    "职务": ["科员", "主任", ""],
    "入编时间": ["2019.07", "2019-07-01", date(2020, 1, 1), "2019年"],
    "入编方式": ["考录", "公开招聘", "调任"],
}

ODD: st.SearchStrategy[Cell] = st.one_of(
    st.none(),
    st.text(max_size=30),
    st.floats(allow_nan=False),
    st.integers(min_value=-10**20, max_value=10**20).map(float),
    st.booleans(),
    st.dates(min_value=date(1800, 1, 1), max_value=date(2099, 12, 31)),
    st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2099, 12, 31)),
)


def cell(header: str) -> st.SearchStrategy[Cell]:
    return st.one_of(st.sampled_from(PLAUSIBLE[header]), ODD)


ROW = st.tuples(*(st.just(None) if h == "序号" else cell(h) for h in ROSTER_HEADER))


def sheet_of(rows: list[tuple[Cell, ...]]) -> ImportSheet:
    raw = RawSheet("fuzz.xlsx", "xlsx", "Sheet1", ("Sheet1",),
                   (RawRow(1, tuple(ROSTER_HEADER)),
                    *(RawRow(n + 2, row) for n, row in enumerate(rows))), len(ROSTER_HEADER))
    synonyms = roster_synonyms()
    mapping = detect_header(raw, ROSTER_FIELDS, synonyms=synonyms)
    return ImportSheet("roster", Path("fuzz.xlsx"), raw, mapping, ROSTER_FIELDS,
                       ROSTER_REQUIRED, synonyms)


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(rows=st.lists(ROW, min_size=1, max_size=8))
def test_random_rows_are_refused_whole_or_imported_whole(db: Database, clerk: Actor,
                                                         county: County,
                                                         rows: list[tuple[Cell, ...]]) -> None:
    data = sheet_of(rows)
    before = counts(db)
    try:
        with db.write() as s:
            report = excel_io.import_roster(s, clerk, data).value
    except ValidationError as exc:
        assert exc.problems and all(p.reason and p.kind for p in exc.problems)
        assert all(p.row is None or 2 <= p.row <= len(rows) + 1 for p in exc.problems)
        assert counts(db) == before
        return
    after = counts(db)
    assert report.ok and report.added + report.updated + report.unchanged <= len(rows)
    assert after[0] == before[0] + report.added
    if report.added or report.updated:
        assert after[3] == before[3] + 1  # one audit entry
    else:
        assert after == before
