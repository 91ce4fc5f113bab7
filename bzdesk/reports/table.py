"""``TableReport``: a statistics table or roster as an A4 landscape PDF.

Page 1 carries the title, the office (填报单位) and the statistics date; later pages a one-line
running head with both. Every page repeats the column header and ends with
"第 N 页 共 M 页" and the time the report was generated. Rows may be grouped (a heading row
such as the unit's name, repeated as "…（续）" when a group runs over a page) and carry
subtotal rows. Long cell text wraps inside its column; nothing ever runs out of the page.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from bzdesk.reports.fonts import draw_text, faces, markup
from bzdesk.reports.output import (
    MM,
    CancelCheck,
    Progress,
    ReportResult,
    Steps,
    format_date,
    write_pages,
)
from bzdesk.reports.table_layout import (
    BIG,
    Align,
    CellStyle,
    Kind,
    Measurer,
    Page,
    Row,
    draw_rows,
    paginate,
)

PAGE_WIDTH, PAGE_HEIGHT = 297 * MM, 210 * MM
MARGIN_X = 15 * MM
MARGIN_TOP = 12 * MM
MARGIN_BOTTOM = 15 * MM
FOOTER_BASELINE = 8 * MM
NO_DATA = "（无数据）"


@dataclass(frozen=True)
class Column:
    """A column: its header text, its width relative to the others, and its alignment."""

    title: str
    width: float = 1.0
    align: Align = "left"


@dataclass(frozen=True)
class _Item:
    kind: Kind
    cells: tuple[str, ...]


def cell_text(value: object) -> str:
    """How a value reads in a cell (None → empty, 2024-06-30, 是/否, 12.5)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".")
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


class TableReport:
    """Collect rows with ``add_row``/``start_group``/``add_subtotal``, then ``write``."""

    def __init__(self, title: str, columns: Sequence[Column], *, office_name: str,
                 stat_date: date | str, subtitle: str = "", notes: Sequence[str] = (),
                 generated_at: datetime | None = None, font_size: float = 10.5,
                 zebra: bool = False) -> None:
        if not columns:
            raise ValueError("a table report needs at least one column")
        self.title = title
        self.columns = tuple(columns)
        self.office_name = office_name
        self.stat_date = stat_date
        self.subtitle = subtitle
        self.notes = tuple(notes)
        self.generated_at = generated_at
        self.font_size = font_size
        self.zebra = zebra
        self._items: list[_Item] = []
        self._rows = 0

    # -- collecting ------------------------------------------------------------------------

    def add_row(self, cells: Sequence[object]) -> None:
        self._items.append(_Item("data", self._texts(cells)))
        self._rows += 1

    def add_rows(self, rows: Iterable[Sequence[object]]) -> None:
        for cells in rows:
            self.add_row(cells)

    def start_group(self, heading: str) -> None:
        """Rows added from now on belong to a group with this heading (e.g. the unit)."""
        self._items.append(_Item("group", (heading,)))

    def add_subtotal(self, cells: Sequence[object]) -> None:
        """A shaded 小计/合计 row."""
        self._items.append(_Item("subtotal", self._texts(cells)))

    @property
    def row_count(self) -> int:
        return self._rows

    def _texts(self, cells: Sequence[object]) -> tuple[str, ...]:
        if len(cells) != len(self.columns):
            raise ValueError(f"row has {len(cells)} cells, the report has "
                             f"{len(self.columns)} columns")
        return tuple(cell_text(v) for v in cells)

    # -- writing ---------------------------------------------------------------------------

    def write(self, out: Path | str, *, progress: Progress | None = None,
              cancelled: CancelCheck | None = None) -> ReportResult:
        """Write the PDF to ``out`` (via ``out.part``). Raises ``Cancelled`` when asked to
        stop (no file is left behind) and ``ValidationError`` when ``out`` cannot be written."""
        steps = Steps(progress, cancelled, 2 * len(self._items))
        steps.report(0, "正在排版…")
        layout = _Layout(self)
        rows = layout.measure(self._items, steps)
        pages = paginate(rows, layout.first_avail, layout.other_avail, layout.header,
                         layout.continuation, layout.measurer)
        generated = (self.generated_at or datetime.now()).strftime("%Y-%m-%d %H:%M")

        def draw(canvas: Any, number: int, page: Page) -> None:
            layout.draw_page(canvas, page, number, len(pages), generated)

        write_pages(out, pages, draw, pagesize=(PAGE_WIDTH, PAGE_HEIGHT), title=self.title,
                    author=self.office_name, subject=f"统计日期：{layout.date}", steps=steps,
                    done=len(self._items),
                    units=lambda page: sum(1 for r in page.rows if r.kind != "note"))
        return ReportResult(Path(out), len(pages), self._rows)


