"""审计日志: check the hash chain, and read the newest entries (searchable)."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bzdesk.audit import VerifyResult
from bzdesk.changes import Area
from bzdesk.services import system
from bzdesk.services.system import AuditRow
from ui import ops
from ui.models import Column, PagedModel
from ui.pages.base import Page, PageContext
from ui.pages.home import local_time
from ui.widgets import HINT_STYLE, OK_STYLE, hint_label, set_message


class AuditTab(Page):
    areas = frozenset(Area)  # every write is audited …
    reload_on_show = True    # … and so are logins and backups, which change no Area

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.verify_button = QPushButton(self.tr("校验哈希链"))
        self.verify_button.clicked.connect(self.verify)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("按操作人、操作或对象查找（Ctrl+F）"))
        self.search.setClearButtonEnabled(True)
        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        self.result = hint_label()

        self.model: PagedModel[AuditRow] = PagedModel([
            Column(self.tr("序号"), lambda r: str(r.seq)),
            Column(self.tr("时间"), lambda r: local_time(r.at)),
            Column(self.tr("操作人"), lambda r: r.actor),
            Column(self.tr("操作"), lambda r: r.op),
            Column(self.tr("对象"), lambda r: r.target),
        ], self._next_page, system.AUDIT_PAGE)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

        row = QHBoxLayout()
        row.addWidget(self.verify_button)
        row.addWidget(self.search, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.result)
        layout.addWidget(self.table)

    def search_box(self) -> QLineEdit:
        return self.search

    def reload(self) -> None:
        ops.run_read(self, self.ws, system.audit_page, query=self.search.text(),
                     on_success=self.model.restart)

    def _next_page(self, last: AuditRow | None) -> list[AuditRow]:
        # One indexed keyset query of AUDIT_PAGE rows: quick enough for the GUI thread.
        before = last.seq if last is not None else None
        return self.ws.read(system.audit_page, query=self.search.text(), before_seq=before)

    def verify(self) -> None:
        self.verify_button.setEnabled(False)
        ops.run_read(self, self.ws, system.verify_audit, label=self.tr("正在校验审计日志…"),
                     long=True, on_success=self._verified).finished.connect(
            lambda: self.verify_button.setEnabled(True))

    def _verified(self, result: VerifyResult) -> None:
        bad = result.first_bad
        if bad is None:
            set_message(self.result, self.tr("审计日志完好：共 {0} 条，哈希链连续。").format(
                result.entries), OK_STYLE)
        else:
            set_message(self.result, self.tr(
                "审计日志被改动：第一条有问题的记录是序号 {0}（{1}）：{2}").format(
                bad.seq, bad.id, bad.reason), HINT_STYLE)
