"""Pausing Python's cyclic garbage collector around bulk work."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def no_cycle_collection() -> Iterator[None]:
    """Automatic cyclic garbage collection off for the block (back on after, if it was
    on: the GUI keeps it off and collects on its own thread, ui.collector).

    Bulk work (a sheet's import, a bundle's merge) makes hundreds of thousands of
    short-lived tuples, lists and dicts and no cycles; the collector, set off by the
    count of allocations, would walk the growing heap again and again for nothing
    (≈ 12% of a 50,000-row import)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
