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


def _starts_gui(argv: list[str]) -> bool:
    """No command, or ``selftest`` (the GUI's start measured headless), and no help
    asked for: these start the window and need none of the CLI's command modules."""
    rest = list(argv)
    while rest and (rest[0] == "--data-dir" or rest[0].startswith("--data-dir=")):
        del rest[:2 if rest[0] == "--data-dir" else 1]
    return (not rest or rest[0] == "selftest") and not {"-h", "--help"} & set(rest)


def main(argv: list[str] | None = None) -> int:
    from bzdesk.cli.parser import build_parser

    gui = _starts_gui(sys.argv[1:] if argv is None else argv)
    if gui:
        # Start-up speed: no cyclic collection while the modules load (they are
        # nearly all kept); the GUI's collector (ui.collector) takes over from there.
        import gc

        gc.disable()
    args = build_parser(commands=not gui).parse_args(argv)
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
