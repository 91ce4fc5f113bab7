"""Print preview and printing of a report PDF.

PySide6-Essentials has no QtPdf (``import PySide6.QtPdf`` fails), so Qt cannot read a PDF
itself. Redrawing the reports with QPainter would be a second layout that could drift from
the PDF, so the PDF stays the one layout: its pages are rasterised by poppler's
``pdftoppm`` (a copy shipped in ``resources/bin`` — the Windows build — or the system's:
UOS and Kylin have poppler-utils) and shown page by page in the background at screen
resolution. Printing goes through Qt's QPrintDialog; each page is rendered at the
printer's resolution (at most 300 dpi) and painted full-page, portrait or landscape as the
PDF page is, so paper and PDF agree. Without pdftoppm the preview says so and offers the
system's PDF reader, which can print as well.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QUrl, Signal
from PySide6.QtGui import (
    QDesktopServices,
    QImage,
    QKeySequence,
    QPageLayout,
    QPainter,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressDialog,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from bzdesk.errors import BzError
from bzdesk.paths import resources_dir
from ui import ops
from ui.errors import show_error

translate = QCoreApplication.translate

PREVIEW_DPI = 120
PRINT_DPI = 300
ZOOMS = {"page": 0.0, "width": -1.0, "75%": 0.75, "100%": 1.0, "150%": 1.5}


def renderer() -> str | None:
    """The pdftoppm to use: the shipped one, else the system's; None when there is none."""
    name = "pdftoppm.exe" if sys.platform == "win32" else "pdftoppm"
    shipped = resources_dir() / "bin" / name
    if shipped.is_file():
        return str(shipped)
    return shutil.which("pdftoppm")


def render_page(pdf: Path, page: int, dpi: int, gray: bool = False) -> QImage:
    """One page as an image (runs pdftoppm; call it from a worker)."""
    exe = renderer()
    if exe is None:
        raise BzError(translate("print",
                                "本机没有 PDF 预览组件（pdftoppm），请用 PDF 阅读器打开。"))
    flags = getattr(subprocess, "CREATE_NO_WINDOW", 0)  # no console window on Windows
    args = [exe, "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile"]
    done = subprocess.run([*args, *(["-gray"] if gray else []), str(pdf)], capture_output=True,
                          timeout=120, creationflags=flags, check=False)
    image = QImage.fromData(done.stdout)  # PPM / PGM on stdout: no encoding to undo
    if done.returncode != 0 or image.isNull():
        raise BzError(translate("print", "无法显示第 {0} 页：{1}").format(
            page, done.stderr.decode("utf-8", "replace").strip() or done.returncode))
    return image


class PrintJob(QObject):
    """Render page n+1 in the background while page n goes to the printer: one page in
    memory at a time, a progress dialog with 取消, the printer aborted on cancel."""

    finished = Signal(int)  # pages printed (0 when cancelled or failed)

    def __init__(self, parent: QWidget | None, printer: QPrinter, pdf: Path, first: int,
                 last: int, dpi: int) -> None:
        super().__init__(parent)
        self.parent_widget, self.printer, self.pdf = parent, printer, pdf
        self.first, self.last, self.dpi = first, last, dpi
        self.painter = QPainter()
        self.printed = 0
        self.progress = QProgressDialog(translate("print", "正在打印…"), translate("print", "取消"),
                                        0, last - first + 1, parent)
        self.progress.setWindowTitle(translate("print", "打印"))
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(0)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)

    def start(self) -> None:
        self.progress.setValue(0)
        self._render(self.first)

    def _render(self, page: int) -> None:
        self.progress.setLabelText(translate("print", "正在打印第 {0} 页（{1}–{2}）…").format(
            page, self.first, self.last))
        ops.run_call(self.parent_widget, render_page, self.pdf, page, self.dpi, True,
                     writer=False, on_success=lambda image: self._paint(page, image),
                     on_error=self._failed)

    def _paint(self, page: int, image: QImage) -> None:
        if self.progress.wasCanceled():
            self._stop(aborted=True)
            return
        landscape = image.width() > image.height()
        self.printer.setPageOrientation(QPageLayout.Orientation.Landscape if landscape
                                        else QPageLayout.Orientation.Portrait)
        if page == self.first:
            if not self.painter.begin(self.printer):
                self._stop(aborted=True)
                show_error(self.parent_widget,
                           BzError(translate("print", "无法开始打印，请检查打印机。")))
                return
        else:
            self.printer.newPage()
        self.painter.drawImage(self.printer.paperRect(QPrinter.Unit.DevicePixel), image)
        self.printed += 1
        self.progress.setValue(self.printed)
        if page < self.last:
            self._render(page + 1)
        else:
            self._stop(aborted=False)

    def _failed(self, _exc: BaseException) -> bool:
        self._stop(aborted=True)
        return False  # ops shows it once

    def _stop(self, *, aborted: bool) -> None:
        if self.painter.isActive():
            if aborted:
                self.printer.abort()
            self.painter.end()
        self.progress.reset()
        self.progress.hide()
        self.progress.deleteLater()
        self.finished.emit(0 if aborted else self.printed)
        self.deleteLater()


