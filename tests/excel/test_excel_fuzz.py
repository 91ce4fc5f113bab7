"""Random small workbooks through reader → header detection → rows → cell helpers:
the result is rows or a ValidationError / InvalidValue, never another exception."""

from __future__ import annotations

import tempfile
from datetime import date, datetime
from pathlib import Path

import openpyxl
from excel_fixtures import write_ods, write_xls
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from bzdesk.errors import ValidationError
from bzdesk.excel import (
    Synonyms,
    cell_text,
    date_cell,
    detect_header,
    id_cell,
    int_cell,
    iter_data_rows,
    read_sheet,
    write_error_workbook,
)
from bzdesk.excel.errors_workbook import CellProblem
from bzdesk.validation import InvalidValue

FIELDS = ("name", "id_number", "birth_date", "unit", "admin_posts", "leader_main")
HEADER_WORDS = [s for key in FIELDS for s in Synonyms.default().spellings(key)] + [
    "序号", "备注", "领导职数", "正职", "合计", "注：", "身份证号码（必填）*"]

texts = st.one_of(
    st.sampled_from(HEADER_WORDS),
    st.sampled_from(["2019.07", "2019.7.1", "2019年7月", "2019-07-01", "20190701", "2019.13",
                     "11010519491231002x", "１１０１０５１９４９１２３１００２Ｘ", "1.10105E+17",
                     "十", "-3", " ", "=1+2", "'=x", "#N/A", "\u3000张三 "]),
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=12),
)
cells = st.one_of(
    st.none(), texts,
    st.floats(allow_nan=False, allow_infinity=False, min_value=-1e20, max_value=1e20),
    st.integers(min_value=-(10**6), max_value=10**6), st.booleans(),
    st.dates(min_value=date(1901, 1, 1), max_value=date(2099, 12, 31)),
    st.datetimes(min_value=datetime(1901, 1, 1), max_value=datetime(2099, 12, 31)).map(
        lambda d: d.replace(microsecond=0)),
)


@st.composite
def sheets(draw: st.DrawFn) -> list[list[object]]:
    width = draw(st.integers(1, 7))
    title_rows = draw(st.lists(st.lists(cells, max_size=2), max_size=4))
    header = draw(st.lists(st.sampled_from(HEADER_WORDS), min_size=1, max_size=width + 1))
    data = draw(st.lists(st.lists(cells, min_size=0, max_size=width), max_size=8))
    blanks = draw(st.lists(st.just([]), max_size=2))
    return [*title_rows, *blanks, list(header), *data]


def _write(path: Path, fmt: str, rows: list[list[object]]) -> Path:
    if fmt == "xlsx":
        wb = openpyxl.Workbook()
        ws = wb.active
        assert ws is not None
        for row in rows:
            ws.append([_excel_safe(v) for v in row])
        wb.save(path)
    elif fmt == "xls":
        write_xls(path, {"表": [[_plain(v) for v in row] for row in rows]})
    elif fmt == "ods":
        write_ods(path, {"表": [[_plain(v) for v in row] for row in rows]})
    else:
        path.write_text("\n".join(",".join(cell_text(v).replace(",", "，").replace("\n", " ")  # type: ignore[arg-type]
                                           for v in row) for row in rows), encoding="utf-8")
    return path


def _excel_safe(value: object) -> object:
    if isinstance(value, str):
        return value.lstrip("=")  # openpyxl would store a formula without a cached value
    return value


def _plain(value: object) -> object:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    return value


def _use(row_value: object) -> None:
    for helper in (id_cell, date_cell, int_cell):
        try:
            helper(row_value)  # type: ignore[operator]
        except InvalidValue as exc:
            assert exc.reason and exc.kind


@settings(max_examples=120, deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(rows=sheets(), fmt=st.sampled_from(["xlsx", "csv", "ods", "xls"]),
       required=st.lists(st.sampled_from(FIELDS), max_size=2, unique=True))
def test_random_workbooks_give_rows_or_a_refusal(rows: list[list[object]], fmt: str,
                                                 required: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = _write(Path(tmp) / f"fuzz.{fmt}", fmt, rows)
        try:
            sheet = read_sheet(path)
            mapping = detect_header(sheet, FIELDS, required=required)
        except ValidationError as exc:
            assert exc.problems and exc.problems[0].reason and exc.problems[0].kind
            event(f"refused: {exc.problems[0].kind}")
            return
        event(f"read {fmt}, header rows {len(mapping.header_rows)}")
        numbers = [r.number for r in sheet.rows]
        assert numbers == sorted(set(numbers))
        assert set(required) <= set(mapping.columns)
        data = list(iter_data_rows(sheet, mapping))
        for row in data:
            assert row.number >= mapping.first_data_row
            for key in mapping.columns:
                _use(row.value(mapping, key))
        problems = [CellProblem(r.number, 0, cell_text(r.get(0)), "检查", "x") for r in data[:3]]
        out = write_error_workbook(Path(tmp) / "err.xlsx", sheet, mapping, problems)
        again = detect_header(read_sheet(out), FIELDS, required=required)
        assert again.header_rows == mapping.header_rows
