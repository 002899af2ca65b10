"""The Notes view at 100,000 notes: a page or a count that is not an index's (filtered by text
or tag: a second there) is read in the background, so the window keeps
answering; what arrives for an older query is dropped; the chosen note stays chosen.

A NoteLists whose slow reads wait on a gate stands in for the large library: with the old
model, `set_query` itself waited on the gate (and these tests timed out or measured seconds).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.gui.notes.models import NotesTableModel
from app.gui.notes.notes_view import NotesView
from app.records.notes import NoteQuery, NoteRow
from app.services.note_lists import NoteLists
from app.services.notes import Notes
from app.services.progress import Progress
from app.services.tags import Tags

SLOW_S = 5.0  # the gate is opened by each test: this only bounds a test gone wrong


class GatedLists(NoteLists):
    """Slow reads (those NoteLists.quick says are not an index's) wait for `gate` (at most
    SLOW_S) and are recorded with the query they were for."""

    def __init__(self, db: Database) -> None:
        super().__init__(db)
        self.gate = threading.Event()
        self.slow_reads: list[NoteQuery] = []
        self.progresses: list[Progress] = []

    @contextmanager
    def stoppable(self, progress: Progress) -> Iterator[None]:
        self.progresses.append(progress)
        with super().stoppable(progress):
            yield

    def _wait(self, query: NoteQuery) -> None:
        self.slow_reads.append(query)
        self.gate.wait(SLOW_S)

    def page(self, query: NoteQuery, *, offset: int = 0, limit: int = 200) -> tuple[NoteRow, ...]:
        if not self.quick(query):
            self._wait(query)
        return super().page(query, offset=offset, limit=limit)

    def count(self, query: NoteQuery) -> int:
        if not self.quick_count(query):
            self._wait(query)
        return super().count(query)


@pytest.fixture
def lists(mini_db: Database) -> Iterator[GatedLists]:
    notes = Notes(mini_db)
    for n in range(6):
        notes.create(
            body=f"Zebra {n}" if n % 2 else f"Lion {n}", title=f"Note {n}", tags=["cats"] if n < 3 else []
        )
    found = GatedLists(mini_db)
    yield found
    found.gate.set()  # nothing stays waiting on the lists' thread after the test


def titles(model: NotesTableModel) -> list[str]:
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_a_slow_filter_leaves_the_window_answering_and_says_it_is_counting(
    qtbot: QtBot, lists: GatedLists
) -> None:
    view = NotesView(lists, Tags(lists._db))
    qtbot.addWidget(view)
    before = titles(view.model)
    ticks: list[float] = []
    timer = QTimer(view, interval=20)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()

    started = time.monotonic()
    view.filter.setText("zebra")
    view._apply()  # what the filter box does once typing pauses
    assert time.monotonic() - started < SLOW_S / 2, "the window waited for the slow read"
    assert view.model.loading and titles(view.model) == before  # the last rows stay meanwhile
    assert view.status.text() == "Counting notes…"
    qtbot.waitUntil(lambda: len(ticks) >= 5, timeout=3000)  # the event loop runs
    assert view.model.loading  # ... while the read still waits

    lists.gate.set()
    qtbot.waitUntil(lambda: view.status.text() == "3 notes matching “zebra”")
    assert sorted(titles(view.model)) == ["Note 1", "Note 3", "Note 5"]


def test_a_slow_sort_is_read_in_the_background_and_keeps_the_chosen_note(
    qtbot: QtBot, lists: GatedLists
) -> None:
    view = NotesView(lists, Tags(lists._db))
    qtbot.addWidget(view)
    lists.gate.set()
    view.filter.setText("zebra")
    view._apply()
    view.sort_notes("title", False)
    qtbot.waitUntil(lambda: not view.model.loading and view.status.text() == "3 notes matching “zebra”")
    chosen = view.model.note_id_at(1)
    assert chosen is not None and view.select_note(chosen)
    lists.gate.clear()
    lists.slow_reads.clear()

    started = time.monotonic()
    view.sort_notes("entry", False)  # a text filter's notes: each looked at
    assert time.monotonic() - started < SLOW_S / 2
    assert view.model.loading
    qtbot.waitUntil(lambda: bool(lists.slow_reads))  # the read under way on the lists' thread
    assert lists.slow_reads[-1].sort == "entry"
    lists.gate.set()
    qtbot.waitUntil(lambda: not view.model.loading)
    assert view.model.query.sort == "entry"
    assert view.current_note_id() == chosen  # chosen again where the new order put it
    qtbot.waitUntil(lambda: view.status.text() == "3 notes matching “zebra”")  # counted again


def test_every_note_sorted_by_entry_is_read_at_once(qtbot: QtBot, lists: GatedLists) -> None:
    """Revision 0014 stores each note's entry key and indexes it (app/db/note_sort.py): a page
    of every note sorted by entry is an index's, read on the window's thread."""
    view = NotesView(lists, Tags(lists._db))
    qtbot.addWidget(view)
    view.sort_notes("entry", True)
    assert not view.model.loading and not lists.slow_reads
    assert titles(view.model)[0] == "On Alpha" and len(titles(view.model)) == 7  # standalone last


def test_what_arrives_for_an_older_query_is_dropped(qtbot: QtBot, lists: GatedLists) -> None:
    model = NotesTableModel(lists)
    resets: list[list[str]] = []
    model.modelReset.connect(lambda: resets.append(titles(model)))
    model.set_query(NoteQuery(text="lion", sort="title", descending=False))
    qtbot.waitUntil(lambda: bool(lists.slow_reads))  # "lion" is being read
    model.set_query(NoteQuery(text="zebra", sort="title", descending=False))  # before it arrives
    lists.gate.set()
    qtbot.waitUntil(lambda: not model.loading and model.counted is not None)
    qtbot.wait(50)  # anything still queued from the first query would land now
    assert titles(model) == ["Note 1", "Note 3", "Note 5"] and model.counted == 3
    assert all("Note 0" not in shown for shown in resets), "the older query's rows were shown"
    # The older query's reads were told to stop (SQLite then stops them mid-statement); the
    # newer query's were not.
    assert lists.slow_reads[0].text == "lion" and lists.progresses[0].cancelled
    assert not lists.progresses[-1].cancelled


def test_a_tag_and_a_further_page_arrive_in_the_background(qtbot: QtBot, lists: GatedLists) -> None:
    model = NotesTableModel(lists)
    model.PAGE = 2
    model.set_query(NoteQuery(tag="cats", sort="title", descending=False))
    assert model.counted is None
    lists.gate.set()
    qtbot.waitUntil(lambda: not model.loading and model.counted == 3)
    assert titles(model) == ["Note 0", "Note 1"] and model.canFetchMore(model.index(-1, -1))
    model.fetchMore(model.index(-1, -1))
    qtbot.waitUntil(lambda: model.rowCount() == 3)
    assert titles(model) == ["Note 0", "Note 1", "Note 2"]
    assert not model.canFetchMore(model.index(-1, -1))


def test_return_in_the_filter_moves_to_the_first_note_found_once_it_arrives(
    qtbot: QtBot, lists: GatedLists
) -> None:
    view = NotesView(lists, Tags(lists._db))
    qtbot.addWidget(view)
    view.sort_notes("title", False)
    chosen: list[int] = []
    view.note_chosen.connect(lambda row, _focus: chosen.append(row.id))
    view.table.selectRow(5)  # Note 5: the filter keeps it, but not first
    assert titles(view.model)[5] == "Note 5" and view.current_note_id() == view.model.note_id_at(5)
    view.filter.setText("zebra")
    lists.gate.set()
    view._filter_done()  # Return
    qtbot.waitUntil(lambda: not view.model.loading)
    assert titles(view.model)[0] == "Note 1" and view.current_note_id() == view.model.note_id_at(0)
    assert chosen[-1] == view.model.note_id_at(0)  # opened, as a click on it would
