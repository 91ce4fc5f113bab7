from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select
from visit_helpers import LINK_START, call, changes, visit_input

from bzdesk.changes import Area
from bzdesk.db import Database
from bzdesk.errors import IntegrityError, PermissionDenied, ValidationError
from bzdesk.models import User
from bzdesk.models.staffing import Person
from bzdesk.models.visits import LinkAssignment
from bzdesk.roles import Actor
from bzdesk.services import visits
from bzdesk.services.visits import vocab
from bzdesk.uow import write_op

Input = visits.AssignmentInput


def test_a_unit_county_and_sector_can_each_be_a_contact_point(
        db: Database, clerk: Actor, units: list[str]) -> None:
    unit = call(db, visits.create_assignment, clerk,
                Input("挂点领导", "王建国", "unit", units[1], LINK_START)).value
    county = call(db, visits.create_assignment, clerk,
                  Input("挂点领导", "王建国", "county", "360121", LINK_START)).value
    sector = call(db, visits.create_assignment, clerk,
                  Input("联络专员", "李海燕", "sector", "教体局", LINK_START)).value
    assert (unit.target_key, unit.target_name, unit.unit_id) == (
        f"unit:{units[1]}", "县卫生健康委员会", units[1])
    assert (county.target_key, county.target_name) == (
        "county:360121", "南昌县委机构编制委员会办公室")
    assert (sector.kind, sector.target_key, sector.target_name) == (
        "联络专员", "sector:教育", "教育")
    assert unit.leader_key == county.leader_key == "name:王建国"
    listed = call(db, visits.list_assignments, clerk)
    assert {a.id for a in listed} == {unit.id, county.id, sector.id}


def test_sector_aliases_and_an_unknown_sector(db: Database, clerk: Actor) -> None:
    assert vocab.match_sector(" 卫健委 ") == "卫健"
    assert vocab.match_sector("公安局") == "公安"
    with pytest.raises(ValidationError) as err:
        call(db, visits.create_assignment, clerk,
             Input("联络专员", "李海燕", "sector", "气象", LINK_START))
    assert "“气象”不是已知的行业领域" in err.value.message
    assert "教育、卫健、公安" in err.value.message


def test_every_problem_of_an_assignment_is_reported_at_once(
        db: Database, clerk: Actor) -> None:
    before = changes(db)
    with pytest.raises(ValidationError) as err:
        call(db, visits.create_assignment, clerk, Input(
            "分管领导", " ", "unit", "no-such-unit", date(2025, 5, 1), date(2025, 4, 1),
            required_per_quarter=0))
    assert {p.column for p in err.value.problems} == {
        "安排类型", "领导", "联系点", "结束日期", "每季度应走访次数"}
    assert err.value.message.startswith("有 5 处需要修改")
    assert changes(db) == before


def test_periods_of_one_leader_at_one_point_may_not_overlap(
        db: Database, clerk: Actor, link: visits.AssignmentView, units: list[str]) -> None:
    with pytest.raises(IntegrityError) as err:
        call(db, visits.create_assignment, clerk,
             Input("挂点领导", "王建国", "unit", units[0], date(2030, 1, 1)))
    assert "已有安排" in err.value.message and "不能重叠" in err.value.message
    call(db, visits.end_assignment, clerk, link.id, date(date.today().year - 1, 12, 31))
    again = call(db, visits.create_assignment, clerk, Input(
        "挂点领导", "王建国", "unit", units[0], date(date.today().year, 1, 1))).value
    assert again.start_on.year == date.today().year


def test_ending_an_assignment(db: Database, clerk: Actor, link: visits.AssignmentView) -> None:
    with pytest.raises(ValidationError, match="结束日期不能早于开始日期"):
        call(db, visits.end_assignment, clerk, link.id, date(2000, 1, 1))
    day = LINK_START.replace(month=6)
    call(db, visits.create_visit, clerk, db.paths, visit_input(link, day))
    with pytest.raises(IntegrityError, match="还有走访记录"):
        call(db, visits.end_assignment, clerk, link.id, day.replace(month=5))
    ended = call(db, visits.end_assignment, clerk, link.id, day).value
    assert ended.end_on == day and ended.period == f"{LINK_START} 至 {day}"
    assert call(db, visits.list_assignments, clerk, active_on=day.replace(month=7)) == []
    assert [a.id for a in call(db, visits.list_assignments, clerk, year=day.year)] == [link.id]


