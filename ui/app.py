"""The GUI entry point: one running instance per data dir, Chinese by default,
then open → (wizard | login) → main window.

Nothing here imports SQLAlchemy: the database opens on a worker thread
(ui.startup), and pages are imported when first shown (ui.pages).
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLockFile
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from bzdesk.errors import DataDirUnusable
from bzdesk.paths import DataPaths, resolve_data_dir, resources_dir
from ui import errors, ops
from ui.collector import collect_on_gui_thread
from ui.settings import DEFAULT_LANGUAGE, choose_font, install_translators, language, open_settings

translate = QCoreApplication.translate

LOCK_NAME = "bzdesk.lock"



def create_application(paths: DataPaths | None) -> QApplication:
    """The QApplication (reused if one exists): Fusion, a CJK font, the language
    chosen in this data dir's settings (Chinese by default)."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    collect_on_gui_thread(app)
    app.setApplicationName("bzdesk")
    app.setOrganizationName("bzdesk")
    app.setStyle("Fusion")
    app.setFont(choose_font(app))
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "bzdesk.svg")))
    lang = language(open_settings(paths)) if paths is not None else DEFAULT_LANGUAGE
    install_translators(app, lang)
    return app


def acquire_instance_lock(root: Path) -> QLockFile | None:
    """The lock of this data dir, or None when another bzdesk holds it.

    A lock whose process is gone (killed, crashed, power cut) is stale and taken
    over; a live one never is, however old (stale time 0).
    """
    lock = QLockFile(str(root / LOCK_NAME))
    lock.setStaleLockTime(0)
    return lock if lock.tryLock(0) else None


def run_gui(data_dir: str | None) -> int:
    paths = resolve_data_dir(data_dir)
    try:
        paths.ensure()
    except DataDirUnusable as exc:
        create_application(None)
        QMessageBox.critical(None, translate("app", "编制桌面"), exc.message)
        return 1
    app = create_application(paths)
    errors.install_log(paths.logs)
    sys.excepthook = errors.excepthook
    lock = acquire_instance_lock(paths.root)
    if lock is None:
        QMessageBox.information(None, translate("app", "编制桌面"), translate(
            "app", "编制桌面已经在运行（数据目录 {0}）。").format(paths.root))
        return 0
    try:
        from ui.startup import open_workspace, sign_in

        ws = open_workspace(paths)
        if ws is None:
            return 1
        try:
            session = sign_in(ws)
            if session is None:
                return 0
            from ui.main_window import MainWindow

            window = MainWindow(session.ws, session.office)
            window.show()
            return app.exec()
        finally:
            ops.shutdown()
            ws.close()
    finally:
        lock.unlock()
        errors.close_log()
