"""People search: filtered, sorted and keyset-paged in SQL.

Keyset paging (WHERE (sort, id) > (last sort, last id) … LIMIT n) costs the
same on page 1 and page 1000, where OFFSET re-reads every skipped row. The
text decides the kind of search: digits (and X) search the ID number,
Latin letters the pinyin initials by prefix (indexed), anything else the
name by substring.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import Any, Final

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    func,
    literal,
    or_,
    select,
    true,
    tuple_,
)
from sqlalchemy.orm import Session, aliased

from bzdesk.errors import ValidationError
from bzdesk.models.staffing import Person, Posting, Unit
from bzdesk.roles import Actor, Can, require
from bzdesk.services.staffing.catalog import category_names
from bzdesk.services.staffing.inputs import PersonQuery
from bzdesk.services.staffing.units import subtree_ids_query
from bzdesk.services.staffing.views import Cursor, Page, PersonRow
from bzdesk.validation import mask_id

MAX_PAGE: Final = 1000
_ID_FRAGMENT: Final = re.compile(r"[0-9X]+")
_INITIALS: Final = re.compile(r"[a-z]+")
_SHOWN = aliased(Posting, name="shown")


def _shown_posting_id() -> Any:
    """The posting a person's row shows: the open one, else the latest closed one."""
    return (select(Posting.id)
            .where(Posting.person_id == Person.id, Posting.deleted.is_(False))
            .order_by(Posting.end_on.is_(None).desc(), Posting.end_on.desc(),
                      Posting.start_on.desc())
            .limit(1).correlate(Person).scalar_subquery())


def _sort_column(sort: str) -> Any:
    columns: dict[str, Any] = {
        "name": Person.name, "id_number": Person.id_number, "birth_date": Person.birth_date,
        "start_on": func.coalesce(_SHOWN.start_on, literal(date.min)),
    }
    if sort not in columns:
        raise ValidationError.single("排序", sort, f"不能按“{sort}”排序。", "bad_sort")
    return columns[sort]


def _text_filter(text: str) -> ColumnElement[bool] | None:
    word = "".join(unicodedata.normalize("NFKC", text).split())
    if not word:
        return None
    if _ID_FRAGMENT.fullmatch(word.upper()):
        return Person.id_number.contains(word.upper(), autoescape=True)
    if _INITIALS.fullmatch(word.lower()):
        prefix = word.lower()
        # A range, not LIKE: it uses ix_person_initials whatever the collation.
        return and_(Person.initials >= prefix, Person.initials < prefix + "{")
    return Person.name.contains(word, autoescape=True)


def _open_matching(unit_ids: Select[Any] | None, category_id: str | None) -> Select[Any]:
    query = select(Posting.person_id).where(Posting.end_on.is_(None), Posting.deleted.is_(False))
    if unit_ids is not None:
        query = query.where(Posting.unit_id.in_(unit_ids))
    if category_id:
        query = query.where(Posting.category_id == category_id)
    return query


def _conditions(query: PersonQuery) -> tuple[list[ColumnElement[bool]], bool]:
    """The WHERE terms, and whether they need the shown posting joined.

    "In post" is tested with EXISTS on ix_posting_person (cheap per person
    when walking people in name order); a unit or category filter instead
    lists the matching people with IN (few index reads for a small unit).
    """
    where: list[ColumnElement[bool]] = [Person.deleted.is_(False)]
    text = _text_filter(query.text)
    if text is not None:
        where.append(text)
    units = None
    if query.unit_id:
        units = (subtree_ids_query(query.unit_id) if query.include_sub_units
                 else select(literal(query.unit_id)))
    narrowed = units is not None or bool(query.category_id)
    in_post = _open_matching(None, None).where(Posting.person_id == Person.id).exists()
    matching = Person.id.in_(_open_matching(units, query.category_id))
    shown_matches = and_(true(), *([_SHOWN.unit_id.in_(units)] if units is not None else []),
                         *([_SHOWN.category_id == query.category_id]
                           if query.category_id else []))
    if query.status == "open":
        where.append(matching if narrowed else in_post)
    elif query.status == "closed":
        where.append(~in_post)
        if narrowed:
            where.append(shown_matches)
    elif query.status == "all":
        if narrowed:
            where.append(or_(matching, and_(~in_post, shown_matches)))
    else:
        raise ValidationError.single("状态", query.status, "状态只能是在编、不在编或全部。",
                                     "bad_status")
    return where, narrowed and query.status != "open"


def _with_shown(stmt: Select[Any]) -> Select[Any]:
    return stmt.outerjoin(_SHOWN, _SHOWN.id == _shown_posting_id())


def _cursor_value(sort: str, key: str) -> Any:
    return date.fromisoformat(key) if sort in ("birth_date", "start_on") else key


def list_people(session: Session, actor: Actor, query: PersonQuery,
                after: Cursor | None = None, limit: int = 100) -> Page:
    """One page of people matching ``query``; pass ``next_cursor`` back for the next."""
    require(actor, Can.READ)
    if not 1 <= limit <= MAX_PAGE:
        raise ValidationError.single("每页条数", limit, f"每页条数应为 1 到 {MAX_PAGE}。",
                                     "bad_number")
    sort = _sort_column(query.sort)
    where, _ = _conditions(query)
    stmt = (_with_shown(select(Person, _SHOWN, Unit.name, sort.label("sort_key"))
                        .select_from(Person))
            .outerjoin(Unit, Unit.id == _SHOWN.unit_id).where(*where))
    if after is not None:
        mark = tuple_(literal(_cursor_value(query.sort, after.key), sort.type), literal(after.id))
        stmt = stmt.where(tuple_(sort, Person.id) < mark if query.descending
                          else tuple_(sort, Person.id) > mark)
    order = (sort.desc(), Person.id.desc()) if query.descending else (sort, Person.id)
    rows = session.execute(stmt.order_by(*order).limit(limit + 1)).all()
    names = category_names(session)
    full = actor.can(Can.SEE_FULL_ID)
    page = tuple(
        PersonRow(p.id, p.name, p.id_number if full else mask_id(p.id_number), p.sex,
                  p.birth_date, s.id if s else None, s.unit_id if s else None, unit or "",
                  s.category_id if s else None, names.get(s.category_id, "") if s else "",
                  s.position if s else "", s.start_on if s else None, s.end_on if s else None)
        for p, s, unit, _ in rows[:limit])
    next_cursor = None
    if len(rows) > limit:
        last_key = rows[limit - 1][3]
        next_cursor = Cursor(last_key.isoformat() if isinstance(last_key, date)
                             else str(last_key), rows[limit - 1][0].id)
    return Page(page, next_cursor)


def count_people(session: Session, actor: Actor, query: PersonQuery) -> int:
    require(actor, Can.READ)
    where, needs_shown = _conditions(query)
    stmt = select(func.count()).select_from(Person)
    if needs_shown:
        stmt = _with_shown(stmt)
    return int(session.scalar(stmt.where(*where)) or 0)
