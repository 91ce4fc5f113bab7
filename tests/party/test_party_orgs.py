"""党组织 tree: ranks, founding dates, editing, dissolving."""

from __future__ import annotations

from datetime import date

import pytest
from party_helpers import Party

from bzdesk.errors import IntegrityError, ValidationError
from bzdesk.services import party


def test_tree_order_depth_and_member_counts(tree: Party) -> None:
    orgs = tree.read(party.list_orgs, date(2024, 1, 1))
    assert [(o.name, o.depth, o.members) for o in orgs] == [
        ("机关党委", 0, 4), ("第一党支部", 1, 3), ("第一党小组", 2, 1), ("第二党支部", 1, 1)]
    assert tree.read(party.list_orgs, date(2017, 1, 1))[0].members == 2


@pytest.mark.parametrize(("kind", "parent", "founded", "words"), [
    ("党小组", None, date(2020, 1, 1), "党小组必须设在某个党支部之下"),
    ("党小组", "机关党委", date(2020, 1, 1), "党小组不能设在机关党委之下"),
    ("党总支", "第一党支部", date(2020, 1, 1), "党总支不能设在党支部之下"),
    ("党支部", "机关党委", date(2014, 12, 31), "早于上级组织机关党委的成立日期"),
    ("党支部", "机关党委", date(2099, 1, 1), "成立日期不能晚于今天"),
    ("党委", None, date(2020, 1, 1), "组织类别应为"),
])
def test_bad_trees_are_refused(tree: Party, kind: str, parent: str | None, founded: date,
                               words: str) -> None:
    before = tree.counts()
    with pytest.raises(ValidationError, match=words):
        tree.org("新组织", kind, founded, parent)
    assert tree.counts() == before


def test_names_are_unique(tree: Party) -> None:
    before = tree.counts()
    with pytest.raises(IntegrityError, match="已有名为“第一党支部”的党组织"):
        tree.org("第一党支部", "党支部", date(2020, 1, 1), "机关党委")
    assert tree.counts() == before


def test_general_branch_between_committee_and_branch(p: Party) -> None:
    p.org("机关党委", "机关党委", date(2010, 1, 1))
    p.org("教育党总支", "党总支", date(2012, 1, 1), "机关党委")
    p.org("一中党支部", "党支部", date(2012, 2, 1), "教育党总支")
    assert [o.depth for o in p.read(party.list_orgs)] == [0, 1, 2]


def test_edit_keeps_the_tree_valid(tree: Party) -> None:
    branch = tree.orgs["第一党支部"]
    moved = tree.write(party.update_org, branch, party.OrgInput(
        "第一党支部（机关）", "党支部", date(2015, 3, 1), tree.orgs["机关党委"], 5)).value
    assert (moved.name, moved.sort_order) == ("第一党支部（机关）", 5)  # punctuation kept
    before = tree.counts()
    cases = [
        (party.OrgInput("第一党支部", "党支部", date(2015, 3, 1), tree.orgs["第一党小组"]),
         "不能把党组织设到它自己或它的下级组织之下"),
        (party.OrgInput("第一党支部", "党总支", date(2015, 3, 1), tree.orgs["机关党委"]),
         "下级组织第一党小组（党小组）不能设在党总支之下"),
        (party.OrgInput("第一党支部", "党支部", date(2016, 6, 1), tree.orgs["机关党委"]),
         "下级组织第一党小组成立于 2016-01-01"),
    ]
    for inp, words in cases:
        with pytest.raises(ValidationError, match=words):
            tree.write(party.update_org, branch, inp)
    group = tree.orgs["第一党小组"]
    with pytest.raises(ValidationError, match="已有党员或活动记录"):
        tree.write(party.update_org, group, party.OrgInput("第一党小组", "党小组",
                                                           date(2016, 2, 1), branch))
    assert tree.counts() == before


def test_dissolve_needs_members_gone_first(tree: Party) -> None:
    second = tree.orgs["第二党支部"]
    before = tree.counts()
    with pytest.raises(ValidationError, match="还有 1 名党员"):
        tree.write(party.dissolve_org, second, date(2024, 1, 1))
    with pytest.raises(ValidationError, match="请先撤销下级组织第一党小组"):
        tree.write(party.dissolve_org, tree.orgs["第一党支部"], date(2024, 1, 1))
    assert tree.counts() == before
    tree.write(party.transfer_member, party.TransferInput(tree.members["赵六"], date(2023, 12, 1),
                                                          None, "转往市直机关"))
    done = tree.write(party.dissolve_org, second, date(2024, 1, 1)).value
    assert done.dissolved_on == date(2024, 1, 1) and not done.active
    with pytest.raises(ValidationError, match="第二党支部在 2024-02-01 不存在"):
        tree.write(party.join_org, party.JoinInput(tree.members["赵六"], second,
                                                   date(2024, 2, 1)))
    with pytest.raises(ValidationError, match="已于 2024-01-01 撤销"):
        tree.meeting("第二党支部", "ZWH", date(2024, 1, 5))
