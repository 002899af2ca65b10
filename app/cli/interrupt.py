"""Ctrl+C as Cancel for a long command: the work stops where it checks its Progress, and rolls
back, instead of a KeyboardInterrupt raised wherever Python happens to be."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from app.services.progress import Progress


@contextmanager
def cancel_on_interrupt(progress: Progress) -> Iterator[None]:
    """While the block runs, SIGINT cancels `progress`. A second Ctrl+C, for work that does not
    stop, interrupts as usual (an import is one transaction: it still writes nothing)."""
    if threading.current_thread() is not threading.main_thread():  # only it may set handlers
        yield
        return
    previous = signal.getsignal(signal.SIGINT)

    def cancel(_signum: int, _frame: FrameType | None) -> None:
        progress.cancel()
        signal.signal(signal.SIGINT, previous)

    signal.signal(signal.SIGINT, cancel)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
