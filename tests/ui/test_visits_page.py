"""走访调研 page: the form by keyboard, drafts, problems to 销号, the dashboard."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from qt_helpers import Boxes, make_workspace, open_window

from bzdesk.db import Database
from bzdesk.models.staffing import Unit
from bzdesk.roles import Actor
from bzdesk.services import visits
from bzdesk.uow import write_op
from bzdesk.workspace import Workspace
from ui import ops
from ui.pages.visits import VisitsPage
from ui.pages.visits_dialogs import AssignmentDialog, StepDialog
from ui.pages.visits_form import VisitForm

START = date(date.today().year - 1, 1, 1)
DAY = date.today() - timedelta(days=3)


@pytest.fixture
def link(db: Database, admin: Actor) -> visits.AssignmentView:
    with db.write() as s, write_op(s, admin, "新增机构"):
        s.add_all([Unit(name=n, kind="政府工作部门") for n in ("县教育体育局", "莲塘镇人民政府")])
    with db.write() as s:
        units = visits.target_choices(s, admin)
        unit = next(u for u in units if u.name == "县教育体育局")
        return visits.create_assignment(s, admin, visits.AssignmentInput(
            "挂点领导", "王建国", "unit", unit.code, START)).value


@pytest.fixture
def photo(tmp_path: Path) -> Path:
    file = tmp_path / "现场.png"
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("#4a90d9"))
    assert image.save(str(file))
    return file


@pytest.fixture
def approver_ws(db: Database, approver: Actor) -> Iterator[Workspace]:
    yield from make_workspace(db, approver)


def idle(qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: ops.pending() == 0)


def visits_page(qtbot: QtBot, ws: Workspace) -> VisitsPage:
    window = open_window(qtbot, ws)
    page = window.show_page("visits")
    assert isinstance(page, VisitsPage)
    idle(qtbot)
    return page


def open_form(qtbot: QtBot, page: VisitsPage) -> VisitForm:
    form = page.records.open_form()
    qtbot.waitUntil(lambda: form.ready)
    return form


def fill(form: VisitForm, link: visits.AssignmentView, day: date = DAY) -> None:
    form.link.setCurrentIndex(form.link.findData(link.id))
    form.start.setDate(day)
    form.end.setDate(day)
    form.participants.setText("李海燕、张志强")
    form.purpose.setPlainText("了解编制使用情况")


def add_problem(form: VisitForm, text: str, responsible: str) -> None:
    form.problems.description.setText(text)
    form.problems.responsible.setEditText(responsible)
    QTest.keyClick(form.problems.description, Qt.Key.Key_Return)  # Enter adds, not saves


def test_a_visit_with_a_photo_and_two_problems_by_keyboard(
        qtbot: QtBot, ws: Workspace, link: visits.AssignmentView, photo: Path,
        qtmodeltester: object) -> None:
    page = visits_page(qtbot, ws)
    form = open_form(qtbot, page)
    fill(form, link)
    assert form.leader.currentText() == "王建国" and form.places.text() == "县教育体育局"
    add_problem(form, "空编率偏高", "县教育体育局")
    add_problem(form, "借调人员未返回", "莲塘镇")
    assert form.isVisible() and [p.responsible for p in form.problems.problems()] == [
        "县教育体育局", "莲塘镇"]
    assert form.problems.problems()[0].responsible_unit_id == link.unit_id
    form.files.add_files([photo])
    assert form.files.model.rowCount() == 1
    assert not form.files.model.data(form.files.model.index(0), Qt.ItemDataRole.DecorationRole
                                     ).isNull()
    qtbot.waitUntil(lambda: bool(visits.list_drafts(ws.paths, ws.actor)))  # type: ignore[arg-type]
    for model in (form.problems.model, form.files.model):
        qtmodeltester.check(model)  # type: ignore[attr-defined]
    with qtbot.waitSignal(form.accepted, timeout=10_000):
        QTest.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    saved = form.saved_visit
    assert saved is not None and len(saved.issues) == 2 and saved.attachments[0].is_image
    assert visits.list_drafts(ws.paths, ws.actor) == []  # type: ignore[arg-type]
    idle(qtbot)
    assert page.records.model.row_at(0) is not None
    assert page.records.model.rows[0].issues == 2
    qtmodeltester.check(page.records.model)  # type: ignore[attr-defined]


def test_an_existing_visit_is_corrected_in_the_same_form(
        qtbot: QtBot, ws: Workspace, db: Database, admin: Actor, link: visits.AssignmentView,
        photo: Path) -> None:
    with db.write() as s:
        visits.create_visit(s, admin, db.paths, visits.VisitInput(
            "挂点联系", DAY, DAY, assignment_id=link.id, purpose="初次走访",
            attachments=(photo,)))
    page = visits_page(qtbot, ws)
    page.records.table.selectRow(0)
    page.records.open_selected()
    idle(qtbot)
    form = page.records.findChildren(VisitForm)[-1]
    qtbot.waitUntil(lambda: form.ready)
    assert form.purpose.toPlainText() == "初次走访" and form.files.model.rowCount() == 1
    form.purpose.setPlainText("补充走访情况")
    form.files.view.selectAll()
    form.files.remove_selected()
    with qtbot.waitSignal(form.accepted, timeout=10_000):
        form.save_button.click()
    assert form.saved_visit is not None
    assert (form.saved_visit.purpose, form.saved_visit.attachments) == ("补充走访情况", ())


def test_a_refused_visit_says_why_in_the_form(
        qtbot: QtBot, ws: Workspace, link: visits.AssignmentView) -> None:
    page = visits_page(qtbot, ws)
    form = open_form(qtbot, page)
    fill(form, link, START - timedelta(days=1))
    form.unit_names.setText("不存在的单位")
    form.submit()
    assert "找不到单位：不存在的单位" in form.message.text()
    form.unit_names.setText("")
    form.submit()
    qtbot.waitUntil(lambda: "不在这段时间内" in form.message.text())
    assert form.isVisible() and form.save_button.isEnabled()
    assert ws.read(visits.list_visits, visits.VisitQuery()) == []


def test_attachments_are_checked_when_added(qtbot: QtBot, ws: Workspace, tmp_path: Path,
                                            link: visits.AssignmentView) -> None:
    form = open_form(qtbot, visits_page(qtbot, ws))
    huge = tmp_path / "扫描件.pdf"
    with open(huge, "wb") as f:
        f.write(b"%PDF-1.4\n")
        f.truncate(200 * 1024 * 1024)
    text = tmp_path / "说明.jpg"
    text.write_text("不是图片", encoding="utf-8")
    form.files.add_files([huge, text])
    assert form.files.model.rowCount() == 0
    assert "扫描件.pdf 有 200.0 MB，超过 20 MB 的上限" in form.files.hint.text()
    assert "说明.jpg 不是图片或 PDF 文件" in form.files.hint.text()


def test_esc_keeps_or_drops_the_draft_and_a_draft_is_offered_again(
        qtbot: QtBot, ws: Workspace, boxes: Boxes, link: visits.AssignmentView) -> None:
    page = visits_page(qtbot, ws)
    form = open_form(qtbot, page)
    fill(form, link)
    boxes.answer = QMessageBox.StandardButton.Cancel
    QTest.keyClick(form, Qt.Key.Key_Escape)
    assert form.isVisible() and "还没有保存" in boxes.texts("question")[-1]
    boxes.answer = QMessageBox.StandardButton.Yes
    QTest.keyClick(form, Qt.Key.Key_Escape)
    assert not form.isVisible()
    assert page.records.drafts_label.text() == "有 1 份未保存的走访记录草稿"
    [resume] = page.records.drafts_menu.actions()
    assert "王建国 挂点联系" in resume.text()
    resume.trigger()
    again = page.records.findChildren(VisitForm)[-1]
    qtbot.waitUntil(lambda: again.ready)
    assert again.purpose.toPlainText() == "了解编制使用情况"
    assert again.link.currentData() == link.id and again.draft_id == form.draft_id
    boxes.answer = QMessageBox.StandardButton.No
    again.reject()
    assert visits.list_drafts(ws.paths, ws.actor) == []  # type: ignore[arg-type]
    assert page.records.drafts_label.text() == ""


def test_a_draft_left_by_a_dead_session_is_offered(
        qtbot: QtBot, ws: Workspace, link: visits.AssignmentView) -> None:
    assert ws.actor is not None
    visits.save_draft(ws.paths, ws.actor, "12345678-aaaa", {
        "kind": "督查", "start_on": DAY.isoformat(), "leader_name": "王建国",
        "purpose": "断电前写的", "problems": [{"description": "台账不全", "responsible": "某局",
                                               "deadline": DAY.isoformat()}]})
    page = visits_page(qtbot, ws)
    assert page.records.drafts_button.isVisibleTo(page)
    page.records.drafts_menu.actions()[0].trigger()
    form = page.records.findChildren(VisitForm)[-1]
    qtbot.waitUntil(lambda: form.ready)
    assert (form.kind.currentText(), form.purpose.toPlainText()) == ("督查", "断电前写的")
    assert [p.description for p in form.problems.problems()] == ["台账不全"]
    form.discard_draft()
    form.done(0)


def step(qtbot: QtBot, page: VisitsPage, note: str, follow_up: str | None = None) -> None:
    page.issues.table.selectRow(0)
    dialog = page.issues.step_selected()
    assert isinstance(dialog, StepDialog)
    idle(qtbot)
    if follow_up is not None:
        dialog.follow_up.setCurrentIndex(dialog.follow_up.findData(follow_up))
    dialog.note.setPlainText(note)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.ok.click()
    idle(qtbot)


def test_a_clerk_moves_a_problem_to_closed_with_a_follow_up(
        qtbot: QtBot, clerk_ws: Workspace, db: Database, clerk: Actor,
        link: visits.AssignmentView, qtmodeltester: object) -> None:
    with db.write() as s:
        found = visits.create_visit(s, clerk, db.paths, visits.VisitInput(
            "挂点联系", DAY - timedelta(days=30), DAY - timedelta(days=30), assignment_id=link.id,
            purpose="走访", issues=(visits.IssueInput("空编率偏高", "县教育体育局", DAY),))).value
        check = visits.create_visit(s, clerk, db.paths, visits.VisitInput(
            "回访", DAY, DAY, assignment_id=link.id, purpose="回访整改")).value
    page = visits_page(qtbot, clerk_ws)
    page.tabs.setCurrentWidget(page.issues)
    qtmodeltester.check(page.issues.model)  # type: ignore[attr-defined]
    page.issues.table.selectRow(0)
    assert page.issues.step_button.text() == "办理中…"
    step(qtbot, page, "已交办县教育体育局")
    step(qtbot, page, "已申报用编计划")
    page.issues.filters.choice.setCurrentIndex(page.issues.filters.choice.findData("all"))
    idle(qtbot)
    step(qtbot, page, "回访确认已整改", follow_up=check.id)
    issue = clerk_ws.read(visits.get_issue, found.issues[0].id)
    assert (issue.status, issue.confirm_visit_id) == ("销号", check.id)
    assert page.issues.model.rows[0].status == "销号"
    page.issues.table.selectRow(0)
    assert not page.issues.step_button.isEnabled()


def test_closing_without_a_follow_up_is_for_approvers(
        qtbot: QtBot, clerk_ws: Workspace, approver_ws: Workspace, db: Database,
        clerk: Actor, link: visits.AssignmentView) -> None:
    with db.write() as s:
        found = visits.create_visit(s, clerk, db.paths, visits.VisitInput(
            "挂点联系", DAY, DAY, assignment_id=link.id, purpose="走访",
            issues=(visits.IssueInput("台账不全", "县教育体育局", DAY),))).value
        for to in ("办理中", "已办结"):
            visits.advance_issue(s, clerk, visits.IssueStepInput(found.issues[0].id, to, "说明"))
    clerk_page = visits_page(qtbot, clerk_ws)
    clerk_page.issues.filters.choice.setCurrentIndex(
        clerk_page.issues.filters.choice.findData("已办结"))
    idle(qtbot)
    clerk_page.issues.table.selectRow(0)
    dialog = clerk_page.issues.step_selected()
    assert dialog is not None
    idle(qtbot)
    dialog.note.setPlainText("我看好了")
    assert not dialog.ok.isEnabled() and "须由审核人" in dialog.message.text()
    dialog.reject()
    page = visits_page(qtbot, approver_ws)
    page.issues.filters.choice.setCurrentIndex(page.issues.filters.choice.findData("已办结"))
    idle(qtbot)
    step(qtbot, page, "经电话核实已整改")
    assert approver_ws.read(visits.issue_history, found.issues[0].id)[-1].by_approver


def test_dashboard_clicks_through_and_exports(
        qtbot: QtBot, ws: Workspace, db: Database, admin: Actor, link: visits.AssignmentView,
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path, qtmodeltester: object) -> None:
    with db.write() as s:
        visits.create_visit(s, admin, db.paths, visits.VisitInput(
            "挂点联系", DAY, DAY, assignment_id=link.id, purpose="走访",
            issues=(visits.IssueInput("台账不全", "县教育体育局", DAY),)))
    page = visits_page(qtbot, ws)
    board = page.board
    page.tabs.setCurrentWidget(board)
    board.year.setValue(DAY.year)
    idle(qtbot)
    qtmodeltester.check(board.grid)  # type: ignore[attr-defined]
    qtmodeltester.check(board.board)  # type: ignore[attr-defined]
    quarter = (DAY.month - 1) // 3 + 1
    cell = board.grid.index(0, 2 + quarter)
    assert cell.data().startswith("已走访 1/1")
    assert "未办结问题 1 个" in board.summary.text()
    board.grid_view.doubleClicked.emit(cell)
    idle(qtbot)
    assert page.tabs.currentWidget() is page.records
    assert "王建国 → 县教育体育局" in page.records.filters.scope.text()
    assert len(page.records.model.rows) == 1
    board.board_view.doubleClicked.emit(board.board.index(0, 1))
    idle(qtbot)
    assert page.tabs.currentWidget() is page.issues
    assert [i.description for i in page.issues.model.rows] == ["台账不全"]
    out = tmp_path / "看板.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *_a, **_k: (str(out), "")))
    board.export()
    idle(qtbot)
    assert out.exists() and str(out) in board.summary.text()


def test_assignments_tab_adds_an_assignment_and_sets_the_rule(
        qtbot: QtBot, ws: Workspace, link: visits.AssignmentView,
        qtmodeltester: object) -> None:
    page = visits_page(qtbot, ws)
    tab = page.links
    qtmodeltester.check(tab.model)  # type: ignore[attr-defined]
    dialog = AssignmentDialog(ws, tab)
    idle(qtbot)
    dialog.kind.setCurrentText("联络专员")
    dialog.leader.setEditText("李海燕")
    dialog.target_kind.setCurrentIndex(dialog.target_kind.findData("sector"))
    dialog.target.setCurrentText("卫健")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.ok.click()
    idle(qtbot)
    assert {(a.leader_name, a.target_name) for a in tab.model.rows} == {
        ("王建国", "县教育体育局"), ("李海燕", "卫健")}
    tab.required.setValue(2)
    tab.save_rule()
    idle(qtbot)
    assert ws.read(visits.get_visit_rule).required_per_quarter == 2


def test_tab_walks_the_form_in_reading_order(qtbot: QtBot, ws: Workspace,
                                             link: visits.AssignmentView) -> None:
    form = open_form(qtbot, visits_page(qtbot, ws))
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    form.kind.setFocus()
    order = [form.start, form.end, form.link, form.leader, form.participants, form.places,
             form.unit_names, form.purpose, form.findings, form.problems.description,
             form.problems.responsible, form.problems.deadline]
    current: QWidget = form.kind
    for expected in order:
        for _ in range(4):  # Tab first walks a date's sections (year → month → day)
            QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
            focus = QApplication.focusWidget()
            if focus is not current and not current.isAncestorOf(focus):
                break
        assert focus is expected or expected.isAncestorOf(focus), order.index(expected)
        current = expected


@pytest.fixture
def viewer_ws(db: Database, viewer: Actor) -> Iterator[Workspace]:
    yield from make_workspace(db, viewer)


def test_a_viewer_can_look_but_not_write(qtbot: QtBot, viewer_ws: Workspace,
                                         link: visits.AssignmentView) -> None:
    page = visits_page(qtbot, viewer_ws)
    assert not page.records.new_button.isEnabled()
    assert not page.links.add_button.isEnabled() and not page.links.rule_button.isEnabled()
    assert page.search_box() is page.records.filters.search