def print_pdf(parent: QWidget | None, pdf: Path, pages: int, title: str) -> PrintJob | None:
    """Ask for the printer and pages (QPrintDialog), then print; None when not printed."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    printer.setFullPage(True)  # the PDF page already has its margins
    dialog = QPrintDialog(printer, parent)
    try:
        dialog.setWindowTitle(translate("print", "打印 {0}").format(title))
        dialog.setMinMax(1, pages)
        dialog.setFromTo(1, pages)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        first, last = 1, pages
        if dialog.printRange() == QAbstractPrintDialog.PrintRange.PageRange:
            first, last = max(1, printer.fromPage()), min(pages, printer.toPage() or pages)
    finally:
        # The dialog keeps a pointer to the printer: it must go first, not later with its
        # parent (a dangling QPrinter* in a child dialog crashes when the parent is deleted).
        shiboken6.delete(dialog)
    job = PrintJob(parent, printer, pdf, first, max(first, last),
                   max(72, min(PRINT_DPI, printer.resolution())))
    job.start()
    return job


class PrintPreview(QDialog):
    """One page at a time, rendered in the background; print, export and open buttons."""

    def __init__(self, pdf: Path, pages: int, title: str, parent: QWidget | None = None,
                 export: Callable[[], object] | None = None) -> None:
        super().__init__(parent)
        self.pdf, self.pages, self.title = pdf, max(1, pages), title
        self._images: dict[int, QImage] = {}
        self._waiting: set[int] = set()
        self.setWindowTitle(self.tr("打印预览 — {0}").format(title))
        self.resize(1000, 760)
        self.available = renderer() is not None

        self.previous = QPushButton(self.tr("上一页"))
        self.previous.setShortcut(QKeySequence(Qt.Key.Key_PageUp))
        self.next = QPushButton(self.tr("下一页"))
        self.next.setShortcut(QKeySequence(Qt.Key.Key_PageDown))
        self.number = QSpinBox()
        self.number.setRange(1, self.pages)
        self.zoom = QComboBox()
        for key, label in (("page", self.tr("整页")), ("width", self.tr("适合宽度")),
                           ("75%", "75%"), ("100%", "100%"), ("150%", "150%")):
            self.zoom.addItem(label, key)
        self.print_button = QPushButton(self.tr("打印…"))
        self.export_button = QPushButton(self.tr("导出 Excel…"))
        self.open_button = QPushButton(self.tr("用 PDF 阅读器打开"))
        close = QPushButton(self.tr("关闭"))
        bar = QHBoxLayout()
        for widget in (self.previous, self.number, QLabel(self.tr("共 {0} 页").format(
                self.pages)), self.next, QLabel(self.tr("显示：")), self.zoom):
            bar.addWidget(widget)
        bar.addStretch(1)
        for widget in (self.print_button, self.export_button, self.open_button, close):
            bar.addWidget(widget)

        self.page_view = QLabel()
        self.page_view.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.page_view.setStyleSheet("background: #808080;")
        self.area = QScrollArea()
        self.area.setWidget(self.page_view)
        self.area.setWidgetResizable(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.area, 1)
        layout.addWidget(self.status)

        self.previous.clicked.connect(lambda: self.number.setValue(self.number.value() - 1))
        self.next.clicked.connect(lambda: self.number.setValue(self.number.value() + 1))
        self.number.valueChanged.connect(self.show_page)
        self.zoom.currentIndexChanged.connect(lambda _i: self._display())
        self.print_button.clicked.connect(self.print_now)
        self.open_button.clicked.connect(self.open_externally)
        close.clicked.connect(self.reject)
        self.export_button.setVisible(export is not None)
        if export is not None:
            self.export_button.clicked.connect(lambda: export())
        self.print_button.setEnabled(self.available)
        if not self.available:
            self.status.setText(self.tr("本机没有 PDF 预览组件（pdftoppm），无法在这里显示和打印。"
                                        "报表已生成：{0}。请点“用 PDF 阅读器打开”查看和打印。")
                                .format(pdf))
        self.show_page(1)

    def current(self) -> int:
        return self.number.value()

    def image(self, page: int) -> QImage | None:
        return self._images.get(page)

    def show_page(self, page: int) -> None:
        self.previous.setEnabled(page > 1)
        self.next.setEnabled(page < self.pages)
        if not self.available:
            return
        if page in self._images:
            self._display()
            return
        self.status.setText(self.tr("正在显示第 {0} 页…").format(page))
        if page not in self._waiting:
            self._waiting.add(page)
            ops.run_call(self, render_page, self.pdf, page, PREVIEW_DPI, writer=False,
                         on_success=partial(self._rendered, page),
                         on_error=partial(self._not_rendered, page))

    def _rendered(self, page: int, image: QImage) -> None:
        self._waiting.discard(page)
        self._images[page] = image
        if page == self.current():
            self.status.clear()
            self._display()

    def _not_rendered(self, page: int, _exc: BaseException) -> bool:
        self._waiting.discard(page)
        self.status.clear()
        return False  # ops shows the reason once

    def _display(self) -> None:
        image = self._images.get(self.current())
        if image is None:
            return
        zoom = ZOOMS[str(self.zoom.currentData())]
        room = self.area.viewport().size()
        if zoom == 0.0:  # the whole page
            scale = min((room.width() - 8) / image.width(), (room.height() - 8) / image.height())
        elif zoom < 0:  # fit the width
            scale = (room.width() - 8) / image.width()
        else:  # relative to the screen's logical dpi
            scale = zoom * self.logicalDpiX() / PREVIEW_DPI
        pixmap = QPixmap.fromImage(image)
        self.page_view.setPixmap(pixmap.scaled(max(1, int(image.width() * scale)),
                                               max(1, int(image.height() * scale)),
                                               Qt.AspectRatioMode.KeepAspectRatio,
                                               Qt.TransformationMode.SmoothTransformation))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._display()

    def print_now(self) -> PrintJob | None:
        job = print_pdf(self, self.pdf, self.pages, self.title)
        if job is not None:
            job.finished.connect(self._printed)
        return job

    def _printed(self, count: int) -> None:
        self.status.setText(self.tr("已送往打印机：{0} 页。").format(count) if count
                            else self.tr("没有打印。"))

    def open_externally(self) -> bool:
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.pdf)))
