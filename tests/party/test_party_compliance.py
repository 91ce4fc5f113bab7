"""The compliance dashboard: done / open / overdue per required type and window, with
第一议题, volunteer totals and check-in completeness."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from party_helpers import Party, type_id

from bzdesk.roles import Actor
from bzdesk.services import party
from bzdesk.services.party.periods import ReportPeriod


def _row(view: party.ComplianceView, name: str) -> party.OrgCompliance:
    return next(r for r in view.rows if r.name == name)


def _item(row: party.OrgCompliance, type_name: str) -> party.TypeCompliance:
    return next(i for i in row.items if i.type_name == type_name)


def test_types_apply_to_their_organisations(tree: Party) -> None:
    view = tree.read(party.compliance, ReportPeriod(2024), date(2024, 6, 1))
    names = {r.name: {i.type_name for i in r.items} for r in view.rows}
    assert names["第一党支部"] == {"支部党员大会", "支委会", "党课", "主题党日", "组织生活会",
                                 "民主评议党员", "谈心谈话"}
    assert names["第一党小组"] == {"党小组会"}
    assert names["机关党委"] == {"民主生活会"}  # 中心组学习 is as planned: never owed


def test_monthly_windows_at_their_boundaries(tree: Party) -> None:
    tree.meeting("第一党支部", "ZWH", date(2024, 1, 31))
    tree.meeting("第一党支部", "ZWH", date(2024, 3, 1))
    view = tree.read(party.compliance, ReportPeriod(2024, quarter=1), date(2024, 3, 1))
    item = _item(_row(view, "第一党支部"), "支委会")
    assert [(w.label, w.state) for w in item.windows] == [
        ("2024年1月", "done"), ("2024年2月", "overdue"), ("2024年3月", "done")]
    april = tree.read(party.compliance, ReportPeriod(2024, month=4), date(2024, 4, 30))
    assert _item(_row(april, "第一党支部"), "支委会").windows[0].state == "open"


def test_quarterly_windows_at_their_boundaries(tree: Party) -> None:
    tree.meeting("第一党支部", "DK", date(2024, 3, 31))  # Q1's last day
    tree.meeting("第一党支部", "DK", date(2024, 4, 1))   # Q2's first day
    view = tree.read(party.compliance, ReportPeriod(2024), date(2024, 10, 1))
    states = [w.state for w in _item(_row(view, "第一党支部"), "党课").windows]
    assert states == ["done", "done", "overdue", "open"]


def test_yearly_windows_and_the_founding_year(tree: Party) -> None:
    tree.meeting("第一党支部", "ZZSHH", date(2023, 12, 31))
    end_2023 = tree.read(party.compliance, ReportPeriod(2023), date(2024, 1, 1))
    assert _item(_row(end_2023, "第一党支部"), "组织生活会").windows[0].state == "done"
    # 第二党支部 was founded on 2020-06-15: the 2020 yearly meetings are not owed
    founding = tree.read(party.compliance, ReportPeriod(2020), date(2021, 1, 1))
    second = _row(founding, "第二党支部")
    assert _item(second, "组织生活会").windows == ()
    assert _item(second, "支委会").windows[0].label == "2020年7月"
    next_year = tree.read(party.compliance, ReportPeriod(2021), date(2022, 1, 1))
    assert _item(_row(next_year, "第二党支部"), "组织生活会").count("overdue") == 1
    # a year window is judged in any quarter of it
    q2 = tree.read(party.compliance, ReportPeriod(2024, quarter=2), date(2024, 5, 1))
    assert [w.label for w in _item(_row(q2, "第一党支部"), "组织生活会").windows] == ["2024年"]


def test_required_count_is_a_setting(tree: Party, admin: Actor) -> None:
    tree.write(party.update_activity_type, type_id("ZWH"), party.ActivityTypeInput(
        "支委会", "month", 2, ("党支部",)), actor=admin)
    tree.meeting("第一党支部", "ZWH", date(2024, 1, 10))
    view = tree.read(party.compliance, ReportPeriod(2024, month=1), date(2024, 2, 1))
    window = _item(_row(view, "第一党支部"), "支委会").windows[0]
    assert (window.done, window.state) == (1, "overdue")


def test_other_figures_roll_up(tree: Party) -> None:
    tree.meeting("第一党支部", "ZTDR", date(2024, 2, 5), first=True)
    tree.meeting("第一党小组", "DXZH", date(2024, 2, 6), first=True)
    tree.meeting("第二党支部", "ZTDR", date(2024, 2, 7))
    tree.meeting("第二党支部", "ZTDR", date(2023, 2, 7), first=True)  # another year
    for name, hours in (("张三", 2), ("赵六", "1.5")):
        tree.write(party.add_volunteer, party.VolunteerInput(tree.members[name],
                                                             date(2024, 3, 1), "社区", hours))
    for month in (1, 2):
        tree.write(party.set_checkin, party.CheckinInput(tree.members["张三"],
                                                         date(2024, month, 1), "参加活动"))
    view = tree.read(party.compliance, ReportPeriod(2024, quarter=1), date(2024, 4, 1))
    top, first = _row(view, "机关党委"), _row(view, "第一党支部")
    assert (top.activities, top.first_topic, first.first_topic) == (3, 2, 2)
    assert (top.volunteer_times, top.volunteer_hours) == (2, Decimal("3.5"))
    # 张三, 李四 (第一党支部) and 赵六 (第二) owe Jan–Mar; 王五 is retired
    assert (first.checkin_due, first.checkin_done) == (6, 2)
    assert (top.checkin_due, top.checkin_done) == (9, 2)
    assert first.checkin_rate is not None and round(first.checkin_rate, 2) == 0.33


def test_one_branch_only(tree: Party) -> None:
    view = tree.read(party.compliance, ReportPeriod(2024), date(2024, 6, 1),
                     tree.orgs["第一党支部"])
    assert [(r.name, r.depth) for r in view.rows] == [("第一党支部", 0), ("第一党小组", 1)]
    assert party.current_period(date(2024, 8, 9)) == ReportPeriod(2024, quarter=3)
