"""A test-only switch: with ROUNDTABLE_SMOKE_TEST=1 in the environment, Roundtable prints one
line once its main window has been shown and painted, then quits with status 0.

The bundle test (tests/packaging/test_bundle.py) uses it to prove that a built application
gets all the way to its window on a new database; it changes nothing else.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtWidgets import QApplication, QWidget

from app.gui.first_paint import after_first_paint

ENV = "ROUNDTABLE_SMOKE_TEST"
LINE = "roundtable smoke test: main window painted"


def requested() -> bool:
    return os.environ.get(ENV) == "1"


def _report(window: QWidget) -> None:
    status = getattr(getattr(window, "entry_list", None), "status", None)
    shown = status.text() if status is not None else ""
    if sys.stdout is not None:  # a windowed Windows build has no console to print to
        print(f"{LINE}: {window.windowTitle()}; {shown}", flush=True)
    finish = getattr(window, "finish", None)
    if callable(finish):
        finish()  # what waits for the first paint is installed too, before the window quits
    QApplication.quit()


def quit_after_first_paint(window: QWidget) -> None:
    after_first_paint(window, lambda: _report(window))
