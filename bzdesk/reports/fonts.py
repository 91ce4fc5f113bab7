"""Fonts for the PDF reports: the shipped faces, the office's own faces, per-character fallback.

Shipped in ``resources/fonts`` (licences in its README.md):

- ``SONG``: AR PL UMing CN (uming.ttc, subfont 0), a 明体 with GB2312, Big5 and parts of
  CJK Ext A/B. It is the 宋体 of the page numbers and the stand-in for 仿宋, 小标宋 and 黑体
  until the office configures its own files with ``use_office_fonts``.
- ``HANA_A`` / ``HANA_B``: subsets of 花園明朝 A/B holding only what UMing lacks (the rest of
  the BMP ideographs, Ext A, and Ext B–F). They are loaded the first time a text needs them,
  so a PDF embeds them only when it uses one of their characters.

reportlab draws a character its font lacks as an empty box, so every text goes through
``runs``/``markup``/``draw_text``: each character is set in the first face of the chain
(the asked face, then SONG, HANA_A, HANA_B) that has it. A character no face has is written
as its code point (``[U+9FF0]``), never as a box; invisible format characters (variation
selectors, zero-width joiners, control characters) are dropped.
"""

from __future__ import annotations

import hashlib
import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from bzdesk.errors import BzError, FieldProblem, ValidationError
from bzdesk.paths import resources_dir

SONG = "BzSong"
HANA_A = "BzHanaA"
HANA_B = "BzHanaB"

_SHIPPED: dict[str, tuple[str, int]] = {
    SONG: ("uming.ttc", 0),
    HANA_A: ("HanaMinA-bz.ttf", 0),
    HANA_B: ("HanaMinB-bz.ttf", 0),
}
_FALLBACKS = (SONG, HANA_A, HANA_B)
_TRUETYPE_MAGIC = (b"\x00\x01\x00\x00", b"true", b"ttcf")
_CJK_PROBE = "中国人民政府机构编制"

_lock = threading.RLock()
_coverage: dict[str, frozenset[int]] = {}


@dataclass(frozen=True)
class Faces:
    """Registered font names for each role; the shipped SONG stands in for a missing one."""

    song: str = SONG
    fangsong: str = SONG
    xiaobiaosong: str = SONG
    heiti: str = SONG


_faces = Faces()


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def faces() -> Faces:
    """The faces reports use now (the shipped font is registered on first call)."""
    _ensure(SONG)
    with _lock:
        return _faces


def use_office_fonts(fangsong: Path | None, xiaobiaosong: Path | None,
                     heiti: Path | None) -> Faces:
    """Use the office's own font files (e.g. 仿宋_GB2312, 方正小标宋简体, 黑体) from now on.

    ``None`` means the shipped 明体. Every file is checked before any is used: a missing
    file, a font that is not TrueType (.otf/CFF, web fonts), a damaged file, a font whose
    licence forbids embedding or one without Chinese characters is refused with a
    ``ValidationError`` naming the file; the current faces are then unchanged.
    """
    _ensure(SONG)
    chosen = {"fangsong": fangsong, "xiaobiaosong": xiaobiaosong, "heiti": heiti}
    labels = {"fangsong": "仿宋字体", "xiaobiaosong": "小标宋字体", "heiti": "黑体字体"}
    loaded: dict[str, tuple[str, Any]] = {}
    problems: list[FieldProblem] = []
    for role, path in chosen.items():
        if path is None:
            continue
        try:
            loaded[role] = _load_office_font(Path(path), labels[role])
        except ValidationError as exc:
            problems.extend(exc.problems)
    if problems:
        raise ValidationError(problems[0].reason if len(problems) == 1 else
                              "；".join(p.reason for p in problems), problems)
    global _faces
    with _lock:
        from reportlab.pdfbase import pdfmetrics

        names = {}
        for role, (name, font) in loaded.items():
            if name not in _coverage:
                pdfmetrics.registerFont(font)
                _coverage[name] = _cmap(font)
            names[role] = name
        _faces = Faces(song=SONG, fangsong=names.get("fangsong", SONG),
                       xiaobiaosong=names.get("xiaobiaosong", SONG),
                       heiti=names.get("heiti", SONG))
        _runs_cached.cache_clear()
        text_width.cache_clear()
        return _faces


