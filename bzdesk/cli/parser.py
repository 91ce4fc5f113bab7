"""The argument parser. Each command module contributes ``register(sub)``."""

from __future__ import annotations

import argparse
import sys
from types import ModuleType


class Parser(argparse.ArgumentParser):
    """argparse that reports usage errors as exit 2 in one clear line."""


def command_modules() -> list[ModuleType]:
    from bzdesk.cli.commands import excel, exchange, report, staffing, system

    return [system, staffing, exchange, report, excel]


def program_name() -> str:
    """How the user started us: ``bzdesk`` when frozen, ``python main.py`` from source."""
    return "bzdesk" if getattr(sys, "frozen", False) else "python main.py"


def build_parser(*, commands: bool = True) -> argparse.ArgumentParser:
    """The whole command line; with ``commands=False`` only what starts the window
    (``--data-dir`` and ``selftest``), without importing the command modules."""
    parser = Parser(
        prog=program_name(),
        description="编制桌面 bzdesk — 不带命令时启动图形界面。",
        epilog="非交互使用：BZDESK_USER、BZDESK_PASSWORD、BZDESK_KEY_PASSPHRASE；"
        "数据目录也可用 BZDESK_DATA_DIR 指定。",
    )
    parser.add_argument("--data-dir", metavar="DIR", help="数据目录（默认：系统用户数据目录）")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for module in command_modules() if commands else []:
        module.register(sub)
    st = sub.add_parser("selftest", help="无界面打开每个页面（打包后自检）")
    st.add_argument("--screenshots", metavar="DIR", help="每个页面保存一张 PNG")
    st.add_argument("--startup", action="store_true", help="只测启动时间：打印 ready in N ms")
    return parser
