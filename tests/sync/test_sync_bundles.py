"""Bundles out and in: naming, cumulative content, acknowledgements, replays, order,
scope (who receives which rows), snapshots of rows entering a scope, merge by
(HLC, origin) with conflicts kept, and their resolution syncing like any change."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sync_kit import (
    CATEGORY_ID,
    UNIT,
    Net,
    Site,
    add_person,
    counts,
    db_files_hash,
    dump,
    op,
    open_bundle,
    set_fields,
    synced,
)

from bzdesk.db import open_database
from bzdesk.errors import BundleRejected, ValidationError
from bzdesk.models import Change
from bzdesk.models.staffing import CountyTotal, Person, QuotaLine, StaffingCategory, Unit
from bzdesk.models.sync import BundleRecord, Conflict, Peer
from bzdesk.services.exchange import (
    ImportResult,
    bundles,
    import_bundle,
    list_conflicts,
    resolve_conflict,
)
from bzdesk.sync import bundle as bfmt

NAME = re.compile(r"^(\d{6})-to-(\d{6})-(\d{8}T\d{6})-(\d+)\.bzb$")


def peer_row(site: Site, other: Site) -> dict[str, Any]:
    with site.d.read() as s:
        p = s.get(Peer, other.site_id)
        assert p is not None
        return {"sent": p.sent_seq, "taken": p.taken_seq, "acked": p.acked_seq,
                "known": json.loads(p.known_vector)}


def person(site: Site, pid: str) -> Person | None:
    with site.d.read() as s:
        row = s.get(Person, pid)
        if row is not None:
            s.expunge(row)
        return row


def entries(file: str | Path, receiver: Site) -> list[dict[str, Any]]:
    return open_bundle(Path(file), receiver).changes


# -- export -------------------------------------------------------------------------


def test_export_names_writes_and_verifies_a_bundle_even_with_nothing_new(net: Net) -> None:
    out = net["a1"].root.parent / "usb"
    first = net.export("a1", "city", out)
    net.take("city", first.file)
    net.send("city", "a1")  # the city acknowledges bundle 1
    second = net.export("a1", "city", out)
    for result, seq in ((first, 1), (second, 2)):
        file = Path(result.file)
        assert file.is_absolute() and file.parent == out.resolve()
        m = NAME.match(file.name)
        assert m is not None, file.name
        assert (m.group(1), m.group(2), int(m.group(4))) == ("360121", "360100", seq)
        assert (result.recipient, result.sequence, result.bytes) == ("360100", seq,
                                                                     file.stat().st_size)
    assert first.changes >= 1                 # the county's own office row
    assert second.changes == 0                # nothing new, but written: it carries the ack
    assert not list(out.glob("*.part"))
    manifest = open_bundle(Path(second.file), net["city"]).manifest
    assert manifest["ack"] == {"taken_seq": 1}
    assert manifest["sequence"] == 2 and manifest["prev_hash"]
    assert manifest["version_vector"][net["a1"].site_id] >= 1
    with net["a1"].d.read() as s:
        written = s.execute(select(BundleRecord.seq, BundleRecord.result,
                                   BundleRecord.file_name, BundleRecord.manifest_hash,
                                   BundleRecord.prev_hash)
                            .where(BundleRecord.direction == "out")
                            .order_by(BundleRecord.seq)).all()
    assert [tuple(r[:3]) for r in written] == [
        (1, "written", Path(first.file).name), (2, "written", Path(second.file).name)]
    assert written[1].prev_hash == written[0].manifest_hash == manifest["prev_hash"]


def test_a_bundle_that_does_not_read_back_is_removed(net: Net,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """USB sticks lie: what was written is decrypted and checked again."""
    real = bfmt.write_bundle

    def lying_stick(target: Path, *args: Any, **kwargs: Any) -> Any:
        result = real(target, *args, **kwargs)
        data = bytearray(target.read_bytes())
        data[len(data) // 2] ^= 0xFF
        target.write_bytes(bytes(data))
        return result

    monkeypatch.setattr(bfmt, "write_bundle", lying_stick)
    out = net["a1"].root.parent / "usb"
    with pytest.raises(BundleRejected, match=r"读回校验失败.*请换一个U盘"):
        net.export("a1", "city", out)
    assert not list(out.iterdir())
    assert peer_row(net["a1"], net["city"])["sent"] == 0
    assert counts(net["a1"])["bundle_record"] == 0


def test_streamed_lines_are_canonical_and_parse_back_as_json_does(net: Net) -> None:
    """The export writes lines straight from the change log and the import reads the
    usual ones without a second JSON parse: both agree with canonical JSON."""
    pid = add_person(net["a1"], "360121", "引号\"和反斜杠\\", 1)
    set_fields(net["a1"], Person, pid, phone="13900000000")
    file = Path(net.export("a1", "city").file)
    raw = open_bundle(file, net["city"]).members[bfmt.CHANGES].decode()
    lines = raw.splitlines()
    assert len(lines) >= 3
    for line in lines:
        entry = json.loads(line)
        assert bfmt.entry_line(entry).decode() == line + "\n"  # canonical
        parsed = bfmt.parse_line(line)
        assert json.loads(parsed.pop(bfmt.FIELDS_JSON)) == entry["fields"]
        assert parsed == entry
    assert any('\\"' in line for line in lines)  # an escaped name took the JSON path


def test_two_sites_of_one_office_never_overwrite_each_others_bundles(net: Net) -> None:
    out = net["a1"].root.parent / "usb"
    one, two = net.export("a1", "a2", out), net.export("a2", "a1", out)
    assert one.file != two.file and Path(one.file).exists() and Path(two.file).exists()
    assert net.take("a2", one.file).sender == net["a1"].site_id
    assert net.take("a1", two.file).sender == net["a2"].site_id


# -- cumulative bundles, acknowledgements, replays, order ----------------------------


def test_bundles_are_cumulative_until_acknowledged_and_heal_a_loss(seeded: Net) -> None:
    a1, city = seeded["a1"], seeded["city"]
    p1 = add_person(a1, "360121", "甲", 1)
    lost = seeded.export("a1", "city")                      # never arrives
    p2 = add_person(a1, "360121", "乙", 2)
    second = seeded.export("a1", "city")
    assert {e["row_id"] for e in entries(second.file, city)} >= {p1, p2}
    assert seeded.take("city", second.file).applied >= 2    # the loss is healed
    seeded.send("city", "a1")                                # ack of bundle 2
    p3 = add_person(a1, "360121", "丙", 3)
    third = seeded.export("a1", "city")
    rows = {e["row_id"] for e in entries(third.file, city)}
    assert p3 in rows and not rows & {p1, p2}
    seeded.take("city", third.file)
    assert person(city, p3) is not None

    # the lost bundle turns up late: a no-op that records only "already known"
    before_counts, before_peer = counts(city), peer_row(city, a1)
    late = seeded.take("city", lost.file)
    assert (late.already_known, late.applied, late.sequence) == (True, 0, lost.sequence)
    after = counts(city)
    assert after.pop("bundle_record") == before_counts.pop("bundle_record") + 1
    assert after == before_counts
    assert peer_row(city, a1) == before_peer                 # acks never go backwards
    with city.d.read() as s:
        rec = s.execute(select(BundleRecord.result, BundleRecord.seq, BundleRecord.changes)
                        .order_by(BundleRecord.at.desc())).first()
    assert rec is not None and tuple(rec) == ("already_known", lost.sequence, 0)


def test_the_same_bundle_twice_is_already_known(seeded: Net) -> None:
    add_person(seeded["a1"], "360121", "甲", 1)
    file = seeded.export("a1", "city").file
    first = seeded.take("city", file)
    before = counts(seeded["city"])
    again = seeded.take("city", file)
    assert first.applied > 0 and not first.already_known
    assert again.already_known and again.applied == 0 and again.reason
    assert counts(seeded["city"])["change_log"] == before["change_log"]


def test_two_imports_of_one_bundle_racing_apply_it_once(seeded: Net,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """Two imports of the same bundle (another window, another process): the second
    passes its first look before the first commits; under the write lock it sees the
    first's record and records only "already known"."""
    pid = add_person(seeded["a1"], "360121", "甲", 1)
    file = Path(seeded.export("a1", "city").file)
    city = seeded["city"]
    other = open_database(city.paths)  # another process's handle on the same database
    first: list[ImportResult] = []
    real = bundles.recent_backup_exists

    def the_other_import_commits_now(paths: Any) -> bool:
        monkeypatch.setattr(bundles, "recent_backup_exists", real)
        first.append(import_bundle(other, city.actor, city.keys, file))
        return real(paths)

    monkeypatch.setattr(bundles, "recent_backup_exists", the_other_import_commits_now)
    try:
        second = seeded.take("city", file)
    finally:
        other.close()
    assert first and first[0].applied > 0 and not first[0].already_known
    assert (second.already_known, second.applied) == (True, 0)
    with city.d.read() as s:
        results = s.scalars(select(BundleRecord.result).where(
            BundleRecord.direction == "in", BundleRecord.seq == second.sequence,
            BundleRecord.peer_site == seeded["a1"].site_id).order_by(BundleRecord.at)).all()
        logged = s.scalar(select(func.count()).select_from(Change).where(Change.row_id == pid))
    assert results == ["applied", "already_known"]
    assert logged == 1  # the person's entry was applied (and logged) once


