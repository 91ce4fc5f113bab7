"""Run a parsed command: logging to logs/, one place mapping errors to exit codes."""

from __future__ import annotations

import argparse
import logging
import sys
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path

from bzdesk.errors import BzError, ValidationError

log = logging.getLogger("bzdesk.cli")


def _log_dir(args: argparse.Namespace) -> Path | None:
    try:
        from bzdesk.paths import resolve_data_dir

        logs = resolve_data_dir(args.data_dir).logs
        logs.mkdir(parents=True, exist_ok=True)
        return logs
    except OSError:
        return None


def setup_logging(args: argparse.Namespace) -> Path | None:
    logs = _log_dir(args)
    if logs is None:
        return None
    handler = RotatingFileHandler(logs / "bzdesk.log", maxBytes=2_000_000, backupCount=5,
                                  encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return logs / "bzdesk.log"


def report_error(exc: BaseException, json_mode: bool) -> int:
    """Print one clear line (or the problem list) and return the exit code."""
    if isinstance(exc, BzError):
        code = exc.exit_code
        print(exc.message, file=sys.stderr)
        if isinstance(exc, ValidationError):
            for p in exc.problems[:200]:
                where = f"第 {p.row} 行 " if p.row else ""
                if p.reason != exc.message:
                    print(f"  {where}{p.column}「{p.value}」：{p.reason}", file=sys.stderr)
        log.info("refused (%s): %s", type(exc).__name__, exc.message)
        return code
    return 1


def run(args: argparse.Namespace) -> int:
    log_file = setup_logging(args)
    json_mode = bool(getattr(args, "json", False))
    try:
        code: int = args.handler(args)
        return code
    except KeyboardInterrupt:
        print("已取消。", file=sys.stderr)
        return 1
    except BrokenPipeError:  # `… | head`: the reader left; nothing to report
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except BzError as exc:
        return report_error(exc, json_mode)
    except Exception as exc:  # the one place an unexpected error is turned into a line
        log.error("unexpected error\n%s", traceback.format_exc())
        where = f"详细信息已写入 {log_file}" if log_file else "无法写日志文件"
        print(f"出错了：{type(exc).__name__}: {exc}（{where}）", file=sys.stderr)
        return 1
