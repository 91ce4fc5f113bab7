"""The reads the 机构编制 page makes in one call, set_quotas (all or nothing) and
the statistics workbook."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from staffing_helpers import GQ, SY, XZ, Staff, nothing_written, uscc

from bzdesk.changes import Area
from bzdesk.errors import PermissionDenied, ValidationError
from bzdesk.roles import Actor
from bzdesk.services import staffing as st
from bzdesk.services.staffing import page_queries as pq

TODAY = date.today()


@pytest.fixture
def county(staff: Staff, approver: Actor) -> dict[str, st.UnitView]:
    bureau = staff.unit("甲局", uscc=uscc(1))
    school = staff.unit("甲校", kind="事业单位", parent_id=bureau.id)
    staff.quota(bureau.id, XZ, 2)
    staff.quota(bureau.id, GQ, 1)
    staff.quota(school.id, SY, 3)
    staff.write(st.set_leader_posts, st.LeaderPostInput(bureau.id, 1, 0, date(2019, 1, 1)))
    staff.post(staff.person("一").id, bureau.id, leader_kind="正")
    staff.post(staff.person("二").id, bureau.id)
    staff.post(staff.person("三").id, bureau.id, actor=approver, override_reason="急需")
    staff.write(st.set_pupils, st.PupilsInput(school.id, TODAY.year, "小学", 100, "农村"))
    plan = staff.write(st.apply_plan, st.PlanInput(school.id, SY, 2, "补员"))
    staff.write(st.approve_plan, st.PlanDecision(plan.id), actor=approver)
    staff.write(st.apply_plan, st.PlanInput(school.id, SY, 2, "再补"))
    return {"bureau": bureau, "school": school}


def test_unit_detail_has_each_category_apart_and_the_leader_posts(
        staff: Staff, county: dict[str, st.UnitView]) -> None:
    detail = staff.read(pq.unit_detail, county["bureau"].id)
    lines = {r.category: (r.approved, r.filled, r.in_transit, r.vacant, r.over)
             for r in detail.lines}
    assert lines == {"行政编制": (2, 3, 0, 0, 1), "工勤编制": (1, 0, 0, 1, 0)}
    assert detail.quota_lines == {XZ: 2, GQ: 1}
    assert (detail.leader.chief_approved, detail.leader.chief_filled) == (1, 1)
    assert not detail.leader.over
    assert {(q.category, q.approved) for q in detail.history} == {("行政编制", 2), ("工勤编制", 1)}
    assert detail.parent == "" and detail.merged_into == ""
    child = staff.read(pq.unit_detail, county["school"].id)
    assert child.parent == "甲局"


def test_plan_lines_show_the_vacancy_of_today(staff: Staff,
                                              county: dict[str, st.UnitView]) -> None:
    lines = staff.read(pq.plan_lines)
    assert sorted(line.plan.status for line in lines) == ["已批准", "待审核"]  # same day
    for line in lines:  # 核定 3, 在途 2 (the approved plan)
        assert (line.numbers.approved, line.numbers.in_transit, line.numbers.vacant) == (3, 2, 1)
    pending = staff.read(pq.plan_lines, "待审核")
    assert [line.plan.reason for line in pending] == ["再补"]
    assert staff.read(pq.vacancy, county["bureau"].id, XZ).over == 1


def test_pool_available_counts_what_the_pool_holds(staff: Staff,
                                                   county: dict[str, st.UnitView]) -> None:
    assert staff.read(pq.pool_available, GQ) == 0
    staff.write(st.recover_to_pool, st.RecoverInput(county["bureau"].id, GQ, 1, TODAY))
    assert staff.read(pq.pool_available, GQ) == 1
    assert staff.read(pq.pool_available, GQ, TODAY - timedelta(days=1)) == 0


def test_set_quotas_writes_every_line_or_none(staff: Staff, db: object,
                                              county: dict[str, st.UnitView]) -> None:
    bureau = county["bureau"].id
    views = staff.write(pq.set_quotas, [st.QuotaInput(bureau, XZ, 4, TODAY, "三定"),
                                        st.QuotaInput(bureau, GQ, 2, TODAY, "三定")])
    assert [(v.category, v.approved) for v in views] == [("行政编制", 4), ("工勤编制", 2)]
    with staff.db.write() as s:
        outcome = pq.set_quotas(s, staff.actor, [st.QuotaInput(bureau, XZ, 5, TODAY)])
    assert Area.QUOTAS in outcome.changed
    with nothing_written(staff.db), pytest.raises(ValidationError):
        staff.write(pq.set_quotas, [st.QuotaInput(bureau, XZ, 6, TODAY),
                                    st.QuotaInput(bureau, GQ, -1, TODAY)])
    assert staff.read(pq.unit_detail, bureau).quota_lines == {XZ: 5, GQ: 2}
    with pytest.raises(ValidationError, match="没有需要核定"):
        staff.write(pq.set_quotas, [])


def test_set_quotas_needs_the_write_role(staff: Staff, viewer: Actor,
                                         county: dict[str, st.UnitView]) -> None:
    with nothing_written(staff.db), pytest.raises(PermissionDenied):
        staff.write(pq.set_quotas, [st.QuotaInput(county["bureau"].id, XZ, 4, TODAY)],
                    actor=viewer)


def test_teacher_overview_keeps_each_school_area(staff: Staff,
                                                 county: dict[str, st.UnitView]) -> None:
    view = staff.read(pq.teacher_overview)
    assert view.report.year == TODAY.year
    assert view.areas == {county["school"].id: "农村"}
    assert set(view.schemes) == {st.UNIFIED_SCHEME, st.OLD_SCHEME}
    assert len(view.ratios) == 12
    old = staff.read(pq.teacher_overview, TODAY.year, scheme=st.OLD_SCHEME)
    assert old.report.rows[0].standard == 5  # 100 pupils, 农村 小学 1:23 → ceil(4.35)


def test_stats_overview_and_its_period(staff: Staff, county: dict[str, st.UnitView]) -> None:
    view = staff.read(pq.stats_overview, TODAY, date(2020, 1, 1), TODAY)
    assert {t.category for t in view.report.totals} == {"行政编制", "工勤编制", "事业编制"}
    assert [r.unit for r in view.leaders] == ["甲局"]
    assert sum(r.entered for r in view.movements.rows) == 3
    with pytest.raises(ValidationError, match="开始不能晚于结束"):
        staff.read(pq.stats_overview, TODAY, TODAY, date(2020, 1, 1))


def test_export_writes_every_table(staff: Staff, county: dict[str, st.UnitView],
                                   tmp_path: Path) -> None:
    out = staff.read(pq.export_staffing_stats, tmp_path / "统计.xlsx", TODAY,
                     date(2020, 1, 1), TODAY)
    book = load_workbook(out, read_only=True)
    assert book.sheetnames[:5] == ["编制统计", "分类合计", "领导职数", "人员增减", "增减方式"]
    rows = list(book["编制统计"].iter_rows(values_only=True))
    assert rows[1][:4] == ("机构", "统一社会信用代码", "编制类型", "核定")
    assert ("甲局", uscc(1), "行政编制", 2, 3, 0, 0, 1) in rows
    totals = list(book["分类合计"].iter_rows(values_only=True))
    assert ("事业编制", 3, 0, 2, 1, 0) in totals
    book.close()
