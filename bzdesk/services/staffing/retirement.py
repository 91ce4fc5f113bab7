"""Statutory retirement (法定退休年龄) with the gradual rise from 2025-01-01.

The 全国人大常委会 decision of 2024-09-13 raises the age by one month for
every few months of birth, starting with people born in the month given
below, until the final age; the schedule is data (``SCHEDULES``), not
constants spread through code. Which women's schedule applies follows the
post: 工勤编制 (a category with ``is_worker``) retires on the workers' one,
every other post on the cadres' one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Final

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from bzdesk.models.staffing import Person, Posting, StaffingCategory, Unit
from bzdesk.roles import Actor, Can, require
from bzdesk.services.staffing._common import add_months, today
from bzdesk.services.staffing.catalog import load_categories
from bzdesk.services.staffing.measures import open_on
from bzdesk.services.staffing.people import get_person_row
from bzdesk.services.staffing.postings import open_posting
from bzdesk.services.staffing.views import RetiringView
from bzdesk.validation import mask_id


@dataclass(frozen=True)
class Schedule:
    name: str  # 男 / 女干部 / 女工人
    base_years: int  # the age before the reform
    first_birth: tuple[int, int]  # (year, month): the first births that retire later
    births_per_month: int  # each this many birth months add one month
    max_extra_months: int  # the final age is base + this


SCHEDULES: Final = {
    "男": Schedule("男", 60, (1965, 1), 4, 36),  # 60 → 63
    "女干部": Schedule("女干部", 55, (1970, 1), 4, 36),  # 55 → 58
    "女工人": Schedule("女工人", 50, (1975, 1), 2, 60),  # 50 → 55
}


@dataclass(frozen=True)
class Retirement:
    schedule: str
    years: int
    months: int
    on: date


def schedule_name(sex: str, is_worker: bool) -> str:
    if sex == "男":
        return "男"
    return "女工人" if is_worker else "女干部"


def statutory_retirement(birth: date, sex: str, is_worker: bool = False) -> Retirement:
    """The age and the day a person reaches statutory retirement."""
    schedule = SCHEDULES[schedule_name(sex, is_worker)]
    start_year, start_month = schedule.first_birth
    after = (birth.year * 12 + birth.month) - (start_year * 12 + start_month)
    extra = 0 if after < 0 else min(schedule.max_extra_months,
                                    after // schedule.births_per_month + 1)
    total = schedule.base_years * 12 + extra
    return Retirement(schedule.name, total // 12, total % 12, add_months(birth, total))


def _view(person: Person, unit: str, category: str, is_worker: bool, actor: Actor,
          as_of: date) -> RetiringView:
    r = statutory_retirement(person.birth_date, person.sex, is_worker)
    shown = person.id_number if actor.can(Can.SEE_FULL_ID) else mask_id(person.id_number)
    return RetiringView(person.id, person.name, shown, person.sex, person.birth_date, unit,
                        category, r.schedule, r.years, r.months, r.on, r.on < as_of)


def person_retirement(session: Session, actor: Actor, person_id: str,
                      as_of: date | None = None) -> RetiringView:
    """A person's statutory retirement, on the schedule of their open posting."""
    require(actor, Can.READ)
    person = get_person_row(session, person_id)
    posting = open_posting(session, person.id)
    categories = {c.id: c for c in load_categories(session)}
    category = categories.get(posting.category_id) if posting else None
    unit = session.get(Unit, posting.unit_id) if posting else None
    return _view(person, unit.name if unit else "", category.name if category else "",
                 bool(category and category.is_worker), actor, as_of or today())


def _candidates(day: date, horizon: date) -> Any:
    """People who can reach retirement by ``horizon``: born no later than the horizon
    less their schedule's base age (the reform only adds months). A CTE that SQLite
    materialises, so the birth-date index drives the query, not all postings."""
    def born_by(name: str) -> date:
        return add_months(horizon, -SCHEDULES[name].base_years * 12)

    workers = (select(Posting.person_id)
               .join(StaffingCategory, StaffingCategory.id == Posting.category_id)
               .where(StaffingCategory.is_worker.is_(True), Posting.deleted.is_(False),
                      open_on(day)))
    return (select(Person.id).where(
        Person.deleted.is_(False), Person.birth_date <= born_by("女工人"),
        or_(and_(Person.sex == "男", Person.birth_date <= born_by("男")),
            and_(Person.sex == "女", Person.birth_date <= born_by("女干部")),
            and_(Person.sex == "女", Person.id.in_(workers))))
        .cte("candidates").prefix_with("MATERIALIZED", dialect="sqlite"))


def retiring_within(session: Session, actor: Actor, months: int = 12,
                    as_of: date | None = None) -> list[RetiringView]:
    """People in post on ``as_of`` who reach retirement within ``months`` (or already
    have: ``overdue``), soonest first."""
    require(actor, Can.READ)
    day = as_of or today()
    horizon = add_months(day, months)
    candidates = _candidates(day, horizon)
    rows = session.execute(
        select(Person, Unit.name, StaffingCategory.name, StaffingCategory.is_worker)
        .select_from(candidates)
        .join(Person, Person.id == candidates.c.id)
        .join(Posting, Posting.person_id == Person.id)
        .join(Unit, Unit.id == Posting.unit_id)
        .join(StaffingCategory, StaffingCategory.id == Posting.category_id)
        .where(Posting.deleted.is_(False), open_on(day))).all()
    views = [_view(p, unit, category, worker, actor, day) for p, unit, category, worker in rows]
    return sorted((v for v in views if v.retire_on <= horizon),
                  key=lambda v: (v.retire_on, v.name, v.person_id))
