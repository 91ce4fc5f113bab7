"""统计报表: preview a report (pages rendered in the background), print it through a
patched QPrintDialog, save the PDF and the workbook, and choose the office's fonts."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QDialog, QFileDialog
from pytestqt.qtbot import QtBot

from bzdesk.reports import fonts
from bzdesk.services import reports
from bzdesk.workspace import Workspace
from ui import ops, print_preview
from ui.pages.base import PageContext
from ui.pages.reports import ReportsPage
from ui.print_preview import PrintPreview


@pytest.fixture
def page(qtbot: QtBot, ws: Workspace) -> Iterator[ReportsPage]:
    made = ReportsPage(PageContext(ws, ws.office()))
    qtbot.addWidget(made)
    made.show()
    qtbot.waitUntil(lambda: ops.pending() == 0)
    yield made  # held until pytest-qt has closed and deleted it


@pytest.fixture(autouse=True)
def _shipped_fonts() -> Iterator[None]:
    yield
    fonts.use_office_fonts(None, None, None)


def _preview(qtbot: QtBot, page: ReportsPage) -> PrintPreview:
    page.panel.open_preview()
    qtbot.waitUntil(lambda: page.panel.preview is not None and page.panel.preview.isVisible())
    preview = page.panel.preview
    assert preview is not None
    qtbot.waitUntil(lambda: preview.image(1) is not None)
    return preview


def _pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    return int(next(line.split()[-1] for line in info.stdout.splitlines()
                    if line.startswith("Pages:")))


def test_preview_shows_the_pages(qtbot: QtBot, page: ReportsPage) -> None:
    page.panel.choose("staffing")
    assert page.panel.kind().key == "staffing" and page.panel.day.isVisible()
    assert not page.panel.year.isVisible()
    preview = _preview(qtbot, page)
    assert preview.pages == _pages(preview.pdf) >= 3
    first = preview.image(1)
    assert first is not None and first.height() > first.width()  # the portrait cover
    assert preview.page_view.pixmap() is not None and not preview.page_view.pixmap().isNull()
    assert not preview.previous.isEnabled() and preview.next.isEnabled()
    preview.next.click()
    preview.number.setValue(3)
    qtbot.waitUntil(lambda: preview.image(3) is not None)
    third = preview.image(3)
    assert third is not None and third.width() > third.height()  # a landscape table
    preview.zoom.setCurrentIndex(preview.zoom.findData("100%"))
    assert preview.page_view.pixmap().width() > 0
    qtbot.waitUntil(lambda: ops.pending() == 0)
    preview.reject()


def test_printing_goes_through_the_print_dialog(qtbot: QtBot, page: ReportsPage,
                                                tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    printed = tmp_path / "printed.pdf"
    asked: list[tuple[int, int]] = []

    def accept(dialog: QPrintDialog) -> int:
        asked.append((dialog.minPage(), dialog.maxPage()))
        dialog.printer().setOutputFileName(str(printed))  # a PDF "printer"
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    page.panel.choose("visits")
    preview = _preview(qtbot, page)
    finished: list[int] = []
    job = preview.print_now()
    assert job is not None
    job.finished.connect(finished.append)
    qtbot.waitUntil(lambda: bool(finished), timeout=60_000)
    assert finished == [preview.pages] and asked == [(1, preview.pages)]
    assert _pages(printed) == preview.pages
    assert "已送往打印机" in preview.status.text()
    preview.reject()


def test_a_cancelled_print_dialog_prints_nothing(qtbot: QtBot, page: ReportsPage,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QPrintDialog, "exec", lambda _d: int(QDialog.DialogCode.Rejected))
    preview = _preview(qtbot, page)
    assert preview.print_now() is None
    preview.reject()


def test_without_pdftoppm_the_preview_says_so(qtbot: QtBot, page: ReportsPage,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(print_preview, "renderer", lambda: None)
    page.panel.open_preview()
    qtbot.waitUntil(lambda: page.panel.preview is not None and page.panel.preview.isVisible())
    preview = page.panel.preview
    assert preview is not None
    assert "pdftoppm" in preview.status.text() and str(preview.pdf) in preview.status.text()
    assert not preview.print_button.isEnabled() and preview.open_button.isEnabled()
    assert preview.pdf.is_file()
    preview.reject()


def test_save_pdf_and_excel(qtbot: QtBot, page: ReportsPage, tmp_path: Path,
                            monkeypatch: pytest.MonkeyPatch) -> None:
    names = iter([str(tmp_path / "党建台账"), str(tmp_path / "党建台账.xlsx")])
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *_a, **_k: (next(names), "")))
    page.panel.choose("party")
    page.panel.year.setValue(QDate.currentDate().year() - 1)
    assert page.panel.params() == reports.ReportParams(year=QDate.currentDate().year() - 1)
    op = page.panel.save_pdf()
    assert op is not None
    qtbot.waitUntil(lambda: op.done)
    assert (tmp_path / "党建台账.pdf").is_file()  # the suffix is added
    assert "已保存到" in page.panel.message.text()
    op = page.panel.save_excel()
    assert op is not None
    qtbot.waitUntil(lambda: op.done)
    assert (tmp_path / "党建台账.xlsx").read_bytes()[:2] == b"PK"


def test_font_settings_refuse_a_bad_file_and_keep_a_good_one(
        qtbot: QtBot, page: ReportsPage, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    tab = page.fonts
    bad = tmp_path / "小标宋.otf"
    bad.write_bytes(b"OTTO" + bytes(100))
    good = tmp_path / "仿宋.ttf"
    shutil.copy(fonts.fonts_dir() / "uming.ttc", good)
    chosen = iter([str(bad), str(good)])
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *_a, **_k: (next(chosen), "")))
    tab.choose("xiaobiaosong")
    op = tab.submit()
    qtbot.waitUntil(lambda: op.done)
    assert "不是 TrueType 字体" in tab.message.text()
    assert page.ws.read(reports.office_fonts) == reports.OfficeFonts()
    tab.fields["xiaobiaosong"].clear()
    tab.choose("fangsong")
    op = tab.submit()
    qtbot.waitUntil(lambda: op.done)
    assert "字体设置已保存" in tab.message.text()
    assert page.ws.read(reports.office_fonts) == reports.OfficeFonts(fangsong=str(good))
    assert tab.fields["fangsong"].text() == str(good)


@pytest.fixture
def clerk_page(qtbot: QtBot, clerk_ws: Workspace) -> Iterator[ReportsPage]:
    made = ReportsPage(PageContext(clerk_ws, clerk_ws.office()))
    qtbot.addWidget(made)
    qtbot.waitUntil(lambda: ops.pending() == 0)
    yield made  # held until pytest-qt has closed and deleted it


def test_a_clerk_sees_the_fonts_but_cannot_change_them(clerk_page: ReportsPage) -> None:
    assert not clerk_page.fonts.save.isEnabled()
    assert not clerk_page.fonts.allowed
