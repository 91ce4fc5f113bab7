"""入编, 出编, 调动: 一人一编, the quota check and its audited override, dates."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from staffing_helpers import GQ, SY, XZ, Staff, last_audit, nothing_written

from bzdesk.db import Database
from bzdesk.errors import IntegrityError, PermissionDenied, QuotaExceeded, ValidationError
from bzdesk.roles import Actor
from bzdesk.services import staffing as st


@pytest.fixture
def unit(staff: Staff) -> st.UnitView:
    unit = staff.unit("南昌县财政局")
    staff.quota(unit.id, XZ, 1)
    return unit


def test_post_reads_back_with_names(staff: Staff, unit: st.UnitView) -> None:
    person = staff.person("张三")
    posting = staff.post(person.id, unit.id, XZ, "2020.07", route="公务员考录",
                         start_doc="控编〔2020〕5号", position="科员", leader_kind="副职")
    assert (posting.person, posting.unit, posting.category, posting.start_route) == (
        "张三", "南昌县财政局", "行政编制", "考录")
    assert (posting.start_on, posting.start_precision, posting.leader_kind) == (
        date(2020, 7, 1), "month", "副")
    assert posting.open and last_audit(staff.db).op == "入编"


def test_one_person_one_posting(staff: Staff, db: Database, unit: st.UnitView) -> None:
    other = staff.unit("南昌县审计局")
    staff.quota(other.id, XZ, 5)
    person = staff.person("张三")
    staff.post(person.id, unit.id)
    with nothing_written(db), pytest.raises(IntegrityError, match="一人只能占一个编制") as err:
        staff.post(person.id, other.id)
    assert "南昌县财政局" in err.value.message


def test_full_unit_refused_with_the_numbers(staff: Staff, db: Database,
                                            unit: st.UnitView) -> None:
    staff.post(staff.person("张三").id, unit.id)
    late = staff.person("李四")
    with nothing_written(db), pytest.raises(QuotaExceeded) as err:
        staff.post(late.id, unit.id)
    assert err.value.message == ("南昌县财政局 行政编制 核定 1 名，实有 1 名，在途 0 名，"
                                 "已无空编，不能入编。")
    assert err.value.problems[0].kind == "over_quota"


def test_other_category_has_its_own_quota(staff: Staff, db: Database,
                                          unit: st.UnitView) -> None:
    staff.post(staff.person("张三").id, unit.id)
    other = staff.person("李四")
    with nothing_written(db), pytest.raises(QuotaExceeded, match="工勤编制 核定 0 名"):
        staff.post(other.id, unit.id, GQ)


def test_approver_override_is_audited_and_listed(staff: Staff, unit: st.UnitView,
                                                 approver: Actor) -> None:
    staff.post(staff.person("张三").id, unit.id)
    late = staff.person("李四")
    posting = staff.post(late.id, unit.id, actor=approver, override_reason=" 急需 财会人员 ")
    assert posting.override_reason == "急需 财会人员"
    entry = last_audit(staff.db)
    assert entry.op == "超编入编" and entry.detail["override_reason"] == "急需 财会人员"
    found = [f for f in staff.read(st.findings) if f.kind == "override"]
    assert [f.posting_id for f in found] == [posting.id]
    assert staff.stats()[("南昌县财政局", "行政编制")] == (1, 2, 0, 0, 1)


def test_override_not_needed_is_not_recorded(staff: Staff, unit: st.UnitView,
                                             approver: Actor) -> None:
    posting = staff.post(staff.person("张三").id, unit.id, actor=approver,
                         override_reason="以防万一")
    assert posting.override_reason is None and last_audit(staff.db).op == "入编"


def test_clerk_cannot_override(staff: Staff, db: Database, unit: st.UnitView) -> None:
    person = staff.person("张三")
    with nothing_written(db), pytest.raises(PermissionDenied, match="审核"):
        staff.post(person.id, unit.id, override_reason="急需")


def test_frozen_or_closed_units_refuse_entry(staff: Staff, db: Database,
                                             unit: st.UnitView) -> None:
    person = staff.person("张三")
    staff.write(st.set_freeze, unit.id, True)
    with nothing_written(db), pytest.raises(ValidationError, match="只出不进"):
        staff.post(person.id, unit.id)
    gone = staff.unit("已撤销局")
    staff.write(st.close_unit, st.CloseUnitInput(gone.id, "撤销", date(2024, 1, 1)))
    with nothing_written(db), pytest.raises(ValidationError, match="已撤销，不能入编"):
        staff.post(person.id, gone.id)


def test_frozen_unit_still_lets_people_leave(staff: Staff, unit: st.UnitView) -> None:
    posting = staff.post(staff.person("张三").id, unit.id)
    staff.write(st.set_freeze, unit.id, True)
    assert staff.leave(posting.id).end_route == "退休"


@pytest.mark.parametrize(("start", "reason"), [
    (date.today() + timedelta(days=1), "不能晚于今天"),
    (date(2001, 4, 30), "年满 16 周岁"),
    ("2001.04", "年满 16 周岁"),
    ("2020.13", "月份 13 不存在"),
])
def test_bad_start_dates(staff: Staff, db: Database, unit: st.UnitView, start: object,
                         reason: str) -> None:
    person = staff.person("张三", birth=date(1985, 5, 1))
    with nothing_written(db), pytest.raises(ValidationError, match=reason):
        staff.post(person.id, unit.id, on=start)  # type: ignore[arg-type]


def test_start_in_the_month_of_the_16th_birthday_is_accepted(staff: Staff,
                                                             unit: st.UnitView) -> None:
    person = staff.person("张三", birth=date(1985, 5, 20))
    assert staff.post(person.id, unit.id, on="2001.05").start_on == date(2001, 5, 1)


def test_leave_rules(staff: Staff, db: Database, unit: st.UnitView) -> None:
    posting = staff.post(staff.person("张三").id, unit.id, on=date(2020, 6, 1))
    with nothing_written(db), pytest.raises(ValidationError, match="早于入编时间"):
        staff.leave(posting.id, on=date(2020, 5, 31))
    with nothing_written(db), pytest.raises(ValidationError, match="出编方式"):
        staff.write(st.end_posting, st.LeaveInput(posting.id, "失踪", date(2021, 1, 1)))
    closed = staff.leave(posting.id, on="2021年3月", route="调离")
    assert (closed.end_route, closed.end_on, closed.end_precision) == (
        "调出", date(2021, 3, 1), "month")
    with nothing_written(db), pytest.raises(ValidationError, match="已于 2021-03-01 出编"):
        staff.leave(posting.id)
    assert staff.post(closed.person_id, unit.id, on=date(2022, 1, 1)).open  # a vacancy again


def test_transfer_closes_and_opens_in_one_operation(staff: Staff, unit: st.UnitView) -> None:
    school = staff.unit("南昌县第一中学", kind="事业单位")
    staff.quota(school.id, SY, 2)
    person = staff.person("张三")
    staff.post(person.id, unit.id, on=date(2020, 1, 1))
    moved = staff.write(st.transfer_person, st.TransferInput(
        person.id, school.id, SY, date(2023, 9, 1), "组干〔2023〕9号", position="教师",
        route="调任"))
    assert (moved.unit, moved.category, moved.start_route, moved.start_on) == (
        "南昌县第一中学", "事业编制", "调任", date(2023, 9, 1))
    timeline = staff.read(st.person_timeline, person.id)
    assert [(p.unit, p.end_route, p.end_on) for p in timeline] == [
        ("南昌县财政局", "调出", date(2023, 9, 1)), ("南昌县第一中学", None, None)]
    assert last_audit(staff.db).op == "调动"
    assert staff.stats(date(2023, 8, 31))[("南昌县财政局", "行政编制")][1] == 1
    assert staff.stats(date(2023, 9, 1))[("南昌县财政局", "行政编制")][1] == 0


def test_transfer_refusals(staff: Staff, db: Database, unit: st.UnitView) -> None:
    full = staff.unit("满员局")
    staff.quota(full.id, XZ, 1)
    staff.post(staff.person("甲").id, full.id)
    person = staff.person("张三")
    with nothing_written(db), pytest.raises(ValidationError, match="目前不在编"):
        staff.write(st.transfer_person, st.TransferInput(person.id, full.id, XZ,
                                                         date(2023, 1, 1)))
    staff.post(person.id, unit.id, on=date(2020, 1, 1))
    with nothing_written(db), pytest.raises(QuotaExceeded, match="满员局"):
        staff.write(st.transfer_person, st.TransferInput(person.id, full.id, XZ,
                                                         date(2023, 1, 1)))
    with nothing_written(db), pytest.raises(ValidationError, match="不是调动"):
        staff.write(st.transfer_person, st.TransferInput(person.id, unit.id, XZ,
                                                         date(2023, 1, 1)))
    with nothing_written(db), pytest.raises(ValidationError, match="早于入编时间"):
        staff.write(st.transfer_person, st.TransferInput(person.id, full.id, XZ,
                                                         date(2019, 1, 1)))


def test_transfer_override_by_approver(staff: Staff, unit: st.UnitView,
                                       approver: Actor) -> None:
    full = staff.unit("满员局")
    staff.quota(full.id, XZ, 1)
    staff.post(staff.person("甲").id, full.id)
    person = staff.person("张三")
    staff.post(person.id, unit.id, on=date(2020, 1, 1))
    with staff.db.write() as s:
        moved = st.transfer_person(s, approver, st.TransferInput(
            person.id, full.id, XZ, date(2023, 1, 1), override_reason="交流任职")).value
    assert moved.override_reason == "交流任职" and last_audit(staff.db).op == "超编调动"


def test_unit_postings_lists_open_ones(staff: Staff, unit: st.UnitView) -> None:
    staff.quota(unit.id, XZ, 3, date(2019, 1, 1))
    first = staff.post(staff.person("甲").id, unit.id)
    staff.leave(first.id)
    second = staff.post(staff.person("乙").id, unit.id)
    assert [p.id for p in staff.read(st.unit_postings, unit.id)] == [second.id]
    assert len(staff.read(st.unit_postings, unit.id, open_only=False)) == 2
