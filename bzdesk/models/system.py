"""System tables: this site, offices, users, the change log, audit, settings."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Boolean, DateTime, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from bzdesk.changes import Area
from bzdesk.models.base import Base, SyncRow, new_id


class LocalSite(Base):
    """The one row describing this installation (a site of one office)."""

    __tablename__ = "local_site"

    site_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    office_id: Mapped[str] = mapped_column(String(12))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    hlc_last: Mapped[int] = mapped_column(BigInteger, default=0)
    change_seq: Mapped[int] = mapped_column(Integer, default=0)


class Office(SyncRow):
    """An 机构编制 office. Its ``id`` is its GB/T 2260 code (360121)."""

    __tablename__ = "office"
    __area__ = Area.OFFICE

    name: Mapped[str] = mapped_column(String(100))
    level: Mapped[str] = mapped_column(String(10))  # county | city | province
    parent_code: Mapped[str | None] = mapped_column(String(12), default=None)


class User(Base):
    """A person who logs in on this site. Users are local: they never sync."""

    __tablename__ = "app_user"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    username: Mapped[str] = mapped_column(String(40), unique=True)
    display_name: Mapped[str] = mapped_column(String(40))
    role: Mapped[str] = mapped_column(String(10))
    password_hash: Mapped[str] = mapped_column(String(200))
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    last_login: Mapped[datetime | None] = mapped_column(DateTime, default=None)


class Change(Base):
    """The outbox: one row's changed fields at one HLC stamp.

    Written by bzdesk.uow in the same transaction as the change itself; a
    change replayed from a bundle keeps its origin and origin_seq.
    """

    __tablename__ = "change_log"
    __table_args__ = (UniqueConstraint("origin", "origin_seq"),)

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    origin: Mapped[str] = mapped_column(String(40))
    origin_seq: Mapped[int] = mapped_column(Integer)
    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(36), index=True)
    office_id: Mapped[str] = mapped_column(String(12), index=True)
    hlc: Mapped[int] = mapped_column(BigInteger)
    fields: Mapped[str] = mapped_column(Text)  # canonical JSON {column: value}
    # Set when the change moved the row to another office (a transfer): the
    # office it left also needs to hear of it, though the row is no longer its.
    moved_from: Mapped[str | None] = mapped_column(String(12), default=None)


class AuditEntry(Base):
    """Hash-chained audit log: each entry's hash covers the previous hash."""

    __tablename__ = "audit_entry"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    id: Mapped[str] = mapped_column(String(36), unique=True, default=new_id)
    at: Mapped[str] = mapped_column(String(32))  # UTC ISO time
    actor: Mapped[str] = mapped_column(String(40))
    op: Mapped[str] = mapped_column(String(40))  # the Chinese operation name
    target: Mapped[str] = mapped_column(String(200))
    detail: Mapped[str] = mapped_column(Text)
    before_digest: Mapped[str] = mapped_column(String(64))
    after_digest: Mapped[str] = mapped_column(String(64))
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class Setting(Base):
    """Local settings as JSON values (language, thresholds, …)."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
