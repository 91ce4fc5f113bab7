"""Bundles that must be refused, each leaving the receiving database byte for byte
as it was, with one clerk-readable sentence saying why.

"Byte for byte" is checked on the closed database: the site's engine is
disposed before and after the attempt, so SQLite has checkpointed and removed
its WAL file, and the hashes of bzdesk.sqlite3 (and of any -wal/-journal
file) are compared. A refused import may leave a safety backup in backups/ and
a line in logs/, never a change in the database.

Crafted bundles (zip tricks, forged manifests) are made from a real bundle:
decrypted with the receiver's identity, changed, re-signed with the sender's
key (so only the trick itself is wrong) and re-encrypted to the receiver.
"""

from __future__ import annotations

import hashlib
import os
import re
import zipfile
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sync_kit import (
    CATEGORY_ID,
    Inner,
    Net,
    Site,
    add_person,
    changes_bytes,
    db_files_hash,
    member_meta,
    op,
    open_bundle,
    reseal,
    set_fields,
)

from bzdesk.errors import BundleRejected
from bzdesk.models.staffing import CountyTotal, StaffingCategory
from bzdesk.services import staffing as st
from bzdesk.sync import bundle as bfmt


@pytest.fixture
def sent(seeded: Net) -> Iterator[tuple[Net, Path]]:
    """A real bundle a1 → city carrying a few new people."""
    for n in range(3):
        add_person(seeded["a1"], "360121", f"人员{n}", n)
    result = seeded.export("a1", "city")
    yield seeded, Path(result.file)


def refused(net: Net, to: str, file: Path, pattern: str) -> str:
    """Import ``file`` at ``to``: refused with ``pattern`` in one sentence, and the
    database file unchanged. Returns the reason."""
    site = net[to]
    site.close()
    before = db_files_hash(site.root)
    with pytest.raises(BundleRejected) as info:
        net.take(to, file)
    site.close()
    assert db_files_hash(site.root) == before, "the refused bundle changed the database"
    reason = info.value.message
    assert re.search(pattern, reason), reason
    assert "\n" not in reason and reason.endswith("。") and len(reason) < 200, reason
    return reason


def tampered(file: Path, out: Path, change: Callable[[bytes], bytes]) -> Path:
    out.write_bytes(change(file.read_bytes()))
    return out


# -- damage on the way (USB sticks lie) ---------------------------------------------


@pytest.mark.parametrize("where", [0, 5, 30, 60, 120, 200, -400, -60, -17, -1])
def test_a_flipped_byte_anywhere_is_refused(sent: tuple[Net, Path], tmp_path: Path,
                                            where: int) -> None:
    net, file = sent
    data = file.read_bytes()
    position = where % len(data)

    def flip(b: bytes) -> bytes:
        return b[:position] + bytes([b[position] ^ 0x20]) + b[position + 1:]

    refused(net, "city", tampered(file, tmp_path / "flipped.bzb", flip), "无法解密")


def test_truncated_at_many_points_is_refused(sent: tuple[Net, Path], tmp_path: Path) -> None:
    net, file = sent
    size = len(file.read_bytes())
    for cut in sorted({0, 1, 21, 60, 100, 150, size // 4, size // 2, size - 40, size - 17,
                       size - 1}):
        bad = tampered(file, tmp_path / f"cut-{cut}.bzb", lambda b, c=cut: b[:c])
        refused(net, "city", bad, "无法解密")


def test_appended_junk_is_refused(sent: tuple[Net, Path], tmp_path: Path) -> None:
    net, file = sent
    for junk in (b"\x00", b"junk at the end", os.urandom(4096)):
        bad = tampered(file, tmp_path / "junk.bzb", lambda b, j=junk: b + j)
        refused(net, "city", bad, "无法解密")


def test_a_file_that_is_not_a_bundle_is_refused(sent: tuple[Net, Path], tmp_path: Path) -> None:
    net, _ = sent
    other = tmp_path / "photo.bzb"
    other.write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(500))
    refused(net, "city", other, "无法解密")
    refused(net, "city", tmp_path / "missing.bzb", "找不到数据包文件")


