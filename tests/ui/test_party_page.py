"""党建活动 page: an organisation, a member and a meeting entered through the dialogs
show up as done on the dashboard; refusals stay in the form; every model passes
qtmodeltester."""

from __future__ import annotations

from datetime import date
from typing import Any, TypeVar

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot
from qt_helpers import Boxes, make_workspace, open_window, type_into

from bzdesk.db import Database
from bzdesk.roles import Actor
from bzdesk.services import party
from bzdesk.services.party.rules import default_type_id
from ui import ops
from ui.main_window import MainWindow
from ui.pages.party import PartyPage
from ui.pages.party_dashboard import DashboardTab
from ui.pages.party_dues import DuesDialog, DuesTab
from ui.pages.party_ledgers import CheckinTab, VolunteerTab
from ui.pages.party_meeting_dialog import MeetingDialog
from ui.pages.party_meetings import MeetingsTab
from ui.pages.party_org_dialogs import MemberDialog, OrgDialog
from ui.pages.party_orgs import OrgsTab
from ui.pages.party_rules import DuesRuleDialog, RulesTab

D = TypeVar("D", bound=QDialog)
TODAY = date.today()


def party_page(qtbot: QtBot, window: MainWindow) -> PartyPage:
    page = window.show_page("party")
    assert isinstance(page, PartyPage)
    qtbot.waitUntil(lambda: ops.pending() == 0)
    return page


def opened(qtbot: QtBot, owner: QWidget, kind: type[D]) -> D:
    qtbot.waitUntil(lambda: any(w.isVisible() for w in owner.findChildren(kind)))
    return next(w for w in owner.findChildren(kind) if w.isVisible())


def settle(qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: ops.pending() == 0)


def seed(db: Database, actor: Actor) -> dict[str, str]:
    """A branch with two members and one 主题党日 this month, written by the services."""
    with db.write() as s:
        org = party.create_org(s, actor, party.OrgInput("机关第一党支部", "党支部",
                                                        date(2020, 1, 1))).value.id
    ids = {"org": org}
    for name, community in (("张三", "青山湖社区"), ("李四", "")):
        with db.write() as s:
            ids[name] = party.create_member(s, actor, party.NewMemberInput(
                party.MemberInput(name, date(2010, 7, 1), community=community), org,
                date(2020, 1, 1))).value.id
    with db.write() as s:
        party.record_activity(s, actor, party.ActivityInput(
            org, default_type_id("360121", "ZTDR"), TODAY.replace(day=1), "重温入党誓词",
            attendance=(party.AttendanceEntry(ids["张三"], "出席"),)))
        party.add_volunteer(s, actor, party.VolunteerInput(ids["张三"], TODAY.replace(day=1),
                                                           "青山湖社区", 2))
    return ids


def test_every_model_passes_the_model_tester(qtbot: QtBot, qtmodeltester: Any,
                                             window: MainWindow, db: Database,
                                             admin: Actor) -> None:
    seed(db, admin)
    page = party_page(qtbot, window)
    models: list[Any] = []
    for key in page.sections:
        page.show_section(key)
        settle(qtbot)
    dashboard, orgs = page.sections["dashboard"], page.sections["orgs"]
    meetings, volunteer = page.sections["meetings"], page.sections["volunteer"]
    checkins, dues, rules = (page.sections["checkins"], page.sections["dues"],
                             page.sections["rules"])
    assert isinstance(dashboard, DashboardTab) and isinstance(orgs, OrgsTab)
    assert isinstance(meetings, MeetingsTab) and isinstance(volunteer, VolunteerTab)
    assert isinstance(checkins, CheckinTab) and isinstance(dues, DuesTab)
    assert isinstance(rules, RulesTab)
    qtbot.waitUntil(lambda: orgs.members.rowCount() == 2 and meetings.model.rowCount() == 1)
    models += [dashboard.model, dashboard.detail, orgs.orgs, orgs.members, meetings.model,
               volunteer.records, volunteer.totals, checkins.model, dues.model, rules.model]
    meetings.table.selectRow(0)
    meetings.edit()
    dialog = opened(qtbot, meetings, MeetingDialog)
    qtbot.waitUntil(lambda: dialog.attendance.rowCount() == 2)
    models.append(dialog.attendance)
    rules.edit_dues()
    rule_dialog = opened(qtbot, rules, DuesRuleDialog)
    models += [rule_dialog.working, rule_dialog.retired]
    for model in models:
        qtmodeltester.check(model)
        assert model.rowCount() > 0, model
    assert checkins.model.headerData(2, Qt.Orientation.Horizontal) == "1月"
    dialog.reject()
    rule_dialog.reject()


