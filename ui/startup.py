"""From a data dir to a logged-in workspace: open the database (explaining every
refusal), restore a damaged one from its newest backup if the clerk agrees,
then the first-run wizard or the login dialog."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QMessageBox

from bzdesk.errors import DatabaseCorrupt
from bzdesk.paths import DataPaths
from ui import ops
from ui.errors import show_error
from ui.settings import open_settings

translate = QCoreApplication.translate

if TYPE_CHECKING:
    from bzdesk.roles import Actor
    from bzdesk.services.office import OfficeView
    from bzdesk.workspace import Workspace



@dataclass(frozen=True)
class Session:
    ws: Workspace
    actor: Actor
    office: OfficeView


def _open(paths: DataPaths) -> Workspace:
    # Imported here, on the worker thread: SQLAlchemy and Alembic load while
    # the GUI thread keeps painting.
    from bzdesk.workspace import Workspace

    return Workspace.open(paths)


def open_workspace(paths: DataPaths) -> Workspace | None:
    """The open workspace, or None after telling the clerk why not."""
    while True:
        try:
            ws: Workspace = ops.run_blocking(
                None, _open, paths, label=translate("startup", "正在打开数据库…"), long=False)
            return ws
        except DatabaseCorrupt as exc:
            if not offer_restore(paths, exc):
                return None
        except Exception as exc:  # DatabaseTooNew, DataDirUnusable, …: shown once
            show_error(None, exc)
            return None


def move_damaged_aside(paths: DataPaths) -> Path:
    """Keep the damaged file (and its journal) under a new name next to it; a damaged
    file cannot be copied with SQLite's backup API, so restore cannot save it itself."""
    stamp = datetime.now().strftime("%Y%m%dT%H%M%S")
    kept = paths.database.with_name(f"{paths.database.name}.damaged-{stamp}")
    for suffix in ("", "-wal", "-shm"):
        source = Path(str(paths.database) + suffix)
        if source.exists():
            os.replace(source, Path(str(kept) + suffix))
    return kept


def offer_restore(paths: DataPaths, exc: DatabaseCorrupt) -> bool:
    """Ask, then restore the newest backup; True when the database should be reopened."""
    title = translate("startup", "数据库已损坏")
    if not exc.backup:
        QMessageBox.critical(None, title, exc.message + "\n\n" + translate("startup",
            "没有可以恢复的备份。请联系技术支持，不要删除数据目录中的任何文件。"))
        return False
    backup = Path(exc.backup)
    answer = QMessageBox.question(None, title, exc.message + "\n\n" + translate("startup",
        "要用最近的备份 {0} 恢复数据库吗？备份之后录入的数据需要重新录入。"
        "损坏的数据库文件会改名保留，不会被删除。").format(backup.name),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No)
    if answer != QMessageBox.StandardButton.Yes:
        return False

    def restore() -> Path:
        from bzdesk.backup import check_is_backup, restore_database

        check_is_backup(backup)  # refuse before moving anything
        kept = move_damaged_aside(paths)
        restore_database(paths, backup)
        return kept

    try:
        kept = ops.run_blocking(None, restore, label=translate("startup", "正在从备份恢复…"))
    except Exception as error:
        show_error(None, error)
        return False
    QMessageBox.information(None, title, translate("startup",
        "已从 {0} 恢复数据库。损坏的文件保留为 {1}。").format(backup.name, kept.name))
    return True


def sign_in(ws: Workspace) -> Session | None:
    """First run: the wizard, then log the new administrator in. Else: the login
    dialog. None when the clerk closed it."""
    settings = open_settings(ws.paths)
    if not ws.initialised:
        from ui.wizard import FirstRunWizard

        wizard = FirstRunWizard(ws)
        if wizard.exec() != QDialog.DialogCode.Accepted or wizard.created is None:
            return None
        username, password = wizard.credentials
        try:
            actor: Actor = ops.run_blocking(None, ws.login, username, password,
                                            label=translate("startup", "正在登录…"), long=False)
        except Exception as exc:
            show_error(None, exc)
            return None
        office = wizard.created
    else:
        from ui.login import LoginDialog

        office = ws.office()
        dialog = LoginDialog(ws, office.name, str(settings.value("login/last_user", "")))
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.actor is None:
            return None
        actor = dialog.actor
    settings.setValue("login/last_user", actor.username)
    return Session(ws, actor, office)