def test_bundles_in_any_order_converge(seeded: Net) -> None:
    a1, city = seeded["a1"], seeded["city"]
    pid = add_person(a1, "360121", "甲", 1)
    files, last = [], 0
    for phone in ("1", "2", "3"):
        set_fields(a1, Person, pid, phone=phone)
        result = seeded.export("a1", "city")
        files.append(result.file)
        last = result.sequence
    for file in reversed(files):
        seeded.take("city", file)
    assert person(city, pid) is not None and person(city, pid).phone == "3"  # type: ignore[union-attr]
    assert dump(city)[("person", pid)] == dump(a1)[("person", pid)]
    assert peer_row(city, a1)["taken"] == last


def test_import_backs_up_first_and_keeps_a_record(seeded: Net) -> None:
    city = seeded["city"]
    for old in city.paths.backups.iterdir():
        old.unlink()
    add_person(seeded["a1"], "360121", "甲", 1)
    export = seeded.export("a1", "city")
    result = seeded.take("city", export.file)
    backups = list(city.paths.backups.glob("*before-bundle*.sqlite3"))
    assert len(backups) == 1
    with city.d.read() as s:
        rec = s.execute(select(BundleRecord.result, BundleRecord.seq, BundleRecord.changes,
                               BundleRecord.file_name, BundleRecord.peer_site)
                        .where(BundleRecord.direction == "in")
                        .order_by(BundleRecord.at.desc())).first()
    assert rec is not None
    assert tuple(rec) == (
        "applied", export.sequence, result.applied, Path(export.file).name,
        seeded["a1"].site_id)


