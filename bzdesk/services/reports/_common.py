"""Small helpers the four reports share: the days they cover and the checks of the input."""

from __future__ import annotations

from datetime import date
from typing import Final

from bzdesk.errors import ValidationError
from bzdesk.services.reports.model import ReportParams

FIRST_YEAR: Final = 1949
LAST_YEAR: Final = 2100


def today() -> date:
    return date.today()


def check_year(year: int) -> int:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValidationError.single("年度", year,
                                     f"年度应在 {FIRST_YEAR} 到 {LAST_YEAR} 之间（现为 {year}）。",
                                     "bad_year")
    return year


def report_year(params: ReportParams) -> int:
    """The year a ledger covers: --year, else the year of --as-of, else this year."""
    if params.year is not None:
        return check_year(params.year)
    return (params.as_of or today()).year


def stat_day(params: ReportParams) -> date:
    """The statistics day: --as-of; else 12-31 of --year (today while that year runs)."""
    if params.as_of is not None:
        check_year(params.as_of.year)
        return params.as_of
    if params.year is not None:
        return year_end(check_year(params.year))
    return today()


def year_end(year: int) -> date:
    """The day a year is judged on: 12-31 of a past year, today while it runs (the first
    day of a year still to come)."""
    return min(date(year, 12, 31), max(today(), date(year, 1, 1)))
