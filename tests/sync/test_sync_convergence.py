"""Convergence: random edits on a tree of sites, bundles lost, duplicated and
reordered, then a full exchange — every holder of a row holds the same row, and
nobody holds a row outside its scope.

The tree (sync_kit): province 360000 → city 360100 → counties A 360121 (sites a1
and a2, the same office with its own keys) and B 360122. Bundles travel along
the tree edges only.

Transfers. The city moves people between its counties by changing the
person's ``office_id``. Only people created as "mobile" are ever transferred,
and mobile people never get postings. The reason is a limit of the design, not
of the test: a posting belongs to the county of its unit (it is that county's
history, ``Posting.office_id``) and refers to the person by a foreign key, so
when a person with postings moves to another county the old county must keep
the person row for its postings (bzdesk.sync.merge keeps it and reports it as
a finding) — and then it holds a row outside its scope, which the invariant
forbids. Tombstoning the postings first does not help: a tombstone is still a
row that refers to the person. test_transfer_of_a_person_with_postings shows
what happens instead.
"""

from __future__ import annotations

import itertools
import random
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sync_kit import (
    CATEGORY_ID,
    EDGES,
    UNIT,
    Net,
    Site,
    check_converged,
    dump,
    op,
    set_fields,
    tombstone,
)

from bzdesk.models.staffing import Person, Posting
from bzdesk.sync import scope

WRITERS = ["a1", "a2", "b", "city", "province"]
COUNTY_OF = {"a1": "360121", "a2": "360121", "b": "360122"}


@dataclass(frozen=True)
class Held:
    id: str
    office_id: str
    deleted: bool


@dataclass
class World:
    net: Net
    rng: random.Random
    mobile: set[str] = field(default_factory=set)   # people who may be transferred
    in_flight: list[tuple[str, Path]] = field(default_factory=list)  # (receiver, file)
    counter: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    log: list[str] = field(default_factory=list)

    def held(self, site: Site, model: type[Any]) -> list[Held]:
        with site.d.read() as s:
            return [Held(*row) for row in s.execute(
                select(model.id, model.office_id, model.deleted).order_by(model.id))]


def _pick(items: list[Any], k: int) -> Any | None:
    return items[k % len(items)] if items else None


def do_create(w: World, who: str, k: int, mobile: bool) -> None:
    site = w.net[who]
    county = COUNTY_OF.get(who) or ("360121", "360122")[k % 2]
    n = next(w.counter)
    with op(site, "新增人员") as (s, _):
        p = Person(office_id=county, name=f"人员{n}", id_number=f"3601211980010{n:05d}",
                   sex="女" if k % 2 else "男", birth_date=date(1980, 1, 1 + k % 28))
        s.add(p)
        s.flush()
        pid = p.id
    if mobile:
        w.mobile.add(pid)
    w.log.append(f"create {who} {county} {pid[:6]} mobile={mobile}")


def do_edit(w: World, who: str, k: int, v: int) -> None:
    site = w.net[who]
    person = _pick(w.held(site, Person), k)
    if person is None:
        return
    column = ("phone", "education", "name")[v % 3]
    set_fields(site, Person, person.id, **{column: f"{column}-{who}-{v}"})
    w.log.append(f"edit {who} {person.id[:6]} {column}={v}")


def do_delete(w: World, who: str, k: int, posting: bool) -> None:
    site = w.net[who]
    model = Posting if posting else Person
    row = _pick([r for r in w.held(site, model) if not r.deleted], k)
    if row is None:
        return
    tombstone(site, model, row.id)
    w.log.append(f"delete {who} {model.__tablename__} {row.id[:6]}")


def do_post(w: World, who: str, k: int) -> None:
    site = w.net[who]
    people = [p for p in w.held(site, Person)
              if p.id not in w.mobile and p.office_id in UNIT and not p.deleted]
    person = _pick(people, k)
    if person is None:
        return
    with op(site, "入编") as (s, _):
        posting = Posting(office_id=person.office_id, person_id=person.id,
                          unit_id=UNIT[person.office_id], category_id=CATEGORY_ID,
                          start_route="考录", start_on=date(2020, 1, 1 + k % 28))
        s.add(posting)
        s.flush()
        w.log.append(f"post {who} {person.id[:6]} {posting.id[:6]}")


def do_edit_posting(w: World, who: str, k: int, v: int) -> None:
    site = w.net[who]
    posting = _pick(w.held(site, Posting), k)
    if posting is None:
        return
    set_fields(site, Posting, posting.id, position=f"职务-{who}-{v}")
    w.log.append(f"edit posting {who} {posting.id[:6]} {v}")


def do_transfer(w: World, k: int) -> None:
    site = w.net["city"]
    person = _pick([p for p in w.held(site, Person) if p.id in w.mobile], k)
    if person is None:
        return
    target = "360122" if person.office_id == "360121" else "360121"
    set_fields(site, Person, person.id, office_id=target)
    w.log.append(f"transfer {person.id[:6]} → {target}")


