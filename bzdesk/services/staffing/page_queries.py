"""What the 机构编制 page reads (and one write it needs) in single calls.

Each read gathers what one pane shows as of one moment, so a screen never
mixes numbers taken before and after a write: a unit with its numbers by
编制类型 and its 领导职数, the plans beside their live 空编, the teacher
calculator with each school's area, the statistics of a day with the
movements of a period. ``set_quotas`` writes several 编制类型 of one 三定
document in one transaction (all or nothing). ``export_staffing_stats``
writes the statistics as a styled workbook.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from bzdesk.changes import Area, Outcome
from bzdesk.errors import ValidationError
from bzdesk.models.staffing import SchoolPupils
from bzdesk.roles import Actor, Can, require
from bzdesk.services.staffing import measures, pool
from bzdesk.services.staffing._common import get_unit_row, today
from bzdesk.services.staffing.catalog import UNIFIED_SCHEME, list_teacher_ratios
from bzdesk.services.staffing.inputs import QuotaInput
from bzdesk.services.staffing.plans import list_plans
from bzdesk.services.staffing.quotas import quota_history, set_quota
from bzdesk.services.staffing.stats import leader_stats, movements, staffing_stats
from bzdesk.services.staffing.teachers import teacher_calculation
from bzdesk.services.staffing.units import unit_view
from bzdesk.services.staffing.views import (
    LeaderRow,
    MovementReport,
    PlanView,
    QuotaView,
    StatsReport,
    StatsRow,
    TeacherRatioView,
    TeacherReport,
    UnitView,
)


@dataclass(frozen=True)
class Vacancy:
    """核定/实有/在途 of one unit × 编制类型 today, with 空编 and 超编."""

    approved: int
    filled: int
    in_transit: int

    @property
    def vacant(self) -> int:
        return max(0, self.approved - self.filled - self.in_transit)

    @property
    def over(self) -> int:
        return max(0, self.filled - self.approved)


@dataclass(frozen=True)
class UnitDetail:
    unit: UnitView
    parent: str  # the parent's name ("" for a root)
    merged_into: str  # the name of the unit it was merged into ("" otherwise)
    lines: tuple[StatsRow, ...]  # per 编制类型, never summed
    quota_lines: Mapping[str, int]  # category id → the quota line in force (loans excluded)
    leader: LeaderRow
    history: tuple[QuotaView, ...]


@dataclass(frozen=True)
class PlanLine:
    plan: PlanView
    numbers: Vacancy  # the unit × 编制类型 today


@dataclass(frozen=True)
class TeacherOverview:
    report: TeacherReport
    areas: Mapping[str, str]  # school (unit id) → 城市 / 县镇 / 农村
    ratios: tuple[TeacherRatioView, ...]
    schemes: tuple[str, ...]


@dataclass(frozen=True)
class StatsOverview:
    report: StatsReport
    leaders: tuple[LeaderRow, ...]
    movements: MovementReport


def _name(session: Session, unit_id: str | None) -> str:
    return get_unit_row(session, unit_id).name if unit_id else ""


def unit_detail(session: Session, actor: Actor, unit_id: str,
                as_of: date | None = None) -> UnitDetail:
    """One unit as the detail pane shows it (numbers as of ``as_of``, default today)."""
    require(actor, Can.READ)
    day = as_of or today()
    unit = unit_view(get_unit_row(session, unit_id))
    quota = {c: n for (_, c), n in measures.quota_lines(session, day, unit_id=unit_id).items()}
    chief, deputy = measures.leader_lines(session, day, unit_id=unit_id).get(unit_id, (0, 0))
    chief_in, deputy_in = measures.leaders_filled(session, day,
                                                  unit_id=unit_id).get(unit_id, (0, 0))
    return UnitDetail(
        unit, _name(session, unit.parent_id), _name(session, unit.merged_into_id),
        staffing_stats(session, actor, day, unit_id=unit_id).rows, quota,
        LeaderRow(unit.id, unit.name, chief, chief_in, deputy, deputy_in),
        tuple(quota_history(session, actor, unit_id)))


def vacancy(session: Session, actor: Actor, unit_id: str, category_id: str) -> Vacancy:
    """The numbers a clerk checks before applying, lending or recovering."""
    require(actor, Can.READ)
    n = measures.numbers(session, unit_id, category_id, today())
    return Vacancy(n.approved, n.filled, n.in_transit)


def pool_available(session: Session, actor: Actor, category_id: str,
                   on: date | None = None) -> int:
    """What the pool can still lend of a 编制类型 from ``on`` (default today) on."""
    require(actor, Can.READ)
    return max(0, pool.available_from(session, category_id, on or today()))


def plan_lines(session: Session, actor: Actor, status: str | None = None) -> list[PlanLine]:
    """用编计划 (newest first) each with its unit × 编制类型's numbers today."""
    plans = list_plans(session, actor, status=status)
    day = today()
    approved = measures.approved(session, day)
    filled = measures.filled(session, day)
    transit = measures.in_transit(session, day)
    out = []
    for p in plans:
        key = (p.unit_id, p.category_id)
        out.append(PlanLine(p, Vacancy(approved.get(key, 0), filled.get(key, 0),
                                       transit.get(key, 0))))
    return out


