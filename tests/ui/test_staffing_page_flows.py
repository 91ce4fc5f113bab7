"""机构编制 page, the other tabs: 编制类型, 用编计划 (apply as a clerk, approve or
reject as an approver), 编制周转池 (借出, 归还, overdue loans in red), the teacher
calculator (pupils and ratios typed into the tables, the proposal accepted) and the
statistics with their Excel export."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
import test_staffing_page as shared
from openpyxl import load_workbook
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot
from qt_helpers import make_workspace, open_window, type_into
from test_staffing_page import (
    SY,
    TODAY,
    background,
    opened,
    save,
    settle,
    show,
    staffing_page,
)

from bzdesk.db import Database
from bzdesk.roles import Actor
from bzdesk.services import staffing
from bzdesk.services.staffing import page_queries
from bzdesk.workspace import Workspace
from ui.main_window import MainWindow
from ui.pages.staffing_categories import CategoryDialog
from ui.pages.staffing_common import OVER
from ui.pages.staffing_plans import ApplyDialog, DecideDialog
from ui.pages.staffing_pool_dialogs import LendDialog, ReturnDialog
from ui.pages.staffing_teachers import FIRST_STAGE, STAGES, AcceptDialog

LONG_AGO = TODAY - timedelta(days=400)
demo = shared.demo  # the fixtures, shared with the 机构 tab's tests
approver_ws = shared.approver_ws


def vacant_row(db: Database, actor: Actor, category_id: str | None = None) -> staffing.StatsRow:
    """A unit × 编制类型 with room for at least one more person."""
    with db.read() as s:
        frozen = {u.id for u in staffing.list_units(s, actor) if u.freeze_in}
        rows = staffing.staffing_stats(s, actor).rows
    return next(r for r in rows if r.vacant >= 1 and r.unit_id not in frozen
                and (category_id is None or r.category_id == category_id))


@pytest.fixture
def pending_plan(db: Database, clerk: Actor, demo: None) -> staffing.PlanView:
    row = vacant_row(db, clerk)
    with db.write() as s:
        return staffing.apply_plan(s, clerk, staffing.PlanInput(
            row.unit_id, row.category_id, 1, "界面测试补员")).value


@pytest.fixture
def clerk_window(qtbot: QtBot, db: Database, clerk: Actor) -> Any:
    for ws in make_workspace(db, clerk):
        yield open_window(qtbot, ws)


def plan_row(page: Any, plan_id: str) -> int:
    return next(i for i, r in enumerate(page.plans.model.rows) if r.plan.id == plan_id)


def test_an_approver_approves_a_plan(qtbot: QtBot, pending_plan: staffing.PlanView,
                                     approver_ws: Workspace) -> None:
    page = staffing_page(qtbot, open_window(qtbot, approver_ws))
    plans = page.plans
    show(qtbot, page, plans)
    row = plan_row(page, pending_plan.id)
    vacant = plans.model.rows[row].numbers.vacant
    plans.table.selectRow(row)
    assert plans.approve_button.isEnabled() and plans.reject_button.isEnabled()
    plans.approve_button.click()
    dialog = opened(qtbot, plans, DecideDialog)
    qtbot.waitUntil(lambda: f"空编 {vacant} 名" in dialog.live.text())
    assert dialog.ok.isEnabled()
    save(qtbot, dialog, dialog.ok)
    qtbot.waitUntil(lambda: plans.model.rows[plan_row(page, pending_plan.id)].plan.status
                    == "已批准")
    line = plans.model.rows[plan_row(page, pending_plan.id)]
    assert line.numbers.vacant == vacant - 1 and line.plan.decided_by == "approver"
    assert not plans.approve_button.isEnabled()


def test_a_rejection_needs_a_reason(qtbot: QtBot, pending_plan: staffing.PlanView,
                                    approver_ws: Workspace) -> None:
    page = staffing_page(qtbot, open_window(qtbot, approver_ws))
    show(qtbot, page, page.plans)
    page.plans.status.setCurrentIndex(page.plans.status.findData("待审核"))
    settle(qtbot)
    page.plans.table.selectRow(plan_row(page, pending_plan.id))
    dialog = page.plans.decide(False)
    assert dialog is not None and not dialog.ok.isEnabled()
    assert dialog.form.hint_text("驳回理由") == "请填写驳回理由。"
    type_into(dialog.note, "空编留作周转")
    save(qtbot, dialog, dialog.ok)
    qtbot.waitUntil(lambda: all(r.plan.id != pending_plan.id
                                for r in page.plans.model.rows))  # no longer 待审核


def test_a_clerk_applies_with_the_vacancy_shown_but_cannot_approve(
        qtbot: QtBot, db: Database, clerk: Actor, pending_plan: staffing.PlanView,
        clerk_window: MainWindow) -> None:
    page = staffing_page(qtbot, clerk_window)
    plans = page.plans
    show(qtbot, page, plans)
    plans.table.selectRow(plan_row(page, pending_plan.id))
    assert not plans.approve_button.isEnabled()
    assert plans.approve_button.toolTip() == "只有审核人可以批准或驳回用编计划。"
    assert plans.decide(True) is None
    row = vacant_row(db, clerk)
    with db.read() as s:
        vacant = page_queries.vacancy(s, clerk, row.unit_id, row.category_id).vacant
    plans.apply_button.click()
    dialog = opened(qtbot, plans, ApplyDialog)
    dialog.unit.setCurrentIndex(dialog.unit.findData(row.unit_id))
    dialog.category.setCurrentIndex(dialog.category.findData(row.category_id))
    qtbot.waitUntil(lambda: f"空编 {vacant} 名" in dialog.live.text())
    dialog.count.setValue(vacant + 1)
    assert "超过空编" in dialog.live.text()
    assert not dialog.ok.isEnabled()  # no reason yet
    type_into(dialog.reason, "新增业务申请补充人员")
    dialog.count.setValue(1)
    save(qtbot, dialog, dialog.ok)
    qtbot.waitUntil(lambda: any(r.plan.reason == "新增业务申请补充人员"
                                and r.plan.status == "待审核" for r in plans.model.rows))


@pytest.fixture
def overdue_loan(db: Database, admin: Actor, demo: None) -> staffing.PoolMoveView:
    """Posts recovered and lent long ago, due a month ago."""
    row = vacant_row(db, admin, SY)
    with db.write() as s:
        staffing.recover_to_pool(s, admin, staffing.RecoverInput(row.unit_id, SY, 1, LONG_AGO))
    with db.write() as s:
        return staffing.lend_from_pool(s, admin, staffing.LendInput(
            row.unit_id, SY, 1, LONG_AGO, TODAY - timedelta(days=30), "测试借出")).value


def test_lend_and_return_through_the_pool(qtbot: QtBot, db: Database, admin: Actor,
                                          overdue_loan: staffing.PoolMoveView,
                                          window: MainWindow) -> None:
    page = staffing_page(qtbot, window)
    pool = page.pool
    show(qtbot, page, pool)
    late = next(i for i, loan in enumerate(pool.loans.rows) if loan.move.id == overdue_loan.id)
    assert background(pool.loans, late) == QColor(OVER)
    assert "已逾期" in pool.overdue.text()
    with db.read() as s:
        available = page_queries.pool_available(s, admin, SY)
    if not available:
        with db.write() as s:
            row = vacant_row(db, admin, SY)
            staffing.recover_to_pool(s, admin, staffing.RecoverInput(row.unit_id, SY, 1, TODAY))
        settle(qtbot)
    borrower = vacant_row(db, admin)
    loans_before, ledger_before = pool.loans.rowCount(), pool.ledger.rowCount()
    pool.lend_button.click()
    dialog = opened(qtbot, pool, LendDialog)
    dialog.unit.setCurrentIndex(dialog.unit.findData(borrower.unit_id))
    dialog.category.setCurrentIndex(dialog.category.findData(SY))
    qtbot.waitUntil(lambda: dialog.limit is not None and dialog.limit >= 1)
    dialog.count.setValue(dialog.limit + 1)
    assert not dialog.ok.isEnabled() and "最多" in dialog.form.hint_text("编制数")
    dialog.count.setValue(1)
    dialog.due.setDate(QDate(TODAY))
    assert not dialog.ok.isEnabled()
    dialog.due.setDate(QDate(TODAY + timedelta(days=365)))
    type_into(dialog.doc, "示编发〔2026〕7号")
    save(qtbot, dialog, dialog.ok)
    qtbot.waitUntil(lambda: pool.loans.rowCount() == loans_before + 1)
    assert pool.ledger.rowCount() == ledger_before + 1
    assert (pool.ledger.rows[0].kind, pool.ledger.rows[0].doc) == ("借出", "示编发〔2026〕7号")

    pool.loan_table.selectRow(late)
    assert pool.return_button.isEnabled()
    pool.return_button.click()
    back = opened(qtbot, pool, ReturnDialog)
    save(qtbot, back, back.ok)
    qtbot.waitUntil(lambda: all(not loan.overdue for loan in pool.loans.rows
                                if loan.move.id == overdue_loan.id))
    returned = next(loan for loan in pool.loans.rows if loan.move.id == overdue_loan.id)
    assert (returned.returned, returned.outstanding) == (1, 0)


def test_teacher_calculator_edits_and_accepts(qtbot: QtBot, db: Database, admin: Actor,
                                              demo: None, window: MainWindow) -> None:
    page = staffing_page(qtbot, window)
    teachers = page.teachers
    show(qtbot, page, teachers)
    schools = teachers.schools
    school = schools.rows[0]
    stage, pupils = school.pupils[0]
    column = FIRST_STAGE + STAGES.index(stage)
    area = teachers._area(school.unit_id)
    assert not schools.setData(schools.index(0, column), "很多")
    assert "整数" in teachers.message.text()
    assert schools.setData(schools.index(0, column), str(pupils + 200))
    assert dict(schools.rows[0].pupils)[stage] == pupils + 200  # shown at once
    qtbot.waitUntil(lambda: teachers.schools.rows[0].standard > school.standard)  # re-read
    assert dict(teachers.schools.rows[0].pupils)[stage] == pupils + 200
    with db.read() as s:
        stored = [p for p in staffing.school_pupils(s, admin, school.unit_id)
                  if p.stage == stage and p.year == teachers.year.value()]
    assert stored[0].area == area  # the school's area is kept

    ratios = teachers.ratios
    row = next(i for i, r in enumerate(ratios.rows)
               if r.scheme == staffing.UNIFIED_SCHEME and r.stage == "小学")
    assert ratios.flags(ratios.index(row, 3)) & Qt.ItemFlag.ItemIsEditable
    assert not ratios.setData(ratios.index(row, 3), "0.5")
    assert ratios.setData(ratios.index(row, 3), "20")
    settle(qtbot)
    qtbot.waitUntil(lambda: teachers.ratios.rows[row].pupils_per_post == "20")

    assert teachers.proposal.rowCount() > 0 and teachers.accept_button.isEnabled()
    moves = list(teachers.proposal.rows)
    with db.read() as s:
        before = len(staffing.pool_ledger(s, admin))
    teachers.accept_button.click()
    dialog = opened(qtbot, teachers, AcceptDialog)
    type_into(dialog.doc, "示编发〔2026〕11号")
    save(qtbot, dialog, dialog.ok)
    with db.read() as s:
        ledger = staffing.pool_ledger(s, admin)
    assert len(ledger) == before + len(moves)
    assert {(m.kind, m.unit_id, m.count) for m in ledger[before:]} == {
        (m.kind, m.unit_id, m.count) for m in moves}


def test_stats_tab_shows_rows_and_exports_a_workbook(
        qtbot: QtBot, demo: None, window: MainWindow, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    page = staffing_page(qtbot, window)
    stats = page.stats
    show(qtbot, page, stats)
    assert stats.rows.rowCount() > 10
    over = next(i for i, r in enumerate(stats.rows.rows) if r.over)
    assert background(stats.rows, over) == QColor(OVER)
    assert "超编" in stats.summary.text()
    categories = [t.category for t in stats.totals.rows]
    assert len(categories) == len(set(categories)) == 4  # per 编制类型, no grand total
    asked: list[str] = []

    def save_as(_parent: Any, _title: str, name: str, _filter: str) -> tuple[str, str]:
        asked.append(name)
        return str(tmp_path / "统计"), "Excel 文件 (*.xlsx)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_as))
    stats.export_button.click()
    qtbot.waitUntil(lambda: "已导出到" in stats.message.text(), timeout=20_000)
    assert asked and asked[0].endswith(".xlsx")
    book = load_workbook(tmp_path / "统计.xlsx", read_only=True)
    header = next(book["编制统计"].iter_rows(min_row=2, max_row=2, values_only=True))
    assert header[:8] == ("机构", "统一社会信用代码", "编制类型", "核定", "实有", "在途", "空编",
                          "超编")
    assert len(list(book["编制统计"].iter_rows())) == stats.rows.rowCount() + 2
    book.close()

    today_rows = stats.rows.rowCount()
    stats.as_of.setDate(QDate(2000, 1, 1))  # before the 三定 of 2019: nothing approved
    settle(qtbot)
    qtbot.waitUntil(lambda: stats.rows.rowCount() < today_rows)
    assert all(r.approved == 0 for r in stats.rows.rows)
    stats.start.setDate(QDate(date(TODAY.year, 1, 1)))
    assert stats.end.minimumDate() == stats.start.date()


def test_categories_are_added_by_an_administrator(qtbot: QtBot, demo: None,
                                                  window: MainWindow) -> None:
    page = staffing_page(qtbot, window)
    tab = page.categories
    show(qtbot, page, tab)
    assert tab.add_button.isEnabled()
    tab.add_button.click()
    dialog = opened(qtbot, tab, CategoryDialog)
    type_into(dialog.code, "XZ")
    type_into(dialog.name, "参公事业编制")
    assert not dialog.ok.isEnabled() and "行政编制" in dialog.form.hint_text("代码")
    type_into(dialog.code, "CG")
    type_into(dialog.aliases, "参公，参公事业")
    dialog.managed.setChecked(True)
    save(qtbot, dialog, dialog.ok)
    qtbot.waitUntil(lambda: any(c.name == "参公事业编制" for c in tab.model.rows))
    added = next(c for c in tab.model.rows if c.name == "参公事业编制")
    assert added.civil_service_managed and added.aliases == ("参公", "参公事业")


def test_a_clerk_may_not_edit_the_dictionaries(qtbot: QtBot, demo: None,
                                               clerk_window: MainWindow) -> None:
    page = staffing_page(qtbot, clerk_window)
    show(qtbot, page, page.categories)
    assert not page.categories.add_button.isEnabled()
    assert "管理员" in page.categories.add_button.toolTip()
    show(qtbot, page, page.teachers)
    ratios = page.teachers.ratios
    assert not ratios.flags(ratios.index(0, 3)) & Qt.ItemFlag.ItemIsEditable
    schools = page.teachers.schools
    assert schools.flags(schools.index(0, FIRST_STAGE)) & Qt.ItemFlag.ItemIsEditable
