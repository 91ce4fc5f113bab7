"""``python main.py selftest [--screenshots DIR | --startup]`` (DESIGN "CLI details").

Logs in with BZDESK_USER / BZDESK_PASSWORD (a data dir that is not initialised
gets a throwaway demo office in a temp dir instead), opens the main window,
visits every page, every tab in it and its main dialogs, and exits 0 only if
nothing raised, no error was shown and Qt logged nothing critical.
"""

from __future__ import annotations

import os
import secrets
import shutil
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop, QMessageLogContext, QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QDialog, QTabWidget, QWidget

from bzdesk.errors import BzError, PermissionDenied
from bzdesk.paths import DataPaths, resolve_data_dir
from ui import errors, ops

if TYPE_CHECKING:
    from bzdesk.workspace import Workspace
    from ui.main_window import MainWindow

SHOT_WIDTH, SHOT_HEIGHT = 1366, 768


def throwaway_office(root: Path) -> tuple[str, str]:
    """A small demo office in ``root``; returns its administrator's user name and
    password. (``demo.run_demo`` names the administrator BZDESK_USER or "admin".)"""
    from bzdesk.services import demo

    password = "selftest-" + secrets.token_hex(8)
    passphrase = "selftest-" + secrets.token_hex(8)
    demo.run_demo(DataPaths(root), size="small", username=lambda: "admin",
                  password=lambda: password, passphrase=lambda: passphrase)
    return os.environ.get("BZDESK_USER") or "admin", password


