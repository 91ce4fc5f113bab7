"""Helpers shared by the benchmark scripts (run by scripts/bench, not by pytest)."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PY = sys.executable


def timed(fn: Callable[[], object], repeat: int = 1) -> float:
    """Median wall time of ``fn`` in seconds."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def run_main(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    return subprocess.run([PY, str(ROOT / "main.py"), *args], cwd=ROOT, env=full_env,
                          capture_output=True, text=True, stdin=subprocess.DEVNULL, check=True)


def report(name: str, value: float, unit: str, baseline: float | None = None,
           limit: float | None = None) -> bool:
    """Print one line; returns whether the goal (ratio or absolute) holds."""
    line = f"{name}: {value:.3f} {unit}"
    ok = True
    if baseline:
        ratio = value / baseline
        line += f" | baseline {baseline:.3f} {unit} | ratio {ratio:.2f}"
        if limit is not None:
            ok = ratio <= limit
            line += f" (goal ≤ {limit}) {'OK' if ok else 'MISSED'}"
    elif limit is not None:
        ok = value <= limit
        line += f" (goal ≤ {limit} {unit}) {'OK' if ok else 'MISSED'}"
    print(line, flush=True)
    return ok
