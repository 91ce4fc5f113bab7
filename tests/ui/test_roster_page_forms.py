"""实名管理 page, the forms: a person (the ID checked as typed, a duplicate said
once), 入编 with a month-only date and the timeline, 超编 with an approver's
reason, 出编 and 调动, and the retirement list."""

from __future__ import annotations

from datetime import date

import pytest
from pytestqt.qtbot import QtBot
from qt_helpers import Boxes, type_into
from test_roster_page import XZ, approver_ws, id_card, idle, open_roster, staffed, viewer_ws

from bzdesk.db import Database
from bzdesk.roles import Actor
from bzdesk.services import staffing as st
from bzdesk.workspace import Workspace
from ui import ops
from ui.pages.roster import RosterPage
from ui.pages.roster_detail import PersonPanel
from ui.pages.roster_person import PersonDialog
from ui.pages.roster_postings import LeaveDialog, PostingDialog, TransferDialog

__all__ = ["approver_ws", "staffed", "viewer_ws"]  # fixtures used here


@pytest.fixture
def units(db: Database, admin: Actor, staffed: st.DemoSummary) -> dict[str, str]:
    """A unit with room (2 行政编制) and one with none (超编 on any 入编)."""
    with db.write() as s:
        roomy = st.create_unit(s, admin, st.UnitInput("县测试局", "政府工作部门")).value
        st.set_quota(s, admin, st.QuotaInput(roomy.id, XZ, 2, date(2019, 1, 1), "测编〔2019〕1号"))
        full = st.create_unit(s, admin, st.UnitInput("县满编局", "政府工作部门")).value
    return {"roomy": roomy.id, "full": full.id}


@pytest.fixture
def newcomer(db: Database, admin: Actor, staffed: st.DemoSummary) -> st.PersonView:
    with db.write() as s:
        return st.create_person(s, admin, st.PersonInput(
            "欧阳晓明", id_card(date(1995, 3, 8), 11))).value


def choose(qtbot: QtBot, page: RosterPage, person_id: str) -> PersonPanel:
    page.show_person(person_id)
    idle(qtbot)
    panel = page.roster.panel
    assert panel.card is not None and panel.card.person.id == person_id
    return panel


def accept(qtbot: QtBot, dialog: object) -> None:
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):  # type: ignore[attr-defined]
        dialog.ok.click()  # type: ignore[attr-defined]
    idle(qtbot)


def test_a_new_person_by_the_form(qtbot: QtBot, ws: Workspace, staffed: st.DemoSummary,
                                  boxes: Boxes) -> None:
    page = open_roster(qtbot, ws)
    form = page.roster.open_person_form()
    type_into(form.name, "李 小龙")
    type_into(form.id_number, "110105194912310021")
    assert "校验" in form.form.hint_text("公民身份号码") and not form.ok.isEnabled()
    assert form.sex.text() == "" and form.birth.text() == ""
    type_into(form.id_number, "11010519491231002x")
    assert form.form.hint_text("公民身份号码") == "" and form.ok.isEnabled()
    assert (form.sex.text(), form.birth.text()) == ("女", "1949-12-31")
    form.political.setCurrentIndex(form.political.findData("中共党员"))
    type_into(form.work_start, "1968.09")
    type_into(form.phone, "0791-8888 6666")
    accept(qtbot, form)
    saved = ws.read(st.find_person_by_id_number, "11010519491231002X")
    assert saved is not None and (saved.name, saved.work_start_precision) == ("李小龙", "month")
    assert page.roster.panel.card is not None
    assert page.roster.panel.facts["参加工作时间"].text() == "1968.09"
    again = page.roster.open_person_form()
    type_into(again.name, "李小龙")
    type_into(again.id_number, "11010519491231002X")
    qtbot.waitUntil(lambda: "已登记为“李小龙”" in again.form.hint_text("公民身份号码"))
    assert not again.ok.isEnabled() and boxes.shown == []
    again.reject()


def test_editing_keeps_the_number_and_changes_the_rest(
        qtbot: QtBot, ws: Workspace, newcomer: st.PersonView) -> None:
    page = open_roster(qtbot, ws)
    panel = choose(qtbot, page, newcomer.id)
    panel.edit_button.click()
    form = page.roster.findChildren(PersonDialog)[-1]
    assert form.id_number.text() == newcomer.id_number and form.ok.isEnabled()
    type_into(form.phone, "13800138000")
    accept(qtbot, form)
    assert ws.read(st.get_person, newcomer.id).phone == "13800138000"
    assert panel.facts["联系电话"].text() == "13800138000"


def test_posting_with_a_month_and_the_timeline(
        qtbot: QtBot, ws: Workspace, units: dict[str, str], newcomer: st.PersonView) -> None:
    page = open_roster(qtbot, ws)
    panel = choose(qtbot, page, newcomer.id)
    assert panel.post_button.isEnabled() and not panel.leave_button.isEnabled()
    panel.post_button.click()
    dialog = page.roster.findChildren(PostingDialog)[-1]
    assert dialog.unit.unit_id() is None and not dialog.ok.isEnabled()
    dialog.unit.choose(units["roomy"])
    dialog.category.setCurrentIndex(dialog.category.findData(XZ))
    type_into(dialog.position, "科员")
    type_into(dialog.on, "2020.07")
    type_into(dialog.doc, "测编〔2020〕7号")
    accept(qtbot, dialog)
    assert panel.timeline.rowCount() == 1
    assert [panel.timeline.data(panel.timeline.index(0, c)) for c in range(4)] == [
        "2020.07", "县测试局", "行政编制", "科员"]
    assert panel.status.text().startswith("在编：县测试局")
    assert not panel.post_button.isEnabled() and panel.transfer_button.isEnabled()
    page.roster.unit.choose(units["roomy"])
    idle(qtbot)
    assert [r.name for r in page.roster.model.rows] == ["欧阳晓明"]


