"""The statements behind roster_queries: built once per shape, values bound.

A shape (``Shape``) is what changes a statement's text: the order, the
status, the kind of text filter, whether a unit or category narrows the list.
The values (the words, the cursor, the unit) travel as bound parameters, so
each shape is built and compiled once per process (building a SELECT of this
size costs more than running it).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Final

from sqlalchemy import (
    ColumnElement,
    Select,
    String,
    and_,
    bindparam,
    cast,
    func,
    literal,
    select,
    tuple_,
    union_all,
)
from sqlalchemy.orm import aliased

from bzdesk.models.staffing import Person, Posting, StaffingCategory, Unit
from bzdesk.services.staffing.units import subtree_ids_query

Rows = Select[*tuple[Any, ...]]
NEVER_POSTED: Final = "0001-01-01"  # the 入编时间 key of someone never posted (date.min)
_OPEN_END: Final = "9999-12-31"
SORTS: Final = {"name": Person.name, "id_number": Person.id_number,
                "birth_date": Person.birth_date}
_OTHER = aliased(Person, name="other")  # the person table inside a subquery
# Positions in a row of a page statement (read as plain tuples: attribute access
# by name costs more than the query itself).
PID, KEY, NAME, NUMBER, SEX, BIRTH, POSTING, UNIT_ID, UNIT, CATEGORY_ID, CATEGORY, \
    POSITION, START, END = range(14)


@dataclass(frozen=True)
class Shape:
    """What decides a statement's text; the values travel as bound parameters."""

    sort: str
    descending: bool
    status: str
    after: bool
    text: str | None  # a key of text_term's table
    units: str | None  # tree / one
    category: bool
    never_posted: bool = True  # 入编时间 order: list the never posted too


def text_term(mode: str) -> ColumnElement[bool]:
    column = Person.id_number if mode.startswith("id") else Person.name
    terms: dict[str, Any] = {
        "name": lambda: func.instr(column, bindparam("word")) > 0,
        "id": lambda: func.instr(column, bindparam("word")) > 0,
        "name_like": lambda: column.like(bindparam("pattern"), escape="/"),
        "id_like": lambda: column.like(bindparam("pattern"), escape="/"),
        "initials": lambda: and_(Person.initials >= bindparam("low"),
                                 Person.initials < bindparam("high")),
        # Not a range: no index serves it, so the sort index is walked instead.
        "initials_walk": lambda: func.substr(Person.initials, 1, bindparam("size"))
        == bindparam("word"),
        "ids": lambda: Person.id.in_(bindparam("ids", expanding=True)),
        # The same sets probed while walking the sort index ("|| ''": not a lookup).
        "ids_walk": lambda: Person.id.concat("").in_(bindparam("ids", expanding=True)),
        "initials_set_walk": lambda: Person.id.concat("").in_(
            select(_OTHER.id).where(_OTHER.initials >= bindparam("low"),
                                    _OTHER.initials < bindparam("high"))),
        "numbers": lambda: Person.id_number.in_(bindparam("ids", expanding=True)),
    }
    return terms[mode]()  # type: ignore[no-any-return]


def _open_postings(shape: Shape) -> Rows:
    """The people with an open posting (in the chosen units × category)."""
    postings = select(Posting.person_id).where(Posting.end_on.is_(None),
                                               Posting.deleted.is_(False))
    if shape.units == "tree":
        postings = postings.where(Posting.unit_id.in_(subtree_ids_query(
            bindparam("unit_id", type_=String()))))  # type: ignore[arg-type]
    elif shape.units == "one":
        postings = postings.where(Posting.unit_id == bindparam("unit_id"))
    if shape.category:
        postings = postings.where(Posting.category_id == bindparam("category_id"))
    return postings.correlate(None)


def _keyset(shape: Shape, key: Any, ident: Any, key_type: Any) -> list[ColumnElement[bool]]:
    if not shape.after:
        return []
    mark = tuple_(bindparam("key", type_=key_type), bindparam("id"))
    return [tuple_(key, ident) < mark if shape.descending else tuple_(key, ident) > mark]


def _order(shape: Shape, key: Any, ident: Any) -> tuple[Any, Any]:
    return (key.desc(), ident.desc()) if shape.descending else (key, ident)


def _person_where(shape: Shape, key: Any, *, joined: bool = False,
                  ) -> list[ColumnElement[bool]]:
    """``joined``: the open posting is joined, so only people in post come."""
    where: list[ColumnElement[bool]] = [Person.deleted.is_(False)]
    if shape.text is not None:
        where.append(text_term(shape.text))
    if shape.units or shape.category:
        where.append(Person.id.in_(_open_postings(shape)))  # only with status open
    elif not joined:
        in_post = (select(Posting.person_id)
                   .where(Posting.person_id == Person.id, Posting.end_on.is_(None),
                          Posting.deleted.is_(False)).correlate(Person).exists())
        if shape.status == "open":
            where.append(in_post)
        elif shape.status == "closed":
            where.append(~in_post)
    return where + _keyset(shape, key, Person.id, key.type)


