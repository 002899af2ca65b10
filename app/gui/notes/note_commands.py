"""Undo and redo of moving notes to the Trash and back, on the window's one undo stack (beside
entry edits: Ctrl+Z brings back a note as it brings back an entry).

A command that can no longer be carried out (the note was deleted for good, the database cannot
be written) says so and leaves the stack, as entry commands do (app/gui/edit_commands.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtGui import QUndoCommand

from app.services.note_dto import Changed
from app.services.notes import NoteNotFound
from app.services.writing import WriteFailed


class NoteOutcome(Protocol):
    def failed(self, message: str) -> None: ...


class NoteCommand(QUndoCommand):
    def __init__(
        self,
        text: str,
        forward: Callable[[], Changed],
        backward: Callable[[], Changed],
        outcome: NoteOutcome,
    ) -> None:
        super().__init__(text)
        self._forward = forward
        self._backward = backward
        self._outcome = outcome
        self._skip_first_redo = True  # push() calls redo(); the change was already made

    def redo(self) -> None:
        if self._skip_first_redo:
            self._skip_first_redo = False
            return
        self._run(self._forward)

    def undo(self) -> None:
        self._run(self._backward)

    def _run(self, step: Callable[[], Changed]) -> None:
        try:
            step()
        except (WriteFailed, NoteNotFound) as exc:
            self.setObsolete(True)
            reason = exc.reason if isinstance(exc, WriteFailed) else str(exc)
            self._outcome.failed(f"Cannot {self.text().lower()}: {reason}")


def trash_command(
    title: str, trash: Callable[[], Changed], restore: Callable[[], Changed], outcome: NoteOutcome
) -> NoteCommand:
    return NoteCommand(f"Move note “{title}” to the Trash", trash, restore, outcome)


def restore_command(
    title: str, trash: Callable[[], Changed], restore: Callable[[], Changed], outcome: NoteOutcome
) -> NoteCommand:
    return NoteCommand(f"Restore note “{title}”", restore, trash, outcome)
