"""编制周转池: a ledger of 收回, 借出 and 归还 per 编制类型.

How the pool touches a unit's 核定:
- 收回 takes vacant posts from a unit for good: it writes the unit's new,
  lower quota line (effective the day of the 收回) beside the ledger line,
  so the quota history tells the whole story.
- 借出 lends posts to a unit until a due date: the loan adds to the
  borrower's 核定 while it is outstanding (measures.approved adds it); its
  quota lines are untouched because the loan is temporary.
- 归还 ends (part of) a loan: the borrower's 核定 drops back, which is
  refused if it would leave the unit 超编.
Balance = 收回 − 借出 + 归还; a 借出 may never take it below zero on any day
from its date on (a back-dated loan cannot overdraw later lending).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import ColumnElement, case, func, select
from sqlalchemy.orm import Session

from bzdesk.changes import Outcome
from bzdesk.errors import QuotaExceeded, ValidationError
from bzdesk.models.staffing import PoolMove, Unit
from bzdesk.roles import Actor, Can, require
from bzdesk.services.staffing import measures
from bzdesk.services.staffing._common import (
    Checker,
    clean_text,
    get_row,
    get_unit_row,
    parse_count,
    parse_date,
    require_accepting,
    today,
)
from bzdesk.services.staffing.catalog import category_names, category_ref, seed_dictionaries
from bzdesk.services.staffing.inputs import LendInput, RecoverInput, ReturnInput
from bzdesk.services.staffing.quotas import current_quota_line, write_quota_line
from bzdesk.services.staffing.views import (
    CategoryView,
    LoanView,
    PoolBalanceView,
    PoolMoveView,
)
from bzdesk.uow import write_op

RECOVER, LEND, RETURN = "收回", "借出", "归还"


def pool_views(session: Session, *where: ColumnElement[bool]) -> list[PoolMoveView]:
    names = category_names(session)
    rows = session.execute(
        select(PoolMove, Unit.name).join(Unit, Unit.id == PoolMove.unit_id)
        .where(PoolMove.deleted.is_(False), *where)
        .order_by(PoolMove.moved_on, PoolMove.hlc)).all()
    return [PoolMoveView(m.id, m.kind, m.category_id, names.get(m.category_id, ""), m.unit_id,
                         unit, m.count, m.doc, m.moved_on, m.due_on, m.loan_id)
            for m, unit in rows]


def available_from(session: Session, category_id: str, on: date) -> int:
    """The lowest end-of-day pool balance of a 编制类型 on any day from ``on`` on."""
    signed = case((PoolMove.kind == LEND, -PoolMove.count), else_=PoolMove.count)
    days = session.execute(select(PoolMove.moved_on, func.sum(signed)).where(
        PoolMove.category_id == category_id, PoolMove.deleted.is_(False))
        .group_by(PoolMove.moved_on).order_by(PoolMove.moved_on)).all()
    balance = sum(int(n) for day, n in days if day <= on)
    lowest = balance
    for day, n in days:
        if day > on:
            balance += int(n)
            lowest = min(lowest, balance)
    return lowest


def check_recover(session: Session, unit: Unit, category: CategoryView, count: int,
                  on: date) -> int:
    """Refuse a 收回 the unit cannot give; returns the unit's quota line in force."""
    day = today()
    current = current_quota_line(session, unit.id, category.id, day)
    if current is None:
        raise ValidationError.single("机构", unit.name,
                                     f"{unit.name} 没有核定{category.name}，无法收回。",
                                     "no_quota")
    line, current_since = current.approved, current.effective_on
    if on < current_since:
        raise ValidationError.single("收回日期", on.isoformat(),
                                     f"收回日期不能早于现行核定的生效日期 {current_since}。",
                                     "before_start")
    n = measures.numbers(session, unit.id, category.id, day)
    if count > min(n.vacant, line):
        raise QuotaExceeded.single(
            "收回数", count,
            n.told(unit.name, category.name)
            + f"，只有 {min(n.vacant, line)} 名空编可以收回，不能收回 {count} 名。", "over_quota")
    return line


