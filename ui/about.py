"""帮助 → 关于: version, data dir, and the fonts (the shipped ones with their licences)."""

from __future__ import annotations

from html import escape
from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from bzdesk import __version__
from ui.settings import font_file, shipped_fonts
from ui.widgets import heading


def font_licences(fonts: list[Path]) -> list[tuple[str, str, str]]:
    """(file, font, licence) of each shipped font, from the table in the fonts'
    README.md (``| `file` | font | role | licence | size |``) kept beside them."""
    described: dict[str, tuple[str, str]] = {}
    readme = fonts[0].parent / "README.md" if fonts else None
    if readme is not None and readme.is_file():
        for line in readme.read_text("utf-8", errors="replace").splitlines():
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if len(cells) >= 4 and cells[0].startswith("`"):
                described[cells[0].strip("`")] = (cells[1], cells[3].replace("`", ""))
    return [(f.name, *described.get(f.name, ("", ""))) for f in fonts]


class AboutDialog(QDialog):
    def __init__(self, data_dir: Path, ui_font: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("关于编制桌面"))
        self.setMinimumWidth(520)
        lines = [
            self.tr("版本 {0}（Qt {1}，PySide6 {2}）").format(__version__, qVersion(),
                                                           PySide6.__version__),
            self.tr("数据目录：{0}").format(escape(str(data_dir))),
        ]
        fallback = font_file()
        if fallback is None:
            lines.append(self.tr("界面字体：{0}（本机系统字体，不随本程序分发）").format(
                escape(ui_font)))
        else:
            lines.append(self.tr("界面字体：{0}（随程序分发的 {1}）").format(
                escape(ui_font), escape(fallback.name)))
        fonts = shipped_fonts()
        if fonts:
            lines.append(self.tr("随程序分发的字体（用于 PDF 报表）："))
            for file, font, licence in font_licences(fonts):
                licence = licence or self.tr("许可证见字体文件夹")
                lines.append("&nbsp;&nbsp;• " + self.tr("{0}（{1}）：{2}").format(
                    escape(file), escape(font or file), escape(licence)))
            lines.append(self.tr("许可证全文在 {0}。").format(escape(str(fonts[0].parent))))
        else:
            lines.append(self.tr("本版本没有随程序分发字体文件。"))
        body = QLabel("<br>".join(lines))
        body.setWordWrap(True)
        body.setTextFormat(Qt.TextFormat.RichText)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("编制桌面"), 1.6))
        summary = QLabel(self.tr("机构编制部门的离线业务系统：机构编制、实名管理、"
                                 "走访调研、党建活动。"))
        summary.setWordWrap(True)
        layout.addWidget(summary)
        layout.addWidget(body)
        layout.addWidget(buttons)
