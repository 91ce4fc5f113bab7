"""机构编制 page, the 机构 tab: the tree and its search, a unit created through the
form, inline checks that keep Save disabled, quotas and leader posts through their
dialogs, refusals shown in the dialog, read-only roles, the import button, and
every model of the page through qtmodeltester. (Shared helpers live here; the
other tabs are tested in test_staffing_page_flows.py.)"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import date
from types import ModuleType
from typing import Any, TypeVar

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from qt_helpers import Boxes, make_workspace, open_window, type_into

from bzdesk.db import Database
from bzdesk.roles import Actor
from bzdesk.services import staffing
from bzdesk.workspace import Workspace
from ui import ops
from ui.main_window import MainWindow
from ui.pages.staffing import StaffingPage
from ui.pages.staffing_common import OVER, StaffingTab
from ui.pages.staffing_models import UnitTreeModel
from ui.pages.staffing_quota_dialogs import LeaderDialog, QuotaDialog
from ui.pages.staffing_unit_dialogs import CloseDialog, MoveDialog, UnitDialog
from ui.pages.staffing_units import UnitsTab

D = TypeVar("D", bound=QDialog)
TODAY = date.today()
SY = staffing.default_category_id("SY")
XZ = staffing.default_category_id("XZ")
GOOD_USCC = "91360121MA35XXXX0A"  # checksum A (`main.py check uscc` agrees)
BAD_USCC = "91360121MA35XXXX0B"


# -- helpers the flows tests share ------------------------------------------------
@pytest.fixture
def demo(db: Database, admin: Actor) -> None:
    with db.write() as s:
        staffing.generate_staffing(s, admin, people=200, seed=1)


@pytest.fixture
def approver_ws(db: Database, approver: Actor) -> Iterator[Workspace]:
    yield from make_workspace(db, approver)


@pytest.fixture
def viewer_ws(db: Database, viewer: Actor) -> Iterator[Workspace]:
    yield from make_workspace(db, viewer)


def settle(qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: ops.pending() == 0, timeout=20_000)


def staffing_page(qtbot: QtBot, window: MainWindow) -> StaffingPage:
    page = window.show_page("staffing")
    assert isinstance(page, StaffingPage)
    settle(qtbot)
    return page


def show(qtbot: QtBot, page: StaffingPage, tab: StaffingTab) -> None:
    page.show_section(tab)
    settle(qtbot)


def opened(qtbot: QtBot, owner: QWidget, kind: type[D]) -> D:
    qtbot.waitUntil(lambda: any(w.isVisible() for w in owner.findChildren(kind)))
    return next(w for w in owner.findChildren(kind) if w.isVisible())


def save(qtbot: QtBot, dialog: QDialog, ok: Any) -> None:
    with qtbot.waitSignal(dialog.accepted, timeout=20_000):
        ok.click()
    settle(qtbot)


def background(model: Any, row: int) -> QColor | None:
    value = model.data(model.index(row, 0), Qt.ItemDataRole.BackgroundRole)
    return value if isinstance(value, QColor) else None


def choose(units: UnitsTab, qtbot: QtBot, name: str) -> staffing.UnitView:
    unit = next(u for u in units.units if u.name == name)
    assert units.select_unit(unit.id)
    qtbot.waitUntil(lambda: units.detail is not None and units.detail.unit.id == unit.id)
    settle(qtbot)
    return unit


def over_unit(db: Database, admin: Actor) -> tuple[str, str]:
    """A unit and 编制类型 that are 超编 in the demo (its approved 超编 override)."""
    with db.read() as s:
        row = next(r for r in staffing.staffing_stats(s, admin).rows if r.over)
    return row.unit, row.category_id


# -- the tests --------------------------------------------------------------------
def test_every_model_passes_the_model_tester(qtbot: QtBot, qtmodeltester: Any, demo: None,
                                             window: MainWindow) -> None:
    page = staffing_page(qtbot, window)
    for tab in page.sections:
        show(qtbot, page, tab)
    units = page.units
    show(qtbot, page, units)
    qtbot.waitUntil(lambda: units.detail is not None)
    models = [units.model, units.pane.lines, units.pane.leaders, units.pane.history,
              page.categories.model, page.plans.model, page.pool.balances, page.pool.loans,
              page.pool.ledger, page.teachers.schools, page.teachers.ratios,
              page.teachers.proposal, page.stats.rows, page.stats.totals, page.stats.leaders,
              page.stats.moves, page.stats.routes]
    for model in models:
        qtmodeltester.check(model)
        assert model.rowCount() > 0, model
    tree = units.model
    parent = next(i for i in range(tree.rowCount()) if tree.rowCount(tree.index(i, 0)))
    child = tree.index(0, 0, tree.index(parent, 0))
    assert tree.parent(child) == tree.index(parent, 0)
    assert not tree.parent(tree.index(parent, 0)).isValid()


def test_search_filters_the_tree_and_ctrl_f_focuses_it(qtbot: QtBot, demo: None,
                                                       window: MainWindow) -> None:
    page = staffing_page(qtbot, window)
    units = page.units
    total = units.model.visible_count()
    show(qtbot, page, page.stats)
    window.focus_search()
    assert page.tabs.currentWidget() is units and page.search_box() is units.search
    school = next(u for u in units.units if u.name.endswith("第一中学"))
    assert school.uscc is not None
    type_into(units.search, school.uscc[-6:].lower())
    assert 1 < units.model.visible_count() < total  # the school and the bureau above it
    settle(qtbot)
    assert units.selected_unit() is not None
    found = units.model.index_of(school.id)
    assert found.isValid() and units.model.parent(found).isValid()
    type_into(units.search, "第一中学")
    assert units.model.index_of(school.id).isValid()
    type_into(units.search, "没有这个机构")
    assert units.model.visible_count() == 0
    settle(qtbot)
    assert units.detail is None and not units.edit_button.isEnabled()
    type_into(units.search, "")
    assert units.model.visible_count() == total


def test_a_unit_created_through_the_form_appears_in_the_tree(qtbot: QtBot, demo: None,
                                                             window: MainWindow) -> None:
    units = staffing_page(qtbot, window).units
    bureau = next(u.name for u in units.units if u.name.endswith("教育体育局"))
    parent = choose(units, qtbot, bureau)
    units.add_button.click()
    dialog = opened(qtbot, units, UnitDialog)
    assert dialog.parent_box.currentData() == parent.id
    assert not dialog.ok.isEnabled()  # no name yet
    type_into(dialog.name, "示范县第三中学")
    type_into(dialog.short_name, "三中")
    type_into(dialog.uscc, GOOD_USCC.lower())
    dialog.shiye.setCurrentIndex(dialog.shiye.findData("公益一类"))
    assert dialog.ok.isEnabled(), dialog.form.hint_text("统一社会信用代码")
    save(qtbot, dialog, dialog.ok)
    made = next(u for u in units.units if u.name == "示范县第三中学")
    assert (made.parent_id, made.uscc, made.kind, made.shiye_class) == (
        parent.id, GOOD_USCC, "事业单位", "公益一类")
    index = units.model.index_of(made.id)
    assert index.isValid() and units.model.parent(index).data() == parent.name
    type_into(units.search, "三中")
    assert units.model.index_of(made.id).isValid()


def test_invalid_credit_code_keeps_save_disabled_with_the_reason(
        qtbot: QtBot, demo: None, window: MainWindow) -> None:
    units = staffing_page(qtbot, window).units
    units.add_button.click()
    dialog = opened(qtbot, units, UnitDialog)
    type_into(dialog.name, "示范县数据局")
    assert dialog.ok.isEnabled()
    type_into(dialog.uscc, BAD_USCC)
    assert not dialog.ok.isEnabled()
    assert "校验码不正确" in dialog.form.hint_text("统一社会信用代码")
    type_into(dialog.uscc, "12345")
    assert "18 位" in dialog.form.hint_text("统一社会信用代码")
    taken = next(u for u in units.units if u.uscc)
    type_into(dialog.uscc, taken.uscc or "")
    assert taken.name in dialog.form.hint_text("统一社会信用代码")
    type_into(dialog.uscc, "")
    type_into(dialog.name, taken.name)
    assert not dialog.ok.isEnabled() and "已有名为" in dialog.form.hint_text("机构名称")
    type_into(dialog.name, "示范县数据局")
    assert dialog.ok.isEnabled() and dialog.form.hint_text("统一社会信用代码") == ""
    dialog.reject()


def test_quota_dialog_changes_the_approved_count(qtbot: QtBot, demo: None, db: Database,
                                                 admin: Actor, window: MainWindow) -> None:
    name, category = over_unit(db, admin)
    units = staffing_page(qtbot, window).units
    choose(units, qtbot, name)
    assert units.pane.alert.isVisibleTo(units) and "超编" in units.pane.alert.text()
    lines = units.pane.lines
    row = next(i for i, r in enumerate(lines.rows) if r.category_id == category)
    assert background(lines, row) == QColor(OVER)
    before = lines.rows[row]
    units.quota_button.click()
    dialog = opened(qtbot, units, QuotaDialog)
    assert not dialog.ok.isEnabled()  # nothing changed yet
    dialog.counts[category].setValue(dialog.counts[category].value() + before.over + 2)
    type_into(dialog.doc, "示编发〔2026〕3号")
    save(qtbot, dialog, dialog.ok)
    qtbot.waitUntil(lambda: units.pane.lines.rows[row].approved == before.approved
                    + before.over + 2)
    assert units.pane.lines.rows[row].over == 0 and background(lines, row) is None
    assert units.pane.history.rows[0].doc == "示编发〔2026〕3号"
    assert not units.pane.alert.isVisibleTo(units)


def test_leader_posts_through_their_dialog(qtbot: QtBot, demo: None, db: Database,
                                          admin: Actor, window: MainWindow) -> None:
    with db.read() as s:
        leader = next(r for r in staffing.leader_stats(s, admin) if r.deputy_filled)
    units = staffing_page(qtbot, window).units
    choose(units, qtbot, leader.unit)
    units.leader_button.click()
    dialog = opened(qtbot, units, LeaderDialog)
    dialog.chief.setValue(leader.chief_approved)
    dialog.deputy.setValue(leader.deputy_filled - 1)
    save(qtbot, dialog, dialog.ok)
    qtbot.waitUntil(lambda: units.detail is not None
                    and units.detail.leader.deputy_approved == leader.deputy_filled - 1)
    assert background(units.pane.leaders, 1) == QColor(OVER)  # one deputy too many
    assert background(units.pane.leaders, 0) is None
    assert "副职超职数 1 名" in units.pane.alert.text()


def test_move_freeze_and_close(qtbot: QtBot, demo: None, db: Database, admin: Actor,
                               window: MainWindow, boxes: Boxes) -> None:
    with db.write() as s:
        empty = staffing.create_unit(s, admin, staffing.UnitInput("示范县临时机构",
                                                                  "政府工作部门")).value
    units = staffing_page(qtbot, window).units
    target = units.units[0]
    choose(units, qtbot, empty.name)
    units.move_button.click()
    move = opened(qtbot, units, MoveDialog)
    assert not move.ok.isEnabled()  # still at the top: choose another parent
    move.target.setCurrentIndex(move.target.findData(target.id))
    save(qtbot, move, move.ok)
    assert units.model.parent(units.model.index_of(empty.id)).data() == target.name

    choose(units, qtbot, empty.name)
    units.freeze_button.click()
    qtbot.waitUntil(lambda: units.freeze_button.text() == "取消只出不进")
    assert units.detail is not None and units.detail.unit.freeze_in

    units.close_button.click()
    close = opened(qtbot, units, CloseDialog)
    close.action.setCurrentIndex(close.action.findData("合并"))
    close.target.setCurrentIndex(close.target.findData(target.id))
    type_into(close.doc, "示编发〔2026〕9号")
    save(qtbot, close, close.ok)
    assert any("确定将“示范县临时机构”并入" in text for text in boxes.texts("question"))
    closed = next(u for u in units.units if u.id == empty.id)
    assert (closed.status, closed.merged_into_id) == ("已合并", target.id)
    assert not units.model.index_of(empty.id).isValid()  # closed units are hidden
    units.show_closed.setChecked(True)
    assert units.model.index_of(empty.id).isValid()


def test_closing_a_unit_with_people_shows_the_refusal(qtbot: QtBot, demo: None, db: Database,
                                                      admin: Actor, window: MainWindow,
                                                      boxes: Boxes) -> None:
    name, _ = over_unit(db, admin)
    units = staffing_page(qtbot, window).units
    choose(units, qtbot, name)
    units.close_button.click()
    dialog = opened(qtbot, units, CloseDialog)
    boxes.answer = QMessageBox.StandardButton.No
    dialog.ok.click()
    settle(qtbot)
    assert dialog.isVisible() and dialog.ok.isEnabled() and not dialog.message.text()
    boxes.answer = QMessageBox.StandardButton.Yes
    dialog.ok.click()
    qtbot.waitUntil(lambda: "在编人员" in dialog.message.text())
    assert dialog.isVisible() and boxes.texts("warning") == []
    dialog.reject()
    assert next(u for u in units.units if u.name == name).active


def test_read_only_roles_see_everything_and_change_nothing(
        qtbot: QtBot, demo: None, viewer_ws: Workspace) -> None:
    window = open_window(qtbot, viewer_ws)
    page = staffing_page(qtbot, window)
    for tab in page.sections:
        show(qtbot, page, tab)
    show(qtbot, page, page.units)
    units = page.units
    qtbot.waitUntil(lambda: units.detail is not None)
    assert units.units and units.pane.lines.rowCount() > 0
    buttons = [units.add_button, units.edit_button, units.move_button, units.close_button,
               units.freeze_button, units.quota_button, units.leader_button,
               page.categories.add_button, page.plans.apply_button, page.plans.approve_button,
               page.pool.lend_button, page.pool.recover_button, page.pool.return_button,
               page.teachers.add_button, page.teachers.accept_button]
    assert not any(b.isEnabled() for b in buttons)
    assert "只能查看" in units.add_button.toolTip()
    assert "审核人" in page.plans.approve_button.toolTip()
    schools = page.teachers.schools
    assert not schools.flags(schools.index(0, 2)) & Qt.ItemFlag.ItemIsEditable


def test_main_dialogs_open_and_close(qtbot: QtBot, demo: None, window: MainWindow) -> None:
    page = staffing_page(qtbot, window)
    qtbot.waitUntil(lambda: page.units.detail is not None)
    kinds = set()
    for factory in page.main_dialogs():
        dialog = factory()
        dialog.show()
        settle(qtbot)
        kinds.add(type(dialog).__name__)
        dialog.reject()
    assert {"UnitDialog", "QuotaDialog", "LeaderDialog"} <= kinds


def test_import_and_export_buttons_call_the_wizard(
        qtbot: QtBot, demo: None, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    page = staffing_page(qtbot, window)
    assert not page.units.import_button.isHidden() and not page.units.export_button.isHidden()
    calls: list[tuple[Any, Any, str]] = []
    fake = ModuleType("ui.import_wizard")
    fake.open_import_wizard = lambda parent, ws, kind: calls.append(  # type: ignore[attr-defined]
        (parent, ws, kind))
    fake.export_workbook = lambda parent, ws, kind: calls.append(  # type: ignore[attr-defined]
        (parent, ws, "export " + kind))
    monkeypatch.setitem(sys.modules, "ui.import_wizard", fake)
    tab = UnitsTab(page.ctx)
    qtbot.addWidget(tab)
    assert tab.import_button.isEnabled() and tab.export_button.isEnabled()
    tab.import_button.click()
    tab.export_button.click()
    assert calls == [(tab, tab.ws, "units"), (tab, tab.ws, "export units")]


def test_an_empty_tree_answers_outside_its_rows() -> None:
    model = UnitTreeModel()
    assert not model.index(0, 0).isValid() and not model.first_index().isValid()
    assert model.unit_at(QModelIndex()) is None and model.rowCount() == 0
