"""Statistics as of a day, hand-computed: month precision, exclusive end, 在途,
超编, leader posts, movements, totals per 编制类型."""

from __future__ import annotations

from datetime import date

import pytest
from staffing_helpers import GQ, XZ, Staff, uscc

from bzdesk.roles import Actor
from bzdesk.services import staffing as st


@pytest.fixture
def county(staff: Staff, approver: Actor) -> Staff:
    a = staff.unit("甲局", uscc=uscc(1))
    b = staff.unit("乙局", uscc=uscc(2))
    staff.quota(a.id, XZ, 3)
    staff.quota(b.id, GQ, 1)
    staff.write(st.set_leader_posts, st.LeaderPostInput(a.id, 1, 1, date(2019, 1, 1)))
    staff.post(staff.person("一").id, a.id, on=date(2020, 3, 15), leader_kind="正")
    two = staff.post(staff.person("二").id, a.id, on="2020.05")
    staff.post(staff.person("三").id, a.id, on=date(2021, 1, 1), leader_kind="副")
    staff.write(st.end_posting, st.LeaveInput(two.id, "调出", date(2022, 6, 30)))
    plan = staff.write(st.apply_plan, st.PlanInput(a.id, XZ, 1, "补员", date(2021, 5, 1)))
    staff.write(st.approve_plan, st.PlanDecision(plan.id, decided_on=date(2021, 6, 1),
                                                 valid_until=date(2022, 5, 31)),
                actor=approver)
    staff.post(staff.person("四").id, b.id, GQ, on=date(2020, 1, 1), route="公开招聘",
               leader_kind="副")
    staff.post(staff.person("五").id, b.id, GQ, on=date(2020, 2, 1), route="军转",
               actor=approver, override_reason="军转安置任务")
    return staff


@pytest.mark.parametrize(("day", "numbers"), [
    (date(2020, 3, 14), (3, 0, 0, 3, 0)),
    (date(2020, 4, 30), (3, 1, 0, 2, 0)),
    (date(2020, 5, 1), (3, 2, 0, 1, 0)),  # "2020.05" counts from the 1st
    (date(2021, 5, 31), (3, 3, 0, 0, 0)),
    (date(2021, 6, 1), (3, 3, 1, 0, 0)),  # the plan is 在途 from its decision
    (date(2022, 5, 31), (3, 3, 1, 0, 0)),
    (date(2022, 6, 1), (3, 3, 0, 0, 0)),  # … until it expires
    (date(2022, 6, 29), (3, 3, 0, 0, 0)),
    (date(2022, 6, 30), (3, 2, 0, 1, 0)),  # off the roster on the 出编 day
])
def test_numbers_as_of(county: Staff, day: date, numbers: tuple[int, ...]) -> None:
    assert county.stats(day)[("甲局", "行政编制")] == numbers


def test_rows_totals_and_names(county: Staff) -> None:
    report = county.read(st.staffing_stats, date(2021, 6, 1))
    assert [(r.unit, r.uscc, r.category, r.approved, r.filled, r.in_transit, r.vacant, r.over)
            for r in report.rows] == [
        ("甲局", uscc(1), "行政编制", 3, 3, 1, 0, 0),
        ("乙局", uscc(2), "工勤编制", 1, 2, 0, 0, 1)]
    assert [(t.category, t.approved, t.filled, t.in_transit, t.vacant, t.over)
            for t in report.totals] == [("行政编制", 3, 3, 1, 0, 0), ("工勤编制", 1, 2, 0, 0, 1)]
    assert report.as_of == date(2021, 6, 1)
    only = county.read(st.staffing_stats, date(2021, 6, 1),
                       unit_id=report.rows[1].unit_id)
    assert [r.unit for r in only.rows] == ["乙局"]


def test_rows_only_where_there_is_something(staff: Staff) -> None:
    empty = staff.unit("空局")
    staff.quota(empty.id, XZ, 0)
    staff.unit("无编局")
    assert staff.stats(date(2024, 1, 1)) == {}


def test_leader_posts(county: Staff) -> None:
    rows = county.read(st.leader_stats, date(2021, 6, 1))
    assert [(r.unit, r.chief_approved, r.chief_filled, r.deputy_approved, r.deputy_filled,
             r.over) for r in rows] == [("甲局", 1, 1, 1, 1, False), ("乙局", 0, 0, 0, 1, True)]


def test_movements_in_a_period(county: Staff) -> None:
    report = county.read(st.movements, date(2020, 1, 1), date(2020, 12, 31))
    assert [(r.unit, r.category, r.entered, r.left) for r in report.rows] == [
        ("甲局", "行政编制", 2, 0), ("乙局", "工勤编制", 2, 0)]
    assert sorted((c.direction, c.route, c.category, c.count) for c in report.by_route) == [
        ("入编", "公开招聘", "工勤编制", 1), ("入编", "军转安置", "工勤编制", 1),
        ("入编", "考录", "行政编制", 2)]
    later = county.read(st.movements, date(2022, 1, 1), date(2022, 12, 31))
    assert [(r.unit, r.entered, r.left) for r in later.rows] == [("甲局", 0, 1)]
    assert [(c.direction, c.route) for c in later.by_route] == [("出编", "调出")]
