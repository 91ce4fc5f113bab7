"""Findings: what breaks the staffing rules and must be looked at.

Some can only arise when rows from several sites or offices meet in one
database (一人多编, the same ID card registered twice), others are recorded
exceptions (超编 overrides) or drift (超编 after a quota cut, 超职数,
a county over its 编制总额). They are listed, never silently fixed.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import case, func, or_, select
from sqlalchemy.orm import Session

from bzdesk.models.staffing import Person, PoolMove, Posting, Unit
from bzdesk.roles import Actor, Can, require
from bzdesk.services.staffing import measures
from bzdesk.services.staffing._common import today
from bzdesk.services.staffing.catalog import category_names
from bzdesk.services.staffing.quotas import county_totals
from bzdesk.services.staffing.stats import leader_stats, staffing_stats
from bzdesk.services.staffing.views import Finding
from bzdesk.validation import mask_id

TITLES = {
    "over_quota": "超编", "over_leader": "超职数", "override": "超编入编",
    "multi_posting": "一人多编", "duplicate_person": "身份证号重复登记",
    "over_total": "超编制总额",
}


def _finding(kind: str, message: str, **refs: str | None) -> Finding:
    return Finding(kind, TITLES[kind], message, **refs)


def _over_quota(session: Session, actor: Actor, day: date) -> list[Finding]:
    return [_finding("over_quota", f"{r.unit} {r.category} 核定 {r.approved} 名，实有 "
                     f"{r.filled} 名，超编 {r.over} 名。", unit_id=r.unit_id)
            for r in staffing_stats(session, actor, day).rows if r.over]


def _over_leader(session: Session, actor: Actor, day: date) -> list[Finding]:
    return [_finding("over_leader", f"{r.unit} 领导职数：正职核定 {r.chief_approved} 名、"
                     f"实配 {r.chief_filled} 名，副职核定 {r.deputy_approved} 名、"
                     f"实配 {r.deputy_filled} 名。", unit_id=r.unit_id)
            for r in leader_stats(session, actor, day) if r.over]


def _overrides(session: Session, day: date) -> list[Finding]:
    names = category_names(session)
    rows = session.execute(
        select(Posting, Person.name, Unit.name)
        .join(Person, Person.id == Posting.person_id).join(Unit, Unit.id == Posting.unit_id)
        .where(Posting.deleted.is_(False), Posting.override_reason.is_not(None),
               measures.open_on(day))
        .order_by(Posting.start_on)).all()
    return [_finding("override", f"{person} 于 {p.start_on.isoformat()} 超编进入 {unit} "
                     f"{names.get(p.category_id, '')}，理由：{p.override_reason}",
                     unit_id=p.unit_id, person_id=p.person_id, posting_id=p.id)
            for p, person, unit in rows]


def _shown(actor: Actor, number: str) -> str:
    return number if actor.can(Can.SEE_FULL_ID) else mask_id(number)


def _multi_posting(session: Session, actor: Actor, day: date) -> list[Finding]:
    # Candidates first, from covering indexes: people holding two postings, and
    # ID numbers registered twice (the second copy may come from another office).
    twice_posted = (select(Posting.person_id).where(Posting.deleted.is_(False),
                                                    measures.open_on(day))
                    .group_by(Posting.person_id).having(func.count() > 1))
    shared_numbers = (select(Person.id_number).where(Person.deleted.is_(False))
                      .group_by(Person.id_number).having(func.count() > 1))
    people = set(session.scalars(twice_posted))
    numbers = set(session.scalars(shared_numbers))
    if not people and not numbers:
        return []
    rows = session.execute(
        select(Person.id_number, Person.name, Person.id, Unit.name)
        .join(Posting, Posting.person_id == Person.id).join(Unit, Unit.id == Posting.unit_id)
        .where(Posting.deleted.is_(False), Person.deleted.is_(False), measures.open_on(day),
               or_(Person.id.in_(people), Person.id_number.in_(numbers)))
        .order_by(Person.id_number, Unit.name)).all()
    grouped: dict[str, list[tuple[str, str, str]]] = {}
    for number, name, person_id, unit in rows:
        grouped.setdefault(number, []).append((name, person_id, unit))
    return [_finding("multi_posting", f"身份证号 {_shown(actor, number)}（{entries[0][0]}）"
                     f"同时在 {'、'.join(e[2] for e in entries)} 在编。",
                     person_id=entries[0][1])
            for number, entries in grouped.items() if len(entries) > 1]


def _duplicate_people(session: Session, actor: Actor) -> list[Finding]:
    numbers = list(session.scalars(select(Person.id_number).where(Person.deleted.is_(False))
                                   .group_by(Person.id_number).having(func.count() > 1)))
    if not numbers:
        return []
    rows = session.execute(
        select(Person.id_number, func.count(), func.min(Person.name), func.min(Person.id))
        .where(Person.deleted.is_(False), Person.id_number.in_(numbers))
        .group_by(Person.id_number)).all()
    return [_finding("duplicate_person", f"身份证号 {_shown(actor, number)}（{name}）登记了 "
                     f"{n} 条人员记录，请合并。", person_id=person_id)
            for number, n, name, person_id in rows]


def _over_total(session: Session, actor: Actor, day: date) -> list[Finding]:
    totals = county_totals(session, actor, day)
    if not totals:
        return []
    office_of = {u: o for u, o in session.execute(select(Unit.id, Unit.office_id))}
    used: dict[tuple[str, str], int] = {}
    for (unit_id, category_id), n in measures.approved(session, day).items():
        key = (office_of.get(unit_id, ""), category_id)
        used[key] = used.get(key, 0) + n
    signed = func.sum(case((PoolMove.kind == "借出", -PoolMove.count), else_=PoolMove.count))
    pooled = {(o, c): int(n) for o, c, n in session.execute(
        select(PoolMove.office_id, PoolMove.category_id, signed)
        .where(PoolMove.deleted.is_(False), PoolMove.moved_on <= day)
        .group_by(PoolMove.office_id, PoolMove.category_id))}
    out = []
    for t in totals:
        key = (t.for_office, t.category_id)
        approved, pool = used.get(key, 0), pooled.get(key, 0)
        if approved + pool > t.total:
            out.append(_finding(
                "over_total", f"{t.for_office} {t.category} 编制总额 {t.total} 名，已核定 "
                f"{approved} 名、周转池 {pool} 名，合计超出 {approved + pool - t.total} 名。"))
    return out


def findings(session: Session, actor: Actor, as_of: date | None = None) -> list[Finding]:
    """Everything to look at, grouped by kind."""
    require(actor, Can.READ)
    day = as_of or today()
    return [*_over_quota(session, actor, day), *_over_leader(session, actor, day),
            *_overrides(session, day), *_multi_posting(session, actor, day),
            *_duplicate_people(session, actor), *_over_total(session, actor, day)]