# -- scope ------------------------------------------------------------------------------


def test_county_to_city_carries_the_countys_rows(seeded: Net) -> None:
    add_person(seeded["a1"], "360121", "甲", 1)
    sent = entries(seeded.export("a1", "city").file, seeded["city"])
    assert sent and {e["office_id"] for e in sent} == {"360121"}


def test_city_to_county_carries_its_rows_and_shared_ones_never_another_countys(
        net: Net) -> None:
    city = net["city"]
    with op(city, "新增编制类型") as (s, _):
        s.add(StaffingCategory(id=CATEGORY_ID, office_id="360100", code="XZ", name="行政编制"))
        s.flush()
        for county in ("360121", "360122"):
            s.add(CountyTotal(office_id="360100", for_office=county, category_id=CATEGORY_ID,
                              total=10, effective_on=date(2024, 1, 1)))
    pa = add_person(net["a1"], "360121", "甲", 1)
    pb = add_person(net["b"], "360122", "乙", 2)
    net.send("a1", "city")
    net.send("b", "city")
    set_fields(city, Person, pa, phone="市里改的")
    set_fields(city, Person, pb, phone="市里改的")
    to_a = entries(net.export("city", "a1").file, net["a1"])
    tables = {(e["table"], e["office_id"]) for e in to_a}
    assert ("staffing_category", "360100") in tables
    assert ("county_total", "360121") in tables and ("county_total", "360122") not in tables
    assert ("person", "360121") in tables
    assert all(e["office_id"] in ("360121", "360100") for e in to_a)
    assert pb not in {e["row_id"] for e in to_a}
    # the province gets all of the city's counties, forwarded
    up = entries(net.export("city", "province").file, net["province"])
    origins = {(e["office_id"], e["origin"]) for e in up if e["table"] == "person"}
    assert ("360121", net["a1"].site_id) in origins
    assert ("360122", net["b"].site_id) in origins


