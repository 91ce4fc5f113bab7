"""核定编制, 领导职数, 编制总额 and the 编制类型 dictionary."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select
from staffing_helpers import GQ, SY, XZ, Staff, nothing_written

from bzdesk.db import Database
from bzdesk.errors import IntegrityError, NotFound, PermissionDenied, ValidationError
from bzdesk.models.staffing import CountyTotal, StaffingCategory
from bzdesk.roles import Actor
from bzdesk.services import staffing as st
from bzdesk.services.staffing import catalog


def test_quota_lines_supersede_from_their_date(staff: Staff) -> None:
    unit = staff.unit("某局")
    staff.quota(unit.id, XZ, 10, date(2019, 1, 1))
    staff.quota(unit.id, XZ, 8, date(2022, 7, 1))
    assert staff.stats(date(2022, 6, 30))[("某局", "行政编制")][0] == 10
    assert staff.stats(date(2022, 7, 1))[("某局", "行政编制")][0] == 8
    assert staff.stats(date(2018, 12, 31)) == {}
    assert [q.approved for q in staff.read(st.quota_history, unit.id)] == [10, 8]


def test_same_day_line_is_corrected_not_doubled(staff: Staff) -> None:
    unit = staff.unit("某局")
    first = staff.quota(unit.id, XZ, 10)
    second = staff.quota(unit.id, XZ, 12, doc="更正")
    assert second.id == first.id and second.approved == 12 and second.doc == "更正"
    assert len(staff.read(st.quota_history, unit.id)) == 1


@pytest.mark.parametrize("value", [-1, 10.5, "十", "", 100_001, True, "1e3"])
def test_bad_counts_refused_nothing_written(staff: Staff, db: Database, value: object) -> None:
    unit = staff.unit("某局")
    with nothing_written(db), pytest.raises(ValidationError) as err:
        staff.write(st.set_quota, st.QuotaInput(unit.id, XZ, value, date(2019, 1, 1)))  # type: ignore[arg-type]
    assert err.value.problems[0].kind == "bad_number"
    assert "0 到 100000 之间的整数" in err.value.message


@pytest.mark.parametrize(("value", "expected"), [(10.0, 10), (" 12 ", 12), ("１５", 15), (0, 0)])
def test_counts_from_sheets_accepted(staff: Staff, value: object, expected: int) -> None:
    unit = staff.unit("某局")
    line = staff.write(st.set_quota, st.QuotaInput(unit.id, XZ, value, date(2019, 1, 1)))  # type: ignore[arg-type]
    assert line.approved == expected


def test_categories_are_never_summed(staff: Staff) -> None:
    unit = staff.unit("某局")
    staff.quota(unit.id, XZ, 10)
    staff.quota(unit.id, GQ, 2)
    report = staff.read(st.staffing_stats, date(2020, 1, 1))
    assert [(r.category, r.approved) for r in report.rows] == [("行政编制", 10), ("工勤编制", 2)]
    assert [(t.category, t.approved) for t in report.totals] == [("行政编制", 10), ("工勤编制", 2)]


def test_unknown_category_and_unit_refused(staff: Staff, db: Database) -> None:
    unit = staff.unit("某局")
    with nothing_written(db), pytest.raises(ValidationError) as err:
        staff.write(st.set_quota, st.QuotaInput("nope", "nope", 3, date(2019, 1, 1)))
    assert {p.kind for p in err.value.problems} == {"not_found", "unknown_category"}
    with nothing_written(db), pytest.raises(ValidationError, match="一年以后"):
        staff.quota(unit.id, XZ, 3, date.today() + timedelta(days=400))


def test_leader_posts_and_refusals(staff: Staff, db: Database) -> None:
    unit = staff.unit("某局")
    view = staff.write(st.set_leader_posts, st.LeaderPostInput(unit.id, 1, "3", "2019.01"))
    assert (view.chief, view.deputy, view.effective_on) == (1, 3, date(2019, 1, 1))
    with nothing_written(db), pytest.raises(ValidationError) as err:
        staff.write(st.set_leader_posts, st.LeaderPostInput(unit.id, -1, 2.5, "2019.01"))
    assert {p.column for p in err.value.problems} == {"正职职数", "副职职数"}


def test_county_totals_are_set_by_the_city(city_staff: Staff) -> None:
    staff = city_staff
    total = staff.write(st.set_county_total,
                        st.CountyTotalInput("360121", XZ, 500, date(2020, 1, 1), "市编发1号"))
    assert (total.for_office, total.category, total.total) == ("360121", "行政编制", 500)
    staff.write(st.set_county_total, st.CountyTotalInput("360121", XZ, 480, date(2023, 1, 1)))
    assert [t.total for t in staff.read(st.county_totals, date(2022, 1, 1))] == [500]
    assert [t.total for t in staff.read(st.county_totals, date(2023, 1, 1))] == [480]
    with staff.db.read() as s:
        assert set(s.scalars(select(CountyTotal.office_id))) == {"360100"}  # the writer
    with nothing_written(staff.db), pytest.raises(ValidationError, match="6 位行政区划代码"):
        staff.write(st.set_county_total, st.CountyTotalInput("3601", XZ, 1, date(2020, 1, 1)))


@pytest.mark.parametrize(("code", "words"), [
    ("360222", "只能由其上级单位（360200）设定"),   # a county of another city
    ("360100", "只能由其上级单位（360000）设定"),   # the city itself
    ("360000", "没有上级单位"),
])
def test_the_city_sets_only_its_own_counties_totals(city_staff: Staff, code: str,
                                                    words: str) -> None:
    with nothing_written(city_staff.db), pytest.raises(PermissionDenied, match=words):
        city_staff.write(st.set_county_total, st.CountyTotalInput(code, XZ, 5, date(2020, 1, 1)))


@pytest.mark.parametrize("code", ["360121", "360122"])
def test_a_county_cannot_set_a_county_total(staff: Staff, db: Database, code: str) -> None:
    """编制总额 is written by the office above: not the county itself, nor a neighbour."""
    with nothing_written(db), pytest.raises(PermissionDenied) as err:
        staff.write(st.set_county_total, st.CountyTotalInput(code, XZ, 500, date(2020, 1, 1)))
    assert err.value.message == (f"{code} 的编制总额只能由其上级单位（360100）设定，"
                                 "本单位（360121）不能设定。")
    assert staff.read(st.county_totals, date(2024, 1, 1)) == []


def test_default_categories_readable_before_seeding(staff: Staff) -> None:
    names = [c.name for c in staff.read(st.list_categories)]
    assert names == ["行政编制", "政法专项编制", "事业编制", "工勤编制"]
    assert staff.session_read(lambda s: s.query(StaffingCategory).count()) == 0


def test_first_write_seeds_fixed_ids_once(staff: Staff, clerk: Actor) -> None:
    first = staff.write(st.ensure_dictionaries)
    assert [c.id for c in first] == [catalog.default_category_id(c)
                                     for c in ("XZ", "ZF", "SY", "GQ")]
    with staff.db.write() as s:
        again = st.ensure_dictionaries(s, clerk)
    assert again.changed == frozenset()
    assert staff.session_read(lambda s: s.query(StaffingCategory).count()) == 4


def test_match_category_by_name_code_or_alias(staff: Staff) -> None:
    found = {text: staff.read(st.match_category, text) for text in
             ("行政编制", "行政", " 事 业 编 ", "GQ", "政法", "编外")}
    assert {k: (v.name if v else None) for k, v in found.items()} == {
        "行政编制": "行政编制", "行政": "行政编制", " 事 业 编 ": "事业编制", "GQ": "工勤编制",
        "政法": "政法专项编制", "编外": None}


def test_add_category_needs_admin_and_unique_names(staff: Staff, db: Database,
                                                   admin: Actor) -> None:
    extra = st.CategoryInput("CG", "参公事业编制", is_shiye=True, civil_service_managed=True,
                             sort_order=35, aliases=("参公",))
    with nothing_written(db), pytest.raises(PermissionDenied):
        staff.write(st.add_category, extra)
    view = staff.write(st.add_category, extra, actor=admin)
    assert view.civil_service_managed and view.aliases == ("参公",)
    assert [c.name for c in staff.read(st.list_categories)][2:4] == ["事业编制", "参公事业编制"]
    with nothing_written(db), pytest.raises(IntegrityError, match="已被编制类型“事业编制”使用"):
        staff.write(st.add_category, st.CategoryInput("X", "新类型", aliases=("事业",)),
                    actor=admin)


def test_unknown_category_in_quota_even_after_seeding(staff: Staff, db: Database) -> None:
    unit = staff.unit("某局")
    staff.quota(unit.id, SY, 1)
    with nothing_written(db), pytest.raises(NotFound):
        staff.quota(unit.id, "00000000-0000-0000-0000-000000000000", 1)
