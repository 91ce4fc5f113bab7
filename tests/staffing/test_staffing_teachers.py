"""中小学教职工编制: pupils → standard posts → proposed moves through the pool."""

from __future__ import annotations

from datetime import date, timedelta
from fractions import Fraction

import pytest
from staffing_helpers import SY, Staff, last_audit, nothing_written

from bzdesk.db import Database
from bzdesk.errors import PermissionDenied, QuotaExceeded, ValidationError
from bzdesk.roles import Actor
from bzdesk.services import staffing as st
from bzdesk.services.staffing.teachers import standard_posts

UNIFIED = {("高中", ""): Fraction("12.5"), ("初中", ""): Fraction("13.5"),
           ("小学", ""): Fraction(19)}


@pytest.mark.parametrize(("pupils", "posts"), [
    ([("小学", 190, "")], 10), ([("小学", 191, "")], 11), ([("高中", 125, "")], 10),
    ([("高中", 126, "")], 11), ([("初中", 135, ""), ("高中", 1, "")], 11),
    ([("初中", 0, "")], 0),
])
def test_standard_posts_round_up_per_stage(pupils: list[tuple[str, int, str]],
                                           posts: int) -> None:
    assert standard_posts(pupils, UNIFIED) == posts


def _school(staff: Staff, name: str, approved: int, filled: int,
            pupils: dict[str, int]) -> st.UnitView:
    school = staff.unit(name, kind="事业单位")
    staff.quota(school.id, SY, approved)
    for i in range(filled):
        staff.post(staff.person(f"{name[:2]}老师{chr(0x4E00 + i)}").id, school.id, SY,
                   route="公开招聘")
    for stage, n in pupils.items():
        staff.write(st.set_pupils, st.PupilsInput(school.id, 2024, stage, n, "农村"))
    return school


def test_calculation_and_proposal_then_accept(staff: Staff, db: Database) -> None:
    big = _school(staff, "甲中学", 12, 8, {"初中": 100})  # standard 8: surplus 4, vacant 4
    small = _school(staff, "乙小学", 2, 2, {"小学": 95})  # standard 5: gap 3
    report = staff.read(st.teacher_calculation, 2024)
    rows = {r.unit: (r.pupils, r.standard, r.approved, r.filled, r.vacant, r.gap)
            for r in report.rows}
    assert rows == {"甲中学": ((("初中", 100),), 8, 12, 8, 4, -4),
                    "乙小学": ((("小学", 95),), 5, 2, 2, 0, 3)}
    assert report.pool_balance == 0 and report.category_id == SY
    assert report.proposal == (st.ProposedMove("收回", big.id, "甲中学", 4),
                               st.ProposedMove("借出", small.id, "乙小学", 3))
    today = date.today()
    moves = staff.write(st.accept_proposal, st.AcceptProposalInput(
        SY, report.proposal, today, today + timedelta(days=365), "编发〔2024〕9号"))
    assert [(m.kind, m.unit, m.count) for m in moves] == [("收回", "甲中学", 4),
                                                          ("借出", "乙小学", 3)]
    assert last_audit(db).op == "教职工编制动态调整"
    after = {r.unit: r.gap for r in staff.read(st.teacher_calculation, 2024).rows}
    assert after == {"甲中学": 0, "乙小学": 0}
    assert staff.read(st.pool_balances)[0].balance == 1
    assert staff.read(st.teacher_calculation, 2024).proposal == ()


def test_older_table_uses_the_school_area(staff: Staff) -> None:
    _school(staff, "丙初中", 10, 0, {"初中": 180})  # 农村 初中 1:18 → 10
    report = staff.read(st.teacher_calculation, 2024, scheme=st.OLD_SCHEME)
    assert report.rows[0].standard == 10
    assert staff.read(st.teacher_calculation, 2024).rows[0].standard == 14  # 180 / 13.5


def test_accept_is_all_or_nothing(staff: Staff, db: Database) -> None:
    big = _school(staff, "甲中学", 12, 8, {"初中": 100})
    small = _school(staff, "乙小学", 2, 2, {"小学": 95})
    greedy = (st.ProposedMove("收回", big.id, "甲中学", 2),
              st.ProposedMove("借出", small.id, "乙小学", 3))
    today = date.today()
    with nothing_written(db), pytest.raises(QuotaExceeded, match="可用 2 名，不能借出 3 名"):
        staff.write(st.accept_proposal, st.AcceptProposalInput(
            SY, greedy, today, today + timedelta(days=30)))
    with nothing_written(db), pytest.raises(ValidationError, match="方案是空的"):
        staff.write(st.accept_proposal, st.AcceptProposalInput(
            SY, (), today, today + timedelta(days=30)))


def test_pupils_and_ratio_inputs(staff: Staff, db: Database, admin: Actor) -> None:
    school = staff.unit("丁小学", kind="事业单位")
    with nothing_written(db), pytest.raises(ValidationError) as err:
        staff.write(st.set_pupils, st.PupilsInput(school.id, 2024, "大学", -5, "月球"))
    assert {p.column for p in err.value.problems} == {"学段", "在校学生数", "学校所在地"}
    first = staff.write(st.set_pupils, st.PupilsInput(school.id, 2024, "小学", 300))
    again = staff.write(st.set_pupils, st.PupilsInput(school.id, 2024, "小学", 320))
    assert first.id == again.id and staff.read(st.school_pupils, school.id)[0].pupils == 320
    with nothing_written(db), pytest.raises(PermissionDenied):
        staff.write(st.set_teacher_ratio, st.TeacherRatioInput(st.UNIFIED_SCHEME, "小学", "18"))
    with nothing_written(db), pytest.raises(ValidationError, match="师生比"):
        staff.write(st.set_teacher_ratio,
                    st.TeacherRatioInput(st.UNIFIED_SCHEME, "小学", "0"), actor=admin)
    ratio = staff.write(st.set_teacher_ratio,
                        st.TeacherRatioInput(st.UNIFIED_SCHEME, "小学", "16"), actor=admin)
    assert ratio.pupils_per_post == "16"
    assert staff.read(st.teacher_calculation, 2024).rows[0].standard == 20  # 320 / 16
    ratios = staff.read(st.list_teacher_ratios)
    assert len(ratios) == 12 and {r.scheme for r in ratios} == {st.UNIFIED_SCHEME, st.OLD_SCHEME}
