"""The lists' stored columns (revision 0004): the upgrade fills them for what a library already
holds, the triggers keep them exact through imports and every kind of edit, a check finds what
is wrong and a rebuild repairs it, and head matches app/db/list_index.py."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from app.db import list_index, migrate
from app.db.connection import connect
from app.db.database import Database, open_database
from app.io.datafile import read
from app.paths import dataset_file
from app.services.checking import check, reindex
from app.services.entries import EntryLists
from app.services.importer import import_file
from tests.builders.search_corpus import populate
from tests.conftest import MINI
from tests.migrations.stored_sql import normals, stored


def test_head_holds_exactly_what_the_module_defines(tmp_path: Path) -> None:
    """Revision 0004 froze the module's statements; if the module changes, this fails until a
    new revision re-creates the lists' tables and triggers."""
    path = tmp_path / "head.sqlite3"
    migrate.upgrade(path)
    # (FTS5 makes its own tables for list_hay_fts: list_hay_fts_data and the like.)
    assert stored(
        path, "name LIKE 'list%' AND name NOT LIKE 'list\\_hay\\_fts\\_%' ESCAPE '\\' AND sql IS NOT NULL"
    ) == normals(
        (*list_index.TABLES, list_index.FILTER_INDEX, list_index.COUNT_TABLE, *list_index.triggers())
    )


