"""Delimited text (.csv/.tsv/.txt): encoding detection, delimiter sniffing, rows.

Encodings, in order: a byte-order mark (UTF-8, UTF-16 — Excel's "Unicode 文本"),
strict UTF-8, strict GB18030 (a superset of GBK and GB2312, what Chinese Excel and WPS
write for "CSV (逗号分隔)"), then charset-normalizer's best guess. GB18030 is tried
before any statistical detection on purpose: it decodes nearly any byte string, so a
detector would only ever second-guess it, and for a county office's files (Chinese text,
often a few short lines) GBK is the right answer far more often than a detector is.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Final

from bzdesk.excel._text import is_blank
from bzdesk.excel.kinds import KIND_BAD_ENCODING, KIND_DAMAGED, refusal
from bzdesk.excel.sniff import SAVE_AS

__all__ = ["DELIMITERS", "FORMULA_TRIGGERS", "decode_text", "read_delimited", "sniff_delimiter"]

#: Delimiters recognised, in order of preference on a tie.
DELIMITERS: Final = (",", "\t", ";")
#: First characters that make a spreadsheet treat a cell as a formula (CSV injection).
FORMULA_TRIGGERS: Final = ("=", "+", "-", "@", "\t", "\r")
_SNIFF_LINES: Final = 50


def decode_text(data: bytes, name: str) -> tuple[str, str]:
    """The text of ``data`` and the codec that decoded it."""
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError:
                break
    for codec in ("utf-8", "gb18030"):
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError:
            continue
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and best.encoding:
        return str(best), best.encoding
    raise refusal(f"无法识别文件“{name}”的文字编码。{SAVE_AS}", KIND_BAD_ENCODING, value=name)


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits the first lines into the most rows of equal width.

    Title lines (one field) above the header do not count against a delimiter.
    """
    lines = [line for line in text.splitlines()[: _SNIFF_LINES * 2] if line.strip()]
    lines = lines[:_SNIFF_LINES]
    best, best_score = DELIMITERS[0], (0, 0)
    for delimiter in DELIMITERS:
        try:
            widths = [len(fields) for fields in csv.reader(lines, delimiter=delimiter)]
        except csv.Error:
            continue  # broken quoting: reading the whole text will say so
        wide = Counter(w for w in widths if w > 1)
        if not wide:
            continue
        width, count = wide.most_common(1)[0]
        score = (count, width)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _cell(field: str) -> str | None:
    if not field:
        return None
    # Undo the protective quote bzdesk's CSV writer puts before a formula trigger.
    if len(field) > 1 and field[0] == "'" and field[1] in FORMULA_TRIGGERS:
        return field[1:]
    return field


def read_delimited(
    path: Path, name: str, *, on_row: Callable[[int], None]
) -> tuple[list[tuple[int, list[str | None]]], int, str, str]:
    """Non-blank rows (record number, cells), width, codec and delimiter of a text table.

    ``on_row(count)`` is called with the running count of non-blank rows (the caller
    refuses when there are too many).
    """
    text, codec = decode_text(path.read_bytes(), name)
    delimiter = sniff_delimiter(text)
    rows: list[tuple[int, list[str | None]]] = []
    width = 0
    try:
        for number, fields in enumerate(csv.reader(io.StringIO(text, newline=""),
                                                   delimiter=delimiter), start=1):
            if all(is_blank(f) for f in fields):
                continue
            cells = [_cell(f) for f in fields]
            rows.append((number, cells))
            width = max(width, len(cells))
            on_row(len(rows))
    except csv.Error:
        raise refusal(f"文件“{name}”的内容格式有误（引号不配对或单元格过长），无法读取。{SAVE_AS}",
                      KIND_DAMAGED, value=name) from None
    return rows, width, codec, delimiter
