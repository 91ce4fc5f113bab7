"""花名册: the people list with its search and filters, the 共 N 人 count, and the
chosen person beside it.

Typing searches after a pause (``DEBOUNCE_MS``; Enter at once): a name part,
an ID-number part or pinyin initials ("zsf" → 张三丰). The count is read in
the background, one at a time: a count for a query already replaced is not
shown, and only the newest waiting query is counted next.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Final, TypeVar

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from bzdesk.changes import Area
from bzdesk.roles import Can
from bzdesk.services.staffing import (
    CategoryView,
    Cursor,
    PersonQuery,
    PersonView,
    UnitView,
    list_categories,
    list_units,
)
from bzdesk.services.staffing.roster_queries import roster_count, roster_page
from ui import ops
from ui.pages.base import Page, PageContext
from ui.pages.roster_common import UnitPicker, fill_categories, make_table
from ui.pages.roster_detail import Actions, PersonCard, PersonPanel
from ui.pages.roster_model import COLUMNS, PAGE, SORT_COLUMNS, Done, Failed, PeopleModel
from ui.pages.roster_person import PersonDialog
from ui.pages.roster_postings import LeaveDialog, PostingDialog, TransferDialog

DEBOUNCE_MS: Final = 250
D = TypeVar("D", bound=QDialog)


def _unsorted(query: PersonQuery) -> PersonQuery:
    """The query as far as its count goes (the order does not change it)."""
    return replace(query, sort="name", descending=False)


class RosterTab(Page):
    areas = frozenset({Area.PEOPLE, Area.POSTINGS, Area.UNITS})

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.units: list[UnitView] = []
        self.categories: list[CategoryView] = []
        self._counting: PersonQuery | None = None
        self._counted_for: PersonQuery | None = None
        self._applied: PersonQuery | None = None
        self._show_first = True  # after a new search: the first person found, if the
        # chosen one is not in the list (after a write the chosen one stays)
        self.model = PeopleModel(self._read_page)
        self.model.page_loaded.connect(self._page_loaded)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("查找：姓名、身份证号码片段或拼音首字母（如 zsf）"))
        self.search.setClearButtonEnabled(True)
        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(DEBOUNCE_MS)
        self.debounce.timeout.connect(self.apply)
        self.search.textChanged.connect(lambda _text: self.debounce.start())
        self.search.returnPressed.connect(self.apply)
        self.unit = UnitPicker(self.tr("全部单位"))
        self.unit.currentIndexChanged.connect(self.apply)
        self.sub_units = QCheckBox(self.tr("含下级单位"))
        self.sub_units.setChecked(True)
        self.sub_units.toggled.connect(self.apply)
        self.category = QComboBox()
        fill_categories(self.category, [], everyone=self.tr("全部编制类型"))
        self.category.currentIndexChanged.connect(self.apply)
        self.status = QComboBox()
        for label, value in ((self.tr("在编"), "open"), (self.tr("已出编"), "closed"),
                             (self.tr("全部"), "all")):
            self.status.addItem(label, value)
        self.status.currentIndexChanged.connect(self.apply)
        self.count_label = QLabel()
        self.new_button = QPushButton(self.tr("新增人员…"))
        self.new_button.setToolTip(self.tr("新增人员 (Ctrl+N)"))
        self.new_button.setShortcut("Ctrl+N")
        self.new_button.clicked.connect(lambda: self.open_person_form())
        self.new_button.setVisible(self.actor.can(Can.WRITE))

        self.panel = PersonPanel(self.ws, Actions(self.open_person_form, self.open_posting,
                                                 self.open_leave, self.open_transfer))
        self.table = make_table(self.model)
        header = self.table.horizontalHeader()
        header.setSortIndicator(SORT_COLUMNS["name"], Qt.SortOrder.AscendingOrder)
        header.setSortIndicatorShown(True)
        self.table.setSortingEnabled(True)
        header.sortIndicatorChanged.connect(self._sort_clicked)
        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.table.doubleClicked.connect(lambda _index: self.panel.edit_button.click())
        self._build_layout()
        self.reload_lists()
        self.apply()

    def _build_layout(self) -> None:
        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(self.unit, 2)
        filters.addWidget(self.sub_units)
        filters.addWidget(self.category)
        filters.addWidget(self.status)
        filters.addWidget(self.count_label)
        filters.addWidget(self.new_button)
        split = QSplitter()
        split.addWidget(self.table)
        split.addWidget(self.panel)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([760, 440])
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(split, 1)

    # -- reading -------------------------------------------------------------------
    def search_box(self) -> QLineEdit:
        return self.search

    def query(self) -> PersonQuery:
        """What the filters say, in the list's current order."""
        return PersonQuery(text=self.search.text(), unit_id=self.unit.unit_id(),
                           include_sub_units=self.sub_units.isChecked(),
                           category_id=self.category.currentData(),
                           status=self.status.currentData(), sort=self.model.query.sort,
                           descending=self.model.query.descending)

    def apply(self) -> None:
        """Search now with what the filters say (a changed query starts from page 1)."""
        self.debounce.stop()
        query = self.query()
        if query != self._applied:
            self._applied = query
            self._show_first = True
            self.model.set_query(query)
            self.count()

    def reload(self) -> None:
        self.reload_lists()
        self._applied = self.query()
        self._show_first = False
        self.model.set_query(self._applied)
        self._counted_for = None
        self.count()
        self.panel.reload()

    def reload_lists(self) -> None:
        ops.run_read(self, self.ws, list_units, on_success=self._units)
        ops.run_read(self, self.ws, list_categories, on_success=self._categories)

    def _units(self, units: list[UnitView]) -> None:
        self.units = units
        self.unit.blockSignals(True)
        self.unit.set_units(units)
        self.unit.blockSignals(False)

    def _categories(self, categories: list[CategoryView]) -> None:
        self.categories = categories
        fill_categories(self.category, categories, everyone=self.tr("全部编制类型"))

    def _read_page(self, query: PersonQuery, after: Cursor | None, done: Done,
                   failed: Failed) -> None:
        def refused(_exc: BaseException) -> bool:
            failed()
            return False  # still shown once, by ui.errors

        ops.run_read(self, self.ws, roster_page, query, after, PAGE, on_success=done,
                     on_error=refused)

    def count(self) -> None:
        wanted = _unsorted(self.model.query)
        if self._counting is not None or wanted == self._counted_for:
            return  # (_counted starts the newest query when the running one is back)
        self._counting = wanted
        self.count_label.setText(self.tr("正在统计人数…"))
        ops.run_read(self, self.ws, roster_count, wanted, on_success=self._counted,
                     on_error=self._count_failed)

    def _count_failed(self, _exc: BaseException) -> bool:
        self._counted(None)
        return False  # shown once, by ui.errors

    def _counted(self, total: int | None) -> None:
        asked, self._counting = self._counting, None
        if asked != _unsorted(self.model.query):
            self.count()
        elif total is None:
            self.count_label.setText("")
        else:
            self._counted_for = asked
            self.count_label.setText(self.tr("共 {0} 人").format(total))

    def _page_loaded(self) -> None:
        if not self.model.rowCount() or len(self.model.rows) > PAGE:
            return
        self.table.resizeColumnsToContents()
        chosen = self.panel.person_id
        row = self.model.row_of(chosen) if chosen else -1
        if row < 0 and (chosen is None or self._show_first):
            self.table.selectRow(0)  # the first person found, rather than none
        elif row >= 0 and self.table.currentIndex().row() != row:
            self.table.selectRow(row)

    def _sort_clicked(self, column: int, _order: Qt.SortOrder) -> None:
        """Only some columns sort (in the query); the others keep the old arrow."""
        if COLUMNS[column][2] is None:
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(SORT_COLUMNS[self.model.query.sort],
                                    Qt.SortOrder.DescendingOrder if self.model.query.descending
                                    else Qt.SortOrder.AscendingOrder)
            header.blockSignals(False)

    def _row_chosen(self) -> None:
        row = self.model.row_at(self.table.currentIndex().row())
        if row is not None and row.id != self.panel.person_id:
            self.panel.show_person(row.id)

    def show_person(self, person_id: str) -> None:
        self.panel.show_person(person_id)
        row = self.model.row_of(person_id)
        if row >= 0:
            self.table.selectRow(row)

    # -- dialogs -------------------------------------------------------------------
    def open_person_form(self, person: PersonView | None = None) -> PersonDialog:
        dialog = PersonDialog(self.ws, self, person=person)
        dialog.accepted.connect(lambda: self._saved(dialog))
        dialog.open()
        return dialog

    def _saved(self, dialog: PersonDialog) -> None:
        if dialog.saved is not None:
            self.panel.show_person(dialog.saved.id)

    def open_posting(self, card: PersonCard) -> PostingDialog:
        return self.open_posting_for(card.person.id, card.person.name)

    def open_posting_for(self, person_id: str, name: str) -> PostingDialog:
        return self._opened(PostingDialog(self.ws, person_id, name, self.units,
                                          self.categories, self))

    def open_leave(self, card: PersonCard) -> LeaveDialog | None:
        current = card.open_posting
        if current is None:
            return None
        return self._opened(LeaveDialog(self.ws, card.person.name, current, self))

    def open_transfer(self, card: PersonCard) -> TransferDialog:
        return self._opened(TransferDialog(self.ws, card.person.id, card.person.name,
                                           card.open_posting, self.units, self.categories,
                                           self))

    def _opened(self, dialog: D) -> D:
        dialog.open()
        return dialog

    def selected(self) -> tuple[str, str] | None:
        """(id, name) of the chosen person, else of the first row."""
        row = self.model.row_at(self.table.currentIndex().row()) or self.model.row_at(0)
        return (row.id, row.name) if row else None