def test_a_transferred_person_travels_as_a_snapshot_and_leaves_the_old_county(
        seeded: Net) -> None:
    a1, a2, city, b = seeded["a1"], seeded["a2"], seeded["city"], seeded["b"]
    pid = add_person(a1, "360121", "调动的人", 1)
    set_fields(a1, Person, pid, phone="13800000000")  # a second stamp on one field
    seeded.send("a1", "a2")
    seeded.send("a1", "city")
    set_fields(city, Person, pid, office_id="360122")  # 调动 to county B, at the city
    to_b = [e for e in entries(seeded.export("city", "b").file, b) if e["row_id"] == pid]
    snapshots = [e for e in to_b if e["origin_seq"] is None]
    stamps = {(e["hlc"], e["origin"]) for e in snapshots}
    assert len(stamps) == 3 and {o for _, o in stamps} == {a1.site_id, city.site_id}
    assert any(e["fields"] == {"phone": "13800000000"} for e in snapshots)
    seeded.send("city", "b")
    assert dump(b)[("person", pid)] == dump(city)[("person", pid)]
    # the old county drops the person (and the history it held), keeping only the
    # notice that it left, which its field laptop needs
    seeded.send("city", "a1")
    assert person(a1, pid) is None
    with a1.d.read() as s:
        kept = s.execute(select(Change.office_id, Change.moved_from, Change.fields)
                         .where(Change.row_id == pid)).all()
    assert [(office, moved, json.loads(fields)) for office, moved, fields in kept] == [
        ("360122", "360121", {"office_id": "360122"})]
    assert person(a2, pid) is not None
    seeded.send("a1", "a2")
    assert person(a2, pid) is None
    # … and the person comes back later: a snapshot again
    set_fields(city, Person, pid, office_id="360121", phone="13900000000")
    seeded.send("city", "a1")
    seeded.send("a1", "a2")
    for site in (a1, a2):
        assert dump(site)[("person", pid)] == dump(city)[("person", pid)]


def test_a_transfer_of_a_person_with_postings_keeps_a_copy_and_says_so(seeded: Net) -> None:
    """The design limit the convergence test works around (see its docstring): the old
    county's posting still refers to the person, so the person cannot leave."""
    a1, city = seeded["a1"], seeded["city"]
    pid = add_person(a1, "360121", "有任职的人", 1)
    with op(a1, "入编") as (s, _):
        from bzdesk.models.staffing import Posting

        s.add(Posting(office_id="360121", person_id=pid, unit_id=next(iter(
            s.scalars(select(Unit.id)))), category_id=CATEGORY_ID, start_route="考录",
            start_on=date(2020, 1, 1), end_on=date(2024, 1, 1), end_route="调出"))
    seeded.send("a1", "city")
    set_fields(city, Person, pid, office_id="360122")
    result = seeded.send("city", "a1")
    assert any("仍被本单位的其他记录引用" in f for f in result.findings)
    kept = person(a1, pid)
    assert kept is not None and kept.office_id == "360122"  # outside county A's scope


# -- merge -------------------------------------------------------------------------------


def test_concurrent_edits_converge_and_the_loser_is_kept_for_review(seeded: Net) -> None:
    a1, city = seeded["a1"], seeded["city"]
    pid = add_person(a1, "360121", "甲", 1)
    seeded.send("a1", "city")
    set_fields(a1, Person, pid, phone="县里的号码", education="县里的学历", name="县里的名字")
    set_fields(city, Person, pid, phone="市里的号码", education="市里的学历", name="市里的名字")
    seeded.send("a1", "city")   # the city's values are later: they win, the county's are kept
    seeded.send("city", "a1")
    assert dump(a1)[("person", pid)] == dump(city)[("person", pid)]
    assert person(a1, pid).phone == "市里的号码"  # type: ignore[union-attr]
    found = {c.field: c for c in list_conflicts_of(city)}
    assert {(f, c.current_value, c.other_value) for f, c in found.items()} == {
        ("phone", "市里的号码", "县里的号码"), ("education", "市里的学历", "县里的学历"),
        ("name", "市里的名字", "县里的名字")}
    # keep / take / edit: each decision is a new change that syncs like any other
    with city.d.write() as s:
        resolve_conflict(s, city.actor, found["phone"].id, "take")
        resolve_conflict(s, city.actor, found["education"].id, "edit", "大学本科")
        resolve_conflict(s, city.actor, found["name"].id, "keep")
    assert list_conflicts_of(city) == []
    seeded.send("city", "a1")
    for site in (a1, city):
        p = person(site, pid)
        assert p is not None
        assert (p.phone, p.education, p.name) == ("县里的号码", "大学本科", "市里的名字")
    assert dump(a1)[("person", pid)] == dump(city)[("person", pid)]
    with city.d.read() as s:
        statuses = sorted(s.scalars(select(Conflict.status)))
    assert statuses == ["edited", "kept", "taken"]


