"""A save that cannot be written fails loudly, with a typed error, and changes nothing; the next
try succeeds once the cause is gone."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app.db.connection import connect
from app.db.database import Database
from app.services.notes import Notes
from app.services.writing import DatabaseBusy, DatabaseReadOnly, DiskFull, WriteFailed, Writer
from tests.unit.notes_helpers import Clock


def stored(path: Path, note_id: int) -> tuple[str, str, int]:
    conn = sqlite3.connect(path)
    try:
        title, body = conn.execute("SELECT title, body FROM note WHERE id = ?", (note_id,)).fetchone()
        revisions = conn.execute(
            "SELECT count(*) FROM note_revision WHERE note_id = ?", (note_id,)
        ).fetchone()
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return title, body, revisions[0]
    finally:
        conn.close()


@pytest.fixture
def note_id(mini_db: Database) -> int:
    notes = Notes(mini_db)
    note = notes.create(body="Kept text\nwith [[alpha]]")
    notes.writer.close()
    return note.id


def test_read_only_database(mini_db: Database, note_id: int) -> None:
    before = stored(mini_db.path, note_id)
    readonly = Writer(mini_db, connect=lambda: connect(mini_db.path, readonly=True, check_same_thread=False))
    notes = Notes(mini_db, readonly)
    with pytest.raises(DatabaseReadOnly) as failed:
        notes.save(note_id, "New text that cannot be stored")
    assert "read-only" in str(failed.value)
    assert stored(mini_db.path, note_id) == before
    readonly.close()
    assert Notes(mini_db).save(note_id, "New text that cannot be stored").saved  # writable again


def test_locked_database_fails_fast_and_retry_succeeds(mini_db: Database, note_id: int) -> None:
    before = stored(mini_db.path, note_id)
    other = connect(mini_db.path)
    other.execute("BEGIN EXCLUSIVE")  # another program holding the write lock
    notes = Notes(mini_db)
    try:
        with pytest.raises(DatabaseBusy) as failed:
            notes.save(note_id, "Typed while the file was locked")
        assert "busy" in str(failed.value)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert stored(mini_db.path, note_id) == before
    assert notes.save(note_id, "Typed while the file was locked").saved
    assert stored(mini_db.path, note_id)[1] == "Typed while the file was locked"


def test_disk_full_changes_nothing_not_even_half_a_revision(mini_db: Database, note_id: int) -> None:
    clock = Clock()
    ceiling = {"pages": 0}

    def connect_with_ceiling() -> sqlite3.Connection:
        conn = connect(mini_db.path, check_same_thread=False)
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        ceiling["pages"] = pages
        conn.execute(f"PRAGMA max_page_count = {pages}")  # no room to grow: a full disk
        return conn

    writer = Writer(mini_db, connect=connect_with_ceiling)
    notes = Notes(mini_db, writer, now=clock)
    clock.advance(3600)  # a new session: this save would also keep the old text as a revision
    before = stored(mini_db.path, note_id)
    big = "长文本 ข้อความยาว " * 5000
    with pytest.raises(DiskFull) as failed:
        notes.save(note_id, big)
    assert isinstance(failed.value, WriteFailed) and "disk is full" in str(failed.value)
    assert stored(mini_db.path, note_id) == before
    writer.conn.execute(f"PRAGMA max_page_count = {ceiling['pages'] * 100}")  # space freed
    result = notes.save(note_id, big)
    assert result.saved and result.revision_created
    _title, body, revisions = stored(mini_db.path, note_id)
    assert body == big and revisions == before[2] + 1


# A library imported before data files' timestamps were checked may hold any of these (issue 16).
BAD_STAMPS = [
    "2025-09-18 10:00:00",  # YAML's own, naive
    "2025-09-18T10:00:00",
    "not-a-time",
    "9999-12-31T25:61:61Z",
    "0001-01-01T00:00:00+05:00",  # before the first moment once in UTC
    "9999-12-31T23:59:59.999999+00:00",
    "",
]


@pytest.mark.parametrize("stamp", BAD_STAMPS)
def test_a_note_with_a_bad_stored_timestamp_still_saves(mini_db: Database, note_id: int, stamp: str) -> None:
    conn = sqlite3.connect(mini_db.path)
    with conn:
        conn.execute("UPDATE note SET updated_at = ?, created_at = ? WHERE id = ?", (stamp, stamp, note_id))
    conn.close()
    clock = Clock()
    notes = Notes(mini_db, now=clock)
    first = notes.save(note_id, "Kept text\nwith [[alpha]] and more")
    assert first.saved and first.updated_at == clock()
    clock.advance(1)
    assert notes.save(note_id, "Kept text\nwith [[alpha]] and more still").saved  # the same session
    clock.advance(3600)
    assert notes.save(note_id, "A new session").revision_created
    _title, body, _revisions = stored(mini_db.path, note_id)
    assert body == "A new session"
    history = notes.revisions(note_id)
    # every revision carries a moment, newest first, so the list reads in order
    assert [r.created_at for r in history] == sorted((r.created_at for r in history), reverse=True)
    assert history[-1].created_at <= clock()
