"""Making and taking bundles (DESIGN.md "Sync by bundle").

Export: choose the entries (bzdesk.sync.outbox), write the signed, encrypted
file as ``.part``, fsync, rename, read it back and verify it, then record it.
Import: decrypt to a temp file, verify, check recipient, schema and sequence,
back up, then apply everything in ONE transaction. A refusal changes nothing
in the database; it is logged under logs/ and raised as BundleRejected.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyrage
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError as DBIntegrityError

from bzdesk import audit
from bzdesk.backup import backup_database, recent_backup_exists
from bzdesk.db import SCHEMA_MAJOR, Database, schema_head
from bzdesk.errors import BundleRejected
from bzdesk.models import LocalSite
from bzdesk.models.sync import BundleRecord, Peer
from bzdesk.roles import Actor, Can, require
from bzdesk.services.attachments import blob_path
from bzdesk.services.exchange.cards import find_peer
from bzdesk.services.office import current_office
from bzdesk.services.staffing.catalog import seed_dictionaries
from bzdesk.sync import bulk, bundle, outbox, scope
from bzdesk.sync.keys import UnlockedKeys
from bzdesk.sync.merge import Merger
from bzdesk.sync.outbox import PeerView, version_vector
from bzdesk.sync.tables import TableInfo
from bzdesk.uow import replaying

log = logging.getLogger(__name__)
Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class ExportResult:
    ok: bool
    file: str
    recipient: str
    sequence: int
    changes: int
    blobs: int
    bytes: int


@dataclass(frozen=True)
class ImportResult:
    ok: bool
    sender: str
    sequence: int
    applied: int
    already_known: bool
    conflicts: int
    findings: list[str]
    reason: str


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S")


def export_bundle(db: Database, actor: Actor, unlocked: UnlockedKeys, to: str, out_dir: Path,
                  progress: Progress | None = None) -> ExportResult:
    require(actor, Can.EXCHANGE)
    out_dir.mkdir(parents=True, exist_ok=True)
    with db.write() as s:
        me = current_office(s)
        peer = find_peer(s, to)
        acked = s.scalar(select(BundleRecord.max_local_seq).where(
            BundleRecord.direction == "out", BundleRecord.peer_site == peer.site_id,
            BundleRecord.seq == peer.acked_seq)) or 0
        view = PeerView(peer.site_id, peer.office_code, json.loads(peer.known_vector), acked)
        if progress:
            progress(0, 3, "挑选要发送的变更")
        plan = outbox.plan_entries(s, view)
        seq = peer.sent_seq + 1
        prev = s.scalar(select(BundleRecord.manifest_hash).where(
            BundleRecord.direction == "out", BundleRecord.peer_site == peer.site_id,
            BundleRecord.seq == peer.sent_seq)) or ""
        manifest = {
            "schema": {"major": SCHEMA_MAJOR, "revision": schema_head()},
            "sender": {"office": me.code, "site": me.site_id, "level": me.level},
            "recipient": {"office": peer.office_code, "site": peer.site_id},
            "sequence": seq, "prev_hash": prev, "created_at": _stamp(),
            "version_vector": version_vector(s),
            "ack": {"taken_seq": peer.taken_seq},
        }
        stamp = _stamp()
        target = out_dir / bundle.bundle_file_name(me.code, peer.office_code, stamp, seq)
        if target.exists():
            # Another site of this office wrote a bundle of the same sequence to the same
            # office in the same second: never overwrite it, name ours by our site.
            target = out_dir / bundle.bundle_file_name(me.site_id, peer.office_code, stamp, seq)
        if progress:
            progress(1, 3, f"写入 {plan.count} 条变更")
        recipients = [pyrage.x25519.Recipient.from_str(peer.recipient),
                      unlocked.identity.to_public()]
        manifest_hash, count, size = bundle.write_bundle(
            target, manifest, outbox.lines(s, plan), _blob_files(db, plan), unlocked.signing,
            recipients, db.paths.root / "tmp")
        blobs = len(plan.attachments)
        if progress:
            progress(2, 3, "读回校验")
        _read_back(db, unlocked, target, me.site_id)
        s.add(BundleRecord(direction="out", peer_site=peer.site_id, seq=seq,
                           file_name=target.name, manifest_hash=manifest_hash, prev_hash=prev,
                           max_local_seq=plan.max_seq, changes=count, blobs=blobs, bytes=size,
                           result="written", at=datetime.now(), detail="{}"))
        peer.sent_seq = seq
        audit.append(s, actor=actor.username, op="导出数据包", target=target.name,
                     detail={"peer": peer.site_id, "seq": seq, "changes": count})
    if progress:
        progress(3, 3, "完成")
    return ExportResult(True, str(target.resolve()), peer.office_code, seq, count, blobs, size)


def _blob_files(db: Database, plan: outbox.Outgoing) -> Iterator[tuple[str, Path]]:
    """The files the sent attachment rows need (each once); read after the lines."""
    for sha in sorted(plan.attachments):
        path = blob_path(db.paths, sha)
        if not path.exists():
            raise BundleRejected(
                f"本机缺少附件文件 {sha[:12]}…，无法导出。请先从备份恢复附件目录。")
        yield sha, path


def _store_blobs(db: Database, opened: bundle.Opened, shas: set[str]) -> None:
    """Every attachment row must come with its file (or we have it already). Runs
    inside the import's transaction: a refusal rolls the rows back, and a file stored
    for a bundle refused later is harmless (files are named by their content)."""
    carried = set(opened.blob_names())
    for sha in sorted(shas):
        target = blob_path(db.paths, sha)
        if target.exists():
            continue
        if sha not in carried:
            raise BundleRejected(f"数据包缺少附件文件 {sha[:12]}…，已拒收。请让对方重新导出。")
        target.parent.mkdir(parents=True, exist_ok=True)
        part = target.with_name(target.name + ".part")
        part.write_bytes(opened.blob(sha))
        part.replace(target)


def _read_back(db: Database, unlocked: UnlockedKeys, target: Path, my_site: str) -> None:
    """USB sticks lie: decrypt what was written and check every member."""
    try:
        zip_path = bundle.decrypt_to_temp(target, [unlocked.identity], db.paths.root / "tmp")
        bundle.open_verified(zip_path, {my_site: unlocked.public.verify_key}).discard()
    except BundleRejected as exc:
        target.unlink(missing_ok=True)
        raise BundleRejected(f"数据包写入后读回校验失败（{exc.message}）。请换一个U盘再导出。") \
            from exc


def _refuse(db: Database, file: Path, reason: str) -> BundleRejected:
    log.warning("bundle %s refused: %s", file.name, reason)
    return BundleRejected(reason)


def import_bundle(db: Database, actor: Actor, unlocked: UnlockedKeys, file: Path,
                  progress: Progress | None = None) -> ImportResult:
    require(actor, Can.EXCHANGE)
    if not file.is_file():
        raise _refuse(db, file, f"找不到数据包文件 {file}。")
    with db.read() as s:
        me = current_office(s)
        trusted = {p.site_id: p.verify_key for p in s.scalars(select(Peer))}
    if progress:
        progress(0, 3, "解密和校验")
    try:
        zip_path = bundle.decrypt_to_temp(file, [unlocked.identity], db.paths.root / "tmp")
        opened = bundle.open_verified(zip_path, trusted)
    except BundleRejected as exc:
        raise _refuse(db, file, exc.message) from exc
    try:
        return _take(db, actor, opened, file, me.code, me.site_id, progress)
    except BundleRejected as exc:
        raise _refuse(db, file, exc.message) from exc
    finally:
        opened.discard()


def _check_manifest(m: dict[str, Any], my_code: str, my_site: str) -> tuple[str, int]:
    try:
        sender = str(m["sender"]["site"])
        seq = int(m["sequence"])
        recipient = dict(m["recipient"])
        major = int(m["schema"]["major"])
        str(m["sender"]["office"])
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise BundleRejected("数据包清单缺少必要信息，已拒收。") from exc
    if recipient.get("office") != my_code or recipient.get("site") != my_site:
        raise BundleRejected(
            f"这个数据包是发给 {recipient.get('office')}（{recipient.get('site')}）的，"
            f"不是发给本机（{my_code}）的，已拒收。")
    if major > SCHEMA_MAJOR:
        raise BundleRejected("数据包来自更新版本的编制桌面，请升级编制桌面后再导入。")
    if str(m["sender"].get("office")) != scope.site_office(sender):
        raise BundleRejected("数据包的发送单位与站点不符，已拒收。")
    return sender, seq


def _writer_check(t: TableInfo, e: dict[str, Any], owners: set[str]) -> None:
    """Shared tables have one writer: the office that owns the row (as we hold it and
    as the entry says: a non-writer cannot take a row over by naming itself), which
    for a row set for another office (编制总额) must be the office directly above it."""
    if not t.shared:
        return
    origin_office = scope.site_office(e["origin"])
    if owners != {origin_office}:
        raise BundleRejected(
            f"数据包中有由 {origin_office} 修改的共享数据（{t.name}），"
            "只有上级单位可以修改，整个数据包已拒收。")


def _already_taken(s: Any, sender: str, seq: int, manifest_hash: str) -> bool:
    """Has a bundle of this sequence (or a later one) from ``sender`` been taken? Two
    different bundles of one sender and sequence are the equivocation alarm."""
    peer = s.get(Peer, sender)
    same_seq = s.scalar(select(BundleRecord.manifest_hash).where(
        BundleRecord.direction == "in", BundleRecord.peer_site == sender,
        BundleRecord.seq == seq, BundleRecord.result == "applied"))
    if same_seq is not None and same_seq != manifest_hash:
        raise BundleRejected(
            f"警报：收到 {sender} 第 {seq} 号数据包的两个不同版本（可能被伪造或重复导出），"
            "已拒收，请与对方核实。")
    return seq <= (peer.taken_seq if peer else 0)


def _take(db: Database, actor: Actor, opened: bundle.Opened, file: Path, my_code: str,
          my_site: str, progress: Progress | None) -> ImportResult:
    m = opened.manifest
    sender, seq = _check_manifest(m, my_code, my_site)
    known = ImportResult(True, sender, seq, 0, True, 0, [], "已导入过（重复或较旧的数据包）")
    # A first look spares a known bundle the backup; the answer that counts is read again
    # under the write lock below, where no other import can take the bundle meanwhile.
    with db.read() as s:
        seen = _already_taken(s, sender, seq, opened.manifest_hash)
    if not seen and not recent_backup_exists(db.paths):
        backup_database(db.paths, reason="before-bundle")
    if progress and not seen:
        progress(1, 3, "合并数据")
    try:
        with db.write() as s, replaying(s):
            if db.site is None:
                raise BundleRejected("本机尚未初始化。")
            if _already_taken(s, sender, seq, opened.manifest_hash):
                _record(s, sender, seq, file, opened, "already_known", 0, {})
                return known
            record = _record(s, sender, seq, file, opened, "applied", 0, {})
            # The built-in dictionary rows (NATIONAL) never travel: every site makes them
            # itself, and the bundle's rows may refer to them.
            seed_dictionaries(s)
            merger = Merger(s, db.site, my_code, {k: int(v) for k, v in
                                                   m.get("version_vector", {}).items()},
                            record.id, version_vector(s), _writer_check,
                            bulk=_changes_size(m) >= bulk.BULK_BYTES)
            result = merger.apply(opened.changes())
            _store_blobs(db, opened, merger.attachments)
            record.changes = result.applied
            findings = []
            if result.far_future:
                findings.append(
                    f"{result.far_future} 条变更的时间戳远超本机时钟（对方电脑时钟可能设错）")
            if result.kept_out_of_scope:
                findings.append(
                    f"{result.kept_out_of_scope} 条已转出本单位的记录仍被本单位的其他记录引用"
                    "（如任职记录），暂时保留了副本")
            record.detail = json.dumps({"findings": findings, "conflicts": result.conflicts,
                                        "purged": result.purged}, ensure_ascii=False)
            _update_peer(s, sender, seq, m)
            # The clock has seen the bundle's stamps: keep that across restarts, so a
            # later local edit is stamped after what it overwrites.
            site_row = s.get(LocalSite, db.site.site_id)
            if site_row is not None:
                site_row.hlc_last = max(site_row.hlc_last, db.site.clock.last)
            audit.append(s, actor=actor.username, op="导入数据包", target=file.name[:200],
                         detail={"sender": sender, "seq": seq, "applied": result.applied,
                                 "conflicts": result.conflicts})
    except DBIntegrityError as exc:  # a deferred foreign key, checked at commit
        raise BundleRejected(
            "数据包中有记录引用了本机没有、数据包也没有带来的记录（数据不完整），已拒收。"
            "请让对方重新导出。") from exc
    if progress:
        progress(3, 3, "完成")
    return ImportResult(True, sender, seq, result.applied, False, result.conflicts, findings,
                        "")


def _changes_size(m: dict[str, Any]) -> int:
    """The size of changes.jsonl as the (verified) manifest lists it."""
    return int(m["members"][bundle.CHANGES]["size"])


def _record(s: Any, sender: str, seq: int, file: Path, opened: bundle.Opened, result: str,
            changes: int, detail: dict[str, Any]) -> BundleRecord:
    rec = BundleRecord(direction="in", peer_site=sender, seq=seq, file_name=file.name[:200],
                       manifest_hash=opened.manifest_hash,
                       prev_hash=str(opened.manifest.get("prev_hash", ""))[:64],
                       changes=changes, blobs=len(opened.blob_names()),
                       bytes=file.stat().st_size, result=result, at=datetime.now(),
                       detail=json.dumps(detail, ensure_ascii=False))
    s.add(rec)
    s.flush()
    return rec


def _update_peer(s: Any, sender: str, seq: int, m: dict[str, Any]) -> None:
    peer = s.get(Peer, sender)
    peer.taken_seq = max(peer.taken_seq, seq)
    known = json.loads(peer.known_vector)
    for site, value in (m.get("version_vector") or {}).items():
        known[site] = max(int(value), int(known.get(site, 0)))
    peer.known_vector = json.dumps(known, sort_keys=True)
    ack = int((m.get("ack") or {}).get("taken_seq", 0))
    peer.acked_seq = max(peer.acked_seq, min(ack, peer.sent_seq))
