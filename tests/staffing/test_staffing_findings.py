"""Findings: 超编, 超职数, overrides, 一人多编 (after a merge), duplicate people, 编制总额."""

from __future__ import annotations

from datetime import date

from staffing_helpers import SY, XZ, Staff, id_card

from bzdesk.models.base import new_id
from bzdesk.models.staffing import CountyTotal, Person, Posting
from bzdesk.roles import Actor
from bzdesk.services import staffing as st
from bzdesk.uow import replaying


def _kinds(staff: Staff, actor: Actor | None = None) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for f in staff.read(st.findings, actor=actor):
        found.setdefault(f.kind, []).append(f.message)
    return found


def test_clean_office_has_no_findings(staff: Staff) -> None:
    unit = staff.unit("某局")
    staff.quota(unit.id, XZ, 2)
    staff.post(staff.person("张三").id, unit.id)
    assert staff.read(st.findings) == []


def test_over_quota_after_a_cut_and_over_leaders(staff: Staff) -> None:
    unit = staff.unit("某局")
    staff.quota(unit.id, XZ, 2)
    staff.write(st.set_leader_posts, st.LeaderPostInput(unit.id, 1, 0, date(2019, 1, 1)))
    staff.post(staff.person("甲").id, unit.id, leader_kind="正")
    staff.post(staff.person("乙").id, unit.id, leader_kind="副")
    staff.quota(unit.id, XZ, 1, date(2023, 1, 1))  # 核减: the unit is now over
    found = _kinds(staff)
    assert found == {
        "over_quota": ["某局 行政编制 核定 1 名，实有 2 名，超编 1 名。"],
        "over_leader": ["某局 领导职数：正职核定 1 名、实配 1 名，副职核定 0 名、实配 1 名。"]}


def _merge_in(staff: Staff, rows: list[tuple[type, dict[str, object]]]) -> None:
    """Write rows the way the bundle importer does (they bypass the service rules)."""
    with staff.db.write() as s, replaying(s):
        for model, values in rows:
            s.add(model(**values))
        s.flush()


def test_two_open_postings_after_a_merge(staff: Staff, viewer: Actor) -> None:
    here = staff.unit("本县某局")
    staff.quota(here.id, XZ, 5)
    there = staff.unit("邻县某局")
    staff.quota(there.id, SY, 5)
    person = staff.person("张三", birth=date(1980, 1, 1))
    staff.post(person.id, here.id)
    # the same ID card arrives from another office as a second person row with a posting
    twin = new_id()
    common = {"hlc": 1, "origin": "360122-aaaaaa", "office_id": "360122", "deleted": False}
    _merge_in(staff, [
        (Person, {"id": twin, "name": "张三", "id_number": id_card(date(1980, 1, 1), seq=1),
                  "sex": "男", "birth_date": date(1980, 1, 1), **common}),
        (Posting, {"id": new_id(), "person_id": twin, "unit_id": there.id, "category_id": SY,
                   "start_route": "公开招聘", "start_on": date(2021, 1, 1), **common}),
    ])
    assert staff.read(st.person_timeline, twin)[0].unit == "邻县某局"
    found = _kinds(staff, viewer)
    assert set(found) == {"multi_posting", "duplicate_person"}
    assert found["multi_posting"][0].startswith("身份证号 360121********")
    assert "同时在 本县某局、邻县某局 在编" in found["multi_posting"][0]
    assert "登记了 2 条人员记录" in found["duplicate_person"][0]


def test_one_person_two_postings_in_one_database(staff: Staff) -> None:
    unit = staff.unit("某局")
    staff.quota(unit.id, XZ, 5)
    person = staff.person("张三")
    staff.post(person.id, unit.id)
    _merge_in(staff, [(Posting, {"id": new_id(), "person_id": person.id, "unit_id": unit.id,
                                 "category_id": XZ, "start_route": "考录",
                                 "start_on": date(2021, 1, 1), "hlc": 1, "origin": "x",
                                 "office_id": "360121", "deleted": False})])
    assert list(_kinds(staff)) == ["multi_posting"]


def _total_from_the_city(staff: Staff, total: int, on: date) -> None:
    """编制总额 is set by the city and arrives in a bundle (a county cannot set it)."""
    _merge_in(staff, [(CountyTotal, {
        "id": new_id(), "office_id": "360100", "for_office": "360121", "category_id": XZ,
        "total": total, "effective_on": on, "doc": "", "hlc": on.toordinal(),
        "origin": "360100-cccccc", "deleted": False})])


def test_county_over_its_total(staff: Staff) -> None:
    a, b = staff.unit("甲局"), staff.unit("乙局")
    staff.quota(a.id, XZ, 6)
    staff.quota(b.id, XZ, 5)
    _total_from_the_city(staff, 12, date(2019, 1, 1))
    assert staff.read(st.findings) == []
    staff.write(st.recover_to_pool, st.RecoverInput(a.id, XZ, 2, date(2020, 1, 1)))
    assert staff.read(st.findings) == []  # recovered posts stay inside the total
    _total_from_the_city(staff, 10, date(2021, 1, 1))
    assert _kinds(staff) == {"over_total": [
        "360121 行政编制 编制总额 10 名，已核定 9 名、周转池 2 名，合计超出 1 名。"]}
