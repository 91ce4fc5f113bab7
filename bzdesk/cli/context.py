"""What every command needs: the data dir, credentials, a logged-in workspace,
JSON output and a progress bar that stays quiet in pipes."""

from __future__ import annotations

import getpass
import json
import os
import sys
from argparse import Namespace
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from bzdesk.errors import UsageError
from bzdesk.paths import DataPaths, resolve_data_dir

if TYPE_CHECKING:  # the GUI start path builds the parser: no SQLAlchemy import here
    from bzdesk.workspace import Workspace


def data_paths(args: Namespace) -> DataPaths:
    return resolve_data_dir(args.data_dir)


def secret(var: str, prompt: str, *, confirm: bool = False) -> str:
    """From the environment, else asked on a terminal, else exit 2 naming the variable."""
    value = os.environ.get(var)
    if value:
        return value
    if not sys.stdin.isatty():
        raise UsageError(f"没有终端可以输入{prompt}：请设置环境变量 {var}。")
    value = getpass.getpass(f"{prompt}：")
    if confirm and getpass.getpass(f"再输入一次{prompt}：") != value:
        raise UsageError(f"两次输入的{prompt}不一致。")
    return value


def username() -> str:
    value = os.environ.get("BZDESK_USER")
    if value:
        return value
    if not sys.stdin.isatty():
        raise UsageError("没有终端可以输入用户名：请设置环境变量 BZDESK_USER。")
    return input("用户名：").strip()


def open_workspace(args: Namespace, *, login: bool = True) -> Workspace:
    from bzdesk.errors import ValidationError
    from bzdesk.workspace import Workspace

    ws = Workspace.open(data_paths(args).ensure())
    if not ws.initialised:
        ws.close()
        raise ValidationError.single(
            "数据目录", str(ws.paths.root),
            "这个数据目录还没有初始化，请先运行 init（或 demo）。", "not_initialised")
    if login:
        try:
            ws.login(username(), secret("BZDESK_PASSWORD", "密码"))
        except BaseException:
            ws.close()
            raise
    return ws


def emit_json(obj: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")


def say(message: str) -> None:
    """Human messages go to stderr when stdout carries data, else stdout."""
    print(message)


def progress_bar(enabled: bool = True) -> Callable[[int, int, str], None] | None:
    """A one-line bar on a terminal; None (quiet) in pipes."""
    if not enabled or not sys.stderr.isatty():
        return None

    def show(done: int, total: int, message: str) -> None:
        width = 30
        filled = width * done // total if total else width
        bar = "#" * filled + "." * (width - filled)
        sys.stderr.write(f"\r[{bar}] {done}/{total} {message[:30]}")
        if total and done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    return show
