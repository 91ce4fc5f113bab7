from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from qt_helpers import Boxes
from sqlalchemy.orm import Session

from bzdesk import audit
from bzdesk.changes import Area, Outcome
from bzdesk.errors import Cancelled, FieldProblem, ValidationError
from bzdesk.roles import Actor
from bzdesk.services import system
from bzdesk.workspace import Workspace
from ui import errors, ops


@pytest.fixture
def log_dir(tmp_path: Path) -> Iterator[Path]:
    logs = tmp_path / "logs"
    errors.install_log(logs)
    yield logs
    errors.close_log()


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def refuse(_s: Session, _a: Actor) -> None:
    raise ValidationError("导入的花名册有 2 处问题。", [
        FieldProblem("公民身份号码", "11010519491231002", "身份证号码应为 18 位。",
                     "bad_format", 4),
        FieldProblem("编制类型", "行政", "未知的编制类型。", "unknown_category", 7),
    ])


def crash(_s: Session, _a: Actor) -> None:
    raise RuntimeError("boom")


def finish(qtbot: QtBot, op: ops.Op) -> ops.Op:
    qtbot.waitUntil(lambda: op.done, timeout=10_000)
    return op


def test_a_validation_error_is_shown_once_with_its_problems(
        qtbot: QtBot, ws: Workspace, parent: QWidget, boxes: Boxes) -> None:
    called: list[object] = []
    finish(qtbot, ops.run_write(parent, ws, refuse, on_success=called.append))
    assert called == []
    assert len(boxes.shown) == 1
    kind, text = boxes.shown[0]
    assert kind == "warning"
    assert text.splitlines() == [
        "导入的花名册有 2 处问题。",
        "• 第 4 行 公民身份号码「11010519491231002」：身份证号码应为 18 位。",
        "• 第 7 行 编制类型「行政」：未知的编制类型。",
    ]


def test_an_unexpected_error_goes_to_the_log_not_the_dialog(
        qtbot: QtBot, ws: Workspace, parent: QWidget, boxes: Boxes, log_dir: Path) -> None:
    def copy(box: QMessageBox) -> None:
        button = next(b for b in box.buttons() if b.text() == "复制详细信息")
        button.click()

    boxes.on_exec = copy
    finish(qtbot, ops.run_read(parent, ws, crash))
    assert len(boxes.shown) == 1
    kind, text = boxes.shown[0]
    assert kind == "exec" and text.startswith("出错了")
    assert "Traceback" not in text and "boom" not in text
    assert str(log_dir / errors.LOG_NAME) in text
    logged = (log_dir / errors.LOG_NAME).read_text("utf-8")
    assert "Traceback" in logged and "RuntimeError: boom" in logged
    copied = QGuiApplication.clipboard().text()
    assert "RuntimeError: boom" in copied and "编制桌面" in copied


def test_an_error_handler_can_take_over(qtbot: QtBot, ws: Workspace, parent: QWidget,
                                        boxes: Boxes) -> None:
    seen: list[BaseException] = []
    finish(qtbot, ops.run_write(parent, ws, refuse,
                                on_error=lambda exc: seen.append(exc) is None))
    assert isinstance(seen[0], ValidationError) and boxes.shown == []


def test_success_calls_back_on_the_gui_thread_and_reports_changes(
        qtbot: QtBot, ws: Workspace, boxes: Boxes) -> None:
    heard: list[frozenset[Area]] = []

    class Sink(QWidget):
        def notify_changed(self, changes: frozenset[Area]) -> None:
            heard.append(changes)

    sink = Sink()
    qtbot.addWidget(sink)
    child = QWidget(sink)
    threads: list[bool] = []

    def write(_s: Session, _a: Actor, value: int) -> Outcome[int]:
        return Outcome(value * 2, frozenset({Area.UNITS}))

    def done(outcome: Outcome[int]) -> None:
        threads.append(threading.current_thread() is threading.main_thread())
        assert outcome.value == 42

    finish(qtbot, ops.run_write(child, ws, write, 21, on_success=done))
    assert heard == [frozenset({Area.UNITS})] and threads == [True] and boxes.shown == []


def test_changes_of_results() -> None:
    assert ops.changes_of(Outcome(1, frozenset({Area.PEOPLE}))) == {Area.PEOPLE}
    assert ops.changes_of(frozenset({Area.USERS})) == {Area.USERS}
    assert ops.changes_of([1, 2]) == frozenset()
    assert ops.changes_of(frozenset({"x"})) == frozenset()


def long_service(gate: threading.Event) -> Callable[..., None]:
    def service(session: Session, actor: Actor, *,
                progress: Callable[[int, int, str], None],
                cancelled: Callable[[], bool]) -> None:
        audit.append(session, actor=actor.username, op="测试", target="", detail={})
        progress(1, 3, "第一批")
        gate.wait(10)
        if cancelled():
            raise Cancelled("已取消，没有写入任何数据。")

    return service


def test_progress_is_shown_and_cancel_rolls_back(qtbot: QtBot, ws: Workspace,
                                                parent: QWidget, boxes: Boxes) -> None:
    before = ws.read(system.overview).audit_entries
    gate = threading.Event()
    op = ops.run_write(parent, ws, long_service(gate), label="导入花名册")
    dialog = op._dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.value() == 1 and dialog.maximum() == 3)
    assert "第一批" in dialog.labelText()
    cancel = dialog.findChild(QPushButton)
    assert cancel.text() == "取消"
    cancel.click()  # the clerk presses 取消
    gate.set()
    finish(qtbot, op)
    assert isinstance(op.error, Cancelled)
    assert boxes.shown == []  # they know they cancelled
    assert ws.read(system.overview).audit_entries == before  # rolled back


def test_run_blocking_returns_or_raises(qtbot: QtBot) -> None:
    assert ops.run_blocking(None, lambda a, b: a + b, 2, 3, long=False) == 5
    with pytest.raises(ZeroDivisionError):
        ops.run_blocking(None, lambda: 1 / 0, long=False)
    assert ops.pending() == 0


def test_a_closed_parent_gets_no_callback(qtbot: QtBot, ws: Workspace, boxes: Boxes) -> None:
    gate = threading.Event()
    widget = QWidget()
    called: list[object] = []

    def slow(_s: Session, _a: Actor) -> int:
        gate.wait(10)
        return 1

    op = ops.run_read(widget, ws, slow, on_success=called.append)
    widget.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(widget))
    gate.set()
    finish(qtbot, op)
    assert called == [] and op.result == 1 and boxes.shown == []
