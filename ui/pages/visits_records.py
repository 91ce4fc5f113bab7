"""The 走访记录 and 问题清单 tabs: paged lists with filters, the drafts banner,
and the buttons that open the form and move problems on."""

from __future__ import annotations

from dataclasses import replace
from functools import partial

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bzdesk.changes import Area
from bzdesk.roles import Can
from bzdesk.services import visits
from bzdesk.services.visits import Draft, IssueQuery, IssueView, VisitQuery, VisitRow
from bzdesk.services.visits.vocab import CLOSED, NEXT_STATUS, STATUSES, VISIT_KINDS
from ui import ops
from ui.models import Column
from ui.pages.base import Page, PageContext
from ui.pages.visits_dialogs import StepDialog
from ui.pages.visits_form import VisitForm
from ui.pages.visits_models import TintedModel

PAGE = 200
OVERDUE = "#c62828"


def table(model: TintedModel[VisitRow] | TintedModel[IssueView]) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return view


class FilterBar(QWidget):
    """A search box, a choice and the click-through filter shown as a label."""

    def __init__(self, placeholder: str, choices: list[tuple[str, str]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setPlaceholderText(placeholder)
        self.search.setClearButtonEnabled(True)
        self.choice = QComboBox()
        for label, value in choices:
            self.choice.addItem(label, value)
        self.scope = QLabel()
        self.scope.setStyleSheet("color: #1565c0;")
        self.clear = QPushButton(self.tr("显示全部"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.choice)
        row.addWidget(self.search, 1)
        row.addWidget(self.scope)
        row.addWidget(self.clear)
        self.show_scope("")

    def show_scope(self, text: str) -> None:
        self.scope.setText(text)
        self.scope.setVisible(bool(text))
        self.clear.setVisible(bool(text))


class RecordsTab(Page):
    areas = frozenset({Area.VISITS})

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.query = VisitQuery(limit=PAGE)
        self.model: TintedModel[VisitRow] = TintedModel([
            Column(self.tr("日期"), lambda v: v.start_on.isoformat() if v.start_on == v.end_on
                   else f"{v.start_on}～{v.end_on:%m-%d}"),
            Column(self.tr("类型"), lambda v: v.kind),
            Column(self.tr("带队领导"), lambda v: v.leader_name),
            Column(self.tr("联系点"), lambda v: v.target_name or "—"),
            Column(self.tr("问题"), lambda v: str(v.issues)),
            Column(self.tr("走访地点"), lambda v: v.places),
            Column(self.tr("走访目的"), lambda v: v.purpose),
        ], self._more, PAGE, lambda _v: "")
        self.filters = FilterBar(self.tr("查找领导、联系点、地点或目的"),
                                 [(self.tr("全部类型"), ""), *((k, k) for k in VISIT_KINDS)])
        self.filters.search.returnPressed.connect(self.reload)
        self.filters.choice.currentIndexChanged.connect(self.reload)
        self.filters.clear.clicked.connect(lambda: self.show_only(VisitQuery(limit=PAGE), ""))
        self.table = table(self.model)
        self.table.doubleClicked.connect(self.open_selected)
        self.new_button = QPushButton(self.tr("新建走访记录 (Ctrl+N)"))
        self.new_button.setShortcut("Ctrl+N")
        self.new_button.clicked.connect(lambda: self.open_form())
        self.open_button = QPushButton(self.tr("打开/修改"))
        self.open_button.clicked.connect(self.open_selected)
        self.delete_button = QPushButton(self.tr("删除"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.drafts_label = QLabel()
        self.drafts_label.setStyleSheet("color: #e65100;")
        self.drafts_button = QPushButton(self.tr("继续编辑草稿"))
        self.drafts_menu = QMenu(self)
        self.drafts_button.setMenu(self.drafts_menu)
        writer = self.actor.can(Can.WRITE)
        for button in (self.new_button, self.delete_button, self.drafts_button):
            button.setEnabled(writer)
        buttons = QHBoxLayout()
        for w in (self.new_button, self.open_button, self.delete_button):
            buttons.addWidget(w)
        buttons.addStretch(1)
        buttons.addWidget(self.drafts_label)
        buttons.addWidget(self.drafts_button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.filters)
        layout.addWidget(self.table)
        self.reload()

    def search_box(self) -> QLineEdit:
        return self.filters.search

    def _current(self) -> VisitQuery:
        return replace(self.query, text=self.filters.search.text(),
                       kind=self.filters.choice.currentData() or None, after=None)

    def _more(self, last: VisitRow | None) -> list[VisitRow]:
        after = (last.start_on, last.id) if last is not None else None
        return self.ws.read(visits.list_visits, replace(self._current(), after=after))

    def reload(self) -> None:
        ops.run_read(self, self.ws, visits.list_visits, self._current(),
                     on_success=self._show)
        self.show_drafts()

    def _show(self, rows: list[VisitRow]) -> None:
        self.model.restart(rows)
        self.table.resizeColumnsToContents()

    def show_only(self, query: VisitQuery, scope: str) -> None:
        """Click-through from the dashboard: only the visits of one cell."""
        self.query = query
        self.filters.show_scope(scope)
        self.reload()

    def show_drafts(self) -> None:
        drafts = visits.list_drafts(self.ws.paths, self.actor)
        self.drafts_menu.clear()
        for draft in drafts:
            self.drafts_menu.addAction(draft.title, partial(self.resume, draft))
        self.drafts_label.setText(self.tr("有 {0} 份未保存的走访记录草稿").format(len(drafts))
                                  if drafts else "")
        self.drafts_button.setVisible(bool(drafts))

    def selected(self) -> VisitRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def open_form(self, *, detail: visits.VisitDetail | None = None,
                  draft: Draft | None = None) -> VisitForm:
        form = VisitForm(self.ws, self, detail=detail, draft=draft)
        form.finished.connect(lambda _r: self.show_drafts())
        form.open()
        return form

    def resume(self, draft: Draft) -> None:
        self.open_form(draft=draft)

    def edit(self, detail: visits.VisitDetail) -> None:
        self.open_form(detail=detail)

    def open_selected(self) -> None:
        row = self.selected()
        if row is not None:
            ops.run_read(self, self.ws, visits.get_visit, row.id, on_success=self.edit)

    def delete_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        answer = QMessageBox.question(self, self.tr("删除走访记录"), self.tr(
            "删除 {0} {1}的{2}记录（连同未交办的问题和附件）吗？").format(
            row.start_on, row.leader_name, row.kind))
        if answer == QMessageBox.StandardButton.Yes:
            ops.run_write(self, self.ws, visits.delete_visit, row.id,
                          label=self.tr("删除走访记录"))


class IssuesTab(Page):
    areas = frozenset({Area.VISITS})

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.query = IssueQuery(show="open", limit=PAGE)
        self.model: TintedModel[IssueView] = TintedModel([
            Column(self.tr("办理时限"), lambda i: i.deadline.isoformat()),
            Column(self.tr("状态"), lambda i: i.status + (self.tr("（逾期）") if i.overdue
                                                        else "")),
            Column(self.tr("责任单位"), lambda i: i.responsible_name),
            Column(self.tr("发现于"), lambda i: f"{i.visit_on} {i.leader_name}"),
            Column(self.tr("问题"), lambda i: i.description),
        ], self._more, PAGE, lambda i: OVERDUE if i.overdue else "")
        shows = [(self.tr("未办结"), "open"), (self.tr("已逾期"), "overdue"),
                 (self.tr("全部"), "all"), *((s, s) for s in STATUSES)]
        self.filters = FilterBar(self.tr("查找问题或责任单位"), shows)
        self.filters.search.returnPressed.connect(self.reload)
        self.filters.choice.currentIndexChanged.connect(self.reload)
        self.filters.clear.clicked.connect(
            lambda: self.show_only(IssueQuery(limit=PAGE), "", "open"))
        self.table = table(self.model)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(self.step_selected)
        self.step_button = QPushButton(self.tr("办理…"))
        self.step_button.clicked.connect(self.step_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.step_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.filters)
        layout.addWidget(self.table)
        self._update_buttons()
        self.reload()

    def search_box(self) -> QLineEdit:
        return self.filters.search

    def _current(self) -> IssueQuery:
        return replace(self.query, text=self.filters.search.text(),
                       show=self.filters.choice.currentData(), after=None)

    def _more(self, last: IssueView | None) -> list[IssueView]:
        after = (last.deadline, last.id) if last is not None else None
        return self.ws.read(visits.list_issues, replace(self._current(), after=after))

    def reload(self) -> None:
        ops.run_read(self, self.ws, visits.list_issues, self._current(),
                     on_success=self._show)

    def _show(self, rows: list[IssueView]) -> None:
        self.model.restart(rows)
        self.table.resizeColumnsToContents()
        self._update_buttons()

    def show_only(self, query: IssueQuery, scope: str, show: str) -> None:
        """Click-through from the dashboard: one 责任单位's problems."""
        self.query = query
        self.filters.show_scope(scope)
        self.filters.choice.blockSignals(True)
        self.filters.choice.setCurrentIndex(max(0, self.filters.choice.findData(show)))
        self.filters.choice.blockSignals(False)
        self.reload()

    def selected(self) -> IssueView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        issue = self.selected()
        can = issue is not None and issue.status != CLOSED and self.actor.can(Can.WRITE)
        self.step_button.setEnabled(can)
        self.step_button.setText(self.tr("{0}…").format(NEXT_STATUS[issue.status])
                                 if can and issue is not None else self.tr("办理…"))

    def step_selected(self) -> StepDialog | None:
        issue = self.selected()
        if issue is None or issue.status == CLOSED or not self.actor.can(Can.WRITE):
            return None
        dialog = StepDialog(self.ws, issue, self)
        dialog.open()
        return dialog
