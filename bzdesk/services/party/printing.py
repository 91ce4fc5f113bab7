"""The printable meeting record (会议记录) of one activity, as an A4 PDF.

bzdesk.reports has tables (TableReport, landscape) and 公文 pages (DocumentPage,
"— 1 —" numbers); a meeting record is a portrait form — particulars, attendance,
then free text of any length — with the office in the header of every page and
"第 N 页 共 M 页" in the footer, so it is laid out here with reportlab's platypus,
in the shipped fonts (bzdesk.reports.fonts: every character has a glyph).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from bzdesk.reports.fonts import draw_text, faces, markup
from bzdesk.reports.output import CancelCheck, Progress, ReportResult, Steps, atomic_output
from bzdesk.roles import Actor, Can, require
from bzdesk.services.office import current_office
from bzdesk.services.party.activities import get_activity
from bzdesk.services.party.views import ActivityView

MM = 72 / 25.4
PAGE = (210 * MM, 297 * MM)
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 22 * MM, 25 * MM, 22 * MM
BODY, SMALL = 11.5, 9.0


def _people(view: ActivityView, status: str) -> str:
    chosen = [a for a in view.attendance if a.status == status]
    if not chosen:
        return "无"
    return "、".join(f"{a.member_name}（{a.reason}）" if a.reason else a.member_name
                    for a in chosen)


def _particulars(view: ActivityView) -> list[tuple[str, str]]:
    r = view.row
    rows = [("党组织", r.org_name), ("活动类型", r.type_name),
            ("时间", f"{r.held_on.year}年{r.held_on.month}月{r.held_on.day}日"),
            ("地点", view.place or "—"), ("主持人", view.host or "—"),
            ("记录人", view.recorder or "—"), ("主题", r.topic),
            ("第一议题", "是" if r.first_topic else "否"),
            ("人数", f"应到 {r.expected} 人，实到 {r.present} 人，请假 {r.leave} 人，"
                     f"缺席 {r.absent} 人"),
            ("出席人员", _people(view, "出席")), ("请假人员", _people(view, "请假")),
            ("缺席人员", _people(view, "缺席"))]
    return rows


def _sections(view: ActivityView) -> list[tuple[str, str]]:
    parts = [("中心发言", view.speakers), ("学习材料", view.materials),
             ("会议内容", view.content or "（未填写）"), ("决议事项", view.resolutions or "无")]
    files = "\n".join(f"{i}. {a.file_name}{f'（{a.caption}）' if a.caption else ''}"
                      for i, a in enumerate(view.attachments, start=1))
    return [(title, text) for title, text in [*parts, ("附件", files)] if text]


def _story(view: ActivityView) -> list[Any]:
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    f = faces()
    body = ParagraphStyle("body", fontName=f.song, fontSize=BODY, leading=BODY * 1.6,
                          wordWrap="CJK")
    label = ParagraphStyle("label", parent=body, fontName=f.heiti)
    title = ParagraphStyle("title", fontName=f.xiaobiaosong, fontSize=18, leading=26,
                           alignment=TA_CENTER, wordWrap="CJK")
    heading = ParagraphStyle("heading", parent=label, spaceBefore=8, spaceAfter=2)
    width = PAGE[0] - 2 * MARGIN_X
    table = Table([[Paragraph(markup(k, f.heiti), label), Paragraph(markup(v, f.song), body)]
                   for k, v in _particulars(view)], colWidths=[26 * MM, width - 26 * MM])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                               ("FONTNAME", (0, 0), (-1, -1), f.song),  # not Helvetica
                               ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#F2F2F2"))]))
    story: list[Any] = [Paragraph(markup(f"{view.row.type_name}记录", f.xiaobiaosong), title),
                        Spacer(1, 6 * MM), table]
    for name, text in _sections(view):
        story.append(Paragraph(markup(name, f.heiti), heading))
        story.extend(Paragraph(markup(line, f.song), body) if line.strip() else Spacer(1, 4)
                     for line in text.split("\n"))
    return story


def _canvas_class(office: str, title: str) -> type:
    """A canvas that holds pages back until the end, so each footer knows the total."""
    from reportlab.pdfgen.canvas import Canvas

    song = faces().song

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                left, right = MARGIN_X, PAGE[0] - MARGIN_X
                top = PAGE[1] - 14 * MM
                draw_text(self, left, top, office, song, SMALL)
                draw_text(self, right, top, title, song, SMALL, "right")
                self.setLineWidth(0.4)
                self.line(left, top - 2.5 * MM, right, top - 2.5 * MM)
                draw_text(self, PAGE[0] / 2, 12 * MM, f"第 {number} 页 共 {total} 页", song,
                          SMALL, "center")
                super().showPage()
            super().save()

    return NumberedCanvas


def print_activity(session: Session, actor: Actor, activity_id: str, out: Path, *,
                   progress: Progress | None = None,
                   cancelled: CancelCheck | None = None) -> ReportResult:
    """Write the meeting record of one activity to ``out`` (via ``out.part``)."""
    require(actor, Can.READ)
    view = get_activity(session, actor, activity_id)
    office = current_office(session).name
    from reportlab.platypus import SimpleDocTemplate

    steps = Steps(progress, cancelled, 2)
    steps.report(0, "正在排版…")
    title = f"{view.row.org_name}{view.row.type_name}记录"
    with atomic_output(out) as part:
        doc = SimpleDocTemplate(str(part), pagesize=PAGE, leftMargin=MARGIN_X,
                                rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
                                bottomMargin=MARGIN_BOTTOM, title=title, author=office,
                                creator="编制桌面 bzdesk", pageCompression=1,
                                initialFontName=faces().song, initialFontSize=10,
                                initialLeading=12)
        doc.build(_story(view), canvasmaker=_canvas_class(office, title))
        pages = doc.page
    steps.report(2, "已完成")
    return ReportResult(Path(out), pages, len(view.attendance))
