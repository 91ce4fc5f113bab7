"""走访调研: 挂点 assignments, visit records, the 问题清单 and the dashboard.

One module per idea; this package re-exports the public services and the
dataclasses they take and return (``from bzdesk.services import visits``).
"""

from bzdesk.services.visits.assignments import (
    create_assignment,
    delete_assignment,
    end_assignment,
    leader_choices,
    list_assignments,
    target_choices,
)
from bzdesk.services.visits.dashboard import visit_dashboard
from bzdesk.services.visits.demo import generate_visits
from bzdesk.services.visits.drafts import (
    Draft,
    discard_draft,
    list_drafts,
    load_draft,
    save_draft,
)
from bzdesk.services.visits.export import export_dashboard
from bzdesk.services.visits.inputs import (
    AssignmentInput,
    IssueEdit,
    IssueInput,
    IssueQuery,
    IssueStepInput,
    VisitInput,
    VisitQuery,
)
from bzdesk.services.visits.issues import (
    add_issue,
    advance_issue,
    delete_issue,
    get_issue,
    issue_history,
    list_issues,
    update_issue,
)
from bzdesk.services.visits.records import (
    create_visit,
    delete_visit,
    get_visit,
    list_visits,
    update_visit,
)
from bzdesk.services.visits.rules import get_visit_rule, set_visit_rule
from bzdesk.services.visits.views import (
    AssignmentView,
    BoardRow,
    DashboardView,
    GridCell,
    GridRow,
    IssueStepView,
    IssueView,
    LeaderChoice,
    RuleView,
    TargetChoice,
    VisitDetail,
    VisitRow,
)

__all__ = [
    "AssignmentInput", "AssignmentView", "BoardRow", "DashboardView", "Draft", "GridCell",
    "GridRow", "IssueEdit", "IssueInput", "IssueQuery", "IssueStepInput", "IssueStepView",
    "IssueView", "LeaderChoice", "RuleView", "TargetChoice", "VisitDetail", "VisitInput",
    "VisitQuery", "VisitRow", "add_issue", "advance_issue", "create_assignment",
    "create_visit", "delete_assignment", "delete_issue", "delete_visit", "discard_draft",
    "end_assignment", "export_dashboard", "generate_visits", "get_issue", "get_visit",
    "get_visit_rule", "issue_history", "leader_choices", "list_assignments", "list_drafts",
    "list_issues", "list_visits", "load_draft", "save_draft", "set_visit_rule",
    "target_choices", "update_issue", "update_visit", "visit_dashboard",
]