def write_recover(session: Session, unit: Unit, category_id: str, count: int, on: date,
                  doc: str, note: str, line: int) -> PoolMove:
    move = PoolMove(kind=RECOVER, category_id=category_id, unit_id=unit.id, count=count,
                    doc=doc, moved_on=on, note=note, office_id=unit.office_id)
    session.add(move)
    write_quota_line(session, unit, category_id, line - count, on, doc)
    return move


def check_lend(session: Session, unit: Unit, category: CategoryView, count: int, on: date,
               due: date, *, also_recovered: int = 0) -> None:
    require_accepting(unit, "借用编制")
    if due <= on:
        raise ValidationError.single("归还期限", due.isoformat(), "归还期限应晚于借出日期。",
                                     "before_start")
    balance = available_from(session, category.id, on) + also_recovered
    if count > balance:
        raise QuotaExceeded.single(
            "借出数", count,
            f"周转池{category.name}可用 {max(balance, 0)} 名，不能借出 {count} 名。",
            "over_pool")


def write_lend(session: Session, unit: Unit, category_id: str, count: int, on: date,
               due: date, doc: str, note: str) -> PoolMove:
    move = PoolMove(kind=LEND, category_id=category_id, unit_id=unit.id, count=count,
                    doc=doc, moved_on=on, due_on=due, note=note, office_id=unit.office_id)
    session.add(move)
    return move


def _common(inp: RecoverInput | LendInput, session: Session,
            check: Checker) -> tuple[Unit | None, CategoryView | None, int | None,
                                     date | None, str | None, str | None]:
    unit = check.take(lambda: get_unit_row(session, inp.unit_id))
    category = check.take(lambda: category_ref(session, inp.category_id))
    count = check.take(lambda: parse_count(inp.count, "编制数", minimum=1))
    on = check.take(lambda: parse_date(inp.moved_on, "日期")[0])
    doc = check.take(lambda: clean_text(inp.doc, "文号", 100))
    note = check.take(lambda: clean_text(inp.note, "备注", 500))
    return unit, category, count, on, doc, note


def recover_to_pool(session: Session, actor: Actor, inp: RecoverInput) -> Outcome[PoolMoveView]:
    """收回: vacant posts of a unit into the pool; the unit's 核定 goes down."""
    require(actor, Can.WRITE)
    check = Checker()
    unit, category, count, on, doc, note = _common(inp, session, check)
    check.done()
    assert unit and category and count and on and doc is not None and note is not None
    line = check_recover(session, unit, category, count, on)
    with write_op(session, actor, "收回编制", target=f"{unit.name} {category.name}") as op:
        seed_dictionaries(session)
        move = write_recover(session, unit, category.id, count, on, doc, note, line)
    return Outcome(pool_views(session, PoolMove.id == move.id)[0], frozenset(op.changed))


def lend_from_pool(session: Session, actor: Actor, inp: LendInput) -> Outcome[PoolMoveView]:
    """借出: posts lent to a unit until ``due_on`` (its 核定 rises meanwhile)."""
    require(actor, Can.WRITE)
    check = Checker()
    unit, category, count, on, doc, note = _common(inp, session, check)
    due = check.take(lambda: parse_date(inp.due_on, "归还期限", allow_future=True)[0])
    check.done()
    assert unit and category and count and on and due and doc is not None and note is not None
    check_lend(session, unit, category, count, on, due)
    with write_op(session, actor, "借出编制", target=f"{unit.name} {category.name}") as op:
        seed_dictionaries(session)
        move = write_lend(session, unit, category.id, count, on, due, doc, note)
    return Outcome(pool_views(session, PoolMove.id == move.id)[0], frozenset(op.changed))


def _returned(session: Session, loan_id: str, as_of: date | None = None) -> int:
    query = select(func.coalesce(func.sum(PoolMove.count), 0)).where(
        PoolMove.loan_id == loan_id, PoolMove.kind == RETURN, PoolMove.deleted.is_(False))
    if as_of is not None:
        query = query.where(PoolMove.moved_on <= as_of)
    return int(session.scalar(query) or 0)


