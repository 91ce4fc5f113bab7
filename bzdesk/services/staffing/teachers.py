"""中小学教职工编制 dynamic adjustment: pupils → standard posts → moves via the pool.

Standard posts of a school = Σ over its 学段 of ceil(pupils / pupils-per-post):
rounded up per 学段, because a 学段 a few pupils over a multiple still needs
a whole post and posts are not shared across 学段; then summed. The ratios
are data (teacher_ratio table, defaults in catalog.py); the older table
picks the ratio by the school's 城市/县镇/农村 area.

The proposal: a school above its standard gives back (收回) the smaller of
its surplus and its 空编 (posts held by people are never taken); schools
below it borrow (借出) from the pool, the biggest gap first, as far as the
pool balance plus this proposal's 收回 allows.
"""

from __future__ import annotations

import math
from datetime import date
from fractions import Fraction

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bzdesk.changes import Outcome
from bzdesk.errors import NotFound
from bzdesk.models.staffing import PoolMove, SchoolPupils, TeacherRatio, Unit
from bzdesk.roles import Actor, Can, require
from bzdesk.services.staffing import measures, pool
from bzdesk.services.staffing._common import (
    ACTIVE,
    Checker,
    clean_text,
    get_unit_row,
    parse_count,
    parse_date,
    require_active,
    today,
)
from bzdesk.services.staffing.catalog import (
    UNIFIED_SCHEME,
    category_ref,
    default_category_id,
    parse_ratio,
    seed_dictionaries,
    teacher_ratios,
)
from bzdesk.services.staffing.dictionaries import require_choice
from bzdesk.services.staffing.inputs import AcceptProposalInput, PupilsInput, TeacherRatioInput
from bzdesk.services.staffing.views import (
    PoolMoveView,
    ProposedMove,
    PupilsView,
    SchoolRow,
    TeacherRatioView,
    TeacherReport,
)
from bzdesk.uow import write_op

MAX_PUPILS = 50_000


def _pupils_view(row: SchoolPupils) -> PupilsView:
    return PupilsView(row.id, row.unit_id, row.year, row.stage, row.pupils, row.area)


def set_pupils(session: Session, actor: Actor, inp: PupilsInput) -> Outcome[PupilsView]:
    """在校学生数 of one school × 学段 × year (a second entry corrects the first)."""
    require(actor, Can.WRITE)
    check = Checker()
    unit = check.take(lambda: get_unit_row(session, inp.unit_id))
    stage = check.take(lambda: require_choice("stage", inp.stage, "学段"))
    area = check.take(lambda: require_choice("area", inp.area, "学校所在地"))
    pupils = check.take(lambda: parse_count(inp.pupils, "在校学生数", maximum=MAX_PUPILS))
    year = check.take(lambda: parse_count(inp.year, "学年", minimum=1990,
                                          maximum=today().year + 1))
    check.done()
    assert unit and stage and area and pupils is not None and year
    with write_op(session, actor, "录入在校学生数", target=f"{unit.name} {year} {stage}") as op:
        row = session.scalars(select(SchoolPupils).where(
            SchoolPupils.unit_id == unit.id, SchoolPupils.year == year,
            SchoolPupils.stage == stage, SchoolPupils.deleted.is_(False))).first()
        if row is None:
            row = SchoolPupils(unit_id=unit.id, year=year, stage=stage, office_id=unit.office_id)
            session.add(row)
        row.pupils, row.area = pupils, area
    return Outcome(_pupils_view(row), frozenset(op.changed))


def standard_posts(pupils: list[tuple[str, int, str]],
                   ratios: dict[tuple[str, str], Fraction]) -> int:
    """Σ ceil(pupils / ratio) per (学段, pupils, area) line (see the module docstring)."""
    total = 0
    for stage, count, area in pupils:
        ratio = ratios.get((stage, area)) or ratios.get((stage, ""))
        if ratio is None:
            raise NotFound.single("编制标准", f"{stage} {area}",
                                  f"编制标准中没有“{stage}（{area}）”的师生比。", "not_found")
        total += math.ceil(Fraction(count) / ratio)
    return total


def _propose(rows: list[SchoolRow], balance: int) -> tuple[ProposedMove, ...]:
    moves = []
    available = balance
    for r in rows:
        give = min(-r.gap, r.vacant) if r.gap < 0 else 0
        if give > 0:
            moves.append(ProposedMove(pool.RECOVER, r.unit_id, r.unit, give))
            available += give
    for r in sorted((r for r in rows if r.gap > 0), key=lambda r: (-r.gap, r.unit)):
        lend = min(r.gap, available)
        if lend > 0:
            moves.append(ProposedMove(pool.LEND, r.unit_id, r.unit, lend))
            available -= lend
    return tuple(moves)


