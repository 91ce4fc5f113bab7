"""Hybrid logical clock (HLC) stamps.

A stamp packs 48 bits of wall-clock milliseconds and a 16-bit counter into
one integer, so stamps compare as integers; the site id travels beside it
(rows keep it in ``origin``), making (stamp, origin) a total order that is
the same on every site.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

COUNTER_BITS = 16
COUNTER_MAX = (1 << COUNTER_BITS) - 1
MS_MAX = (1 << 48) - 1
# A remote stamp further ahead than this is a clock set wrong: accepted, flagged,
# and not allowed to drag the local clock forward.
DEFAULT_MAX_DRIFT_MS = 24 * 3600 * 1000


def pack(ms: int, counter: int) -> int:
    if not 0 <= ms <= MS_MAX or not 0 <= counter <= COUNTER_MAX:
        raise ValueError("HLC out of range")
    return (ms << COUNTER_BITS) | counter


def unpack(stamp: int) -> tuple[int, int]:
    return stamp >> COUNTER_BITS, stamp & COUNTER_MAX


def wall_ms(stamp: int) -> int:
    return stamp >> COUNTER_BITS


@dataclass(frozen=True)
class Observation:
    """Result of taking in a remote stamp."""

    stamp: int
    far_future: bool


class HybridClock:
    """Thread-safe HLC. ``last`` is restored from the database at start."""

    def __init__(
        self,
        last: int = 0,
        now_ms: Callable[[], int] | None = None,
        max_drift_ms: int = DEFAULT_MAX_DRIFT_MS,
    ) -> None:
        self._last = last
        self._now_ms = now_ms or (lambda: time.time_ns() // 1_000_000)
        self._max_drift_ms = max_drift_ms
        self._lock = threading.Lock()

    @property
    def last(self) -> int:
        return self._last

    def now(self) -> int:
        """A stamp greater than every stamp this clock has issued or seen."""
        with self._lock:
            physical = self._now_ms()
            ms, counter = unpack(self._last)
            if physical > ms:
                ms, counter = physical, 0
            elif counter < COUNTER_MAX:
                counter += 1
            else:  # counter exhausted within one ms: borrow the next ms
                ms, counter = ms + 1, 0
            self._last = pack(ms, counter)
            return self._last

    def observe_many(self, remotes: list[int]) -> int:
        """Take in many stamps at once (a chunk of a bundle); returns how many were
        far in the future (those are not taken in)."""
        with self._lock:
            limit = self._now_ms() + self._max_drift_ms
            taken = [r for r in remotes if wall_ms(r) <= limit]
            if taken and max(taken) > self._last:
                self._last = max(taken)
            return len(remotes) - len(taken)

    def observe(self, remote: int) -> Observation:
        """Take in a stamp from another site (a bundle being merged)."""
        with self._lock:
            physical = self._now_ms()
            if wall_ms(remote) > physical + self._max_drift_ms:
                return Observation(remote, far_future=True)
            if remote > self._last:
                self._last = remote
            return Observation(remote, far_future=False)
