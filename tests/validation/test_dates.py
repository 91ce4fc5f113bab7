"""Loose dates from spreadsheets and forms."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bzdesk.validation import InvalidValue, Precision, parse_loose_date


@pytest.mark.parametrize(
    ("raw", "expected", "precision"),
    [
        ("2019.07", date(2019, 7, 1), "month"),
        ("2019.7", date(2019, 7, 1), "month"),
        ("2019.7.1", date(2019, 7, 1), "day"),
        ("2019.12.31", date(2019, 12, 31), "day"),
        ("2019年7月", date(2019, 7, 1), "month"),
        ("2019年7月1日", date(2019, 7, 1), "day"),
        ("2019年07月15号", date(2019, 7, 15), "day"),
        ("2019 年 7 月 1 日", date(2019, 7, 1), "day"),
        ("2019年", date(2019, 1, 1), "year"),
        ("2019", date(2019, 1, 1), "year"),
        ("2019-07-01", date(2019, 7, 1), "day"),
        ("2019-07", date(2019, 7, 1), "month"),
        ("2019/7/1", date(2019, 7, 1), "day"),
        ("2019/7", date(2019, 7, 1), "month"),
        ("20190701", date(2019, 7, 1), "day"),
        ("201907", date(2019, 7, 1), "month"),
        ("  2019.7  ", date(2019, 7, 1), "month"),
        ("２０１９．７．１", date(2019, 7, 1), "day"),
        ("2019-07-01 00:00:00", date(2019, 7, 1), "day"),
        ("2019/7/1 8:30", date(2019, 7, 1), "day"),
        ("2020-02-29", date(2020, 2, 29), "day"),
    ],
)
def test_accepted_strings(raw: str, expected: date, precision: Precision) -> None:
    assert parse_loose_date(raw) == (expected, precision)


def test_date_and_datetime_objects() -> None:
    assert parse_loose_date(date(2019, 7, 1)) == (date(2019, 7, 1), "day")
    result = parse_loose_date(datetime(2019, 7, 1, 13, 45))
    assert result == (date(2019, 7, 1), "day")
    assert type(result[0]) is date


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        ("2019.13", "月份 13 不存在"),
        ("2019-00", "月份 0 不存在"),
        ("2019-02-30", "没有 30 日"),
        ("2019-02-29", "没有 29 日"),
        ("20190230", "没有 30 日"),
        ("201913", "月份 13"),
        ("2019.7-1", "不是可识别的日期"),
        ("19.7.1", "不是可识别的日期"),
        ("七月", "不是可识别的日期"),
        ("2019-07-01T", "不是可识别的日期"),
        ("1899.12", "年份 1899"),
        ("3019-01-01", "年份 3019"),
        ("abc", "不是可识别的日期"),
    ],
)
def test_rejected_strings(raw: str, fragment: str) -> None:
    with pytest.raises(InvalidValue) as exc:
        parse_loose_date(raw)
    assert exc.value.kind == "bad_date"
    assert fragment in exc.value.reason


@pytest.mark.parametrize("value", [2019.07, 43647, 43647.0, Decimal("2019.7"), True, 0])
def test_numbers_are_not_dates(value: object) -> None:
    with pytest.raises(InvalidValue) as exc:
        parse_loose_date(value)
    assert exc.value.kind == "bad_date"
    assert "日期" in exc.value.reason


@pytest.mark.parametrize("value", [[2019, 7], b"2019-07-01", object()])
def test_other_objects_are_not_dates(value: object) -> None:
    with pytest.raises(InvalidValue) as exc:
        parse_loose_date(value)
    assert exc.value.kind == "bad_date"


@pytest.mark.parametrize("value", ["", "   ", "\u3000", None])
def test_missing(value: object) -> None:
    with pytest.raises(InvalidValue) as exc:
        parse_loose_date(value)
    assert exc.value.kind == "missing"
    assert exc.value.reason == "请填写日期"


days = st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31))


@given(days, st.sampled_from(["{:%Y-%m-%d}", "{:%Y%m%d}", "{:%Y/%m/%d}", "{:%Y.%m.%d}"]))
def test_full_dates_round_trip(day: date, pattern: str) -> None:
    assert parse_loose_date(pattern.format(day)) == (day, "day")


@given(days)
def test_unpadded_and_chinese_forms_round_trip(day: date) -> None:
    assert parse_loose_date(f"{day.year}.{day.month}.{day.day}") == (day, "day")
    assert parse_loose_date(f"{day.year}年{day.month}月{day.day}日") == (day, "day")
    first = day.replace(day=1)
    assert parse_loose_date(f"{day.year}.{day.month}") == (first, "month")
    assert parse_loose_date(f"{day:%Y%m}") == (first, "month")
