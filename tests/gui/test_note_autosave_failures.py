"""A save that fails in a way nobody foresaw (a bug, bad data in the file) is still a failed
save: the text stays in the editor, the failure is shown and logged, and saving is retried
(issue 16: such a note could be neither saved nor left without losing what was typed)."""

from __future__ import annotations

import logging
import sqlite3

import pytest
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.gui.notes.editor import NoteEditor
from app.records.notes import SaveResult
from app.services.notes import Notes
from app.services.tags import Tags


class Faulty(Notes):
    """Notes whose saves raise what no save should, until told to stop."""

    failing = True

    def save(self, note_id: int, body: str, title: str | None = None) -> SaveResult:
        if self.failing:
            raise ValueError("Invalid isoformat string: 'not-a-time'")
        return super().save(note_id, body, title)


def stored(db: Database, note_id: int) -> str:
    conn = sqlite3.connect(db.path)
    try:
        return str(conn.execute("SELECT body FROM note WHERE id = ?", (note_id,)).fetchone()[0])
    finally:
        conn.close()


def test_an_unexpected_failure_keeps_the_text_says_so_logs_it_and_retries(
    qtbot: QtBot, mini_db: Database, caplog: pytest.LogCaptureFixture
) -> None:
    note_id = Notes(mini_db).create(body="First note\n").id
    notes = Faulty(mini_db)
    editor = NoteEditor(notes, Tags(mini_db, notes.writer))
    qtbot.addWidget(editor)
    editor.show()
    editor.autosave.set_intervals(retry_ms=200)
    try:
        assert editor.open_note(note_id)
        editor.body.setFocus()
        editor.body.moveCursor(editor.body.textCursor().MoveOperation.End)
        qtbot.keyClicks(editor.body, "typed on")
        with caplog.at_level(logging.ERROR):
            assert not editor.flush()
        assert editor.body.toPlainText() == "First note\ntyped on"
        assert "Not saved" in editor.status.text() and not editor.status_icon.isHidden()
        assert editor.autosave.retrying
        assert not editor.close_note()  # leaving would lose the text: refused
        assert any(r.exc_info and "not-a-time" in str(r.exc_info[1]) for r in caplog.records)
        assert stored(mini_db, note_id) == "First note\n"
        notes.failing = False  # whatever it was, it is gone
        qtbot.waitUntil(lambda: stored(mini_db, note_id) == "First note\ntyped on", timeout=5000)
        qtbot.waitUntil(lambda: editor.status.text().startswith("Saved"))
        assert editor.status_icon.isHidden()
    finally:
        editor.autosave.stop()