def teacher_overview(session: Session, actor: Actor, year: int | None = None, *,
                     scheme: str = UNIFIED_SCHEME,
                     category_id: str | None = None) -> TeacherOverview:
    """The calculator with the ratio table and each school's area (kept on edits)."""
    report = teacher_calculation(session, actor, year, scheme=scheme, category_id=category_id)
    rows = session.execute(select(SchoolPupils.unit_id, SchoolPupils.area).where(
        SchoolPupils.deleted.is_(False), SchoolPupils.year == report.year))
    areas = {unit_id: area for unit_id, area in rows}
    ratios = tuple(list_teacher_ratios(session, actor))
    schemes = tuple(dict.fromkeys(r.scheme for r in ratios))
    return TeacherOverview(report, areas, ratios, schemes)


def stats_overview(session: Session, actor: Actor, as_of: date, start: date,
                   end: date) -> StatsOverview:
    """The 统计 tab: numbers as of ``as_of``, leader posts, movements in ``start``..``end``."""
    if start > end:
        raise ValidationError.single("统计期间", f"{start}～{end}", "统计期间的开始不能晚于结束。",
                                     "before_start")
    return StatsOverview(staffing_stats(session, actor, as_of),
                         tuple(leader_stats(session, actor, as_of)),
                         movements(session, actor, start, end))


def set_quotas(session: Session, actor: Actor,
               inputs: Sequence[QuotaInput]) -> Outcome[list[QuotaView]]:
    """核定编制 of several 编制类型 at once (one 三定 document): each line as
    ``set_quota`` writes it, all in the caller's one transaction."""
    require(actor, Can.WRITE)
    if not inputs:
        raise ValidationError.single("核定编制数", "", "没有需要核定的编制类型。", "missing")
    views: list[QuotaView] = []
    changed: set[Area] = set()
    for inp in inputs:
        outcome = set_quota(session, actor, inp)
        views.append(outcome.value)
        changed |= outcome.changed
    return Outcome(views, frozenset(changed))


def export_staffing_stats(session: Session, actor: Actor, out: Path, as_of: date,
                          start: date, end: date) -> Path:
    """The statistics of ``stats_overview`` as an .xlsx file (written atomically)."""
    from bzdesk.excel.spec import ColumnSpec, SheetSpec
    from bzdesk.excel.writer import write_table

    view = stats_overview(session, actor, as_of, start, end)
    numbers = [ColumnSpec(h, 8, "int") for h in ("核定", "实有", "在途", "空编", "超编")]
    units = SheetSpec(
        "编制统计", [ColumnSpec("机构", 34), ColumnSpec("统一社会信用代码", 22, "id"),
                     ColumnSpec("编制类型", 14), *numbers],
        ([r.unit, r.uscc or "", r.category, r.approved, r.filled, r.in_transit, r.vacant,
          r.over] for r in view.report.rows),
        heading=f"机构编制统计表（截至 {as_of.isoformat()}）",
        notes=("各编制类型分别统计，不相加。", "空编 = 核定 − 实有 − 在途（不小于 0）；"
               "超编 = 实有 − 核定（不小于 0）。", "核定含借用周转池的编制。"))
    totals = SheetSpec(
        "分类合计", [ColumnSpec("编制类型", 16), *numbers],
        ([t.category, t.approved, t.filled, t.in_transit, t.vacant, t.over]
         for t in view.report.totals), heading=f"按编制类型合计（截至 {as_of.isoformat()}）")
    leaders = SheetSpec(
        "领导职数", [ColumnSpec("机构", 34), *(ColumnSpec(h, 10, "int") for h in (
            "正职核定", "正职实配", "副职核定", "副职实配")), ColumnSpec("超职数", 8)],
        ([r.unit, r.chief_approved, r.chief_filled, r.deputy_approved, r.deputy_filled,
          "是" if r.over else ""] for r in view.leaders),
        heading=f"领导职数（截至 {as_of.isoformat()}）")
    period = f"{start.isoformat()} 至 {end.isoformat()}"
    moves = SheetSpec(
        "人员增减", [ColumnSpec("机构", 34), ColumnSpec("编制类型", 14),
                     ColumnSpec("入编", 8, "int"), ColumnSpec("出编", 8, "int")],
        ([r.unit, r.category, r.entered, r.left] for r in view.movements.rows),
        heading=f"人员增减（{period}）")
    routes = SheetSpec(
        "增减方式", [ColumnSpec("方向", 8), ColumnSpec("方式", 12), ColumnSpec("编制类型", 14),
                     ColumnSpec("人数", 8, "int")],
        ([r.direction, r.route, r.category, r.count] for r in view.movements.by_route),
        heading=f"按入编、出编方式（{period}）")
    return write_table(out, [units, totals, leaders, moves, routes])
