"""Small helpers every staffing service shares: checking values, finding rows."""

from __future__ import annotations

import calendar
import unicodedata
from collections.abc import Callable
from datetime import date, timedelta
from typing import TypeVar

from sqlalchemy.orm import Session

from bzdesk.errors import FieldProblem, NotFound, ValidationError
from bzdesk.models.base import SyncRow
from bzdesk.models.staffing import Unit
from bzdesk.services.staffing.inputs import CountValue, DateValue
from bzdesk.validation import InvalidValue, Precision, parse_loose_date
from bzdesk.validation.text import tidy_text

T = TypeVar("T")
R = TypeVar("R", bound=SyncRow)

ACTIVE = "正常"  # Unit.status of a unit that is not abolished or merged
MAX_COUNT = 100_000  # no county unit has more posts: a larger number is a typing slip


def today() -> date:
    return date.today()


def add_months(d: date, months: int) -> date:
    """``d`` plus whole months, the day clamped to the month's length."""
    year, month0 = divmod(d.year * 12 + d.month - 1 + months, 12)
    month = month0 + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def last_day(d: date, precision: Precision) -> date:
    """The latest day a date known to ``precision`` may stand for."""
    if precision == "year":
        return date(d.year, 12, 31)
    if precision == "month":
        return add_months(d.replace(day=1), 1) - timedelta(days=1)
    return d


class Checker:
    """Collects every problem of an input so the clerk sees them all at once.

    A single failure is raised as it was (an IntegrityError stays one); several
    become one error of their common type listing every problem.
    """

    def __init__(self) -> None:
        self.problems: list[FieldProblem] = []
        self.kinds: list[type[ValidationError]] = []
        self.first: ValidationError | None = None

    def take(self, fn: Callable[[], T]) -> T | None:
        try:
            return fn()
        except ValidationError as exc:
            self.first = self.first or exc
            self.kinds.append(type(exc))
            self.problems.extend(exc.problems or [FieldProblem("", "", exc.message, "invalid")])
            return None

    def add(self, column: str, value: object, reason: str, kind: str) -> None:
        self.kinds.append(ValidationError)
        self.problems.append(FieldProblem(column, "" if value is None else str(value), reason,
                                          kind))

    def done(self) -> None:
        if not self.problems:
            return
        if len(self.kinds) == 1 and self.first is not None:
            raise self.first
        cls = self.kinds[0] if len(set(self.kinds)) == 1 else ValidationError
        if len(self.problems) == 1:
            raise cls(self.problems[0].reason, list(self.problems))
        reasons = "；".join(p.reason.rstrip("。") for p in self.problems)
        raise cls(f"有 {len(self.problems)} 处需要修改：{reasons}。", list(self.problems))


def invalid(column: str, value: object, exc: InvalidValue) -> ValidationError:
    return ValidationError.single(column, value, exc.reason, exc.kind)


def parse_date(value: DateValue | None, column: str, *, allow_future: bool = False,
               ) -> tuple[date, Precision]:
    """A loose date (date, "2019.07", "2019年7月1日") with its precision."""
    try:
        parsed, precision = parse_loose_date(value)
    except InvalidValue as exc:
        raise invalid(column, value, exc) from None
    if not allow_future and parsed > today():
        raise ValidationError.single(column, value, f"{column}不能晚于今天（{parsed}）。",
                                     "future_date")
    return parsed, precision


def optional_date(value: DateValue | None, column: str, *, allow_future: bool = False,
                  ) -> tuple[date, Precision] | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return parse_date(value, column, allow_future=allow_future)


def parse_count(value: CountValue, column: str, *, minimum: int = 0,
                maximum: int = MAX_COUNT) -> int:
    """A whole number of posts or people within ``minimum``..``maximum``."""
    number: int | None = None
    if isinstance(value, bool):
        number = None
    elif isinstance(value, int):
        number = value
    elif isinstance(value, float):
        number = int(value) if value.is_integer() else None  # calamine: 10 comes as 10.0
    elif isinstance(value, str):
        text = unicodedata.normalize("NFKC", value).strip()
        number = int(text) if text.lstrip("-").isdigit() else None
    if number is None or not minimum <= number <= maximum:
        raise ValidationError.single(
            column, value, f"{column}应为 {minimum} 到 {maximum} 之间的整数（现为“{value}”）。",
            "bad_number")
    return number


def clean_text(value: str | None, column: str, max_len: int, *, required: bool = False) -> str:
    text = tidy_text(value)
    if required and not text:
        raise ValidationError.single(column, value, f"请填写{column}。", "missing")
    if len(text) > max_len:
        raise ValidationError.single(column, value,
                                     f"{column}过长（{len(text)} 字），最多 {max_len} 字。",
                                     "too_long")
    return text


def get_row(session: Session, model: type[R], row_id: str | None, what: str) -> R:
    """A live (not tombstoned) row, or NotFound naming what was looked for."""
    row = session.get(model, row_id) if row_id else None
    if row is None or row.deleted:
        raise NotFound.single(what, row_id, f"找不到这个{what}（可能已被删除）。", "not_found")
    return row


def get_unit_row(session: Session, unit_id: str | None) -> Unit:
    return get_row(session, Unit, unit_id, "机构")


def require_active(unit: Unit, doing: str) -> None:
    if unit.status != ACTIVE:
        raise ValidationError.single("机构", unit.name,
                                     f"{unit.name}{unit.status}，不能{doing}。", "unit_closed")


def require_accepting(unit: Unit, doing: str) -> None:
    """A unit people or posts may come into: not closed and not 只出不进."""
    require_active(unit, doing)
    if unit.freeze_in:
        raise ValidationError.single("机构", unit.name,
                                     f"{unit.name} 已设为只出不进，不能{doing}。", "frozen_unit")
