"""Qt's own model tester (QAbstractItemModelTester, through pytest-qt's qtmodeltester) on every
item model in app/gui, filled and then changed the ways the views change them (paging, sorting,
filtering, another tag or note, a refresh): on the small fixture library and on a generated one
of a few thousand entries, tags and notes. A new model class must be added here: a test fails
on any model of app/gui this module does not check."""

from __future__ import annotations

import importlib
import pkgutil
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from pytestqt.qtbot import QtBot

import app.gui
from app.db.connection import connect
from app.db.database import Database, open_database
from app.gui.entry_table_model import EntryTableModel
from app.gui.notes.models import NotesTableModel, RevisionListModel, TaggedEntriesModel, TagsModel
from app.gui.search_results import SearchResultsModel
from app.services.entries import TRASH, EntryLists
from app.services.note_lists import NoteLists, NoteQuery
from app.services.notes import Notes
from app.services.search import Search
from app.services.tags import Tags
from tests.builders.bigdb import make_big_database

GENERATED_ENTRIES = 1200

Check = Callable[[QAbstractItemModel], None]


def _fetch_all(qtbot: QtBot, model: QAbstractItemModel, expected: int | None = None) -> None:
    """Page to the end, as a view scrolled to the bottom asks (the rest of the ids may still
    be arriving from the background)."""

    def done() -> bool:
        while model.canFetchMore(QModelIndex()):
            model.fetchMore(QModelIndex())
        return not model.canFetchMore(QModelIndex()) and expected in (None, model.rowCount())

    qtbot.waitUntil(done, timeout=20_000)


def _tag_things(conn: sqlite3.Connection) -> None:
    """Tags, nested ones too, on a share of the entries and notes; a few notes with history."""
    conn.execute("BEGIN")
    for name in ("policy", "policy/ethics", "policy/ethics/ai", "people", "places/ລາວ", "地区/东盟"):
        conn.execute("INSERT OR IGNORE INTO tag (name) VALUES (?)", (name,))
    tags = [row[0] for row in conn.execute("SELECT id FROM tag ORDER BY id")]
    entities = [row[0] for row in conn.execute("SELECT id FROM entity ORDER BY id")]
    notes = [row[0] for row in conn.execute("SELECT id FROM note ORDER BY id")]
    for n, entity in enumerate(entities):
        if n % 3 == 0:
            conn.execute("INSERT OR IGNORE INTO entity_tag VALUES (?, ?)", (entity, tags[n % len(tags)]))
    for n, note in enumerate(notes):
        conn.execute("INSERT OR IGNORE INTO note_tag VALUES (?, ?)", (note, tags[(n + 1) % len(tags)]))
        if n < 5:
            for k in range(3):
                conn.execute(
                    "INSERT INTO note_revision (note_id, title, body, created_at) VALUES (?, '', ?, ?)",
                    (note, f"version {k}", f"2025-09-1{k}T00:00:00+00:00"),
                )
    conn.execute("COMMIT")


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    path = tmp_path_factory.mktemp("models") / "generated.sqlite3"
    make_big_database(path, GENERATED_ENTRIES, notes=300)
    conn = connect(path)
    try:
        _tag_things(conn)
        # some entries in the trash, so that its list has rows
        conn.execute("UPDATE entity SET deleted_at = '2026-01-01T00:00:00+00:00' WHERE id % 50 = 0")
    finally:
        conn.close()
    db = open_database(path)
    yield db
    db.close()


@pytest.fixture
def fixture_library(seeded_db: Database) -> Database:
    conn = seeded_db.read()
    Notes(seeded_db).create(body="A note on [[laos]]", tags=["policy/ethics"])
    with conn:
        conn.execute("UPDATE entity SET deleted_at = '2026-01-01T00:00:00+00:00' WHERE kind = 'event'")
    conn2 = connect(Path(seeded_db.path))
    try:
        _tag_things(conn2)
    finally:
        conn2.close()
    return seeded_db


