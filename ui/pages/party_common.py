"""Pieces the party tabs share: tables, organisation and year pickers, a tab base
that reloads with the party area."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from PySide6.QtCore import QAbstractItemModel, QCoreApplication
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHeaderView, QSpinBox, QTableView

from bzdesk.changes import Area
from bzdesk.services.party import OrgView
from ui.pages.base import Page
from ui.pages.visits_form_parts import date_edit, picked

__all__ = ["PartyTab", "date_edit", "fill_orgs", "make_table", "org_label", "picked",
           "selected_row", "year_box"]


def _tr(text: str) -> str:
    return QCoreApplication.translate("party", text)


class PartyTab(Page):
    """A section of the party page: reloads when party records change."""

    areas: ClassVar[frozenset[Area]] = frozenset({Area.PARTY, Area.ATTACHMENTS})


def make_table(model: QAbstractItemModel, *, editable: bool = False,
               stretch: int | None = None) -> QTableView:
    """A read-only (or cell-editable) table sized to its contents; ``stretch`` is the
    column that takes the spare width (default: the last)."""
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows
                               if not editable else QAbstractItemView.SelectionBehavior.SelectItems)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    if not editable:
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch is None:
        header.setStretchLastSection(True)
    else:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def selected_row(table: QTableView) -> int:
    rows = table.selectionModel().selectedRows() or table.selectionModel().selectedIndexes()
    return rows[0].row() if rows else -1


def org_label(org: OrgView) -> str:
    """The name indented by depth, as in a tree (full-width spaces keep CJK aligned)."""
    return "　" * org.depth + org.name


def fill_orgs(box: QComboBox, orgs: list[OrgView], *, kinds: tuple[str, ...] = (),
              everyone: str = "") -> None:
    """Fill ``box`` with the organisations (of ``kinds`` only, when given), keeping the
    current choice; ``everyone`` adds a first "all" entry with no id."""
    current = box.currentData()
    box.blockSignals(True)
    box.clear()
    if everyone:
        box.addItem(everyone, None)
    for org in orgs:
        if org.active and (not kinds or org.kind in kinds):
            box.addItem(org_label(org), org.id)
    found = box.findData(current)
    box.setCurrentIndex(found if found >= 0 else 0)
    box.blockSignals(False)


def year_box(year: int | None = None) -> QSpinBox:
    box = QSpinBox()
    box.setRange(2000, 2100)
    box.setValue(year or date.today().year)
    box.setSuffix(_tr(" 年"))
    return box
