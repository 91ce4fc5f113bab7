"""机构编制实名制: units, quotas, people, postings, plans, the pool, statistics.

One module per idea; this package re-exports the public service functions
and the dataclasses they take and return, so callers write
``from bzdesk.services import staffing`` and ``staffing.post_person(...)``.
"""

from bzdesk.services.staffing.catalog import (
    OLD_SCHEME,
    UNIFIED_SCHEME,
    add_category,
    default_category_id,
    ensure_dictionaries,
    list_categories,
    list_teacher_ratios,
    match_category,
)
from bzdesk.services.staffing.checks import findings
from bzdesk.services.staffing.demo import DemoSummary, generate_staffing
from bzdesk.services.staffing.dictionaries import choices, match_choice
from bzdesk.services.staffing.inputs import (
    AcceptProposalInput,
    CategoryInput,
    CloseUnitInput,
    CountyTotalInput,
    LeaderPostInput,
    LeaveInput,
    LendInput,
    PersonInput,
    PersonQuery,
    PlanDecision,
    PlanInput,
    PostingInput,
    PupilsInput,
    QuotaInput,
    RecoverInput,
    ReturnInput,
    TeacherRatioInput,
    TransferInput,
    UnitInput,
)
from bzdesk.services.staffing.people import (
    create_person,
    find_person_by_id_number,
    get_person,
    pinyin_initials,
    update_person,
)
from bzdesk.services.staffing.plans import (
    apply_plan,
    approve_plan,
    get_plan,
    list_plans,
    reject_plan,
)
from bzdesk.services.staffing.pool import (
    lend_from_pool,
    list_loans,
    overdue_loans,
    pool_balances,
    pool_ledger,
    recover_to_pool,
    return_to_pool,
)
from bzdesk.services.staffing.postings import (
    end_posting,
    person_timeline,
    post_person,
    transfer_person,
    unit_postings,
)
from bzdesk.services.staffing.quotas import (
    county_totals,
    leader_post_history,
    quota_history,
    set_county_total,
    set_leader_posts,
    set_quota,
)
from bzdesk.services.staffing.retirement import (
    SCHEDULES,
    person_retirement,
    retiring_within,
    statutory_retirement,
)
from bzdesk.services.staffing.search import count_people, list_people
from bzdesk.services.staffing.stats import leader_stats, movements, staffing_stats
from bzdesk.services.staffing.teachers import (
    accept_proposal,
    school_pupils,
    set_pupils,
    set_teacher_ratio,
    teacher_calculation,
)
from bzdesk.services.staffing.units import (
    close_unit,
    create_unit,
    get_unit,
    list_units,
    match_unit,
    move_unit,
    set_freeze,
    update_unit,
)
from bzdesk.services.staffing.views import (
    CategoryTotal,
    CategoryView,
    CountyTotalView,
    Cursor,
    Finding,
    LeaderPostView,
    LeaderRow,
    LoanView,
    MovementReport,
    MovementRow,
    Page,
    PersonRow,
    PersonView,
    PlanView,
    PoolBalanceView,
    PoolMoveView,
    PostingView,
    ProposedMove,
    PupilsView,
    QuotaView,
    RetiringView,
    RouteCount,
    SchoolRow,
    StatsReport,
    StatsRow,
    TeacherRatioView,
    TeacherReport,
    UnitView,
)

__all__ = [
    "OLD_SCHEME", "SCHEDULES", "UNIFIED_SCHEME",
    "AcceptProposalInput", "CategoryInput", "CategoryTotal", "CategoryView", "CloseUnitInput",
    "CountyTotalInput", "CountyTotalView", "Cursor", "DemoSummary", "Finding",
    "LeaderPostInput", "LeaderPostView", "LeaderRow", "LeaveInput", "LendInput", "LoanView",
    "MovementReport", "MovementRow", "Page", "PersonInput", "PersonQuery", "PersonRow",
    "PersonView", "PlanDecision", "PlanInput", "PlanView", "PoolBalanceView", "PoolMoveView",
    "PostingInput", "PostingView", "ProposedMove", "PupilsInput", "PupilsView", "QuotaInput",
    "QuotaView", "RecoverInput", "RetiringView", "ReturnInput", "RouteCount", "SchoolRow",
    "StatsReport", "StatsRow", "TeacherRatioInput", "TeacherRatioView", "TeacherReport",
    "TransferInput", "UnitInput", "UnitView",
    "accept_proposal", "add_category", "apply_plan", "approve_plan", "choices", "close_unit",
    "count_people", "county_totals", "create_person", "create_unit", "default_category_id",
    "end_posting", "ensure_dictionaries", "find_person_by_id_number", "findings",
    "generate_staffing", "get_person", "get_plan", "get_unit", "leader_post_history",
    "leader_stats", "lend_from_pool", "list_categories", "list_loans", "list_people",
    "list_plans", "list_teacher_ratios", "list_units", "match_category", "match_choice",
    "match_unit", "move_unit", "movements", "overdue_loans", "person_retirement",
    "person_timeline", "pinyin_initials", "pool_balances", "pool_ledger", "post_person",
    "quota_history", "recover_to_pool", "reject_plan", "retiring_within", "return_to_pool",
    "school_pupils", "set_county_total", "set_freeze", "set_leader_posts", "set_pupils",
    "set_quota", "set_teacher_ratio", "staffing_stats", "statutory_retirement",
    "teacher_calculation", "transfer_person", "unit_postings", "update_person", "update_unit",
]
