"""用编计划: apply → approve/reject; approved places are 在途 until filled or expired."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from staffing_helpers import SY, Staff, nothing_written

from bzdesk.db import Database
from bzdesk.errors import PermissionDenied, QuotaExceeded, ValidationError
from bzdesk.roles import Actor
from bzdesk.services import staffing as st

TODAY = date.today()


@pytest.fixture
def school(staff: Staff) -> st.UnitView:
    school = staff.unit("南昌县实验小学", kind="事业单位")
    staff.quota(school.id, SY, 5)
    for name in ("甲", "乙"):
        staff.post(staff.person(name).id, school.id, SY, route="公开招聘")
    return school


def _apply(staff: Staff, unit_id: str, n: object, **kw: object) -> st.PlanView:
    return staff.write(st.apply_plan, st.PlanInput(unit_id, SY, n, "补充教师", **kw))  # type: ignore[arg-type]


def test_plan_flow_and_in_transit(staff: Staff, school: st.UnitView, approver: Actor) -> None:
    plan = _apply(staff, school.id, 2, applied_on=TODAY - timedelta(days=10))
    assert (plan.status, plan.applied_by) == ("待审核", "clerk")
    assert staff.stats()[("南昌县实验小学", "事业编制")] == (5, 2, 0, 3, 0)  # pending: not 在途
    decided = TODAY - timedelta(days=5)
    approved = staff.write(st.approve_plan, st.PlanDecision(plan.id, "同意", decided_on=decided),
                           actor=approver)
    assert (approved.status, approved.decided_by) == ("已批准", "approver")
    assert approved.valid_until is not None
    assert (approved.valid_until - decided).days in (365, 366)  # one year by default
    assert staff.stats()[("南昌县实验小学", "事业编制")] == (5, 2, 2, 1, 0)
    assert staff.stats(decided - timedelta(days=1))[("南昌县实验小学", "事业编制")][2] == 0
    first = staff.post(staff.person("丙").id, school.id, SY, on=TODAY, route="公开招聘")
    assert first.plan_id == plan.id
    assert staff.stats()[("南昌县实验小学", "事业编制")] == (5, 3, 1, 1, 0)
    staff.post(staff.person("丁").id, school.id, SY, on=TODAY, route="公开招聘")
    assert staff.read(st.get_plan, plan.id).status == "已完成"
    assert staff.stats()[("南昌县实验小学", "事业编制")] == (5, 4, 0, 1, 0)


def test_posting_takes_a_plan_place_when_all_vacancies_are_in_transit(
        staff: Staff, school: st.UnitView, approver: Actor) -> None:
    plan = _apply(staff, school.id, 3)
    staff.write(st.approve_plan, st.PlanDecision(plan.id), actor=approver)
    assert staff.stats()[("南昌县实验小学", "事业编制")] == (5, 2, 3, 0, 0)
    # the posting takes a plan place, so it fits
    posting = staff.post(staff.person("丙").id, school.id, SY, on=TODAY)
    assert posting.plan_id == plan.id


def test_approval_refused_beyond_vacancy(staff: Staff, db: Database, school: st.UnitView,
                                         approver: Actor) -> None:
    plan = _apply(staff, school.id, 4)
    with nothing_written(db), pytest.raises(QuotaExceeded) as err:
        staff.write(st.approve_plan, st.PlanDecision(plan.id), actor=approver)
    assert err.value.message == ("南昌县实验小学 事业编制 核定 5 名，实有 2 名，在途 0 名，"
                                 "空编 3 名，不能批准用编 4 名。")


def test_roles_and_decision_rules(staff: Staff, db: Database, school: st.UnitView,
                                  approver: Actor, viewer: Actor) -> None:
    plan = _apply(staff, school.id, 1)
    with nothing_written(db), pytest.raises(PermissionDenied):
        staff.write(st.approve_plan, st.PlanDecision(plan.id))
    with nothing_written(db), pytest.raises(PermissionDenied):
        staff.write(st.apply_plan, st.PlanInput(school.id, SY, 1, "x"), actor=viewer)
    with nothing_written(db), pytest.raises(ValidationError, match="请填写驳回理由"):
        staff.write(st.reject_plan, st.PlanDecision(plan.id), actor=approver)
    with nothing_written(db), pytest.raises(ValidationError, match="有效期不能早于"):
        staff.write(st.approve_plan, st.PlanDecision(plan.id, valid_until="2000-01-01"),
                    actor=approver)
    rejected = staff.write(st.reject_plan, st.PlanDecision(plan.id, "空编另有安排"),
                           actor=approver)
    assert rejected.status == "已驳回"
    with nothing_written(db), pytest.raises(ValidationError, match="已驳回"):
        staff.write(st.approve_plan, st.PlanDecision(plan.id), actor=approver)


def test_bad_applications_refused(staff: Staff, db: Database, school: st.UnitView) -> None:
    with nothing_written(db), pytest.raises(ValidationError) as err:
        staff.write(st.apply_plan, st.PlanInput(school.id, SY, 0, " "))
    assert {p.column for p in err.value.problems} == {"用编数", "用编理由"}
    staff.write(st.set_freeze, school.id, True)
    with nothing_written(db), pytest.raises(ValidationError, match="只出不进"):
        _apply(staff, school.id, 1)


def test_expired_plan_stops_counting(staff: Staff, school: st.UnitView,
                                     approver: Actor) -> None:
    plan = _apply(staff, school.id, 2, applied_on=date(2022, 1, 1))
    staff.write(st.approve_plan, st.PlanDecision(plan.id, decided_on=date(2022, 1, 5),
                                                 valid_until=date(2022, 12, 31)),
                actor=approver)
    assert staff.stats(date(2022, 6, 1))[("南昌县实验小学", "事业编制")][2] == 2
    assert staff.stats(date(2023, 1, 1))[("南昌县实验小学", "事业编制")][2] == 0
    assert staff.read(st.get_plan, plan.id).status == "已过期"
    assert [p.id for p in staff.read(st.list_plans, status="已过期")] == [plan.id]
    assert staff.read(st.list_plans, unit_id=school.id, as_of=date(2022, 6, 1))[0].status == (
        "已批准")
