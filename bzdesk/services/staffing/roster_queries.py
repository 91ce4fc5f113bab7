"""The 实名管理 page's people list: ``list_people``/``count_people`` answers, fast at 200k.

Same query, cursor and rows as ``search.list_people`` (the tests hold them
equal), shaped for SQLite's planner:
- a page is one statement: the page's people (walking the sort index, so
  page 1 and page 1000 cost the same) in a subquery, and only then their
  postings, units and categories — the shown posting is picked here, for
  200 people, never computed for every candidate before the sort;
- a text search first collects its matches from a covering index
  (ix_person_name_id, ix_person_id_number, ix_person_initials) when they
  are few (≤ ``FEW``), and sorts those; when they are many it filters while
  walking the sort index, which then finds a page after a few thousand rows;
- 入编时间 order is taken from one GROUP BY over ix_posting_person, and
  membership tests use IN over a subquery (one in-memory set) instead of a
  lookup of the person's primary key per row (≈3 µs each at 200k).
Combinations the page rarely asks (已出编/全部 within a unit) use the service.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from datetime import date
from typing import Any, Final

from sqlalchemy import (
    ColumnElement,
    Date,
    Select,
    String,
    and_,
    cast,
    func,
    literal,
    select,
    tuple_,
    union_all,
)
from sqlalchemy.orm import Session

from bzdesk.errors import ValidationError
from bzdesk.models.staffing import Person, Posting, StaffingCategory, Unit
from bzdesk.roles import Actor, Can, require
from bzdesk.services.staffing.catalog import category_names
from bzdesk.services.staffing.inputs import PersonQuery
from bzdesk.services.staffing.search import MAX_PAGE, count_people, list_people
from bzdesk.services.staffing.units import subtree_ids_query
from bzdesk.services.staffing.views import Cursor, Page, PersonRow
from bzdesk.validation import mask_id

FEW: Final = 5000  # matches up to this many are collected, then sorted
_ID_FRAGMENT: Final = re.compile(r"[0-9X]+")
_INITIALS: Final = re.compile(r"[a-z]+")
_NO_POSTING: Final = "0001-01-01"  # the 入编时间 key of someone never posted (date.min)
_OPEN_END: Final = "9999-12-31"
_SORTS: Final = ("name", "id_number", "birth_date", "start_on")
_STATUSES: Final = ("open", "closed", "all")


def _text(text: str) -> tuple[str, str] | None:
    """(kind, word): digits and X search the ID number, Latin letters the pinyin
    initials by prefix, anything else the name by substring (as search.py)."""
    word = "".join(unicodedata.normalize("NFKC", text).split())
    if not word:
        return None
    if _ID_FRAGMENT.fullmatch(word.upper()):
        return "id", word.upper()
    if _INITIALS.fullmatch(word.lower()):
        return "initials", word.lower()
    return "name", word


def _contains(session: Session, column: Any, word: str) -> ColumnElement[bool]:
    # instr() is a plain byte search, a third faster than LIKE; LIKE keeps its
    # case-insensitive match for Latin letters.
    if session.get_bind().dialect.name == "sqlite" and not any(c.isascii() and c.isalpha()
                                                                for c in word):
        return func.instr(column, word) > 0
    return column.contains(word, autoescape=True)  # type: ignore[no-any-return]


def _text_filter(session: Session, kind: str, word: str) -> ColumnElement[bool]:
    if kind == "id":
        return _contains(session, Person.id_number, word)
    if kind == "initials":
        return and_(Person.initials >= word, Person.initials < word + "{")
    return _contains(session, Person.name, word)


def _walking_filter(session: Session, kind: str, word: str) -> ColumnElement[bool]:
    """The text test as a per-row filter that no index can serve, so the sort index
    is walked (initials as a range would be read first and sorted whole)."""
    if kind == "initials":
        return func.substr(Person.initials, 1, len(word)) == word
    return _text_filter(session, kind, word)


def _text_condition(session: Session, query: PersonQuery, text: tuple[str, str]
                    ) -> ColumnElement[bool]:
    """The matches listed when few, else the filter applied while walking."""
    kind, word = text
    if kind == "name" and query.sort == "name":
        return _text_filter(session, kind, word)  # walking ix_person_name_id is covering
    column = Person.id_number if kind == "id" else Person.id
    found = list(session.scalars(select(column).where(_text_filter(session, kind, word))
                                 .limit(FEW + 1)))
    if len(found) <= FEW:
        return column.in_(found)
    return _walking_filter(session, kind, word)


def _open_postings() -> Select[Any]:
    return select(Posting.person_id).where(Posting.end_on.is_(None), Posting.deleted.is_(False))


def _narrowing(query: PersonQuery) -> Select[Any] | None:
    """The people with an open posting in the chosen units × category, if any is chosen."""
    if not query.unit_id and not query.category_id:
        return None
    postings = _open_postings()
    if query.unit_id:
        postings = postings.where(Posting.unit_id.in_(
            subtree_ids_query(query.unit_id) if query.include_sub_units
            else select(literal(query.unit_id))))
    if query.category_id:
        postings = postings.where(Posting.category_id == query.category_id)
    return postings


def _check(query: PersonQuery, limit: int | None = None) -> None:
    if limit is not None and not 1 <= limit <= MAX_PAGE:
        raise ValidationError.single("每页条数", limit, f"每页条数应为 1 到 {MAX_PAGE}。",
                                     "bad_number")
    if query.sort not in _SORTS:
        raise ValidationError.single("排序", query.sort, f"不能按“{query.sort}”排序。",
                                     "bad_sort")
    if query.status not in _STATUSES:
        raise ValidationError.single("状态", query.status, "状态只能是在编、不在编或全部。",
                                     "bad_status")


def _uses_service(query: PersonQuery) -> bool:
    narrowed = bool(query.unit_id or query.category_id)
    return narrowed and query.status != "open"


def _keyset(key: Any, ident: Any, after: Cursor | None, descending: bool,
            key_type: Any) -> list[ColumnElement[bool]]:
    if after is None:
        return []
    value = date.fromisoformat(after.key) if isinstance(key_type, Date) else after.key
    mark = tuple_(literal(value, key_type), literal(after.id))
    return [tuple_(key, ident) < mark if descending else tuple_(key, ident) > mark]


def _order(key: Any, ident: Any, descending: bool) -> tuple[Any, Any]:
    return (key.desc(), ident.desc()) if descending else (key, ident)


def _person_page(session: Session, query: PersonQuery, after: Cursor | None,
                 limit: int) -> Any:
    """The page's people in order, sorted by one of their own columns."""
    key = {"name": Person.name, "id_number": Person.id_number,
           "birth_date": Person.birth_date}[query.sort]
    where: list[ColumnElement[bool]] = [Person.deleted.is_(False)]
    text = _text(query.text)
    narrowing = _narrowing(query)
    if text is not None:
        where.append(_text_filter(session, *text) if narrowing is not None
                     else _text_condition(session, query, text))
    if narrowing is not None:
        where.append(Person.id.in_(narrowing))
    else:
        in_post = _open_postings().where(Posting.person_id == Person.id).exists()
        if query.status == "open":
            where.append(in_post)
        elif query.status == "closed":
            where.append(~in_post)
    where += _keyset(key, Person.id, after, query.descending, key.type)
    return (select(Person.id.label("pid"), key.label("k")).where(*where)
            .order_by(*_order(key, Person.id, query.descending)).limit(limit + 1)
            .subquery("pg"))