# -- who sent it, to whom --------------------------------------------------------------


def test_a_bundle_for_another_office_is_refused(sent: tuple[Net, Path]) -> None:
    net, file = sent  # made for the city: county B cannot even decrypt it
    refused(net, "b", file, "不是发给本单位")


def test_a_bundle_naming_another_recipient_is_refused(sent: tuple[Net, Path],
                                                      tmp_path: Path) -> None:
    net, file = sent
    inner = open_bundle(file, net["city"])
    manifest = inner.manifest
    manifest["recipient"] = {"office": "360000", "site": net["province"].site_id}
    bad = reseal(inner, net["a1"], net["city"], tmp_path / "other.bzb", manifest=manifest)
    refused(net, "city", bad, r"是发给 360000.*不是发给本机")


def test_an_unknown_sender_is_refused(seeded: Net) -> None:
    # a2 trusts the city, but the city never added a2's office card
    from bzdesk.services.exchange import add_peer, make_card

    with seeded["a2"].d.write() as s:
        add_peer(s, seeded["a2"].actor, make_card(seeded["city"].d))
    file = Path(seeded.export("a2", "city").file)
    refused(seeded, "city", file, "不在本单位信任的单位名单中")


def test_a_signature_by_another_key_is_refused(sent: tuple[Net, Path], tmp_path: Path) -> None:
    net, file = sent
    inner = open_bundle(file, net["city"])
    bad = reseal(inner, net["a1"], net["city"], tmp_path / "forged.bzb",
                 signer=Ed25519PrivateKey.generate())
    refused(net, "city", bad, "签名不符")


def test_a_manifest_changed_after_signing_is_refused(sent: tuple[Net, Path],
                                                     tmp_path: Path) -> None:
    net, file = sent
    inner = open_bundle(file, net["city"])
    inner.members[bfmt.MANIFEST] = bfmt.canonical({**inner.manifest, "sequence": 99})
    bad = write_inner(inner, net["city"], tmp_path / "edited.bzb")  # signature as it was
    refused(net, "city", bad, "签名不符")


def write_inner(inner: Inner, receiver: Site, out: Path) -> Path:
    """Re-encrypt members exactly as they are (no re-signing)."""
    import io

    import pyrage

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in inner.members.items():
            zf.writestr(name, data)
    out.write_bytes(pyrage.encrypt(buf.getvalue(), [
        pyrage.x25519.Recipient.from_str(receiver.keys.public.recipient)]))
    return out


def test_same_sequence_with_other_content_raises_the_alarm(sent: tuple[Net, Path],
                                                           tmp_path: Path) -> None:
    net, file = sent
    assert net.take("city", file).applied > 0
    inner = open_bundle(file, net["city"])
    entries = inner.changes
    entries[-1]["fields"]["name"] = "冒名顶替"
    inner.members[bfmt.CHANGES] = changes_bytes(entries)
    twin = reseal(inner, net["a1"], net["city"], tmp_path / "twin.bzb")
    refused(net, "city", twin, "警报.*两个不同版本")


def test_a_newer_schema_major_asks_to_upgrade(sent: tuple[Net, Path], tmp_path: Path) -> None:
    net, file = sent
    inner = open_bundle(file, net["city"])
    manifest = inner.manifest
    manifest["schema"] = {"major": 2, "revision": "9999"}
    bad = reseal(inner, net["a1"], net["city"], tmp_path / "newer.bzb", manifest=manifest)
    refused(net, "city", bad, "请升级编制桌面")


def test_an_unknown_format_is_refused(sent: tuple[Net, Path], tmp_path: Path) -> None:
    net, file = sent
    inner = open_bundle(file, net["city"])
    manifest = {**inner.manifest, "format": "bzdesk-bundle/9"}
    bad = reseal(inner, net["a1"], net["city"], tmp_path / "fmt.bzb", manifest=manifest)
    refused(net, "city", bad, "格式.*不认识")


