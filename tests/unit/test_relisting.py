"""Writes to many entries bring the lists and the Notes view's order up to date once, at the
end (app/db/bulk_index.py), and leave them exactly as the row-at-a-time triggers would; and
those triggers do nothing for an update that changes nothing a list shows."""

from __future__ import annotations

import re
import sqlite3
from typing import Any
from uuid import uuid4

import pytest

from app.db import bulk_index, collation, list_index, note_sort
from app.db.database import Database
from app.services import merge as merge_module
from app.services.entries import EntryLists
from app.services.merge import Merger
from app.services.writing import Writer

STAMP = "2026-12-08T00:00:00+00:00"


def _id(db: Database, slug: str) -> int:
    ref = EntryLists(db).ref(slug)
    assert ref is not None
    return ref.id


def _triggers(db: Database) -> dict[str, str]:
    return dict(db.read().execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall())


def _exact(db: Database) -> None:
    conn = db.read()
    assert list_index.problems(conn) == []
    assert note_sort.problems(conn) == []


def _shown_country(db: Database, person: int) -> str:
    """The Country column of an official's row in the People list."""
    slot = list_index.slot("person", "country")
    assert slot is not None
    return str(db.read().execute(f"SELECT {slot} FROM list_row WHERE id = ?", (person,)).fetchone()[0])


def _note(conn: sqlite3.Connection, entity_id: int | None, title: str) -> int:
    cursor = conn.execute(
        "INSERT INTO note (uid, entity_id, title, body, created_at, updated_at) VALUES (?, ?, ?, '', ?, ?)",
        (uuid4().hex, entity_id, title, STAMP, STAMP),
    )
    return int(cursor.lastrowid or 0)


def _key(db: Database, note: int) -> str | None:
    row = db.read().execute("SELECT entry_sort FROM note WHERE id = ?", (note,)).fetchone()
    return None if row[0] is None else str(row[0])


