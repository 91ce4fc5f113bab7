"""Writing a report file: atomically, with progress and a cancel check.

The PDF is written to ``<out>.part`` and renamed over ``<out>`` only when it is complete, so a
cancelled or failed report never leaves a half file (and never destroys the previous one).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar

from bzdesk.errors import Cancelled, ValidationError

Progress = Callable[[int, int, str], None]
CancelCheck = Callable[[], bool]
P = TypeVar("P")

MM = 72 / 25.4  # points per millimetre

CANCELLED_MESSAGE = "已取消生成报表，没有保存文件。"


@dataclass(frozen=True)
class ReportResult:
    """What was written: the file, its page count and the number of table rows."""

    path: Path
    pages: int
    rows: int


class Steps:
    """Progress reporting and the cancel check of one report run."""

    def __init__(self, progress: Progress | None, cancelled: CancelCheck | None,
                 total: int) -> None:
        self._progress = progress
        self._cancelled = cancelled
        self.total = max(total, 1)

    def check(self) -> None:
        if self._cancelled is not None and self._cancelled():
            raise Cancelled(CANCELLED_MESSAGE)

    def report(self, done: int, message: str) -> None:
        self.check()
        if self._progress is not None:
            self._progress(min(done, self.total), self.total, message)


@contextmanager
def atomic_output(out: Path | str) -> Iterator[Path]:
    """Yield the ``.part`` path to write; on success it replaces ``out``, otherwise it goes."""
    target = Path(out)
    if target.is_dir():
        raise _cannot_write(target, f"{target} 是一个文件夹，请给出要保存的文件名。")
    if not target.parent.is_dir():
        raise _cannot_write(target, f"保存位置 {target.parent} 不存在，请选择已有的文件夹。")
    part = target.with_name(target.name + ".part")
    try:
        yield part
        os.replace(part, target)
    except BaseException as exc:
        part.unlink(missing_ok=True)
        if isinstance(exc, PermissionError):
            raise _cannot_write(target, f"无法写入 {target}：没有权限，或文件正被其他程序"
                                        "（如 PDF 阅读器）打开。请关闭后重试。") from exc
        if isinstance(exc, OSError):
            raise _cannot_write(target, f"无法写入 {target}（{exc.strerror or exc}）。"
                                        "请检查磁盘空间和文件夹权限。") from exc
        raise


def _cannot_write(target: Path, reason: str) -> ValidationError:
    return ValidationError.single("输出文件", str(target), reason, "cannot_write")


def new_canvas(part: Path, pagesize: tuple[float, float], *, title: str, author: str,
               subject: str) -> Any:
    """A reportlab canvas whose default font is the shipped 宋体 (no unembedded Helvetica)."""
    from reportlab.pdfgen.canvas import Canvas

    from bzdesk.reports.fonts import faces

    song = faces().song
    canvas = Canvas(str(part), pagesize=pagesize, pageCompression=1, initialFontName=song,
                    initialFontSize=10, initialLeading=12)
    canvas.setTitle(title)
    canvas.setAuthor(author)
    canvas.setSubject(subject)
    canvas.setCreator("编制桌面 bzdesk")
    return canvas


def write_pages(out: Path | str, pages: Sequence[P], draw: Callable[[Any, int, P], None], *,
                pagesize: tuple[float, float], title: str, author: str, subject: str,
                steps: Steps, done: int = 0, units: Callable[[P], int] = lambda _: 1) -> None:
    """Draw ``pages`` one by one (``draw(canvas, number, page)``) into ``out``, atomically,
    reporting progress after ``done`` units of earlier work and ``units(page)`` per page."""
    with atomic_output(out) as part:
        canvas = new_canvas(part, pagesize, title=title, author=author, subject=subject)
        for number, page in enumerate(pages, start=1):
            steps.report(done, f"正在生成第 {number} 页，共 {len(pages)} 页…")
            draw(canvas, number, page)
            canvas.showPage()
            done += units(page)
        steps.report(steps.total, "正在保存文件…")
        canvas.save()
    steps.report(steps.total, "已完成")


def format_date(value: date | str) -> str:
    """2024年6月30日 (a string is taken as written, e.g. 2024年度)."""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return f"{value.year}年{value.month}月{value.day}日"
    return value
