"""The one background helper (STYLE §3): pages never touch threads, progress
dialogs or error boxes themselves.

    ops.run_write(self, ws, auth.create_user, name, display, role, password,
                  label=self.tr("新建用户"), on_success=self._created)

runs ``ws.write(auth.create_user, …)`` on the single writer thread, shows a
progress dialog when the work is long (or the service reports progress), calls
``on_success`` on the GUI thread, shows a failure once through ui/errors.py,
and, when the result says what changed (an ``Outcome`` or a ``Changed`` set),
tells the main window, which re-emits its one ``changed`` signal to every page.
"""

from __future__ import annotations

import inspect
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QEventLoop,
    QObject,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtWidgets import QProgressDialog, QWidget

from bzdesk.changes import Area
from bzdesk.errors import Cancelled
from ui.errors import show_error

translate = QCoreApplication.translate

if TYPE_CHECKING:
    from bzdesk.workspace import Workspace

Success = Callable[[Any], None]
Failure = Callable[[BaseException], bool]  # True: handled, do not show it

WRITER, READER = "writer", "reader"
_pools: dict[str, QThreadPool] = {}
_running: set[Op] = set()



def _pool(kind: str) -> QThreadPool:
    pool = _pools.get(kind)
    if pool is None:
        pool = QThreadPool()
        # One writer: writes never interleave (the audit chain stays linear).
        pool.setMaxThreadCount(1 if kind == WRITER else 2)
        _pools[kind] = pool
    return pool


def changes_of(result: object) -> frozenset[Area]:
    """What a service result says it changed: an Outcome's ``changed`` or a Changed set."""
    changed = getattr(result, "changed", result)
    if isinstance(changed, frozenset) and all(isinstance(a, Area) for a in changed):
        return changed
    return frozenset()


def _notify(widget: QWidget | None, changes: frozenset[Area]) -> None:
    """Tell the nearest ancestor that re-emits changes (the main window)."""
    while widget is not None:
        sink = getattr(widget, "notify_changed", None)
        if callable(sink):
            sink(changes)
            return
        widget = widget.parentWidget()


def _accepts(fn: Callable[..., Any], name: str) -> bool:
    try:
        return name in inspect.signature(fn).parameters
    except (TypeError, ValueError):
        return False


class Op(QObject):
    """One call running in the background; ``finished`` fires after its callbacks."""

    finished = Signal()
    _succeeded = Signal(object)
    _failed = Signal(object)
    _progressed = Signal(int, int, str)

    def __init__(self, parent: QWidget | None, label: str, on_success: Success | None,
                 on_error: Failure | None) -> None:
        super().__init__()
        self._parent = parent
        self._label = label or translate("ops", "正在处理，请稍候…")
        self._on_success = on_success
        self._on_error = on_error
        self._cancel = threading.Event()
        self._dialog: QProgressDialog | None = None
        self.result: object = None
        self.error: BaseException | None = None
        self.done = False
        self._succeeded.connect(self._success)
        self._failed.connect(self._failure)
        self._progressed.connect(self._progress)

    # -- called from the worker thread -------------------------------------
    def report(self, done: int, total: int, message: str) -> None:
        self._progressed.emit(done, total, message)

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    # -- GUI thread ----------------------------------------------------------
    def cancel(self) -> None:
        self._cancel.set()
        if self._dialog is not None:
            self._dialog.setLabelText(translate("ops", "正在取消…"))

    def start(self, call: Callable[[], object], kind: str, *, dialog: bool,
              cancellable: bool, long: bool) -> Op:
        if dialog:
            self._dialog = self._make_dialog(cancellable, long)
        _running.add(self)

        def work() -> None:
            try:
                result = call()
            except BaseException as exc:  # handed to the GUI thread, shown once there
                self._failed.emit(exc)
            else:
                self._succeeded.emit(result)

        _pool(kind).start(work)
        return self

    def _make_dialog(self, cancellable: bool, long: bool) -> QProgressDialog:
        parent = self._parent if self._alive() else None
        dlg = QProgressDialog(self._label, translate("ops", "取消"), 0, 0, parent)
        dlg.setWindowTitle(translate("ops", "编制桌面"))
        dlg.setWindowModality(Qt.WindowModality.WindowModal if parent
                              else Qt.WindowModality.ApplicationModal)
        dlg.setAutoClose(False)
        dlg.setAutoReset(False)
        dlg.setMinimumWidth(360)
        if not cancellable:
            dlg.setCancelButton(None)
        dlg.canceled.connect(self.cancel)
        dlg.setMinimumDuration(0 if long else 600)
        dlg.setValue(0)
        return dlg

    def _alive(self) -> bool:
        return self._parent is None or shiboken6.isValid(self._parent)

    @Slot(int, int, str)
    def _progress(self, done: int, total: int, message: str) -> None:
        dialog = self._dialog
        if dialog is None or self._cancel.is_set():
            return
        dialog.setMaximum(max(total, 0))
        # setValue may run the event loop (a modal dialog): the work can finish
        # and close the dialog meanwhile, so check again before touching it.
        dialog.setValue(min(done, total) if total > 0 else 0)
        if message and self._dialog is dialog:
            dialog.setLabelText(f"{self._label}\n{message}")

    def _close_dialog(self) -> None:
        if self._dialog is not None:
            self._dialog.canceled.disconnect(self.cancel)
            self._dialog.reset()
            self._dialog.hide()
            self._dialog.deleteLater()
            self._dialog = None

    @Slot(object)
    def _success(self, result: object) -> None:
        self._close_dialog()
        self.result = result
        try:
            if self._alive():
                changes = changes_of(result)
                if changes:
                    _notify(self._parent, changes)
                if self._on_success is not None:
                    self._on_success(result)
        finally:
            self._finish()

    @Slot(object)
    def _failure(self, exc: BaseException) -> None:
        self._close_dialog()
        self.error = exc
        try:
            handled = self._on_error is not None and self._on_error(exc)
            if not handled and not isinstance(exc, Cancelled):  # the user knows they cancelled
                show_error(self._parent if self._alive() else None, exc)
        finally:
            self._finish()

    def _finish(self) -> None:
        self.done = True
        _running.discard(self)
        self.finished.emit()
        if not _running:
            _tracker.idle.emit()


