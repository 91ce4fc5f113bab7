"""志愿服务: hours rules, and yearly 人次 and hours per organisation and member."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from party_helpers import Party

from bzdesk.errors import ValidationError
from bzdesk.services import party


def _serve(p: Party, name: str, day: date, hours: object, place: str = "青山湖社区") -> None:
    p.write(party.add_volunteer, party.VolunteerInput(p.members[name], day, place, hours,
                                                      "清理楼道"))


@pytest.mark.parametrize(("hours", "kind"), [
    (-2, "bad_hours"), (0, "bad_hours"), ("24.5", "bad_hours"), ("1.25", "bad_hours"),
    ("两小时", "bad_number"),
])
def test_bad_hours_are_refused(tree: Party, hours: object, kind: str) -> None:
    before = tree.counts()
    with pytest.raises(ValidationError) as caught:
        _serve(tree, "张三", date(2024, 3, 1), hours)
    assert [p.kind for p in caught.value.problems] == [kind]
    assert "时长" in caught.value.message
    assert tree.counts() == before
    assert tree.read(party.list_volunteer, 2024) == []


def test_service_outside_membership_is_refused(tree: Party) -> None:
    before = tree.counts()
    with pytest.raises(ValidationError, match="李四在 2018-01-01 不在本单位的党组织中"):
        _serve(tree, "李四", date(2018, 1, 1), 2)
    with pytest.raises(ValidationError, match="请填写服务地点"):
        _serve(tree, "李四", date(2019, 1, 1), 2, place=" ")
    assert tree.counts() == before


def test_yearly_totals_per_org_and_member(tree: Party) -> None:
    _serve(tree, "张三", date(2024, 1, 1), 2)
    _serve(tree, "张三", date(2024, 12, 31), "1.5")
    _serve(tree, "王五", date(2024, 6, 1), 24)
    _serve(tree, "赵六", date(2024, 6, 1), "0.5")
    _serve(tree, "赵六", date(2023, 12, 31), 3)  # another year
    summary = tree.read(party.volunteer_summary, 2024)
    orgs = {t.name: (t.times, t.hours) for t in summary.by_org}
    assert orgs == {"机关党委": (4, Decimal("28.0")), "第一党支部": (3, Decimal("27.5")),
                    "第一党小组": (1, Decimal("24.0")), "第二党支部": (1, Decimal("0.5"))}
    assert [(t.name, t.times, t.hours) for t in summary.by_member] == [
        ("王五", 1, Decimal("24.0")), ("张三", 2, Decimal("3.5")), ("赵六", 1, Decimal("0.5"))]
    listed = tree.read(party.list_volunteer, 2024, tree.orgs["第一党支部"])
    assert [(v.member_name, v.hours) for v in listed] == [
        ("张三", Decimal("1.5")), ("王五", Decimal("24.0")), ("张三", Decimal("2.0"))]


def test_service_counts_where_the_member_was_that_day(tree: Party) -> None:
    tree.write(party.transfer_member, party.TransferInput(tree.members["李四"], date(2024, 7, 1),
                                                          tree.orgs["第二党支部"]))
    _serve(tree, "李四", date(2024, 6, 30), 2)
    _serve(tree, "李四", date(2024, 7, 1), 3)
    orgs = {t.name: t.hours for t in tree.read(party.volunteer_summary, 2024).by_org}
    assert (orgs["第一党支部"], orgs["第二党支部"]) == (Decimal("2.0"), Decimal("3.0"))


def test_removed_records_do_not_count(tree: Party) -> None:
    _serve(tree, "张三", date(2024, 1, 1), 2)
    record = tree.read(party.list_volunteer, 2024)[0]
    tree.write(party.remove_volunteer, record.id)
    assert tree.read(party.volunteer_summary, 2024).by_member == ()
