"""机构: create, edit, move (no cycles), 只出不进, 撤销/合并 with history kept."""

from __future__ import annotations

from datetime import date

import pytest
from staffing_helpers import XZ, Staff, nothing_written, uscc

from bzdesk.db import Database
from bzdesk.errors import IntegrityError, PermissionDenied, ValidationError
from bzdesk.roles import Actor
from bzdesk.services import staffing as st


def test_create_unit_normalises_and_reads_back(staff: Staff) -> None:
    code = uscc(1)
    unit = staff.unit(" 南昌县教育体育局 ", kind="政府部门", rank="正科级",
                      uscc=code.lower(), funding="全额", approval_doc="洪编发〔2019〕3号",
                      approval_date="2019.03")
    assert (unit.name, unit.kind, unit.rank, unit.funding) == (
        "南昌县教育体育局", "政府工作部门", "正科", "全额拨款")
    assert unit.uscc == code and unit.approval_date == date(2019, 3, 1)
    assert unit.active and not unit.freeze_in and unit.office_id == "360121"
    assert staff.read(st.get_unit, unit.id) == unit


def test_every_bad_field_is_reported_at_once_and_nothing_written(staff: Staff,
                                                                  db: Database) -> None:
    with nothing_written(db), pytest.raises(ValidationError) as err:
        staff.unit("", kind="外星机关", rank="特级", uscc="91350100M000100Y4Z",
                   shiye_class="公益一类", approval_date="2019.13")
    columns = {p.column for p in err.value.problems}
    assert columns == {"机构名称", "机构类别", "机构级别", "统一社会信用代码", "批准日期"}
    assert "外星机关" in err.value.message and "党委工作机关" in err.value.message


def test_shiye_class_only_for_public_institutions(staff: Staff, db: Database) -> None:
    with nothing_written(db), pytest.raises(ValidationError, match="只有事业单位"):
        staff.unit("某局", shiye_class="公益一类")
    unit = staff.unit("某中心", kind="事业单位", shiye_class="一类")
    assert unit.shiye_class == "公益一类"


def test_duplicate_credit_code_and_name_refused(staff: Staff, db: Database) -> None:
    staff.unit("甲局", uscc=uscc(7))
    with nothing_written(db), pytest.raises(IntegrityError, match="已被“甲局”使用"):
        staff.unit("乙局", uscc=uscc(7))
    with nothing_written(db), pytest.raises(IntegrityError, match="已有名为“甲局”"):
        staff.unit("甲局")


def test_viewer_cannot_create(staff: Staff, db: Database, viewer: Actor) -> None:
    with nothing_written(db), pytest.raises(PermissionDenied):
        staff.write(st.create_unit, st.UnitInput("某局", "政府工作部门"), actor=viewer)


def test_move_refuses_cycles_and_tree_lists_parents_first(staff: Staff, db: Database) -> None:
    top = staff.unit("县委")
    mid = staff.unit("县委办", parent_id=top.id)
    low = staff.unit("县委办信息科", kind="事业单位", parent_id=mid.id)
    for target in (low.id, top.id):
        with nothing_written(db), pytest.raises(ValidationError, match="下属机构") as err:
            staff.write(st.move_unit, top.id, target)
        assert err.value.problems[0].kind == "cycle"
    moved = staff.write(st.move_unit, low.id, top.id)
    assert moved.parent_id == top.id
    tree = staff.read(st.list_units)
    assert [(u.name, u.depth) for u in tree] == [("县委", 0), ("县委办", 1), ("县委办信息科", 1)]


def test_update_edits_fields_and_keeps_id(staff: Staff) -> None:
    unit = staff.unit("旧名称局")
    edited = staff.write(st.update_unit, unit.id,
                         st.UnitInput("新名称局", "政府工作部门", short_name="新局",
                                      freeze_in=True))
    assert (edited.id, edited.name, edited.short_name, edited.freeze_in) == (
        unit.id, "新名称局", "新局", True)
    assert staff.read(st.match_unit, "新局") == edited


def test_freeze_flag_round_trip(staff: Staff) -> None:
    unit = staff.unit("某局")
    assert staff.write(st.set_freeze, unit.id, True).freeze_in
    assert not staff.write(st.set_freeze, unit.id, False).freeze_in


def test_close_refused_while_people_remain(staff: Staff, db: Database) -> None:
    unit = staff.unit("某局")
    staff.quota(unit.id, XZ, 2)
    person = staff.person("张三")
    staff.post(person.id, unit.id)
    with nothing_written(db), pytest.raises(IntegrityError, match="请先办理出编或调动"):
        staff.write(st.close_unit, st.CloseUnitInput(unit.id, "撤销", date(2024, 1, 1)))


def test_close_refused_while_sub_units_remain(staff: Staff, db: Database) -> None:
    parent = staff.unit("某局")
    staff.unit("某局下属中心", kind="事业单位", parent_id=parent.id)
    with nothing_written(db), pytest.raises(IntegrityError, match="下属机构"):
        staff.write(st.close_unit, st.CloseUnitInput(parent.id, "撤销", date(2024, 1, 1)))


def test_merge_keeps_history_and_zeroes_quota_from_that_day(staff: Staff) -> None:
    old = staff.unit("老局")
    new = staff.unit("新局")
    staff.quota(old.id, XZ, 5)
    staff.write(st.set_leader_posts, st.LeaderPostInput(old.id, 1, 2, date(2019, 1, 1)))
    closed = staff.write(st.close_unit, st.CloseUnitInput(
        old.id, "合并", date(2024, 1, 1), "编发〔2024〕1号", merged_into_id=new.id))
    assert (closed.status, closed.merged_into_id, closed.closed_on) == (
        "已合并", new.id, date(2024, 1, 1))
    assert staff.stats(date(2023, 12, 31))[("老局", "行政编制")][0] == 5
    assert ("老局", "行政编制") not in staff.stats(date(2024, 1, 1))
    history = staff.read(st.quota_history, old.id)
    assert [(q.approved, q.effective_on) for q in history] == [
        (5, date(2019, 1, 1)), (0, date(2024, 1, 1))]
    leaders = staff.read(st.leader_post_history, old.id)
    assert [(p.chief, p.deputy) for p in leaders] == [(1, 2), (0, 0)]
    assert [u.name for u in staff.read(st.list_units, include_closed=False)] == ["新局"]
    assert len(staff.read(st.list_units)) == 2  # the closed unit is still there


def test_closed_unit_cannot_be_closed_again_or_take_quotas(staff: Staff, db: Database) -> None:
    unit = staff.unit("某局")
    staff.write(st.close_unit, st.CloseUnitInput(unit.id, "撤销", date(2024, 1, 1)))
    with nothing_written(db), pytest.raises(ValidationError, match="已撤销"):
        staff.write(st.close_unit, st.CloseUnitInput(unit.id, "撤销", date(2024, 2, 1)))
    with nothing_written(db), pytest.raises(ValidationError, match="已撤销，不能核定编制"):
        staff.quota(unit.id, XZ, 3)


def test_merge_needs_a_live_target(staff: Staff, db: Database) -> None:
    unit = staff.unit("某局")
    with nothing_written(db), pytest.raises(ValidationError, match="并入"):
        staff.write(st.close_unit, st.CloseUnitInput(unit.id, "合并", date(2024, 1, 1),
                                                     merged_into_id=unit.id))
    with nothing_written(db), pytest.raises(ValidationError, match="撤并方式"):
        staff.write(st.close_unit, st.CloseUnitInput(unit.id, "解散", date(2024, 1, 1)))
