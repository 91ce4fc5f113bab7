"""编制周转池: 收回 lowers a unit's 核定, 借出 raises it while outstanding, 归还 ends it."""

from __future__ import annotations

from datetime import date

import pytest
from staffing_helpers import SY, Staff, last_audit, nothing_written

from bzdesk.db import Database
from bzdesk.errors import IntegrityError, QuotaExceeded, ValidationError
from bzdesk.services import staffing as st


@pytest.fixture
def units(staff: Staff) -> tuple[st.UnitView, st.UnitView]:
    donor = staff.unit("南昌县农业技术推广中心", kind="事业单位")
    school = staff.unit("南昌县第二中学", kind="事业单位")
    staff.quota(donor.id, SY, 10)
    staff.quota(school.id, SY, 1)
    for name in ("甲", "乙", "丙", "丁", "戊", "己"):
        staff.post(staff.person(name).id, donor.id, SY, route="公开招聘")
    staff.post(staff.person("庚").id, school.id, SY, route="公开招聘")
    return donor, school


def _recover(staff: Staff, unit_id: str, n: int, on: date = date(2023, 1, 10)) -> st.PoolMoveView:
    return staff.write(st.recover_to_pool, st.RecoverInput(unit_id, SY, n, on, "编发〔2023〕1号"))


def _lend(staff: Staff, unit_id: str, n: int, on: date = date(2023, 2, 1),
          due: date = date(2024, 2, 1)) -> st.PoolMoveView:
    return staff.write(st.lend_from_pool, st.LendInput(unit_id, SY, n, on, due, "编发〔2023〕2号"))


def test_recover_lowers_quota_and_fills_pool(staff: Staff, units: tuple[st.UnitView, ...]) -> None:
    donor, _ = units
    move = _recover(staff, donor.id, 3)
    assert (move.kind, move.count, move.unit) == ("收回", 3, "南昌县农业技术推广中心")
    assert [(q.approved, q.effective_on) for q in staff.read(st.quota_history, donor.id)] == [
        (10, date(2019, 1, 1)), (7, date(2023, 1, 10))]
    balance = staff.read(st.pool_balances)
    assert [(b.category, b.recovered, b.balance) for b in balance] == [("事业编制", 3, 3)]
    assert staff.stats()[("南昌县农业技术推广中心", "事业编制")] == (7, 6, 0, 1, 0)
    assert last_audit(staff.db).op == "收回编制"


def test_recover_only_vacant_posts(staff: Staff, db: Database,
                                   units: tuple[st.UnitView, ...]) -> None:
    donor, school = units
    with nothing_written(db), pytest.raises(QuotaExceeded, match="只有 4 名空编可以收回"):
        _recover(staff, donor.id, 5)
    with nothing_written(db), pytest.raises(ValidationError, match="早于现行核定的生效日期"):
        _recover(staff, donor.id, 1, on=date(2018, 1, 1))
    with nothing_written(db), pytest.raises(ValidationError, match="没有核定工勤编制"):
        staff.write(st.recover_to_pool, st.RecoverInput(
            school.id, st.default_category_id("GQ"), 1, date(2023, 1, 1)))


def test_loans_raise_the_borrowers_quota_and_balance_limits_them(
        staff: Staff, db: Database, units: tuple[st.UnitView, ...]) -> None:
    donor, school = units
    _recover(staff, donor.id, 3)
    with nothing_written(db), pytest.raises(QuotaExceeded, match="可用 3 名，不能借出 4 名"):
        _lend(staff, school.id, 4)
    loan = _lend(staff, school.id, 2)
    assert staff.stats(date(2023, 1, 31))[("南昌县第二中学", "事业编制")][0] == 1
    assert staff.stats()[("南昌县第二中学", "事业编制")] == (3, 1, 0, 2, 0)
    assert staff.read(st.pool_balances)[0].balance == 1
    assert loan.due_on == date(2024, 2, 1)
    with nothing_written(db), pytest.raises(ValidationError, match="归还期限应晚于"):
        _lend(staff, school.id, 1, due=date(2023, 1, 1))


def test_back_dated_loan_cannot_overdraw_later_lending(staff: Staff, db: Database,
                                                        units: tuple[st.UnitView, ...]) -> None:
    donor, school = units
    _recover(staff, donor.id, 2, on=date(2023, 1, 10))
    _lend(staff, school.id, 2, on=date(2023, 3, 1))
    _recover(staff, donor.id, 2, on=date(2023, 6, 1))
    # on 2023-02-01 the pool held 2, but both were lent on 2023-03-01
    with nothing_written(db), pytest.raises(QuotaExceeded, match="可用 0 名"):
        _lend(staff, school.id, 1, on=date(2023, 2, 1))
    assert _lend(staff, school.id, 2, on=date(2023, 7, 1)).count == 2


def test_returns_and_overdue_loans(staff: Staff, db: Database,
                                   units: tuple[st.UnitView, ...]) -> None:
    donor, school = units
    _recover(staff, donor.id, 4)
    late = _lend(staff, school.id, 1, due=date(2023, 6, 30))
    loan = _lend(staff, school.id, 3, due=date(2030, 1, 1))
    with nothing_written(db), pytest.raises(QuotaExceeded, match="还有 3 名未归还"):
        staff.write(st.return_to_pool, st.ReturnInput(loan.id, 4, date(2023, 8, 1)))
    with nothing_written(db), pytest.raises(ValidationError, match="只能归还借出"):
        staff.write(st.return_to_pool, st.ReturnInput(
            staff.read(st.pool_ledger)[0].id, 1, date(2023, 8, 1)))
    back = staff.write(st.return_to_pool, st.ReturnInput(loan.id, 2, date(2023, 8, 1)))
    assert (back.kind, back.loan_id) == ("归还", loan.id)
    overdue = staff.read(st.overdue_loans, date(2023, 7, 1))
    assert [(v.move.id, v.outstanding) for v in overdue] == [(late.id, 1)]
    loans = {v.move.id: (v.returned, v.outstanding, v.overdue)
             for v in staff.read(st.list_loans, date(2023, 9, 1))}
    assert loans == {late.id: (0, 1, True), loan.id: (2, 1, False)}
    assert staff.read(st.pool_balances)[0].balance == 4 - 1 - 3 + 2
    assert staff.stats()[("南昌县第二中学", "事业编制")][0] == 1 + 1 + 1


def test_return_refused_when_it_would_leave_the_unit_over(staff: Staff, db: Database,
                                                          units: tuple[st.UnitView, ...]) -> None:
    donor, school = units
    _recover(staff, donor.id, 2)
    loan = _lend(staff, school.id, 1)
    staff.post(staff.person("辛").id, school.id, SY, route="公开招聘", on=date(2023, 3, 1))
    with nothing_written(db), pytest.raises(QuotaExceeded, match="归还 1 名后将超编"):
        staff.write(st.return_to_pool, st.ReturnInput(loan.id, 1, date(2023, 8, 1)))


def test_frozen_unit_cannot_borrow_and_closing_needs_loans_back(
        staff: Staff, db: Database, units: tuple[st.UnitView, ...]) -> None:
    donor, school = units
    _recover(staff, donor.id, 2)
    _lend(staff, school.id, 1)
    with nothing_written(db), pytest.raises(IntegrityError, match="借用周转池编制 1 名，请先归还"):
        staff.write(st.close_unit, st.CloseUnitInput(school.id, "撤销", date(2024, 1, 1)))
    staff.write(st.set_freeze, school.id, True)
    with nothing_written(db), pytest.raises(ValidationError, match="只出不进"):
        _lend(staff, school.id, 1)
