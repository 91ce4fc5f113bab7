"""Normalisation of people's names as typed by clerks."""

from __future__ import annotations

import re
import unicodedata
from typing import Final

from bzdesk.validation._errors import KIND_BAD_FORMAT, KIND_MISSING, InvalidValue

__all__ = ["MAX_NAME_LENGTH", "MIDDLE_DOT", "normalise_person_name"]

MAX_NAME_LENGTH: Final = 50
#: The separator used in minority and foreign names (U+00B7), e.g. 阿依古丽·买买提.
MIDDLE_DOT: Final = "\u00b7"

# Characters clerks type instead of the middle dot: "." "．" "•" "・" "･" "‧"
# "∙" "⋅" "⸱", the Greek ano teleia, and the middle dot itself.
_DOTS: Final = re.escape(".\uff0e\u2022\u30fb\uff65\u2027\u2219\u22c5\u2e31\u0387\u00b7")
# A run of dots and whitespace containing at least one dot becomes one "·".
_DOT_RUN: Final = re.compile(rf"\s*[{_DOTS}][\s{_DOTS}]*")
# Control characters that are ordinary whitespace (tabs and line breaks come along
# when pasting from a spreadsheet); other control characters are refused.
_PLAIN_WHITESPACE: Final = frozenset("\t\n\r\x0b\x0c")
_SPACE_RUN: Final = re.compile(r"\s+")
# Invisible characters that come along when copying from web pages or Word.
_ZERO_WIDTH: Final = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))


def _is_han(ch: str) -> bool:
    cp = ord(ch)
    return (
        0x3400 <= cp <= 0x4DBF  # Extension A
        or 0x4E00 <= cp <= 0x9FFF  # Unified Ideographs
        or 0xF900 <= cp <= 0xFAFF  # Compatibility Ideographs
        or 0x20000 <= cp <= 0x3FFFF  # Extensions B onwards
        or cp == 0x3007  # 〇
    )


def _join_spaces(match: re.Match[str]) -> str:
    text = match.string
    before = text[match.start() - 1] if match.start() > 0 else ""
    after = text[match.end()] if match.end() < len(text) else ""
    if before and after and _is_han(before) and _is_han(after):
        return ""
    return " "


def normalise_person_name(raw: str) -> str:
    """Tidy a person's name and check it is plausible.

    Strips the ends, drops whitespace between Chinese characters ("张  三" →
    "张三"), collapses other whitespace to one space, and writes every
    middle-dot look-alike as "·" ("阿依古丽 . 买买提" → "阿依古丽·买买提").
    Raises :class:`InvalidValue` with kind "missing" (empty) or
    "bad_format" (too long, digits, control characters, stray dots).
    """
    text = unicodedata.normalize("NFKC", raw).translate(_ZERO_WIDTH).strip()
    if not text:
        raise InvalidValue("请填写姓名", KIND_MISSING)

    for ch in text:
        category = unicodedata.category(ch)
        if ch in _PLAIN_WHITESPACE or (ch.isspace() and category != "Cc"):
            continue
        if category.startswith("C"):
            raise InvalidValue(
                f"姓名中含有不可见的控制字符（U+{ord(ch):04X}），请删除后重新输入",
                KIND_BAD_FORMAT,
            )
        if category == "Nd" or ch.isdigit():
            raise InvalidValue(f"姓名中不能含有数字（“{ch}”）", KIND_BAD_FORMAT)

    text = _DOT_RUN.sub(MIDDLE_DOT, text)
    text = _SPACE_RUN.sub(_join_spaces, text)

    if text.startswith(MIDDLE_DOT) or text.endswith(MIDDLE_DOT):
        raise InvalidValue(f"姓名“{text}”不能以“{MIDDLE_DOT}”开头或结尾", KIND_BAD_FORMAT)
    if len(text) > MAX_NAME_LENGTH:
        raise InvalidValue(
            f"姓名过长（{len(text)} 个字），最多 {MAX_NAME_LENGTH} 个字",
            KIND_BAD_FORMAT,
        )
    return text
