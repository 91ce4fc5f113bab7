"""首页 figures: each one equals what its domain service lists."""

from __future__ import annotations

from datetime import date

import pytest
from report_helpers import read

from bzdesk.db import Database
from bzdesk.roles import Actor
from bzdesk.services import party, reports, visits
from bzdesk.services import staffing as st
from bzdesk.services.reports.home import retiring_count


def test_figures_match_the_domain_services(demo: Database, demo_admin: Actor) -> None:
    home = read(demo, demo_admin, reports.home_dashboard, demo.paths)
    stats = read(demo, demo_admin, st.staffing_stats, None)
    over = [r for r in stats.rows if r.over]
    assert (home.over_cells, home.over_units) == (len(over), len({r.unit_id for r in over}))
    assert home.vacant_cells == sum(1 for r in stats.rows if r.vacant) > 0
    assert home.over_examples and home.over_examples[0].startswith(over[0].unit)
    assert home.overdue_loans == len(read(demo, demo_admin, st.overdue_loans))
    assert home.retiring == len(read(demo, demo_admin, st.retiring_within, 12)) > 0
    overdue = read(demo, demo_admin, visits.list_issues,
                   visits.IssueQuery(show="overdue", limit=10_000))
    assert home.overdue_issues == len(overdue) > 0
    period = party.current_period()
    view = read(demo, demo_admin, party.compliance, period)
    assert home.party_period == period.label
    assert home.party_missing == sum(o.count("open") + o.count("overdue") for o in view.rows)
    assert [(b.category, b.approved, b.filled, b.in_transit) for b in home.bars] == [
        (t.category, t.approved, t.filled, t.in_transit) for t in stats.totals]
    assert (home.unsent_peers, home.unacked_peers, home.open_conflicts) == (0, 0, 0)
    assert home.system.office.code == "360121" and home.system.users >= 1


@pytest.mark.parametrize("day", [date(2024, 12, 31), date(2025, 1, 1), date(2027, 6, 15),
                                 date(2030, 2, 28)])
def test_the_retirement_count_is_the_retirement_list(demo: Database, demo_admin: Actor,
                                                     day: date) -> None:
    """Across the 2025 reform (ages rising month by month) and month-end days."""
    for months in (1, 12, 36):
        listed = read(demo, demo_admin, st.retiring_within, months, day)
        with demo.read() as s:
            assert retiring_count(s, day, months) == len(listed), (day, months)


def test_an_empty_office_has_nothing_to_show(db: Database, viewer: Actor) -> None:
    home = read(db, viewer, reports.home_dashboard)
    assert (home.over_cells, home.vacant_cells, home.overdue_loans, home.retiring,
            home.overdue_issues, home.party_missing, home.open_conflicts) == (0,) * 7
    assert home.bars == () and home.system.newest_backup is None


def test_bundles_to_send_and_conflicts_to_review(db: Database, admin: Actor) -> None:
    from datetime import datetime

    from bzdesk.models.sync import BundleRecord, Conflict, Peer

    now = datetime(2026, 1, 5, 9, 0)
    with db.write() as s:
        for site, sent, acked in (("360100-aaaaaa", 2, 1), ("360122-bbbbbb", 1, 1)):
            s.add(Peer(site_id=site, office_code=site[:6], office_name="对方", level="city",
                       recipient="age1x", verify_key="k", fingerprint="f", added_at=now,
                       sent_seq=sent, acked_seq=acked))
        s.add(BundleRecord(direction="out", peer_site="360122-bbbbbb", seq=1, file_name="b",
                           manifest_hash="h", max_local_seq=10**9, result="written", at=now))
        s.add(Conflict(table_name="unit", row_id="u1", field="name", losing_value='"甲"',
                       losing_hlc=1, losing_origin="o", winning_value='"乙"', winning_hlc=2,
                       winning_origin="p", bundle_id="b"))
    home = read(db, admin, reports.home_dashboard)
    # the first peer has never had a bundle carrying our changes; the second is up to date
    assert (home.unsent_peers, home.unacked_peers, home.open_conflicts) == (1, 1, 1)
