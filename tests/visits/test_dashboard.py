"""The dashboard grid (visited / due / missed by quarter), the per-unit board,
and the Excel export."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from visit_helpers import call, visit_input

from bzdesk.db import Database
from bzdesk.roles import Actor
from bzdesk.services import visits
from bzdesk.services.visits import vocab

Y = date.today().year - 1
Step = visits.IssueStepInput


@pytest.fixture
def sector_link(db: Database, clerk: Actor) -> visits.AssignmentView:
    """李海燕 → 教育 from mid Q2 to mid Q4 of year Y."""
    return call(db, visits.create_assignment, clerk, visits.AssignmentInput(
        "联络专员", "李海燕", "sector", "教育", date(Y, 5, 15), date(Y, 10, 10))).value


@pytest.fixture
def visited(db: Database, clerk: Actor, link: visits.AssignmentView,
            sector_link: visits.AssignmentView) -> None:
    for day in (date(Y, 3, 31), date(Y, 4, 1), date(Y - 1, 12, 31)):
        call(db, visits.create_visit, clerk, db.paths, visit_input(link, day))
    call(db, visits.create_visit, clerk, db.paths, visit_input(sector_link, date(Y, 8, 1)))
    call(db, visits.create_visit, clerk, db.paths, visits.VisitInput(  # no 联系点: not counted
        "专题调研", date(Y, 9, 1), date(Y, 9, 1), leader_name="王建国", purpose="调研"))


def states(view: visits.DashboardView) -> dict[str, list[str]]:
    return {r.leader_name: [c.state for c in r.cells] for r in view.rows}


@pytest.mark.usefixtures("visited")
@pytest.mark.parametrize(("today", "expected"), [
    # (the 08-01 visit is on record in every case: a quarter with enough visits is visited)
    (date(Y, 4, 15), {"王建国": ["visited", "visited", "upcoming", "upcoming"],
                      "李海燕": ["off", "upcoming", "visited", "upcoming"]}),
    (date(Y, 6, 1), {"王建国": ["visited", "visited", "upcoming", "upcoming"],
                     "李海燕": ["off", "due", "visited", "upcoming"]}),
    (date(Y, 6, 30), {"王建国": ["visited", "visited", "upcoming", "upcoming"],
                      "李海燕": ["off", "due", "visited", "upcoming"]}),
    (date(Y, 7, 1), {"王建国": ["visited", "visited", "due", "upcoming"],
                     "李海燕": ["off", "missed", "visited", "upcoming"]}),
    # the sector link ends on 10-10: its Q4 is over then, not at 12-31
    (date(Y, 10, 11), {"王建国": ["visited", "visited", "missed", "due"],
                       "李海燕": ["off", "missed", "visited", "missed"]}),
    (date(Y + 1, 1, 5), {"王建国": ["visited", "visited", "missed", "missed"],
                         "李海燕": ["off", "missed", "visited", "missed"]}),
])
def test_grid_states_by_quarter(db: Database, viewer: Actor, today: date,
                                expected: dict[str, list[str]]) -> None:
    assert states(call(db, visits.visit_dashboard, viewer, Y, today=today)) == expected


@pytest.mark.usefixtures("visited")
def test_a_cell_counts_the_visits_of_its_quarter_and_clicks_through(
        db: Database, viewer: Actor, link: visits.AssignmentView) -> None:
    view = call(db, visits.visit_dashboard, viewer, Y, today=date(Y + 1, 1, 5))
    row = next(r for r in view.rows if r.assignment_id == link.id)
    assert [(c.visits, c.required) for c in row.cells] == [(1, 1), (1, 1), (0, 1), (0, 1)]
    first, last = vocab.quarter_bounds(Y, 1)
    assert (first, last) == (date(Y, 1, 1), date(Y, 3, 31))
    shown = call(db, visits.list_visits, viewer, visits.VisitQuery(
        leader_key=row.leader_key, target_key=row.target_key, date_from=first, date_to=last))
    assert [v.start_on for v in shown] == [date(Y, 3, 31)]
    assert view.count("visited") == 3 and view.count("off") == 1


@pytest.mark.usefixtures("visited")
def test_the_required_count_comes_from_the_rule_or_the_assignment(
        db: Database, admin: Actor, clerk: Actor, units: list[str]) -> None:
    call(db, visits.set_visit_rule, admin, 2)
    own = call(db, visits.create_assignment, clerk, visits.AssignmentInput(
        "挂点领导", "张志强", "unit", units[1], date(Y, 1, 1), required_per_quarter=1)).value
    call(db, visits.create_visit, clerk, db.paths, visit_input(own, date(Y, 2, 1)))
    view = call(db, visits.visit_dashboard, clerk, Y, today=date(Y + 1, 1, 5))
    cells = {r.leader_name: r.cells[0] for r in view.rows}
    assert (cells["王建国"].state, cells["王建国"].required) == ("missed", 2)
    assert (cells["张志强"].state, cells["张志强"].required) == ("visited", 1)


@pytest.fixture
def problems(db: Database, clerk: Actor, approver: Actor, link: visits.AssignmentView,
             units: list[str]) -> None:
    v = call(db, visits.create_visit, clerk, db.paths, visit_input(link, date(Y, 3, 31), issues=(
        visits.IssueInput("空编率偏高", "", date(Y, 12, 31), units[0]),
        visits.IssueInput("台账不全", "", date(Y, 6, 30), units[0]),
        visits.IssueInput("借调未返回", "莲塘镇", date(Y, 3, 31))))).value
    closing = v.issues[1].id
    for to, day in (("办理中", date(Y, 4, 1)), ("已办结", date(Y, 5, 1)),
                    ("销号", date(Y, 12, 31))):
        call(db, visits.advance_issue, approver, Step(closing, to, "说明", day))


@pytest.mark.usefixtures("problems")
def test_the_board_counts_open_overdue_and_closed_at_the_year_boundary(
        db: Database, viewer: Actor) -> None:
    def board(year: int, today: date) -> dict[str, tuple[int, int, int]]:
        view = call(db, visits.visit_dashboard, viewer, year, today=today)
        return {r.responsible_name: (r.open, r.overdue, r.closed) for r in view.board}

    assert board(Y, date(Y, 3, 31)) == {"县教育体育局": (1, 0, 1), "莲塘镇": (1, 0, 0)}
    assert board(Y, date(Y, 4, 1)) == {"莲塘镇": (1, 1, 0), "县教育体育局": (1, 0, 1)}
    assert board(Y, date(Y, 12, 31)) == {"莲塘镇": (1, 1, 0), "县教育体育局": (1, 0, 1)}
    assert board(Y + 1, date(Y + 1, 1, 1)) == {"县教育体育局": (1, 1, 0), "莲塘镇": (1, 1, 0)}
    view = call(db, visits.visit_dashboard, viewer, Y, today=date(Y + 1, 1, 1))
    assert [r.responsible_name for r in view.board] == ["县教育体育局", "莲塘镇"]


@pytest.mark.usefixtures("visited", "problems")
def test_the_dashboard_exports_to_excel(db: Database, viewer: Actor, tmp_path: Path) -> None:
    out = call(db, visits.export_dashboard, viewer, Y, tmp_path / "看板.xlsx",
               today=date(Y + 1, 1, 5))
    book = load_workbook(out, read_only=True)
    assert book.sheetnames[:2] == ["走访情况", "问题办理"]
    grid = list(book["走访情况"].iter_rows(values_only=True))
    assert grid[0][0] == f"{Y}年挂点联系走访情况（截至 {date(Y + 1, 1, 5)}）"
    assert grid[1] == ("领导", "类型", "联系点", "第一季度", "第二季度", "第三季度", "第四季度")
    assert ("王建国", "挂点领导", "县教育体育局", "已走访 2/1", "已走访 1/1", "未走访 0/1",
            "未走访 0/1") in grid
    assert ("李海燕", "联络专员", "教育", "—", "未走访 0/1", "已走访 1/1", "未走访 0/1") in grid
    board = list(book["问题办理"].iter_rows(values_only=True))
    assert board[1] == ("责任单位", "未办结", "其中逾期", f"{Y}年销号")
    assert ("莲塘镇", 1, 1, 0) in board
    book.close()
    assert not list(tmp_path.glob("*.part"))