def _live_where(session: Session, query: PersonQuery) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = [Person.deleted.is_(False)]
    text = _text(query.text)
    if text is not None:
        where.append(_text_filter(session, *text))
    return where


def _live_people(session: Session, query: PersonQuery) -> Select[Any]:
    return select(Person.id).where(*_live_where(session, query))


def _start_page(session: Session, query: PersonQuery, after: Cursor | None,
                limit: int) -> Any:
    """The page's people in 入编时间 order: the start of the posting a row shows
    (the open one, else the latest closed one; date.min for the never posted)."""
    live = _live_people(session, query)
    if query.status == "open":
        shown = (select(Posting.person_id.label("pid"),
                        cast(func.max(Posting.start_on), String).label("k"))
                 .where(Posting.end_on.is_(None), Posting.deleted.is_(False))
                 .group_by(Posting.person_id).subquery("shown"))
        where = [shown.c.pid.in_(live)]
        narrowing = _narrowing(query)
        if narrowing is not None:
            where.append(shown.c.pid.in_(narrowing))
        keys = select(shown.c.pid, shown.c.k).where(*where).subquery("keys")
    else:
        latest = func.max(func.coalesce(cast(Posting.end_on, String), _OPEN_END)
                          + cast(Posting.start_on, String))
        shown = (select(Posting.person_id.label("pid"), latest.label("x"))
                 .where(Posting.deleted.is_(False)).group_by(Posting.person_id)
                 .subquery("shown"))
        posted = select(shown.c.pid, func.substr(shown.c.x, 11, 10).label("k")).where(
            shown.c.pid.in_(live))
        if query.status == "closed":
            posted = posted.where(func.substr(shown.c.x, 1, 10) != _OPEN_END)
        never = select(Person.id.label("pid"), literal(_NO_POSTING).label("k")).where(
            *_live_where(session, query),
            Person.id.concat("").not_in(select(Posting.person_id)  # one set, not a probe per row
                                        .where(Posting.deleted.is_(False))))
        keys = union_all(posted, never).subquery("keys")
    where_keys = _keyset(keys.c.k, keys.c.pid, after, query.descending, String())
    return (select(keys.c.pid, keys.c.k).where(*where_keys)
            .order_by(*_order(keys.c.k, keys.c.pid, query.descending)).limit(limit + 1)
            .subquery("pg"))


