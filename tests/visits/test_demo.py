from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from visit_helpers import changes

from bzdesk.db import Database
from bzdesk.models import AuditEntry
from bzdesk.models.visits import IssueStep, LinkAssignment, Visit, VisitIssue
from bzdesk.roles import Actor
from bzdesk.services import visits


def test_demo_generates_a_consistent_year_of_visits(db: Database, admin: Actor,
                                                    units: list[str]) -> None:
    before = changes(db)
    seen: list[tuple[int, int, str]] = []
    with db.write() as s:
        summary = visits.generate_visits(s, admin, size="small", people=300, seed=7,
                                         progress=lambda d, t, m: seen.append((d, t, m)))
    assert summary.startswith("挂点安排 12 项、走访记录 ") and summary.endswith("问题 90 个")
    assert seen[-1] == (90, 90, "走访演示数据已生成")
    assert changes(db)[1] == before[1] + 1  # one audited operation
    today = date.today()
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(LinkAssignment)) == 12
        assert s.scalar(select(func.max(Visit.start_on))) <= today  # type: ignore[operator]
        issues = s.execute(select(VisitIssue.id, VisitIssue.status, VisitIssue.closed_on)).all()
        steps = s.execute(select(IssueStep.issue_id, IssueStep.to_status)
                          .order_by(IssueStep.step_on)).all()
        op = s.scalars(select(AuditEntry.op).order_by(AuditEntry.seq.desc())).first()
        targets = set(s.scalars(select(LinkAssignment.unit_id)))
    assert op == "生成走访演示数据" and set(units) <= targets
    by_issue: dict[str, list[str]] = {}
    for issue_id, to_status in steps:
        by_issue.setdefault(issue_id, []).append(to_status)
    order = ["待交办", "办理中", "已办结", "销号"]
    for issue_id, status, closed_on in issues:
        assert by_issue.get(issue_id, []) == order[1:order.index(status) + 1]
        assert (closed_on is not None and closed_on <= today) == (status == "销号")
    assert len({status for _, status, _ in issues}) >= 3
    view = visits.visit_dashboard
    with db.read() as s:
        board = view(s, admin, today.year)
    assert len(board.rows) == 12 and board.board
