"""Undo steps that are undone and redone on a worker when they are large: an action on many
entries (app/gui/bulk_actions.py) and a merge that thousands of rows point at
(app/gui/duplicates_view.py). The worker, its progress bar and the hold on other edits are
BulkActions.background's: one at a time in a window, whoever started it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoStack

from app.gui.edit_commands import UndoStep
from app.gui.i18n import translated
from app.services.entry_forms import EditingError
from app.services.progress import Progress

# background(work, label, succeeded, failed): BulkActions.background
Background = Callable[[Callable[[Progress], Any], str, Callable[[Any], None], Callable[[str], None]], None]


class WorkerStep(UndoStep):
    """An UndoStep that, when `large`, has `on_worker(self, forward)` undo or redo it (which
    calls run_step); a small one runs at once, as any UndoStep does."""

    def __init__(
        self,
        text: str,
        forward: Callable[[], Any],
        backward: Callable[[], Any],
        *,
        errors: tuple[type[Exception], ...],
        failed: Callable[[str], None],
        applied: Callable[[Any], None],
        large: bool,
        on_worker: Callable[[WorkerStep, bool], None],
    ) -> None:
        super().__init__(text, forward, backward, errors=errors, failed=failed, applied=applied)
        self.large = large
        self._on_worker = on_worker
        self._passing = False

    def pass_once(self) -> None:
        """The next undo() or redo() only moves the stack's index: the database is there."""
        self._passing = True

    def redo(self) -> None:
        if self._passing:
            self._passing = False
        elif self._skip_first_redo or not self.large:
            super().redo()
        else:
            self._on_worker(self, True)

    def undo(self) -> None:
        if self._passing:
            self._passing = False
        elif not self.large:
            super().undo()
        else:
            self._on_worker(self, False)


def run_step(
    step: WorkerStep,
    *,
    forward: bool,
    stack: QUndoStack,
    background: Background,
    work: Callable[[Progress], Any],
    label: str,
    succeeded: Callable[[Any], None],
    failed: Callable[[str], None],
) -> None:
    """Redo (`forward`) or undo a large step on a worker. The undo stack has moved its index
    already (QUndoStack calls undo() and redo() to have them done at once); if the worker
    fails, nothing was changed and the index goes back; if the step can no longer be
    carried out (`work` raises EditingError), it leaves the stack, as one done at once does
    (edit_commands.UndoStep)."""

    def guarded(progress: Progress) -> Any:
        try:
            return work(progress)
        except EditingError as exc:
            return exc

    def placed() -> bool:
        # (Another edit pushed meanwhile takes a step undone off the stack: then it stays off.)
        at = stack.index() - 1 if forward else stack.index()
        return 0 <= at < stack.count() and stack.command(at) is step

    def back() -> None:
        step.pass_once()
        if forward:
            stack.undo()
        else:
            stack.redo()

    def ended(result: Any) -> None:
        if isinstance(result, EditingError):
            if placed():
                step.refuse(result)
                step.setObsolete(True)
                back()  # (an obsolete step is taken off the stack instead)
            else:
                failed(translated(result.message))
            return
        succeeded(result)

    def went_wrong(message: str) -> None:
        if placed():
            back()
        failed(message)

    background(guarded, label, ended, went_wrong)