def test_org_member_meeting_through_the_dialogs(qtbot: QtBot, window: MainWindow) -> None:
    page = party_page(qtbot, window)
    orgs = page.show_section("orgs")
    assert isinstance(orgs, OrgsTab)
    orgs.add_org_button.click()
    org_dialog = opened(qtbot, orgs, OrgDialog)
    type_into(org_dialog.name, "机关第二党支部")
    org_dialog.kind.setCurrentIndex(org_dialog.kind.findData("党支部"))
    org_dialog.founded.setDate(QDate(2019, 5, 1))
    with qtbot.waitSignal(org_dialog.accepted, timeout=10_000):
        org_dialog.ok.click()
    qtbot.waitUntil(lambda: orgs.orgs.rowCount() == 1)
    orgs.org_table.selectRow(0)

    orgs.add_member_button.click()
    member_dialog = opened(qtbot, orgs, MemberDialog)
    type_into(member_dialog.name, "王五")
    member_dialog.joined.setDate(QDate(2008, 7, 1))
    member_dialog.start.setDate(QDate(2019, 5, 1))
    type_into(member_dialog.community, "八一社区")
    with qtbot.waitSignal(member_dialog.accepted, timeout=10_000):
        member_dialog.ok.click()
    qtbot.waitUntil(lambda: orgs.members.rowCount() == 1)
    assert orgs.members.rows[0].org_name == "机关第二党支部"

    meetings = page.show_section("meetings")
    assert isinstance(meetings, MeetingsTab)
    qtbot.waitUntil(lambda: meetings.add_button.isEnabled())
    meetings.add_button.click()
    dialog = opened(qtbot, meetings, MeetingDialog)
    dialog.kind.setCurrentIndex(dialog.kind.findText("主题党日"))
    qtbot.waitUntil(lambda: dialog.attendance.rowCount() == 1)
    type_into(dialog.topic, "参观红色教育基地")
    dialog.first.setChecked(True)
    assert "应到 1 人，实到 1 人" in dialog.counts.text()
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.ok.click()
    qtbot.waitUntil(lambda: meetings.model.rowCount() == 1)
    row = meetings.model.rows[0]
    assert (row.expected, row.present, row.first_topic) == (1, 1, True)

    dashboard = page.show_section("dashboard")
    assert isinstance(dashboard, DashboardTab)
    qtbot.waitUntil(lambda: dashboard.model.rowCount() == 1)
    dashboard.table.selectRow(0)
    settle(qtbot)
    item = next(i for i in dashboard.detail.rows if i.type_name == "主题党日")
    this_month = f"{TODAY.year}年{TODAY.month}月"
    assert this_month in dashboard.detail.index(dashboard.detail.rows.index(item), 2).data()
    assert dashboard.model.rows[0].first_topic == 1


def test_meeting_before_the_branch_existed_stays_in_the_form(
        qtbot: QtBot, window: MainWindow, db: Database, admin: Actor, boxes: Boxes) -> None:
    seed(db, admin)
    page = party_page(qtbot, window)
    meetings = page.show_section("meetings")
    assert isinstance(meetings, MeetingsTab)
    qtbot.waitUntil(lambda: meetings.model.rowCount() == 1)
    dialog = meetings.new_dialog()
    dialog.show()
    settle(qtbot)
    dialog.date.setDate(QDate(2019, 12, 31))
    type_into(dialog.topic, "筹备会")
    settle(qtbot)
    dialog.ok.click()
    qtbot.waitUntil(lambda: bool(dialog.form.hint_text("活动日期")))
    assert "早于机关第一党支部的成立日期" in dialog.form.hint_text("活动日期")
    assert dialog.isVisible() and boxes.shown == []
    dialog.reject()
    meetings.reload()
    settle(qtbot)
    assert meetings.model.rowCount() == 1


def test_dues_dialog_computes_and_records(qtbot: QtBot, window: MainWindow, db: Database,
                                         admin: Actor) -> None:
    ids = seed(db, admin)
    page = party_page(qtbot, window)
    dues = page.show_section("dues")
    assert isinstance(dues, DuesTab)
    qtbot.waitUntil(lambda: dues.model.rowCount() == 2)
    dues.add_button.click()
    dialog = opened(qtbot, dues, DuesDialog)
    dialog.member.setCurrentIndex(dialog.member.findData(ids["张三"]))
    type_into(dialog.base, "5400")
    dialog._compute()
    qtbot.waitUntil(lambda: "81.00" in dialog.amount.text())
    dialog.month.setDate(QDate(TODAY.year, 1, 1))
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.ok.click()
    qtbot.waitUntil(lambda: any(r.total > 0 for r in dues.model.rows))
    zhang = next(r for r in dues.model.rows if r.name == "张三")
    assert str(zhang.cells[0]) == "81.00"


def test_checkin_cell_is_marked(qtbot: QtBot, window: MainWindow, db: Database,
                                admin: Actor) -> None:
    seed(db, admin)
    page = party_page(qtbot, window)
    checkins = page.show_section("checkins")
    assert isinstance(checkins, CheckinTab)
    checkins.year.setValue(2024)
    qtbot.waitUntil(lambda: checkins.model.rowCount() == 2
                    and checkins.model.months[0].year == 2024)
    names = [r.name for r in checkins.model.rows]
    assert checkins.model.index(names.index("李四"), 1).data() == "（未登记）"
    row = names.index("张三")
    checkins.table.setCurrentIndex(checkins.model.index(row, 2 + 2))  # March
    checkins.mark(party.TOOK_PART)
    qtbot.waitUntil(lambda: checkins.model.rows[row].cells[2] == party.TOOK_PART)
    assert date(2024, 3, 1) not in checkins.model.rows[row].missing


def test_viewer_sees_but_cannot_write(qtbot: QtBot, db: Database, admin: Actor,
                                      viewer: Actor) -> None:
    seed(db, admin)
    workspaces = make_workspace(db, viewer)
    window = open_window(qtbot, next(workspaces))
    page = party_page(qtbot, window)
    orgs, meetings = page.show_section("orgs"), page.show_section("meetings")
    assert isinstance(orgs, OrgsTab) and isinstance(meetings, MeetingsTab)
    qtbot.waitUntil(lambda: meetings.model.rowCount() == 1)
    meetings.table.selectRow(0)
    assert not orgs.add_org_button.isEnabled() and not meetings.add_button.isEnabled()
    assert not meetings.edit_button.isEnabled() and meetings.print_button.isEnabled()
    window.close()
    next(workspaces, None)  # waits for the window's reads before the database closes
