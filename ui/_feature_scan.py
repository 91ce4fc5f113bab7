"""Keep PySide6 from reading the source of every module imported after it.

Importing PySide6 replaces ``builtins.__import__`` with a hook for ``from
__feature__ import snake_case, true_property``. After each import of a module it
has not seen, the hook reads that module's whole source file and looks for the
word "PySide6", to decide whether the module takes part in feature switching
(PYSIDE-2029). At start-up that is SQLAlchemy and the bzdesk core, later the
services a page needs on its first visit: a few hundred files, 0.2–0.4 s, and
every source kept in memory afterwards (linecache).

bzdesk selects no feature anywhere, so the answer changes nothing: a module
that "uses PySide" switches to feature set 0, one that does not keeps the
current set, which is always 0. Only our Qt layer is still read (a few small
files, so its answer stays exact should it ever select a feature); every other
module is answered "does not use PySide" unread, which is also the truth for
the core (the layer rules forbid it Qt) and for the libraries it uses.
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

QT_PACKAGES = frozenset({"ui"})


def skip_feature_scan() -> None:
    import PySide6.QtCore  # noqa: F401  (installs the hook)

    try:
        from shibokensupport import feature
    except ImportError:  # a PySide6 without it: nothing to do
        return
    scan: Callable[[ModuleType], bool] | None = getattr(feature, "_mod_uses_pyside", None)
    if scan is None:
        return

    def uses_pyside(module: ModuleType) -> bool:
        name = getattr(module, "__name__", "")
        return name.partition(".")[0] in QT_PACKAGES and scan(module)

    feature._mod_uses_pyside = uses_pyside
