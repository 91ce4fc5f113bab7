"""Attachments (photos, scanned forms, PDFs) referenced by any record.

The file itself lives content-addressed in ``attachments/<sha256[:2]>/<sha256>``
of the data dir and travels in bundles as ``blobs/<sha256>``; the row carries
what it is and which record it belongs to.
"""

from __future__ import annotations

from sqlalchemy import Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from bzdesk.changes import Area
from bzdesk.models.base import SyncRow


class Attachment(SyncRow):
    __tablename__ = "attachment"
    __area__ = Area.ATTACHMENTS
    __table_args__ = (Index("ix_attachment_owner", "owner_table", "owner_id"),)

    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int] = mapped_column(Integer)
    mime: Mapped[str] = mapped_column(String(40))
    file_name: Mapped[str] = mapped_column(String(200))
    caption: Mapped[str] = mapped_column(String(200), default="")
    owner_table: Mapped[str] = mapped_column(String(40))
    owner_id: Mapped[str] = mapped_column(String(36))
