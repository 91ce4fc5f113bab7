"""What the sync layer needs to know about each syncable table: its model,
how to turn change-log JSON back into column values, and its scope rules.

A model may declare:
- ``__scope_column__``: the column naming the office whose scope the row is
  in (default ``office_id``; 编制总额 uses ``for_office``);
- ``__shared__ = True``: a dictionary-like table written only by the office
  that owns the row and carried down to the offices below it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Boolean, Date, DateTime

from bzdesk.models import SyncRow


@dataclass(frozen=True)
class TableInfo:
    name: str
    model: type[SyncRow]
    columns: tuple[str, ...]
    required: frozenset[str]
    converters: dict[str, Callable[[Any], Any]]
    scope_column: str
    shared: bool
    defaults: dict[str, Any]

    def complete(self, values: dict[str, Any]) -> dict[str, Any]:
        """Fill the columns an entry did not carry with their defaults (or None),
        so rows of one table can go into one executemany."""
        out = dict(values)
        for key in self.columns:
            if key not in out:
                default = self.defaults.get(key)
                out[key] = default() if callable(default) else default
        return out

    def decode(self, fields: dict[str, Any]) -> dict[str, Any]:
        out = {}
        for key, value in fields.items():
            if key not in self.converters:
                continue  # a column this version does not have: ignore it
            out[key] = None if value is None else self.converters[key](value)
        return out


def _converter(column: Any) -> Callable[[Any], Any]:
    if isinstance(column.type, DateTime):
        return lambda v: datetime.fromisoformat(v) if isinstance(v, str) else v
    if isinstance(column.type, Date):
        return lambda v: date.fromisoformat(v) if isinstance(v, str) else v
    if isinstance(column.type, Boolean):
        return bool
    return lambda v: v


def _default(column: Any) -> Any:
    default = column.default
    if default is None:
        return None
    if default.is_scalar:
        return default.arg
    if default.is_callable:
        fn = default.arg
        return lambda: fn(None)
    return None


@functools.cache
def registry() -> dict[str, TableInfo]:
    import bzdesk.models  # noqa: F401  (every table registered)

    tables = {}
    for mapper in SyncRow.registry.mappers:
        model = mapper.class_
        if not issubclass(model, SyncRow) or mapper.local_table is None:
            continue
        cols = {c.key: c for c in mapper.columns}
        required = frozenset(
            k for k, c in cols.items()
            if not c.nullable and c.default is None and c.server_default is None
            and k not in SyncRow.ENVELOPE
        )
        tables[model.__tablename__] = TableInfo(
            name=model.__tablename__, model=model, columns=tuple(cols),
            required=required, converters={k: _converter(c) for k, c in cols.items()},
            defaults={k: _default(c) for k, c in cols.items()},
            scope_column=getattr(model, "__scope_column__", "office_id"),
            shared=bool(getattr(model, "__shared__", False)),
        )
    return tables


def info(table: str) -> TableInfo | None:
    return registry().get(table)
