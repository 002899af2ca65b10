"""Which note lists a window may read on its own thread, and stopping a read of a list that has
moved on (the Notes view's background reads, app/gui/notes/models.py)."""

from __future__ import annotations

import threading
import uuid

import pytest

from app.db.database import Database
from app.records.notes import NoteQuery
from app.services.note_lists import NoteLists
from app.services.progress import Cancelled, Progress

STAMP = "2026-12-07T10:00:00.000000+00:00"


@pytest.fixture
def many(mini_db: Database) -> Database:
    conn = mini_db.connect()
    with conn:
        conn.executemany(
            "INSERT INTO note (uid, title, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
            [(str(uuid.uuid4()), f"Note {n}", f"body {n} " * 20, STAMP, STAMP) for n in range(2000)],
        )
    conn.close()
    return mini_db


def test_only_pages_an_index_serves_count_as_quick(mini_db: Database) -> None:
    lists = NoteLists(mini_db)
    assert lists.quick(NoteQuery()) and lists.quick(NoteQuery(sort="title", descending=False))
    assert lists.quick(NoteQuery(sort="created")) and lists.quick(NoteQuery(trash=True, sort="deleted"))
    assert lists.quick(NoteQuery(entry_id=1, text="x", sort="entry"))  # one entry's notes: few
    assert lists.quick(NoteQuery(sort="entry"))  # the stored key's index (app/db/note_sort.py)
    assert not lists.quick(NoteQuery(text="cooperation"))  # every body read for a rare word
    assert not lists.quick(NoteQuery(tag="policy"))
    assert lists.quick_count(NoteQuery(sort="entry"))  # counted through the index on deleted_at
    assert not lists.quick_count(NoteQuery(text="x")) and not lists.quick_count(NoteQuery(tag="x"))


def test_a_read_stops_mid_statement_once_its_progress_is_cancelled(many: Database) -> None:
    lists = NoteLists(many)
    query = NoteQuery(tag="no-such-tag")  # each note looked at
    going = Progress()
    with lists.stoppable(going):
        assert lists.count(query) == 0
    stopped = Progress()
    stopped.cancel()
    with pytest.raises(Cancelled), lists.stoppable(stopped):
        lists.count(query)  # 2,000 bodies: far more steps than one ask
    assert lists.count(query) == 0  # the connection reads on, without the handler


def test_a_read_on_another_thread_is_stopped_from_the_window_thread(many: Database) -> None:
    lists = NoteLists(many)
    progress = Progress()
    progress.cancel()
    outcome: list[object] = []

    def read() -> None:
        try:
            with lists.stoppable(progress):
                outcome.append(lists.count(NoteQuery(tag="no-such-tag")))
        except Cancelled as exc:
            outcome.append(exc)

    reader = threading.Thread(target=read)
    reader.start()
    reader.join(10)
    assert len(outcome) == 1 and isinstance(outcome[0], Cancelled)
