"""Work around a PySide6 6.12 reference leak on Python 3.11.

Each ``Signal.emit()`` from Python gives back ``True`` without a reference,
and each call of a void Qt method does the same with ``None``; after a few
hundred thousand calls the count reaches zero and the interpreter aborts
(``none_dealloc``). Python 3.12 makes these objects immortal; here we give
them a reference count so large that no session can use it up.
"""

from __future__ import annotations

import ctypes
import sys

_HEADROOM = 1 << 40


def protect_singletons() -> None:
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return
    for obj in (None, True, False):
        ctypes.c_ssize_t.from_address(id(obj)).value += _HEADROOM
