"""A big bundle into tables that hold no rows yet builds their secondary indexes after
the load (bzdesk.sync.bulk): the same rows and the same schema as a row-by-row load,
and a refused bundle leaves the database byte for byte as it was."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sync_kit import (
    CATEGORY_ID,
    Net,
    Site,
    add_person,
    changes_bytes,
    counts,
    db_files_hash,
    dump,
    open_bundle,
    reseal,
    set_fields,
)

from bzdesk.errors import BundleRejected
from bzdesk.models.staffing import Person
from bzdesk.sync import bulk, merge
from bzdesk.sync import bundle as bfmt


def schema(site: Site) -> list[tuple[str, str]]:
    con = sqlite3.connect(site.paths.database)
    try:
        return con.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' "
                           "ORDER BY name").fetchall()
    finally:
        con.close()


def intact(site: Site) -> bool:
    con = sqlite3.connect(site.paths.database)
    try:
        return con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        con.close()


@pytest.fixture
def big(seeded: Net, monkeypatch: pytest.MonkeyPatch) -> Net:
    """Every bundle counts as big; a1 has people the city does not hold yet."""
    monkeypatch.setattr(bulk, "BULK_BYTES", 0)
    for n in range(5):
        add_person(seeded["a1"], "360121", f"人员{n}", n)
    return seeded


@pytest.mark.parametrize("max_ours", [merge.MAX_OURS, 1])
def test_indexes_built_after_the_load_match_a_row_by_row_load(
        big: Net, monkeypatch: pytest.MonkeyPatch, max_ours: int) -> None:
    # small chunks: a row inserted by one chunk is updated by a later one (found among
    # the ids this import inserted, or looked up again once too many are kept)
    monkeypatch.setattr(merge, "CHUNK", 3)
    monkeypatch.setattr(merge, "MAX_OURS", max_ours)
    first = next(k[1] for k in dump(big["a1"]) if k[0] == "person")
    set_fields(big["a1"], Person, first, phone="13800000001")
    rebuilt: list[str] = []
    real = bulk.DeferredIndexes.rebuild

    def spy(self: bulk.DeferredIndexes) -> None:
        rebuilt.extend(self.dropped)
        real(self)

    monkeypatch.setattr(bulk.DeferredIndexes, "rebuild", spy)
    city = big["city"]
    assert counts(city)["person"] == 0
    city.close()
    before = schema(city)
    got = big.send("a1", "city")
    assert got.applied >= 5
    assert any(" ON person " in sql for sql in rebuilt), rebuilt
    assert not any(" ON posting (person_id" in sql for sql in rebuilt)  # FK-led: kept
    city.close()
    assert schema(city) == before  # every dropped index is back, as it was
    assert intact(city)            # and holds every row
    held = {k: v for k, v in dump(city).items() if k[0] == "person"}
    assert held == {k: v for k, v in dump(big["a1"]).items() if k[0] == "person"}
    assert ("phone", "13800000001") in held[("person", first)]


def test_a_refused_big_bundle_leaves_the_database_as_it_was(big: Net, tmp_path: Path) -> None:
    file = Path(big.export("a1", "city").file)
    inner = open_bundle(file, big["city"])
    entries = inner.changes
    template = next(e for e in entries if e["table"] == "person")
    entries.append({**template, "table": "posting", "row_id": "p0000000-0000-4000-8000-1",
                    "origin_seq": max(e["origin_seq"] or 0 for e in entries) + 1,
                    "fields": {"office_id": "360121", "person_id": template["row_id"],
                               "unit_id": "no-such-unit", "category_id": CATEGORY_ID,
                               "start_route": "考录", "start_on": "2020-01-01"}})
    inner.members[bfmt.CHANGES] = changes_bytes(entries)
    bad = reseal(inner, big["a1"], big["city"], tmp_path / "dangling.bzb")
    city = big["city"]
    city.close()
    before, indexes = db_files_hash(city.root), schema(city)
    with pytest.raises(BundleRejected, match="引用了本机没有"):
        big.take("city", bad)
    city.close()
    assert db_files_hash(city.root) == before
    assert schema(city) == indexes


@pytest.mark.parametrize("fields", [
    {"name": "张三", "born": "1990-01-02", "note": 'a "quoted" \\ back\nslash', "n": 3},
    {"flag": True, "z": None, "a": {"nested": ["x", 1.5]}, "emoji": "😀\u2028"},
    {},
])
def test_the_logged_fields_text_of_a_canonical_line_is_what_the_local_encoder_writes(
        fields: dict[str, object]) -> None:
    """The importer logs a canonical line's fields text as it is: byte for byte what
    this site's own encoder would have written for the parsed fields."""
    entry = {"fields": fields, "hlc": 5 << 16, "moved_from": None, "office_id": "360121",
             "origin": "site-a", "origin_seq": 7, "row_id": "r1", "table": "person"}
    parsed = bfmt.parse_line(bfmt.entry_line(entry).decode())
    assert parsed[bfmt.FIELDS_JSON] == bfmt.canonical(parsed["fields"]).decode()
    assert parsed["fields"] == fields


def test_rows_built_for_insert_match_a_column_by_column_build() -> None:
    """TableInfo.insert_row (written out per table) agrees with converting and
    defaulting column by column."""
    from bzdesk.sync.tables import registry

    samples = {"Date": "2020-01-02", "DateTime": "2020-01-02T03:04:05", "Boolean": True}
    for t in registry().values():
        for pattern in range(4):
            fields: dict[str, object] = {}
            for n, k in enumerate(t.columns):
                kind = type(t.model.__table__.c[k].type).__name__
                if (n + pattern) % 4 == 1:
                    fields[k] = None
                elif (n + pattern) % 4 != 0:
                    fields[k] = samples.get(kind, f"v{n}")
            for logged in (True, False):
                want: list[object] = [fields.get(k) for k in t.columns]
                if logged:
                    for i, convert in t.conversions:
                        if want[i] is not None:
                            want[i] = convert(want[i])
                for i, default in t.none_defaults:
                    if want[i] is None:
                        want[i] = default() if callable(default) else default
                got = t.insert_row(fields, logged=logged)
                made = {i for i, default in t.none_defaults if callable(default)}
                assert len(got) == len(want), t.name
                for i, (v, w) in enumerate(zip(got, want, strict=True)):
                    # a default made per row (a new id, now) differs between calls
                    assert type(v) is type(w) if i in made else v == w, (t.name, i)
