"""公民身份号码 (GB 11643-1999) normalisation, validation and masking."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Final, Literal

from bzdesk.validation._errors import (
    KIND_BAD_CHECKSUM,
    KIND_BAD_DATE,
    KIND_BAD_FORMAT,
    KIND_MISSING,
    InvalidValue,
)

__all__ = [
    "MIN_BIRTH_DATE",
    "IdCardInfo",
    "Sex",
    "check_digit",
    "mask_id",
    "normalise_id",
    "upgrade_15_to_18",
    "validate_id",
]

Sex = Literal["男", "女"]

_DIGITS: Final = frozenset("0123456789")
_CHECK_CHARS: Final = "10X98765432"

#: Earliest birth date accepted.  GB 11643-1999 itself uses a person born on
#: 1880-01-01 (440524188001010014) as its worked example, so the bound is
#: 1800-01-01 rather than 1900-01-01.
MIN_BIRTH_DATE: Final = date(1800, 1, 1)


@dataclass(frozen=True, slots=True)
class IdCardInfo:
    """What a valid 18-digit number tells us."""

    number: str
    birth_date: date
    sex: Sex


def normalise_id(raw: str) -> str:
    """Remove every kind of whitespace, fold full-width characters, x → X.

    Never raises; the result may still be invalid.
    """
    folded = unicodedata.normalize("NFKC", raw)
    return "".join(folded.split()).replace("x", "X")


def _ascii_digits(text: str) -> bool:
    """Only "0"–"9" (str.isdigit alone also takes "١", "²" and other digits)."""
    return text.isascii() and text.isdigit()


def _check_char(first17: str) -> str:
    """The check character of 17 ASCII digits (not checked: callers have).

    GB 11643 weighs the digit at 0-based position i by 2^(17-i) mod 11 (7, 9, 10, 5, …)
    and takes the sum mod 11. That sum is made in C rather than digit by digit: since
    13 ≡ 2 (mod 11), int(first17, 13) = Σ dᵢ·13^(16-i) ≡ Σ dᵢ·2^(16-i), and twice that
    is the weighted sum. (int(…, 13) would also take "a"–"c", "_", signs and spaces:
    hence ASCII digits only.)
    """
    return _CHECK_CHARS[2 * int(first17, 13) % 11]


def check_digit(first17: str) -> str:
    """The GB 11643 check character ("0"–"9" or "X") for 17 leading digits."""
    if len(first17) != 17 or not _ascii_digits(first17):
        raise InvalidValue(f"计算校验位需要 17 位数字（现为“{first17}”）", KIND_BAD_FORMAT)
    return _check_char(first17)


def upgrade_15_to_18(old: str) -> str:
    """Turn a 15-digit (pre-1999) number into its 18-digit form.

    Inserts "19" before the two-digit year and appends the check digit.
    Does not check the date; :func:`validate_id` does.
    """
    if len(old) != 15 or not _ascii_digits(old):
        raise InvalidValue("15 位老身份证号码只能由 15 个数字组成", KIND_BAD_FORMAT)
    first17 = old[:6] + "19" + old[6:]
    return first17 + _check_char(first17)


def _first_non_digit(text: str) -> tuple[int, str] | None:
    for i, ch in enumerate(text, start=1):
        if ch not in _DIGITS:
            return i, ch
    return None


def _birth_date(digits8: str, today: date) -> date:
    """The date of 8 ASCII digits YYYYMMDD, between MIN_BIRTH_DATE and ``today``."""
    try:
        # "YYYYMMDD" is ISO 8601's basic form, which fromisoformat reads from Python 3.11
        born = date.fromisoformat(digits8)
    except ValueError:
        raise InvalidValue(
            f"身份证号码中的出生日期 {digits8} 不存在，请核对原件", KIND_BAD_DATE
        ) from None
    if born > today:
        raise InvalidValue(f"身份证号码中的出生日期 {digits8} 晚于今天，请核对原件", KIND_BAD_DATE)
    if born < MIN_BIRTH_DATE:
        raise InvalidValue(
            f"身份证号码中的出生日期 {digits8} 早于 {MIN_BIRTH_DATE.year} 年，请核对原件",
            KIND_BAD_DATE,
        )
    return born


def validate_id(raw: str, *, today: date | None = None) -> IdCardInfo:
    """Validate a 公民身份号码 and return its normalised form and facts.

    A 15-digit old number is upgraded to 18 digits.  Raises
    :class:`InvalidValue` with kind "missing", "bad_format", "bad_date"
    or "bad_checksum".  ``today`` bounds the birth date (default: today).
    """
    if today is None:
        today = date.today()
    number = normalise_id(raw)
    if not number:
        raise InvalidValue("请填写身份证号码", KIND_MISSING)

    if len(number) == 15:
        bad = None if _ascii_digits(number) else _first_non_digit(number)
        if bad is not None:
            raise InvalidValue(
                f"15 位老身份证号码只能由数字组成，第 {bad[0]} 位“{bad[1]}”不是数字",
                KIND_BAD_FORMAT,
            )
        number = upgrade_15_to_18(number)
        born = _birth_date(number[6:14], today)
        return IdCardInfo(number=number, birth_date=born, sex=_sex(number))

    if len(number) != 18:
        raise InvalidValue(f"身份证号码应为 18 位（现为 {len(number)} 位）", KIND_BAD_FORMAT)
    first17 = number[:17]
    # The quick test first; the loop only to name the offending character
    bad = None if _ascii_digits(first17) else _first_non_digit(first17)
    if bad is not None:
        raise InvalidValue(
            f"身份证号码第 {bad[0]} 位“{bad[1]}”不是数字（只有最后一位可以是 X）",
            KIND_BAD_FORMAT,
        )
    last = number[17]
    if last not in _DIGITS and last != "X":
        raise InvalidValue(f"身份证号码最后一位只能是数字或 X（现为“{last}”）", KIND_BAD_FORMAT)
    born = _birth_date(number[6:14], today)
    expected = _check_char(first17)
    if last != expected:
        raise InvalidValue(
            f"身份证号码校验位不正确，应为 {expected}，请核对原件", KIND_BAD_CHECKSUM
        )
    return IdCardInfo(number=number, birth_date=born, sex=_sex(number))


def _sex(number: str) -> Sex:
    return "男" if number[16] in "13579" else "女"  # an odd 17th digit: male


def mask_id(number: str) -> str:
    """Mask a number for display: "110105********002X".

    Whitespace and full-width characters are normalised first.  Strings of
    14 characters or more keep the first 6 and last 4; shorter ones keep a
    quarter at each end (nothing at all when 3 characters or fewer).
    """
    text = normalise_id(number)
    n = len(text)
    if n >= 14:
        head, tail = 6, 4
    else:
        head = tail = n // 4
    return text[:head] + "*" * (n - head - tail) + text[n - tail :]
