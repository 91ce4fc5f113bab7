"""统一社会信用代码 (GB 32100-2015) normalisation and validation."""

from __future__ import annotations

import unicodedata
from typing import Final

from bzdesk.validation._errors import (
    KIND_BAD_CHECKSUM,
    KIND_BAD_FORMAT,
    KIND_MISSING,
    InvalidValue,
)

__all__ = ["USCC_CHARSET", "normalise_uscc", "uscc_check_char", "validate_uscc"]

#: The 31 characters a code may contain (no I, O, Z, S, V).
USCC_CHARSET: Final = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_INDEX: Final = {ch: i for i, ch in enumerate(USCC_CHARSET)}
_WEIGHTS: Final = tuple(pow(3, i, 31) for i in range(17))

# Letters that are not used, with the character a clerk most likely meant.
_LOOKALIKES: Final = {"O": "0", "I": "1", "Z": "2", "S": "5"}


def normalise_uscc(raw: str) -> str:
    """Remove all whitespace, fold full-width characters, upper-case.

    Never raises; the result may still be invalid.
    """
    folded = unicodedata.normalize("NFKC", raw)
    return "".join(folded.split()).upper()


def _bad_char_reason(position: int, ch: str) -> str:
    reason = (
        f"统一社会信用代码第 {position} 位“{ch}”不是有效字符"
        "（只能是数字和除 I、O、Z、S、V 以外的大写字母）"
    )
    if ch in _LOOKALIKES:
        reason += f"，是否应为“{_LOOKALIKES[ch]}”？"
    return reason


def uscc_check_char(first17: str) -> str:
    """The check character for the first 17 characters of a code."""
    if len(first17) != 17:
        raise InvalidValue(f"计算校验码需要 17 个字符（现为 {len(first17)} 个）", KIND_BAD_FORMAT)
    total = 0
    for i, (ch, weight) in enumerate(zip(first17, _WEIGHTS, strict=True), start=1):
        value = _INDEX.get(ch)
        if value is None:
            raise InvalidValue(_bad_char_reason(i, ch), KIND_BAD_FORMAT)
        total += value * weight
    return USCC_CHARSET[(31 - total % 31) % 31]


def validate_uscc(raw: str) -> str:
    """Validate a 统一社会信用代码 and return it normalised.

    Raises :class:`InvalidValue` with kind "missing", "bad_format" or
    "bad_checksum".
    """
    code = normalise_uscc(raw)
    if not code:
        raise InvalidValue("请填写统一社会信用代码", KIND_MISSING)
    if len(code) != 18:
        raise InvalidValue(f"统一社会信用代码应为 18 位（现为 {len(code)} 位）", KIND_BAD_FORMAT)
    for i, ch in enumerate(code, start=1):
        if ch not in _INDEX:
            raise InvalidValue(_bad_char_reason(i, ch), KIND_BAD_FORMAT)
    expected = uscc_check_char(code[:17])
    if code[17] != expected:
        raise InvalidValue(
            f"统一社会信用代码校验码不正确，最后一位应为 {expected}，请核对营业执照",
            KIND_BAD_CHECKSUM,
        )
    return code
