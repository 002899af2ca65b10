"""What is stored equals what the user last saw: a Hypothesis state machine types, deletes,
composes with an input method, undoes, saves, leaves, switches between notes on different
entries, restores revisions, lets time pass and reopens the database, in any order.

ROUNDTABLE_HYPOTHESIS_EXAMPLES sets how many runs (default 40).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QInputMethodEvent, QTextCursor
from PySide6.QtWidgets import QApplication

from app.db.database import Database, open_database
from app.gui.notes.editor import NoteEditor
from app.services.notes import Notes, note_title
from app.services.tags import Tags
from tests.conftest import copy_db
from tests.unit.notes_helpers import Clock

EXAMPLES = int(os.environ.get("ROUNDTABLE_HYPOTHESIS_EXAMPLES", "40"))
TEXT = st.lists(
    st.sampled_from([*"ab c\n#*[]", *"会议东盟", *"ประชุม", "ລາວ", "[[alpha]]", "[[Nobody]]"]),
    max_size=6,
).map("".join)


class NoteEditing(RuleBasedStateMachine):
    template: Path
    folder: Path

    runs = 0

    def __init__(self) -> None:
        super().__init__()
        NoteEditing.runs += 1
        self.dir = Path(tempfile.mkdtemp(dir=self.folder))
        self.path = copy_db(self.template, self.dir / "notes.sqlite3")
        self.clock = Clock()
        self.db, self.notes, self.editor = self._open()
        ids = dict(self.db.read().execute("SELECT slug, id FROM entity WHERE slug IN ('alpha', 'laos')"))
        self.note_ids = [
            self.notes.create(entry_id=ids["alpha"], body="On Alpha").id,
            self.notes.create(entry_id=ids["laos"], body="ລາວ").id,
            self.notes.create(body="").id,  # standalone, empty
        ]
        self.seen = {n: (self.notes.get(n).title, self.notes.get(n).body) for n in self.note_ids}
        self.editor.open_note(self.note_ids[0])

    def _open(self) -> tuple[Database, Notes, NoteEditor]:
        db = open_database(self.path)
        notes = Notes(db, now=self.clock)
        editor = NoteEditor(notes, Tags(db, notes.writer))
        editor.autosave.set_intervals(delay_ms=3_600_000)  # saves happen only through the rules
        editor.set_view("write")
        return db, notes, editor

    def _close(self) -> None:
        self.editor.autosave.stop()
        self.editor.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        self.notes.writer.close()
        self.db.close()

    def teardown(self) -> None:
        self._close()
        shutil.rmtree(self.dir, ignore_errors=True)

    # --- what the user sees and what is stored -----------------------------------------------

    def _shown(self) -> tuple[str, str]:
        body = self.editor.body.toPlainText()
        return note_title(self.editor.title.text() or None, body), body

    def _shown_on_leaving(self) -> tuple[str, str]:
        """What the user sees, with the text still being composed committed where the cursor is."""
        body = self.editor.body.toPlainText()
        at = self.editor.body.textCursor().position()
        body = body[:at] + self.editor.body.preedit + body[at:]
        return note_title(self.editor.title.text() or None, body), body

    def _stored(self) -> dict[int, tuple[str, str]]:
        conn = sqlite3.connect(self.path)
        try:
            return {i: (t, b) for i, t, b in conn.execute("SELECT id, title, body FROM note")}
        finally:
            conn.close()

    def _remember_open_note(self) -> None:
        """After a save that worked: the user saw this, and this is what must be stored."""
        note_id = self.editor.note_id
        assert note_id is not None
        self.seen[note_id] = self._shown()

    @invariant()
    def stored_is_what_the_user_last_saw(self) -> None:
        stored = self._stored()
        for note_id, seen in self.seen.items():
            assert stored[note_id] == seen, f"note {note_id}"
        if not self.editor.is_dirty and self.editor.note_id is not None:
            assert stored[self.editor.note_id] == self._shown()

    # --- editing -------------------------------------------------------------------------------

    @rule(text=TEXT, at=st.floats(0, 1))
    def type(self, text: str, at: float) -> None:
        if not text:
            return
        cursor = self.editor.body.textCursor()
        cursor.setPosition(int(at * len(self.editor.body.toPlainText())))
        self.editor.body.setTextCursor(cursor)
        event = QInputMethodEvent("", [])
        event.setCommitString(text)
        QApplication.sendEvent(self.editor.body, event)

    @rule(at=st.floats(0, 1), length=st.integers(1, 12))
    def delete(self, at: float, length: int) -> None:
        size = len(self.editor.body.toPlainText())
        cursor = self.editor.body.textCursor()
        start = int(at * size)
        cursor.setPosition(start)
        cursor.setPosition(min(size, start + length), QTextCursor.MoveMode.KeepAnchor)
        self.editor.body.setTextCursor(cursor)
        cursor.removeSelectedText()

    @rule(text=st.sampled_from(["zhong", "中文", "ประ", "ລາວ"]))
    def compose(self, text: str) -> None:
        """An input method shows text being composed, not yet part of the note."""
        QApplication.sendEvent(self.editor.body, QInputMethodEvent(text, []))

    @rule(title=st.sampled_from(["", "东盟会议", "Plan"]))
    def retitle(self, title: str) -> None:
        self.editor.title.setText(title)
        self.editor.title.textEdited.emit(title)

    @rule()
    def undo(self) -> None:
        self.editor.body.undo()

    @rule()
    def redo(self) -> None:
        self.editor.body.redo()

    # --- saving and leaving --------------------------------------------------------------------

    @rule()
    def autosave(self) -> None:
        """What the timer does a moment after the last keystroke."""
        assert self.editor.autosave.flush()
        self._remember_open_note()

    @rule()
    def leave(self) -> None:
        """A way out (focus leaves, the application loses focus): composed text is committed."""
        leaving = self._shown_on_leaving()
        assert self.editor.flush()
        assert self._shown() == leaving
        self._remember_open_note()

    @rule(which=st.integers(0, 2))
    def switch_note(self, which: int) -> None:
        """Open a note on another entry (or the standalone one): the open one is stored first."""
        leaving, note_id = self._shown_on_leaving(), self.editor.note_id
        assert note_id is not None
        assert self.editor.open_note(self.note_ids[which])
        if note_id != self.note_ids[which]:  # (opening the note already open changes nothing)
            self.seen[note_id] = leaving
            assert self._shown() == self.seen[self.note_ids[which]]

    @rule(seconds=st.sampled_from([1, 200, 700, 4000]))
    def time_passes(self, seconds: int) -> None:
        self.clock.advance(seconds)

    @precondition(lambda self: self.editor.note_id is not None)
    @rule(pick=st.integers(0, 50))
    def restore_revision(self, pick: int) -> None:
        note_id = self.editor.note_id
        assert note_id is not None
        revisions = self.notes.revisions(note_id)
        if not revisions:
            return
        chosen = revisions[pick % len(revisions)]
        text = self.notes.revision(chosen.id).body
        assert self.editor.restore_revision(chosen.id)
        assert self.editor.body.toPlainText() == text
        self._remember_open_note()

    @rule()
    def reopen_the_database(self) -> None:
        note_id = self.editor.note_id
        assert note_id is not None
        leaving = self._shown_on_leaving()
        assert self.editor.close_note()
        self.seen[note_id] = leaving
        self._close()
        self.db, self.notes, self.editor = self._open()
        assert self.editor.open_note(note_id)
        assert self._shown() == self.seen[note_id]


def test_what_is_stored_is_what_the_user_last_saw(
    qapp: QApplication, mini_template: Path, tmp_path: Path
) -> None:
    NoteEditing.runs = 0
    NoteEditing.template = mini_template
    NoteEditing.folder = tmp_path
    run_state_machine_as_test(
        NoteEditing,
        settings=settings(
            max_examples=EXAMPLES,
            stateful_step_count=30,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow],
        ),
    )
    assert NoteEditing.runs >= EXAMPLES
