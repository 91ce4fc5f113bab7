"""Declarative base and the sync-ready row base every domain table uses."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import BigInteger, Boolean, MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_id() -> str:
    return str(uuid.uuid4())


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class SyncRow(Base):
    """A row that travels in bundles.

    ``id`` is born where the row is born; ``office_id`` is the owning office's
    administrative code; ``hlc``/``origin`` stamp the last change; ``deleted``
    is a tombstone (users never hard-delete). Rows are written only through
    bzdesk.uow.WriteOp, which records the change and the audit entry.
    """

    __abstract__ = True

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    office_id: Mapped[str] = mapped_column(String(12), index=True)
    hlc: Mapped[int] = mapped_column(BigInteger, default=0)
    origin: Mapped[str] = mapped_column(String(40), default="")
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)

    # Columns the change log does not carry as fields (they are the envelope).
    ENVELOPE = frozenset({"id", "hlc", "origin"})

    def field_values(self) -> dict[str, Any]:
        """Current values of every carried column, JSON-ready."""
        return {
            c.key: to_json_value(getattr(self, c.key))
            for c in self.__mapper__.column_attrs
            if c.key not in self.ENVELOPE
        }


def to_json_value(value: Any) -> Any:
    """The JSON form of a column value as it goes into the change log."""
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    return value