def test_a_large_merge_is_relisted_once_and_leaves_the_lists_and_notes_exact(
    seeded_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Laos merged into Cambodia, keeping the name Laos: Cambodia's officials show the new name,
    Laos's officials follow, Laos's notes sort under it; undo and redo put each back. With the
    triggers set aside (as for a country that 10,000 officials name) the relisting runs once a
    step and the library's own triggers come back."""
    monkeypatch.setattr(merge_module, "MANY_ROWS", 0)
    calls: list[str] = []
    relist = list_index.relist

    def counted(conn: sqlite3.Connection, ids: str) -> None:
        calls.append(ids)
        relist(conn, ids)

    monkeypatch.setattr(list_index, "relist", counted)
    laos, cambodia = _id(seeded_db, "laos"), _id(seeded_db, "cambodia")
    conn = seeded_db.read()
    of_laos = [p for (p,) in conn.execute("SELECT id FROM person WHERE country_id = ?", (laos,))]
    of_cambodia = [p for (p,) in conn.execute("SELECT id FROM person WHERE country_id = ?", (cambodia,))]
    assert of_laos and of_cambodia
    writer = Writer(seeded_db)
    with writer.transaction() as written:
        note = _note(written, laos, "On Laos")
    triggers = _triggers(seeded_db)
    merger = Merger(writer)
    try:
        merged = merger.merge([cambodia, laos], cambodia, {"name": laos})
        assert len(calls) == 1
        _exact(seeded_db)
        assert {_shown_country(seeded_db, p) for p in of_laos + of_cambodia} == {"Laos"}
        assert _key(seeded_db, note) == collation.sort_key("Laos")
        assert _triggers(seeded_db) == triggers

        merger.undo(merged)
        assert len(calls) == 2
        _exact(seeded_db)
        assert {_shown_country(seeded_db, p) for p in of_cambodia} == {"Cambodia"}
        assert {_shown_country(seeded_db, p) for p in of_laos} == {"Laos"}
        assert (
            seeded_db.read().execute("SELECT entity_id FROM note WHERE id = ?", (note,)).fetchone()[0] == laos
        )

        merger.redo(merged)
        _exact(seeded_db)
        assert {_shown_country(seeded_db, p) for p in of_cambodia} == {"Laos"}
        assert _triggers(seeded_db) == triggers
    finally:
        writer.close()


def test_a_failure_inside_puts_the_librarys_own_triggers_back(seeded_db: Database) -> None:
    writer = Writer(seeded_db)
    triggers = _triggers(seeded_db)
    try:
        with (
            pytest.raises(RuntimeError),
            writer.transaction() as conn,
            bulk_index.relisted_at_end(conn) as relist,
        ):
            conn.execute("UPDATE entity SET name = 'Renamed' WHERE slug = 'laos'")
            relist.entries([_id(seeded_db, "laos")])
            raise RuntimeError("stop")
        assert _triggers(seeded_db) == triggers
        _exact(seeded_db)
    finally:
        writer.close()


def test_a_bulk_import_sets_the_note_order_aside_and_fills_it_once(seeded_db: Database) -> None:
    """Notes written inside `indexed_at_end` (an import of many rows) get their entry's key at
    the end, new entries and old alike, without a trigger a note."""
    laos = _id(seeded_db, "laos")
    writer = Writer(seeded_db)
    try:
        with writer.transaction() as conn, bulk_index.indexed_at_end(conn, bulk=True):
            present = set(_triggers_of(conn))
            assert not present & set(note_sort.TRIGGER_NAMES)
            entity = conn.execute(
                "INSERT INTO entity (uid, kind, slug, name, created_at, updated_at) "
                "VALUES (?, 'person', 'zhou-new', 'Zhou New', ?, ?)",
                (uuid4().hex, STAMP, STAMP),
            ).lastrowid
            conn.execute("INSERT INTO person (id) VALUES (?)", (entity,))
            on_new, on_old, alone = _note(conn, entity, "a"), _note(conn, laos, "b"), _note(conn, None, "c")
        assert set(note_sort.TRIGGER_NAMES) <= set(_triggers(seeded_db))
        _exact(seeded_db)
        assert _key(seeded_db, on_new) == collation.sort_key("Zhou New")
        assert _key(seeded_db, on_old) == collation.sort_key("Laos")
        assert _key(seeded_db, alone) is None
    finally:
        writer.close()


def _triggers_of(conn: sqlite3.Connection) -> list[str]:
    return [n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")]


def test_an_update_that_changes_nothing_a_list_shows_leaves_the_lists_alone(seeded_db: Database) -> None:
    """A title's country or end date is shown in no list: its trigger used to recompute the
    official's row twice anyway (26 s for the 20,000 titles of a merged country)."""
    writer = Writer(seeded_db)
    try:
        with writer.transaction() as conn:
            conn.execute("CREATE TEMP TABLE touched (id INTEGER)")
            conn.execute(
                "CREATE TEMP TRIGGER count_touched AFTER UPDATE ON main.list_row "
                "BEGIN INSERT INTO touched (id) VALUES (new.id); END"
            )
            role, person = conn.execute("SELECT id, person_id FROM role ORDER BY id LIMIT 1").fetchone()
            conn.execute("UPDATE role SET country_id = NULL, end_date = '2030-01-01' WHERE id = ?", (role,))
            assert conn.execute("SELECT count(*) FROM touched").fetchone()[0] == 0
            conn.execute("UPDATE role SET title = title || ' (acting)' WHERE id = ?", (role,))
            assert [r[0] for r in conn.execute("SELECT id FROM touched")] == [person]  # once
            conn.execute("DROP TRIGGER temp.count_touched")
        _exact(seeded_db)
    finally:
        writer.close()


def test_every_column_the_lists_read_wakes_its_trigger() -> None:
    """The triggers on update name the columns they follow (list_index.SOURCES): a column that
    COLUMNS reads and SOURCES leaves out would leave a list stale."""
    aliases = {"person": {"role": "r"}, "initiative": {"initiative_party": "ip"}}
    for table, kind, _ids, read in list_index.SOURCES:
        alias = "k" if table == kind else aliases[kind][table]
        sql = " ".join(c.sql + " " + (c.ref or "") for c in list_index.COLUMNS[kind])
        used: set[Any] = set(re.findall(rf"\b{alias}\.(\w+)", sql)) - {"id"}
        assert used, table
        assert used <= set(read), (table, used - set(read))
