"""What the 数据交换 page shows: each peer with what waits for it, and the
history of bundles made and taken."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from bzdesk.models import Change
from bzdesk.models.sync import BundleRecord, Peer
from bzdesk.roles import Actor, Can, require
from bzdesk.services.exchange.cards import PeerView, list_peers
from bzdesk.sync import scope
from bzdesk.sync.tables import registry


@dataclass(frozen=True)
class PeerStatus:
    peer: PeerView
    pending: int                    # our changes within its scope it has not acknowledged
    last_sent: datetime | None
    last_received: datetime | None


@dataclass(frozen=True)
class BundleView:
    direction: str  # out | in
    peer_site: str
    seq: int
    file_name: str
    changes: int
    bytes: int
    result: str     # written | applied | already_known
    at: datetime
    findings: tuple[str, ...]

    @property
    def result_label(self) -> str:
        return {"written": "已导出", "applied": "已导入",
                "already_known": "已导入过（无新内容）"}.get(self.result, self.result)


def _pending(session: Session, peer: Peer) -> int:
    acked = session.scalar(select(BundleRecord.max_local_seq).where(
        BundleRecord.direction == "out", BundleRecord.peer_site == peer.site_id,
        BundleRecord.seq == peer.acked_seq)) or 0
    shared = [n for n, t in registry().items() if t.shared]
    above = [*scope.ancestors(peer.office_code), peer.office_code]
    known = json.loads(peer.known_vector)
    rows = session.execute(
        select(Change.origin, func.count(), func.max(Change.origin_seq)).where(
            Change.seq > acked,
            or_(Change.office_id.like(scope.prefix(peer.office_code) + "%"),
                Change.table_name.in_(shared) & Change.office_id.in_(above)),
        ).group_by(Change.origin))
    # Entries the peer already holds (by its version vector) will not be sent.
    return sum(int(n) for origin, n, top in rows if (top or 0) > known.get(origin, 0))


def exchange_overview(session: Session, actor: Actor) -> list[PeerStatus]:
    require(actor, Can.READ)
    peers = {p.site_id: p for p in session.scalars(select(Peer))}
    last: dict[tuple[str, str], datetime] = {}
    for site, direction, at in session.execute(
        select(BundleRecord.peer_site, BundleRecord.direction, func.max(BundleRecord.at))
        .group_by(BundleRecord.peer_site, BundleRecord.direction)
    ):
        last[(site, direction)] = at
    return [PeerStatus(v, _pending(session, peers[v.site_id]), last.get((v.site_id, "out")),
                       last.get((v.site_id, "in")))
            for v in list_peers(session, actor)]


def bundle_history(session: Session, actor: Actor, limit: int = 200) -> list[BundleView]:
    require(actor, Can.READ)
    rows = session.scalars(select(BundleRecord).order_by(BundleRecord.at.desc()).limit(limit))
    return [BundleView(r.direction, r.peer_site, r.seq, r.file_name, r.changes, r.bytes,
                       r.result, r.at, tuple(json.loads(r.detail or "{}").get("findings", [])))
            for r in rows]