# -- the inner zip ----------------------------------------------------------------------


@pytest.mark.parametrize("name", ["../evil", "blobs/../../evil", "/etc/cron.d/evil",
                                  "C:\\evil", "..\\evil"])
def test_path_tricks_in_member_names_are_refused(sent: tuple[Net, Path], tmp_path: Path,
                                                 name: str) -> None:
    net, file = sent
    inner = open_bundle(file, net["city"])
    inner.members[name] = b"payload"
    bad = reseal(inner, net["a1"], net["city"], tmp_path / "trick.bzb")
    refused(net, "city", bad, "非法路径")
    assert not (net["city"].root.parent / "evil").exists()


def test_an_extra_member_is_refused(sent: tuple[Net, Path], tmp_path: Path) -> None:
    net, file = sent
    inner = open_bundle(file, net["city"])
    inner.members["readme.txt"] = b"hello"
    refused(net, "city", reseal(inner, net["a1"], net["city"], tmp_path / "x.bzb"), "多余的条目")


def test_a_duplicated_member_is_refused(sent: tuple[Net, Path], tmp_path: Path) -> None:
    net, file = sent
    inner = open_bundle(file, net["city"])
    extra = [(bfmt.CHANGES, b"")]
    with pytest.warns(UserWarning, match="Duplicate name"):
        bad = reseal(inner, net["a1"], net["city"], tmp_path / "dup.bzb", extra=extra)
    refused(net, "city", bad, "重复的条目")


