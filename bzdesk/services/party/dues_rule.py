"""党费 brackets as data, and the calculation (pure functions).

The rate of the first bracket whose upper bound is not below the monthly base
applies to the WHOLE base (not progressively): 3000 → 0.5% = 15.00, but
3000.01 → 1% = 30.00. The result is rounded to the fen, half up.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from itertools import pairwise
from typing import Final

from bzdesk.errors import ValidationError

FEN: Final = Decimal("0.01")
MAX_RATE: Final = Decimal("0.1")
MAX_BASE: Final = Decimal("1000000")
ALERT_MONTHS: Final = 6  # 连续六个月不交纳党费 (党章第三十八条)


@dataclass(frozen=True)
class Bracket:
    up_to: Decimal | None  # None: no upper bound (the last bracket)
    rate: Decimal  # 0.005 for 0.5%

    @property
    def percent(self) -> str:
        return format((self.rate * 100).normalize(), "f") + "%"


def describe(brackets: Sequence[Bracket]) -> str:
    """"3000元及以下 0.5%，3000至5000元 1%，…，10000元以上 2%"."""
    parts, low = [], None
    for b in brackets:
        if b.up_to is None:
            parts.append(f"{low}元以上 {b.percent}" if low is not None else f"全部 {b.percent}")
        elif low is None:
            parts.append(f"{b.up_to}元及以下 {b.percent}")
        else:
            parts.append(f"{low}至{b.up_to}元 {b.percent}")
        low = b.up_to
    return "，".join(parts)


def _b(up_to: str | None, rate: str) -> Bracket:
    return Bracket(Decimal(up_to) if up_to is not None else None, Decimal(rate))


DEFAULT_WORKING: Final = (_b("3000", "0.005"), _b("5000", "0.01"), _b("10000", "0.015"),
                          _b(None, "0.02"))
DEFAULT_RETIRED: Final = (_b("5000", "0.005"), _b(None, "0.01"))


def to_decimal(value: object, column: str) -> Decimal:
    """A money amount typed or passed in any usual form ("5,400.00", 5400, Decimal)."""
    if isinstance(value, bool) or value is None:
        raise ValidationError.single(column, value, f"请填写{column}。", "missing")
    if isinstance(value, float):
        value = repr(value)  # 3000.01 stays 3000.01, not its binary neighbour
    text = str(value).strip().replace(",", "").replace("，", "").replace("元", "")
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise ValidationError.single(column, value, f"{column}“{value}”不是金额。",
                                     "bad_number") from None
    if not number.is_finite():
        raise ValidationError.single(column, value, f"{column}“{value}”不是金额。", "bad_number")
    return number


def rate_for(base: Decimal, brackets: Sequence[Bracket]) -> Decimal:
    for bracket in brackets:
        if bracket.up_to is None or base <= bracket.up_to:
            return bracket.rate
    raise ValueError("the last bracket must have no upper bound")


def dues_amount(base: object, brackets: Sequence[Bracket]) -> Decimal:
    """Monthly dues of ``base`` (yuan) by ``brackets``, rounded to 0.01 yuan half up."""
    amount = to_decimal(base, "计算基数")
    if amount < 0 or amount > MAX_BASE:
        raise ValidationError.single("计算基数", base,
                                     f"计算基数应在 0 到 {MAX_BASE} 元之间（现为 {base}）。",
                                     "bad_number")
    amount = amount.quantize(FEN, ROUND_HALF_UP)
    return (amount * rate_for(amount, brackets)).quantize(FEN, ROUND_HALF_UP)


def check_brackets(brackets: Sequence[Bracket], column: str) -> tuple[Bracket, ...]:
    """Ascending bounds, only the last one open, every rate in (0, 10%]."""
    problems = []
    if not brackets:
        problems.append("至少需要一档")
    bounds = [b.up_to for b in brackets]
    if brackets and bounds[-1] is not None:
        problems.append("最后一档不能有上限")
    if any(b is None for b in bounds[:-1]):
        problems.append("只有最后一档可以不设上限")
    closed = [b for b in bounds if b is not None]
    if any(b <= 0 for b in closed) or any(x >= y for x, y in pairwise(closed)):
        problems.append("各档上限须为正数且从小到大排列")
    if any(not 0 < b.rate <= MAX_RATE for b in brackets):
        problems.append("比例须大于 0 且不超过 10%")
    if problems:
        reason = f"{column}设置有误：{'；'.join(problems)}。"
        raise ValidationError.single(column, describe(brackets), reason,
                                     "bad_brackets")
    return tuple(brackets)


def brackets_to_json(brackets: Sequence[Bracket]) -> str:
    return json.dumps([[None if b.up_to is None else str(b.up_to), str(b.rate)]
                       for b in brackets])


def brackets_from_json(text: str) -> tuple[Bracket, ...]:
    return tuple(_b(up, rate) for up, rate in json.loads(text))
