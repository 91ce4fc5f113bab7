"""main.py: the window's start (the GUI, or selftest measuring it) parses its few
arguments without importing the CLI's command modules; everything else, and any
request for help, gets the whole parser."""

from __future__ import annotations

import pytest

import main as entry
from bzdesk.cli.parser import build_parser


@pytest.mark.parametrize("argv", [
    [], ["--data-dir", "d"], ["--data-dir=d"], ["selftest", "--startup"],
    ["--data-dir", "d", "selftest", "--screenshots", "shots"],
])
def test_the_window_start_is_recognised(argv: list[str]) -> None:
    assert entry._starts_gui(argv)


@pytest.mark.parametrize("argv", [
    ["check", "id", "1"], ["--data-dir", "d", "audit", "verify"], ["-h"],
    ["--data-dir", "d", "--help"], ["selftest", "-h"], ["--data", "d"],
])
def test_anything_else_gets_the_whole_parser(argv: list[str]) -> None:
    assert not entry._starts_gui(argv)


def test_the_small_parser_reads_the_window_start_as_the_whole_one_does() -> None:
    for argv in (["--data-dir", "d"], ["--data-dir", "d", "selftest", "--startup"],
                 ["selftest", "--screenshots", "s"]):
        assert build_parser(commands=False).parse_args(argv) == build_parser().parse_args(argv)
