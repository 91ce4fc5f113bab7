"""Frequency windows: which month, quarter, half-year or year a day falls in,
and whether a required activity was done in each window (pure functions).

A window is ``[start, end)``. A window is owed by an organisation only when the
organisation already existed on its first day: the period in which a branch
is founded is not required of it (it has until the next full period), and a
dissolved organisation owes nothing from the window it was dissolved in.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Final, Literal

Period = Literal["month", "quarter", "half", "year", "planned"]
State = Literal["done", "open", "overdue", "future", "exempt"]

PERIODS: Final[dict[Period, str]] = {
    "month": "每月", "quarter": "每季度", "half": "每半年", "year": "每年", "planned": "按计划",
}
STATE_LABELS: Final[dict[State, str]] = {
    "done": "已完成", "open": "本期未开展", "overdue": "逾期未开展", "future": "未到期",
    "exempt": "不作要求",
}
_MONTHS_OF: Final[dict[Period, int]] = {"month": 1, "quarter": 3, "half": 6, "year": 12}
_QUARTERS: Final = ("一", "二", "三", "四")


def month_start(d: date) -> date:
    return d.replace(day=1)


def add_months(d: date, months: int) -> date:
    """The first day of the month ``months`` after ``d``'s month."""
    year, month0 = divmod(d.year * 12 + d.month - 1 + months, 12)
    return date(year, month0 + 1, 1)


def months_between(start: date, end: date) -> list[date]:
    """First days of every month that has a day in ``[start, end)``."""
    out, m = [], month_start(start)
    while m < end:
        out.append(m)
        m = add_months(m, 1)
    return out


@dataclass(frozen=True, order=True)
class Window:
    start: date
    end: date  # exclusive
    label: str

    def contains(self, d: date) -> bool:
        return self.start <= d < self.end


def window_of(period: Period, d: date) -> Window:
    """The window of ``period`` that holds day ``d``."""
    if period == "planned":
        raise ValueError("a planned activity has no frequency window")
    size = _MONTHS_OF[period]
    first = date(d.year, (d.month - 1) // size * size + 1, 1)
    end = add_months(first, size)
    if period == "month":
        label = f"{d.year}年{first.month}月"
    elif period == "quarter":
        label = f"{d.year}年第{_QUARTERS[(first.month - 1) // 3]}季度"
    elif period == "half":
        label = f"{d.year}年{'上' if first.month == 1 else '下'}半年"
    else:
        label = f"{d.year}年"
    return Window(first, end, label)


def windows_in(period: Period, start: date, end: date) -> list[Window]:
    """Every window of ``period`` that has a day in ``[start, end)``, in order."""
    if period == "planned" or start >= end:
        return []
    out, w = [], window_of(period, start)
    while w.start < end:
        out.append(w)
        w = window_of(period, w.end)
    return out


def window_state(window: Window, done: int, required: int, *, as_of: date,
                 founded_on: date, dissolved_on: date | None = None) -> State:
    """How one owed window stands on ``as_of``."""
    if founded_on > window.start or (dissolved_on is not None and dissolved_on < window.end):
        return "exempt"
    if done >= required:
        return "done"
    if window.end <= as_of:
        return "overdue"
    if window.start <= as_of:
        return "open"
    return "future"


@dataclass(frozen=True)
class ReportPeriod:
    """The span a dashboard or statistic covers: a year, a quarter or a month."""

    year: int
    quarter: int | None = None
    month: int | None = None

    def __post_init__(self) -> None:
        if self.quarter is not None and not 1 <= self.quarter <= 4:
            raise ValueError("quarter must be 1..4")
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError("month must be 1..12")

    @property
    def start(self) -> date:
        if self.month is not None:
            return date(self.year, self.month, 1)
        if self.quarter is not None:
            return date(self.year, self.quarter * 3 - 2, 1)
        return date(self.year, 1, 1)

    @property
    def end(self) -> date:
        months = 1 if self.month is not None else 3 if self.quarter is not None else 12
        return add_months(self.start, months)

    @property
    def label(self) -> str:
        if self.month is not None:
            return f"{self.year}年{self.month}月"
        if self.quarter is not None:
            return f"{self.year}年第{_QUARTERS[self.quarter - 1]}季度"
        return f"{self.year}年"
