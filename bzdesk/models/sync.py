"""Exchange with other offices: trusted peers, bundles made and taken, and
the losing values of merges kept for review. These rows are local to a site."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, DateTime, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from bzdesk.models.base import Base, new_id


class Peer(Base):
    """Another site we trust (from its office card). A peer office with two
    PCs is two peers with the same ``office_code``."""

    __tablename__ = "peer"

    site_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    office_code: Mapped[str] = mapped_column(String(12), index=True)
    office_name: Mapped[str] = mapped_column(String(100))
    level: Mapped[str] = mapped_column(String(10))
    recipient: Mapped[str] = mapped_column(String(100))     # age1…
    verify_key: Mapped[str] = mapped_column(String(100))    # base64 Ed25519
    fingerprint: Mapped[str] = mapped_column(String(40))
    added_at: Mapped[datetime] = mapped_column(DateTime)
    # What the peer told us in its newest bundle: its version vector
    # ({origin site: highest origin_seq it holds}) and the sequence of our
    # newest bundle it has taken. Both only ever grow.
    known_vector: Mapped[str] = mapped_column(Text, default="{}")
    acked_seq: Mapped[int] = mapped_column(Integer, default=0)
    # Our side: the last sequence we sent and the last we took from it.
    sent_seq: Mapped[int] = mapped_column(Integer, default=0)
    taken_seq: Mapped[int] = mapped_column(Integer, default=0)


class BundleRecord(Base):
    """Every bundle made or taken (refusals go to logs/, not here)."""

    __tablename__ = "bundle_record"
    __table_args__ = (Index("ix_bundle_record_peer", "peer_site", "direction", "seq"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    direction: Mapped[str] = mapped_column(String(3))  # out | in
    peer_site: Mapped[str] = mapped_column(String(40))
    seq: Mapped[int] = mapped_column(Integer)
    file_name: Mapped[str] = mapped_column(String(200))
    manifest_hash: Mapped[str] = mapped_column(String(64))
    prev_hash: Mapped[str] = mapped_column(String(64), default="")
    # For an outgoing bundle: the newest local change_log.seq it carried, so
    # the next bundle starts after what the peer has acknowledged.
    max_local_seq: Mapped[int] = mapped_column(Integer, default=0)
    changes: Mapped[int] = mapped_column(Integer, default=0)
    blobs: Mapped[int] = mapped_column(Integer, default=0)
    bytes: Mapped[int] = mapped_column(Integer, default=0)
    result: Mapped[str] = mapped_column(String(20))  # written | applied | already_known
    at: Mapped[datetime] = mapped_column(DateTime)
    detail: Mapped[str] = mapped_column(Text, default="{}")


class Conflict(Base):
    """A field value that lost a merge (last writer wins), kept for review."""

    __tablename__ = "merge_conflict"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(36), index=True)
    field: Mapped[str] = mapped_column(String(40))
    losing_value: Mapped[str] = mapped_column(Text)   # JSON
    losing_hlc: Mapped[int] = mapped_column(BigInteger)
    losing_origin: Mapped[str] = mapped_column(String(40))
    winning_value: Mapped[str] = mapped_column(Text)  # JSON
    winning_hlc: Mapped[int] = mapped_column(BigInteger)
    winning_origin: Mapped[str] = mapped_column(String(40))
    bundle_id: Mapped[str] = mapped_column(String(36))
    status: Mapped[str] = mapped_column(String(10), default="open")  # open | kept | taken | edited
    resolved_by: Mapped[str | None] = mapped_column(String(40), default=None)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
