"""Undo and redo of moving notes to the Trash and back, on the window's one undo stack (beside
entry edits: Ctrl+Z brings back a note as it brings back an entry).

A command that can no longer be carried out (the note was deleted for good, the database cannot
be written) says so and leaves the stack, as entry commands do (app/gui/edit_commands.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from app.gui.edit_commands import UndoStep
from app.gui.i18n import translate
from app.records.notes import Changed
from app.services.notes import NoteNotFound
from app.services.writing import WriteFailed


class NoteOutcome(Protocol):
    def failed(self, message: str) -> None: ...


def _step(
    text: str, forward: Callable[[], Changed], backward: Callable[[], Changed], outcome: NoteOutcome
) -> UndoStep:
    # WriteFailed's text is its reason, NoteNotFound's says which note is gone.
    return UndoStep(text, forward, backward, errors=(WriteFailed, NoteNotFound), failed=outcome.failed)


def trash_command(
    title: str, trash: Callable[[], Changed], restore: Callable[[], Changed], outcome: NoteOutcome
) -> UndoStep:
    return _step(
        translate("Undo", "Move note “{title}” to the Trash").format(title=title), trash, restore, outcome
    )


def restore_command(
    title: str, trash: Callable[[], Changed], restore: Callable[[], Changed], outcome: NoteOutcome
) -> UndoStep:
    return _step(translate("Undo", "Restore note “{title}”").format(title=title), restore, trash, outcome)
