"""表头词典: the header spellings this office added to the built-in dictionary.

A county's sheets have their own words ("编制身份", "人员编制类别"…); when the clerk maps
such a column by hand, the import wizard can keep the spelling so that the next sheet is
recognised by itself (the CLI reads the same words); roster and unit-list words are kept
apart. They are a local ``Setting`` row: they describe this office's files, so they
never sync. A kept spelling wins over the built-in meaning of the same words
(``Synonyms.extended``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Final

from sqlalchemy.orm import Session

from bzdesk import audit
from bzdesk.changes import Area, Outcome
from bzdesk.errors import ValidationError
from bzdesk.excel import Synonyms, normalise_header
from bzdesk.models import Setting
from bzdesk.roles import Actor, Can, require
from bzdesk.services.excel_io.fields import KIND_LABELS, ImportKind

SETTING_KEY: Final = "excel.header_words"
MAX_LENGTH: Final = 50
KINDS: Final = frozenset(KIND_LABELS)

Words = dict[str, tuple[str, ...]]


def _stored(session: Session) -> dict[str, Words]:
    """Sheet kind → field key → the spellings kept (empty when none or unreadable)."""
    row = session.get(Setting, SETTING_KEY)
    if row is None:
        return {}
    try:
        data = json.loads(row.value)
    except ValueError:
        return {}
    if not isinstance(data, dict):
        return {}
    return {kind: {key: tuple(s for s in spellings if isinstance(s, str))
                   for key, spellings in fields.items()
                   if isinstance(key, str) and isinstance(spellings, list)}
            for kind, fields in data.items() if kind in KINDS and isinstance(fields, dict)}


def header_words(session: Session, actor: Actor, kind: ImportKind) -> Words:
    """Field key → the spellings this office kept for sheets of ``kind``."""
    require(actor, Can.READ)
    return _stored(session).get(kind, {})


def with_office_words(session: Session, kind: ImportKind, synonyms: Synonyms) -> Synonyms:
    """``synonyms`` plus the office's spellings for sheets of ``kind`` (a unit list's
    words never change how a roster is read, and the other way round)."""
    known = set(synonyms.fields)
    extra = {k: v for k, v in _stored(session).get(kind, {}).items() if k in known and v}
    return synonyms.extended(extra) if extra else synonyms


def remember_headers(session: Session, actor: Actor, kind: ImportKind,
                     words: Mapping[str, str | Iterable[str]]) -> Outcome[Words]:
    """Add spellings (field key → a header text or several, as ``ImportSheet.hand_mapped``
    gives them) to the office's dictionary for sheets of ``kind``; a spelling already
    kept for another field moves to this one. Returns that kind's whole dictionary."""
    require(actor, Can.WRITE)
    if kind not in KINDS:
        raise ValidationError.single("类型", kind, f"没有“{kind}”这种表", "bad_kind")
    known = _import_fields(session)
    everything = _stored(session)
    kept = everything.get(kind, {})
    added: list[str] = []
    for key, spellings in words.items():
        if key not in known:
            raise ValidationError.single("字段", key, f"没有名为“{key}”的字段", "bad_field")
        for spelling in (spellings,) if isinstance(spellings, str) else spellings:
            text = " ".join(spelling.split())
            norm = normalise_header(text)
            if not norm:
                continue
            if len(text) > MAX_LENGTH:
                raise ValidationError.single("列名", text, f"列名过长（{len(text)} 字），最多 "
                                             f"{MAX_LENGTH} 字", "too_long")
            kept = {k: tuple(s for s in v if normalise_header(s) != norm)
                    for k, v in kept.items()}
            kept[key] = (*kept.get(key, ()), text)
            added.append(f"{text}→{key}")
    if not added:
        return Outcome(kept, frozenset())
    everything[kind] = kept = {k: v for k, v in kept.items() if v}
    value = json.dumps({n: {k: list(v) for k, v in f.items()} for n, f in everything.items()},
                       ensure_ascii=False)
    row = session.get(Setting, SETTING_KEY)
    if row is None:
        session.add(Setting(key=SETTING_KEY, value=value))
    else:
        row.value = value
    audit.append(session, actor=actor.username, op="表头词典", target="、".join(added)[:200],
                 detail={"kind": kind, "added": added})
    return Outcome(kept, frozenset({Area.SETTINGS}))


def _import_fields(session: Session) -> set[str]:
    """Every field a roster or unit sheet may hold (office 编制类型 columns included)."""
    from bzdesk.services.excel_io.fields import unit_synonyms
    from bzdesk.services.staffing.catalog import load_categories

    return set(unit_synonyms(load_categories(session)).fields)