def test_an_oversized_member_is_refused(sent: tuple[Net, Path], tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    net, file = sent
    monkeypatch.setattr(bfmt, "MAX_MEMBER_BYTES", 1024 * 1024)  # the cap, scaled down
    big = os.urandom(2 * 1024 * 1024)
    inner = open_bundle(file, net["city"])
    inner.members[f"blobs/{hashlib.sha256(big).hexdigest()}"] = big
    refused(net, "city", reseal(inner, net["a1"], net["city"], tmp_path / "big.bzb"), "过大")


def test_a_decompression_bomb_is_refused(sent: tuple[Net, Path], tmp_path: Path) -> None:
    net, file = sent
    bomb = bytes(48 * 1024 * 1024)  # 48 MiB of zeros: about 50 KB deflated
    inner = open_bundle(file, net["city"])
    inner.members[f"blobs/{hashlib.sha256(bomb).hexdigest()}"] = bomb
    bad = reseal(inner, net["a1"], net["city"], tmp_path / "bomb.bzb")
    assert bad.stat().st_size < 1024 * 1024
    refused(net, "city", bad, "压缩炸弹")


def test_a_member_larger_than_its_manifest_entry_is_refused(sent: tuple[Net, Path],
                                                            tmp_path: Path) -> None:
    net, file = sent
    inner = open_bundle(file, net["city"])
    manifest = inner.manifest
    manifest["members"] = {n: member_meta(d) for n, d in inner.members.items()
                           if n not in (bfmt.MANIFEST, bfmt.SIGNATURE)}
    manifest["members"][bfmt.CHANGES]["size"] = 10  # the file claims less than it holds
    bad = reseal(inner, net["a1"], net["city"], tmp_path / "liar.bzb", manifest=manifest,
                 fix_members=False)
    refused(net, "city", bad, "比清单所记大")


def test_a_member_listed_but_absent_is_refused(sent: tuple[Net, Path], tmp_path: Path) -> None:
    net, file = sent
    blob = b"%PDF-1.4 scanned approval document"
    inner = open_bundle(file, net["city"])
    name = f"blobs/{hashlib.sha256(blob).hexdigest()}"
    inner.members[name] = blob
    manifest = inner.manifest
    manifest["members"] = {n: member_meta(d) for n, d in inner.members.items()
                           if n not in (bfmt.MANIFEST, bfmt.SIGNATURE)}
    bad = reseal(inner, net["a1"], net["city"], tmp_path / "absent.bzb", manifest=manifest,
                 fix_members=False, omit=(name,))
    refused(net, "city", bad, "内容与清单不符.*缺少 blobs/")


def test_changes_that_do_not_match_the_manifest_hash_are_refused(sent: tuple[Net, Path],
                                                                 tmp_path: Path) -> None:
    net, file = sent
    inner = open_bundle(file, net["city"])
    manifest = inner.manifest  # members as signed: the old hash of changes.jsonl
    entries = inner.changes
    person = next(e for e in entries if e["table"] == "person")
    number = person["fields"]["id_number"]  # same length: only the hash can tell
    person["fields"]["id_number"] = number[:-1] + ("8" if number[-1] != "8" else "7")
    inner.members[bfmt.CHANGES] = changes_bytes(entries)
    assert len(inner.members[bfmt.CHANGES]) == manifest["members"][bfmt.CHANGES]["size"]
    bad = reseal(inner, net["a1"], net["city"], tmp_path / "hash.bzb", manifest=manifest,
                 fix_members=False)
    refused(net, "city", bad, "校验值与清单不符")


def test_an_attachment_row_without_its_file_is_refused(sent: tuple[Net, Path],
                                                       tmp_path: Path) -> None:
    net, file = sent
    inner = open_bundle(file, net["city"])
    entries = inner.changes
    template = entries[-1]
    entries.append({**template, "table": "attachment", "row_id": "a0000000-0000-4000-8000-1",
                    "origin_seq": template["origin_seq"] + 1,
                    "fields": {"office_id": "360121", "sha256": "ab" * 32, "size": 3,
                               "mime": "image/png", "file_name": "照片.png",
                               "owner_table": "person", "owner_id": template["row_id"]}})
    inner.members[bfmt.CHANGES] = changes_bytes(entries)
    bad = reseal(inner, net["a1"], net["city"], tmp_path / "noblob.bzb")
    refused(net, "city", bad, "缺少附件文件")


@pytest.mark.parametrize("damage", [
    lambda e: e.update(hlc="soon"),
    lambda e: e.update(fields=["name"]),
    lambda e: e.pop("row_id"),
    lambda e: e["fields"].update(birth_date="1980-13-45"),
])
def test_malformed_entries_are_refused(sent: tuple[Net, Path], tmp_path: Path,
                                       damage: Callable[[dict[str, object]], object]) -> None:
    net, file = sent
    inner = open_bundle(file, net["city"])
    entries = inner.changes
    person = next(e for e in entries if e["table"] == "person")
    damage(person)
    inner.members[bfmt.CHANGES] = changes_bytes(entries)
    bad = reseal(inner, net["a1"], net["city"], tmp_path / "bad.bzb")
    refused(net, "city", bad, "格式不对")


def test_a_row_referring_to_a_missing_row_is_refused(sent: tuple[Net, Path],
                                                     tmp_path: Path) -> None:
    net, file = sent
    inner = open_bundle(file, net["city"])
    entries = inner.changes
    template = next(e for e in entries if e["table"] == "person")
    entries.append({**template, "table": "posting", "row_id": "p0000000-0000-4000-8000-1",
                    "origin_seq": max(e["origin_seq"] or 0 for e in entries) + 1,
                    "fields": {"office_id": "360121", "person_id": template["row_id"],
                               "unit_id": "no-such-unit", "category_id": CATEGORY_ID,
                               "start_route": "考录", "start_on": "2020-01-01"}})
    inner.members[bfmt.CHANGES] = changes_bytes(entries)
    bad = reseal(inner, net["a1"], net["city"], tmp_path / "dangling.bzb")
    refused(net, "city", bad, "引用了本机没有")


# -- shared tables have one writer ---------------------------------------------------------


def test_a_dictionary_change_by_a_county_refuses_the_whole_bundle(seeded: Net) -> None:
    add_person(seeded["a1"], "360121", "同一包里的新人", 1)
    set_fields(seeded["a1"], StaffingCategory, CATEGORY_ID, name="县里改的名字")
    file = Path(seeded.export("a1", "city").file)
    reason = refused(seeded, "city", file, r"由 360121 修改的共享数据（staffing_category）")
    assert "整个数据包已拒收" in reason


def test_a_county_cannot_take_a_dictionary_over_by_naming_itself(seeded: Net) -> None:
    set_fields(seeded["a1"], StaffingCategory, CATEGORY_ID, office_id="360121", name="归我了")
    file = Path(seeded.export("a1", "city").file)
    refused(seeded, "city", file, "共享数据（staffing_category）")


def test_a_county_cannot_change_its_own_total(seeded: Net) -> None:
    with seeded["a1"].d.read() as s:
        total_id = s.query(CountyTotal.id).scalar()
    set_fields(seeded["a1"], CountyTotal, total_id, total=999)
    file = Path(seeded.export("a1", "city").file)
    refused(seeded, "city", file, "共享数据（county_total）")


@pytest.mark.parametrize("for_office", ["360121", "360122"])
def test_a_total_written_by_a_county_refuses_the_whole_bundle(seeded: Net,
                                                              for_office: str) -> None:
    """编制总额 is written by the office above the county it is set for: a county that
    writes one (its own, or a neighbour's) past the service, which refuses it, has
    its whole bundle refused, the receiving database byte for byte as it was."""
    add_person(seeded["a1"], "360121", "同一包里的新人", 1)
    with op(seeded["a1"], "新增总额") as (s, _):
        s.add(CountyTotal(for_office=for_office, category_id=CATEGORY_ID, total=999,
                          effective_on=date(2025, 1, 1)))
    file = Path(seeded.export("a1", "city").file)
    reason = refused(seeded, "city", file, r"由 360121 修改的共享数据（county_total）")
    assert "整个数据包已拒收" in reason and BundleRejected.exit_code == 5


def test_a_total_set_by_the_city_through_the_service_is_taken(seeded: Net) -> None:
    city, a1 = seeded["city"], seeded["a1"]
    with city.d.write() as s:
        st.set_county_total(s, city.actor, st.CountyTotalInput(
            "360121", CATEGORY_ID, 120, date(2025, 1, 1), "洪编〔2025〕1号"))
    assert seeded.send("city", "a1").applied >= 1
    with a1.d.read() as s:
        totals = st.county_totals(s, a1.actor, date(2025, 1, 1))
    assert [(t.for_office, t.total) for t in totals] == [("360121", 120)]


def test_a_forwarded_non_writer_change_is_refused_at_every_hop(seeded: Net,
                                                              tmp_path: Path) -> None:
    """Crafted: the city forwards (signs) a county-made dictionary change to county B."""
    set_fields(seeded["city"], StaffingCategory, CATEGORY_ID, name="市里改的名字")
    file = Path(seeded.export("city", "b").file)
    inner = open_bundle(file, seeded["b"])
    entries = inner.changes
    change = next(e for e in entries if e["table"] == "staffing_category")
    change["origin"] = seeded["a1"].site_id  # pretend county A wrote it
    inner.members[bfmt.CHANGES] = changes_bytes(entries)
    bad = reseal(inner, seeded["city"], seeded["b"], tmp_path / "fwd.bzb")
    refused(seeded, "b", bad, "由 360121 修改的共享数据")


def test_creating_and_changing_a_shared_row_in_one_bundle_is_accepted(seeded: Net) -> None:
    with op(seeded["city"], "新增编制类型") as (s, _):
        category = StaffingCategory(office_id="360100", code="ZF", name="政法专项编制")
        s.add(category)
        s.flush()
        new_id = category.id
    set_fields(seeded["city"], StaffingCategory, new_id, name="政法专项编制（新）")
    with op(seeded["city"], "新增总额") as (s, _):
        s.add(CountyTotal(office_id="360100", for_office="360121", category_id=new_id,
                          total=5, effective_on=date(2025, 1, 1)))
    result = seeded.send("city", "a1")
    assert result.applied >= 3
    with seeded["a1"].d.read() as s:
        assert s.get(StaffingCategory, new_id).name == "政法专项编制（新）"  # type: ignore[union-attr]
