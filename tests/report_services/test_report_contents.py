"""What the tables hold, checked against the domain services they are built from
(the printed numbers are those of the screens and of ``stats``)."""

from __future__ import annotations

from datetime import date

import pytest
from report_helpers import read

from bzdesk.db import Database
from bzdesk.roles import Actor
from bzdesk.services import party, reports, visits
from bzdesk.services import staffing as st
from bzdesk.services.reports.model import Table


def _rows(table: Table) -> list[tuple[object, ...]]:
    return [cells for kind, cells in table.items if kind == "row"]


def _subtotals(table: Table) -> list[tuple[object, ...]]:
    return [cells for kind, cells in table.items if kind == "subtotal"]


def _type_of(title: str) -> str:
    """"政法专项\n编制\n核定" → 政法专项编制."""
    return title.rsplit("\n", 1)[0].replace("\n", "")


def test_staffing_types_side_by_side_never_summed(demo: Database, demo_admin: Actor) -> None:
    report = read(demo, demo_admin, reports.build_report, "staffing", reports.ReportParams())
    stats = read(demo, demo_admin, st.staffing_stats, None)
    side = [t for t in report.tables if t.title.startswith("机构编制统计表")]
    # four default types: two tables of two, each type with its own five columns
    assert [t.title for t in side] == ["机构编制统计表（一）", "机构编制统计表（二）"]
    shown: dict[str, list[object]] = {}
    for table in side:
        types = [_type_of(c.title) for c in table.columns[2:]]
        assert [c.title.rsplit("\n", 1)[1] for c in table.columns[2:]] == \
            ["核定", "实有", "在途", "空编", "超编"] * (len(types) // 5)
        (total_row,) = _subtotals(table)
        assert total_row[1] == "合计" and len(total_row) == len(table.columns)
        for i in range(0, len(types), 5):
            shown[types[i]] = list(total_row[2 + i:7 + i])
        units = {r.unit_id for r in stats.rows if r.category in types}
        assert len(_rows(table)) == len(units)
    assert shown == {t.category: [t.approved, t.filled, t.in_transit, t.vacant, t.over]
                     for t in stats.totals}


def test_staffing_unit_cells_are_the_stats_row(demo: Database, demo_admin: Actor) -> None:
    report = read(demo, demo_admin, reports.build_report, "staffing", reports.ReportParams())
    stats = read(demo, demo_admin, st.staffing_stats, None)
    row = next(r for r in stats.rows if r.category == "行政编制")
    table = report.tables[0]
    cells = next(c for c in _rows(table) if c[1] == row.unit)
    assert list(cells[2:7]) == [row.approved, row.filled, row.in_transit, row.vacant, row.over]
    summary = next(t for t in report.tables if t.title == "编制类型汇总表")
    assert [r[0] for r in _rows(summary)] == [t.category for t in stats.totals]


def test_staffing_leaders_and_movements(demo: Database, demo_admin: Actor) -> None:
    day = date.today()
    report = read(demo, demo_admin, reports.build_report, "staffing",
                  reports.ReportParams(as_of=day))
    leaders = read(demo, demo_admin, st.leader_stats, day)
    table = next(t for t in report.tables if t.title == "领导职数配备情况表")
    assert len(_rows(table)) == len(leaders)
    moves = read(demo, demo_admin, st.movements, date(day.year, 1, 1), day)
    table = next(t for t in report.tables if t.title == "人员增减变动情况表")
    assert [(r[1], r[2], r[3], r[4]) for r in _rows(table)] == [
        (m.unit, m.category, m.entered, m.left) for m in moves.rows]
    per_type = {c[2]: (c[3], c[4]) for c in _subtotals(table)}
    for category, (entered, left) in per_type.items():
        assert entered == sum(m.entered for m in moves.rows if m.category == category)
        assert left == sum(m.left for m in moves.rows if m.category == category)


def test_visits_grid_and_problems(demo: Database, demo_admin: Actor) -> None:
    year = date.today().year
    report = read(demo, demo_admin, reports.build_report, "visits",
                  reports.ReportParams(year=year))
    board = read(demo, demo_admin, visits.visit_dashboard, year)
    grid, problems, by_unit = report.tables
    assert len(_rows(grid)) == len(board.rows) > 0
    assert all(any(cell != "—" for cell in r[4:]) for r in _rows(grid))
    all_issues = read(demo, demo_admin, visits.list_issues,
                      visits.IssueQuery(show="all", limit=10_000))
    found_this_year = [i for i in all_issues if i.visit_on.year == year]
    assert len(_rows(problems)) == len(found_this_year) > 0
    overdue = sum(1 for r in _rows(problems) if str(r[7]).endswith("（逾期）"))
    assert overdue == sum(1 for i in found_this_year if i.overdue)
    assert len(_rows(by_unit)) == len(board.board)
    assert report.period == f"{year}年度"


def test_party_ledgers(demo: Database, demo_admin: Actor) -> None:
    year = date.today().year
    report = read(demo, demo_admin, reports.build_report, "party",
                  reports.ReportParams(year=year))
    stats = read(demo, demo_admin, party.annual_statistics, year)
    counts, participation, activities, volunteers, checkins = report.tables
    assert len(_rows(counts)) == len(_rows(participation)) == len(stats.rows) > 0
    assert [c.title for c in counts.columns[2:]] == list(stats.types)
    held = sum(len(read(demo, demo_admin, party.list_activities,
                        party.ActivityQuery(org_id=r.org_id, year=year, limit=1000)))
               for r in stats.rows if r.depth == 0)
    assert len(_rows(activities)) == held > 0
    groups = [cells[0] for kind, cells in activities.items if kind == "group"]
    assert len(groups) == len(set(groups))  # each organisation once
    summary = read(demo, demo_admin, party.volunteer_summary, year)
    assert len(_rows(volunteers)) == len(summary.by_member)
    ledger = read(demo, demo_admin, party.checkin_ledger, year)
    assert len(_rows(checkins)) == len(ledger.rows)
    assert {c for r in _rows(checkins) for c in r[3:15]} <= {"√", "◎", "×", ""}


def test_a_year_out_of_range_is_refused(demo: Database, demo_admin: Actor) -> None:
    from bzdesk.errors import ValidationError

    with pytest.raises(ValidationError, match="年度应在 1949 到 2100 之间"):
        read(demo, demo_admin, reports.build_report, "party", reports.ReportParams(year=1800))
    with pytest.raises(ValidationError, match="没有“foo”这种报表"):
        read(demo, demo_admin, reports.build_report, "foo", reports.ReportParams())


def test_a_viewer_may_print(demo: Database) -> None:
    from bzdesk.roles import Role

    viewer = Actor("v", "viewer", "查看者甲", Role.VIEWER)
    report = read(demo, viewer, reports.build_report, "roster", reports.ReportParams())
    assert report.rows > 0