def do_transfer_while_edited(w: World, k: int, v: int) -> None:
    """The city transfers someone while a site of the old county, not knowing yet,
    edits the same person."""
    site = w.net["city"]
    person = _pick([p for p in w.held(site, Person) if p.id in w.mobile], k)
    if person is None:
        return
    do_transfer(w, k)  # the same pick: the k-th mobile person the city holds
    for who, county in COUNTY_OF.items():
        if county == person.office_id and any(
                h.id == person.id for h in w.held(w.net[who], Person)):
            set_fields(w.net[who], Person, person.id, phone=f"stale-{who}-{v}")
            w.log.append(f"stale edit {who} {person.id[:6]}")
            return


def do_send(w: World, edge: int, up: bool) -> None:
    a, b = EDGES[edge % len(EDGES)]
    frm, to = (b, a) if up else (a, b)
    result = w.net.export(frm, to)
    w.in_flight.append((to, Path(result.file)))
    w.log.append(f"send {frm}→{to} #{result.sequence} ({result.changes})")


def do_sync(w: World, edge: int, up: bool) -> None:
    """A bundle carried at once (the usual case): export and import."""
    do_send(w, edge, up)
    do_deliver(w, len(w.in_flight) - 1, keep=False)


def do_deliver(w: World, k: int, keep: bool) -> None:
    if not w.in_flight:
        return
    i = k % len(w.in_flight)
    to, file = w.in_flight[i] if keep else w.in_flight.pop(i)
    result = w.net.take(to, file)
    w.log.append(f"deliver {file.name}→{to} applied={result.applied} "
                 f"known={result.already_known} keep={keep}")


def do_lose(w: World, k: int) -> None:
    if w.in_flight:
        _, file = w.in_flight.pop(k % len(w.in_flight))
        w.log.append(f"lose {file.name}")


small = st.integers(0, 50)
writer = st.sampled_from(WRITERS)
county_site = st.sampled_from(["a1", "a2", "b", "city"])
# Weights: enough transfers and county edits that an edit made at the old county
# before a transfer reaches it (and a bundle that overtakes another) is common.
OPS = st.one_of(
    st.tuples(st.just("create"), county_site, small, st.booleans()),
    st.tuples(st.just("create"), county_site, small, st.just(True)),
    st.tuples(st.just("edit"), writer, small, small),
    st.tuples(st.just("edit"), st.sampled_from(["a1", "a2", "b"]), small, small),
    st.tuples(st.just("delete"), writer, small, st.booleans()),
    st.tuples(st.just("post"), writer, small),
    st.tuples(st.just("edit_posting"), writer, small, small),
    st.tuples(st.just("transfer"), small),
    st.tuples(st.just("transfer_while_edited"), small, small),
    st.tuples(st.just("send"), small, st.booleans()),
    st.tuples(st.just("send"), small, st.booleans()),
    st.tuples(st.just("sync"), small, st.booleans()),
    st.tuples(st.just("sync"), small, st.booleans()),
    st.tuples(st.just("sync"), small, st.booleans()),
    st.tuples(st.just("deliver"), small, st.booleans()),
    st.tuples(st.just("deliver"), small, st.just(False)),
    st.tuples(st.just("deliver"), small, st.just(False)),
    st.tuples(st.just("lose"), small),
)
ACTIONS = {"create": do_create, "edit": do_edit, "delete": do_delete, "post": do_post,
           "edit_posting": do_edit_posting, "transfer": do_transfer,
           "transfer_while_edited": do_transfer_while_edited, "send": do_send, "sync": do_sync,
           "deliver": do_deliver, "lose": do_lose}


@pytest.mark.slow
@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(ops=st.lists(OPS, min_size=10, max_size=60), seed=st.integers(0, 2**16))
def test_sites_converge_whatever_the_exchange(seeded_template: dict[str, Site],
                                              ops: list[tuple[Any, ...]], seed: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        net = Net.copy_of(seeded_template, Path(tmp))
        world = World(net, random.Random(seed))
        try:
            for name, *args in ops:
                ACTIONS[name](world, *args)
            world.rng.shuffle(world.in_flight)  # late, out-of-order, stale bundles
            while world.in_flight:
                do_deliver(world, 0, keep=False)
            rounds = net.full_exchange()
            assert rounds >= 1
            check_converged(net)
            # every person still lives somewhere, in exactly one county's scope
            city = {row_id for (table, row_id) in dump(net["city"]) if table == "person"}
            for (table, row_id), row in dump(net["province"]).items():
                if table == "person":
                    assert row_id in city
                    assert scope.level_of(str(dict(row)["office_id"])) == "county"
        except BaseException:
            print("\n".join(world.log))
            raise
        finally:
            net.close()