def runs(text: str, face: str = SONG) -> list[tuple[str, str]]:
    """Split ``text`` into ``(font name, piece)`` runs so that every character has a glyph."""
    return list(_runs_cached(text, face))


def covers(face: str, text: str) -> bool:
    """True when ``face`` alone draws every character of ``text`` (the fast path)."""
    have = _ensure(face)
    return all(ord(ch) in have for ch in text)


def missing_characters(text: str, face: str = SONG) -> str:
    """The characters of ``text`` that no available face draws (shown as ``[U+XXXX]``)."""
    chain = _chain(face)
    return "".join(dict.fromkeys(
        ch for ch in text
        if not _invisible(ch) and not ch.isspace() and _font_for(ord(ch), chain) is None))


def markup(text: str, face: str = SONG) -> str:
    """reportlab Paragraph markup for plain ``text`` set in ``face``: XML special characters
    escaped, line breaks as ``<br/>``, runs the face lacks wrapped in ``<font name=…>``."""
    parts = []
    for font, piece in _runs_cached(text, face):
        escaped = escape(piece).replace("\n", "<br/>")
        parts.append(escaped if font == face else f'<font name="{font}">{escaped}</font>')
    return "".join(parts)


@lru_cache(maxsize=65536)
def text_width(text: str, face: str, size: float) -> float:
    """Width in points of ``text`` as ``draw_text`` sets it."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return sum(float(stringWidth(piece, font, size)) for font, piece in _runs_cached(text, face))


def draw_text(canvas: Any, x: float, y: float, text: str, face: str, size: float,
              align: str = "left") -> float:
    """Draw one line at baseline ``y``; ``align`` is left/center/right of ``x``. Returns width."""
    pieces = _runs_cached(text.replace("\n", " "), face)
    width = text_width(text.replace("\n", " "), face, size)
    if align == "center":
        x -= width / 2
    elif align == "right":
        x -= width
    tx = canvas.beginText(x, y)
    for font, piece in pieces:
        tx.setFont(font, size)
        tx.textOut(piece)
    canvas.drawText(tx)
    return width


# -- internals ---------------------------------------------------------------------------


@lru_cache(maxsize=65536)
def _runs_cached(text: str, face: str) -> tuple[tuple[str, str], ...]:
    have = _ensure(face)
    if all(ord(ch) in have for ch in text) and "\r" not in text and "\t" not in text:
        return ((face, text),) if text else ()
    chain = _chain(face)
    out: list[tuple[str, str]] = []
    font_now = ""
    buf: list[str] = []
    for ch in text:
        if ch.isspace():  # kept in the current run when its font has a space glyph
            font = (font_now if font_now and 0x20 in _ensure(font_now)
                    else _font_for(0x20, chain) or face)
            piece = "\n" if ch == "\n" else " "
        elif _invisible(ch):
            continue
        else:
            found = _font_for(ord(ch), chain)
            font, piece = (found, ch) if found else (SONG, f"[U+{ord(ch):04X}]")
        if font != font_now and buf:
            out.append((font_now, "".join(buf)))
            buf = []
        font_now = font
        buf.append(piece)
    if buf:
        out.append((font_now, "".join(buf)))
    return tuple(out)


def _invisible(ch: str) -> bool:
    cp = ord(ch)
    if 0xFE00 <= cp <= 0xFE0F or 0xE0100 <= cp <= 0xE01EF:  # variation selectors (IVS)
        return True
    # not "Cn": a character newer than Python's Unicode tables (Ext H) is still a character
    return unicodedata.category(ch) in ("Cc", "Cf")


def _chain(face: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys((face, *_FALLBACKS)))


def _font_for(cp: int, chain: tuple[str, ...]) -> str | None:
    for name in chain:
        if cp in _ensure(name):
            return name
    return None


def _ensure(name: str) -> frozenset[int]:
    """Register a shipped font on first use; return the code points it draws."""
    have = _coverage.get(name)
    if have is not None:
        return have
    with _lock:
        have = _coverage.get(name)
        if have is not None:
            return have
        if name not in _SHIPPED:
            raise KeyError(f"font {name!r} is not registered")
        _configure_reportlab()
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        file, index = _SHIPPED[name]
        path = fonts_dir() / file
        if not path.is_file():
            raise BzError(f"找不到报表字体文件 {path}，请重新安装编制桌面。")
        font = TTFont(name, str(path), subfontIndex=index)
        pdfmetrics.registerFont(font)
        have = _cmap(font)
        _coverage[name] = have
        return have


def _cmap(font: Any) -> frozenset[int]:
    # glyph 0 is .notdef: a code point mapped to it has no glyph of its own
    return frozenset(cp for cp, glyph in font.face.charToGlyph.items() if glyph)


def _load_office_font(path: Path, label: str) -> tuple[str, Any]:
    def refuse(reason: str, kind: str) -> ValidationError:
        return ValidationError.single(label, str(path), reason, kind)

    if not path.is_file():
        raise refuse(f"字体文件 {path} 不存在，请重新选择。", "font_missing")
    try:
        with path.open("rb") as fh:
            magic = fh.read(4)
        stat = path.stat()
    except OSError as exc:
        raise refuse(f"字体文件 {path} 无法读取（{exc.strerror or exc}）。", "font_unreadable") \
            from exc
    not_tt = f"字体文件 {path.name} 不是 TrueType 字体（.ttf），请选择 .ttf 文件。"
    if magic not in _TRUETYPE_MAGIC:
        raise refuse(not_tt, "font_not_truetype")
    digest = hashlib.sha1(f"{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}".encode())
    name = f"BzOffice{digest.hexdigest()[:12]}"
    with _lock:
        if name in _coverage:
            from reportlab.pdfbase import pdfmetrics

            return name, pdfmetrics.getFont(name)
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    try:
        font = TTFont(name, str(path), subfontIndex=0)
    except TTFError as exc:
        text = str(exc)
        if "postscript" in text:
            raise refuse(not_tt, "font_not_truetype") from exc
        if "embedding" in text:
            raise refuse(f"字体文件 {path.name} 的授权不允许嵌入 PDF，请换用允许嵌入的字体。",
                         "font_no_embedding") from exc
        raise refuse(f"字体文件 {path.name} 已损坏或无法识别，请重新选择。", "font_damaged") \
            from exc
    except (OSError, ValueError, IndexError, KeyError, TypeError) as exc:
        raise refuse(f"字体文件 {path.name} 已损坏或无法识别，请重新选择。", "font_damaged") \
            from exc
    have = _cmap(font)
    if not all(ord(ch) in have for ch in _CJK_PROBE):
        raise refuse(f"字体文件 {path.name} 不含常用汉字，请选择中文字体。", "font_no_cjk")
    return name, font


def _configure_reportlab() -> None:
    """Two process-wide reportlab settings, made once before the first font is registered.

    - Compressed streams are written as binary, not ASCII85 (a third of the time of writing
      a 10,000-row table went into the pure-Python ASCII85 encoder; files are smaller too).
    - reportlab 5.1 writes a character beyond the BMP (𠙶 U+20676) into the ToUnicode map
      as five hex digits, so copy/paste and pdftotext lose it: write UTF-16 surrogates.
    """
    from reportlab import rl_config
    from reportlab.pdfbase import ttfonts

    rl_config.useA85 = 0

    if getattr(ttfonts.makeToUnicodeCMap, "_bzdesk", False):
        return
    original = ttfonts.makeToUnicodeCMap

    def make_to_unicode_cmap(fontname: str, subset: list[int]) -> str:
        text: str = original(fontname, subset)
        for cp in subset:
            if cp > 0xFFFF:
                v = cp - 0x10000
                pair = f"{0xD800 + (v >> 10):04X}{0xDC00 + (v & 0x3FF):04X}"
                text = text.replace(f"> <{cp:04X}>\n", f"> <{pair}>\n")
        return text

    make_to_unicode_cmap._bzdesk = True  # type: ignore[attr-defined]
    ttfonts.makeToUnicodeCMap = make_to_unicode_cmap
