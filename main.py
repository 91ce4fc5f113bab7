"""bzdesk entry point: the GUI by default, ``python main.py <command>`` headless."""

from __future__ import annotations

import time

_STARTED = time.perf_counter()

import sys  # noqa: E402


def process_start() -> float:
    """Process start on the perf_counter scale (Linux: from /proc, else first line)."""
    try:
        with open("/proc/self/stat", encoding="ascii") as fh:
            ticks = int(fh.read().rsplit(")", 1)[1].split()[19])
        import os

        with open("/proc/uptime", encoding="ascii") as fh:
            uptime = float(fh.read().split()[0])
        age = uptime - ticks / os.sysconf("SC_CLK_TCK")
        return time.perf_counter() - max(age, 0.0)
    except (OSError, ValueError, IndexError):
        return _STARTED


def main(argv: list[str] | None = None) -> int:
    from bzdesk.cli.parser import build_parser

    args = build_parser().parse_args(argv)
    if args.command is None:
        from ui.app import run_gui

        return run_gui(args.data_dir)
    if args.command == "selftest":
        from pathlib import Path

        from ui.selftest import run_selftest

        shots = Path(args.screenshots) if args.screenshots else None
        return run_selftest(args.data_dir, shots, args.startup, started_at=process_start())
    from bzdesk.cli.app import run

    return run(args)


if __name__ == "__main__":
    sys.exit(main())
