"""Small charts drawn with QPainter (QtCharts is not part of PySide6-Essentials).

``CategoryBars``: for each 编制类型 one panel with two horizontal bars, 核定 and 实有
(在途 as a hatched tail after 实有). Each panel has its own scale: the types are different
things and are never added up or measured against each other, so the chart shows how full
each type is, with the numbers written beside the bars. 实有 beyond 核定 is drawn red.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

APPROVED = QColor("#b8c7dc")
FILLED = QColor("#2f5d94")
TRANSIT = QColor("#7fa3cf")
OVER = QColor("#c62828")
TEXT = QColor("#333333")

ROW_HEIGHT = 16
ROW_GAP = 4
PANEL_GAP = 12
LEGEND_HEIGHT = 22


@dataclass(frozen=True)
class Bar:
    label: str
    approved: int
    filled: int
    in_transit: int = 0


class CategoryBars(QWidget):
    """核定 / 实有 per 编制类型, one panel per type, each on its own scale."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bars: tuple[Bar, ...] = ()
        self._picture: QPixmap | None = None  # drawn once per data or size
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(320)

    def set_bars(self, bars: Sequence[Bar]) -> None:
        self._bars = tuple(bars)
        lines = [self.tr("{0}：核定 {1}，实有 {2}，在途 {3}").format(
            b.label, b.approved, b.filled, b.in_transit) for b in self._bars]
        self.setToolTip("\n".join(lines))
        self.setAccessibleDescription("；".join(lines))
        self._picture = None
        self.updateGeometry()
        self.update()

    def bars(self) -> tuple[Bar, ...]:
        return self._bars

    def _panel_height(self) -> int:
        return 2 * ROW_HEIGHT + ROW_GAP + PANEL_GAP

    def sizeHint(self) -> QSize:
        count = max(1, len(self._bars))
        return QSize(480, LEGEND_HEIGHT + count * self._panel_height() + 4)

    def minimumSizeHint(self) -> QSize:
        return QSize(320, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        # The picture is kept: a repaint (hover, expose) costs one drawPixmap, not the
        # dozens of Python → Qt calls of drawing the panels.
        ratio = self.devicePixelRatioF()
        if (self._picture is None or self._picture.size() != self.size() * ratio):
            picture = QPixmap(self.size() * ratio)
            picture.setDevicePixelRatio(ratio)
            picture.fill(Qt.GlobalColor.transparent)
            painter = QPainter(picture)
            try:
                self._paint(painter)
            finally:
                painter.end()
            self._picture = picture
        target = QPainter(self)
        target.drawPixmap(0, 0, self._picture)
        target.end()

    def _paint(self, painter: QPainter) -> None:
        font = QFont(self.font())
        metrics = QFontMetrics(font)
        painter.setFont(font)
        if not self._bars:
            painter.setPen(TEXT)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("（无数据）"))
            return
        self._legend(painter, metrics)
        label_w = max(metrics.horizontalAdvance(b.label) for b in self._bars) + 12
        number_w = metrics.horizontalAdvance("000000") + 8
        left = label_w
        width = max(40, self.width() - left - number_w - 4)
        y = LEGEND_HEIGHT
        for bar in self._bars:
            self._panel(painter, metrics, bar, y, left, width)
            y += self._panel_height()

    def _legend(self, painter: QPainter, metrics: QFontMetrics) -> None:
        x = 0
        for color, text in ((APPROVED, self.tr("核定")), (FILLED, self.tr("实有")),
                            (TRANSIT, self.tr("在途")), (OVER, self.tr("超编"))):
            painter.fillRect(QRectF(x, 5, 12, 12), color)
            painter.setPen(TEXT)
            painter.drawText(x + 16, 5 + metrics.ascent(), text)
            x += 16 + metrics.horizontalAdvance(text) + 14

    def _panel(self, painter: QPainter, metrics: QFontMetrics, bar: Bar, y: int, left: int,
               width: int) -> None:
        scale = width / max(bar.approved, bar.filled + bar.in_transit, 1)
        painter.setPen(TEXT)
        middle = y + ROW_HEIGHT + ROW_GAP // 2
        painter.drawText(0, middle - metrics.height() // 2 + metrics.ascent(), bar.label)
        approved_w = bar.approved * scale
        painter.fillRect(QRectF(left, y, approved_w, ROW_HEIGHT), APPROVED)
        self._number(painter, metrics, left + approved_w, y, str(bar.approved))
        row2 = y + ROW_HEIGHT + ROW_GAP
        within = min(bar.filled, bar.approved) * scale
        painter.fillRect(QRectF(left, row2, within, ROW_HEIGHT), FILLED)
        if bar.filled > bar.approved:
            painter.fillRect(QRectF(left + within, row2, (bar.filled - bar.approved) * scale,
                                    ROW_HEIGHT), OVER)
        end = left + bar.filled * scale
        if bar.in_transit:
            transit = QRectF(end, row2, bar.in_transit * scale, ROW_HEIGHT)
            painter.fillRect(transit, QBrush(TRANSIT, Qt.BrushStyle.BDiagPattern))
            painter.setPen(QPen(TRANSIT))
            painter.drawRect(transit)
            end += bar.in_transit * scale
        text = str(bar.filled) + (f" + {bar.in_transit}" if bar.in_transit else "")
        self._number(painter, metrics, end, row2, text)

    @staticmethod
    def _number(painter: QPainter, metrics: QFontMetrics, x: float, y: int, text: str) -> None:
        painter.setPen(TEXT)
        painter.drawText(int(x) + 4, y + (ROW_HEIGHT - metrics.height()) // 2 + metrics.ascent(),
                         text)
