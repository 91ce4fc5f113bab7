"""What the sync layer needs to know about each syncable table: its model,
how to turn change-log JSON back into column values, and its scope rules.

A model may declare:
- ``__scope_column__``: the column naming the office whose scope the row is
  in (default ``office_id``; 编制总额 uses ``for_office``);
- ``__shared__ = True``: a dictionary-like table written only by the office
  that owns the row and carried down to the offices below it; a shared row set
  for another office (its scope column is not ``office_id``) is written only by
  the office directly above that one (see bzdesk.sync.merge_rows.writers).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Integer, String

from bzdesk.models import SyncRow
from bzdesk.models.base import to_json_value

ENVELOPE = SyncRow.ENVELOPE  # id, hlc, origin: set by the merge, never by a change's fields


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
    not_null: frozenset[str] = frozenset()
    plain: dict[str, bool] = field(default_factory=dict)  # column needs no conversion

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
        typed = self.typed
        for key, value in fields.items():
            if key not in typed:
                continue  # a column this version does not have (or the envelope): ignore it
            if value is None:
                if key in self.not_null:
                    # A row built with the ORM logs an unset column as None; the origin
                    # stored the column default (NULL is impossible there), so do we.
                    default = self.defaults.get(key)
                    out[key] = default() if callable(default) else default
                else:
                    out[key] = None
                continue
            convert = typed[key]
            out[key] = value if convert is None else convert(value)
        return out

    def from_clerk(self, key: str, value: Any) -> Any:
        """A value a clerk typed (text) or gave (in its logged JSON form) for column
        ``key``, as the column holds it: brought to the form the change log holds, then
        decoded as the merge decodes incoming values. ValueError when it does not fit."""
        return self.decode({key: _logged_form(self.model.__table__.c[key], value)})[key]

    def expected(self, key: str) -> str:
        """What column ``key`` holds, in words a clerk reads (for a refused value)."""
        return _expected(self.model.__table__.c[key])

    def insert_row(self, fields: dict[str, Any], *, logged: bool) -> list[Any]:
        """Values for every column in ``columns`` order from ``fields`` (as logged when
        ``logged``, else already decoded); a missing or None NOT NULL column gets its
        default. Callers set id, hlc and origin."""
        return self._builders[0 if logged else 1](fields.get)

    @functools.cached_property
    def _builders(self) -> tuple[Callable[[Any], list[Any]], Callable[[Any], list[Any]]]:
        """``insert_row`` for this table, as logged and as decoded: one list display
        per table, written out once (a full bundle builds a row per entry, and a loop
        over the columns cost several times more)."""
        return self._builder(self.conversions), self._builder([])

    def _builder(self, conversions: list[tuple[int, Callable[[Any], Any]]]
                 ) -> Callable[[Any], list[Any]]:
        convert = dict(conversions)
        default = dict(self.none_defaults)
        names: dict[str, Any] = {}
        parts = []
        for i, k in enumerate(self.columns):
            got = f"get({k!r})"
            if i not in convert and i not in default:
                parts.append(got)
                continue
            names[f"c{i}"] = convert.get(i)
            names[f"d{i}"] = default.get(i)
            value = f"c{i}(v)" if i in convert else "v"
            # a converted value is never None: the defaults stay apart
            none = "None" if i not in default else (
                f"d{i}()" if callable(default[i]) else f"d{i}")
            parts.append(f"({none} if (v := {got}) is None else {value})")
        source = f"def build(get):\n    return [{', '.join(parts)}]\n"
        exec(compile(source, f"<insert_row {self.name}>", "exec"), names)
        built: Callable[[Any], list[Any]] = names["build"]
        return built

    @functools.cached_property
    def conversions(self) -> list[tuple[int, Callable[[Any], Any]]]:
        return [(i, convert) for i, convert, _, _ in self.fixups if convert is not None]

    @functools.cached_property
    def none_defaults(self) -> list[tuple[int, Any]]:
        """(index, default) of the NOT NULL columns with a default (None given for one
        without a default stays None: nothing to do)."""
        return [(i, default) for i, _, not_null, default in self.fixups
                if not_null and default is not None]

    @functools.cached_property
    def fixups(self) -> list[tuple[int, Callable[[Any], Any] | None, bool, Any]]:
        """The columns an inserted value may need work on: a default for None, or a
        conversion of the logged JSON value to what SQLite stores."""
        out = []
        for i, k in enumerate(self.columns):
            if k in ENVELOPE:
                continue
            column = self.model.__table__.c[k]
            convert = _storage(column)
            if k in self.not_null or convert is not None:
                out.append((i, convert, k in self.not_null, self.defaults.get(k)))
        return out

    @functools.cached_property
    def index(self) -> dict[str, int]:
        return {k: i for i, k in enumerate(self.columns)}

    @functools.cached_property
    def typed(self) -> dict[str, Callable[[Any], Any] | None]:
        """{column a change may carry: its converter, or None when JSON's value is it}."""
        return {k: (None if self.plain[k] else c) for k, c in self.converters.items()
                if k not in ENVELOPE}


_YES = {"是", "true", "1"}
_NO = {"否", "false", "0"}


def _logged_form(column: Any, value: Any) -> Any:
    """A clerk's value for ``column`` in the JSON form the change log holds (see
    models.base.to_json_value), checked against the column's type; ValueError if not."""
    kind = column.type
    text = value.strip() if isinstance(value, str) else None
    if value is None or (text == "" and not isinstance(kind, String)):
        if column.nullable:
            return None
        raise ValueError(f"{column.key} may not be empty")
    if isinstance(kind, Boolean):
        if isinstance(value, bool):
            return value
        if text is not None and text.lower() in _YES | _NO:
            return text.lower() in _YES
    elif isinstance(kind, Integer):
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        if text is not None and re.fullmatch(r"[+-]?\d+", text):
            return int(text)  # full-width digits too, as a clerk may type them
    elif isinstance(kind, Date | DateTime):
        if isinstance(value, date):
            return to_json_value(value)
        if text is not None:
            return text  # checked by the decoding (an ISO date or date and time)
    elif isinstance(kind, String):
        if isinstance(value, str) and (kind.length is None or len(value) <= kind.length):
            return value
    else:
        return value
    raise ValueError(f"{value!r} does not fit {column.key} ({kind})")


def _expected(column: Any) -> str:
    kind = column.type
    if isinstance(kind, Boolean):
        return "“是”或“否”"
    if isinstance(kind, Integer):
        return "整数"
    if isinstance(kind, DateTime):
        return "日期时间（如 2024-01-31 09:30）"
    if isinstance(kind, Date):
        return "日期（如 2024-01-31）"
    if isinstance(kind, String) and kind.length is not None:
        return f"不超过 {kind.length} 个字的文字"
    return "文字"


def _date_text(value: Any) -> Any:
    """A logged date as SQLite stores it (ISO text), checked."""
    if isinstance(value, str) and len(value) == 10:
        date.fromisoformat(value)  # raises on a bad date
        return value
    return date.fromisoformat(value) if isinstance(value, str) else value


def _storage(column: Any) -> Callable[[Any], Any] | None:
    """From a logged JSON value to the value handed to sqlite3 (None: as it is)."""
    if isinstance(column.type, DateTime):
        return _converter(column)
    if isinstance(column.type, Date):
        return _date_text
    if isinstance(column.type, Boolean):
        return lambda v: v if isinstance(v, bool) else bool(v)
    return None


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
            not_null=frozenset(k for k, c in cols.items() if not c.nullable),
            plain={k: not isinstance(c.type, DateTime | Date | Boolean) for k, c in cols.items()},
        )
    return tables


def info(table: str) -> TableInfo | None:
    return registry().get(table)
