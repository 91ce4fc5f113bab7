"""Pieces the 机构编制 tabs share: a tab base that loads when first shown, tables,
unit and 编制类型 pickers, count and date fields, and a form dialog that shows a
refusal inside itself."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QDate, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bzdesk.changes import Area
from bzdesk.errors import BzError
from bzdesk.roles import Can
from bzdesk.services.staffing import CategoryView, UnitView
from bzdesk.services.staffing._common import MAX_COUNT
from ui.errors import describe
from ui.pages.base import Page, PageContext
from ui.pages.visits_form_parts import date_edit, picked
from ui.widgets import OK_STYLE, FormDialog, heading, hint_label, set_message

if TYPE_CHECKING:
    from bzdesk.workspace import Workspace

__all__ = ["OVER", "RIGHT", "SHORT", "STAFFING_AREAS", "SURPLUS", "StaffingDialog",
           "StaffingTab", "button_row", "category_box", "chosen", "count_box", "date_edit",
           "fill_units", "live_label", "make_table", "optional_date", "optional_date_edit",
           "permit", "picked", "selected_row", "titled"]

RIGHT = Qt.AlignmentFlag.AlignRight
OVER = "#ffcdd2"     # 超编, 超职数, overdue loans
SHORT = "#fff3c4"    # a school below its standard, a plan above 空编
SURPLUS = "#e3f2fd"  # a school above its standard
NO_DATE = QDate(1900, 1, 1)  # an optional date field's "未填" value
STAFFING_AREAS = frozenset({Area.UNITS, Area.QUOTAS, Area.POSTINGS, Area.PLANS, Area.POOL,
                            Area.DICTIONARIES})


def _tr(text: str) -> str:
    return QCoreApplication.translate("staffing", text)


class StaffingTab(Page):
    """A tab of the 机构编制 page. It reads when it is first shown and, after a
    change in its areas, at once when visible or else the next time it is shown:
    the other tabs' statistics are not recomputed after every keystroke's write."""

    areas: ClassVar[frozenset[Area]] = STAFFING_AREAS

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._stale = True

    @property
    def writer(self) -> bool:
        return self.actor.can(Can.WRITE)

    def on_changed(self, changes: frozenset[Area]) -> None:
        if changes & self.areas:
            self.refresh()

    def refresh(self) -> None:
        if self.isVisible():
            self._stale = False
            self.reload()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.reload()


class StaffingDialog(FormDialog):
    """A FormDialog that shows a refusal that is not about one of its fields (a unit
    that still has people, an approval above 空编) in a line above the form."""

    def __init__(self, ws: Workspace, title: str, parent: QWidget | None = None,
                 ok_text: str = "") -> None:
        super().__init__(ws, title, parent, ok_text=ok_text or _tr("保存"))
        self.setMinimumWidth(480)
        self.buttons.button(self.buttons.StandardButton.Cancel).setText(_tr("取消"))
        self.message = hint_label()
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(0, self.message)

    def revalidate(self) -> None:
        super().revalidate()
        QTimer.singleShot(0, self, self.fit)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.fit()

    def fit(self) -> None:
        """Grow to the height the wrapped lines need at this width: Qt sizes a shown
        dialog once, so a hint that appears later would be clipped."""
        layout = self.layout()
        if layout is None or not self.isVisible():
            return
        layout.activate()
        width = self.width()
        need = (layout.totalHeightForWidth(width) if layout.hasHeightForWidth()
                else layout.totalSizeHint().height())
        if need > self.height():
            self.resize(width, need)

    def _refused(self, exc: BaseException) -> bool:
        if super()._refused(exc):
            return True
        if isinstance(exc, BzError):
            set_message(self.message, describe(exc))
            QTimer.singleShot(0, self, self.fit)
            return True
        return False


def live_label() -> QLabel:
    """The numbers a dialog reads as the clerk chooses (one line each, never wrapped:
    a wrapped label in a form that is already shown gets clipped)."""
    label = hint_label(OK_STYLE)
    label.setWordWrap(False)
    return label


def make_table(model: QAbstractItemModel, *, stretch: int | None = None,
               editable: bool = False) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems if editable
                               else QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    if not editable:
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.setAlternatingRowColors(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch is None:
        header.setStretchLastSection(True)
    else:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def titled(title: str, table: QWidget) -> QWidget:
    """A table under a small heading, as one block of a splitter."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 4, 0, 0)
    layout.addWidget(heading(title, 1.0))
    layout.addWidget(table, 1)
    return box


def selected_row(table: QTableView) -> int:
    model = table.selectionModel()
    rows = model.selectedRows() or model.selectedIndexes()
    return rows[0].row() if rows else -1


def button_row(*buttons: QWidget, stretch_at: int | None = None) -> QHBoxLayout:
    row = QHBoxLayout()
    for i, button in enumerate(buttons):
        if i == stretch_at:
            row.addStretch(1)
        row.addWidget(button)
    if stretch_at is None:
        row.addStretch(1)
    return row


def permit(button: QPushButton, allowed: bool, why: str) -> None:
    """Enable ``button`` or grey it out with a tooltip saying who may use it."""
    button.setEnabled(allowed)
    button.setToolTip("" if allowed else why)


def fill_units(box: QComboBox, units: Sequence[UnitView], *, blank: str = "",
               exclude: frozenset[str] = frozenset(), chosen_id: str | None = None) -> None:
    """Active units by name (type to search; the completer matches inside names)."""
    box.blockSignals(True)
    box.clear()
    box.setEditable(True)
    box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    if blank:
        box.addItem(blank, None)
    for unit in units:
        if unit.active and unit.id not in exclude:
            box.addItem(unit.name, unit.id)
    completer = QCompleter(box.model(), box)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    box.setCompleter(completer)
    box.setCurrentIndex(max(0, box.findData(chosen_id)) if box.count() else -1)
    box.blockSignals(False)


def chosen(box: QComboBox) -> str | None:
    """The id of the item whose text is in the box, None for typed text that is none."""
    index = box.findText(box.currentText().strip())
    return box.itemData(index) if index >= 0 else None


def category_box(categories: Sequence[CategoryView], chosen_id: str | None = None,
                 ) -> QComboBox:
    box = QComboBox()
    for c in categories:
        box.addItem(c.name, c.id)
    box.setCurrentIndex(max(0, box.findData(chosen_id)))
    return box


def count_box(value: int = 0, minimum: int = 0, maximum: int = MAX_COUNT) -> QSpinBox:
    """A whole number of posts: the spin box admits nothing else."""
    box = QSpinBox()
    box.setRange(minimum, maximum)
    box.setValue(max(minimum, min(value, maximum)))
    box.setSuffix(_tr(" 名"))
    return box


def optional_date_edit(day: date | None = None) -> QDateEdit:
    edit = date_edit(day)
    edit.setMinimumDate(NO_DATE)
    edit.setSpecialValueText(_tr("（未填）"))
    if day is None:
        edit.setDate(NO_DATE)
    return edit


def optional_date(edit: QDateEdit) -> date | None:
    return None if edit.date() == NO_DATE else picked(edit)
