"""Meeting records: 应到 from the memberships on the day, 实到/请假/缺席 from attendance,
editing, removal, and every refusal leaving nothing written."""

from __future__ import annotations

from datetime import date

import pytest
from party_helpers import Party, type_id

from bzdesk.errors import IntegrityError, NotFound, PermissionDenied, ValidationError
from bzdesk.roles import Actor
from bzdesk.services import party

A = party.AttendanceEntry


def test_counts_are_computed_from_members_on_the_day(tree: Party) -> None:
    view = tree.meeting("第一党支部", "ZBDH", date(2024, 3, 15), ("张三",),
                        extra=(A(tree.members["李四"], "请假", "出差"),))
    row = view.row
    # 张三, 李四 and 王五 (in the 支部's 党小组) are members: 应到 3, never typed
    assert (row.expected, row.present, row.leave, row.absent) == (3, 1, 1, 1)
    listed = {a.member_name: (a.status, a.reason) for a in view.attendance}
    assert listed == {"张三": ("出席", ""), "李四": ("请假", "出差"), "王五": ("缺席", "")}


def test_expected_follows_transfers(tree: Party) -> None:
    tree.write(party.transfer_member, party.TransferInput(tree.members["李四"], date(2024, 4, 1),
                                                          tree.orgs["第二党支部"]))
    before = tree.meeting("第一党支部", "ZTDR", date(2024, 3, 31))
    after = tree.meeting("第一党支部", "ZTDR", date(2024, 4, 1))
    other = tree.meeting("第二党支部", "ZTDR", date(2024, 4, 1), ("李四", "赵六"))
    assert (before.row.expected, after.row.expected) == (3, 2)
    assert (other.row.expected, other.row.present) == (2, 2)


def test_committee_meeting_counts_those_called(tree: Party) -> None:
    # 支委会, 谈心谈话, 中心组学习: 应到 is the members called, not the whole branch
    view = tree.meeting("第一党支部", "ZWH", date(2024, 5, 6), ("张三",),
                        extra=(A(tree.members["李四"], "请假", "出差"),))
    assert (view.row.expected, view.row.present, view.row.leave, view.row.absent) == (2, 1, 1, 0)
    assert [a.member_name for a in view.attendance] == ["张三", "李四"]
    talk = tree.meeting("第一党支部", "TXTH", date(2024, 5, 7), ("张三", "王五"))
    assert (talk.row.expected, talk.row.present) == (2, 2)


def test_group_meeting_counts_only_the_group(tree: Party) -> None:
    view = tree.meeting("第一党小组", "DXZH", date(2024, 5, 8), ("王五",))
    assert (view.row.expected, view.row.present, view.row.absent) == (1, 1, 0)


def test_update_replaces_attendance_and_keeps_history(tree: Party) -> None:
    view = tree.meeting("第一党支部", "ZTDR", date(2024, 2, 1), ("张三", "李四"))
    inp = party.ActivityInput(tree.orgs["第一党支部"], type_id("ZTDR"), date(2024, 2, 1),
                              "二月主题党日", content="研究发展党员工作\n形成决议两项",
                              first_topic=True,
                              attendance=(A(tree.members["张三"], "出席"),
                                          A(tree.members["王五"], "缺席", "住院")))
    updated = tree.write(party.update_activity, view.id, inp).value
    assert (updated.row.present, updated.row.absent, updated.row.first_topic) == (1, 2, True)
    assert updated.content == "研究发展党员工作\n形成决议两项"  # minutes keep their lines
    assert {a.member_name: a.reason for a in updated.attendance}["王五"] == "住院"
    rows = tree.read(party.list_activities, party.ActivityQuery(org_id=tree.orgs["第一党支部"]))
    assert [r.topic for r in rows] == ["二月主题党日"]


def test_remove_tombstones_the_record(tree: Party) -> None:
    view = tree.meeting("第一党支部", "ZWH", date(2024, 2, 1), ("张三",))
    tree.write(party.remove_activity, view.id)
    assert tree.read(party.list_activities, party.ActivityQuery()) == []
    with pytest.raises(NotFound):
        tree.read(party.get_activity, view.id)


def test_list_is_keyset_paged_newest_first(tree: Party) -> None:
    for month in range(1, 8):
        tree.meeting("第一党支部", "ZWH", date(2024, month, 3))
    first = tree.read(party.list_activities, party.ActivityQuery(year=2024, limit=3))
    last = first[-1]
    rest = tree.read(party.list_activities, party.ActivityQuery(
        year=2024, limit=10, after=(last.held_on, last.id)))
    months = [r.held_on.month for r in first + rest]
    assert months == [7, 6, 5, 4, 3, 2, 1]
    by_branch = tree.read(party.list_activities, party.ActivityQuery(
        org_id=tree.orgs["机关党委"], type_id=type_id("ZWH")))
    assert len(by_branch) == 7  # a parent includes its branches' records


