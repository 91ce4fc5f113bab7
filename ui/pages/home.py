"""首页: what needs looking at today — 超编 / 空编, overdue pool loans, retirements due,
overdue problems, party activities missing this period, bundles and conflicts — each a tile
that opens its page, a chart of 核定 / 实有 per 编制类型, and this PC's users, audit log and
newest backup.

The figures come from one background read (ops.run_read of reports.home_dashboard): the
window shows at once and fills in when the read returns. The service modules are imported
inside that read, on the reader thread, so start-up does not wait for them either. A tile
asks the main window for its page through ``navigate_requested``; pages never call each
other.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from bzdesk.changes import Area
from ui import ops
from ui.charts import Bar, CategoryBars
from ui.pages.base import Page, PageContext, scope_text
from ui.widgets import heading

if TYPE_CHECKING:
    from bzdesk.paths import DataPaths
    from bzdesk.roles import Actor
    from bzdesk.services.reports.home import HomeView
    from bzdesk.services.system import Overview

CARD_STYLE = ("QFrame#card { background: palette(base); border: 1px solid palette(mid);"
              " border-radius: 6px; }")
TILE_STYLE = ("QFrame#tile { background: palette(base); border: 1px solid palette(mid);"
              " border-radius: 6px; } QFrame#tile:hover, QFrame#tile:focus"
              " { border: 1px solid #2f5d94; }")
ALERT = "color: #c62828;"
CALM = "color: #2e7d32;"


def local_time(utc_iso: str | None) -> str:
    if not utc_iso:
        return "—"
    stamp = datetime.fromisoformat(utc_iso)
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=UTC)
    return stamp.astimezone().strftime("%Y-%m-%d %H:%M")


def load_home(session: Any, actor: Actor, paths: DataPaths) -> HomeView:
    """The home page's read (imports the services on the reader thread; ``session`` is the
    reader's SQLAlchemy session, which ui/ only passes through)."""
    from bzdesk.services.reports.home import home_dashboard

    return home_dashboard(session, actor, paths)


class _Card(QFrame):
    def __init__(self, title: str) -> None:
        super().__init__()
        self.setObjectName("card")
        self.setStyleSheet(CARD_STYLE)
        layout = QVBoxLayout(self)
        caption = QLabel(title)
        caption.setStyleSheet("color: palette(dark);")
        self.value = heading("…", 1.6)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: palette(dark);")
        for widget in (caption, self.value, self.note):
            layout.addWidget(widget)

    def show_value(self, value: str, note: str = "") -> None:
        self.value.setText(value)
        self.note.setText(note)


class Tile(_Card):
    """A card that opens a page: click, or Enter / Space when it has the focus."""

    clicked = Signal(str)

    def __init__(self, title: str, page: str, hint: str) -> None:
        super().__init__(title)
        self.setObjectName("tile")
        self.setStyleSheet(TILE_STYLE)
        self.page = page
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setToolTip(hint)
        self.setAccessibleName(title)

    def show_count(self, count: int, note: str, *, alert: bool = True) -> None:
        self.show_value(str(count), note)
        self.value.setStyleSheet(ALERT if count and alert else CALM if not count else "")

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
                event.position().toPoint()):
            self.clicked.emit(self.page)
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit(self.page)
            return
        super().keyPressEvent(event)