class _Layout:
    """Fonts, styles and the fixed blocks (title, running head, header row) of one run."""

    def __init__(self, report: TableReport) -> None:
        from reportlab.platypus import Paragraph

        self.report = report
        f = faces()
        size = report.font_size
        leading = round(size * 1.3, 2)
        total = sum(c.width for c in report.columns)
        table_width = PAGE_WIDTH - 2 * MARGIN_X
        self.col_widths = [table_width * c.width / total for c in report.columns]
        self.measurer = Measurer(self.col_widths)
        self.body = [CellStyle(f.song, size, leading, c.align) for c in report.columns]
        self.head_style = CellStyle(f.heiti, size, leading, "center")
        self.group_style = CellStyle(f.heiti, size, leading, "left")
        self.note_style = CellStyle(f.song, size, leading, "left")
        self.header = self.measurer.row("header", [c.title for c in report.columns],
                                        [self.head_style] * len(report.columns))
        self.continuation: dict[str, Row] = {}
        self.date = format_date(report.stat_date)
        self.song = f.song

        def para(text: str, face: str, size: float, align: Align) -> Any:
            style = CellStyle(face, size, round(size * 1.35, 2), align)
            p = Paragraph(markup(text, face), style.paragraph_style())
            p.wrap(table_width, BIG)
            return p

        self.title_block = [para(report.title, f.xiaobiaosong, 18, "center")]
        if report.subtitle:
            self.title_block.append(para(report.subtitle, f.song, 12, "center"))
        self.info = (para(f"填报单位：{report.office_name}", f.song, 10.5, "left"),
                     para(f"统计日期：{self.date}", f.song, 10.5, "right"))
        self.running = (para(f"{report.office_name}　{report.title}", f.song, 9, "left"),
                        para(f"统计日期：{self.date}", f.song, 9, "right"))
        title_h = sum(p.height for p in self.title_block) + 4 * (len(self.title_block) - 1)
        info_h = max(p.height for p in self.info)
        self.first_top = PAGE_HEIGHT - MARGIN_TOP - title_h - 6 - info_h - 4
        self.other_top = PAGE_HEIGHT - MARGIN_TOP - max(p.height for p in self.running) - 4
        self.first_avail = self.first_top - MARGIN_BOTTOM
        self.other_avail = self.other_top - MARGIN_BOTTOM

    def measure(self, items: Sequence[_Item], steps: Steps) -> list[Row]:
        rows: list[Row] = []
        m = self.measurer
        group = ""
        for i, item in enumerate(items):
            if i % 256 == 0:
                steps.report(i, "正在排版…")
            if item.kind == "group":
                group = item.cells[0]
                rows.append(m.spanned("group", group, self.group_style, group))
                if group not in self.continuation:
                    self.continuation[group] = m.spanned("group", f"{group}（续）",
                                                         self.group_style, group)
            else:
                rows.append(m.row(item.kind, item.cells, self.body, group))
        if not any(r.kind == "data" for r in rows):
            rows.append(m.spanned("empty", NO_DATA, CellStyle(
                self.song, self.report.font_size, self.body[0].leading, "center")))
        for note in self.report.notes:
            rows.append(m.spanned("note", note, self.note_style))
        return rows

    def draw_page(self, canvas: Any, page: Page, number: int, total: int,
                  generated: str, *, first: bool | None = None) -> None:
        """``first``: the table's first page (title block) — page 1 unless the table
        follows a cover or 说明 in a longer file."""
        left, right = MARGIN_X, PAGE_WIDTH - MARGIN_X
        y = PAGE_HEIGHT - MARGIN_TOP
        if number == 1 if first is None else first:
            for p in self.title_block:
                y -= p.height
                p.drawOn(canvas, left, y)
                y -= 4
            y -= 2
            info_h = max(p.height for p in self.info)
            for p in self.info:
                p.drawOn(canvas, left, y - info_h)
            top = self.first_top
        else:
            head_h = max(p.height for p in self.running)
            for p in self.running:
                p.drawOn(canvas, left, y - head_h)
            canvas.saveState()
            canvas.setLineWidth(0.4)
            canvas.line(left, y - head_h - 2, right, y - head_h - 2)
            canvas.restoreState()
            top = self.other_top
        rows = [self.header, *page.rows] if page.has_table else page.rows
        draw_rows(canvas, rows, left, top, self.col_widths, self.report.zebra)
        draw_text(canvas, PAGE_WIDTH / 2, FOOTER_BASELINE, f"第 {number} 页 共 {total} 页",
                  self.song, 9, "center")
        draw_text(canvas, right, FOOTER_BASELINE, f"生成时间：{generated}", self.song, 8,
                  "right")

