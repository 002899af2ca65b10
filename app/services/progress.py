"""Progress and cancellation for long work (import, export, reindex), without Qt.

A long operation takes a `Progress` and calls `step(done, total)` as it goes; the GUI's worker
turns steps into a progress bar, and a Cancel button calls `cancel()`, which makes the next
`step` raise `Cancelled` so the operation can stop cleanly (and roll back what it started).
Work done in stages (an import reads, checks, writes, indexes) names each with `begin`; the
steps that follow count within it, and whoever shows them reads `stage` for the words.
"""

from __future__ import annotations

import threading
from collections.abc import Callable


class Cancelled(Exception):
    """The user cancelled; nothing half-done was kept."""


class Progress:
    def __init__(self, on_step: Callable[[int, int], None] | None = None) -> None:
        self._on_step = on_step
        self._cancelled = threading.Event()
        self.stage = ""  # an untranslated message (N_), or "" for work of one stage

    def begin(self, stage: str) -> None:
        if self._cancelled.is_set():
            raise Cancelled()
        self.stage = stage

    def step(self, done: int, total: int) -> None:
        if self._cancelled.is_set():
            raise Cancelled()
        if self._on_step is not None:
            self._on_step(done, total)

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()


NO_PROGRESS = Progress()
