"""The 实名管理 page's people list: ``list_people``/``count_people`` answers, fast at 200k.

Same query, cursor and rows as ``search.list_people`` (the tests hold them
equal), shaped for SQLite's planner:
- 在编 people come from one walk of the sort index joined to their open
  posting (the shape of the raw keyset query); other lists take the page's
  people in a subquery and only then their postings, so the posting a row
  shows is picked for 200 people, never for every candidate before the sort;
- a text search first collects its matches from a covering index
  (ix_person_name_id, ix_person_id_number, ix_person_initials) and, when
  they are few (≤ ``FEW``), sorts only those; when many, it filters while
  walking the sort index, which then meets a page within a few thousand rows;
- 入编时间 order comes from one GROUP BY over ix_posting_person, limited
  before anyone's person row is read (deleted people are over-fetched);
- statements are built once per shape with bound parameters
  (roster_statements.py): building a SELECT costs more than running this one.
已出编/全部 within a unit or category, and counts SQLite cannot do better,
are left to the service.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import Any, Final

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from bzdesk.errors import ValidationError
from bzdesk.models.staffing import Person, Posting
from bzdesk.roles import Actor, Can, require
from bzdesk.services.staffing.catalog import category_names
from bzdesk.services.staffing.inputs import PersonQuery
from bzdesk.services.staffing.roster_statements import (
    BIRTH,
    CATEGORY,
    CATEGORY_ID,
    END,
    KEY,
    NAME,
    NEVER_POSTED,
    NUMBER,
    PID,
    POSITION,
    POSTING,
    SEX,
    SORTS,
    START,
    UNIT,
    UNIT_ID,
    Shape,
    statement,
    text_term,
    walks,
)
from bzdesk.services.staffing.search import MAX_PAGE, count_people, list_people
from bzdesk.services.staffing.views import Cursor, Page, PersonRow
from bzdesk.validation import mask_id

FEW: Final = 3000  # text matches up to this many are collected, then sorted
WALK_FROM: Final = 1200  # from this many, the sort index is walked, probing the matches
_ID_FRAGMENT: Final = re.compile(r"[0-9X]+")
_INITIALS: Final = re.compile(r"[a-z]+")
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


def _text_mode(session: Session, kind: str, word: str) -> tuple[str, dict[str, Any]]:
    """The filter for a text and its parameters. instr() is a plain byte search, a
    third faster than LIKE; LIKE keeps its case-insensitive match of Latin letters."""
    if kind == "initials":
        return "initials", {"low": word, "high": word + "{", "word": word, "size": len(word)}
    if session.get_bind().dialect.name == "sqlite" and not any(
            c.isascii() and c.isalpha() for c in word):
        return kind, {"word": word}
    escaped = word.replace("/", "//").replace("%", "/%").replace("_", "/_")
    return kind + "_like", {"pattern": f"%{escaped}%"}


def _check(query: PersonQuery, limit: int | None = None) -> None:
    if limit is not None and not 1 <= limit <= MAX_PAGE:
        raise ValidationError.single("每页条数", limit, f"每页条数应为 1 到 {MAX_PAGE}。",
                                     "bad_number")
    if query.sort not in (*SORTS, "start_on"):
        raise ValidationError.single("排序", query.sort, f"不能按“{query.sort}”排序。",
                                     "bad_sort")
    if query.status not in _STATUSES:
        raise ValidationError.single("状态", query.status, "状态只能是在编、不在编或全部。",
                                     "bad_status")


def _collect(session: Session, kind: str, mode: str, params: dict[str, Any]) -> list[str]:
    """Up to FEW + 1 matches, read from a covering index."""
    column = Person.id_number if kind == "id" else Person.id
    stmt = select(column).where(text_term(mode)).limit(FEW + 1)
    return list(session.scalars(stmt, params))


def _plan(session: Session, query: PersonQuery, after: Cursor | None,
          limit: int) -> tuple[Shape, dict[str, Any]]:
    params: dict[str, Any] = {"n": limit + 1, "unit_id": query.unit_id,
                              "category_id": query.category_id}
    if after is not None:
        params["key"] = (date.fromisoformat(after.key) if query.sort == "birth_date"
                         else after.key)
        params["id"] = after.id
    text: str | None = None
    words = _text(query.text)
    if words is not None:
        kind, word = words
        text, more = _text_mode(session, kind, word)
        params.update(more)
        walks_covering = kind == "name" and query.sort == "name"
        if kind == "initials":
            text = _initials_mode(session, query, params)
        elif not (query.unit_id or query.category_id) and not walks_covering:
            found = _collect(session, kind, text, params)
            if len(found) <= FEW:
                text, params["ids"] = ("numbers" if kind == "id" else "ids"), found
                if len(found) >= WALK_FROM and kind != "id" and query.sort in (
                        "name", "birth_date"):  # these indexes hold the person id
                    text = "ids_walk"
    never_posted = query.descending or after is None or after.key <= NEVER_POSTED
    if query.sort == "start_on":
        deleted = 0 if words is not None else int(session.scalar(
            select(func.count()).select_from(Person).where(Person.deleted.is_(True))) or 0)
        params["m"] = limit + 1 + deleted  # the deleted are dropped after the limit
        params["deleted"] = deleted
    units = (None if not query.unit_id else "tree" if query.include_sub_units else "one")
    return Shape(query.sort, query.descending, query.status, after is not None, text, units,
                  bool(query.category_id), never_posted), params


def _initials_mode(session: Session, query: PersonQuery, params: dict[str, Any]) -> str:
    """Initials are an index range: read it (and sort) when short, probe it while
    walking the sort index when long, filter the walk when longer still."""
    if query.unit_id or query.category_id or query.sort == "start_on":
        return "initials"
    found = int(session.scalar(select(func.count()).select_from(
        select(Person.id).where(text_term("initials")).limit(FEW + 1).subquery()),
        params) or 0)
    if found > FEW:
        return "initials_walk"
    if found >= WALK_FROM and query.sort in ("name", "birth_date"):
        return "initials_set_walk"
    return "initials"


def _rank(row: Any) -> tuple[bool, date, date]:
    """Which posting a row shows: the open one, else the latest closed one."""
    return row[END] is None, row[END] or date.min, row[START]


def roster_page(session: Session, actor: Actor, query: PersonQuery,
                after: Cursor | None = None, limit: int = 200) -> Page:
    """One page of people matching ``query``; pass ``next_cursor`` back for the next."""
    require(actor, Can.READ)
    _check(query, limit)
    if (query.unit_id or query.category_id) and query.status != "open":
        return list_people(session, actor, query, after, limit)
    shape, params = _plan(session, query, after, limit)
    while True:
        # Core, not the ORM's row loading: these are plain values.
        rows = list(session.connection().execute(statement(shape), params).all())
        people = _shown_rows(shape, rows)
        if len(people) > limit or not _cut_short(shape, rows, params):
            return _page(session, actor, people[:limit], len(people) > limit)
        # 一人多编: a person with two open postings took two of the rows; read further.
        params["n"], params["m"] = params["n"] * 2, params.get("m", 0) * 2


def _shown_rows(shape: Shape, rows: list[Any]) -> list[Any]:
    """One row per person, in order: the posting the row shows (open, else latest)."""
    if shape.sort == "start_on" and shape.status == "open":
        rows = _at_latest_start(rows)
    people: dict[str, Any] = {}
    for row in rows:
        kept = people.get(row[PID])
        if kept is None or _rank(row) > _rank(kept):
            people[row[PID]] = row
    return list(people.values())


def _cut_short(shape: Shape, rows: list[Any], params: dict[str, Any]) -> bool:
    """Whether the statement stopped at its limit (so more people may follow)."""
    if shape.sort == "start_on":
        pairs = len({(r[PID], r[KEY]) for r in rows})
        return pairs + int(params["deleted"]) >= int(params["m"])
    return walks(shape) and len(rows) >= int(params["n"])


def _at_latest_start(rows: list[Any]) -> list[Any]:
    """Only the rows keyed by their person's latest open start."""
    latest: dict[str, str] = {}
    for r in rows:
        if r[END] is None:
            latest[r[PID]] = max(latest.get(r[PID], ""), r[START].isoformat())
    return [r for r in rows if r[KEY] == latest.get(r[PID])]


