"""Frequency windows at month, quarter, half-year and year boundaries (pure functions)."""

from __future__ import annotations

from datetime import date

import pytest

from bzdesk.services.party.periods import (
    ReportPeriod,
    Window,
    add_months,
    months_between,
    window_of,
    window_state,
    windows_in,
)


@pytest.mark.parametrize(("period", "day", "start", "end", "label"), [
    ("month", date(2024, 1, 31), date(2024, 1, 1), date(2024, 2, 1), "2024年1月"),
    ("month", date(2024, 2, 1), date(2024, 2, 1), date(2024, 3, 1), "2024年2月"),
    ("month", date(2024, 12, 31), date(2024, 12, 1), date(2025, 1, 1), "2024年12月"),
    ("quarter", date(2024, 3, 31), date(2024, 1, 1), date(2024, 4, 1), "2024年第一季度"),
    ("quarter", date(2024, 4, 1), date(2024, 4, 1), date(2024, 7, 1), "2024年第二季度"),
    ("quarter", date(2024, 12, 31), date(2024, 10, 1), date(2025, 1, 1), "2024年第四季度"),
    ("half", date(2024, 6, 30), date(2024, 1, 1), date(2024, 7, 1), "2024年上半年"),
    ("half", date(2024, 7, 1), date(2024, 7, 1), date(2025, 1, 1), "2024年下半年"),
    ("year", date(2024, 12, 31), date(2024, 1, 1), date(2025, 1, 1), "2024年"),
    ("year", date(2025, 1, 1), date(2025, 1, 1), date(2026, 1, 1), "2025年"),
])
def test_window_of(period: str, day: date, start: date, end: date, label: str) -> None:
    window = window_of(period, day)  # type: ignore[arg-type]
    assert (window.start, window.end, window.label) == (start, end, label)
    assert window.contains(day) and not window.contains(end)


def test_planned_has_no_window() -> None:
    assert windows_in("planned", date(2024, 1, 1), date(2025, 1, 1)) == []
    with pytest.raises(ValueError, match="planned"):
        window_of("planned", date(2024, 1, 1))


def test_windows_in_a_span() -> None:
    months = windows_in("month", date(2024, 11, 15), date(2025, 2, 1))
    assert [w.label for w in months] == ["2024年11月", "2024年12月", "2025年1月"]
    quarters = windows_in("quarter", date(2024, 1, 1), date(2025, 1, 1))
    assert [w.start.month for w in quarters] == [1, 4, 7, 10]
    assert [w.label for w in windows_in("year", date(2024, 4, 1), date(2024, 7, 1))] == ["2024年"]
    assert windows_in("month", date(2024, 3, 1), date(2024, 3, 1)) == []


def test_month_arithmetic() -> None:
    assert add_months(date(2024, 11, 30), 2) == date(2025, 1, 1)
    assert add_months(date(2024, 1, 31), -1) == date(2023, 12, 1)
    assert months_between(date(2024, 1, 31), date(2024, 3, 1)) == [date(2024, 1, 1),
                                                                   date(2024, 2, 1)]


Q1 = Window(date(2024, 1, 1), date(2024, 4, 1), "2024年第一季度")
FOUNDED = date(2020, 1, 1)


@pytest.mark.parametrize(("done", "as_of", "state"), [
    (1, date(2024, 2, 1), "done"),
    (0, date(2024, 3, 31), "open"),        # last day of the quarter: still time
    (0, date(2024, 4, 1), "overdue"),      # the day after the quarter
    (0, date(2023, 12, 31), "future"),
    (2, date(2024, 4, 1), "done"),
])
def test_window_state(done: int, as_of: date, state: str) -> None:
    assert window_state(Q1, done, 1, as_of=as_of, founded_on=FOUNDED) == state


def test_required_count_above_one() -> None:
    assert window_state(Q1, 1, 2, as_of=date(2024, 5, 1), founded_on=FOUNDED) == "overdue"
    assert window_state(Q1, 2, 2, as_of=date(2024, 5, 1), founded_on=FOUNDED) == "done"


def test_window_of_founding_and_dissolution_is_exempt() -> None:
    late = date(2024, 1, 2)  # founded after the window began: it owes the next one
    assert window_state(Q1, 0, 1, as_of=date(2024, 5, 1), founded_on=late) == "exempt"
    on_day = date(2024, 1, 1)
    assert window_state(Q1, 0, 1, as_of=date(2024, 5, 1), founded_on=on_day) == "overdue"
    assert window_state(Q1, 0, 1, as_of=date(2024, 5, 1), founded_on=FOUNDED,
                        dissolved_on=date(2024, 3, 15)) == "exempt"


def test_report_period() -> None:
    year, q4, dec = ReportPeriod(2024), ReportPeriod(2024, quarter=4), ReportPeriod(2024, month=12)
    assert (year.start, year.end, year.label) == (date(2024, 1, 1), date(2025, 1, 1), "2024年")
    assert (q4.start, q4.end, q4.label) == (date(2024, 10, 1), date(2025, 1, 1),
                                            "2024年第四季度")
    assert (dec.start, dec.end, dec.label) == (date(2024, 12, 1), date(2025, 1, 1), "2024年12月")
    with pytest.raises(ValueError, match="quarter"):
        ReportPeriod(2024, quarter=5)
