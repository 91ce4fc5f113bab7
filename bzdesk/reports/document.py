"""``DocumentPage``: pages laid out like a 公文 (GB/T 9704-2012), e.g. a cover or an explanation.

A4 portrait; the text block is 156 × 225 mm, 37 mm from the top and 28 mm from the left.
Text is set on the standard grid of 22 lines × 28 characters: body 3号 (16 pt) 仿宋, title
2号 (22 pt) 小标宋, level-one headings 3号 黑体, page numbers "— 1 —" in 4号 (14 pt) 宋体,
7 mm below the text block (odd pages right, even pages left, one character in). Where the
office has not configured its own 仿宋/小标宋/黑体 files, the shipped 明体 stands in.

A 16 pt character is wider than a grid cell (156 mm / 28 = 15.8 pt), so characters are set at
the grid pitch (negative character spacing) as word processors do with 文档网格. Lines are
justified; closing punctuation never starts a line and opening punctuation never ends one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Literal

from bzdesk.reports.fonts import draw_text, faces, runs, text_width
from bzdesk.reports.output import (
    MM,
    CancelCheck,
    Progress,
    ReportResult,
    Steps,
    format_date,
    write_pages,
)

PAGE_WIDTH, PAGE_HEIGHT = 210 * MM, 297 * MM
TOP = 37 * MM
LEFT = 28 * MM
BLOCK_WIDTH = 156 * MM
BLOCK_HEIGHT = 225 * MM
LINES = 22
CHARS = 28
LINE_PITCH = BLOCK_HEIGHT / LINES  # 28.99 pt
CELL = BLOCK_WIDTH / CHARS  # 15.79 pt
BODY_SIZE = 16.0  # 3号
TITLE_SIZE = 22.0  # 2号
NUMBER_SIZE = 14.0  # 4号
NUMBER_GAP = 7 * MM

NO_START = set("，。、；：？！）》」』】〕〉”’…—～%·,.;:?!)]}")
NO_END = set("（《「『【〔〈“‘([{")
NO_DATA = "（无数据）"


@dataclass
class _Line:
    """One grid line: runs of (font, text) at ``x`` (from the block's left edge)."""

    runs: list[tuple[str, str]]
    size: float
    x: float = 0.0
    char_space: float = 0.0


@dataclass
class _Page:
    lines: list[_Line | None] = field(default_factory=list)  # None is an empty grid line
    numbered: bool = True


class DocumentPage:
    """Build pages with ``title``/``heading``/``paragraph``/… then ``write`` them."""

    def __init__(self, *, office_name: str = "", page_numbers: Literal["alternate", "center"]
                 = "alternate", first_page_number: int = 1) -> None:
        f = faces()
        self.office_name = office_name
        self.page_numbers = page_numbers
        self.first_page_number = first_page_number
        self._body, self._title, self._heading, self._song = (f.fangsong, f.xiaobiaosong,
                                                              f.heiti, f.song)
        self._pages: list[_Page] = [_Page()]
        self._doc_title = ""

    # -- content ---------------------------------------------------------------------------

    def title(self, text: str) -> None:
        """The 2号 title, centred, balanced over as many lines as it needs (the upper lines a
        little longer), then a blank line."""
        self._doc_title = self._doc_title or text
        chars = _cells(text, self._title, TITLE_SIZE)
        lines = _break(chars, TITLE_SIZE, 0, justify=False)
        if len(lines) > 1:
            total = sum(_line_width(line) for line in lines)
            widest = max(adv for _, _, adv in chars) + TITLE_SIZE * (CELL / BODY_SIZE - 1)
            target = min(BLOCK_WIDTH, total / len(lines) + 0.98 * widest)
            balanced = _break(chars, TITLE_SIZE, 0, justify=False, width=target)
            if len(balanced) == len(lines):
                lines = balanced
        for line in lines:
            self._centered(line)
        self.blank()

    def heading(self, text: str) -> None:
        """A level-one heading (一、…) in 黑体, indented two characters; kept off a page's
        last line so that it stays with its text."""
        lines = _break(_cells(text, self._heading, BODY_SIZE), BODY_SIZE, 2, justify=False)
        if len(self._pages[-1].lines) + len(lines) >= LINES:
            self.page_break()
        self._add(lines)

    def paragraph(self, text: str, *, indent: bool = True) -> None:
        """Body text (仿宋 3号), first line indented two characters, justified. Each line of
        ``text`` is a paragraph; an empty one leaves an empty grid line."""
        for part in text.split("\n"):
            lines = _break(_cells(part, self._body, BODY_SIZE), BODY_SIZE, 2 if indent else 0,
                           justify=True)
            if lines:
                self._add(lines)
            else:
                self.blank()

    def centered(self, text: str, *, size: float = BODY_SIZE) -> None:
        """A centred line (wrapped when too long), e.g. the office and date on a cover."""
        face = self._title if size >= TITLE_SIZE else self._body
        for line in _break(_cells(text, face, size), size, 0, justify=False):
            self._centered(line)

    def signature(self, office: str, when: date | str) -> None:
        """落款: a blank line, the office centred over the date, the date (成文日期) four
        characters in from the right edge."""
        self.blank()
        squeeze = CELL - BODY_SIZE
        date_line = _line(_cells(format_date(when), self._body, BODY_SIZE), BODY_SIZE, 0.0,
                          squeeze)
        date_w = _line_width(date_line)
        date_line.x = max(0.0, BLOCK_WIDTH - 4 * CELL - date_w)
        centre = date_line.x + date_w / 2
        office_lines = _break(_cells(office, self._body, BODY_SIZE), BODY_SIZE, 0,
                              justify=False)
        for line in office_lines:
            width = _line_width(line)
            line.x = max(0.0, min(centre - width / 2, BLOCK_WIDTH - width))
        self._add([*office_lines, date_line])

    def blank(self, lines: int = 1) -> None:
        """Empty grid lines; one that falls after a full page is dropped, not carried over."""
        for _ in range(lines):
            if len(self._pages[-1].lines) >= LINES:
                self._pages.append(_Page())
                continue
            self._pages[-1].lines.append(None)

    def page_break(self) -> None:
        if self._pages[-1].lines:
            self._pages.append(_Page())

    def cover(self, title: str, lines: Sequence[str] = ()) -> None:
        """A cover page without a page number: the title in the upper third, ``lines``
        (office, date…) centred lower down. Page numbering starts after it."""
        self.page_break()
        self._pages[-1].numbered = False
        self.blank(5)
        self.title(title)
        self.blank(max(0, 15 - len(self._pages[-1].lines)))
        for text in lines:
            self.centered(text)
        self._pages.append(_Page())

    # -- writing ---------------------------------------------------------------------------

    def write(self, out: Path | str, *, progress: Progress | None = None,
              cancelled: CancelCheck | None = None) -> ReportResult:
        """Write the pages to ``out`` (via ``out.part``); nothing written says （无数据）."""
        pages = [p for p in self._pages if any(p.lines)]
        if not pages:
            empty = DocumentPage(office_name=self.office_name)
            empty.centered(NO_DATA)
            pages = empty._pages
        numbers: list[int | None] = []
        next_number = self.first_page_number
        for page in pages:
            numbers.append(next_number if page.numbered else None)
            if page.numbered:
                next_number += 1

        def draw(canvas: Any, index: int, page: _Page) -> None:
            self._draw(canvas, page)
            number = numbers[index - 1]
            if number is not None:
                self._draw_number(canvas, number)

        write_pages(out, pages, draw, pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
                    title=self._doc_title, author=self.office_name, subject=self._doc_title,
                    steps=Steps(progress, cancelled, len(pages)))
        return ReportResult(Path(out), len(pages), 0)

    # -- internals -------------------------------------------------------------------------

    def _add(self, lines: Sequence[_Line]) -> None:
        for line in lines:
            if len(self._pages[-1].lines) >= LINES:
                self._pages.append(_Page())
            self._pages[-1].lines.append(line)

    def _centered(self, line: _Line) -> None:
        line.x = max(0.0, (BLOCK_WIDTH - _line_width(line)) / 2)
        self._add([line])

    def _draw(self, canvas: Any, page: _Page) -> None:
        top = PAGE_HEIGHT - TOP
        for k, line in enumerate(page.lines):
            if line is None:
                continue
            box_bottom = top - (k + 1) * LINE_PITCH
            baseline = box_bottom + (LINE_PITCH - line.size) / 2 + 0.12 * line.size
            tx = canvas.beginText(LEFT + line.x, baseline)
            tx.setCharSpace(line.char_space)
            for font, piece in line.runs:
                tx.setFont(font, line.size)
                tx.textOut(piece)
            canvas.drawText(tx)

    def _draw_number(self, canvas: Any, number: int) -> None:
        text = f"— {number} —"
        baseline = PAGE_HEIGHT - TOP - BLOCK_HEIGHT - NUMBER_GAP - 0.88 * NUMBER_SIZE
        if self.page_numbers == "center":
            draw_text(canvas, LEFT + BLOCK_WIDTH / 2, baseline, text, self._song, NUMBER_SIZE,
                      "center")
        elif number % 2:
            draw_text(canvas, LEFT + BLOCK_WIDTH - NUMBER_SIZE, baseline, text, self._song,
                      NUMBER_SIZE, "right")
        else:
            draw_text(canvas, LEFT + NUMBER_SIZE, baseline, text, self._song, NUMBER_SIZE)


def _cells(text: str, face: str, size: float) -> list[tuple[str, str, float]]:
    """(character, font, advance) for each character, with the fallback faces applied."""
    out: list[tuple[str, str, float]] = []
    for font, piece in runs(text.replace("\n", " "), face):
        out.extend((ch, font, text_width(ch, font, size)) for ch in piece)
    return out


def _break(chars: Sequence[tuple[str, str, float]], size: float, indent_cells: int,
           *, justify: bool, width: float = BLOCK_WIDTH) -> list[_Line]:
    """Break into grid lines: greedy fill at the grid pitch, then the line-breaking rules."""
    squeeze = size * (CELL / BODY_SIZE) - size  # the grid's (negative) character spacing
    lines: list[_Line] = []
    i, n = 0, len(chars)
    while i < n:
        x = indent_cells * CELL if not lines else 0.0
        avail = width - x
        j, used = i, 0.0
        while j < n and used + chars[j][2] + squeeze <= avail + 0.01:
            used += chars[j][2] + squeeze
            j += 1
        j = max(j, i + 1)
        if j < n:
            j = _adjust_break(chars, i, j)
        line = _line(chars[i:j], size, x, squeeze)
        if justify and j < n and j - i > 1:
            extra = (avail - _line_width(line)) / (j - i - 1)
            if 0 < extra <= CELL / 2:
                line.char_space += extra
        lines.append(line)
        i = j
    return lines


def _adjust_break(chars: Sequence[tuple[str, str, float]], i: int, j: int) -> int:
    def word(k: int) -> bool:
        ch = chars[k][0]
        return ch.isascii() and (ch.isalnum() or ch in ".,_-/%")

    k = j
    while True:
        before = k
        while k - 1 > i and chars[k][0] in NO_START:  # pull a character down with the mark
            k -= 1
        while k - 1 > i and chars[k - 1][0] in NO_END:
            k -= 1
        if word(k) and word(k - 1):  # do not cut a number or a Latin word
            m = k - 1
            while m > i and word(m - 1):
                m -= 1
            if m > i:
                k = m
        if k == before:
            return k


def _line(chars: Sequence[tuple[str, str, float]], size: float, x: float,
          char_space: float) -> _Line:
    grouped: list[tuple[str, str]] = []
    for ch, font, _ in chars:
        if grouped and grouped[-1][0] == font:
            grouped[-1] = (font, grouped[-1][1] + ch)
        else:
            grouped.append((font, ch))
    return _Line(grouped, size, x, char_space)


def _line_width(line: _Line) -> float:
    """Width from the first character's left edge to the last character's cell end."""
    count = sum(len(t) for _, t in line.runs)
    return sum(text_width(t, f, line.size) for f, t in line.runs) + count * line.char_space
