"""Undo and redo of edits, creates, trash and restore, as QUndoCommands that call the editing
service. Each command holds how to go forward and back (snapshots or ids, never widgets).

A command that can no longer be carried out (its entry was deleted permanently, or its slug
taken since) says so and leaves the stack, rather than leaving it in a state that lies.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtGui import QUndoCommand

from app.services.entry_forms import Change, EditingError, Snapshot

if TYPE_CHECKING:
    from app.services.editing import Editor


class Outcome(Protocol):
    def applied(self, change: Change) -> None: ...

    def failed(self, message: str) -> None: ...


class EntryCommand(QUndoCommand):
    def __init__(
        self,
        text: str,
        forward: Callable[[], Change],
        backward: Callable[[], Change],
        outcome: Outcome,
        *,
        done: bool = True,
    ) -> None:
        super().__init__(text)
        self._forward = forward
        self._backward = backward
        self._outcome = outcome
        self._skip_first_redo = done  # push() calls redo(); the change was already made

    def redo(self) -> None:
        if self._skip_first_redo:
            self._skip_first_redo = False
            return
        self._run(self._forward)

    def undo(self) -> None:
        self._run(self._backward)

    def _run(self, step: Callable[[], Change]) -> None:
        try:
            change = step()
        except EditingError as exc:
            self.setObsolete(True)
            self._outcome.failed(f"Cannot {self.text().lower()}: {exc}")
            return
        self._outcome.applied(change)


def edit_command(editor: Editor, change: Change, outcome: Outcome) -> EntryCommand:
    before, after = change.before, change.after
    assert before is not None and after is not None
    return EntryCommand(
        f"Edit “{after.name}”", lambda: editor.apply(after), lambda: editor.apply(before), outcome
    )


def create_command(editor: Editor, change: Change, outcome: Outcome) -> EntryCommand:
    after: Snapshot | None = change.after
    assert after is not None
    return EntryCommand(
        f"Create “{after.name}”", lambda: editor.apply(after), lambda: editor.purge(after.id), outcome
    )


def trash_command(editor: Editor, change: Change, outcome: Outcome) -> EntryCommand:
    entity_id = change.entity_id
    name = change.after.name if change.after else change.slug
    return EntryCommand(
        f"Move “{name}” to the Trash",
        lambda: editor.trash(entity_id),
        lambda: editor.restore(entity_id),
        outcome,
    )


def restore_command(editor: Editor, change: Change, outcome: Outcome) -> EntryCommand:
    entity_id = change.entity_id
    name = change.after.name if change.after else change.slug
    return EntryCommand(
        f"Restore “{name}”", lambda: editor.restore(entity_id), lambda: editor.trash(entity_id), outcome
    )
