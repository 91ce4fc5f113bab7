"""What the 首页 and 系统管理 screens show: an overview of this site, the audit log
a page at a time, the chain check, and backups made by a user."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from bzdesk import audit
from bzdesk.backup import PREFIX, SUFFIX, backup_database, list_backups
from bzdesk.models import AuditEntry, User
from bzdesk.paths import DataPaths
from bzdesk.roles import Actor, Can, require
from bzdesk.services.office import OfficeView, current_office

AUDIT_PAGE = 200


@dataclass(frozen=True)
class BackupFile:
    path: Path
    made_at: datetime  # local time of the file
    size: int          # bytes
    reason: str        # manual, upgrade-from-…, before-restore, …


@dataclass(frozen=True)
class Overview:
    office: OfficeView
    users: int
    active_users: int
    audit_entries: int
    last_activity: str | None  # UTC ISO time of the newest audit entry
    newest_backup: BackupFile | None


@dataclass(frozen=True)
class AuditRow:
    seq: int
    at: str  # UTC ISO time
    actor: str
    op: str
    target: str


def backup_files(paths: DataPaths) -> list[BackupFile]:
    """The backups in the data dir, newest first (file system only, no session)."""
    found = []
    for file in reversed(list_backups(paths)):
        stat = file.stat()
        # name: bzdesk-<UTC stamp>-<reason>.sqlite3
        middle = file.name[len(PREFIX):-len(SUFFIX)]
        reason = middle.split("-", 1)[1] if "-" in middle else ""
        found.append(BackupFile(file, datetime.fromtimestamp(stat.st_mtime), stat.st_size,
                                reason))
    return found


def overview(session: Session, actor: Actor, paths: DataPaths | None = None) -> Overview:
    require(actor, Can.READ)
    users = session.scalar(select(func.count()).select_from(User)) or 0
    active = session.scalar(select(func.count()).select_from(User).where(User.active)) or 0
    last = session.execute(
        select(AuditEntry.seq, AuditEntry.at).order_by(AuditEntry.seq.desc()).limit(1)
    ).first()
    backups = backup_files(paths) if paths is not None else []
    return Overview(
        office=current_office(session), users=users, active_users=active,
        audit_entries=last[0] if last else 0, last_activity=last[1] if last else None,
        newest_backup=backups[0] if backups else None,
    )


def audit_page(session: Session, actor: Actor, *, query: str = "",
               before_seq: int | None = None, limit: int = AUDIT_PAGE) -> list[AuditRow]:
    """Newest first, keyset-paged by ``seq``; ``query`` matches who, what or on what."""
    require(actor, Can.READ)
    stmt = select(AuditEntry.seq, AuditEntry.at, AuditEntry.actor, AuditEntry.op,
                  AuditEntry.target).order_by(AuditEntry.seq.desc()).limit(limit)
    if before_seq is not None:
        stmt = stmt.where(AuditEntry.seq < before_seq)
    text = query.strip()
    if text:
        pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        stmt = stmt.where(or_(AuditEntry.actor.like(pattern, escape="\\"),
                              AuditEntry.op.like(pattern, escape="\\"),
                              AuditEntry.target.like(pattern, escape="\\")))
    return [AuditRow(*row) for row in session.execute(stmt)]


def verify_audit(session: Session, actor: Actor) -> audit.VerifyResult:
    require(actor, Can.READ)
    return audit.verify(session)


def backup_now(session: Session, actor: Actor, paths: DataPaths) -> Path:
    """Back up the database now (administrators only) and note it in the audit log."""
    require(actor, Can.ADMINISTER)
    target = backup_database(paths, reason="manual")
    audit.append(session, actor=actor.username, op="备份数据库", target=target.name,
                 detail={"file": str(target)})
    return target
