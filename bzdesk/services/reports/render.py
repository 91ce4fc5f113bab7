"""A ``Report`` as one PDF (cover and 说明 as GB/T 9704 pages, then the tables on A4
landscape) or as one .xlsx workbook (a sheet per table).

bzdesk.reports writes one ``DocumentPage`` or one ``TableReport`` per file. A report here is
several of them in one file, so this module lays each part out with the layer's own
measuring and pagination and draws every page on a single canvas (portrait or landscape per
page). The page counter is the file's: a table page says 第 N 页 共 M 页 with N and M
counted over the whole file, the 说明 page carries its physical number as "— 2 —". The
parts' pages are reached through their (private) layout objects: the layer has no public
"pages" API yet; this is the one place that depends on it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from bzdesk.excel.spec import ColumnSpec, SheetSpec
from bzdesk.excel.writer import write_table
from bzdesk.reports.document import PAGE_HEIGHT as DOC_HEIGHT
from bzdesk.reports.document import PAGE_WIDTH as DOC_WIDTH
from bzdesk.reports.output import (
    CancelCheck,
    Progress,
    ReportResult,
    Steps,
    atomic_output,
    format_date,
    new_canvas,
)
from bzdesk.reports.pdf import Column, DocumentPage, TableReport
from bzdesk.reports.table import PAGE_HEIGHT as TABLE_HEIGHT
from bzdesk.reports.table import PAGE_WIDTH as TABLE_WIDTH
from bzdesk.reports.table import _Layout
from bzdesk.reports.table_layout import paginate
from bzdesk.services.reports.model import Report, Table, pdf_text


@dataclass
class _Part:
    """The laid-out pages of one part and how to draw one of them."""

    size: tuple[float, float]
    pages: list[Any]
    draw: Callable[[Any, Any, int, int], None]  # (canvas, page, number, total)


class _Offset(Steps):
    """Progress of one part reported as a stretch of the whole run."""

    def __init__(self, whole: Steps, offset: int) -> None:
        super().__init__(None, None, whole.total)
        self.whole, self.offset = whole, offset

    def check(self) -> None:
        self.whole.check()

    def report(self, done: int, message: str) -> None:
        self.whole.report(self.offset + done, message)


def front_matter(report: Report) -> DocumentPage:
    """Cover (title, office, statistics day) and the 说明 page, both GB/T 9704."""
    doc = DocumentPage(office_name=report.office)
    lines = [report.office]
    if report.period:
        lines.append(f"统计期间：{report.period}")
    lines.append(f"统计日期：{format_date(report.stat_date)}")
    doc.cover(report.title, lines)
    doc.title("说明")
    for section in report.explanation:
        doc.heading(section.heading)
        for paragraph in section.paragraphs:
            doc.paragraph(paragraph)
    doc.signature(report.office, report.made_on)
    return doc


def table_report(report: Report, table: Table, generated_at: datetime) -> TableReport:
    out = TableReport(table.title, [Column(c.title, c.width, c.align) for c in table.columns],
                      office_name=report.office, stat_date=report.stat_date,
                      subtitle=table.subtitle, notes=table.notes, generated_at=generated_at,
                      font_size=table.font_size)
    for kind, cells in table.items:
        if kind == "group":
            out.start_group(str(cells[0]))
        elif kind == "row":
            out.add_row([pdf_text(v) for v in cells])
        else:
            out.add_subtotal([pdf_text(v) for v in cells])
    return out


def _document_part(doc: DocumentPage) -> _Part:
    pages = [p for p in doc._pages if any(p.lines)]

    def draw(canvas: Any, page: Any, number: int, _total: int) -> None:
        doc._draw(canvas, page)
        if page.numbered:
            doc._draw_number(canvas, number)

    return _Part((DOC_WIDTH, DOC_HEIGHT), pages, draw)


def _table_part(table: TableReport, steps: Steps, generated: str) -> _Part:
    layout = _Layout(table)
    rows = layout.measure(table._items, steps)
    pages = paginate(rows, layout.first_avail, layout.other_avail, layout.header,
                     layout.continuation, layout.measurer)

    first = pages[0]

    def draw(canvas: Any, page: Any, number: int, total: int) -> None:
        layout.draw_page(canvas, page, number, total, generated, first=page is first)

    return _Part((TABLE_WIDTH, TABLE_HEIGHT), pages, draw)


def write_pdf(report: Report, out: Path | str, *, progress: Progress | None = None,
              cancelled: CancelCheck | None = None) -> ReportResult:
    """Write ``report`` to ``out`` (via ``out.part``; nothing is left on cancel or error)."""
    generated_at = datetime.now()
    tables = [table_report(report, t, generated_at) for t in report.tables]
    items = [len(t._items) for t in tables]
    # units of work: laying out each item, then drawing each item (pages ≈ items / rows)
    steps = Steps(progress, cancelled, 2 * sum(items) + 2)
    steps.report(0, "正在排版…")
    parts = [_document_part(front_matter(report))]
    done = 1
    stamp = generated_at.strftime("%Y-%m-%d %H:%M")
    for table, count in zip(tables, items, strict=True):
        parts.append(_table_part(table, _Offset(steps, done), stamp))
        done += count
    total = sum(len(p.pages) for p in parts)
    with atomic_output(out) as part_file:
        canvas = new_canvas(part_file, parts[0].size, title=f"{report.office}{report.title}",
                            author=report.office,
                            subject=f"统计日期：{format_date(report.stat_date)}")
        number = 0
        for part in parts:
            for page in part.pages:
                number += 1
                steps.report(done, f"正在生成第 {number} 页，共 {total} 页…")
                canvas.setPageSize(part.size)
                part.draw(canvas, page, number, total)
                canvas.showPage()
                done += sum(1 for r in getattr(page, "rows", ()) if r.kind != "note")
        steps.report(steps.total, "正在保存文件…")
        canvas.save()
    steps.report(steps.total, "已完成")
    return ReportResult(Path(out), total, report.rows)


def _xlsx_width(col_width: float) -> float:
    return max(6.0, min(60.0, col_width * 9))


def _sheet(report: Report, table: Table) -> SheetSpec:
    columns: list[ColumnSpec] = [ColumnSpec(c.title.replace("\n", ""), _xlsx_width(c.width),
                                            c.kind) for c in table.columns]
    if table.group_column:
        columns.insert(0, ColumnSpec(table.group_column, 30))
    notes: Sequence[str] = (f"填报单位：{report.office}",
                            f"统计日期：{format_date(report.stat_date)}",
                            *([f"统计期间：{report.period}"] if report.period else []),
                            *table.notes)
    return SheetSpec(table.title, columns, table.sheet_rows(),
                     heading=f"{table.title}（{report.office}）", notes=notes)


def write_xlsx(report: Report, out: Path | str, *, progress: Progress | None = None,
               cancelled: CancelCheck | None = None) -> ReportResult:
    """The report's tables as one workbook, one sheet (and its 说明 sheet) per table."""
    steps = Steps(progress, cancelled, 2)
    steps.report(0, "正在写入 Excel…")
    with atomic_output(out) as part_file:  # the PDF's checks and clear messages
        write_table(part_file, [_sheet(report, t) for t in report.tables])
        steps.check()
    steps.report(2, "已完成")
    return ReportResult(Path(out), 0, report.rows)  # a workbook has no pages
