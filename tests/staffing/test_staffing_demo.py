"""The demo generator makes consistent data: valid codes, one open posting per
person, and statistics that reproduce the generator's own counts."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select
from staffing_helpers import Staff, nothing_written

from bzdesk.db import Database, open_database
from bzdesk.errors import Cancelled, ValidationError
from bzdesk.models.staffing import HiringPlan, Person, Posting, SchoolPupils, Unit
from bzdesk.paths import DataPaths
from bzdesk.roles import Actor
from bzdesk.services import auth, office
from bzdesk.services import staffing as st
from bzdesk.services.staffing.people import earliest_work_day
from bzdesk.validation import validate_id, validate_uscc


def _generate(db: Database, actor: Actor, people: int, seed: int = 7,
              **kw: object) -> st.DemoSummary:
    with db.write() as s:
        return st.generate_staffing(s, actor, people=people, seed=seed, **kw).value  # type: ignore[arg-type]


def _totals(staff: Staff) -> dict[str, tuple[int, int, int]]:
    report = staff.read(st.staffing_stats)
    return {t.category_id: (t.approved, t.filled, t.in_transit) for t in report.totals}


def _check_consistent(db: Database, staff: Staff, summary: st.DemoSummary) -> None:
    with db.read() as s:
        most_open = s.scalar(select(func.max(select(func.count()).where(
            Posting.person_id == Person.id, Posting.end_on.is_(None))
            .correlate(Person).scalar_subquery())).select_from(Person))
        people = s.execute(select(Person.id_number, Person.sex, Person.birth_date,
                                  Person.office_id)).all()
        codes = s.scalars(select(Unit.uscc)).all()
        starts = s.execute(select(Posting.start_on, Posting.end_on, Person.birth_date)
                           .join(Person, Person.id == Posting.person_id)).all()
    assert most_open == 1
    assert len(people) == summary.people
    for number, sex, birth, office_id in people:
        info = validate_id(number)
        assert (info.sex, info.birth_date, number[:6]) == (sex, birth, office_id)
    assert all(validate_uscc(c or "") == c for c in codes) and len(set(codes)) == len(codes)
    for start, end, birth in starts:
        assert earliest_work_day(birth) <= start <= date.today()
        assert end is None or start < end <= date.today()
    totals = _totals(staff)
    for category_id, approved in summary.approved.items():
        assert totals[category_id][0] == approved
    assert {c: t[1] for c, t in totals.items() if t[1]} == summary.filled
    assert {c: t[2] for c, t in totals.items() if t[2]} == summary.in_transit


def test_small_county(db: Database, clerk: Actor, staff: Staff) -> None:
    calls: list[tuple[int, int, str]] = []
    summary = _generate(db, clerk, 300, progress=lambda d, t, m: calls.append((d, t, m)))
    assert summary.offices == ("360121",) and summary.people == 300
    assert summary.overrides >= 1 and summary.closed_postings > 0
    assert calls[-1][0] == calls[-1][1]
    _check_consistent(db, staff, summary)
    kinds = {f.kind for f in staff.read(st.findings)}
    assert {"override", "over_quota", "over_leader"} <= kinds
    assert "multi_posting" not in kinds
    assert [b.balance for b in staff.read(st.pool_balances)] == [1]
    assert len(staff.read(st.overdue_loans)) == 1
    assert {p.status for p in staff.read(st.list_plans)} == {"已批准", "待审核", "已驳回"}
    assert staff.read(st.teacher_calculation).rows
    names = [u.name for u in staff.read(st.list_units)]
    assert "南昌县教育体育局" in names and "南昌县第一中学" in names
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(SchoolPupils))
        assert s.scalar(select(func.count()).select_from(HiringPlan)) == 3


def test_refuses_a_non_empty_database_and_bad_sizes(db: Database, clerk: Actor,
                                                    staff: Staff) -> None:
    staff.unit("已有单位")
    with nothing_written(db), pytest.raises(ValidationError, match="空库"):
        _generate(db, clerk, 300)
    with nothing_written(db), pytest.raises(ValidationError, match="演示人数"):
        _generate(db, clerk, 5)


def test_cancel_writes_nothing(db: Database, clerk: Actor) -> None:
    with nothing_written(db), pytest.raises(Cancelled):
        _generate(db, clerk, 300, cancelled=lambda: True)


def test_same_seed_same_people(db: Database, clerk: Actor, template_dir: Path,
                               tmp_path: Path) -> None:
    import shutil

    _generate(db, clerk, 200, seed=3)
    shutil.copytree(template_dir, tmp_path / "again")
    other = open_database(DataPaths(tmp_path / "again"))
    try:
        with other.write() as s:
            again_actor = auth.login(s, "clerk", "user-pass-123")
        _generate(other, again_actor, 200, seed=3)
        names = []
        for database in (db, other):
            with database.read() as s:
                names.append(s.scalars(select(Person.id_number).order_by(Person.id_number)).all())
        assert names[0] == names[1]
    finally:
        other.close()


def test_city_gets_its_counties(tmp_path: Path) -> None:
    db = open_database(DataPaths(tmp_path / "city"))
    try:
        office.initialise(db, code="360100", name="南昌市委机构编制委员会办公室", level="city",
                          admin_username="admin", admin_display_name="管理员",
                          admin_password="admin-pass-1", key_passphrase="office-passphrase-1")
        with db.write() as s:
            admin = auth.login(s, "admin", "admin-pass-1")
        summary = _generate(db, admin, 400)
        assert summary.offices == ("360121", "360122")
        with db.read() as s:
            offices = dict(s.execute(select(Unit.office_id, func.count())
                                     .group_by(Unit.office_id)).all())
            wrong = s.scalar(select(func.count()).select_from(Posting)
                             .join(Unit, Unit.id == Posting.unit_id)
                             .where(Posting.office_id != Unit.office_id))
        assert set(offices) == {"360121", "360122"} and wrong == 0
        _check_consistent(db, Staff(db, admin), summary)
    finally:
        db.close()


@pytest.mark.slow
def test_county_size_is_fast(db: Database, clerk: Actor, staff: Staff) -> None:
    t0 = time.perf_counter()
    summary = _generate(db, clerk, 20_000)
    assert time.perf_counter() - t0 < 30
    t0 = time.perf_counter()
    totals = _totals(staff)
    assert time.perf_counter() - t0 < 1
    assert sum(t[1] for t in totals.values()) == summary.open_postings
