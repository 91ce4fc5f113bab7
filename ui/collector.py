"""Cyclic garbage is collected on the GUI thread only.

Python runs its cycle collector in whichever thread happens to allocate when a
threshold is crossed — often the background helper (ui.ops) in the middle of a
query. If that garbage holds Qt objects (a closed dialog caught in a cycle with
its slots), their C++ side is destroyed from the wrong thread and the process
dies with a segmentation fault. So automatic collection is switched off and a
timer on the GUI thread collects instead, generation by generation, with the
thresholds Python would have used (the PyQt "GarbageCollector" recipe).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 1000


class MainThreadCollector(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(INTERVAL_MS)

    def check(self) -> int:
        """Collect the generations whose counts are past their thresholds; returns the
        number of objects found unreachable."""
        young, middle, old = gc.get_count()
        if young <= self.threshold[0]:
            return 0
        if middle <= self.threshold[1]:
            return gc.collect(0)
        if old <= self.threshold[2]:
            return gc.collect(1)
        return gc.collect(2)


def collect_on_gui_thread(app: QObject) -> MainThreadCollector:
    """Install once per application (a second call returns the first collector)."""
    existing = app.findChild(MainThreadCollector)
    return existing if isinstance(existing, MainThreadCollector) else MainThreadCollector(app)