def return_to_pool(session: Session, actor: Actor, inp: ReturnInput) -> Outcome[PoolMoveView]:
    """归还: (part of) a loan back to the pool; refused beyond what is outstanding."""
    require(actor, Can.WRITE)
    loan = get_row(session, PoolMove, inp.loan_id, "借出记录")
    if loan.kind != LEND:
        raise ValidationError.single("借出记录", inp.loan_id, "只能归还借出的编制。", "not_a_loan")
    check = Checker()
    count = check.take(lambda: parse_count(inp.count, "归还数", minimum=1))
    on = check.take(lambda: parse_date(inp.moved_on, "归还日期")[0])
    doc = check.take(lambda: clean_text(inp.doc, "文号", 100))
    note = check.take(lambda: clean_text(inp.note, "备注", 500))
    check.done()
    assert count and on and doc is not None and note is not None
    unit = get_unit_row(session, loan.unit_id)
    category = category_ref(session, loan.category_id)
    outstanding = loan.count - _returned(session, loan.id)
    if on < loan.moved_on:
        raise ValidationError.single("归还日期", on.isoformat(), "归还日期不能早于借出日期。",
                                     "before_start")
    if count > outstanding:
        raise QuotaExceeded.single("归还数", count,
                                   f"这笔借出还有 {outstanding} 名未归还，不能归还 {count} 名。",
                                   "over_loan")
    n = measures.numbers(session, unit.id, category.id, today())
    if n.approved - count < n.filled + n.in_transit:
        raise QuotaExceeded.single(
            "归还数", count,
            n.told(unit.name, category.name) + f"；归还 {count} 名后将超编，请先办理出编。",
            "over_quota")
    with write_op(session, actor, "归还编制", target=f"{unit.name} {category.name}") as op:
        move = PoolMove(kind=RETURN, category_id=loan.category_id, unit_id=loan.unit_id,
                        count=count, doc=doc, moved_on=on, loan_id=loan.id, note=note,
                        office_id=loan.office_id)
        session.add(move)
    return Outcome(pool_views(session, PoolMove.id == move.id)[0], frozenset(op.changed))


def pool_balances(session: Session, actor: Actor, as_of: date | None = None,
                  ) -> list[PoolBalanceView]:
    """Per 编制类型 with any movement: 收回, 借出, 归还 to date and the balance."""
    require(actor, Can.READ)
    day = as_of or today()
    rows = session.execute(
        select(PoolMove.category_id, PoolMove.kind, func.sum(PoolMove.count))
        .where(PoolMove.deleted.is_(False), PoolMove.moved_on <= day)
        .group_by(PoolMove.category_id, PoolMove.kind)).all()
    sums: dict[str, dict[str, int]] = {}
    for category_id, kind, total in rows:
        sums.setdefault(category_id, {})[kind] = int(total)
    names = category_names(session)
    return [PoolBalanceView(c, names.get(c, ""), k.get(RECOVER, 0), k.get(LEND, 0),
                            k.get(RETURN, 0))
            for c, k in sorted(sums.items(), key=lambda item: names.get(item[0], ""))]


def pool_ledger(session: Session, actor: Actor, *,
                category_id: str | None = None) -> list[PoolMoveView]:
    require(actor, Can.READ)
    where = [PoolMove.category_id == category_id] if category_id else []
    return pool_views(session, *where)


def list_loans(session: Session, actor: Actor, as_of: date | None = None, *,
               overdue_only: bool = False) -> list[LoanView]:
    """Every 借出 with what is still outstanding on ``as_of``."""
    require(actor, Can.READ)
    day = as_of or today()
    loans = []
    for move in pool_views(session, PoolMove.kind == LEND, PoolMove.moved_on <= day):
        returned = _returned(session, move.id, day)
        outstanding = move.count - returned
        overdue = outstanding > 0 and move.due_on is not None and move.due_on < day
        if overdue or not overdue_only:
            loans.append(LoanView(move, returned, outstanding, overdue))
    return loans


def overdue_loans(session: Session, actor: Actor, as_of: date | None = None) -> list[LoanView]:
    """Loans past their due date with posts still out."""
    return list_loans(session, actor, as_of, overdue_only=True)
