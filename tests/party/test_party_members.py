"""党员: particulars, the roster link, one branch at a time, transfers and history."""

from __future__ import annotations

from datetime import date

import pytest
from party_helpers import Party
from sqlalchemy import select

from bzdesk.errors import IntegrityError, ValidationError
from bzdesk.models.staffing import Person
from bzdesk.services import party
from bzdesk.uow import write_op

ID = "11010519491231002X"


def _person(p: Party, name: str = "钱七", political: str = "中共党员") -> str:
    with p.db.write() as s, write_op(s, p.actor, "测试建档"):
        person = Person(name=name, id_number=ID, sex="女", birth_date=date(1949, 12, 31),
                        political=political)
        s.add(person)
        s.flush()
        return person.id


def test_member_linked_to_a_roster_person(tree: Party) -> None:
    person = _person(tree)
    assert [name for _, name, _ in tree.read(party.unlinked_party_people, "钱")] == ["钱七"]
    member = tree.member("钱七", "第二党支部", date(2021, 1, 1), person_id=person)
    view = tree.read(party.get_member_view, member, date(2022, 1, 1))
    assert (view.person_name, view.sex, view.org_name) == ("钱七", "女", "第二党支部")
    assert tree.read(party.unlinked_party_people) == []
    before = tree.counts()
    with pytest.raises(IntegrityError, match="钱七已登记为党员，不能重复登记"):
        tree.member("钱七", "第一党支部", date(2021, 1, 1), person_id=person)
    assert tree.counts() == before


def test_name_must_match_the_linked_person(tree: Party) -> None:
    person = _person(tree)
    with pytest.raises(ValidationError, match="姓名与关联的实名库人员“钱七”不一致"):
        tree.member("钱八", "第二党支部", date(2021, 1, 1), person_id=person)


def test_particulars_are_checked(tree: Party) -> None:
    bad = party.MemberInput("孙九", date(2010, 1, 1), status="预备", full_on=date(2011, 1, 1),
                            sex="未知")
    before = tree.counts()
    with pytest.raises(ValidationError) as caught:
        tree.write(party.create_member, party.NewMemberInput(bad, tree.orgs["第一党支部"],
                                                             date(2015, 3, 1)))
    assert {p.column for p in caught.value.problems} == {"转正时间", "性别"}
    with pytest.raises(ValidationError, match="党员只能编入党支部或党小组"):
        tree.member("孙九", "机关党委", date(2016, 1, 1))
    with pytest.raises(ValidationError, match="加入日期不能早于入党时间"):
        tree.member("孙九", "第一党支部", date(2016, 1, 1), joined=date(2017, 1, 1))
    assert tree.counts() == before


def test_one_branch_at_a_time(tree: Party) -> None:
    zhao = tree.members["赵六"]
    before = tree.counts()
    with pytest.raises(IntegrityError) as caught:
        tree.write(party.join_org, party.JoinInput(zhao, tree.orgs["第一党支部"],
                                                   date(2023, 1, 1)))
    assert caught.value.message == (
        "赵六自 2020-06-15 至今在第二党支部，一名党员同一时间只能属于一个党支部。"
        "请先办理转出或组织调整。")
    assert tree.counts() == before


def test_transfer_out_and_back_in(tree: Party) -> None:
    zhao = tree.members["赵六"]
    out = tree.write(party.transfer_member, party.TransferInput(zhao, date(2022, 3, 1), None,
                                                                "转往市委办"))
    assert out.value.org_id is None
    before = tree.counts()
    with pytest.raises(IntegrityError, match="至 2022-03-01在第二党支部"):
        tree.write(party.join_org, party.JoinInput(zhao, tree.orgs["第一党支部"],
                                                   date(2022, 2, 1)))
    with pytest.raises(ValidationError, match="目前不在本单位的党组织中"):
        tree.write(party.transfer_member, party.TransferInput(zhao, date(2023, 1, 1)))
    assert tree.counts() == before
    back = tree.write(party.join_org, party.JoinInput(zhao, tree.orgs["第一党支部"],
                                                      date(2023, 5, 1), note="从市委办转回"))
    assert back.value.org_name == "第一党支部"
    history = tree.read(party.member_history, zhao)
    assert [(h.org_name, h.start_kind, h.end_kind, h.end_on) for h in history] == [
        ("第二党支部", "登记", "转出", date(2022, 3, 1)), ("第一党支部", "转入", None, None)]


def test_internal_move_and_bad_dates(tree: Party) -> None:
    li = tree.members["李四"]
    before = tree.counts()
    with pytest.raises(ValidationError, match="转出日期应晚于加入现组织的日期"):
        tree.write(party.transfer_member, party.TransferInput(li, date(2018, 5, 1),
                                                              tree.orgs["第二党支部"]))
    with pytest.raises(ValidationError, match="李四已在这个组织中"):
        tree.write(party.transfer_member, party.TransferInput(li, date(2019, 1, 1),
                                                              tree.orgs["第一党支部"]))
    with pytest.raises(ValidationError, match="第二党支部在 2019-01-01 不存在"):
        tree.write(party.transfer_member, party.TransferInput(li, date(2019, 1, 1),
                                                              tree.orgs["第二党支部"]))
    assert tree.counts() == before
    tree.write(party.transfer_member, party.TransferInput(li, date(2021, 1, 1),
                                                          tree.orgs["第二党支部"]))
    kinds = [(h.start_kind, h.end_kind) for h in tree.read(party.member_history, li)]
    assert kinds == [("登记", "内部调整"), ("内部调整", None)]


def test_list_members_by_org_and_day(tree: Party) -> None:
    branch = tree.orgs["第一党支部"]
    names = [m.name for m in tree.read(party.list_members, branch, date(2024, 1, 1))]
    assert sorted(names) == ["张三", "李四", "王五"]
    assert len(tree.read(party.list_members, branch, date(2017, 1, 1))) == 2
    everyone = {m.name: m.org_name for m in tree.read(party.list_members, None,
                                                      date(2019, 1, 1))}
    assert everyone == {"张三": "第一党支部", "李四": "第一党支部", "王五": "第一党小组",
                        "赵六": ""}


def test_update_particulars(tree: Party) -> None:
    zhang = tree.members["张三"]
    inp = party.MemberInput("张三", date(2000, 7, 1), "正式", date(2001, 7, 1), "男",
                            retired=True, community="  青山湖 社区 ", phone="0791-1234567")
    view = tree.write(party.update_member, zhang, inp).value
    assert (view.retired, view.community, view.full_on) == (True, "青山湖 社区",
                                                            date(2001, 7, 1))
    with pytest.raises(ValidationError, match="入党时间不能晚于加入本组织的日期"):
        tree.write(party.update_member, zhang, party.MemberInput("张三", date(2016, 1, 1)))
    with tree.db.read() as s:
        assert s.scalar(select(Person.id)) is None  # members do not create roster people