class HomePage(Page):
    areas = frozenset(Area)  # every write adds an audit entry …
    reload_on_show = True    # … and so do logins and backups, which change no Area
    navigate_requested = Signal(str)  # the key of the page a tile opens

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        self.title = heading(ctx.office.name, 1.5)
        layout.addWidget(self.title)
        self.scope = QLabel(scope_text(ctx.office))
        self.scope.setWordWrap(True)
        layout.addWidget(self.scope)
        self.when = QLabel(self.tr("正在读取…"))
        self.when.setStyleSheet("color: palette(dark);")
        layout.addWidget(self.when)

        self.over = Tile(self.tr("超编"), "staffing", self.tr("打开“机构编制”查看各单位编制"))
        self.vacant = Tile(self.tr("空编"), "staffing", self.tr("打开“机构编制”查看各单位编制"))
        self.loans = Tile(self.tr("周转池逾期未还"), "staffing",
                          self.tr("打开“机构编制”查看编制周转池"))
        self.retiring = Tile(self.tr("12 个月内到龄退休"), "roster",
                             self.tr("打开“实名管理”查看人员"))
        self.issues = Tile(self.tr("逾期未办结问题"), "visits",
                           self.tr("打开“走访调研”查看问题清单"))
        self.party = Tile(self.tr("本期未开展的党建活动"), "party",
                          self.tr("打开“党建活动”查看开展情况"))
        self.exchange = Tile(self.tr("数据交换"), "exchange",
                             self.tr("打开“数据交换”导出数据包、处理冲突"))
        self.tiles = (self.over, self.vacant, self.loans, self.retiring, self.issues,
                      self.party, self.exchange)
        tiles = QGridLayout()
        tiles.setSpacing(10)
        for index, tile in enumerate(self.tiles):
            tile.clicked.connect(self.navigate_requested)
            tiles.addWidget(tile, index // 4, index % 4)
        for column in range(4):
            tiles.setColumnStretch(column, 1)
        layout.addLayout(tiles)

        lower = QGridLayout()
        lower.setSpacing(10)
        chart_card = QFrame()
        chart_card.setObjectName("card")
        chart_card.setStyleSheet(CARD_STYLE)
        chart_box = QVBoxLayout(chart_card)
        chart_title = QLabel(self.tr("核定与实有（按编制类型，各类型分别按比例显示，不相加）"))
        chart_title.setStyleSheet("color: palette(dark);")
        self.chart = CategoryBars()
        chart_box.addWidget(chart_title)
        chart_box.addWidget(self.chart)
        lower.addWidget(chart_card, 0, 0, 3, 1)
        self.users = _Card(self.tr("用户"))
        self.audit = _Card(self.tr("审计日志"))
        self.backup = _Card(self.tr("最近备份"))
        for row, card in enumerate((self.users, self.audit, self.backup)):
            lower.addWidget(card, row, 1)
        lower.setColumnStretch(0, 3)
        lower.setColumnStretch(1, 1)
        layout.addSpacing(6)
        layout.addLayout(lower)
        where = QLabel(self.tr("数据目录：{0}").format(self.ws.paths.root))
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        where.setWordWrap(True)
        where.setStyleSheet("color: palette(dark);")
        layout.addWidget(where)
        layout.addStretch(1)

    def reload(self) -> None:
        ops.run_read(self, self.ws, load_home, self.ws.paths, on_success=self._show)

    def _show(self, view: HomeView) -> None:
        office = view.system.office
        self.title.setText(office.name)
        self.scope.setText(scope_text(office))
        self.when.setText(self.tr("统计日期：{0}（点击方块打开对应页面）").format(
            view.as_of.isoformat()))
        examples = self.tr("、").join(view.over_examples)
        self.over.show_count(view.over_cells, self.tr("{0} 个单位超编（按单位 × 编制类型计）{1}")
                             .format(view.over_units, f"：{examples}" if examples else ""))
        self.vacant.show_count(view.vacant_cells, self.tr("{0} 个单位有空编，可用于用编计划")
                               .format(view.vacant_units), alert=False)
        self.loans.show_count(view.overdue_loans, self.tr("借出编制已过归还期限"))
        self.retiring.show_count(view.retiring, self.tr("含已到退休日期仍在编的人员"),
                                 alert=False)
        self.issues.show_count(view.overdue_issues, self.tr("办理时限已过仍未办结"))
        self.party.show_count(view.party_missing, self.tr("{0}：{1} 个党组织有规定活动未开展")
                              .format(view.party_period, view.party_orgs_missing))
        pending = view.unsent_peers + view.open_conflicts
        self.exchange.show_count(pending, self.tr(
            "{0} 个交换对象有新数据待发送，{1} 个待确认，{2} 个冲突待处理").format(
            view.unsent_peers, view.unacked_peers, view.open_conflicts))
        self.chart.set_bars([Bar(b.category, b.approved, b.filled, b.in_transit)
                             for b in view.bars])
        self._show_system(view.system)

    def _show_system(self, overview: Overview) -> None:
        self.users.show_value(str(overview.active_users),
                              self.tr("启用 {0} 个，共 {1} 个").format(overview.active_users,
                                                                  overview.users))
        self.audit.show_value(str(overview.audit_entries),
                              self.tr("最近一条：{0}").format(local_time(overview.last_activity)))
        newest = overview.newest_backup
        if newest is None:
            self.backup.show_value(self.tr("还没有"), self.tr("请在“系统管理 → 数据备份”中备份。"))
        else:
            self.backup.show_value(newest.made_at.strftime("%m-%d %H:%M"), newest.path.name)
