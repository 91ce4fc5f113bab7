"""Lenient parsing of the dates clerks type into spreadsheets and forms."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction
from typing import Final, Literal

from bzdesk.validation._errors import KIND_BAD_DATE, KIND_MISSING, InvalidValue

__all__ = ["MAX_YEAR", "MIN_YEAR", "Precision", "parse_loose_date"]

Precision = Literal["day", "month", "year"]

#: Years outside this range are taken to be typing mistakes.
MIN_YEAR: Final = 1900
MAX_YEAR: Final = 2099

_EXAMPLES: Final = "2019-07-01、2019.7.1、2019年7月1日 或 2019.07"

# An optional time after a full date, as Excel or a database export writes it.
_TIME: Final = r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"

# 2019.7 / 2019-07 / 2019/7 / 2019.7.1 / 2019-07-01 / 2019/7/1 (one separator).
_SEPARATED: Final = re.compile(
    r"(?P<y>\d{4})(?P<sep>[./-])(?P<m>\d{1,2})(?:(?P=sep)(?P<d>\d{1,2})" + _TIME + ")?"
)
# 2019年 / 2019年7月 / 2019年7月1日 (日 or 号, the last one optional).
_CHINESE: Final = re.compile(
    r"(?P<y>\d{4})\s*年(?:\s*(?P<m>\d{1,2})\s*月(?:\s*(?P<d>\d{1,2})\s*[日号]?)?)?"
)
# 20190701 / 201907 / 2019
_COMPACT: Final = re.compile(r"(?P<y>\d{4})(?P<m>\d{2})?(?P<d>\d{2})?")


def _bad(reason: str) -> InvalidValue:
    return InvalidValue(reason, KIND_BAD_DATE)


def parse_loose_date(value: object) -> tuple[date, Precision]:
    """Parse a date that may be given only to the month or year.

    Accepts :class:`~datetime.date` / :class:`~datetime.datetime` objects and
    strings such as "2019.07", "2019.7.1", "2019年7月", "2019年7月1日",
    "2019-07-01", "2019/7/1", "20190701", "201907" or "2019".  A value given
    to the month (year) comes back as the first day of that month (year)
    with precision "month" ("year").

    Numbers are refused: callers convert Excel serial numbers themselves.
    Raises :class:`InvalidValue` with kind "missing" or "bad_date".
    """
    if isinstance(value, datetime):
        return value.date(), "day"
    if isinstance(value, date):
        return value, "day"
    if value is None:
        raise InvalidValue("请填写日期", KIND_MISSING)
    if isinstance(value, bool):
        raise _bad(f"“{value}”不是日期，请按 {_EXAMPLES} 的格式填写")
    if isinstance(value, int | float | Decimal | Fraction):
        raise _bad(f"“{value}”是一个数字而不是日期，无法确定是哪一天；请按 {_EXAMPLES} 的格式填写")
    if not isinstance(value, str):
        raise _bad(f"无法把“{value}”当作日期，请按 {_EXAMPLES} 的格式填写")

    text = unicodedata.normalize("NFKC", value).strip()
    if not text:
        raise InvalidValue("请填写日期", KIND_MISSING)

    match = _SEPARATED.fullmatch(text) or _CHINESE.fullmatch(text) or _COMPACT.fullmatch(text)
    if match is None:
        raise _bad(f"“{text}”不是可识别的日期，请按 {_EXAMPLES} 的格式填写")

    year = int(match["y"])
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise _bad(f"日期“{text}”中的年份 {year} 不在 {MIN_YEAR}–{MAX_YEAR} 之间，请核对")
    if match["m"] is None:
        return date(year, 1, 1), "year"
    month = int(match["m"])
    if not 1 <= month <= 12:
        raise _bad(f"日期“{text}”中的月份 {month} 不存在，月份应为 1–12")
    if match["d"] is None:
        return date(year, month, 1), "month"
    day = int(match["d"])
    try:
        return date(year, month, day), "day"
    except ValueError:
        raise _bad(f"日期“{text}”不存在：{year} 年 {month} 月没有 {day} 日") from None