def list_conflicts_of(site: Site) -> list[Any]:
    with site.d.read() as s:
        return list_conflicts(s, site.actor)


def quota_conflicts(net: Net) -> tuple[str, dict[str, Any]]:
    """A quota line whose count (an integer) and date both sites changed: the county's
    values lose at the city and are kept for review there."""
    a1, city = net["a1"], net["city"]
    with op(a1, "核定编制") as (s, _):
        line = QuotaLine(office_id="360121", unit_id=UNIT["360121"], category_id=CATEGORY_ID,
                         approved=10, effective_on=date(2024, 1, 1))
        s.add(line)
        s.flush()
        line_id = line.id
    net.send("a1", "city")
    set_fields(a1, QuotaLine, line_id, approved=11, effective_on=date(2024, 2, 1))
    set_fields(city, QuotaLine, line_id, approved=12, effective_on=date(2024, 3, 1))
    net.send("a1", "city")
    found = {c.field: c for c in list_conflicts_of(city)}
    assert {f: (c.current_value, c.other_value) for f, c in found.items()} == {
        "approved": (12, 11), "effective_on": ("2024-03-01", "2024-02-01")}
    return line_id, found


def test_an_edited_value_takes_the_type_of_its_column(seeded: Net) -> None:
    """The clerk types text; a count is stored, logged and synced as a number, a date
    as a date, so the sites agree and no spurious conflict follows."""
    a1, city = seeded["a1"], seeded["city"]
    line_id, found = quota_conflicts(seeded)
    with city.d.write() as s:
        resolve_conflict(s, city.actor, found["approved"].id, "edit", " 15 ")
        resolve_conflict(s, city.actor, found["effective_on"].id, "edit", "2024-04-01")
    with city.d.read() as s:
        logged = [json.loads(f) for f in s.scalars(select(Change.fields).where(
            Change.row_id == line_id).order_by(Change.seq))]
    assert logged[-2:] == [{"approved": 15}, {"effective_on": "2024-04-01"}]
    seeded.send("city", "a1")
    for site in (a1, city):
        with site.d.read() as s:
            line = s.get(QuotaLine, line_id)
            assert line is not None
            assert (line.approved, line.effective_on) == (15, date(2024, 4, 1))
    assert dump(a1)[("quota_line", line_id)] == dump(city)[("quota_line", line_id)]
    assert list_conflicts_of(a1) == [] and list_conflicts_of(city) == []


def test_an_edited_value_that_does_not_fit_its_column_is_refused(seeded: Net) -> None:
    city = seeded["city"]
    _, found = quota_conflicts(seeded)
    city.close()
    before = db_files_hash(city.root)
    for field, typed, expected in [
        ("approved", "十二", "整数"), ("approved", "1.5", "整数"), ("approved", "", "整数"),
        ("approved", True, "整数"), ("effective_on", "2024-13-01", "日期"),
        ("effective_on", "明年", "日期"),
    ]:
        with city.d.write() as s, pytest.raises(ValidationError) as err:
            resolve_conflict(s, city.actor, found[field].id, "edit", typed)
        assert err.value.problems[0].kind == "bad_value"
        message = err.value.message
        assert f"这一项应为{expected}" in message and message.endswith("没有做任何修改。")
        city.close()
        assert db_files_hash(city.root) == before, (field, typed)
    assert {c.field for c in list_conflicts_of(city)} == {"approved", "effective_on"}


def test_entries_out_of_stamp_order_in_one_bundle_still_merge_by_stamp(seeded: Net) -> None:
    a1, city, province = seeded["a1"], seeded["city"], seeded["province"]
    pid = add_person(a1, "360121", "甲", 1)
    seeded.send("a1", "city")
    seeded.send("city", "province")
    seeded.send("province", "city")
    set_fields(a1, Person, pid, phone="早")        # earlier stamp …
    set_fields(city, Person, pid, phone="晚")      # … later stamp, written first at the city
    seeded.send("a1", "city")                       # the city's log: 晚, then 早
    sent = [e for e in entries(seeded.export("city", "province").file, province)
            if e["row_id"] == pid]
    assert [e["fields"].get("phone") for e in sent] == ["晚", "早"]
    seeded.send("city", "province")
    assert person(province, pid).phone == person(city, pid).phone == "晚"  # type: ignore[union-attr]
    assert dump(province)[("person", pid)] == dump(city)[("person", pid)]


