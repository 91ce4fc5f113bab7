"""Property: whatever sequence of 入编/出编/调动 clerks try, no person ends up with
two open postings, refusals write nothing, and the statistics count what is open."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st_
from sqlalchemy import func, select
from staffing_helpers import XZ, Staff, count

from bzdesk.errors import BzError
from bzdesk.models import Change
from bzdesk.models.staffing import Posting
from bzdesk.services import staffing as st

OPS = st_.lists(st_.tuples(st_.sampled_from(["post", "leave", "transfer"]),
                           st_.integers(0, 3), st_.integers(0, 2)), min_size=1, max_size=14)


@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=OPS)
def test_random_sequences_keep_one_open_posting(staff: Staff,
                                                ops: list[tuple[str, int, int]]) -> None:
    units = [staff.unit(f"单位{i}-{count(staff.db, Change)}") for i in range(3)]
    for u in units:
        staff.quota(u.id, XZ, 2)
    people = [staff.person(f"人员{chr(0x4E00 + i)}") for i in range(4)]
    day = date(2020, 1, 1)
    for n, (kind, who, where) in enumerate(ops):
        on = day + timedelta(days=n)
        person, unit = people[who], units[where]
        before = count(staff.db, Change)
        try:
            if kind == "post":
                staff.post(person.id, unit.id, on=on)
            elif kind == "transfer":
                staff.write(st.transfer_person, st.TransferInput(person.id, unit.id, XZ, on))
            else:
                timeline = staff.read(st.person_timeline, person.id)
                open_ = [p for p in timeline if p.open]
                staff.leave(open_[0].id if open_ else "missing", on=on, route="调出")
        except BzError:
            assert count(staff.db, Change) == before
    ids = [p.id for p in people]
    with staff.db.read() as s:
        open_counts = [s.scalar(select(func.count()).select_from(Posting).where(
            Posting.person_id == pid, Posting.end_on.is_(None))) or 0 for pid in ids]
    assert max(open_counts) <= 1
    stats = staff.stats(day + timedelta(days=len(ops)))
    filled = sum(stats.get((u.name, "行政编制"), (0, 0))[1] for u in units)
    assert filled == sum(open_counts)
    assert all(stats.get((u.name, "行政编制"), (2, 0, 0, 0, 0))[4] == 0 for u in units)