def _details(page: Any, shape: Shape) -> Rows:
    """The page's people (a subquery of pid, k and their columns) with every posting."""
    return (select(page.c.pid, page.c.k, page.c.name, page.c.id_number, page.c.sex,
                   page.c.birth_date, Posting.id, Posting.unit_id, Unit.name,
                   Posting.category_id, StaffingCategory.name, Posting.position,
                   Posting.start_on, Posting.end_on)
            .select_from(page)
            .outerjoin(Posting, and_(Posting.person_id == page.c.pid,
                                     Posting.deleted.is_(False)))
            .outerjoin(Unit, Unit.id == Posting.unit_id)
            .outerjoin(StaffingCategory, and_(StaffingCategory.id == Posting.category_id,
                                              StaffingCategory.deleted.is_(False)))
            .order_by(*_order(shape, page.c.k, page.c.pid)))


_PERSON_COLUMNS = (Person.name, Person.id_number, Person.sex, Person.birth_date)


@lru_cache(maxsize=256)
def statement(shape: Shape) -> Rows:
    if shape.sort == "start_on":
        return _start_statement(shape)
    key = SORTS[shape.sort]
    if walks(shape):
        # One walk of the sort index joined to the open posting. "person.id || ''"
        # cannot look a person up, so SQLite cannot start from the postings and sort.
        return (select(Person.id, key, *_PERSON_COLUMNS, Posting.id, Posting.unit_id,
                       Unit.name, Posting.category_id, StaffingCategory.name,
                       Posting.position, Posting.start_on, Posting.end_on)
                .select_from(Person)
                .join(Posting, and_(Posting.person_id == Person.id.concat(""),
                                    Posting.end_on.is_(None), Posting.deleted.is_(False)))
                .outerjoin(Unit, Unit.id == Posting.unit_id)
                .outerjoin(StaffingCategory, and_(StaffingCategory.id == Posting.category_id,
                                                  StaffingCategory.deleted.is_(False)))
                .where(*_person_where(shape, key, joined=True))
                .order_by(*_order(shape, key, Person.id)).limit(bindparam("n")))
    page = (select(Person.id.label("pid"), key.label("k"), *_PERSON_COLUMNS)
            .where(*_person_where(shape, key)).order_by(*_order(shape, key, Person.id))
            .limit(bindparam("n")).subquery("pg"))
    return _details(page, shape)


def walks(shape: Shape) -> bool:
    """A 在编 list driven by its sort index: one statement, posting joined beside. Lists
    driven by a set of candidates (matches, a unit's people) read the page first and
    then the postings of those 200 only (the joins would be paid for every candidate)."""
    return (shape.status == "open" and shape.sort != "start_on" and not shape.units
            and not shape.category and shape.text not in ("ids", "numbers", "initials"))


def _start_statement(shape: Shape) -> Rows:
    """入编时间 order: the start of the posting a row shows (the open one, else the
    latest closed one; 0001-01-01 for someone never posted), as text."""
    narrow: list[ColumnElement[bool]] = []
    if shape.text is not None:
        matching = (select(Person.id).where(Person.deleted.is_(False), text_term(shape.text))
                    .correlate(None))
        # A short list drives ix_posting_person; a long one is one set probed per posting.
        person = Posting.person_id if shape.text in ("ids", "numbers") \
            else Posting.person_id.concat("")
        narrow.append(person.in_(matching))
    if shape.status == "open":
        if shape.units or shape.category:
            narrow.append(Posting.person_id.in_(_open_postings(shape)))
        # Each open posting is a candidate row; a person with two (一人多编) keeps the
        # later one (roster_page drops the other), as the service shows the later one.
        k: Any = cast(Posting.start_on, String)
        posted = (select(Posting.person_id.label("pid"), k.label("k"))
                  .where(Posting.end_on.is_(None), Posting.deleted.is_(False), *narrow,
                         *_keyset(shape, k, Posting.person_id, String())))
    else:
        latest = func.max(func.coalesce(cast(Posting.end_on, String), _OPEN_END)
                          + cast(Posting.start_on, String))
        k = func.substr(latest, 11, 10)
        posted = (select(Posting.person_id.label("pid"), k.label("k"))
                  .where(Posting.deleted.is_(False), *narrow).group_by(Posting.person_id)
                  .having(*_keyset(shape, k, Posting.person_id, String())))
        if shape.status == "closed":
            posted = posted.having(func.substr(latest, 1, 10) != _OPEN_END)
    keys = (posted.order_by(*_order(shape, k, Posting.person_id)).limit(bindparam("m"))
            .subquery("posted"))
    if shape.status != "open" and shape.never_posted:
        never_key = literal(NEVER_POSTED, String())
        never = (select(Person.id.label("pid"), never_key.label("k"))
                 .where(Person.deleted.is_(False),
                        *([text_term(shape.text)] if shape.text else []),
                        Person.id.not_in(select(Posting.person_id)
                                         .where(Posting.deleted.is_(False)).correlate(None)),
                        *_keyset(shape, never_key, Person.id, String()))
                 .order_by(*_order(shape, never_key, Person.id)).limit(bindparam("m"))
                 .subquery("never"))
        keys = union_all(select(keys.c.pid, keys.c.k), select(never.c.pid, never.c.k)
                         ).subquery("keys")
    chosen = (select(keys.c.pid, keys.c.k).order_by(*_order(shape, keys.c.k, keys.c.pid))
              .limit(bindparam("m")).subquery("chosen"))
    page = (select(chosen.c.pid, chosen.c.k, *_PERSON_COLUMNS)
            .join(Person, and_(Person.id == chosen.c.pid, Person.deleted.is_(False)))
            .subquery("pg"))
    return _details(page, shape)
