"""The hybrid logical clock: stamps only go up, whatever the wall clock does."""

from __future__ import annotations

import threading
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bzdesk.sync.hlc import (
    COUNTER_BITS,
    COUNTER_MAX,
    DEFAULT_MAX_DRIFT_MS,
    MS_MAX,
    HybridClock,
    pack,
    unpack,
    wall_ms,
)

T0 = 1_780_000_000_000  # a wall-clock time in ms (2026)
DAY_MS = 24 * 3600 * 1000


class FakeWall:
    """A physical clock the test sets by hand."""

    def __init__(self, ms: int) -> None:
        self.ms = ms

    def __call__(self) -> int:
        return self.ms


def test_pack_unpack_round_trip() -> None:
    for ms, counter in [(0, 0), (T0, 0), (T0, 1), (T0, COUNTER_MAX), (MS_MAX, COUNTER_MAX)]:
        stamp = pack(ms, counter)
        assert unpack(stamp) == (ms, counter)
        assert wall_ms(stamp) == ms
    assert pack(T0, COUNTER_MAX) < pack(T0 + 1, 0)  # stamps compare as integers
    assert COUNTER_BITS == 16 and MS_MAX == (1 << 48) - 1


@pytest.mark.parametrize(("ms", "counter"),
                         [(-1, 0), (MS_MAX + 1, 0), (0, -1), (0, COUNTER_MAX + 1)])
def test_pack_refuses_out_of_range(ms: int, counter: int) -> None:
    with pytest.raises(ValueError):
        pack(ms, counter)


@given(st.integers(0, MS_MAX), st.integers(0, COUNTER_MAX))
def test_pack_unpack_property(ms: int, counter: int) -> None:
    assert unpack(pack(ms, counter)) == (ms, counter)


def test_follows_the_wall_clock_when_it_moves_forward() -> None:
    wall = FakeWall(T0)
    clock = HybridClock(now_ms=wall)
    assert clock.now() == pack(T0, 0)
    wall.ms = T0 + 5
    assert clock.now() == pack(T0 + 5, 0)


def test_clock_standing_still_counts_up() -> None:
    clock = HybridClock(now_ms=FakeWall(T0))
    assert [unpack(clock.now()) for _ in range(3)] == [(T0, 0), (T0, 1), (T0, 2)]


def test_clock_going_backwards_never_goes_back() -> None:
    wall = FakeWall(T0)
    clock = HybridClock(now_ms=wall)
    first = clock.now()
    wall.ms = T0 - 3_600_000  # someone set the PC clock an hour back
    second = clock.now()
    third = clock.now()
    assert first < second < third
    assert unpack(second) == (T0, 1) and unpack(third) == (T0, 2)
    wall.ms = T0 + 1  # and once the wall clock catches up, it is followed again
    assert clock.now() == pack(T0 + 1, 0)


def test_clock_jumping_ahead_is_followed_and_kept() -> None:
    wall = FakeWall(T0)
    clock = HybridClock(now_ms=wall)
    clock.now()
    wall.ms = T0 + 7 * DAY_MS
    jumped = clock.now()
    assert jumped == pack(T0 + 7 * DAY_MS, 0)
    wall.ms = T0  # jump back: stays above the jump
    assert clock.now() == jumped + 1


def test_counter_overflow_borrows_the_next_ms() -> None:
    clock = HybridClock(last=pack(T0, COUNTER_MAX - 1), now_ms=FakeWall(T0))
    assert clock.now() == pack(T0, COUNTER_MAX)
    assert clock.now() == pack(T0 + 1, 0)
    assert clock.now() == pack(T0 + 1, 1)


def test_restored_last_stamp_is_respected() -> None:
    """After a restart, ``last`` comes from the database: stamps continue above it."""
    saved = pack(T0 + 1000, 7)
    clock = HybridClock(last=saved, now_ms=FakeWall(T0))
    assert clock.now() == saved + 1
    assert clock.last == saved + 1


