"""Statutory retirement with the 2025 gradual reform, and the retiring-soon list."""

from __future__ import annotations

from datetime import date

import pytest
from staffing_helpers import GQ, XZ, Staff

from bzdesk.roles import Actor
from bzdesk.services import staffing as st


@pytest.mark.parametrize(("birth", "sex", "worker", "years", "months", "on"), [
    (date(1964, 12, 10), "男", False, 60, 0, date(2024, 12, 10)),
    (date(1965, 1, 15), "男", False, 60, 1, date(2025, 2, 15)),
    (date(1965, 4, 30), "男", False, 60, 1, date(2025, 5, 30)),
    (date(1965, 5, 1), "男", False, 60, 2, date(2025, 7, 1)),
    (date(1976, 8, 1), "男", False, 62, 11, date(2039, 7, 1)),
    (date(1976, 9, 1), "男", False, 63, 0, date(2039, 9, 1)),
    (date(1990, 6, 6), "男", True, 63, 0, date(2053, 6, 6)),
    (date(1965, 1, 31), "男", False, 60, 1, date(2025, 2, 28)),
    (date(1969, 12, 1), "女", False, 55, 0, date(2024, 12, 1)),
    (date(1970, 1, 1), "女", False, 55, 1, date(2025, 2, 1)),
    (date(1981, 9, 1), "女", False, 58, 0, date(2039, 9, 1)),
    (date(1974, 12, 1), "女", True, 50, 0, date(2024, 12, 1)),
    (date(1975, 1, 1), "女", True, 50, 1, date(2025, 2, 1)),
    (date(1975, 3, 1), "女", True, 50, 2, date(2025, 5, 1)),
    (date(1984, 11, 1), "女", True, 55, 0, date(2039, 11, 1)),
])
def test_schedule_examples(birth: date, sex: str, worker: bool, years: int, months: int,
                           on: date) -> None:
    r = st.statutory_retirement(birth, sex, worker)
    assert (r.years, r.months, r.on) == (years, months, on)


def test_schedule_is_data() -> None:
    assert {k: (s.base_years, s.base_years + s.max_extra_months // 12)
            for k, s in st.SCHEDULES.items()} == {"男": (60, 63), "女干部": (55, 58),
                                                  "女工人": (50, 55)}


def test_retiring_within_uses_the_post_kind(staff: Staff, viewer: Actor) -> None:
    unit = staff.unit("某局")
    staff.quota(unit.id, XZ, 5)
    staff.quota(unit.id, GQ, 2)
    man = staff.person("老张", birth=date(1965, 3, 1))  # 60y1m → 2025-04-01
    cadre = staff.person("李姐", birth=date(1970, 6, 1), male=False)  # 55y2m → 2025-08-01
    worker = staff.person("王姐", birth=date(1975, 6, 1), male=False)  # 50y3m → 2025-09-01
    young = staff.person("小赵", birth=date(1995, 1, 1))
    for person, category in ((man, XZ), (cadre, XZ), (worker, GQ), (young, XZ)):
        staff.post(person.id, unit.id, category, on=date(2015, 1, 1))
    soon = staff.read(st.retiring_within, 12, date(2025, 1, 1))
    assert [(v.name, v.schedule, v.retire_on, v.overdue) for v in soon] == [
        ("老张", "男", date(2025, 4, 1), False), ("李姐", "女干部", date(2025, 8, 1), False),
        ("王姐", "女工人", date(2025, 9, 1), False)]
    later = staff.read(st.retiring_within, 2, date(2025, 6, 1))  # up to 2025-08-01
    assert [(v.name, v.overdue) for v in later] == [("老张", True), ("李姐", False)]
    masked = staff.read(st.retiring_within, 12, date(2025, 1, 1), actor=viewer)
    assert "*" in masked[0].id_number
    one = staff.read(st.person_retirement, worker.id)
    assert (one.age_years, one.age_months, one.category) == (50, 3, "工勤编制")