class _Recorder:
    """Collects everything that went wrong instead of opening boxes."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def excepthook(self, kind: type[BaseException], exc: BaseException,
                   tb: TracebackType | None) -> None:
        self.problems.append("".join(traceback.format_exception(kind, exc, tb)))

    def present(self, _parent: QWidget | None, exc: BaseException) -> None:
        text = exc.message if isinstance(exc, BzError) else "".join(
            traceback.format_exception(type(exc), exc, exc.__traceback__))
        self.problems.append(f"shown as an error: {text}")

    def qt_message(self, kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
        if kind in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
            self.problems.append(f"Qt: {message}")
        elif kind == QtMsgType.QtWarningMsg and "propagateSizeHints" not in message:
            # (that one is the offscreen platform saying it has no window manager)
            print(f"Qt warning: {message}", file=sys.stderr)


def _settle() -> None:
    """Until running operations are done and the event queue is empty."""
    ops.wait_idle()
    for _ in range(2):
        loop = QEventLoop()
        QTimer.singleShot(0, loop.quit)
        loop.exec()


def _shoot(widget: QWidget, folder: Path | None, name: str) -> None:
    if folder is not None:
        folder.mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(folder / name))


def _open_and_close(factory: object) -> None:
    dialog = factory() if callable(factory) else None
    if isinstance(dialog, QDialog):
        dialog.show()
        _settle()
        dialog.reject()
        dialog.deleteLater()


def _visit_everything(window: MainWindow, ws: Workspace, shots: Path | None) -> None:
    from ui.login import LoginDialog
    from ui.pages import PAGES
    from ui.wizard import FirstRunWizard

    for number, spec in enumerate(PAGES, start=1):
        page = window.show_page(spec.key)
        _settle()
        _shoot(window, shots, f"{number:02d}-{spec.key}.png")
        for tabs in page.findChildren(QTabWidget):
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
                _settle()
            tabs.setCurrentIndex(0)
        for factory in page.main_dialogs():
            _open_and_close(factory)
    for factory in window.main_dialogs():
        _open_and_close(factory)
    _open_and_close(lambda: LoginDialog(ws, window.ctx.office.name, "", window))
    _open_and_close(lambda: FirstRunWizard(ws, window))
    window.show_page(PAGES[0].key)
    _settle()


def _credentials() -> tuple[str, str] | None:
    user, password = os.environ.get("BZDESK_USER"), os.environ.get("BZDESK_PASSWORD")
    return (user, password) if user and password else None


def _open_initialised(paths: DataPaths) -> Workspace | None:
    """The workspace of an initialised data dir; None (and nothing created) otherwise."""
    if not paths.database.exists():
        return None
    from bzdesk.workspace import Workspace

    ws = Workspace.open(paths)
    if ws.initialised:
        return ws
    ws.close()
    return None


def run_selftest(data_dir: str | None, screenshots: Path | None, startup: bool,
                 started_at: float | None = None) -> int:
    started = time.perf_counter() if started_at is None else started_at
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    paths = resolve_data_dir(data_dir)
    temp: Path | None = None
    setup = 0.0
    t = time.perf_counter()
    ws = _open_initialised(paths)  # the first SQLAlchemy import is timed here
    opened = time.perf_counter() - t
    if ws is not None:
        login = _credentials()
        if login is None:
            ws.close()
            print("请设置环境变量 BZDESK_USER 和 BZDESK_PASSWORD（要自检的用户）。",
                  file=sys.stderr)
            return 2
    else:
        from bzdesk.workspace import Workspace

        t = time.perf_counter()
        temp = Path(tempfile.mkdtemp(prefix="bzdesk-selftest-"))
        paths = DataPaths(temp / "data")
        login = throwaway_office(paths.root)
        ws = Workspace.open(paths)
        setup = time.perf_counter() - t
        print(f"数据目录未初始化，使用临时演示单位：{paths.root}", file=sys.stderr)
    try:
        return _run(ws, login, screenshots, startup, Times(started, opened, setup))
    finally:
        ws.close()
        if temp is not None:
            shutil.rmtree(temp, ignore_errors=True)


@dataclass(frozen=True)
class Times:
    started: float  # process start, perf_counter scale
    opened: float   # seconds to open the database (with the first SQLAlchemy import)
    setup: float    # seconds spent making a throwaway office (not counted)


def _run(ws: Workspace, login: tuple[str, str], shots: Path | None, startup: bool,
         times: Times) -> int:
    from ui.app import create_application

    create_application(ws.paths)
    errors.install_log(ws.paths.logs)
    recorder = _Recorder()
    old_hook, sys.excepthook = sys.excepthook, recorder.excepthook
    old_presenter = errors.set_presenter(recorder.present)
    old_handler = qInstallMessageHandler(recorder.qt_message)
    window: MainWindow | None = None
    try:
        t0 = time.perf_counter()
        try:
            ws.login(*login)
        except PermissionDenied as exc:
            print(exc.message, file=sys.stderr)
            return 4
        checked = time.perf_counter() - t0
        from ui.main_window import MainWindow

        window = MainWindow(ws, ws.office())
        window.resize(SHOT_WIDTH, SHOT_HEIGHT)
        window.show()
        for _ in range(2):  # the window is painted and nothing else is queued
            loop = QEventLoop()
            QTimer.singleShot(0, loop.quit)
            loop.exec()
        ready = time.perf_counter()
        ops.wait_idle()
        loaded = time.perf_counter()
        if startup:
            ms = 1000
            # Opening the database is start-up work (the window cannot be used without
            # it); the login is the password check alone, which the benchmark takes off.
            print(f"ready in {(ready - times.started - times.setup) * ms:.0f} ms")
            print(f"login {checked * ms:.0f} ms (check password), included above")
            print(f"data load {(loaded - ready) * ms:.0f} ms (first page, after ready)")
            print(f"open database {times.opened * ms:.0f} ms (with the first SQLAlchemy "
                  "import), included above")
            if times.setup:
                print(f"setup {times.setup * ms:.0f} ms (throwaway office, not counted)")
        else:
            _visit_everything(window, ws, shots)
    except Exception:
        recorder.excepthook(*sys.exc_info())
    finally:
        if window is not None:  # hidden, not closed: the clerk's saved geometry stays
            window.hide()
            window.deleteLater()
        ops.shutdown()
        qInstallMessageHandler(old_handler)
        errors.set_presenter(old_presenter)
        sys.excepthook = old_hook
    for problem in recorder.problems:
        print(problem, file=sys.stderr)
    if not startup:
        print("自检通过：所有页面和对话框都已打开。" if not recorder.problems
              else f"自检失败：{len(recorder.problems)} 个问题。", file=sys.stderr)
    return 1 if recorder.problems else 0