def test_observe_remote_ahead_within_drift_moves_the_clock() -> None:
    clock = HybridClock(now_ms=FakeWall(T0))
    clock.now()
    remote = pack(T0 + 3_600_000, 42)  # an hour ahead: a clock that is merely fast
    seen = clock.observe(remote)
    assert seen.stamp == remote and not seen.far_future
    assert clock.last == remote
    assert clock.now() == remote + 1


def test_observe_remote_behind_does_not_move_the_clock() -> None:
    clock = HybridClock(now_ms=FakeWall(T0))
    mine = clock.now()
    seen = clock.observe(pack(T0 - 5000, 3))
    assert not seen.far_future
    assert clock.last == mine
    assert clock.now() == mine + 1


def test_far_future_stamp_is_flagged_and_ignored_by_the_clock() -> None:
    clock = HybridClock(now_ms=FakeWall(T0))
    mine = clock.now()
    remote = pack(T0 + 365 * DAY_MS, 0)  # a PC whose clock is set a year ahead
    seen = clock.observe(remote)
    assert seen.far_future and seen.stamp == remote
    assert clock.last == mine
    nxt = clock.now()
    assert mine < nxt < remote


def test_drift_limit_boundary() -> None:
    clock = HybridClock(now_ms=FakeWall(T0))
    assert DEFAULT_MAX_DRIFT_MS == DAY_MS
    assert not clock.observe(pack(T0 + DEFAULT_MAX_DRIFT_MS, 0)).far_future
    assert clock.observe(pack(T0 + DEFAULT_MAX_DRIFT_MS + 1, 0)).far_future
    small = HybridClock(now_ms=FakeWall(T0), max_drift_ms=10)
    assert small.observe(pack(T0 + 11, 0)).far_future
    assert small.last == 0


def test_threads_never_get_the_same_stamp() -> None:
    clock = HybridClock(now_ms=FakeWall(T0))  # a frozen wall: only the counter moves
    results: list[list[int]] = [[] for _ in range(4)]

    def work(out: list[int]) -> None:
        for _ in range(2000):
            out.append(clock.now())

    threads = [threading.Thread(target=work, args=(r,)) for r in results]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    stamps = [s for r in results for s in r]
    assert len(set(stamps)) == len(stamps) == 8000
    assert all(r == sorted(r) for r in results)


# -- property: any interleaving is strictly increasing ------------------------------

_physical = st.integers(min_value=T0 - 10 * DAY_MS, max_value=T0 + 10 * DAY_MS)
# (kind, wall-clock ms at that moment, a, b): observe takes stamp (a, b), burst a stamps
_op = st.one_of(
    st.tuples(st.just("now"), _physical, st.just(0), st.just(0)),
    st.tuples(st.just("observe"), _physical,
              st.integers(min_value=T0 - 20 * DAY_MS, max_value=T0 + 400 * DAY_MS),
              st.integers(0, COUNTER_MAX)),
    st.tuples(st.just("burst"), _physical, st.integers(1, 40), st.just(0)),
)


@settings(max_examples=300, deadline=None)
@given(ops=st.lists(_op, min_size=1, max_size=60),
       start=st.one_of(st.just(0), st.builds(pack, _physical, st.integers(0, COUNTER_MAX))))
def test_any_interleaving_gives_strictly_increasing_stamps(
    ops: list[tuple[str, int, int, int]], start: int
) -> None:
    wall = FakeWall(T0)
    clock = HybridClock(last=start, now_ms=wall)
    issued: list[int] = []
    floor = start  # every new stamp must be above everything issued or accepted
    for kind, physical, a, b in ops:
        wall.ms = physical
        if kind == "observe":
            remote = pack(a, b)
            seen = clock.observe(remote)
            far = a > physical + DEFAULT_MAX_DRIFT_MS
            assert seen.far_future == far
            if not far:
                floor = max(floor, remote)
        else:
            for _ in range(a if kind == "burst" else 1):
                stamp = clock.now()
                assert stamp > floor
                assert wall_ms(stamp) >= physical  # never behind the wall clock
                issued.append(stamp)
                floor = stamp
        assert clock.last == floor
    assert all(x < y for x, y in pairwise(issued))
