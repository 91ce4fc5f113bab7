"""Clock trouble: a site whose clock is a year ahead or a year behind still converges
with everyone; a stamp far in the future is flagged and does not drag a clock.

A clock is injected by replacing ``db.site.clock`` of an open site. A year-behind
clock is given the site's last stamp (``last=``), as bzdesk does at every start
(``Database.load_site`` restores it from ``local_site.hlc_last``): a clock that is
set back keeps its stamps increasing through the HLC counter.
"""

from __future__ import annotations

import time

from sync_kit import Net, Site, add_person, check_converged, set_fields

from bzdesk.models.staffing import Person
from bzdesk.sync import hlc
from bzdesk.sync.hlc import HybridClock

YEAR_MS = 365 * 24 * 3600 * 1000


def now_ms() -> int:
    return time.time_ns() // 1_000_000


def skew(site: Site, offset_ms: int, *, keep_last: bool) -> None:
    db = site.d
    assert db.site is not None
    last = db.site.clock.last if keep_last else 0
    db.site.clock = HybridClock(last, now_ms=lambda: now_ms() + offset_ms)


def test_sites_a_year_ahead_and_a_year_behind_converge(seeded: Net) -> None:
    skew(seeded["b"], YEAR_MS, keep_last=False)          # a year ahead
    skew(seeded["a1"], -YEAR_MS, keep_last=True)         # a year behind
    pa = add_person(seeded["a1"], "360121", "甲", 1)
    pb = add_person(seeded["b"], "360122", "乙", 2)
    seeded.full_exchange()
    for who, pid in (("a1", pa), ("a2", pa), ("city", pa), ("province", pa), ("b", pb),
                     ("city", pb), ("province", pb)):
        set_fields(seeded[who], Person, pid, phone=f"{who}-电话")
    set_fields(seeded["a1"], Person, pa, education="县里后改")  # behind: loses to nobody here
    seeded.full_exchange()
    check_converged(seeded)
    with seeded["city"].d.read() as s:
        a, b = s.get(Person, pa), s.get(Person, pb)
        assert a is not None and b is not None
        # Last writer by stamp: B's own edit, a year "later", beats the province's
        # real-time edit; county A's, a year "earlier", loses to it.
        assert (a.phone, b.phone, a.education) == ("province-电话", "b-电话", "县里后改")


def test_a_far_future_stamp_is_flagged_and_does_not_drag_the_clock(seeded: Net) -> None:
    skew(seeded["b"], YEAR_MS, keep_last=False)
    pid = add_person(seeded["b"], "360122", "乙", 1)
    city = seeded["city"]
    assert city.d.site is not None
    result = seeded.send("b", "city")
    assert result.applied >= 1
    assert any("时间戳远超本机时钟" in f for f in result.findings), result.findings
    limit = now_ms() + hlc.DEFAULT_MAX_DRIFT_MS
    assert hlc.wall_ms(city.d.site.clock.last) < limit
    # the city's next stamp is from its own clock, not a year ahead …
    set_fields(city, Person, pid, education="市里改")
    with city.d.read() as s:
        row = s.get(Person, pid)
        assert row is not None and row.origin == city.site_id
        assert hlc.wall_ms(row.hlc) < limit
    city.close()  # … also after a restart (what the import kept of its clock)
    set_fields(city, Person, pid, political="群众")
    with city.d.read() as s:
        row = s.get(Person, pid)
        assert row is not None and hlc.wall_ms(row.hlc) < limit
    # a bundle within the drift is not flagged
    assert seeded.send("a1", "city").findings == []
