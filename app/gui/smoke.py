"""A test-only switch: with ROUNDTABLE_SMOKE_TEST=1 in the environment, Roundtable prints one
line once its main window has been shown and painted, then quits with status 0.

The bundle test (tests/packaging/test_bundle.py) uses it to prove that a built application
gets all the way to its window on a new database; it changes nothing else.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

ENV = "ROUNDTABLE_SMOKE_TEST"
LINE = "roundtable smoke test: main window painted"


def requested() -> bool:
    return os.environ.get(ENV) == "1"


class _FirstPaint(QObject):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._seen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The window paints before its children, in the same pass: the zero timer fires once
        # the whole window has been painted.
        if not self._seen and event.type() == QEvent.Type.Paint:
            self._seen = True
            QTimer.singleShot(0, self._report)  # after this paint has finished
        return False

    def _report(self) -> None:
        status = getattr(getattr(self._window, "entry_list", None), "status", None)
        shown = status.text() if status is not None else ""
        if sys.stdout is not None:  # a windowed Windows build has no console to print to
            print(f"{LINE}: {self._window.windowTitle()}; {shown}", flush=True)
        QApplication.quit()


def quit_after_first_paint(window: QWidget) -> None:
    # On the window alone: a filter on the application would put a Python call in front of
    # every event of every widget and slow down the start it reports on.
    window.installEventFilter(_FirstPaint(window))
