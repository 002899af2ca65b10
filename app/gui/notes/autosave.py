"""When to save: a moment after the last change (and at least every MAX_WAIT_MS while changes keep
coming), at once when asked (every way out of the editor), and again and again after a failure
until it works. What to save is the caller's."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from app.gui.i18n import translated
from app.quoting import cut
from app.records.notes import SaveResult
from app.services.notes import NoteNotFound
from app.services.writing import WriteFailed

DELAY_MS = 700  # after the last keystroke: well inside the promised second
MAX_WAIT_MS = 1000  # while typing on without a pause: a crash loses at most this much typing
RETRY_MS = 3000

log = logging.getLogger(__name__)


class Autosaver(QObject):
    saved = Signal(object)  # SaveResult
    failed = Signal(str)  # why, in words for the user; the text stays where it is
    recovered = Signal()  # a save worked after failures

    def __init__(
        self,
        save: Callable[[], SaveResult | None],
        parent: QObject | None = None,
        *,
        delay_ms: int = DELAY_MS,
        retry_ms: int = RETRY_MS,
    ) -> None:
        """`save()` stores what needs storing and returns what it did (None: nothing to do);
        it raises WriteFailed (retried) or NoteNotFound (not retried). Anything else it raises is
        a failure too (a bug, or data the save could not handle): logged, shown and retried."""
        super().__init__(parent)
        self._save = save
        self._debounce = QTimer(self, singleShot=True, interval=delay_ms)
        self._debounce.timeout.connect(self.flush)
        self._max_wait = QTimer(self, singleShot=True, interval=max(delay_ms, MAX_WAIT_MS))
        self._max_wait.timeout.connect(self.flush)
        self._retry = QTimer(self, singleShot=True, interval=retry_ms)
        self._retry.timeout.connect(self.flush)
        self.failure: str | None = None

    @property
    def pending(self) -> bool:
        return self._debounce.isActive() or self._max_wait.isActive() or self._retry.isActive()

    @property
    def retrying(self) -> bool:
        return self._retry.isActive()

    def set_intervals(self, *, delay_ms: int | None = None, retry_ms: int | None = None) -> None:
        if delay_ms is not None:
            self._debounce.setInterval(delay_ms)
            self._max_wait.setInterval(max(delay_ms, MAX_WAIT_MS))
        if retry_ms is not None:
            self._retry.setInterval(retry_ms)

    def save_within(self, ms: int) -> None:
        """Save at most `ms` after the last keystroke, and at least every `ms` while typing on
        (the Notes preference; at 1000 these are DELAY_MS and MAX_WAIT_MS)."""
        self._debounce.setInterval(max(1, ms * DELAY_MS // MAX_WAIT_MS))
        self._max_wait.setInterval(ms)

    @property
    def max_wait_ms(self) -> int:
        return self._max_wait.interval()

    @property
    def delay_ms(self) -> int:
        return self._debounce.interval()

    def changed(self) -> None:
        """Something was edited: save once the editing pauses, or after MAX_WAIT_MS at most."""
        self._debounce.start()
        if not self._max_wait.isActive():
            self._max_wait.start()

    def flush(self) -> bool:
        """Save now. False if the save failed (the failure is reported and retried)."""
        self._debounce.stop()
        self._max_wait.stop()
        self._retry.stop()
        try:
            result = self._save()
        except WriteFailed as exc:
            self._fail(translated(exc.reason), retry=True)
            return False
        except NoteNotFound as exc:
            self._fail(
                self.tr("{problem} Copy your text elsewhere to keep it.").format(problem=exc), retry=False
            )
            return False
        except Exception as exc:  # not foreseen; the text must survive it all the same
            if self.failure is None:  # the first of a run: the retries would repeat the traceback
                log.exception("saving a note failed unexpectedly")
            else:
                log.error("saving a note failed again: %s", _short(exc))
            reason = self.tr(
                "Roundtable could not store the text ({error}); if this goes on, copy your text "
                "elsewhere to keep it."
            )
            self._fail(reason.format(error=_short(exc)), retry=True)
            return False
        if self.failure is not None:
            self.failure = None
            self.recovered.emit()
        if result is not None:
            self.saved.emit(result)
        return True

    def stop(self) -> None:
        self._debounce.stop()
        self._max_wait.stop()
        self._retry.stop()
        self.failure = None

    def _fail(self, reason: str, *, retry: bool) -> None:
        self.failure = reason
        if retry:
            self._retry.start()
        self.failed.emit(reason)


def _short(exc: Exception) -> str:
    """The failure in a few words for the status line; the log has all of it."""
    return cut(f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__)
