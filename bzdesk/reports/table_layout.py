"""Cells, rows and pages of a table report: measuring, paginating and drawing.

Rows are measured once (a cell that fits on one line in the main face stays a plain string;
anything longer, multi-line or needing a fallback face becomes a wrapped Paragraph), then
cut into pages here, so every page gets the column header as its first row, a group heading
is never left alone at the bottom of a page, and a group that runs over a page starts the next
page with its heading again (…（续）). This is the "chunking" of big tables: each page is
drawn on its own, so the cost grows linearly with the rows (a single reportlab LongTable
re-splits all remaining rows at every page break).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any, Literal

from bzdesk.reports.fonts import markup, runs, text_width

Align = Literal["left", "center", "right"]
Kind = Literal["header", "data", "group", "subtotal", "empty", "note"]

PAD_H = 3.0
PAD_V = 2.5
BIG = 1e6


@dataclass(frozen=True)
class CellStyle:
    face: str
    size: float
    leading: float
    align: Align

    def paragraph_style(self) -> Any:
        from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
        from reportlab.lib.styles import ParagraphStyle

        alignment = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT}[self.align]
        return ParagraphStyle(f"bz-{self.face}-{self.size}-{self.align}", fontName=self.face,
                              fontSize=self.size, leading=self.leading, alignment=alignment,
                              wordWrap="CJK", splitLongWords=True)


@dataclass(slots=True)
class Cell:
    """A plain one-line string (``width`` known) or a wrapped Paragraph (``para``)."""

    style: CellStyle
    text: str = ""
    width: float = 0.0
    para: Any = None
    height: float = 0.0


@dataclass(slots=True)
class Row:
    kind: Kind
    cells: list[Cell]
    height: float
    span: bool = False  # one cell over the full width (group heading, 无数据, note)
    group: str = ""  # the heading of the group this row belongs to


@dataclass
class Page:
    rows: list[Row] = field(default_factory=list)

    @property
    def has_table(self) -> bool:
        return any(r.kind != "note" for r in self.rows)


class Measurer:
    """Turns cell texts into measured cells for given column widths."""

    def __init__(self, col_widths: Sequence[float]) -> None:
        self.col_widths = list(col_widths)
        self.total_width = sum(col_widths)
        self._styles: dict[CellStyle, Any] = {}

    def cell(self, text: str, width: float, style: CellStyle) -> Cell:
        inner = width - 2 * PAD_H
        pieces = runs(text, style.face)
        if len(pieces) == 1 and pieces[0] == (style.face, text) and "\n" not in text:
            w = text_width(text, style.face, style.size)
            if w <= inner:
                return Cell(style, text=text, width=w, height=style.leading)
        if not text:
            return Cell(style, height=style.leading)
        para = self._para(text, style)
        _, h = para.wrap(inner, BIG)
        return Cell(style, para=para, height=float(h))

    def row(self, kind: Kind, texts: Sequence[str], styles: Sequence[CellStyle],
            group: str = "") -> Row:
        cells = [self.cell(t, w, s) for t, w, s in zip(texts, self.col_widths, styles,
                                                        strict=True)]
        return Row(kind, cells, max(c.height for c in cells) + 2 * PAD_V, group=group)

    def spanned(self, kind: Kind, text: str, style: CellStyle, group: str = "") -> Row:
        cell = self.cell(text, self.total_width, style)
        return Row(kind, [cell], cell.height + 2 * PAD_V, span=True, group=group)

    def split(self, row: Row, avail: float) -> tuple[Row, Row] | None:
        """Cut a row taller than a page at ``avail``; None if not even one line fits."""
        inner_h = avail - 2 * PAD_V
        widths = [self.total_width] if row.span else self.col_widths
        heads: list[Cell] = []
        tails: list[Cell] = []
        for cell, width in zip(row.cells, widths, strict=True):
            if cell.para is None or cell.height <= inner_h:
                heads.append(cell)
                tails.append(Cell(cell.style, height=0.0))
                continue
            parts = cell.para.split(width - 2 * PAD_H, inner_h)
            if len(parts) < 2:
                return None
            pieces = []
            for part in parts[:2]:
                _, h = part.wrap(width - 2 * PAD_H, BIG)
                pieces.append(Cell(cell.style, para=part, height=float(h)))
            heads.append(pieces[0])
            tails.append(pieces[1])
        head_h = max(c.height for c in heads) + 2 * PAD_V
        tail_h = max(c.height for c in tails) + 2 * PAD_V
        return (Row(row.kind, heads, head_h, row.span, row.group),
                Row(row.kind, tails, tail_h, row.span, row.group))

    def _para(self, text: str, style: CellStyle) -> Any:
        from reportlab.platypus import Paragraph

        ps = self._styles.get(style)
        if ps is None:
            ps = self._styles[style] = style.paragraph_style()
        return Paragraph(markup(text, style.face), ps)


def paginate(rows: Sequence[Row], first_avail: float, other_avail: float, header: Row,
             continuation: dict[str, Row], measurer: Measurer) -> list[Page]:
    """Cut rows into pages. ``*_avail`` is the body height below the title or running head;
    the column header takes its share on every page that holds table rows."""
    pages = [Page()]
    remaining = first_avail - header.height

    def new_page(next_row: Row) -> None:
        nonlocal remaining
        pages.append(Page())
        remaining = other_avail - (0 if next_row.kind == "note" else header.height)
        if next_row.group and next_row.kind in ("data", "subtotal"):
            cont = continuation[next_row.group]
            pages[-1].rows.append(cont)
            remaining -= cont.height

    def fresh() -> bool:
        # a page that holds nothing, or only a continued heading, takes any row
        return all(r.kind == "group" for r in pages[-1].rows)

    for i, row in enumerate(rows):
        need = row.height
        if row.kind == "group" and i + 1 < len(rows) and rows[i + 1].kind != "group":
            need += rows[i + 1].height  # keep a heading with its first row
        if need > remaining + 1e-6 and not fresh():
            new_page(row)
        while row.height > remaining + 1e-6:
            cut = measurer.split(row, remaining)
            if cut is None:
                if fresh():
                    break  # not one line fits even on a new page: let it run over
                new_page(row)
                continue
            pages[-1].rows.append(cut[0])
            row = cut[1]
            new_page(row)
        pages[-1].rows.append(row)
        remaining -= row.height
    return pages


def draw_rows(canvas: Any, rows: Sequence[Row], x0: float, top: float,
              col_widths: Sequence[float], zebra: bool) -> float:
    """Draw rows (the header first) from ``top`` down with a thin grid; return the bottom."""
    from reportlab.lib.colors import Color

    fills = {"header": Color(0.88, 0.88, 0.88), "group": Color(0.94, 0.94, 0.94),
             "subtotal": Color(0.96, 0.96, 0.96)}
    zebra_fill = Color(0.965, 0.965, 0.965)
    width = sum(col_widths)
    xs = [x0]
    for w in col_widths:
        xs.append(xs[-1] + w)
    y = top
    ys = [top]
    band = 0
    canvas.saveState()
    for row in rows:
        fill = fills.get(row.kind)
        band = 0 if row.kind != "data" else band + 1
        if fill is None and zebra and row.kind == "data" and band % 2 == 0:
            fill = zebra_fill
        if fill is not None:
            canvas.setFillColor(fill)
            canvas.rect(x0, y - row.height, width, row.height, stroke=0, fill=1)
        y -= row.height
        ys.append(y)
    canvas.restoreState()
    y = top
    tx = canvas.beginText()  # one text object for all plain cells of the page
    tx.bz_font = None
    for row in rows:
        _draw_cells(canvas, row, xs, y, tx)
        y -= row.height
    canvas.drawText(tx)
    table_rows = [r for r in rows if r.kind != "note"]
    _draw_grid(canvas, table_rows, xs, ys[: len(table_rows) + 1])
    return y


def _draw_cells(canvas: Any, row: Row, xs: Sequence[float], top: float, tx: Any) -> None:
    mid = top - row.height / 2
    bounds = [(xs[0], xs[-1])] if row.span else list(pairwise(xs))
    for cell, (left, right) in zip(row.cells, bounds, strict=True):
        if cell.para is not None:
            cell.para.drawOn(canvas, left + PAD_H, mid - cell.height / 2)
        elif cell.text:
            style = cell.style
            baseline = mid - style.leading / 2 + style.leading - style.size
            if style.align == "left":
                x = left + PAD_H
            elif style.align == "right":
                x = right - PAD_H - cell.width
            else:
                x = (left + right - cell.width) / 2
            if tx.bz_font != (style.face, style.size):
                tx.setFont(style.face, style.size)
                tx.bz_font = (style.face, style.size)
            tx.setTextOrigin(x, baseline)
            tx.textOut(cell.text)


def _draw_grid(canvas: Any, rows: Sequence[Row], xs: Sequence[float],
               ys: Sequence[float]) -> None:
    if not rows:
        return
    canvas.saveState()
    canvas.setLineWidth(0.5)
    path = canvas.beginPath()
    for y in ys:
        path.moveTo(xs[0], y)
        path.lineTo(xs[-1], y)
    for x in xs[1:-1]:
        start: float | None = None
        for row, y_top in zip(rows, ys, strict=False):
            if row.span:
                if start is not None:
                    path.moveTo(x, start)
                    path.lineTo(x, y_top)
                    start = None
            elif start is None:
                start = y_top
        if start is not None:
            path.moveTo(x, start)
            path.lineTo(x, ys[-1])
    canvas.drawPath(path, stroke=1, fill=0)
    canvas.setLineWidth(0.9)
    canvas.rect(xs[0], ys[-1], xs[-1] - xs[0], ys[0] - ys[-1], stroke=1, fill=0)
    canvas.restoreState()
