"""Setting up this site: the office (code, name, level), the admin, the keys."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bzdesk import audit
from bzdesk.db import Database, SiteContext
from bzdesk.errors import AlreadyInitialised, ValidationError
from bzdesk.models import LocalSite, Office, User
from bzdesk.roles import SYSTEM, Actor, Can, Role, require
from bzdesk.services import auth
from bzdesk.sync.hlc import HybridClock
from bzdesk.uow import write_op

LEVELS = {"county": "县级", "city": "市级", "province": "省级"}


@dataclass(frozen=True)
class OfficeView:
    code: str
    name: str
    level: str
    parent_code: str | None
    site_id: str

    @property
    def level_label(self) -> str:
        return LEVELS.get(self.level, self.level)


def parent_code(code: str, level: str) -> str | None:
    """GB/T 2260: county 360121 → city 360100 → province 360000."""
    if level == "county":
        return code[:4] + "00"
    if level == "city":
        return code[:2] + "0000"
    return None


def validate_office(code: str, name: str, level: str) -> tuple[str, str, str]:
    code, name = code.strip(), name.strip()
    if level not in LEVELS:
        raise ValidationError.single("级别", level, "级别只能是 county（县级）或 city（市级）。",
                                     "bad_level")
    if len(code) != 6 or not code.isdigit():
        raise ValidationError.single("单位代码", code, "单位代码应为 6 位行政区划代码，如 360121。",
                                     "bad_format")
    shape_ok = {
        "county": not code.endswith("00"),
        "city": code.endswith("00") and not code.endswith("0000"),
        "province": code.endswith("0000"),
    }[level]
    if not shape_ok:
        raise ValidationError.single(
            "单位代码", code, f"代码 {code} 与级别“{LEVELS[level]}”不符"
            "（县级代码末两位不为 00，市级代码以 00 结尾）。", "bad_format")
    if not name or len(name) > 100:
        raise ValidationError.single("单位名称", name, "请填写单位名称（最多 100 字）。", "missing")
    return code, name, level


def refuse_if_initialised(db: Database) -> None:
    if db.load_site() is not None:
        raise AlreadyInitialised.single(
            "数据目录", str(db.paths.root), "这个数据目录已经初始化过，没有做任何改动。", "exists")


def initialise(
    db: Database, *, code: str, name: str, level: str, admin_username: str,
    admin_display_name: str, admin_password: str, key_passphrase: str,
) -> OfficeView:
    """Create the office, this site, the admin user and the site's keys."""
    code, name, level = validate_office(code, name, level)
    refuse_if_initialised(db)
    auth.check_password_strength(admin_password)
    from bzdesk.sync import keys  # (cryptography: not needed to open and log in)

    keys.check_passphrase(key_passphrase)
    site_id = f"{code}-{secrets.token_hex(3)}"
    with db.write() as s:
        s.add(LocalSite(site_id=site_id, office_id=code, created_at=datetime.now(),
                        hlc_last=0, change_seq=0))
        s.flush()
        s.info["bz_site"] = SiteContext(site_id, code, HybridClock())
        with write_op(s, SYSTEM, "初始化单位", target=code) as op:
            s.add(Office(id=code, office_id=code, name=name, level=level,
                         parent_code=parent_code(code, level)))
            op.extra["level"] = level
        s.add(User(username=admin_username.strip(), display_name=admin_display_name.strip(),
                   role=Role.ADMIN.value, password_hash=auth.hash_password(admin_password),
                   created_at=datetime.now(), active=True, failed_logins=0))
        audit.append(s, actor=SYSTEM.username, op="新建用户", target=admin_username,
                     detail={"role": Role.ADMIN.value})
        keys.generate(db.paths.keys, key_passphrase)
    db.load_site()
    return current_office_by_db(db)


def current_office(session: Session) -> OfficeView:
    site = session.scalars(select(LocalSite)).one()
    office = session.get(Office, site.office_id)
    if office is None:
        raise ValidationError.single("单位", site.office_id, "本机的单位信息缺失。", "not_found")
    return OfficeView(office.id, office.name, office.level, office.parent_code, site.site_id)


def current_office_by_db(db: Database) -> OfficeView:
    with db.read() as s:
        return current_office(s)


def rename_office(session: Session, actor: Actor, name: str) -> OfficeView:
    require(actor, Can.ADMINISTER)
    view = current_office(session)
    _, name, _ = validate_office(view.code, name, view.level)
    with write_op(session, actor, "修改单位名称"):
        office = session.get(Office, view.code)
        if office is not None:
            office.name = name
    return current_office(session)
