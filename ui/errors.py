"""The one place the GUI shows an error (STYLE §4).

A ``BzError`` already carries a sentence for the clerk: it is shown as it is
(a ValidationError lists its problems). Anything else is a bug: the traceback
goes to ``<data dir>/logs/bzdesk-gui.log`` and the clerk sees "出错了" with a
button that copies the details, never the traceback itself.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from datetime import datetime
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from bzdesk.errors import BzError, ValidationError

translate = QCoreApplication.translate

log = logging.getLogger("bzdesk.ui")
LOG_NAME = "bzdesk-gui.log"

Presenter = Callable[[QWidget | None, BaseException], None]

_handler: RotatingFileHandler | None = None
_presenter: Presenter | None = None



def install_log(logs_dir: Path) -> Path:
    """Send the GUI's log (and the core's) to a rotating file in ``logs_dir``."""
    global _handler
    file = logs_dir / LOG_NAME
    if _handler is not None and Path(_handler.baseFilename) == file:
        return file
    logs_dir.mkdir(parents=True, exist_ok=True)
    root = logging.getLogger("bzdesk")
    if _handler is not None:
        root.removeHandler(_handler)
        _handler.close()
    _handler = RotatingFileHandler(file, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
    _handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(_handler)
    root.setLevel(logging.INFO)
    return file


def close_log() -> None:
    global _handler
    if _handler is not None:
        logging.getLogger("bzdesk").removeHandler(_handler)
        _handler.close()
        _handler = None


def log_file() -> Path | None:
    return Path(_handler.baseFilename) if _handler is not None else None


def set_presenter(presenter: Presenter | None) -> Presenter | None:
    """Replace how errors are presented (the selftest records them instead of
    opening boxes). Returns the previous presenter."""
    global _presenter
    previous, _presenter = _presenter, presenter
    return previous


def describe(exc: BzError) -> str:
    """The message, then each problem that says more than the message."""
    lines = [exc.message]
    if isinstance(exc, ValidationError):
        for p in exc.problems[:30]:
            if p.reason == exc.message:
                continue
            where = translate("errors", "第 {0} 行 ").format(p.row) if p.row else ""
            value = f"「{p.value}」" if p.value else ""
            lines.append(f"• {where}{p.column}{value}：{p.reason}")
        if len(exc.problems) > 30:
            lines.append(translate("errors", "……共 {0} 处问题").format(len(exc.problems)))
    return "\n".join(lines)


def details(exc: BaseException) -> str:
    """What "复制详细信息" copies: enough for whoever fixes the bug."""
    from bzdesk import __version__

    trace = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    return (f"编制桌面 {__version__}  {datetime.now().isoformat(timespec='seconds')}\n"
            f"Python {sys.version.split()[0]}\n\n{trace}")


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    if _presenter is not None:
        _presenter(parent, exc)
        return
    title = translate("errors", "编制桌面")
    if isinstance(exc, BzError):
        log.info("refused (%s): %s", type(exc).__name__, exc.message)
        QMessageBox.warning(parent, title, describe(exc))
        return
    text = details(exc)
    log.error("unexpected error\n%s", text)
    where = log_file()
    body = translate("errors", "出错了，这一步没有完成。")
    if where is not None:
        body += "\n" + translate("errors", "详细信息已记录在日志文件 {0}。").format(where)
    body += "\n" + translate("errors", "需要求助时，请点“复制详细信息”，把内容发给技术支持。")
    box = QMessageBox(QMessageBox.Icon.Critical, translate("errors", "出错了"), body,
                      QMessageBox.StandardButton.Close, parent)
    copy = box.addButton(translate("errors", "复制详细信息"), QMessageBox.ButtonRole.ActionRole)
    box.exec()
    if box.clickedButton() is copy:
        QGuiApplication.clipboard().setText(text)


def excepthook(kind: type[BaseException], exc: BaseException,
               tb: TracebackType | None) -> None:
    """For exceptions nobody caught (in a slot): log and show them once."""
    if exc.__traceback__ is None:
        exc = exc.with_traceback(tb)
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, exc, tb)
        return
    show_error(None, exc)
