"""Cyclic garbage is collected by a timer on the GUI thread, never by whichever
thread crosses Python's threshold (ui.collector)."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from ui.collector import MainThreadCollector, collect_on_gui_thread


class Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the cycle collector frees it


@pytest.fixture
def owner() -> Iterator[QObject]:
    parent = QObject()
    threshold = gc.get_threshold()
    yield parent
    parent.deleteLater()
    gc.set_threshold(*threshold)


def test_automatic_collection_is_off_and_installed_once(owner: QObject) -> None:
    gc.enable()
    first = collect_on_gui_thread(owner)
    assert not gc.isenabled()
    assert collect_on_gui_thread(owner) is first
    assert owner.findChildren(MainThreadCollector) == [first]


def test_the_gui_thread_timer_frees_cycles_past_the_threshold(qtbot: QtBot,
                                                               owner: QObject) -> None:
    collector = collect_on_gui_thread(owner)
    assert collector.timer.isActive() and collector.timer.thread() is owner.thread()
    with qtbot.waitSignal(collector.timer.timeout, timeout=5_000):
        pass  # the timer fires on this (the GUI) thread's event loop
    collector.threshold = (-1, -1, -1)  # every generation past its threshold: full collection
    node = Node()
    gone = weakref.ref(node)
    del node
    assert gone() is not None  # automatic collection is off
    assert collector.check() >= 1 and gone() is None


def test_nothing_is_collected_below_the_threshold(owner: QObject) -> None:
    collector = collect_on_gui_thread(owner)
    gc.collect()
    collector.threshold = (10**9, 10, 10)
    node = Node()
    gone = weakref.ref(node)
    del node
    assert collector.check() == 0 and gone() is not None