def _shown(postings: Sequence[Any]) -> Any:
    """The posting a row shows: the open one, else the latest closed one."""
    return max(postings, key=lambda p: (p.end_on is None, p.end_on or date.min, p.start_on))


def roster_page(session: Session, actor: Actor, query: PersonQuery,
                after: Cursor | None = None, limit: int = 200) -> Page:
    """One page of people matching ``query``; pass ``next_cursor`` back for the next."""
    require(actor, Can.READ)
    _check(query, limit)
    if _uses_service(query):
        return list_people(session, actor, query, after, limit)
    page = (_start_page if query.sort == "start_on" else _person_page)(
        session, query, after, limit)
    rows = session.execute(
        select(page.c.pid, page.c.k, Person.name, Person.id_number, Person.sex,
               Person.birth_date, Posting.id.label("posting_id"), Posting.unit_id,
               Unit.name.label("unit"), Posting.category_id,
               StaffingCategory.name.label("category"), Posting.position, Posting.start_on,
               Posting.end_on)
        .select_from(page).join(Person, Person.id == page.c.pid)
        .outerjoin(Posting, and_(Posting.person_id == page.c.pid, Posting.deleted.is_(False)))
        .outerjoin(Unit, Unit.id == Posting.unit_id)
        .outerjoin(StaffingCategory, and_(StaffingCategory.id == Posting.category_id,
                                          StaffingCategory.deleted.is_(False)))
        .order_by(*_order(page.c.k, page.c.pid, query.descending))).all()
    return _to_page(session, actor, rows, limit)


def _to_page(session: Session, actor: Actor, rows: Sequence[Any], limit: int) -> Page:
    people: dict[str, list[Any]] = {}
    for row in rows:
        people.setdefault(row.pid, []).append(row)
    names: dict[str, str] | None = None
    full = actor.can(Can.SEE_FULL_ID)
    out: list[PersonRow] = []
    for group in list(people.values())[:limit]:
        p = group[0]
        s = _shown(group) if p.posting_id is not None else None
        category = ""
        if s is not None:
            if s.category is None and names is None:
                names = category_names(session)  # the defaults, before any are written
            category = s.category or (names or {}).get(s.category_id, "")
        out.append(PersonRow(
            p.pid, p.name, p.id_number if full else mask_id(p.id_number), p.sex, p.birth_date,
            s.posting_id if s else None, s.unit_id if s else None, (s.unit or "") if s else "",
            s.category_id if s else None, category, s.position if s else "",
            s.start_on if s else None, s.end_on if s else None))
    cursor = None
    if len(people) > limit:
        last = people[out[-1].id][0]
        cursor = Cursor(last.k.isoformat() if isinstance(last.k, date) else str(last.k),
                        last.pid)
    return Page(tuple(out), cursor)


def roster_count(session: Session, actor: Actor, query: PersonQuery) -> int:
    """How many people ``roster_page`` lists in all (equal to ``count_people``)."""
    require(actor, Can.READ)
    _check(query)
    if query.unit_id or query.category_id:
        return count_people(session, actor, query)
    live = _live_people(session, query).subquery("live")
    everyone = int(session.scalar(select(func.count()).select_from(live)) or 0)
    if query.status == "all":
        return everyone
    # Distinct open postings' people that are live and match: one set, one probe each.
    open_people = (select(Posting.person_id).distinct()
                   .where(Posting.end_on.is_(None), Posting.deleted.is_(False))
                   .subquery("open_people"))
    in_post = int(session.scalar(select(func.count()).select_from(open_people).where(
        open_people.c.person_id.in_(select(live.c.id)))) or 0)
    return in_post if query.status == "open" else everyone - in_post
