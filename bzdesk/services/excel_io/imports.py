"""One entry for both kinds of sheet, and the safety backup taken before an import."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Final

from sqlalchemy.orm import Session

from bzdesk.backup import backup_database, recent_backup_exists
from bzdesk.changes import Outcome
from bzdesk.paths import DataPaths
from bzdesk.roles import Actor
from bzdesk.services.excel_io.common import Check, ImportReport, ImportSheet, Progress
from bzdesk.services.excel_io.roster_import import check_roster, import_roster
from bzdesk.services.excel_io.units_import import check_units, import_units

#: A backup younger than this is enough: the transaction, not the backup, makes an
#: import all or nothing (DESIGN "What a speed goal measures").
BACKUP_FRESH: Final = timedelta(hours=1)


def check_sheet(session: Session, actor: Actor, data: ImportSheet, *,
                progress: Progress | None = None, cancelled: Check | None = None,
                ) -> ImportReport:
    """``check_roster`` or ``check_units``, by the sheet's kind."""
    check = check_roster if data.kind == "roster" else check_units
    return check(session, actor, data, progress=progress, cancelled=cancelled)


def import_sheet(session: Session, actor: Actor, data: ImportSheet, *, dry_run: bool = False,
                 progress: Progress | None = None, cancelled: Check | None = None,
                 ) -> Outcome[ImportReport]:
    """``import_roster`` or ``import_units``, by the sheet's kind."""
    run = import_roster if data.kind == "roster" else import_units
    return run(session, actor, data, dry_run=dry_run, progress=progress, cancelled=cancelled)


def backup_before_import(paths: DataPaths) -> Path | None:
    """Back the database up unless a backup under an hour old exists; returns the new
    backup, or None when a recent one was enough."""
    if recent_backup_exists(paths, BACKUP_FRESH):
        return None
    return backup_database(paths, reason="before-import")
