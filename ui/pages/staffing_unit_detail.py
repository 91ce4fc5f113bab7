"""The detail pane of the 机构 tab: the unit's fields, its numbers per 编制类型
(核定/实有/在途/空编/超编, side by side, never summed), 领导职数 正/副 approved
against filled, and the history of its quota lines. 超编 and 超职数 are red."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QTableView, QVBoxLayout, QWidget

from bzdesk.services.staffing import QuotaView, StatsRow
from bzdesk.services.staffing.page_queries import UnitDetail
from ui.models import Column, RowsModel
from ui.pages.staffing_common import OVER, RIGHT, make_table
from ui.pages.staffing_models import TintedRows
from ui.settings import QT_TRANSLATE_NOOP
from ui.widgets import HINT_STYLE, heading

_C = "UnitDetailPane"  # the translation context of self.tr below
FIELDS = (QT_TRANSLATE_NOOP(_C, "简称"), QT_TRANSLATE_NOOP(_C, "统一社会信用代码"),
          QT_TRANSLATE_NOOP(_C, "上级机构"), QT_TRANSLATE_NOOP(_C, "机构类别"),
          QT_TRANSLATE_NOOP(_C, "机构级别"), QT_TRANSLATE_NOOP(_C, "事业单位分类"),
          QT_TRANSLATE_NOOP(_C, "经费形式"), QT_TRANSLATE_NOOP(_C, "批准文号"),
          QT_TRANSLATE_NOOP(_C, "批准日期"), QT_TRANSLATE_NOOP(_C, "状态"))


@dataclass(frozen=True)
class LeaderLine:
    title: str
    approved: int
    filled: int

    @property
    def over(self) -> int:
        return max(0, self.filled - self.approved)


def fit_rows(table: QTableView, rows: int) -> None:
    """A short table as tall as its rows (no scroll bar, no empty space)."""
    header = table.horizontalHeader().sizeHint().height()
    row = table.verticalHeader().defaultSectionSize()
    table.setFixedHeight(header + row * max(rows, 1) + 2 * table.frameWidth() + 2)


class UnitDetailPane(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = heading(self.tr("请在左侧选择一个机构"), 1.25)
        self.alert = QLabel()
        self.alert.setStyleSheet(HINT_STYLE)
        self.alert.setWordWrap(True)
        self.values: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(4)
        for i, name in enumerate(FIELDS):
            value = QLabel()
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            self.values[name] = value
            row, column = divmod(i, 2)
            grid.addWidget(QLabel(self.tr(name) + self.tr("：")), row, column * 2)
            grid.addWidget(value, row, column * 2 + 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self.lines: TintedRows[StatsRow] = TintedRows([
            Column(self.tr("编制类型"), lambda r: r.category),
            Column(self.tr("核定"), lambda r: str(r.approved), RIGHT),
            Column(self.tr("实有"), lambda r: str(r.filled), RIGHT),
            Column(self.tr("在途"), lambda r: str(r.in_transit), RIGHT),
            Column(self.tr("空编"), lambda r: str(r.vacant), RIGHT),
            Column(self.tr("超编"), lambda r: str(r.over) if r.over else "", RIGHT),
        ], lambda r: OVER if r.over else "")
        self.leaders: TintedRows[LeaderLine] = TintedRows([
            Column(self.tr("领导职数"), lambda r: r.title),
            Column(self.tr("核定"), lambda r: str(r.approved), RIGHT),
            Column(self.tr("实配"), lambda r: str(r.filled), RIGHT),
            Column(self.tr("超职数"), lambda r: str(r.over) if r.over else "", RIGHT),
        ], lambda r: OVER if r.over else "")
        self.history: RowsModel[QuotaView] = RowsModel([
            Column(self.tr("生效日期"), lambda q: q.effective_on.isoformat()),
            Column(self.tr("编制类型"), lambda q: q.category),
            Column(self.tr("核定"), lambda q: str(q.approved), RIGHT),
            Column(self.tr("文号"), lambda q: q.doc),
        ])
        self.lines_table = make_table(self.lines, stretch=0)
        self.leaders_table = make_table(self.leaders, stretch=0)
        self.history_table = make_table(self.history)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.alert)
        layout.addLayout(grid)
        layout.addWidget(heading(self.tr("核定编制（按编制类型分列，不相加）"), 1.0))
        layout.addWidget(self.lines_table)
        layout.addWidget(heading(self.tr("领导职数"), 1.0))
        layout.addWidget(self.leaders_table)
        layout.addWidget(heading(self.tr("核定记录"), 1.0))
        layout.addWidget(self.history_table, 1)
        self.show_detail(None)

    def show_detail(self, detail: UnitDetail | None) -> None:
        for label in self.values.values():
            label.setText("")
        if detail is None:
            self.title.setText(self.tr("请在左侧选择一个机构"))
            self.lines.replace([])
            self.leaders.replace([])
            self.history.replace([])
            self.alert.hide()
            fit_rows(self.lines_table, 4)
            fit_rows(self.leaders_table, 2)
            return
        u = detail.unit
        self.title.setText(u.name)
        status = u.status if u.active else f"{u.status}（{u.closed_on}）"
        if detail.merged_into:
            status += self.tr("，并入{0}").format(detail.merged_into)
        if u.active and u.freeze_in:
            status += self.tr("，只出不进")
        shown = {
            "简称": u.short_name, "统一社会信用代码": u.uscc or "", "上级机构": detail.parent,
            "机构类别": u.kind, "机构级别": u.rank or "", "事业单位分类": u.shiye_class or "",
            "经费形式": u.funding or "", "批准文号": u.approval_doc,
            "批准日期": u.approval_date.isoformat() if u.approval_date else "", "状态": status,
        }
        for name, text in shown.items():
            self.values[name].setText(text or "—")
        self.lines.replace(detail.lines)
        leader = detail.leader
        self.leaders.replace([LeaderLine(self.tr("正职"), leader.chief_approved,
                                         leader.chief_filled),
                              LeaderLine(self.tr("副职"), leader.deputy_approved,
                                         leader.deputy_filled)])
        self.history.replace(list(reversed(detail.history)))
        fit_rows(self.lines_table, max(len(detail.lines), 1))
        fit_rows(self.leaders_table, 2)
        alerts = [self.tr("{0}超编 {1} 名").format(r.category, r.over)
                  for r in detail.lines if r.over]
        alerts += [self.tr("{0}超职数 {1} 名").format(r.title, r.over)
                   for r in self.leaders.rows if r.over]
        self.alert.setText("；".join(alerts))
        self.alert.setVisible(bool(alerts))