def teacher_calculation(session: Session, actor: Actor, year: int | None = None, *,
                        scheme: str = UNIFIED_SCHEME, category_id: str | None = None,
                        as_of: date | None = None) -> TeacherReport:
    """Per school: pupils, standard posts, current 核定 (事业编制 by default), gap, and
    the proposed pool moves."""
    require(actor, Can.READ)
    day = as_of or today()
    category = category_ref(session, category_id or default_category_id("SY"))
    ratios = teacher_ratios(session, scheme)
    live = (SchoolPupils.deleted.is_(False),)
    year = year or session.scalar(select(func.max(SchoolPupils.year)).where(*live)) or day.year
    lines = session.execute(
        select(SchoolPupils.unit_id, Unit.name, SchoolPupils.stage, SchoolPupils.pupils,
               SchoolPupils.area)
        .join(Unit, Unit.id == SchoolPupils.unit_id)
        .where(*live, SchoolPupils.year == year, Unit.deleted.is_(False),
               Unit.status == ACTIVE)
        .order_by(Unit.sort_order, Unit.name, SchoolPupils.stage)).all()
    schools: dict[str, tuple[str, list[tuple[str, int, str]]]] = {}
    for unit_id, name, stage, count, area in lines:
        schools.setdefault(unit_id, (name, []))[1].append((stage, count, area))
    approved = measures.approved(session, day, category_id=category.id)
    filled = measures.filled(session, day, category_id=category.id)
    transit = measures.in_transit(session, day, category_id=category.id)
    rows = []
    for unit_id, (name, pupils) in schools.items():
        key = (unit_id, category.id)
        n = measures.Numbers(approved.get(key, 0), filled.get(key, 0), transit.get(key, 0))
        rows.append(SchoolRow(unit_id, name, tuple((s, p) for s, p, _ in pupils),
                              standard_posts(pupils, ratios), n.approved, n.filled, n.vacant))
    balance = pool.available_from(session, category.id, day)
    return TeacherReport(year, scheme, category.id, tuple(rows), balance,
                         _propose(rows, balance))


def accept_proposal(session: Session, actor: Actor,
                    inp: AcceptProposalInput) -> Outcome[list[PoolMoveView]]:
    """Write the proposal's 收回 and 借出 lines in one operation (all or nothing)."""
    require(actor, Can.WRITE)
    check = Checker()
    category = check.take(lambda: category_ref(session, inp.category_id))
    on = check.take(lambda: parse_date(inp.moved_on, "调整日期")[0])
    due = check.take(lambda: parse_date(inp.due_on, "归还期限", allow_future=True)[0])
    doc = check.take(lambda: clean_text(inp.doc, "文号", 100))
    kinds = [(m.kind, m.unit_id) for m in inp.moves]
    if len(set(kinds)) != len(kinds) or any(k not in (pool.RECOVER, pool.LEND)
                                            for k, _ in kinds):
        check.add("调整方案", "", "方案中每个学校只能有一条收回或借出。", "bad_proposal")
    if not inp.moves:
        check.add("调整方案", "", "方案是空的，没有需要调整的学校。", "missing")
    check.done()
    assert category and on and due and doc is not None
    planned: list[tuple[str, Unit, int, int]] = []  # (kind, unit, count, its quota line)
    recovered = 0
    for move in sorted(inp.moves, key=lambda m: m.kind != pool.RECOVER):  # 收回 first
        unit = get_unit_row(session, move.unit_id)
        require_active(unit, "调整编制")
        count = parse_count(move.count, f"{unit.name} 调整数", minimum=1)
        if move.kind == pool.RECOVER:
            line = pool.check_recover(session, unit, category, count, on)
            recovered += count
        else:
            pool.check_lend(session, unit, category, count, on, due, also_recovered=recovered)
            recovered -= count  # later loans see what this one took
            line = 0
        planned.append((move.kind, unit, count, line))
    with write_op(session, actor, "教职工编制动态调整", target=category.name) as op:
        seed_dictionaries(session)
        written = [
            pool.write_recover(session, unit, category.id, count, on, doc, "", line)
            if kind == pool.RECOVER
            else pool.write_lend(session, unit, category.id, count, on, due, doc, "")
            for kind, unit, count, line in planned
        ]
        session.flush()
        op.extra["moves"] = len(written)
    ids = [m.id for m in written]
    return Outcome(pool.pool_views(session, PoolMove.id.in_(ids)), frozenset(op.changed))


def set_teacher_ratio(session: Session, actor: Actor,
                      inp: TeacherRatioInput) -> Outcome[TeacherRatioView]:
    """Change (or add) one ratio of a scheme; a province's own table is a new scheme."""
    require(actor, Can.ADMINISTER)
    check = Checker()
    scheme = check.take(lambda: clean_text(inp.scheme, "编制标准", 20, required=True))
    stage = check.take(lambda: require_choice("stage", inp.stage, "学段"))
    area = (check.take(lambda: require_choice("area", inp.area, "学校所在地"))
            if inp.area.strip() else "")
    ratio = check.take(lambda: parse_ratio(inp.pupils_per_post))
    check.done()
    assert scheme and stage and area is not None and ratio
    with write_op(session, actor, "修改教职工编制标准", target=f"{scheme} {stage}") as op:
        seed_dictionaries(session)
        row = session.scalars(select(TeacherRatio).where(
            TeacherRatio.scheme == scheme, TeacherRatio.stage == stage,
            TeacherRatio.area == area, TeacherRatio.deleted.is_(False))).first()
        if row is None:
            row = TeacherRatio(scheme=scheme, stage=stage, area=area)
            session.add(row)
        row.pupils_per_post = ratio
    return Outcome(TeacherRatioView(row.id, row.scheme, row.stage, row.area,
                                    row.pupils_per_post), frozenset(op.changed))


def school_pupils(session: Session, actor: Actor, unit_id: str) -> list[PupilsView]:
    require(actor, Can.READ)
    rows = session.scalars(select(SchoolPupils).where(
        SchoolPupils.unit_id == unit_id, SchoolPupils.deleted.is_(False))
        .order_by(SchoolPupils.year, SchoolPupils.stage)).all()
    return [_pupils_view(r) for r in rows]

