"""Builders of real spreadsheet files for the tests of bzdesk.excel.

No LibreOffice, xlwt or olefile here, so the .xls (BIFF8 in a compound file), the
.ods and the encrypted-workbook fixtures are written byte by byte from the published
formats ([MS-CFB], [MS-XLS], ODF 1.2). They are minimal but well formed: calamine,
the reader under test, parses them like files saved by Excel, WPS or LibreOffice.
"""

from __future__ import annotations

import struct
import zipfile
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

Cell = str | float | int | bool | date | None

# ---------------------------------------------------------------- compound file (CFB v3)

_SECTOR = 512
_END = 0xFFFFFFFE
_FREE = 0xFFFFFFFF
_FATSECT = 0xFFFFFFFD
_NOSTREAM = 0xFFFFFFFF
_MINI_CUTOFF = 4096


def _dir_entry(name: str, kind: int, start: int, size: int, child: int = _NOSTREAM,
               right: int = _NOSTREAM) -> bytes:
    encoded = (name.encode("utf-16-le") + b"\0\0") if name else b""
    return (encoded.ljust(64, b"\0") + struct.pack("<HBB", len(encoded), kind, 1)
            + struct.pack("<III", _NOSTREAM, right, child) + b"\0" * 16 + b"\0" * 4
            + b"\0" * 16 + struct.pack("<IQ", start, size))