class _Tracker(QObject):
    idle = Signal()


_tracker = _Tracker()


def _launch(parent: QWidget | None, kind: str, fn: Callable[..., Any],
            call: Callable[[dict[str, Any]], object], *, label: str, long: bool,
            on_success: Success | None, on_error: Failure | None) -> Op:
    op = Op(parent, label, on_success, on_error)
    extra: dict[str, Any] = {}
    if _accepts(fn, "progress"):
        extra["progress"] = op.report
    cancellable = _accepts(fn, "cancelled")
    if cancellable:
        extra["cancelled"] = op.cancelled
    return op.start(lambda: call(extra), kind, dialog=long or bool(extra),
                    cancellable=cancellable, long=long)


def run_write(parent: QWidget | None, ws: Workspace, fn: Callable[..., Any], /, *args: Any,
              label: str = "", on_success: Success | None = None,
              on_error: Failure | None = None, long: bool = False, **kwargs: Any) -> Op:
    """``ws.write(fn, *args, **kwargs)`` on the single writer thread."""
    return _launch(parent, WRITER, fn, lambda extra: ws.write(fn, *args, **kwargs, **extra),
                   label=label, long=long, on_success=on_success, on_error=on_error)


def run_read(parent: QWidget | None, ws: Workspace, fn: Callable[..., Any], /, *args: Any,
             label: str = "", on_success: Success | None = None,
             on_error: Failure | None = None, long: bool = False, **kwargs: Any) -> Op:
    """``ws.read(fn, *args, **kwargs)`` on a reader thread."""
    return _launch(parent, READER, fn, lambda extra: ws.read(fn, *args, **kwargs, **extra),
                   label=label, long=long, on_success=on_success, on_error=on_error)


def run_call(parent: QWidget | None, fn: Callable[..., Any], /, *args: Any, writer: bool = True,
             label: str = "", on_success: Success | None = None,
             on_error: Failure | None = None, long: bool = False, **kwargs: Any) -> Op:
    """A call that is not a service (opening the database, logging in, initialising)."""
    return _launch(parent, WRITER if writer else READER, fn,
                   lambda extra: fn(*args, **kwargs, **extra),
                   label=label, long=long, on_success=on_success, on_error=on_error)


def wait(op: Op, timeout_ms: int = 0) -> bool:
    """Spin a local event loop until ``op`` has finished; False on timeout."""
    if not op.done:
        loop = QEventLoop()
        op.finished.connect(loop.quit)
        if timeout_ms:
            QTimer.singleShot(timeout_ms, loop.quit)
        if not op.done:
            loop.exec()
    return op.done


def run_blocking(parent: QWidget | None, fn: Callable[..., Any], /, *args: Any,
                 label: str = "", long: bool = True, **kwargs: Any) -> Any:
    """Run ``fn`` in the background while the GUI stays painted; return its result
    or raise its error (the caller decides how to show it). For start-up steps."""
    op = run_call(parent, fn, *args, label=label, long=long, on_error=lambda _exc: True,
                  **kwargs)
    wait(op)
    if op.error is not None:
        raise op.error
    return op.result


def pending() -> int:
    return len(_running)


def wait_idle(timeout_ms: int = 30_000) -> bool:
    """Until no operation is running (selftest, tests, shutdown); False on timeout."""
    if _running:
        loop = QEventLoop()
        _tracker.idle.connect(loop.quit)
        QTimer.singleShot(timeout_ms, loop.quit)
        if _running:
            loop.exec()
        _tracker.idle.disconnect(loop.quit)
    return not _running


def shutdown() -> None:
    """Let running work finish before the database closes."""
    wait_idle()
    for pool in _pools.values():
        pool.waitForDone()
