"""A guard against a reference-count bug of PySide6 6.12.0 on Python 3.11.

This PySide returns None from every method that returns nothing (setText, update, every
QPainter call, processEvents…) and True from `Signal.emit()` without owning a reference to
them, as if they were immortal, which they are only from Python 3.12 on. On 3.11 each such call
takes one reference from None or True for good, until the object is deallocated and the
interpreter aborts ("Fatal Python error: none_dealloc" or "bool_dealloc"). Painting live plots
makes thousands of such calls a second, so a training session would end that way within
minutes; a short test run may pass, and then abort at exit.

`install()` checks whether the running PySide has the bug and, only then, gives None, True and
False a large reserve of references and tops it up from a timer, so no burst of calls between
two ticks can use it up. The top-up adds to the reference count in place (CPython keeps it in
the object's first field) and stores nothing, so no memory grows. The real fix is another
PySide6, or Python ≥ 3.12.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, QTimer, Signal

CHECK_CALLS = 16
TOP_UP_MS = 250
RESERVE = 1 << 24  # references: many seconds of the fastest calling loop
GUARDED = (None, True, False)


class _Probe(QObject):
    fired = Signal()


def _add_references(obj: object, count: int) -> None:
    # ob_refcnt is the first field of every CPython object; the GIL is held here, so no other
    # Python thread changes it between the read and the write.
    ctypes.c_ssize_t.from_address(id(obj)).value += count


def losses() -> dict[object, int]:
    """References lost to None and True by a few void calls and emits, given back at once."""
    probe = _Probe()
    before = {obj: sys.getrefcount(obj) for obj in GUARDED}
    for _ in range(CHECK_CALLS):
        probe.setObjectName("probe")  # returns nothing
        probe.fired.emit()  # returns True
    lost = {obj: before[obj] - sys.getrefcount(obj) for obj in GUARDED}
    for obj, count in lost.items():
        if count > 0:
            _add_references(obj, count)
    return lost


def needed() -> bool:
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False  # immortal None and bools: nothing to lose
    lost = losses()
    return lost[None] >= CHECK_CALLS // 2 or lost[True] >= CHECK_CALLS // 2


class RefGuard(QObject):
    """Keeps None, True and False at least RESERVE references above where they were."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.floor = {obj: sys.getrefcount(obj) + RESERVE for obj in GUARDED}
        self.added = 0
        self.top_up()
        self.timer = QTimer(self)
        self.timer.setInterval(TOP_UP_MS)
        self.timer.timeout.connect(self.top_up)
        self.timer.start()

    def top_up(self) -> None:
        for obj, floor in self.floor.items():
            missing = floor - sys.getrefcount(obj)
            if missing > 0:
                _add_references(obj, missing)
                self.added += missing


def install(app: QObject) -> RefGuard | None:
    """Guard `app`'s process if its PySide needs it; returns the guard, or None."""
    return RefGuard(app) if needed() else None