def test_expected_members_for_the_attendance_grid(tree: Party) -> None:
    got = tree.read(party.expected_members, tree.orgs["第一党支部"], date(2017, 1, 1))
    assert {name for _, name in got} == {"王五", "张三"}  # 李四 came in 2018


def _refused(p: Party, inp: party.ActivityInput, kind: str, words: str,
             error: type[Exception] = ValidationError) -> None:
    before = p.counts()
    with pytest.raises(error) as caught:
        p.write(party.record_activity, inp)
    assert isinstance(caught.value, ValidationError)
    assert any(pr.kind == kind for pr in caught.value.problems), caught.value.problems
    assert words in caught.value.message
    assert p.counts() == before
    assert p.read(party.list_activities, party.ActivityQuery()) == []


def test_attendance_of_a_non_member_is_refused(tree: Party) -> None:
    inp = party.ActivityInput(tree.orgs["第一党支部"], type_id("ZBDH"), date(2024, 3, 1), "大会",
                              attendance=(A(tree.members["赵六"], "出席"),))
    _refused(tree, inp, "not_member", "赵六在 2024-03-01 不是第一党支部的党员")


def test_attendance_before_the_member_joined_is_refused(tree: Party) -> None:
    inp = party.ActivityInput(tree.orgs["第一党支部"], type_id("ZBDH"), date(2018, 4, 30), "大会",
                              attendance=(A(tree.members["李四"], "出席"),))
    _refused(tree, inp, "not_member", "李四在 2018-04-30 不是第一党支部的党员")


def test_meeting_before_the_org_existed_is_refused(tree: Party) -> None:
    inp = party.ActivityInput(tree.orgs["第二党支部"], type_id("ZWH"), date(2020, 6, 14), "筹备会")
    _refused(tree, inp, "before_founded", "早于第二党支部的成立日期（2020-06-15）")


def test_every_problem_is_reported_at_once(tree: Party) -> None:
    inp = party.ActivityInput(tree.orgs["第一党支部"], type_id("DXZH"), date(2099, 1, 1), " ",
                              attendance=(A(tree.members["张三"], "请假"),
                                          A(tree.members["张三"], "迟到")))
    before = tree.counts()
    with pytest.raises(ValidationError) as caught:
        tree.write(party.record_activity, inp)
    kinds = {pr.kind for pr in caught.value.problems}
    assert {"future_date", "type_not_for_org", "missing", "duplicate", "bad_choice"} <= kinds
    assert caught.value.message.startswith("有 ")
    assert tree.counts() == before


def test_leave_needs_a_reason_and_status_is_checked(tree: Party) -> None:
    inp = party.ActivityInput(tree.orgs["第一党支部"], type_id("ZWH"), date(2024, 3, 1), "支委会",
                              attendance=(A(tree.members["张三"], "请假"),
                                          A(tree.members["李四"], "迟到")))
    before = tree.counts()
    with pytest.raises(ValidationError) as caught:
        tree.write(party.record_activity, inp)
    assert {pr.kind for pr in caught.value.problems} == {"missing", "bad_choice"}
    assert "请填写张三的请假原因" in caught.value.message
    assert tree.counts() == before


def test_same_topic_twice_on_one_day_is_a_duplicate(tree: Party) -> None:
    tree.meeting("第一党支部", "ZWH", date(2024, 3, 1), topic="支委会")
    inp = party.ActivityInput(tree.orgs["第一党支部"], type_id("ZWH"), date(2024, 3, 1), "支委会")
    before = tree.counts()
    with pytest.raises(IntegrityError, match="已有同一主题的支委会记录"):
        tree.write(party.record_activity, inp)
    assert tree.counts() == before


def test_viewer_cannot_record(tree: Party, viewer: Actor) -> None:
    inp = party.ActivityInput(tree.orgs["第一党支部"], type_id("ZWH"), date(2024, 3, 1), "支委会")
    before = tree.counts()
    with pytest.raises(PermissionDenied, match="没有“录入和修改”的权限"):
        tree.write(party.record_activity, inp, actor=viewer)
    assert tree.counts() == before
    assert tree.read(party.list_activities, party.ActivityQuery()) == []
