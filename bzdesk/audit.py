"""The hash-chained audit log: append and verify.

Each entry's hash is SHA-256 over its canonical JSON including the previous
entry's hash, so editing, deleting or reordering any entry breaks the chain
from that point; ``verify`` names the first bad entry.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bzdesk.models import AuditEntry, new_id

GENESIS = "0" * 64
EMPTY_DIGEST = hashlib.sha256(b"").hexdigest()


def canonical_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def digest(value: Any) -> str:
    return hashlib.sha256(canonical_json(value).encode()).hexdigest()


def _entry_hash(e: AuditEntry) -> str:
    return digest(
        {
            "seq": e.seq, "id": e.id, "at": e.at, "actor": e.actor, "op": e.op,
            "target": e.target, "detail": e.detail, "before": e.before_digest,
            "after": e.after_digest, "prev": e.prev_hash,
        }
    )


def append(
    session: Session,
    *,
    actor: str,
    op: str,
    target: str,
    detail: Any,
    before_digest: str = EMPTY_DIGEST,
    after_digest: str = EMPTY_DIGEST,
) -> AuditEntry:
    """Add the next entry of the chain (inside the caller's write transaction)."""
    last = session.execute(
        select(AuditEntry.seq, AuditEntry.hash).order_by(AuditEntry.seq.desc()).limit(1)
    ).first()
    seq, prev = (last[0] + 1, last[1]) if last else (1, GENESIS)
    entry = AuditEntry(
        seq=seq, id=new_id(), at=datetime.now(UTC).isoformat(timespec="milliseconds"),
        actor=actor, op=op, target=target[:200], detail=canonical_json(detail),
        before_digest=before_digest, after_digest=after_digest, prev_hash=prev,
    )
    entry.hash = _entry_hash(entry)
    session.add(entry)
    session.info.setdefault("bz_audited", set()).add(id(entry))
    return entry


@dataclass(frozen=True)
class BadEntry:
    seq: int
    id: str
    reason: str


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    entries: int
    first_bad: BadEntry | None


def verify(session: Session) -> VerifyResult:
    prev = GENESIS
    expected_seq = 1
    count = 0
    for e in session.scalars(select(AuditEntry).order_by(AuditEntry.seq)).yield_per(2000):
        count += 1
        reason = None
        if e.seq != expected_seq:
            reason = f"序号不连续：应为 {expected_seq}，实为 {e.seq}（有记录被删除）"
        elif e.prev_hash != prev:
            reason = "与上一条记录的链接不符（上一条被改动或删除）"
        elif _entry_hash(e) != e.hash:
            reason = "记录内容被改动（哈希不符）"
        if reason:
            return VerifyResult(False, count, BadEntry(e.seq, e.id, reason))
        prev = e.hash
        expected_seq += 1
    return VerifyResult(True, count, None)
