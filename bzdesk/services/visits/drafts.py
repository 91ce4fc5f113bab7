"""Drafts of the visit form, so that nothing typed is lost when the laptop's
battery dies in the field.

A draft is a small JSON file in ``<data dir>/drafts/``, written as
``.part`` + fsync + rename (+ fsync of the directory): whatever moment the
process dies, the file on disk is either the previous draft or the new one,
never a torn mix. Drafts are files, not database rows: they are one user's
unfinished typing on one PC and must never travel in a bundle. They take the
data paths instead of a session for that reason.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from bzdesk.errors import ValidationError
from bzdesk.paths import DataPaths
from bzdesk.roles import Actor

VERSION = 1
_ID = re.compile(r"^[0-9a-f-]{8,36}$")


@dataclass(frozen=True)
class Draft:
    id: str
    owner: str
    saved_at: datetime
    visit_id: str | None  # the visit being corrected, or None for a new one
    fields: Mapping[str, Any]

    @property
    def title(self) -> str:
        """A line that lets the clerk recognise the draft."""
        parts = [str(self.fields.get(k) or "") for k in ("start_on", "leader_name", "kind")]
        what = " ".join(p for p in parts if p) or "（未填写）"
        return f"{what}（{self.saved_at.strftime('%m-%d %H:%M')} 保存）"


def _file(paths: DataPaths, draft_id: str) -> Path:
    if not _ID.match(draft_id):
        raise ValidationError.single("草稿", draft_id, "草稿编号不正确。", "bad_id")
    return paths.drafts / f"visit-{draft_id}.json"


def _fsync_dir(folder: Path) -> None:
    if os.name == "nt":  # Windows cannot open a directory; NTFS journals the rename
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def save_draft(paths: DataPaths, actor: Actor, draft_id: str, fields: Mapping[str, Any], *,
               visit_id: str | None = None) -> Draft:
    """Write the form's fields (JSON-ready values) atomically and durably."""
    target = _file(paths, draft_id)
    draft = Draft(draft_id, actor.username, datetime.now().replace(microsecond=0), visit_id,
                  dict(fields))
    body = json.dumps({"version": VERSION, "id": draft.id, "owner": draft.owner,
                       "saved_at": draft.saved_at.isoformat(), "visit_id": visit_id,
                       "fields": draft.fields}, ensure_ascii=False, indent=1)
    paths.drafts.mkdir(parents=True, exist_ok=True)
    part = target.with_name(target.name + ".part")
    with open(part, "w", encoding="utf-8") as fh:
        fh.write(body)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(part, target)
    _fsync_dir(paths.drafts)
    return draft


def _read(file: Path) -> Draft | None:
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
        if data.get("version") != VERSION or not isinstance(data.get("fields"), dict):
            return None
        return Draft(str(data["id"]), str(data["owner"]),
                     datetime.fromisoformat(data["saved_at"]), data.get("visit_id"),
                     data["fields"])
    except (OSError, ValueError, KeyError, TypeError):
        return None  # unreadable: not offered (its .part twin never is)


def list_drafts(paths: DataPaths, actor: Actor) -> list[Draft]:
    """This user's drafts, newest first (left-over ``.part`` files are ignored)."""
    if not paths.drafts.is_dir():
        return []
    found = (_read(f) for f in paths.drafts.glob("visit-*.json"))
    mine = [d for d in found if d is not None and d.owner == actor.username]
    return sorted(mine, key=lambda d: d.saved_at, reverse=True)


def load_draft(paths: DataPaths, actor: Actor, draft_id: str) -> Draft | None:
    draft = _read(_file(paths, draft_id))
    return draft if draft is not None and draft.owner == actor.username else None


def discard_draft(paths: DataPaths, actor: Actor, draft_id: str) -> None:
    """Forget a draft (the visit was saved, or the clerk threw it away)."""
    target = _file(paths, draft_id)
    draft = _read(target)
    if draft is not None and draft.owner != actor.username:
        return
    for file in (target, target.with_name(target.name + ".part")):
        file.unlink(missing_ok=True)