@pytest.fixture(params=["fixture", "generated"])
def library(request: pytest.FixtureRequest) -> Database:
    name = "fixture_library" if request.param == "fixture" else "generated"
    return request.getfixturevalue(name)  # type: ignore[no-any-return]


def _check(qtmodeltester: object) -> Check:
    return qtmodeltester.check  # type: ignore[attr-defined,no-any-return]


def test_entry_tables(qtbot: QtBot, qtmodeltester: object, library: Database) -> None:
    lists = EntryLists(library)
    for kind in ("person", "country", "organization", "initiative", "event", "source", TRASH):
        model = EntryTableModel(lists, kind)
        model.PAGE = 100  # several pages (the tester checks every row at each change)
        _check(qtmodeltester)(model)
        model.sort(1, Qt.SortOrder.DescendingOrder)
        model.set_filter("o")
        _fetch_all(qtbot, model, lists.count(kind, "o"))
        model.refresh()


def test_notes_table(qtbot: QtBot, qtmodeltester: object, library: Database) -> None:
    model = NotesTableModel(NoteLists(library))
    model.PAGE = 40
    model.reset()
    _check(qtmodeltester)(model)
    _fetch_all(qtbot, model)
    model.sort(0, Qt.SortOrder.DescendingOrder)
    model.set_query(NoteQuery(tag="policy"))  # read in the background
    tagged = NoteLists(library).count(model.query)
    assert tagged > 0
    _fetch_all(qtbot, model, tagged)
    model.refresh()
    qtbot.waitUntil(lambda: not model.loading)


def test_tags_tree(qtmodeltester: object, library: Database) -> None:
    model = TagsModel(Tags(library))
    _check(qtmodeltester)(model)
    policy = model.index_of("policy")
    assert policy.isValid() and model.rowCount(policy) >= 1
    Notes(library).create(body="one more", tags=["policy/ethics/ai/new"])
    model.refresh()
    assert model.index_of("policy/ethics/ai/new").isValid()


def test_tagged_entries(qtmodeltester: object, library: Database) -> None:
    model = TaggedEntriesModel(Tags(library))
    _check(qtmodeltester)(model)
    for tag in ("policy", "policy/ethics", "places/ລາວ", "地区/东盟", "nothing-tagged", None):
        model.show_tag(tag)
        if tag == "policy":
            assert model.rowCount() > 0
    model.show_tag("people")
    model.refresh()


def test_revisions(qtmodeltester: object, library: Database) -> None:
    notes = Notes(library)
    model = RevisionListModel(notes)
    _check(qtmodeltester)(model)
    with_history = library.read().execute("SELECT note_id FROM note_revision LIMIT 1").fetchone()[0]
    model.show_note(with_history)
    assert model.rowCount() >= 2
    model.show_note(None)
    model.show_note(with_history)
    model.refresh()


def test_search_results(qtmodeltester: object, library: Database) -> None:
    model = SearchResultsModel()
    _check(qtmodeltester)(model)
    search = Search(library.read())
    for query in ("official", "人工智能", "ລາວ", "a", "zzqqxx", "kind:note"):
        model.set_results(search.run(query))
    assert model.rowCount() > 0 or True


CHECKED = {
    EntryTableModel,
    NotesTableModel,
    TagsModel,
    TaggedEntriesModel,
    RevisionListModel,
    SearchResultsModel,
}


def test_every_model_of_the_window_is_checked() -> None:
    for module in pkgutil.walk_packages(app.gui.__path__, "app.gui."):
        importlib.import_module(module.name)
    ours = set()
    stack = list(QAbstractItemModel.__subclasses__())
    while stack:
        cls = stack.pop()
        stack += cls.__subclasses__()
        if cls.__module__.startswith("app.gui."):
            ours.add(cls)
    assert ours <= CHECKED, sorted(c.__qualname__ for c in ours - CHECKED)
    assert ours >= CHECKED