def test_upgrade_fills_the_lists_for_what_the_library_holds(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    migrate.upgrade(path, "0003_search")
    old = Database(path)  # one revision before: no stored columns
    import_file(old, read(dataset_file()))
    old.read().execute("UPDATE entity SET deleted_at = '2026-01-01T00:00:00+00:00' WHERE slug = 'chen-gang'")
    old.close()
    db = open_database(path)
    try:
        assert db.migrated_from == "0003_search"
        assert list_index.problems(db.read()) == []
        lists = EntryLists(db)
        rows = {r.slug: r.values for r in lists.page("person", limit=1000).rows}
        assert rows["boviengkham-vongdara"] == (
            "Boviengkham Vongdara",
            "Laos Technology and Communications Minister",
            "Ministry of Technology and Communications (Lao PDR)",
            "Laos",
        )
        assert "chen-gang" not in rows  # the trash stays out of the lists
        assert [r.slug for r in lists.page("person", trash=True).rows] == ["chen-gang"]
    finally:
        db.close()


def _shown(db: Database, slug: str) -> tuple[str, ...] | None:
    ref = EntryLists(db).ref(slug)
    assert ref is not None
    row = EntryLists(db).rows(ref.kind, [ref.id])[0]
    return row.values if row else None


def test_every_kind_of_edit_keeps_the_lists_exact(tmp_path: Path) -> None:
    db = open_database(tmp_path / "edits.sqlite3")
    try:
        import_file(db, read(dataset_file()))
        conn = db.connect()
        populate(conn, entries=60, notes=20, seed=3)
        laos = conn.execute("SELECT id FROM entity WHERE slug = 'laos'").fetchone()[0]
        ministry = conn.execute(
            "SELECT organization_id FROM role r JOIN entity e ON e.id = r.person_id "
            "WHERE e.slug = 'boviengkham-vongdara' ORDER BY coalesce(r.as_of, r.start_date, '') DESC LIMIT 1"
        ).fetchone()[0]
        # names shown in other rows: a country and an organization renamed, then trashed
        conn.execute("UPDATE entity SET name = 'Lao PDR' WHERE id = ?", (laos,))
        conn.execute("UPDATE entity SET name = 'The Ministry' WHERE id = ?", (ministry,))
        assert _shown(db, "boviengkham-vongdara") == (
            "Boviengkham Vongdara",
            "Laos Technology and Communications Minister",
            "The Ministry",
            "Lao PDR",
        )
        conn.execute("UPDATE entity SET deleted_at = '2026-01-01' WHERE id = ?", (ministry,))
        assert _shown(db, "boviengkham-vongdara")[2] == ""  # type: ignore[index]
        conn.execute("UPDATE entity SET deleted_at = NULL WHERE id = ?", (ministry,))
        # a new latest title, roles and parties removed, other names, a kind's own columns
        person = conn.execute("SELECT id FROM entity WHERE slug = 'boviengkham-vongdara'").fetchone()[0]
        conn.execute(
            "INSERT INTO role (person_id, title, as_of) VALUES (?, 'Deputy Prime Minister', '2030')",
            (person,),
        )
        assert _shown(db, "boviengkham-vongdara")[1] == "Deputy Prime Minister"  # type: ignore[index]
        conn.execute("DELETE FROM role WHERE id % 3 = 0")
        conn.execute("DELETE FROM initiative_party WHERE id % 2 = 0")
        conn.execute("UPDATE alias SET value = value || ' (alias)' WHERE id % 2 = 0")
        conn.execute("DELETE FROM alias WHERE id % 5 = 0")
        conn.execute("UPDATE event SET place = 'Vientiane', end_date = NULL")
        conn.execute("UPDATE source SET publisher = 'Someone else' WHERE id % 2 = 0")
        conn.execute("UPDATE organization SET abbreviation = NULL WHERE id % 2 = 0")
        # trash and restore, delete for good, rename a slug
        conn.execute("UPDATE entity SET deleted_at = '2026-01-02' WHERE id % 7 = 0")
        conn.execute("UPDATE entity SET deleted_at = NULL WHERE id % 14 = 0")
        conn.execute("DELETE FROM entity WHERE id IN (SELECT id FROM entity WHERE id % 11 = 0)")
        # (not a country's: the file's country of that slug would then be a new one taking a code
        # the renamed one holds, which the import refuses by name)
        conn.execute("UPDATE entity SET slug = slug || '-2' WHERE id % 13 = 0 AND kind != 'country'")
        import_file(db, read(MINI))
        conn.close()
        assert list_index.problems(db.read()) == []
        assert EntryLists(db).ids("person", text="lao pdr")  # the filter sees the new name
        # The trigram index followed every change: what it finds is what a sweep finds.
        for kind in ("person", "organization", "initiative", "event", "source"):
            for text in ("minister", "(alias)", "vientiane", "someone else", "-2"):
                swept = {
                    r[0]
                    for r in db.read().execute(
                        "SELECT id FROM list_hay WHERE kind = ? AND instr(hay, rt_fold(?)) > 0", (kind, text)
                    )
                }
                assert set(EntryLists(db).ids(kind, text=text)) == swept, (kind, text)
    finally:
        db.close()


def test_problems_are_found_and_a_reindex_repairs_them(seeded_path: Path) -> None:
    conn = connect(seeded_path)
    try:
        assert list_index.problems(conn) == []
        conn.execute("DROP TRIGGER list_role_au")
        conn.execute("UPDATE role SET title = 'changed behind the lists'' back'")
        conn.execute("DELETE FROM list_hay WHERE id IN (SELECT id FROM list_hay LIMIT 2)")
        conn.execute(
            "DELETE FROM list_row WHERE id IN (SELECT id FROM list_row WHERE kind = 'source' LIMIT 1)"
        )
        conn.execute("UPDATE list_count SET n = n + 5 WHERE kind = 'country'")
        found = list_index.problems(conn)
        assert any("counts are out of date" in p for p in found)
        assert any("triggers are missing" in p for p in found)
        assert any("person entries" in p for p in found)
        assert any("source entries" in p for p in found)
        assert any("filter" in p for p in found)
    finally:
        conn.close()
    db = Database(seeded_path)
    try:
        report = check(db)
        assert not report.ok and report.list_index
        reindex(db)
        assert check(db).ok
        assert EntryLists(db).ids("person", text="changed behind the lists")
    finally:
        db.close()


def test_downgrade_removes_the_lists_tables(tmp_path: Path) -> None:
    path = tmp_path / "down.sqlite3"
    migrate.upgrade(path)
    migrate.downgrade(path, "0003_search")
    conn = sqlite3.connect(path)
    left = conn.execute("SELECT name FROM sqlite_master WHERE name LIKE 'list%'").fetchall()
    conn.close()
    assert left == []
