"""在职党员进社区报到: the month × member ledger and its missing months."""

from __future__ import annotations

from datetime import date

import pytest
from party_helpers import Party

from bzdesk.errors import ValidationError
from bzdesk.services import party


def _check_in(p: Party, name: str, month: date, status: str = party.TOOK_PART) -> None:
    p.write(party.set_checkin, party.CheckinInput(p.members[name], month, status))


def test_ledger_grid_and_missing_months(tree: Party) -> None:
    _check_in(tree, "张三", date(2024, 1, 20), party.REPORTED)
    _check_in(tree, "张三", date(2024, 2, 1))
    _check_in(tree, "张三", date(2024, 4, 1))
    ledger = tree.read(party.checkin_ledger, 2024, tree.orgs["第一党支部"], date(2024, 5, 10))
    assert [m.month for m in ledger.months] == list(range(1, 13))
    rows = {r.name: r for r in ledger.rows}
    assert set(rows) == {"张三", "李四"}  # 王五 is retired: not asked to check in
    zhang = rows["张三"]
    assert zhang.cells[:5] == ("已报到", "参加活动", "未报到", "参加活动", "")  # May not over
    assert zhang.missing == (date(2024, 3, 1),)
    assert rows["李四"].missing == tuple(date(2024, m, 1) for m in range(1, 5))


def test_withdrawing_a_month(tree: Party) -> None:
    _check_in(tree, "张三", date(2024, 3, 1))
    row = tree.write(party.set_checkin, party.CheckinInput(
        tree.members["张三"], date(2024, 3, 1), party.NOT_REPORTED)).value
    assert date(2024, 3, 1) in row.missing


def test_months_outside_membership_are_not_due(tree: Party) -> None:
    tree.write(party.transfer_member, party.TransferInput(tree.members["李四"], date(2024, 3, 15),
                                                          None))
    ledger = tree.read(party.checkin_ledger, 2024, tree.orgs["第一党支部"], date(2024, 12, 31))
    li = next(r for r in ledger.rows if r.name == "李四")
    assert li.cells[3:] == ("",) * 9 and len(li.missing) == 3  # Jan–Mar (left in March)


@pytest.mark.parametrize(("name", "month", "words"), [
    ("王五", date(2024, 1, 1), "王五是离退休党员，不需要进社区报到"),
    ("李四", date(2018, 4, 1), "李四在 2018年4月不在本单位的党组织中"),
    ("张三", date(2099, 1, 1), "不能登记以后月份的报到情况"),
])
def test_refusals(tree: Party, name: str, month: date, words: str) -> None:
    before = tree.counts()
    with pytest.raises(ValidationError, match=words):
        _check_in(tree, name, month)
    assert tree.counts() == before


def test_community_must_be_known(p: Party) -> None:
    p.org("党支部甲", "党支部", date(2020, 1, 1))
    p.member("周八", "党支部甲", date(2020, 1, 1))
    with pytest.raises(ValidationError, match="请先登记周八的报到社区"):
        _check_in(p, "周八", date(2024, 1, 1))
