"""The search index revision: it builds the index for what a library already holds, the
triggers keep it exact through bulk imports, and it matches app/db/search_index.py."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from app.db import migrate, search_index
from app.db.connection import connect
from app.db.database import Database, open_database
from app.io.datafile import read
from app.paths import dataset_file
from app.services.importer import import_file
from app.services.search import Search
from tests.builders.search_corpus import populate
from tests.conftest import MINI
from tests.migrations.stored_sql import normals, stored


def test_head_holds_exactly_what_the_module_defines(tmp_path: Path) -> None:
    """Revision 0002 froze the module's statements; if the module changes, this fails until a
    new revision re-creates the index."""
    path = tmp_path / "head.sqlite3"
    migrate.upgrade(path)
    assert stored(path, "name LIKE 'search%' AND name NOT LIKE 'search_fts_%'") == normals(
        (*search_index.TABLES, *search_index.triggers())
    )


def test_upgrade_indexes_what_the_library_already_holds(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    migrate.upgrade(path, "0002_list_index")
    old = Database(path)  # one revision before the search index: no index, no triggers
    import_file(old, read(dataset_file()))
    old.close()
    db = open_database(path)
    try:
        assert db.migrated_from == "0002_list_index"
        conn = db.read()
        assert search_index.problems(conn) == []
        assert conn.execute("SELECT count(*) FROM search_doc").fetchone()[0] > 500
        hits = Search(conn).run("陈刚").hits
        assert hits and hits[0].slug == "chen-gang"
    finally:
        db.close()


def test_index_stays_exact_through_a_bulk_import(tmp_path: Path) -> None:
    db = open_database(tmp_path / "bulk.sqlite3")
    try:
        import_file(db, read(MINI))
        conn = db.connect()
        populate(conn, entries=60, notes=200, seed=3)
        conn.execute("UPDATE note SET body = body || ' edited' WHERE id % 3 = 0")
        conn.execute("DELETE FROM note WHERE id % 5 = 0")
        conn.execute("DELETE FROM entity WHERE id IN (SELECT id FROM entity WHERE id % 4 = 0)")
        conn.close()
        assert search_index.problems(db.read()) == []
    finally:
        db.close()


def test_problems_are_found_and_a_rebuild_repairs_them(seeded_path: Path) -> None:
    conn = connect(seeded_path)
    try:
        assert search_index.problems(conn) == []
        conn.execute("DROP TRIGGER search_fact_text_au")
        conn.execute("UPDATE fact SET text = 'rewritten without the index knowing'")
        conn.execute("DELETE FROM search_doc WHERE id IN (SELECT id FROM search_doc LIMIT 3)")
        found = search_index.problems(conn)
        assert any("triggers are missing" in p for p in found)
        assert any("fact.text" in p for p in found)
        assert any("full-text index" in p for p in found)
        steps: list[tuple[int, int]] = []
        search_index.rebuild(conn, lambda done, total: steps.append((done, total)))
        assert search_index.problems(conn) == []
        assert steps[-1][0] == steps[-1][1] and len(steps) > 2
        assert Search(conn).run('"rewritten without"').hits
    finally:
        conn.close()


def test_downgrade_removes_the_index(tmp_path: Path) -> None:
    path = tmp_path / "down.sqlite3"
    migrate.upgrade(path)
    migrate.downgrade(path, "0002_list_index")
    conn = sqlite3.connect(path)
    left = conn.execute("SELECT name FROM sqlite_master WHERE name LIKE 'search%'").fetchall()
    conn.close()
    assert left == []


def test_texts_move_with_their_owner(seeded_path: Path) -> None:
    """A text is filed under the kind of the entry it belongs to; when that entry changes (an
    alias or a fact moved, a statement's speaker changed) the text and the quotes of the
    citations on it move too, and search finds them under the new kind."""
    conn = connect(seeded_path)
    try:
        person, country = (
            conn.execute("SELECT id FROM entity WHERE slug = ?", (slug,)).fetchone()[0]
            for slug in ("chen-gang", "laos")
        )
        conn.execute(
            "INSERT INTO alias (entity_id, value, language, script, kind) "
            "VALUES (?, 'Quixotic Moniker', 'en', 'Latn', 'variant')",
            (person,),
        )
        alias = conn.execute("SELECT max(id) FROM alias").fetchone()[0]
        source = conn.execute("SELECT min(id) FROM source").fetchone()[0]
        conn.execute(
            "INSERT INTO citation (source_id, alias_id, quote, reliability) "
            "VALUES (?, ?, 'a zanzibarian quote', 'high')",
            (source, alias),
        )
        search = Search(conn)
        assert {h.kind for h in search.run("quixotic moniker").hits} == {"person"}
        assert {h.kind for h in search.run("zanzibarian").hits} == {"person"}
        conn.execute("UPDATE alias SET entity_id = ? WHERE id = ?", (country, alias))
        assert search_index.problems(conn) == []
        assert {(h.kind, h.slug) for h in search.run("quixotic moniker").hits} == {("country", "laos")}
        assert {(h.kind, h.slug) for h in search.run("zanzibarian").hits} == {("country", "laos")}
        conn.execute("UPDATE fact SET entity_id = ? WHERE id = (SELECT min(id) FROM fact)", (country,))
        conn.execute(
            "UPDATE statement SET speaker_id = NULL, speaker_label = 'someone' WHERE event_id IS NOT NULL"
        )
        assert search_index.problems(conn) == []
    finally:
        conn.close()
