"""Undo and redo of edits, creates, trash and restore, as QUndoCommands that call the editing
service. Each command holds how to go forward and back (snapshots or ids, never widgets).

A command that can no longer be carried out (its entry was deleted permanently, or its slug
taken since) says so and leaves the stack, rather than leaving it in a state that lies.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtGui import QUndoCommand

from app.gui.i18n import translate, translated
from app.i18n import Explained
from app.services.entry_forms import Change, EditingError, Snapshot

if TYPE_CHECKING:
    from app.services.editing import Editor  # loads SQLAlchemy: only when someone edits


class Outcome(Protocol):
    def applied(self, change: Change) -> None: ...

    def failed(self, message: str) -> None: ...


class UndoStep(QUndoCommand):
    """A step already taken, with how to take it again (`forward`) and back (`backward`).
    `errors`: what a step that can no longer be carried out raises; it then says so through
    `failed` and leaves the stack. Notes use it too (app/gui/notes/note_commands.py)."""

    def __init__(
        self,
        text: str,
        forward: Callable[[], Any],
        backward: Callable[[], Any],
        *,
        errors: tuple[type[Exception], ...],
        failed: Callable[[str], None],
        applied: Callable[[Any], None] = lambda _result: None,
        done: bool = True,
    ) -> None:
        super().__init__(text)
        self._forward = forward
        self._backward = backward
        self._errors = errors
        self._failed = failed
        self._applied = applied
        self._skip_first_redo = done  # push() calls redo(); the change was already made

    def redo(self) -> None:
        if self._skip_first_redo:
            self._skip_first_redo = False
            return
        self._run(self._forward)

    def undo(self) -> None:
        self._run(self._backward)

    def _run(self, step: Callable[[], Any]) -> None:
        try:
            result = step()
        except self._errors as exc:
            self.setObsolete(True)
            self.refuse(exc)
            return
        self._applied(result)

    def refuse(self, exc: Exception) -> None:
        """Say that the step can no longer be carried out, and why (`exc`)."""
        reason = translated(exc.message) if isinstance(exc, Explained) else str(exc)
        self._failed(
            translate("Undo", "Cannot repeat “{step}”: {reason}").format(step=self.text(), reason=reason)
        )


class EntryCommand(UndoStep):
    def __init__(
        self,
        text: str,
        forward: Callable[[], Change],
        backward: Callable[[], Change],
        outcome: Outcome,
        *,
        done: bool = True,
    ) -> None:
        super().__init__(
            text,
            forward,
            backward,
            errors=(EditingError,),
            failed=outcome.failed,
            applied=outcome.applied,
            done=done,
        )


def edit_command(editor: Editor, change: Change, outcome: Outcome) -> EntryCommand:
    before, after = change.before, change.after
    assert before is not None and after is not None
    return EntryCommand(
        translate("Undo", "Edit “{name}”").format(name=after.name),
        lambda: editor.apply(after),
        lambda: editor.apply(before),
        outcome,
    )


def create_command(editor: Editor, change: Change, outcome: Outcome) -> EntryCommand:
    after: Snapshot | None = change.after
    assert after is not None
    return EntryCommand(
        translate("Undo", "Create “{name}”").format(name=after.name),
        lambda: editor.apply(after),
        lambda: editor.purge(after.id),
        outcome,
    )


def trash_command(editor: Editor, change: Change, outcome: Outcome) -> EntryCommand:
    entity_id = change.entity_id
    name = change.after.name if change.after else change.slug
    return EntryCommand(
        translate("Undo", "Move “{name}” to the Trash").format(name=name),
        lambda: editor.trash(entity_id),
        lambda: editor.restore(entity_id),
        outcome,
    )


def restore_command(editor: Editor, change: Change, outcome: Outcome) -> EntryCommand:
    entity_id = change.entity_id
    name = change.after.name if change.after else change.slug
    return EntryCommand(
        translate("Undo", "Restore “{name}”").format(name=name),
        lambda: editor.restore(entity_id),
        lambda: editor.trash(entity_id),
        outcome,
    )
