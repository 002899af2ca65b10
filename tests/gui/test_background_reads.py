"""The lists' background reads: one connection for the reader thread however many reads it
runs, and a read that fails says so in the list's status instead of leaving it 'Counting…'."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.gui.entry_list import EntryList
from app.gui.entry_table_model import EntryTableModel, _pool
from app.gui.notes.notes_view import NotesView
from app.gui.workers import Task
from app.records.notes import NoteQuery, NoteRow
from app.services.entries import EntryLists
from app.services.note_lists import NoteLists
from app.services.notes import Notes
from app.services.tags import Tags


@pytest.fixture
def db(seeded_db: Database) -> Iterator[Database]:
    yield seeded_db
    _pool().waitForDone()  # no read of it may still run when the fixture closes it


def test_the_reader_thread_keeps_one_connection(qtbot: QtBot, db: Database) -> None:
    """A Qt pool thread loses its Python thread state (and every threading.local) after each
    task: Database.read() then opened a connection per background read and kept it open, two
    file descriptors a list refresh until none were left (then every read failed)."""
    before = len(db._readers)
    seen: list[int] = []
    for _ in range(5):  # one after another, as refreshes come
        task = Task(lambda _progress: id(db.read()), parent=_pool())
        with qtbot.waitSignal(task.succeeded, timeout=5000) as arrived:
            task.start(_pool())
        seen.append(arrived.args[0])
        task.deleteLater()
    assert len(set(seen)) == 1
    assert len(db._readers) == before + 1


class _Broken(EntryLists):
    """Reads the first page; reading the whole list fails (a full disk, no file descriptors)."""

    def __init__(self, db: Database) -> None:
        super().__init__(db)
        self.broken = True
        self.whole_reads = 0

    def ids(self, kind: str, *, limit: int | None = None, **options: Any) -> list[int]:
        if limit is None:
            self.whole_reads += 1
            if self.broken:
                raise sqlite3.OperationalError("unable to open database file")
        return super().ids(kind, limit=limit, **options)


def test_a_failed_read_says_why_and_a_refresh_tries_again(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(EntryTableModel, "PAGE", 2)  # the seeded officials are more than a page
    lists = _Broken(db)
    entries = EntryList(lists)
    qtbot.addWidget(entries)
    entries.show_kind("person")
    model = entries.model
    assert model is not None
    entries.show()
    # (It said 'Counting…' for good: the failure went unheard.)
    qtbot.waitUntil(lambda: entries.status.text() != "Counting…", timeout=3000)
    assert entries.status.text() == "The list could not be read: unable to open database file"
    assert model.read_failure == "unable to open database file"
    assert model.counted is None
    # The view asking for more rows does not start the same failing read over and over.
    reads = lists.whole_reads
    assert not model.canFetchMore(model.index(-1, -1))
    qtbot.wait(50)
    assert lists.whole_reads == reads

    lists.broken = False
    with qtbot.waitSignal(model.completed, timeout=5000):
        entries.refresh()
    assert model.read_failure is None
    assert model.counted == lists.count("person") > 2
    assert "officials" in entries.status.text()


class _BrokenNotes(NoteLists):
    """Pages and counts read through an index work; those read in the background fail."""

    def __init__(self, db: Database) -> None:
        super().__init__(db)
        self.broken = True

    def page(self, query: NoteQuery, *, offset: int = 0, limit: int = 200) -> tuple[NoteRow, ...]:
        if self.broken and not self.quick(query):
            raise sqlite3.OperationalError("disk I/O error")
        return super().page(query, offset=offset, limit=limit)

    def count(self, query: NoteQuery) -> int:
        if self.broken and not self.quick_count(query):
            raise sqlite3.OperationalError("disk I/O error")
        return super().count(query)


def test_a_failed_notes_read_says_why_and_the_next_query_tries_again(qtbot: QtBot, mini_db: Database) -> None:
    notes = Notes(mini_db)
    for n in range(4):
        notes.create(body=f"Zebra {n}" if n % 2 else f"Lion {n}", title=f"Note {n}")
    lists = _BrokenNotes(mini_db)
    view = NotesView(lists, Tags(mini_db))
    qtbot.addWidget(view)
    view.filter.setText("zebra")
    view._apply()  # what the filter box does once typing pauses
    # (It said 'Counting notes…' for good, and the view stayed loading.)
    qtbot.waitUntil(lambda: view.status.text() != "Counting notes…", timeout=3000)
    assert view.status.text() == "The notes could not be read: disk I/O error"
    assert not view.model.loading

    lists.broken = False
    view.filter.setText("lion")
    view._apply()
    qtbot.waitUntil(lambda: view.status.text() == "2 notes matching “lion”", timeout=3000)
    _pool().waitForDone()
