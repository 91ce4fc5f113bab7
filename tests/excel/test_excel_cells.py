"""Cell helpers: cell_text, id_cell, date_cell, int_cell."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from bzdesk.excel import cell_text, date_cell, id_cell, int_cell
from bzdesk.validation import InvalidValue, validate_id


@pytest.mark.parametrize(("value", "shown"), [
    (None, ""), ("  张三\u3000", "张三"), ("\u200b李四 ", "李四"), (3.0, "3"), (2.5, "2.5"),
    (0.1, "0.1"), (-4.0, "-4"), (1.1010519491231e17, "110105194912310000"),
    (123456789012345678.0, "123456789012346000"), (2019.07, "2019.07"), (1e-7, "0.0000001"),
    (True, "TRUE"), (False, "FALSE"), (date(2019, 7, 1), "2019-07-01"),
    (datetime(2019, 7, 1), "2019-07-01"), (datetime(2019, 7, 1, 8, 30), "2019-07-01 08:30"),
    (datetime(2019, 7, 1, 8, 30, 5), "2019-07-01 08:30:05"), (float("inf"), "inf"),
])
def test_cell_text_is_what_the_clerk_sees(value: object, shown: str) -> None:
    assert cell_text(value) == shown  # type: ignore[arg-type]


def test_id_cell_returns_text_for_the_validator() -> None:
    assert id_cell(" 11010519491231002x ") == "11010519491231002x"
    assert validate_id(id_cell("11010519491231002x")).number == "11010519491231002X"
    full_width = "１１０１０５１９４９１２３１００２Ｘ"
    assert validate_id(id_cell(full_width)).number == "11010519491231002X"
    assert id_cell(None) == ""


@pytest.mark.parametrize("value", [1.1010519491231e17, 440524188001010014.0, 110105.0, 12.0])
def test_any_number_in_an_id_column_is_numeric_id(value: float) -> None:
    with pytest.raises(InvalidValue) as e:
        id_cell(value)
    assert e.value.kind == "numeric_id"
    assert "15 位有效数字" in e.value.reason and "文本" in e.value.reason
    assert cell_text(value) in e.value.reason


def test_numeric_id_even_when_the_digits_happen_to_pass_the_checksum() -> None:
    # 440524188001010014 is valid; as a float it is 440524188001010000 (Excel shows that).
    with pytest.raises(InvalidValue) as e:
        id_cell(440524188001010014.0)
    assert e.value.kind == "numeric_id"


@pytest.mark.parametrize("text", ["1.10105E+17", "4.40524E+17", "１.１０１０５Ｅ＋１７"])
def test_scientific_notation_text_is_numeric_id(text: str) -> None:
    with pytest.raises(InvalidValue) as e:
        id_cell(text)
    assert e.value.kind == "numeric_id" and "科学计数法" in e.value.reason


@pytest.mark.parametrize("value", [True, date(2019, 7, 1)])
def test_other_types_in_an_id_column_are_bad_format(value: object) -> None:
    with pytest.raises(InvalidValue) as e:
        id_cell(value)  # type: ignore[arg-type]
    assert e.value.kind == "bad_format"


@pytest.mark.parametrize(("value", "expected"), [
    ("2019.07", (date(2019, 7, 1), "month")),
    ("2019.7.1", (date(2019, 7, 1), "day")),
    ("2019年7月", (date(2019, 7, 1), "month")),
    ("2019-07-01", (date(2019, 7, 1), "day")),
    ("20190701", (date(2019, 7, 1), "day")),
    ("  2019年7月1日 ", (date(2019, 7, 1), "day")),
    ("２０１９．０７", (date(2019, 7, 1), "month")),
    (date(2019, 7, 1), (date(2019, 7, 1), "day")),
    (datetime(2019, 7, 1, 8, 30), (date(2019, 7, 1), "day")),
    (43647.0, (date(2019, 7, 1), "day")),          # a date cell formatted as General
    (43647.75, (date(2019, 7, 1), "day")),         # … with a time
    (20190701.0, (date(2019, 7, 1), "day")),
    (201907.0, (date(2019, 7, 1), "month")),
    (2019.0, (date(2019, 1, 1), "year")),
    (2019.07, (date(2019, 7, 1), "month")),
    (1990.12, (date(1990, 12, 1), "month")),
    (1990.11, (date(1990, 11, 1), "month")),
    (1990.2, (date(1990, 2, 1), "month")),
])
def test_date_cell(value: object, expected: tuple[date, str]) -> None:
    assert date_cell(value) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [2019.1, 1990.1])
def test_year_dot_one_number_is_ambiguous(value: float) -> None:
    with pytest.raises(InvalidValue) as e:
        date_cell(value)
    assert e.value.kind == "bad_date"
    assert "1 月还是 10 月" in e.value.reason and ".01" in e.value.reason


@pytest.mark.parametrize("value", [5.0, 123.0, 99999999.0, 2019.13, -43647.0, "2019.13", "昨天",
                                   True])
def test_bad_dates(value: object) -> None:
    with pytest.raises(InvalidValue) as e:
        date_cell(value)  # type: ignore[arg-type]
    assert e.value.kind == "bad_date"


def test_numbers_are_dates_only_in_a_date_column() -> None:
    with pytest.raises(InvalidValue) as e:
        date_cell(43647.0, date_column=False)
    assert e.value.kind == "bad_date" and "数字" in e.value.reason
    assert date_cell("2019.07", date_column=False) == (date(2019, 7, 1), "month")


def test_blank_date_is_missing() -> None:
    for value in (None, "   "):
        with pytest.raises(InvalidValue) as e:
            date_cell(value)
        assert e.value.kind == "missing"


@pytest.mark.parametrize(("value", "count"), [
    (3.0, 3), (0.0, 0), ("3", 3), (" 12 ", 12), ("３", 3), ("3.0", 3), ("1,200", 1200), (7, 7),
])
def test_int_cell(value: object, count: int) -> None:
    assert int_cell(value) == count  # type: ignore[arg-type]


@pytest.mark.parametrize(("value", "words"), [
    (2.5, "不是整数"), ("2.5", "不是整数"), (-1.0, "负数"), ("-3", "负数"), ("十", "阿拉伯数字"),
    ("三人", "阿拉伯数字"), ("abc", "不是数字"), (True, "不是数量"), (date(2019, 1, 1), "不是数量"),
])
def test_int_cell_refusals(value: object, words: str) -> None:
    with pytest.raises(InvalidValue) as e:
        int_cell(value)  # type: ignore[arg-type]
    assert e.value.kind == "bad_number"
    assert words in e.value.reason


def test_int_cell_blank_and_maximum() -> None:
    assert int_cell(None, blank=0) == 0
    assert int_cell("  ", blank=0) == 0
    with pytest.raises(InvalidValue) as e:
        int_cell(None)
    assert e.value.kind == "missing"
    assert int_cell(100.0, maximum=100) == 100
    with pytest.raises(InvalidValue) as e:
        int_cell(101.0, maximum=100)
    assert e.value.kind == "bad_number" and "100" in e.value.reason