def cfb_bytes(streams: dict[str, bytes]) -> bytes:
    """A compound file holding ``streams`` in the root storage.

    Streams are padded to the 4096-byte mini-stream cutoff so that every stream lives
    in ordinary 512-byte sectors (readers look small streams up in the mini stream).
    """
    names = sorted(streams, key=lambda n: (len(n), n.upper()))
    blobs = [streams[n].ljust(_MINI_CUTOFF, b"\0") for n in names]
    fat: list[int] = []
    starts = []
    for blob in blobs:
        count = -(-len(blob) // _SECTOR)
        first = len(fat)
        starts.append(first)
        fat.extend(range(first + 1, first + count))
        fat.append(_END)
    entries = [_dir_entry("Root Entry", 5, _END, 0, child=1 if names else _NOSTREAM)]
    for i, (blob, start) in enumerate(zip(blobs, starts, strict=True)):
        right = i + 2 if i + 1 < len(names) else _NOSTREAM
        entries.append(_dir_entry(names[i], 2, start, len(blob), right=right))
    while len(entries) % 4:
        entries.append(_dir_entry("", 0, 0, 0))
    dir_start = len(fat)
    dir_count = len(entries) // 4
    fat.extend(range(dir_start + 1, dir_start + dir_count))
    fat.append(_END)
    fat_count = 1
    while (len(fat) + fat_count) > fat_count * (_SECTOR // 4):
        fat_count += 1
    fat_start = len(fat)
    fat.extend([_FATSECT] * fat_count)
    fat.extend([_FREE] * (fat_count * (_SECTOR // 4) - len(fat)))
    difat = list(range(fat_start, fat_start + fat_count)) + [_FREE] * (109 - fat_count)
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16
              + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\0" * 6
              + struct.pack("<IIIIIIIII", 0, fat_count, dir_start, 0, _MINI_CUTOFF, _END, 0,
                            _END, 0)
              + struct.pack("<109I", *difat))
    body = b"".join(blob.ljust(-(-len(blob) // _SECTOR) * _SECTOR, b"\0") for blob in blobs)
    return header + body + b"".join(entries) + struct.pack(f"<{len(fat)}I", *fat)


def write_encrypted_workbook(path: Path) -> Path:
    """The container Excel/WPS write for an .xlsx with an open password.

    [MS-OFFCRYPTO]: a compound file with "EncryptionInfo" (here the agile-encryption
    version header 4.4 and a short XML descriptor) and "EncryptedPackage" streams.
    """
    info = struct.pack("<HHI", 4, 4, 0x40) + (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        b'<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption">'
        b'<keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" '
        b'cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512"/>'
        b"</encryption>")
    package = struct.pack("<Q", 5000) + bytes(range(256)) * 20
    path.write_bytes(cfb_bytes({"EncryptionInfo": info, "EncryptedPackage": package,
                                "\x06DataSpaces": b"\0" * 64}))
    return path


# ---------------------------------------------------------------- .xls (BIFF8)

def _rec(kind: int, data: bytes = b"") -> bytes:
    return struct.pack("<HH", kind, len(data)) + data


def _bof(sheet: bool) -> bytes:
    return _rec(0x0809, struct.pack("<HHHHII", 0x0600, 0x10 if sheet else 0x05, 0x0DBB,
                                    0x07CC, 0, 6))


def _xf(fmt: int) -> bytes:
    return _rec(0x00E0, struct.pack("<HHH", 0, fmt, 0x0001) + b"\0" * 14)


_EXCEL_EPOCH = date(1899, 12, 30)


def xls_bytes(sheets: dict[str, Sequence[Sequence[Cell]]], *,
              merges: Sequence[tuple[int, int, int, int]] = (), password: bool = False,
              miscount: bool = False) -> bytes:
    """A BIFF8 workbook. Cells: str, float/int, bool, date (a date-formatted number).

    ``merges`` (first_row, last_row, first_col, last_col), 0-based, apply to the first
    sheet. ``password`` adds the FILEPASS record Excel writes for an encrypted file.
    ``miscount`` counts string lengths in code points instead of UTF-16 units, the bug
    of some writers that makes a file with rare characters malformed.
    """
    strings: dict[str, int] = {}
    for rows in sheets.values():
        for row in rows:
            for value in row:
                if isinstance(value, str):
                    strings.setdefault(value, len(strings))
    def units(text: str) -> int:  # XLUnicodeString counts UTF-16 code units
        return len(text) if miscount else len(text.encode("utf-16-le")) // 2

    sst = struct.pack("<II", len(strings), len(strings)) + b"".join(
        struct.pack("<HB", units(s), 1) + s.encode("utf-16-le") for s in strings)
    assert len(sst) < 8224, "keep fixtures small: no CONTINUE records"

    bodies = []
    for index, rows in enumerate(sheets.values()):
        width = max((len(r) for r in rows), default=0)
        cells = [_bof(True),
                 _rec(0x0200, struct.pack("<IIHHH", 0, len(rows), 0, width, 0))]
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                cells.append(_xls_cell(r, c, value, strings))
        if index == 0 and merges:
            cells.append(_rec(0x00E5, struct.pack("<H", len(merges)) + b"".join(
                struct.pack("<HHHH", *m) for m in merges)))
        cells.append(_rec(0x000A))
        bodies.append(b"".join(cells))

    def globals_(offsets: list[int]) -> bytes:
        parts = [_bof(False)]
        if password:
            parts.append(_rec(0x002F, struct.pack("<HHH", 1, 1, 1) + b"\0" * 48))
        parts.append(_rec(0x0042, struct.pack("<H", 1200)))
        parts.extend(_xf(0) for _ in range(16))
        parts.append(_xf(14))
        for name, offset in zip(sheets, offsets, strict=True):
            encoded = name.encode("utf-16-le")
            parts.append(_rec(0x0085, struct.pack("<IBBBB", offset, 0, 0, len(encoded) // 2, 1)
                              + encoded))
        parts.append(_rec(0x00FC, sst))
        parts.append(_rec(0x000A))
        return b"".join(parts)

    size = len(globals_([0] * len(sheets)))
    offsets = []
    for body in bodies:
        offsets.append(size)
        size += len(body)
    return globals_(offsets) + b"".join(bodies)


def _xls_cell(r: int, c: int, value: Cell, strings: dict[str, int]) -> bytes:
    if value is None:
        return b""
    if isinstance(value, bool):
        return _rec(0x0205, struct.pack("<HHHBB", r, c, 0, int(value), 0))
    if isinstance(value, str):
        return _rec(0x00FD, struct.pack("<HHHI", r, c, 0, strings[value]))
    if isinstance(value, date):
        serial = (value - _EXCEL_EPOCH).days
        return _rec(0x0203, struct.pack("<HHHd", r, c, 16, float(serial)))
    return _rec(0x0203, struct.pack("<HHHd", r, c, 0, float(value)))


def write_xls(path: Path, sheets: dict[str, Sequence[Sequence[Cell]]], **kwargs: object) -> Path:
    path.write_bytes(cfb_bytes({"Workbook": xls_bytes(sheets, **kwargs)}))  # type: ignore[arg-type]
    return path


# ---------------------------------------------------------------- .ods

_ODS_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
           'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
           'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"')


def _ods_cell(value: Cell) -> str:
    if value is None:
        return "<table:table-cell/>"
    if isinstance(value, bool):
        flag = "true" if value else "false"
        return (f'<table:table-cell office:value-type="boolean" office:boolean-value="{flag}">'
                f"<text:p>{flag.upper()}</text:p></table:table-cell>")
    if isinstance(value, date):
        iso = value.isoformat()
        return (f'<table:table-cell office:value-type="date" office:date-value="{iso}">'
                f"<text:p>{iso}</text:p></table:table-cell>")
    if isinstance(value, int | float):
        return (f'<table:table-cell office:value-type="float" office:value="{value!r}">'
                f"<text:p>{value}</text:p></table:table-cell>")
    return (f'<table:table-cell office:value-type="string"><text:p>{escape(value)}</text:p>'
            "</table:table-cell>")


def write_ods(path: Path, sheets: dict[str, Sequence[Sequence[Cell]]], *,
              trailing_repeated_rows: int = 0) -> Path:
    """An OpenDocument spreadsheet. ``trailing_repeated_rows`` appends one row element
    repeated that many times, as LibreOffice writes for formatted empty rows."""
    tables = []
    for name, rows in sheets.items():
        xml_rows = ["<table:table-row>" + "".join(_ods_cell(v) for v in row)
                    + "</table:table-row>" for row in rows]
        if trailing_repeated_rows:
            xml_rows.append(f'<table:table-row table:number-rows-repeated="'
                            f'{trailing_repeated_rows}"><table:table-cell '
                            'table:number-columns-repeated="1024"/></table:table-row>')
        tables.append(f'<table:table table:name="{escape(name)}">' + "".join(xml_rows)
                      + "</table:table>")
    content = ('<?xml version="1.0" encoding="UTF-8"?>'
               f"<office:document-content {_ODS_NS}><office:body><office:spreadsheet>"
               + "".join(tables) + "</office:spreadsheet></office:body></office:document-content>")
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest='
                '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" manifest:media-type='
                '"application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry '
                'manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                "</manifest:manifest>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet",
                    compress_type=zipfile.ZIP_STORED)
        zf.writestr("META-INF/manifest.xml", manifest)
        zf.writestr("content.xml", content)
    return path


# ---------------------------------------------------------------- .xlsx helpers

def write_xlsx(path: Path, rows: Sequence[Sequence[object]], *, title: str = "Sheet1",
               merges: Sequence[str] = (), extra_sheets: dict[str, Sequence[Sequence[object]]]
               | None = None) -> Path:
    """An ordinary workbook written by openpyxl (strings stay strings, numbers numbers)."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = title
    for row in rows:
        ws.append(list(row))
    for ref in merges:
        ws.merge_cells(ref)
    for name, more in (extra_sheets or {}).items():
        other = wb.create_sheet(name)
        for row in more:
            other.append(list(row))
    wb.save(path)
    return path


def patch_sheet_xml(path: Path, old: bytes, new: bytes, member: str =
                    "xl/worksheets/sheet1.xml") -> Path:
    """Replace bytes inside a worksheet part (to add cached formula values, …)."""
    tmp = path.with_suffix(".tmp")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == member:
                assert old in data, (old, data[-500:])
                data = data.replace(old, new)
            out.writestr(info, data)
    tmp.replace(path)
    return path


def append_empty_rows(path: Path, first_row: int, count: int, *, style: str = "cells") -> Path:
    """Stream ``count`` empty but formatted rows into sheet1 of an openpyxl workbook.

    ``style``: "cells" — styled cells without a value (what Excel writes after a
    format painter run), "rows" — styled row elements only, "blank_strings" — cells
    holding an empty or a space-only string (what some WPS versions write).
    """
    tmp = path.with_suffix(".tmp")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename != "xl/worksheets/sheet1.xml":
                out.writestr(info, data)
                continue
            head, tail = data.split(b"</sheetData>")
            with out.open(info.filename, "w") as sheet:
                sheet.write(head)
                chunk: list[str] = []
                for r in range(first_row, first_row + count):
                    if style == "rows":
                        chunk.append(f'<row r="{r}" s="1" customFormat="1"/>')
                    elif style == "cells":
                        chunk.append(f'<row r="{r}"><c r="A{r}" s="1"/><c r="B{r}" s="1"/></row>')
                    else:
                        chunk.append(f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t></t></is>'
                                     f'</c><c r="C{r}" t="inlineStr"><is><t xml:space='
                                     f'"preserve"> </t></is></c></row>')
                    if len(chunk) == 20000:
                        sheet.write("".join(chunk).encode())
                        chunk.clear()
                sheet.write("".join(chunk).encode())
                sheet.write(b"</sheetData>" + tail)
    tmp.replace(path)
    return path


# ---------------------------------------------------------------- realistic sheets

ROSTER_FIELDS = ("name", "id_number", "gender", "birth_date", "unit", "start_date")
UNIT_FIELDS = ("unit", "uscc", "parent_unit", "unit_kind", "unit_rank", "funding",
               "admin_posts", "public_posts", "worker_posts", "leader_main", "leader_deputy")


def clerk_roster(path: Path) -> Path:
    """What a county roster really looks like."""
    rows: list[list[object]] = [
        ["南昌县机构编制实名制人员花名册", None, None, None, None, None, None],
        ["填报单位：县委编办", None, None, None, None, "单位：人", None],
        ["序号", "姓 名", "公民身份号码（必填）", "性别", "出生年月", "工作单位", "入编时间"],
        [1, " 张三 ", "11010519491231002x", "男", "1949.12", "县委办", "2019.07"],
        [2, "李四", "４４０５２４１８８００１０１００１４", "男", date(1880, 1, 1), "县委办",
         "2019.7.1"],
        [None, None, None, None, None, None, None],
        [3, "王　五", 110105194912310020, "男", "1949年12月", "县政府办", "2019年7月"],
        [4, "阿依古丽 . 买买提", "34052419800101001X", "女", "1980-01-01", "县政府办",
         "2019-07-01"],
        [5, "赵六", "11010519491231002X", "男", "19491231", "县财政局 ", date(2019, 7, 1)],
        [6, "钱七", "340524198001010036", "男", "1980.01", "县财政局", "20190701"],
        ["合计", None, None, None, None, None, "6人"],
        ["制表人：", None, None, "审核人：", None, None, None],
    ]
    return write_xlsx(path, rows, merges=["A1:G1", "A2:E2"])


def unit_rows() -> list[list[object]]:
    return [
        ["机构编制情况统计表", None, None, None, None, None, None],
        ["单位名称", "统一社会信用代码", "核定编制", None, None, "领导职数", None],
        [None, None, "行政编制", "事业编制", "工勤编制", "正职", "副职"],
        ["县委办", "11360121MB1234567X", 10, 0, 2, 1, 2],
    ]