def test_rows_may_refer_to_rows_later_in_the_bundle(seeded: Net) -> None:
    a1 = seeded["a1"]
    with op(a1, "新增机构") as (s, _):
        old = Unit(office_id="360121", name="旧单位", kind="事业单位")
        s.add(old)
        s.flush()
        old_id = old.id
    with op(a1, "新增机构") as (s, _):
        new = Unit(office_id="360121", name="新单位", kind="事业单位")
        s.add(new)
        s.flush()
        new_id = new.id
    set_fields(a1, Unit, old_id, merged_into_id=new_id, status="已合并")  # 撤并
    assert seeded.send("a1", "city").applied >= 3
    with seeded["city"].d.read() as s:
        assert s.get(Unit, old_id).merged_into_id == new_id  # type: ignore[union-attr]


def test_the_import_keeps_what_its_clock_saw_across_a_restart(seeded: Net) -> None:
    """A later local edit must be stamped after what it overwrites, even when the
    importing program was restarted in between."""
    a1, city = seeded["a1"], seeded["city"]
    pid = add_person(a1, "360121", "甲", 1)
    real = city.d.site.clock  # type: ignore[union-attr]
    from bzdesk.sync.hlc import HybridClock

    ahead = 3600 * 1000  # the county PC is an hour fast: within the allowed drift
    a1.d.site.clock = HybridClock(a1.d.site.clock.last,  # type: ignore[union-attr]
                                  now_ms=lambda: real._now_ms() + ahead)
    set_fields(a1, Person, pid, phone="县里")
    seeded.send("a1", "city")
    city.close()                                   # the city's program restarts
    set_fields(city, Person, pid, phone="市里后改")
    seeded.send("city", "a1")
    assert person(city, pid).phone == person(a1, pid).phone == "市里后改"  # type: ignore[union-attr]


def test_built_in_dictionary_rows_are_made_by_the_importer_not_sent(net: Net) -> None:
    """A county posts someone in a built-in 编制类型 (office 000000: every site makes
    those rows itself); a city that has none yet takes the bundle all the same."""
    from bzdesk.models.staffing import Posting
    from bzdesk.services.staffing.catalog import default_category_id, seed_dictionaries

    a1 = net["a1"]
    pid = add_person(a1, "360121", "甲", 1)
    with op(a1, "入编") as (s, _):
        seed_dictionaries(s)
        unit = Unit(office_id="360121", name="县委办公室", kind="党委")
        s.add(unit)
        s.flush()
        s.add(Posting(office_id="360121", person_id=pid, unit_id=unit.id,
                      category_id=default_category_id("SY"), start_route="考录",
                      start_on=date(2020, 1, 1)))
    sent = entries(net.export("a1", "city").file, net["city"])
    assert not [e for e in sent if e["table"] in ("staffing_category", "teacher_ratio")]
    assert any(e["table"] == "posting" for e in sent)
    net.send("a1", "city")
    with net["city"].d.read() as s:
        built_in = s.get(StaffingCategory, default_category_id("SY"))
        assert built_in is not None and built_in.office_id == "000000"
        assert s.scalar(select(func.count()).select_from(Posting)) == 1
    assert not synced("staffing_category", tuple({"office_id": "000000"}.items()))


def test_attachments_travel_with_their_files(seeded: Net, tmp_path: Path) -> None:
    from bzdesk.services.attachments import add_attachment, blob_path

    a1, city = seeded["a1"], seeded["city"]
    pid = add_person(a1, "360121", "有照片的人", 1)
    photo = tmp_path / "证件照.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    with a1.d.write() as s:
        view = add_attachment(s, a1.actor, a1.paths, "person", pid, photo).value
    export = seeded.export("a1", "city")
    assert export.blobs == 1
    seeded.take("city", export.file)
    stored = blob_path(city.paths, view.sha256)
    assert stored.read_bytes() == photo.read_bytes()
    assert dump(city)[("attachment", view.id)] == dump(a1)[("attachment", view.id)]
