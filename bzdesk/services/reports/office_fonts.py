"""字体设置: the office's own 仿宋 / 小标宋 / 黑体 .ttf files for printed reports.

The choice is a local ``Setting`` row (font files live on this PC, so it never syncs).
Files are checked by ``bzdesk.reports.fonts.use_office_fonts`` before anything is stored: a
missing file, an OpenType/CFF font, a damaged file or one without Chinese characters is
refused with a sentence naming the file. Every report applies the stored choice first
(``apply_office_fonts``); a file that has disappeared since is a clear refusal, not a
report silently printed in another face.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from sqlalchemy.orm import Session

from bzdesk import audit
from bzdesk.changes import Area, Outcome
from bzdesk.errors import ValidationError
from bzdesk.models import Setting
from bzdesk.reports.fonts import Faces, use_office_fonts
from bzdesk.roles import Actor, Can, require

SETTING_KEY: Final = "reports.office_fonts"
ROLES: Final = ("fangsong", "xiaobiaosong", "heiti")
ROLE_LABELS: Final = {"fangsong": "仿宋", "xiaobiaosong": "小标宋", "heiti": "黑体"}


@dataclass(frozen=True)
class OfficeFonts:
    """The chosen files (None: the shipped 明体 stands in)."""

    fangsong: str | None = None
    xiaobiaosong: str | None = None
    heiti: str | None = None

    def paths(self) -> tuple[Path | None, Path | None, Path | None]:
        return tuple(Path(p) if p else None  # type: ignore[return-value]
                     for p in (self.fangsong, self.xiaobiaosong, self.heiti))

    @property
    def any(self) -> bool:
        return any((self.fangsong, self.xiaobiaosong, self.heiti))


def _clean(value: str | None) -> str | None:
    text = (value or "").strip().strip('"')
    return text or None


def _stored(session: Session) -> OfficeFonts:
    row = session.get(Setting, SETTING_KEY)
    if row is None:
        return OfficeFonts()
    try:
        data = json.loads(row.value)
    except ValueError:
        return OfficeFonts()
    if not isinstance(data, dict):
        return OfficeFonts()
    return OfficeFonts(*(_clean(data.get(role)) if isinstance(data.get(role), str) else None
                         for role in ROLES))


def office_fonts(session: Session, actor: Actor) -> OfficeFonts:
    require(actor, Can.READ)
    return _stored(session)


def set_office_fonts(session: Session, actor: Actor, fonts: OfficeFonts) -> Outcome[OfficeFonts]:
    """Check the files and keep the choice (administrators only); nothing is stored when a
    file is refused."""
    require(actor, Can.ADMINISTER)
    chosen = OfficeFonts(*(_clean(v) for v in (fonts.fangsong, fonts.xiaobiaosong,
                                                fonts.heiti)))
    use_office_fonts(*chosen.paths())  # raises ValidationError naming the bad file
    value = json.dumps({role: getattr(chosen, role) for role in ROLES}, ensure_ascii=False)
    row = session.get(Setting, SETTING_KEY)
    if row is None:
        session.add(Setting(key=SETTING_KEY, value=value))
    else:
        row.value = value
    names = "、".join(f"{ROLE_LABELS[r]}：{Path(p).name}" for r in ROLES
                     if (p := getattr(chosen, r))) or "使用内置字体"
    audit.append(session, actor=actor.username, op="字体设置", target=names[:200],
                 detail={role: getattr(chosen, role) for role in ROLES})
    return Outcome(chosen, frozenset({Area.SETTINGS}))


def apply_office_fonts(session: Session) -> Faces:
    """Use the stored faces for the report about to be written."""
    chosen = _stored(session)
    try:
        return use_office_fonts(*chosen.paths())
    except ValidationError as exc:
        raise ValidationError(f"报表字体设置有误：{exc.message}"
                              "请在“统计报表 → 字体设置”中重新选择或清除。", exc.problems) from exc