def test_over_quota_needs_an_approvers_reason(
        qtbot: QtBot, ws: Workspace, clerk_ws: Workspace, approver_ws: Workspace,
        units: dict[str, str], newcomer: st.PersonView, boxes: Boxes) -> None:
    def refused(workspace: Workspace) -> PostingDialog:
        page = open_roster(qtbot, workspace)
        choose(qtbot, page, newcomer.id).post_button.click()
        dialog = page.roster.findChildren(PostingDialog)[-1]
        dialog.unit.choose(units["full"])
        dialog.category.setCurrentIndex(dialog.category.findData(XZ))
        dialog.ok.click()
        qtbot.waitUntil(lambda: dialog.refusal.isVisibleTo(dialog))
        idle(qtbot)
        return dialog

    clerk = refused(clerk_ws)
    assert "已无空编" in clerk.refusal.text() and "须由审核人" in clerk.refusal.text()
    assert not clerk.reason_box.isVisibleTo(clerk)
    clerk.reject()
    dialog = refused(approver_ws)
    assert dialog.reason_box.isVisibleTo(dialog) and dialog.ok.text() == "超编入编"
    assert not dialog.ok.isEnabled() and "必须写明理由" in dialog.reason_hint.text()
    dialog.reason.setPlainText("县委编委会议定先行超编进人")
    assert dialog.ok.isEnabled()
    accept(qtbot, dialog)
    assert boxes.shown == []  # the refusal was said in the dialog, once
    [posting] = approver_ws.read(st.person_timeline, newcomer.id)
    assert posting.override_reason == "县委编委会议定先行超编进人"


def test_leave_and_transfer(qtbot: QtBot, ws: Workspace, db: Database, admin: Actor,
                            units: dict[str, str], newcomer: st.PersonView) -> None:
    with db.write() as s:
        st.post_person(s, admin, st.PostingInput(newcomer.id, units["roomy"], XZ, "考录",
                                                 date(2019, 9, 1)))
        elsewhere = st.create_unit(s, admin, st.UnitInput("县另一局", "政府工作部门")).value
        st.set_quota(s, admin, st.QuotaInput(elsewhere.id, XZ, 3, date(2019, 1, 1)))
    page = open_roster(qtbot, ws)
    panel = choose(qtbot, page, newcomer.id)
    panel.transfer_button.click()
    move = page.roster.findChildren(TransferDialog)[-1]
    assert move.route.currentText() == "调任"
    move.unit.choose(elsewhere.id)
    move.category.setCurrentIndex(move.category.findData(XZ))
    type_into(move.on, "2022-03-01")
    accept(qtbot, move)
    assert panel.timeline.rowCount() == 2 and panel.status.text().startswith("在编：县另一局")
    assert panel.timeline.data(panel.timeline.index(0, 6)) == "2022-03-01 调出"
    panel.leave_button.click()
    leave = page.roster.findChildren(LeaveDialog)[-1]
    leave.route.setCurrentIndex(leave.route.findData("辞职"))
    type_into(leave.on, "2024-06-30")
    accept(qtbot, leave)
    assert panel.status.text() == "目前不在编" and panel.post_button.isEnabled()
    assert panel.timeline.data(panel.timeline.index(1, 6)) == "2024-06-30 辞职"


def test_the_retirement_list(qtbot: QtBot, ws: Workspace, staffed: st.DemoSummary) -> None:
    page = open_roster(qtbot, ws)
    tab = page.retirement
    assert tab.months.value() == 12 and tab.model.rowCount() == 0  # read when first shown
    page.tabs.setCurrentWidget(tab)
    idle(qtbot)
    soon = ws.read(st.retiring_within, 12)
    assert soon and tab.model.rowCount() == len(soon)
    dates = [r.retire_on for r in tab.model.rows]
    assert dates == sorted(dates) and tab.summary.text().startswith(f"共 {len(soon)} 人")
    tab.months.setValue(36)
    idle(qtbot)
    assert tab.model.rowCount() == len(ws.read(st.retiring_within, 36)) > len(soon)
    tab.table.selectRow(0)
    tab.table.doubleClicked.emit(tab.table.currentIndex())
    idle(qtbot)
    assert page.tabs.currentWidget() is page.roster
    panel = page.roster.panel
    assert panel.person_id == tab.model.rows[0].person_id and panel.card is not None
    current = panel.card.open_posting
    assert current is not None
    ops.run_write(page, ws, st.end_posting, st.LeaveInput(current.id, "退休", date.today()))
    idle(qtbot)  # the hidden tab is read again when it is shown
    page.tabs.setCurrentWidget(tab)
    idle(qtbot)
    assert tab.model.rowCount() == len(ws.read(st.retiring_within, 36)) == len(
        [r for r in tab.model.rows if r.person_id != panel.person_id])


def test_the_selftest_opens_the_main_dialogs(qtbot: QtBot, ws: Workspace,
                                             staffed: st.DemoSummary) -> None:
    page = open_roster(qtbot, ws)
    dialogs = [factory() for factory in page.main_dialogs()]
    assert [type(d) for d in dialogs] == [PersonDialog, PostingDialog]
    for dialog in dialogs:
        dialog.reject()
