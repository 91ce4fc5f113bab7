"""What kind of file is this? Decided from its bytes, not its name.

Clerks rename files freely (an .xlsx called .xls, a web page saved as .xls by another
system, a photo of a table called .xlsx), so the extension only decides between
"delimited text" and "should have been a workbook". Every refusal says what to do.
"""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path
from typing import Final, Literal

from bzdesk.errors import ValidationError
from bzdesk.excel._cfb import MAGIC, CfbError, CompoundFile
from bzdesk.excel.kinds import (
    KIND_DAMAGED,
    KIND_EMPTY_FILE,
    KIND_ENCRYPTED,
    KIND_NOT_A_WORKBOOK,
    KIND_TOO_BIG,
    KIND_UNREADABLE,
    refusal,
)

__all__ = ["SAVE_AS", "TEXT_SUFFIXES", "Format", "sniff_format"]

Format = Literal["xlsx", "xlsb", "xls", "ods", "csv"]

#: File name endings read as delimited text.
TEXT_SUFFIXES: Final = frozenset({".csv", ".tsv", ".txt"})
#: The advice that ends every "cannot read" refusal.
SAVE_AS: Final = "请在 Excel 或 WPS 中打开它，另存为“Excel 工作簿（*.xlsx）”后再导入"

_BOF_RECORD: Final = 0x0809
_FILEPASS_RECORD: Final = 0x002F

# Leading bytes of files that are often mistaken for tables, with a clerk's name for them.
_OTHER_MAGIC: Final = (
    (b"\xff\xd8\xff", "JPEG 图片"),
    (b"\x89PNG", "PNG 图片"),
    (b"GIF8", "GIF 图片"),
    (b"%PDF", "PDF 文档"),
    (b"{\\rtf", "RTF 文档"),
    (b"Rar!", "RAR 压缩包"),
    (b"7z\xbc\xaf", "7z 压缩包"),
    (b"\x1f\x8b", "gzip 压缩包"),
)


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"


def sniff_format(path: Path, *, max_bytes: int, max_unpacked_bytes: int) -> Format:
    """Decide how to read ``path``; raise :class:`ValidationError` when it cannot be read.

    ``max_bytes`` caps the file, ``max_unpacked_bytes`` the unpacked size of a zip-based
    workbook (a small .xlsx can unpack to gigabytes).
    """
    name = path.name
    try:
        size = path.stat().st_size
        with path.open("rb") as f:
            head = f.read(4096)
    except OSError as exc:
        raise refusal(f"无法打开文件“{name}”：{exc.strerror or exc}", KIND_UNREADABLE,
                      value=name) from None
    if size == 0 or (size <= len(head) and not head.strip(b"\xef\xbb\xbf\0 \t\r\n")):
        raise refusal(f"文件“{name}”是空的（没有任何内容）", KIND_EMPTY_FILE, value=name)
    if size > max_bytes:
        raise refusal(f"文件“{name}”有 {_mb(size)}，超过了 {_mb(max_bytes)} 的上限；请删除多余的"
                      "工作表或分成几个文件后再导入", KIND_TOO_BIG, value=name)
    if head.startswith(MAGIC):
        return _sniff_ole(path, size)
    if head.startswith(b"PK\x03\x04"):
        return _sniff_zip(path, max_unpacked_bytes)
    for magic, what in _OTHER_MAGIC:
        if head.startswith(magic):
            raise _not_a_workbook(name, f"它是{what}")
    markup = _markup_kind(head)
    if markup is not None:
        raise refusal(f"文件“{name}”其实是{markup}，不是真正的 Excel 工作簿（常见于从其他系统"
                      f"导出的 .xls）。{SAVE_AS}", KIND_UNREADABLE, value=name)
    if b"\0" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _not_a_workbook(name, "它的内容无法识别")
    if path.suffix.lower() in TEXT_SUFFIXES:
        return "csv"
    raise _not_a_workbook(name, "它的内容是纯文本；如果它是 CSV 文件，请把扩展名改为 .csv")


def _not_a_workbook(name: str, why: str) -> ValidationError:
    return refusal(f"文件“{name}”不是 Excel 工作簿（{why}）。请选择 .xlsx、.xls、.ods 或 .csv "
                   "格式的表格文件", KIND_NOT_A_WORKBOOK, value=name)


def _damaged(name: str) -> ValidationError:
    return refusal(f"文件“{name}”已损坏，无法读取。{SAVE_AS}", KIND_DAMAGED, value=name)


def _encrypted(name: str) -> ValidationError:
    return refusal(f"“{name}”：文件设有打开密码，请在 Excel/WPS 中取消密码后另存为 .xlsx 再导入",
                   KIND_ENCRYPTED, value=name)


def _markup_kind(head: bytes) -> str | None:
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith((b"<!doctype html", b"<html", b"<table", b"<meta")):
        return "网页（HTML）格式"
    if text.startswith(b"<?xml") and b"urn:schemas-microsoft-com:office:spreadsheet" in head:
        return "“XML 电子表格 2003”格式"
    if text.startswith(b"mime-version:"):
        return "单个网页（MHT）格式"
    return None


def _sniff_ole(path: Path, size: int) -> Format:
    name = path.name
    try:
        with path.open("rb") as f:
            cfb = CompoundFile(f, size)
            if cfb.has_stream("EncryptionInfo", "EncryptedPackage"):
                raise _encrypted(name)
            if cfb.has_stream("Workbook", "Book"):
                stream = "Workbook" if cfb.has_stream("Workbook") else "Book"
                if _biff_has_filepass(cfb.stream_head(stream, 4096)):
                    raise _encrypted(name)
                return "xls"
            if cfb.has_stream("WordDocument"):
                raise _not_a_workbook(name, "它是 Word 文档")
            if cfb.has_stream("PowerPoint Document"):
                raise _not_a_workbook(name, "它是 PowerPoint 演示文稿")
    except (CfbError, struct.error):
        raise _damaged(name) from None
    raise _not_a_workbook(name, "它是其他 Office 文件")


def _biff_has_filepass(head: bytes) -> bool:
    """FILEPASS follows the first BOF of an encrypted BIFF workbook stream."""
    offset = 0
    for _ in range(16):
        if offset + 4 > len(head):
            return False
        kind, length = struct.unpack_from("<HH", head, offset)
        if kind == _FILEPASS_RECORD:
            return True
        if offset == 0 and kind != _BOF_RECORD:
            return False
        offset += 4 + length
    return False


def _sniff_zip(path: Path, max_unpacked_bytes: int) -> Format:
    name = path.name
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            names = {i.filename for i in infos}
            mimetype = zf.read("mimetype")[:100] if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, EOFError, KeyError, ValueError):
        raise _damaged(name) from None
    if sum(i.file_size for i in infos) > max_unpacked_bytes:
        raise refusal(f"文件“{name}”解压后超过 {_mb(max_unpacked_bytes)}，数据量太大；请删除多余"
                      "的工作表或分成几个文件后再导入", KIND_TOO_BIG, value=name)
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "xl/workbook.bin" in names:
        return "xlsb"
    if mimetype.startswith(b"application/vnd.oasis.opendocument.spreadsheet"):
        return "ods"
    if "word/document.xml" in names:
        raise _not_a_workbook(name, "它是 Word 文档")
    if "ppt/presentation.xml" in names:
        raise _not_a_workbook(name, "它是 PowerPoint 演示文稿")
    if mimetype.startswith(b"application/vnd.oasis.opendocument"):
        raise _not_a_workbook(name, "它是 OpenDocument 文字或演示文档")
    raise _not_a_workbook(name, "它是一个 ZIP 压缩包")
