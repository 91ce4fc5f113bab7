"""roster_queries gives exactly what search.list_people / count_people give (rows,
order, cursors, totals), for every text kind, filter, status and order, page by page."""

from __future__ import annotations

from datetime import date

import pytest
from staffing_helpers import SY, XZ, Staff

from bzdesk.db import Database
from bzdesk.errors import ValidationError
from bzdesk.models.staffing import Person, Posting
from bzdesk.roles import Actor
from bzdesk.services import staffing as st
from bzdesk.services.staffing import roster_queries as rq
from bzdesk.uow import write_op

SORTS = ("name", "id_number", "birth_date", "start_on")
STATUSES = ("open", "closed", "all")


@pytest.fixture
def roster(staff: Staff, db: Database, clerk: Actor) -> dict[str, str]:
    """name → person id: a unit tree, one who left, one never posted, one deleted,
    and one with two open postings (一人多编, as a merged bundle may leave)."""
    edu = staff.unit("教育局")
    one = staff.unit("一中", kind="事业单位", parent_id=edu.id)
    fin = staff.unit("财政局")
    for unit, cat in ((one, SY), (fin, XZ), (edu, XZ)):
        staff.quota(unit.id, cat, 30)
    ids: dict[str, str] = {}
    plan = [("张三丰", one, SY), ("张三", fin, XZ), ("李四", one, SY), ("王五", None, None),
            ("赵六", fin, XZ), ("单雄信", edu, XZ), ("欧阳修", fin, XZ)]
    plan += [(f"张伟{'甲乙丙丁戊'[i]}", one, SY) for i in range(5)]
    for i, (name, unit, cat) in enumerate(plan):
        person = staff.person(name, birth=date(1960 + i * 3, 1 + i % 12, 1 + i), male=i % 2 == 0)
        ids[name] = person.id
        if unit is not None:
            posting = staff.post(person.id, unit.id, cat, on=date(2010 + i % 9, 1 + i % 12, 1))
            if name == "李四":
                staff.leave(posting.id, on=date(2022, 1, 1), route="辞职")
    with db.write() as s, write_op(s, clerk, "测试数据") as op:
        person = s.get(Person, ids["赵六"])
        assert person is not None
        op.delete(person)
        s.add(Posting(person_id=ids["欧阳修"], unit_id=edu.id, category_id=XZ,
                      office_id=person.office_id, position="", start_route="调任",
                      start_on=date(2021, 3, 1), start_doc=""))
    return ids


def _same(staff: Staff, query: st.PersonQuery, limit: int) -> int:
    """Walk both lists page by page; they must agree on every page. Returns the length."""
    mine = theirs = None
    total = 0
    while True:
        page = staff.read(rq.roster_page, query, mine, limit)
        expected = staff.read(st.list_people, query, theirs, limit)
        assert page == expected, (query, total)
        total += len(page.rows)
        if page.next_cursor is None:
            return total
        mine = theirs = page.next_cursor


QUERIES = [dict(text=t) for t in ("", "张", "三", "zs", "Z", "ysl", "1970", "X", "%", "王五")]


@pytest.mark.parametrize("sort", SORTS)
@pytest.mark.parametrize("status", STATUSES)
@pytest.mark.parametrize("descending", [False, True])
def test_pages_match_the_service(staff: Staff, roster: dict[str, str], sort: str,
                                 status: str, descending: bool) -> None:
    for extra in QUERIES:
        query = st.PersonQuery(status=status, sort=sort, descending=descending,
                               **extra)  # type: ignore[arg-type]
        total = _same(staff, query, 3)
        assert total == staff.read(rq.roster_count, query) == staff.read(st.count_people,
                                                                          query)


