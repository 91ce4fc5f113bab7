"""People search: text kinds, filters, keyset paging without gaps or duplicates, masking."""

from __future__ import annotations

from datetime import date

import pytest
from staffing_helpers import SY, XZ, Staff

from bzdesk.errors import ValidationError
from bzdesk.roles import Actor
from bzdesk.services import staffing as st


@pytest.fixture
def roster(staff: Staff) -> dict[str, str]:
    """name → person id; 教育局 has 一中 and 二中 below it."""
    edu = staff.unit("教育局")
    one = staff.unit("一中", kind="事业单位", parent_id=edu.id)
    two = staff.unit("二中", kind="事业单位", parent_id=edu.id)
    fin = staff.unit("财政局")
    for unit, cat in ((one, SY), (two, SY), (fin, XZ)):
        staff.quota(unit.id, cat, 20)
    ids: dict[str, str] = {}
    plan = [("张三丰", one, SY, date(1970, 2, 3)), ("张三", fin, XZ, date(1980, 1, 1)),
            ("李四", two, SY, date(1975, 6, 1)), ("王五", None, None, date(1990, 9, 9))]
    plan += [("张伟", one, SY, date(1985, 1, d)) for d in range(1, 6)]  # same name ×5
    plan += [(f"赵{c}", fin, XZ, date(1988, 3, 1 + i)) for i, c in enumerate("甲乙丙丁戊己")]
    for i, (name, unit, cat, birth) in enumerate(plan):
        person = staff.person(name, birth=birth, male=i % 2 == 0)
        ids[name if name != "张伟" else f"张伟{birth.day}"] = person.id
        if unit is not None:
            posting = staff.post(person.id, unit.id, cat, on=date(2010 + i % 7, 1 + i % 12, 1))
            if name == "李四":
                staff.leave(posting.id, on=date(2022, 1, 1), route="辞职")
    return ids


def _names(staff: Staff, actor: Actor | None = None, **query: object) -> list[str]:
    page = staff.read(st.list_people, st.PersonQuery(**query), None, 1000,  # type: ignore[arg-type]
                      actor=actor)
    return [r.name for r in page.rows]


def test_text_kinds(staff: Staff, roster: dict[str, str]) -> None:
    assert _names(staff, text="三") == ["张三", "张三丰"]
    assert _names(staff, text="zsf") == ["张三丰"]
    assert _names(staff, text="ZS") == ["张三", "张三丰"]
    number = staff.read(st.get_person, roster["张三丰"]).id_number
    assert _names(staff, text=number[-6:].lower()) == ["张三丰"]
    assert _names(staff, text=" 1970 0203 ") == ["张三丰"]
    assert _names(staff, text="%") == [] and _names(staff, text="_") == []


def test_status_unit_subtree_and_category(staff: Staff, roster: dict[str, str]) -> None:
    units = {u.name: u.id for u in staff.read(st.list_units)}
    assert _names(staff, text="李") == []  # 李四 left: not in post
    assert _names(staff, text="李", status="closed") == ["李四"]
    assert set(_names(staff, status="closed")) == {"李四", "王五"}
    assert len(_names(staff, status="all")) == 15
    in_edu = _names(staff, unit_id=units["教育局"])
    assert sorted(in_edu) == sorted(["张三丰"] + ["张伟"] * 5)
    assert _names(staff, unit_id=units["教育局"], include_sub_units=False) == []
    assert _names(staff, unit_id=units["二中"], status="all") == ["李四"]
    assert _names(staff, unit_id=units["二中"], status="closed") == ["李四"]
    assert len(_names(staff, category_id=XZ)) == 7
    row = staff.read(st.list_people, st.PersonQuery(text="李四", status="all")).rows[0]
    assert (row.unit, row.category, row.end_on, row.in_post) == (
        "二中", "事业编制", date(2022, 1, 1), False)


@pytest.mark.parametrize("sort", ["name", "id_number", "birth_date", "start_on"])
@pytest.mark.parametrize("descending", [False, True])
def test_keyset_pages_have_no_gaps_or_duplicates(staff: Staff, roster: dict[str, str],
                                                 sort: str, descending: bool) -> None:
    query = st.PersonQuery(status="all", sort=sort, descending=descending)
    whole = staff.read(st.list_people, query, None, 1000)
    assert whole.next_cursor is None and len(whole.rows) == 15
    seen: list[str] = []
    cursor = None
    while True:
        page = staff.read(st.list_people, query, cursor, 4)
        seen += [r.id for r in page.rows]
        if page.next_cursor is None:
            break
        cursor = page.next_cursor
    assert seen == [r.id for r in whole.rows]
    keys = [getattr(r, sort) for r in whole.rows]
    present = [k for k in keys if k is not None]
    assert present == sorted(present, reverse=descending)


def test_count_matches_the_list(staff: Staff, roster: dict[str, str]) -> None:
    units = {u.name: u.id for u in staff.read(st.list_units)}
    for query in (st.PersonQuery(), st.PersonQuery(status="closed"),
                  st.PersonQuery(status="all", text="张"),
                  st.PersonQuery(unit_id=units["教育局"]),
                  st.PersonQuery(status="all", unit_id=units["二中"])):
        assert staff.read(st.count_people, query) == len(
            staff.read(st.list_people, query, None, 1000).rows)


def test_viewer_sees_masked_numbers(staff: Staff, roster: dict[str, str],
                                    viewer: Actor) -> None:
    full = staff.read(st.list_people, st.PersonQuery(text="张三丰")).rows[0].id_number
    masked = staff.read(st.list_people, st.PersonQuery(text="张三丰"), actor=viewer).rows[0]
    assert masked.id_number == full[:6] + "*" * 8 + full[-4:]


def test_bad_queries(staff: Staff) -> None:
    for query, limit in ((st.PersonQuery(sort="phone"), 10), (st.PersonQuery(status="x"), 10),
                         (st.PersonQuery(), 0)):
        with pytest.raises(ValidationError):
            staff.read(st.list_people, query, None, limit)
