"""Running service work off the UI thread and handing plain results back through signals.

    task = Task(lambda progress: export(db, target, progress))
    task.progressed.connect(on_progress)   # (done, total)
    task.succeeded.connect(on_done)        # the function's return value
    task.failed.connect(show_error)        # a message for the user
    cancel_button.clicked.connect(task.cancel)
    task.start()                           # connect first: a fast task may finish at once

The function must not touch widgets; it uses its own database connection (Database.connect()
or a new session) because sqlite3 connections belong to the thread that uses them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from app.i18n import Explained
from app.services.progress import Cancelled, Progress

log = logging.getLogger(__name__)


def plain_message(exc: Exception) -> str:
    """What went wrong, in a sentence for the researcher (an Explained's own, translated)."""
    if isinstance(exc, Explained):
        from app.gui.i18n import translated

        return translated(exc.message)
    return str(exc) or exc.__class__.__name__


class Task(QObject):
    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(
        self,
        fn: Callable[[Progress], Any],
        *,
        describe: Callable[[Exception], str] = plain_message,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._fn = fn
        self._describe = describe
        self.progress = Progress(self.progressed.emit)

    def start(self, pool: QThreadPool | None = None) -> None:
        (pool or QThreadPool.globalInstance()).start(_Runnable(self))

    def cancel(self) -> None:
        self.progress.cancel()

    def run_here(self) -> None:
        """Run the function in the calling thread (the pool thread, via start())."""
        try:
            result = self._fn(self.progress)
        except Cancelled:
            self._emit(self.cancelled)
        except Exception as exc:
            log.exception("background task failed")
            self._emit(self.failed, self._describe(exc))
        else:
            self._emit(self.succeeded, result)

    def _emit(self, signal: Any, *args: Any) -> None:
        try:
            signal.emit(*args)
        except RuntimeError:
            # The task's owner was deleted while it ran (a window closed, the program quit
            # during a start-up check): nobody is left to tell.
            log.debug("a background task finished after its owner was gone")


class _Runnable(QRunnable):
    def __init__(self, task: Task) -> None:
        super().__init__()
        self._task = task
        self.setAutoDelete(True)

    def run(self) -> None:
        self._task.run_here()
