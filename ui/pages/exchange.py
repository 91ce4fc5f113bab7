"""数据交换: this office's card, trusted peers, bundles out and in, merge
conflicts and the findings that only show up across offices.

Keys are unlocked once per session (the passphrase is asked the first time a
bundle is made or taken); every slow step runs through ui.ops with progress.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from bzdesk.changes import Area, Outcome
from bzdesk.roles import Can
from bzdesk.services import exchange, staffing
from bzdesk.services.exchange import ExportResult, ImportResult, OfficeCard
from bzdesk.sync.keys import UnlockedKeys
from ui import ops
from ui.pages.base import Page, PageContext, scope_text
from ui.pages.exchange_tables import (
    conflicts_model,
    findings_model,
    history_model,
    peers_model,
)
from ui.widgets import heading

EVERYTHING = frozenset(Area)


def _table(model: Any) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    view.horizontalHeader().setStretchLastSection(True)
    view.verticalHeader().setVisible(False)
    return view


def take_bundle(db: Any, actor: Any, keys: UnlockedKeys, file: Path,
                progress: Any = None) -> Outcome[ImportResult]:
    """A bundle may touch any area: every open page reloads afterwards."""
    return Outcome(exchange.import_bundle(db, actor, keys, file, progress=progress), EVERYTHING)


class ExchangePage(Page):
    areas = frozenset({Area.SYNC})

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.card_label = QLabel()
        self.card_label.setWordWrap(True)
        self.peers = peers_model()
        self.conflicts = conflicts_model()
        self.findings = findings_model()
        self.history = history_model()
        self.peer_view = _table(self.peers)
        self.conflict_view = _table(self.conflicts)

        can_exchange = self.actor.can(Can.EXCHANGE)
        admin = self.actor.can(Can.ADMINISTER)
        buttons = QHBoxLayout()
        self.card_button = self._button(buttons, self.tr("导出本单位名片…"), self.export_card, True)
        self.add_button = self._button(buttons, self.tr("添加交换对象…"), self.add_peer, admin)
        self.export_button = self._button(buttons, self.tr("导出数据包…"), self.export_bundle,
                                          can_exchange)
        self.import_button = self._button(buttons, self.tr("导入数据包…"), self.import_bundle,
                                          can_exchange)
        buttons.addStretch(1)

        resolve = QHBoxLayout()
        writer = self.actor.can(Can.WRITE)
        self._button(resolve, self.tr("保留现在的值"), lambda: self.resolve("keep"), writer)
        self._button(resolve, self.tr("采用另一方的值"), lambda: self.resolve("take"), writer)
        self._button(resolve, self.tr("改为新值…"), lambda: self.resolve("edit"), writer)
        resolve.addStretch(1)
        conflicts_tab = QWidget()
        c_layout = QVBoxLayout(conflicts_tab)
        c_layout.addWidget(QLabel(self.tr(
            "合并时按“最后修改者为准”自动取值，被替换的值列在这里。请逐条确认；"
            "处理结果会在下次交换时同步给对方。")))
        c_layout.addWidget(self.conflict_view)
        c_layout.addLayout(resolve)

        self.tabs = QTabWidget()
        self.tabs.addTab(self.peer_view, self.tr("交换对象"))
        self.tabs.addTab(conflicts_tab, self.tr("合并冲突"))
        self.tabs.addTab(_table(self.findings), self.tr("发现的问题"))
        self.tabs.addTab(_table(self.history), self.tr("交换记录"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(heading(self.tr("数据交换")))
        layout.addWidget(QLabel(scope_text(self.ctx.office)))
        layout.addWidget(self.card_label)
        layout.addLayout(buttons)
        layout.addWidget(self.tabs, 1)
        self.reload()

    def _button(self, row: QHBoxLayout, text: str, slot: Callable[[], None],
                enabled: bool) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(slot)
        button.setEnabled(enabled)
        if not enabled:
            button.setToolTip(self.tr("您的角色不能做这项操作。"))
        row.addWidget(button)
        return button

    # -- reading ---------------------------------------------------------------
    def reload(self) -> None:
        ops.run_call(self, exchange.make_card, self.ws.db, writer=False,
                     on_success=self._show_card, on_error=lambda _e: True)
        ops.run_read(self, self.ws, exchange.exchange_overview, on_success=self.peers.replace)
        ops.run_read(self, self.ws, exchange.list_conflicts, on_success=self._show_conflicts)
        ops.run_read(self, self.ws, staffing.findings, on_success=self.findings.replace)
        ops.run_read(self, self.ws, exchange.bundle_history, on_success=self.history.replace)

    def _show_card(self, card: OfficeCard) -> None:
        self.card_label.setText(self.tr("本机站点 {0}，密钥指纹 {1}（对方核对时读出）").format(
            card.site, card.fingerprint))

    def _show_conflicts(self, rows: list[Any]) -> None:
        self.conflicts.replace(rows)
        self.tabs.setTabText(1, self.tr("合并冲突（{0}）").format(len(rows)) if rows
                             else self.tr("合并冲突"))

    def on_changed(self, changes: frozenset[Area]) -> None:
        if changes & {Area.SYNC, Area.PEOPLE, Area.POSTINGS, Area.UNITS, Area.QUOTAS}:
            self.reload()

    # -- the office card and peers ----------------------------------------------
    def export_card(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("导出本单位名片"), f"{self.ctx.office.code}.bzcard",
            self.tr("单位名片 (*.bzcard)"))
        if not path:
            return

        def write(card: OfficeCard) -> None:
            Path(path).write_text(card.to_json(), encoding="utf-8")
            QMessageBox.information(self, self.tr("单位名片"), self.tr(
                "已导出 {0}。\n请把它交给对方，并在电话里读出指纹：{1}").format(
                    path, card.fingerprint))

        ops.run_call(self, exchange.make_card, self.ws.db, writer=False, on_success=write)

    def add_peer(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择对方的单位名片"), "",
                                              self.tr("单位名片 (*.bzcard)"))
        if not path:
            return
        ops.run_call(self, exchange.read_card, Path(path), writer=False,
                     on_success=self._confirm_peer)

    def _confirm_peer(self, card: OfficeCard) -> None:
        answer = QMessageBox.question(self, self.tr("核对指纹"), self.tr(
            "单位：{0}（{1}）\n站点：{2}\n指纹：{3}\n\n请与对方电话核对指纹，一致才能添加。"
            "指纹一致吗？").format(card.name, card.code, card.site, card.fingerprint))
        if answer == QMessageBox.StandardButton.Yes:
            ops.run_write(self, self.ws, exchange.add_peer, card, label=self.tr("添加交换对象"))

    # -- bundles -------------------------------------------------------------------
    def _with_keys(self, then: Callable[[UnlockedKeys], None]) -> None:
        if self.ws.keys is not None:
            then(self.ws.keys)
            return
        passphrase, ok = QInputDialog.getText(
            self, self.tr("解锁密钥"), self.tr("请输入本单位的密钥口令（本次登录只问一次）："),
            QLineEdit.EchoMode.Password)
        if ok and passphrase:
            ops.run_call(self, self.ws.unlock_keys, passphrase, label=self.tr("解锁密钥"),
                         long=True, on_success=then)

    def _selected_peer(self) -> str | None:
        rows = self.peer_view.selectionModel().selectedRows()
        status = self.peers.row_at(rows[0].row()) if rows else None
        if status is None and len(self.peers.rows) == 1:
            status = self.peers.rows[0]
        if status is None:
            QMessageBox.information(self, self.tr("导出数据包"),
                                    self.tr("请先在“交换对象”中选中要发给的单位。"))
            return None
        return status.peer.site_id

    def export_bundle(self) -> None:
        site = self._selected_peer()
        if site is None:
            return
        folder = QFileDialog.getExistingDirectory(self, self.tr("选择保存数据包的位置（如U盘）"))
        if not folder:
            return

        def run(keys: UnlockedKeys) -> None:
            ops.run_call(self, exchange.export_bundle, self.ws.db, self.actor, keys, site,
                         Path(folder), label=self.tr("导出数据包"), long=True,
                         on_success=self._exported)

        self._with_keys(run)

    def _exported(self, result: ExportResult) -> None:
        self.reload()
        QMessageBox.information(self, self.tr("导出数据包"), self.tr(
            "已导出第 {0} 号数据包（{1} 条变更），并已读回校验：\n{2}").format(
                result.sequence, result.changes, result.file))

    def import_bundle(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择收到的数据包"), "",
                                              self.tr("数据包 (*.bzb)"))
        if not path:
            return

        def run(keys: UnlockedKeys) -> None:
            ops.run_call(self, take_bundle, self.ws.db, self.actor, keys, Path(path),
                         label=self.tr("导入数据包"), long=True, on_success=self._imported)

        self._with_keys(run)

    def _imported(self, outcome: Outcome[ImportResult]) -> None:
        result = outcome.value
        if result.already_known:
            text = self.tr("这个数据包（{0} 第 {1} 号）已经导入过，没有新内容。").format(
                result.sender, result.sequence)
        else:
            text = self.tr("已导入 {0} 的第 {1} 号数据包：写入 {2} 条变更，冲突 {3} 条。").format(
                result.sender, result.sequence, result.applied, result.conflicts)
            if result.findings:
                text += "\n" + "\n".join(result.findings)
        QMessageBox.information(self, self.tr("导入数据包"), text)

    # -- conflicts -----------------------------------------------------------------
    def resolve(self, choice: str) -> None:
        rows = self.conflict_view.selectionModel().selectedRows()
        conflict = self.conflicts.row_at(rows[0].row()) if rows else None
        if conflict is None:
            QMessageBox.information(self, self.tr("合并冲突"), self.tr("请先选中一条冲突。"))
            return
        value: Any = None
        if choice == "edit":
            # Typed text: the service turns it into the field's type (a count, a date…)
            # and refuses text that does not fit; 0 and False are shown, not blanked.
            current = conflict.current_value
            value, ok = QInputDialog.getText(self, self.tr("改为新值"), self.tr("新值："),
                                             text="" if current is None else str(current))
            if not ok:
                return
        ops.run_write(self, self.ws, exchange.resolve_conflict, conflict.id, choice, value,
                      label=self.tr("处理合并冲突"))

    def main_dialogs(self) -> list[Callable[[], QDialog]]:
        return []
