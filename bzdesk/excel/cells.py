"""Turn one cell into the value a field needs, or say why it cannot be.

Every helper raises :class:`bzdesk.validation.InvalidValue` (a Chinese ``reason`` and
a stable ``kind``); the importer adds the row and column and collects them all.
"""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Final

from bzdesk.excel._text import strip_text
from bzdesk.excel.kinds import KIND_BAD_NUMBER, KIND_NUMERIC_ID
from bzdesk.excel.reader import Cell
from bzdesk.validation import (
    KIND_BAD_DATE,
    KIND_BAD_FORMAT,
    KIND_MISSING,
    InvalidValue,
    Precision,
    parse_loose_date,
)

__all__ = ["cell_text", "date_cell", "id_cell", "int_cell"]

# Excel's 1900 date system; serial 60 is the 1900-02-29 that never was, so this epoch is
# right for every serial from 61 (1900-03-01) on — and dates before 1927 are refused below.
_EXCEL_EPOCH: Final = date(1899, 12, 30)
# Serial numbers read as dates: 1927-05-18 (10000) … 2099-12-31 (73050). Smaller whole
# numbers are more likely a year (2019) or a typing slip than a date so long ago.
_SERIAL_MIN: Final = 10_000
_SERIAL_MAX: Final = 73_050
_SCIENTIFIC: Final = re.compile(r"[+-]?\d+(?:\.\d+)?[eE][+-]?\d+")
_NUMBER: Final = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)")
_CHINESE_NUMERALS: Final = frozenset("〇零一二三四五六七八九十百千万两壹贰叁肆伍陆柒捌玖拾佰仟")
_YEAR_DOT_ONE: Final = re.compile(r"(\d{4})\.1")


def _number_text(value: float) -> str:
    """A number as Excel's General format shows it: at most 15 significant digits,
    never in scientific notation (an ID typed as a number shows its lost digits as 0)."""
    if not math.isfinite(value):
        return str(value)
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    text = format(Decimal(f"{value:.15g}"), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def cell_text(value: Cell) -> str:
    """The cell as the clerk sees it: 3.0 → "3", 1.1010519491231e17 →
    "110105194912310000", a date → "2019-07-01", strings trimmed, None → ""."""
    if value is None:
        return ""
    if isinstance(value, str):
        return strip_text(value)
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float | int):
        return _number_text(float(value))
    if isinstance(value, datetime):
        if value.time() == datetime.min.time():
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="seconds" if value.second else "minutes")
    return value.isoformat()


def id_cell(value: Cell) -> str:
    """The text of an ID-number (or credit-code) cell, for ``validate_id``/``validate_uscc``.

    A number cell is always refused (kind "numeric_id"): Excel keeps only 15
    significant digits, so the number is not the person's ID even when it happens to
    pass the checksum. Text in scientific notation ("1.10105E+17", what a CSV saved
    from such a cell holds) is refused the same way. A blank cell gives "".
    """
    if value is None:
        return ""
    if isinstance(value, bool | date):
        raise InvalidValue(f"“{cell_text(value)}”不是证件号码", KIND_BAD_FORMAT)
    if isinstance(value, float | int):
        raise InvalidValue(
            f"该单元格是数字“{cell_text(value)}”：Excel 只保留 15 位有效数字，号码的末几位已经"
            "丢失，它不是本人的号码。请把这一列设为“文本”格式后重新录入完整号码", KIND_NUMERIC_ID)
    text = strip_text(value)
    if _SCIENTIFIC.fullmatch(unicodedata.normalize("NFKC", text)):
        raise InvalidValue(
            f"“{text}”是被 Excel 转成科学计数法的数字，号码的末几位已经丢失。请在原表中把这一列"
            "设为“文本”格式后重新录入完整号码", KIND_NUMERIC_ID)
    return text


def _serial_date(value: float) -> date:
    return _EXCEL_EPOCH + timedelta(days=math.floor(value))


def date_cell(value: Cell, *, date_column: bool = True) -> tuple[date, Precision]:
    """A date and how precisely it was given ("day", "month" or "year").

    Accepts date cells, and text in the forms of
    :func:`bzdesk.validation.parse_loose_date` ("2019.07", "2019.7.1", "2019年7月",
    "2019-07-01", "20190701"). A number cell is read only when ``date_column`` is true
    (the column's header names a date field), as Excel shows it: a serial number from
    10000 to 73050 (a date cell formatted as General) is that day; 20190701, 201907 and
    2019 are read like the same text; 2019.07 is July 2019. "2019.1" is refused: Excel
    drops the trailing 0 of 2019.10, so January and October cannot be told apart.
    """
    if isinstance(value, bool):
        raise InvalidValue(f"“{cell_text(value)}”不是日期", KIND_BAD_DATE)
    if not isinstance(value, float | int):
        return parse_loose_date(strip_text(value) if isinstance(value, str) else value)
    if not date_column:
        return parse_loose_date(value)
    number = float(value)
    if _SERIAL_MIN <= number < _SERIAL_MAX + 1:
        return _serial_date(number), "day"
    text = _number_text(number)
    ambiguous = _YEAR_DOT_ONE.fullmatch(text)
    if ambiguous:
        year = ambiguous[1]
        raise InvalidValue(
            f"“{text}”是数字格式，Excel 会去掉末尾的 0，无法区分是 {year} 年 1 月还是 10 月；请把"
            f"这一列设为“文本”格式后填写 {year}.01 或 {year}.10", KIND_BAD_DATE)
    try:
        return parse_loose_date(text)
    except InvalidValue:
        raise InvalidValue(f"数字“{text}”不是可识别的日期，请按 2019-07-01、2019.07 或 "
                           "2019年7月 的格式填写", KIND_BAD_DATE) from None


def int_cell(value: Cell, *, blank: int | None = None, maximum: int | None = None) -> int:
    """A count (编制数, 职数…): a whole number ≥ 0.

    A blank cell gives ``blank`` when it is not None (a count left empty often means
    0), otherwise it is refused as missing. 2.5, -1, "十" and "三人" are refused with
    kind "bad_number"; "３" (full-width) and "3.0" are 3.
    """
    if value is None or (isinstance(value, str) and not strip_text(value)):
        if blank is not None:
            return blank
        raise InvalidValue("请填写数量", KIND_MISSING)
    if isinstance(value, bool | date):
        raise InvalidValue(f"“{cell_text(value)}”不是数量，请填写 0 或正整数", KIND_BAD_NUMBER)
    if isinstance(value, str):
        text = unicodedata.normalize("NFKC", strip_text(value)).replace(",", "")
        if _NUMBER.fullmatch(text):
            number = float(text)
        elif any(ch in _CHINESE_NUMERALS for ch in text):
            raise InvalidValue(f"“{value.strip()}”请用阿拉伯数字填写（如 10）", KIND_BAD_NUMBER)
        else:
            raise InvalidValue(f"“{value.strip()}”不是数字，请填写 0 或正整数", KIND_BAD_NUMBER)
    else:
        number = float(value)
    shown = _number_text(number)
    if not math.isfinite(number) or not number.is_integer():
        raise InvalidValue(f"“{shown}”不是整数，数量只能是 0 或正整数", KIND_BAD_NUMBER)
    if number < 0:
        raise InvalidValue(f"“{shown}”是负数，数量只能是 0 或正整数", KIND_BAD_NUMBER)
    if maximum is not None and number > maximum:
        raise InvalidValue(f"“{shown}”超过了上限 {maximum}，请核对", KIND_BAD_NUMBER)
    return int(number)
