"""The 问题清单 status machine: steps, roles, notes, dates, 回访 confirmation."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select
from visit_helpers import LINK_START, call, changes, visit_input

from bzdesk.db import Database
from bzdesk.errors import IntegrityError, PermissionDenied, ValidationError
from bzdesk.models import AuditEntry
from bzdesk.models.visits import VisitIssue
from bzdesk.roles import Actor
from bzdesk.services import visits
from bzdesk.services.visits import vocab

DAY = LINK_START + timedelta(days=20)
Step = visits.IssueStepInput


@pytest.fixture
def found(db: Database, clerk: Actor, link: visits.AssignmentView,
          units: list[str]) -> visits.VisitDetail:
    """A visit with two problems: one of 县教育体育局 (a unit), one of 莲塘镇 (a name)."""
    return call(db, visits.create_visit, clerk, db.paths, visit_input(link, DAY, issues=(
        visits.IssueInput("空编率偏高", "", DAY + timedelta(days=30), units[0]),
        visits.IssueInput("借调人员未返回", "莲塘镇", DAY + timedelta(days=60))))).value


def last_ops(db: Database, n: int) -> list[str]:
    with db.read() as s:
        return list(reversed(s.scalars(select(AuditEntry.op).order_by(AuditEntry.seq.desc())
                                       .limit(n)).all()))


def follow_up(db: Database, clerk: Actor, link: visits.AssignmentView, day: date,
              confirms: tuple[str, ...] = ()) -> visits.VisitDetail:
    return call(db, visits.create_visit, clerk, db.paths,
                visit_input(link, day, kind="回访", confirms=confirms)).value


def test_a_clerk_moves_a_problem_through_to_closing_with_a_follow_up(
        db: Database, clerk: Actor, link: visits.AssignmentView,
        found: visits.VisitDetail) -> None:
    issue = found.issues[0].id
    call(db, visits.advance_issue, clerk, Step(issue, "办理中", "已交办县教育体育局", DAY))
    done = call(db, visits.advance_issue, clerk,
                Step(issue, "已办结", "已申报用编计划", DAY + timedelta(days=10))).value
    assert (done.status, done.done_on, done.resolution) == (
        "已办结", DAY + timedelta(days=10), "已申报用编计划")
    check = follow_up(db, clerk, link, DAY + timedelta(days=15))
    closed = call(db, visits.advance_issue, clerk, Step(
        issue, "销号", "回访确认已整改", DAY + timedelta(days=15), check.id)).value
    assert (closed.status, closed.closed_on, closed.confirm_visit_id, closed.overdue) == (
        "销号", DAY + timedelta(days=15), check.id, False)
    assert last_ops(db, 3) == ["问题办结", "新增走访记录", "问题销号"]
    history = call(db, visits.issue_history, clerk, issue)
    assert [(h.from_status, h.to_status, h.note, h.by_name, h.by_approver) for h in history] == [
        ("待交办", "办理中", "已交办县教育体育局", "录入员甲", False),
        ("办理中", "已办结", "已申报用编计划", "录入员甲", False),
        ("已办结", "销号", "回访确认已整改", "录入员甲", False)]


def test_each_step_is_audited_under_its_chinese_name(
        db: Database, approver: Actor, found: visits.VisitDetail) -> None:
    issue = found.issues[1].id
    for to, note in (("办理中", "交办"), ("已办结", "办结"), ("销号", "经核实已整改")):
        call(db, visits.advance_issue, approver, Step(issue, to, note, DAY))
    assert last_ops(db, 3) == ["交办问题", "问题办结", "问题销号（审核确认）"]
    assert call(db, visits.issue_history, approver, issue)[-1].by_approver


def test_steps_cannot_be_skipped_or_repeated(db: Database, clerk: Actor,
                                             found: visits.VisitDetail) -> None:
    issue = found.issues[0].id
    before = changes(db)
    with pytest.raises(IntegrityError, match="问题当前为“待交办”，下一步只能是“办理中”"):
        call(db, visits.advance_issue, clerk, Step(issue, "已办结", "跳过交办", DAY))
    assert changes(db) == before
    call(db, visits.advance_issue, clerk, Step(issue, "办理中", "交办", DAY))
    with pytest.raises(IntegrityError, match="下一步只能是“已办结”"):
        call(db, visits.advance_issue, clerk, Step(issue, "办理中", "再次交办", DAY))


def test_closing_without_a_follow_up_needs_an_approver(
        db: Database, clerk: Actor, approver: Actor, found: visits.VisitDetail) -> None:
    issue = found.issues[0].id
    for to in ("办理中", "已办结"):
        call(db, visits.advance_issue, clerk, Step(issue, to, "说明", DAY))
    before = changes(db)
    with pytest.raises(PermissionDenied, match="销号需要关联一次确认整改的回访记录"):
        call(db, visits.advance_issue, clerk, Step(issue, "销号", "我看已经好了", DAY))
    with pytest.raises(ValidationError, match="请填写审核意见"):
        call(db, visits.advance_issue, approver, Step(issue, "销号", "  ", DAY))
    assert changes(db) == before
    closed = call(db, visits.advance_issue, approver,
                  Step(issue, "销号", "经电话核实，已整改到位", DAY)).value
    assert closed.status == "销号" and closed.confirm_visit_id is None


def test_a_follow_up_linked_on_the_visit_lets_a_clerk_close(
        db: Database, clerk: Actor, link: visits.AssignmentView,
        found: visits.VisitDetail) -> None:
    issue = found.issues[0].id
    for to in ("办理中", "已办结"):
        call(db, visits.advance_issue, clerk, Step(issue, to, "说明", DAY))
    check = follow_up(db, clerk, link, DAY + timedelta(days=3), confirms=(issue,))
    closed = call(db, visits.advance_issue, clerk, Step(issue, "销号", "回访确认", DAY)).value
    assert closed.confirm_visit_id == check.id


def test_only_a_later_follow_up_visit_can_confirm(
        db: Database, clerk: Actor, link: visits.AssignmentView,
        found: visits.VisitDetail) -> None:
    issue = found.issues[0].id
    for to in ("办理中", "已办结"):
        call(db, visits.advance_issue, clerk, Step(issue, to, "说明", DAY))
    plain = call(db, visits.create_visit, clerk, db.paths, visit_input(link, DAY)).value
    with pytest.raises(ValidationError, match="只有“回访”记录能确认整改"):
        call(db, visits.advance_issue, clerk, Step(issue, "销号", "确认", DAY, plain.id))
    early = follow_up(db, clerk, link, DAY - timedelta(days=1))
    with pytest.raises(ValidationError, match="早于发现问题的日期"):
        call(db, visits.advance_issue, clerk, Step(issue, "销号", "确认", DAY, early.id))


def test_step_notes_and_dates_are_checked(db: Database, clerk: Actor,
                                          found: visits.VisitDetail) -> None:
    issue = found.issues[0].id
    with pytest.raises(ValidationError, match="请填写办理说明"):
        call(db, visits.advance_issue, clerk, Step(issue, "办理中", "", DAY))
    with pytest.raises(ValidationError, match="日期不能晚于今天"):
        call(db, visits.advance_issue, clerk,
             Step(issue, "办理中", "交办", date.today() + timedelta(days=1)))
    with pytest.raises(ValidationError, match=f"日期不能早于 {DAY}"):
        call(db, visits.advance_issue, clerk, Step(issue, "办理中", "交办",
                                                   DAY - timedelta(days=1)))
    call(db, visits.advance_issue, clerk, Step(issue, "办理中", "交办",
                                               DAY + timedelta(days=5)))
    with pytest.raises(ValidationError, match=f"日期不能早于 {DAY + timedelta(days=5)}"):
        call(db, visits.advance_issue, clerk, Step(issue, "已办结", "办结",
                                                   DAY + timedelta(days=4)))
    today = call(db, visits.advance_issue, clerk, Step(issue, "已办结", "办结")).value
    assert today.done_on == date.today()


def test_a_viewer_moves_nothing(db: Database, viewer: Actor,
                                found: visits.VisitDetail) -> None:
    with pytest.raises(PermissionDenied):
        call(db, visits.advance_issue, viewer, Step(found.issues[0].id, "办理中", "交办", DAY))
    with pytest.raises(PermissionDenied):
        call(db, visits.delete_issue, viewer, found.issues[0].id)


def test_a_closed_problem_is_frozen(db: Database, approver: Actor,
                                    found: visits.VisitDetail) -> None:
    issue = found.issues[0]
    for to in ("办理中", "已办结", "销号"):
        call(db, visits.advance_issue, approver, Step(issue.id, to, "说明", DAY))
    with pytest.raises(IntegrityError, match="已销号，不能再"):
        call(db, visits.advance_issue, approver, Step(issue.id, "销号", "再来", DAY))
    with pytest.raises(IntegrityError, match="已销号，不能再修改"):
        call(db, visits.update_issue, approver, visits.IssueEdit(
            issue.id, "改", "某局", issue.deadline))


def test_problems_are_edited_added_and_deleted_while_pending(
        db: Database, clerk: Actor, found: visits.VisitDetail, units: list[str]) -> None:
    issue = found.issues[1]
    edited = call(db, visits.update_issue, clerk, visits.IssueEdit(
        issue.id, "借调人员三人未返回", "", issue.deadline, units[2])).value
    assert (edited.description, edited.responsible_name, edited.responsible_key) == (
        "借调人员三人未返回", "莲塘镇人民政府", f"unit:{units[2]}")
    added = call(db, visits.add_issue, clerk, found.id, visits.IssueInput(
        "台账不全", "县卫健委", DAY + timedelta(days=10))).value
    assert added.status == "待交办"
    call(db, visits.delete_issue, clerk, added.id)
    with db.read() as s:
        row = s.get(VisitIssue, added.id)
        assert row is not None and row.deleted
    call(db, visits.advance_issue, clerk, Step(issue.id, "办理中", "交办", DAY))
    with pytest.raises(IntegrityError, match="只能删除待交办的问题"):
        call(db, visits.delete_issue, clerk, issue.id)


@pytest.mark.parametrize(("deadline", "today", "overdue"), [
    (date(2025, 3, 31), date(2025, 3, 31), False),  # the deadline day itself: not yet
    (date(2025, 3, 31), date(2025, 4, 1), True),    # first day of the next quarter
    (date(2025, 12, 31), date(2025, 12, 31), False),
    (date(2025, 12, 31), date(2026, 1, 1), True),   # across the year boundary
    (date(2024, 2, 29), date(2024, 3, 1), True),    # leap day
])
def test_overdue_at_quarter_and_year_boundaries(deadline: date, today: date,
                                                overdue: bool) -> None:
    assert vocab.is_overdue("待交办", deadline, today) is overdue
    assert vocab.is_overdue("办理中", deadline, today) is overdue
    assert not vocab.is_overdue("已办结", deadline, today)
    assert not vocab.is_overdue("销号", deadline, today)


def test_the_list_filters_by_what_the_clerk_asks(
        db: Database, clerk: Actor, approver: Actor, found: visits.VisitDetail) -> None:
    first, second = found.issues  # deadlines DAY+30 and DAY+60
    for to in ("办理中", "已办结", "销号"):
        call(db, visits.advance_issue, approver, Step(second.id, to, "说明", DAY))

    def shown(**kw: object) -> list[str]:
        return [i.id for i in call(db, visits.list_issues, clerk, visits.IssueQuery(**kw))]

    boundary = first.deadline
    assert shown(show="overdue", today=boundary) == []
    assert shown(show="overdue", today=boundary + timedelta(days=1)) == [first.id]
    assert shown(show="open") == [first.id]
    assert shown(show="closed", year=DAY.year) == [second.id]
    assert shown(show="closed", year=DAY.year + 1) == []
    assert shown(show="销号") == [second.id]
    assert shown(responsible_key=first.responsible_key) == [first.id]
    assert shown(text="借调") == [second.id]
    assert shown(limit=1) == [first.id]
    assert shown(after=(first.deadline, first.id)) == [second.id]
    with pytest.raises(ValidationError, match="未知的筛选条件"):
        shown(show="whatever")