def _page(session: Session, actor: Actor, rows: list[Any], more: bool) -> Page:
    names: dict[str, str] = {}
    if any(r[CATEGORY] is None and r[CATEGORY_ID] is not None for r in rows):
        names = category_names(session)  # the default entries, before any was written
    full = actor.can(Can.SEE_FULL_ID)
    out = tuple(PersonRow(
        r[PID], r[NAME], r[NUMBER] if full else mask_id(r[NUMBER]), r[SEX], r[BIRTH],
        r[POSTING], r[UNIT_ID], r[UNIT] or "", r[CATEGORY_ID],
        r[CATEGORY] or names.get(r[CATEGORY_ID], ""), r[POSITION] or "", r[START],
        r[END]) for r in rows)
    cursor = None
    if more and rows:
        key = rows[-1][KEY]
        cursor = Cursor(key.isoformat() if isinstance(key, date) else str(key), rows[-1][PID])
    return Page(out, cursor)


def roster_count(session: Session, actor: Actor, query: PersonQuery) -> int:
    """How many people ``roster_page`` lists in all (equal to ``count_people``)."""
    require(actor, Can.READ)
    _check(query)
    words = _text(query.text)
    if query.unit_id or query.category_id:
        return count_people(session, actor, query)
    in_post = (select(Posting.person_id).where(Posting.person_id == Person.id,
                                               Posting.end_on.is_(None),
                                               Posting.deleted.is_(False)).exists())
    if words is not None:
        mode, params = _text_mode(session, *words)
        if mode != "initials":  # (a range of ix_person_initials: read it directly)
            found = _collect(session, words[0], mode, params)
            if len(found) > FEW:
                return count_people(session, actor, query)
            mode, params["ids"] = ("numbers" if words[0] == "id" else "ids"), found
        status: list[ColumnElement[bool]] = (
            [in_post] if query.status == "open" else [~in_post] if query.status == "closed"
            else [])
        return int(session.scalar(select(func.count()).select_from(Person).where(
            Person.deleted.is_(False), text_term(mode), *status), params) or 0)
    everyone = int(session.scalar(select(func.count()).select_from(Person)
                                  .where(Person.deleted.is_(False))) or 0)
    if query.status == "all":
        return everyone
    posted = int(session.scalar(select(func.count(Posting.person_id.distinct())).where(
        Posting.end_on.is_(None), Posting.deleted.is_(False))) or 0)
    gone = int(session.scalar(select(func.count()).select_from(Person).where(
        Person.deleted.is_(True), in_post)) or 0)  # deleted people still in post
    return posted - gone if query.status == "open" else everyone - posted + gone
