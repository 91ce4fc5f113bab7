"""党费: the vectors of DOMAIN.md §3, brackets as data, the ledger and the unpaid alert."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from party_helpers import Party

from bzdesk.errors import IntegrityError, PermissionDenied, ValidationError
from bzdesk.roles import Actor
from bzdesk.services import party
from bzdesk.services.party.dues_rule import (
    DEFAULT_RETIRED,
    DEFAULT_WORKING,
    Bracket,
    check_brackets,
    dues_amount,
)


@pytest.mark.parametrize(("base", "due"), [
    ("3000", "15.00"), ("3000.01", "30.00"), ("5400", "81.00"), ("11500", "230.00"),
    ("0", "0.00"), ("5000", "50.00"), ("10000", "150.00"), ("10000.01", "200.00"),
    ("2999.99", "15.00"),  # 14.99995 → 15.00, half up
    ("3333.33", "33.33"), (3000.01, "30.00"), (5400, "81.00"), ("1,234.50", "6.17"),
])
def test_working_vectors(base: object, due: str) -> None:
    assert dues_amount(base, DEFAULT_WORKING) == Decimal(due)


@pytest.mark.parametrize(("base", "due"), [("5000", "25.00"), ("5000.01", "50.00"),
                                           ("4321", "21.61"), ("8000", "80.00")])
def test_retired_vectors(base: str, due: str) -> None:
    assert dues_amount(base, DEFAULT_RETIRED) == Decimal(due)


@pytest.mark.parametrize("base", ["-1", "abc", "", None, "1000001"])
def test_bad_bases_are_refused(base: object) -> None:
    with pytest.raises(ValidationError, match="计算基数"):
        dues_amount(base, DEFAULT_WORKING)


def test_brackets_are_checked() -> None:
    bad = (Bracket(Decimal(5000), Decimal("0.01")), Bracket(Decimal(3000), Decimal("0.2")))
    with pytest.raises(ValidationError) as caught:
        check_brackets(bad, "在职党员比例")
    message = caught.value.message
    assert "最后一档不能有上限" in message and "从小到大" in message and "10%" in message


def test_office_brackets_are_a_setting(p: Party, admin: Actor, clerk: Actor) -> None:
    assert p.read(party.calculate_dues, "5400") == Decimal("81.00")
    assert p.read(party.calculate_dues, "5400", True) == Decimal("54.00")
    flat = (Bracket(None, Decimal("0.01")),)
    with pytest.raises(PermissionDenied):
        p.write(party.set_dues_rule, party.DuesRuleInput(flat, flat, 6), actor=clerk)
    view = p.write(party.set_dues_rule, party.DuesRuleInput(flat, DEFAULT_RETIRED, 3),
                   actor=admin).value
    assert (view.working, view.alert_months) == (flat, 3)
    assert p.read(party.calculate_dues, "5400") == Decimal("54.00")
    before = p.counts()
    with pytest.raises(ValidationError, match="离退休党员比例设置有误"):
        p.write(party.set_dues_rule, party.DuesRuleInput(flat, (), 6), actor=admin)
    assert p.counts() == before


def test_payments_ledger(tree: Party) -> None:
    zhang, wang = tree.members["张三"], tree.members["王五"]
    paid = tree.write(party.record_dues, party.DuesInput(zhang, date(2024, 1, 15), "5400",
                                                         date(2024, 1, 20), months=3)).value
    assert [(v.month, v.amount) for v in paid] == [
        (date(2024, m, 1), Decimal("81.00")) for m in (1, 2, 3)]
    tree.write(party.record_dues, party.DuesInput(wang, date(2024, 2, 1), "4000",
                                                  date(2024, 2, 3)))  # retired: 0.5%
    ledger = tree.read(party.dues_ledger, 2024, tree.orgs["第一党支部"])
    rows = {r.name: r for r in ledger.rows}
    assert rows["张三"].cells[:4] == (Decimal("81.00"),) * 3 + (None,)
    assert rows["王五"].cells[1] == Decimal("20.00") and rows["王五"].retired
    assert rows["李四"].total == Decimal("0.00")
    assert ledger.total == Decimal("263.00")
    assert "赵六" not in rows


def test_a_month_is_paid_once(tree: Party) -> None:
    zhang = tree.members["张三"]
    tree.write(party.record_dues, party.DuesInput(zhang, date(2024, 3, 1), "3000",
                                                  date(2024, 3, 2)))
    before = tree.counts()
    with pytest.raises(IntegrityError, match="张三 2024年3月的党费已经登记过了"):
        tree.write(party.record_dues, party.DuesInput(zhang, date(2024, 2, 1), "3000",
                                                      date(2024, 3, 2), months=2))
    with pytest.raises(ValidationError, match="不在本单位的党组织中"):
        tree.write(party.record_dues, party.DuesInput(tree.members["赵六"], date(2020, 5, 1),
                                                      "3000", date(2020, 6, 20)))
    assert tree.counts() == before


def test_six_months_unpaid_is_an_alert(tree: Party) -> None:
    zhang, li = tree.members["张三"], tree.members["李四"]
    tree.write(party.record_dues, party.DuesInput(zhang, date(2024, 1, 1), "3000",
                                                  date(2024, 1, 5)))
    tree.write(party.record_dues, party.DuesInput(li, date(2024, 2, 1), "3000",
                                                  date(2024, 2, 5)))
    # On 2024-07-15: 张三 has not paid Feb–Jun… that is 5 months, 李四 Mar–Jun 4.
    july = tree.read(party.unpaid_alerts, date(2024, 7, 15), tree.orgs["第一党支部"])
    assert [a.name for a in july] == ["王五"]  # never paid since 2016
    alerts = {a.name: a for a in tree.read(party.unpaid_alerts, date(2024, 8, 1))}
    assert alerts["张三"].unpaid_months == 6 and alerts["张三"].last_paid == date(2024, 1, 1)
    assert "李四" not in alerts  # 5 months
    assert alerts["王五"].org_name == "第一党小组" and alerts["王五"].last_paid is None
    assert alerts["赵六"].unpaid_months >= 6