def test_an_assignment_with_visits_is_not_deleted(
        db: Database, clerk: Actor, link: visits.AssignmentView, units: list[str]) -> None:
    call(db, visits.create_visit, clerk, db.paths, visit_input(link, LINK_START))
    with pytest.raises(IntegrityError, match="已有走访记录，不能删除"):
        call(db, visits.delete_assignment, clerk, link.id)
    spare = call(db, visits.create_assignment, clerk,
                 Input("挂点领导", "张志强", "unit", units[2], LINK_START)).value
    outcome = call(db, visits.delete_assignment, clerk, spare.id)
    assert outcome.changed == {Area.VISITS}
    with db.read() as s:
        row = s.get(LinkAssignment, spare.id)
        assert row is not None and row.deleted  # a tombstone, never a hard delete
    assert [a.id for a in call(db, visits.list_assignments, clerk)] == [link.id]


def test_a_leader_may_be_a_user_or_a_person_of_the_roster(
        db: Database, admin: Actor, clerk: Actor, units: list[str]) -> None:
    with db.read() as s:
        approver_id = s.scalars(select(User.id).where(User.username == "approver")).one()
    by_user = call(db, visits.create_assignment, clerk,
                   Input("挂点领导", "", "unit", units[0], LINK_START, user_id=approver_id)).value
    assert (by_user.leader_name, by_user.leader_key) == ("审核人甲", f"user:{approver_id}")
    with db.write() as s, write_op(s, admin, "新增人员"):
        person = Person(name="赵德明", id_number="11010519491231002X", sex="男",
                        birth_date=date(1949, 12, 31), ethnicity="汉族", political="中共党员",
                        education="大学", degree="学士", work_start_precision="day",
                        phone="", initials="zdm")
        s.add(person)
        s.flush()
        person_id = person.id
    by_person = call(db, visits.create_assignment, clerk,
                     Input("挂点领导", "", "unit", units[1], LINK_START,
                           person_id=person_id)).value
    assert (by_person.leader_name, by_person.leader_key) == ("赵德明", f"person:{person_id}")
    choices = call(db, visits.leader_choices, clerk, "赵")
    assert {(c.name, c.source) for c in choices} >= {
        ("审核人甲", "已有安排"), ("赵德明", "已有安排"), ("录入员甲", "系统用户")}
    with pytest.raises(ValidationError, match="找不到所选的人员"):
        call(db, visits.create_assignment, clerk,
             Input("挂点领导", "", "unit", units[2], LINK_START, person_id="nobody"))


def test_target_choices_list_counties_units_and_sectors(
        db: Database, viewer: Actor, units: list[str]) -> None:
    choices = call(db, visits.target_choices, viewer)
    kinds = [c.kind for c in choices]
    assert kinds.count("county") == 1 and kinds.count("unit") == 3
    assert [c.name for c in choices if c.kind == "sector"] == list(vocab.SECTORS)


def test_roles_are_checked_before_anything(db: Database, viewer: Actor,
                                           units: list[str]) -> None:
    before = changes(db)
    with pytest.raises(PermissionDenied, match="没有“录入和修改”的权限"):
        call(db, visits.create_assignment, viewer,
             Input("挂点领导", "王建国", "unit", units[0], LINK_START))
    assert changes(db) == before


def test_required_visits_per_quarter_is_an_office_rule(
        db: Database, admin: Actor, clerk: Actor) -> None:
    assert call(db, visits.get_visit_rule, clerk).required_per_quarter == 1
    with pytest.raises(PermissionDenied):
        call(db, visits.set_visit_rule, clerk, 2)
    with pytest.raises(ValidationError, match="应在 1 到 12 之间"):
        call(db, visits.set_visit_rule, admin, 13)
    outcome = call(db, visits.set_visit_rule, admin, 2)
    assert outcome.value.required_per_quarter == 2 and outcome.changed
    call(db, visits.set_visit_rule, admin, 3)
    assert call(db, visits.get_visit_rule, clerk).required_per_quarter == 3
