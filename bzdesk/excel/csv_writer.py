"""CSV export: UTF-8 with BOM by default (Excel opens it without garbling), or GBK for
old tools. Text starting with = + - @ tab or CR gets a leading single quote so a
spreadsheet does not run it as a formula; bzdesk's CSV reader takes that quote off.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Final

from bzdesk.excel.cells import cell_text
from bzdesk.excel.kinds import KIND_UNENCODABLE, refusal
from bzdesk.excel.spec import ColumnSpec, SheetSpec, date_display, is_formula_like

__all__ = ["CSV_ENCODINGS", "write_csv"]

#: Encodings offered, with the name a clerk knows.
CSV_ENCODINGS: Final = {"utf-8-sig": "UTF-8", "utf-8": "UTF-8", "gbk": "GBK",
                        "gb18030": "GB18030"}


def _text(value: object, column: ColumnSpec) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return "'" + value if is_formula_like(value) else value
    if isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], date):
        return date_display(value[0], value[1])
    if isinstance(value, datetime) and value.time() != datetime.min.time():
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, date):
        return date_display(value, "month" if column.kind == "month" else "day")
    if isinstance(value, bool | int | float):
        return cell_text(value)
    raise TypeError(f"cannot write {value!r} in column {column.header!r}")


def _unencodable(line: str, exc: UnicodeError, fields: list[str], headers: list[str],
                 number: int, encoding: str) -> Exception:
    bad = line[exc.start:exc.end] if isinstance(exc, UnicodeEncodeError) else "?"
    column = next((h for h, f in zip(headers, fields, strict=False) if bad in f), "")
    name = CSV_ENCODINGS.get(encoding, encoding)
    where = f"第 {number} 行“{column}”列" if column else f"第 {number} 行"
    return refusal(f"{where}中的“{bad}”无法用 {name} 编码保存；请改用默认的 UTF-8 编码导出",
                   KIND_UNENCODABLE, value=bad, column=column, row=number)


def write_csv(path: str | Path, sheet: SheetSpec, *, encoding: str = "utf-8-sig",
              delimiter: str = ",") -> Path:
    """Write the header and rows of ``sheet`` (its title row and notes are left out).

    ``encoding``: "utf-8-sig" (default, with BOM), "utf-8", "gbk" or "gb18030". A
    character the encoding cannot hold is refused (kind "unencodable") naming the line
    (the header is line 1) and the column; nothing is left on disk then.
    """
    if encoding.lower() not in CSV_ENCODINGS:
        raise ValueError(f"unsupported CSV encoding {encoding!r}")
    target = Path(path)
    part = target.with_name(target.name + ".part")
    columns = list(sheet.columns)
    headers = [c.header for c in columns]
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    try:
        with part.open("wb") as out:
            if encoding.lower() == "utf-8-sig":
                out.write(b"\xef\xbb\xbf")
                encoding = "utf-8"
            for number, fields in enumerate(_lines(sheet, columns), start=1):
                buffer.seek(0)
                buffer.truncate()
                writer.writerow(fields)
                line = buffer.getvalue()
                try:
                    out.write(line.encode(encoding))
                except UnicodeEncodeError as exc:
                    raise _unencodable(line, exc, fields, headers, number, encoding) from None
        os.replace(part, target)
    finally:
        part.unlink(missing_ok=True)
    return target


def _lines(sheet: SheetSpec, columns: list[ColumnSpec]) -> Iterator[list[str]]:
    yield [("'" + c.header if is_formula_like(c.header) else c.header) for c in columns]
    for row in sheet.rows:
        yield [_text(v, c) for v, c in zip(row, columns, strict=False)]