def test_filters_and_units(staff: Staff, roster: dict[str, str]) -> None:
    units = {u.name: u.id for u in staff.read(st.list_units)}
    for query in (st.PersonQuery(unit_id=units["教育局"]),
                  st.PersonQuery(unit_id=units["教育局"], include_sub_units=False),
                  st.PersonQuery(unit_id=units["一中"], status="all", sort="start_on"),
                  st.PersonQuery(category_id=XZ, sort="birth_date", descending=True),
                  st.PersonQuery(category_id=SY, status="closed"),
                  st.PersonQuery(unit_id=units["财政局"], category_id=XZ, text="zs")):
        assert _same(staff, query, 2) == staff.read(rq.roster_count, query)


def test_the_odd_people_are_shown_as_the_service_shows_them(
        staff: Staff, roster: dict[str, str]) -> None:
    every = staff.read(rq.roster_page, st.PersonQuery(status="all"), None, 100).rows
    names = [r.name for r in every]
    assert "赵六" not in names and "王五" in names  # deleted; never posted
    assert names.count("欧阳修") == 1  # two open postings, one row: the later one
    twice = next(r for r in every if r.name == "欧阳修")
    assert (twice.unit, twice.start_on) == ("教育局", date(2021, 3, 1))
    never = next(r for r in every if r.name == "王五")
    assert (never.posting_id, never.unit, never.in_post) == (None, "", False)


def test_a_page_cut_inside_a_person_with_two_open_postings(
        staff: Staff, roster: dict[str, str]) -> None:
    for limit in range(1, 5):
        for sort in SORTS:
            query = st.PersonQuery(sort=sort)
            seen: list[str] = []
            cursor = None
            while True:
                page = staff.read(rq.roster_page, query, cursor, limit)
                seen += [r.id for r in page.rows]
                if page.next_cursor is None:
                    break
                cursor = page.next_cursor
            assert len(seen) == len(set(seen)) == staff.read(rq.roster_count, query)


def test_many_text_matches_take_the_walking_path(staff: Staff, roster: dict[str, str],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rq, "FEW", 1)  # every search here is "many"
    for text in ("张", "zw", "19", "36"):
        for sort in SORTS:
            query = st.PersonQuery(text=text, sort=sort, status="all")
            assert _same(staff, query, 2) == staff.read(rq.roster_count, query)


def test_some_text_matches_probed_while_walking(staff: Staff, roster: dict[str, str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rq, "WALK_FROM", 1)
    for text in ("张", "zw", "三"):
        for sort in SORTS:
            for descending in (False, True):
                query = st.PersonQuery(text=text, sort=sort, descending=descending)
                assert _same(staff, query, 2) == staff.read(rq.roster_count, query)


def test_viewer_sees_masked_numbers(staff: Staff, roster: dict[str, str],
                                    viewer: Actor) -> None:
    full = staff.read(rq.roster_page, st.PersonQuery(text="张三丰")).rows[0].id_number
    masked = staff.read(rq.roster_page, st.PersonQuery(text="张三丰"), actor=viewer).rows[0]
    assert masked.id_number == full[:6] + "*" * 8 + full[-4:]


def test_bad_queries(staff: Staff) -> None:
    for query, limit in ((st.PersonQuery(sort="phone"), 10), (st.PersonQuery(status="x"), 10),
                         (st.PersonQuery(), 0), (st.PersonQuery(), 1001)):
        with pytest.raises(ValidationError):
            staff.read(rq.roster_page, query, None, limit)
    with pytest.raises(ValidationError):
        staff.read(rq.roster_count, st.PersonQuery(status="x"))


def test_a_generated_county_matches(db: Database, admin: Actor, staff: Staff) -> None:
    with db.write() as s:
        st.generate_staffing(s, admin, people=300, seed=1)
    sample = staff.read(rq.roster_page, st.PersonQuery(status="all"), None, 300).rows
    texts = ["", sample[7].name[:1], sample[9].name, sample[11].id_number[-4:],
             sample[13].id_number[6:10], st.pinyin_initials(sample[15].name)[:2], "w"]
    for text in texts:
        for sort in SORTS:
            for status in STATUSES:
                query = st.PersonQuery(text=text, sort=sort, status=status)
                assert _same(staff, query, 97) == staff.read(st.count_people, query) \
                    == staff.read(rq.roster_count, query)
