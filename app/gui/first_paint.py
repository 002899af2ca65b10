"""Doing something once a window has been painted for the first time.

Work the first paint need not wait for (the start-up check of the whole file, the test-only
smoke line) starts here instead of competing with the window for the processor while it is
being built and drawn.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

_PAINTED = "roundtablePainted"  # a window's dynamic property, once its first paint was seen


class _FirstPaint(QObject):
    def __init__(self, window: QWidget, then: Callable[[], None], at_latest_ms: int | None) -> None:
        super().__init__(window)
        self._window = window
        self._then: Callable[[], None] | None = then
        if at_latest_ms is not None:  # a window never painted (hidden, minimized) still gets it
            QTimer.singleShot(at_latest_ms, self, self._run)
        # On the window alone: a filter on the application would put a Python call in front of
        # every event of every widget, while the window is being built and drawn.
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The window paints before its children, in the same pass: the zero timer fires once
        # the whole window has been painted.
        if event.type() == QEvent.Type.Paint and self._then is not None:
            self._window.setProperty(_PAINTED, True)
            QTimer.singleShot(0, self, self._run)
        return False

    def _run(self) -> None:
        then, self._then = self._then, None
        if then is not None:
            self._window.removeEventFilter(self)
            then()
            self.deleteLater()


def after_first_paint(window: QWidget, then: Callable[[], None], *, at_latest_ms: int | None = None) -> None:
    """Call `then` once, when `window` has been painted for the first time (or after
    `at_latest_ms`, if given and it has not been painted by then). Asked once the window has
    been painted (by a feature installed after the paint), `then` runs at the event loop's
    next turn."""
    if window.property(_PAINTED):
        QTimer.singleShot(0, window, then)
        return
    _FirstPaint(window, then, at_latest_ms)
