"""The Notes view's order by entry (revision 0014, app/db/note_sort.py): the upgrade fills each
note's stored key, the triggers keep it exact through every edit that changes it, a check finds
a key that drifted and a reindex repairs it, head holds what the module defines, and a page
sorted by entry is the order of the query it replaced (with the lists' key for the name)."""

from __future__ import annotations

import sqlite3
import uuid
from pathlib import Path

from app.db import collation, migrate, note_sort
from app.db.database import Database, open_database
from app.io.datafile import read
from app.paths import dataset_file
from app.records.notes import NoteQuery
from app.services.checking import check, reindex
from app.services.importer import import_file
from app.services.note_lists import NoteLists
from tests.builders.search_corpus import populate
from tests.migrations.stored_sql import normals, stored

STAMP = "2026-12-07T10:00:00.000000+00:00"
# Names the lists' key orders otherwise than NOCASE did: accents, pinyin, a Thai prevowel.
NAMES = ("Đặng Thị Hoa", "dang van an", "王毅", "陈刚", "เชียงใหม่", "Ørsted", "zed")


def _expected(conn: sqlite3.Connection) -> dict[int, str | None]:
    """Each note's key computed from scratch, in Python."""
    return {
        note: (collation.sort_key(name) if entity is not None else None)
        for note, entity, name in conn.execute(
            "SELECT n.id, n.entity_id, e.name FROM note n LEFT JOIN entity e ON e.id = n.entity_id"
        )
    }


def _stored(conn: sqlite3.Connection) -> dict[int, str | None]:
    return dict(conn.execute("SELECT id, entry_sort FROM note").fetchall())


def _corpus(conn: sqlite3.Connection) -> None:
    populate(conn, entries=80, notes=150, seed=5)
    with conn:
        for n, name in enumerate(NAMES):
            entity = conn.execute(
                "INSERT INTO entity (uid, kind, slug, name, created_at, updated_at) "
                "VALUES (?, 'organization', ?, ?, ?, ?)",
                (str(uuid.uuid4()), f"named-{n}", name, STAMP, STAMP),
            ).lastrowid
            conn.execute("INSERT INTO organization (id) VALUES (?)", (entity,))
            for k in range(3):  # same updated_at on two: the id breaks the tie
                conn.execute(
                    "INSERT INTO note (uid, entity_id, title, body, created_at, updated_at) "
                    "VALUES (?, ?, ?, '', ?, ?)",
                    (str(uuid.uuid4()), entity, f"on {name} {k}", STAMP, f"2026-12-0{1 + k % 2}"),
                )
        conn.execute(
            "INSERT INTO note (uid, title, body, created_at, updated_at) VALUES (?, 'alone', '', ?, ?)",
            (str(uuid.uuid4()), STAMP, STAMP),
        )


def test_head_holds_exactly_what_the_module_defines(tmp_path: Path) -> None:
    path = tmp_path / "head.sqlite3"
    migrate.upgrade(path)
    assert stored(path, "name LIKE '%entry\\_sort%' ESCAPE '\\'") == normals(
        (*note_sort.INDEXES, *note_sort.TRIGGERS)
    )


def test_upgrade_fills_every_key_and_downgrade_takes_the_column_away(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    migrate.upgrade(path, "0013_note_sort_indexes")
    old = Database(path)
    import_file(old, read(dataset_file()))
    conn = old.connect()
    _corpus(conn)
    conn.close()
    old.close()
    db = open_database(path)
    try:
        assert db.migrated_from == "0013_note_sort_indexes"
        conn = db.read()
        keys = _stored(conn)
        assert keys == _expected(conn) and any(k is None for k in keys.values())
        assert sum(k is not None for k in keys.values()) > 100
        assert note_sort.problems(conn) == []
    finally:
        db.close()
    migrate.downgrade(path, "0013_note_sort_indexes")
    raw = sqlite3.connect(path)
    try:
        assert "entry_sort" not in {r[1] for r in raw.execute("PRAGMA table_info(note)")}
        assert raw.execute(
            "SELECT count(*) FROM sqlite_master WHERE name LIKE '%entry_sort%'"
        ).fetchone() == (0,)
    finally:
        raw.close()


def test_every_edit_that_changes_a_key_keeps_it_exact(tmp_path: Path) -> None:
    db = open_database(tmp_path / "edits.sqlite3")
    try:
        conn = db.connect()
        _corpus(conn)
        assert _stored(conn) == _expected(conn)
        entries = [
            r[0] for r in conn.execute("SELECT DISTINCT entity_id FROM note WHERE entity_id IS NOT NULL")
        ]
        with conn:
            # renamed (into a script the key orders by more than code points)
            conn.execute("UPDATE entity SET name = '李强 ' || name WHERE id = ?", (entries[0],))
            conn.execute("UPDATE entity SET name = 'Ångström' WHERE id = ?", (entries[1],))
            # trashed, and trashed and restored: the key stays (the Trash shows the entry's name)
            conn.execute(
                "UPDATE entity SET deleted_at = ? WHERE id IN (?, ?)", (STAMP, entries[2], entries[3])
            )
            conn.execute("UPDATE entity SET deleted_at = NULL, name = 'Back' WHERE id = ?", (entries[3],))
            # a note moved to another entry, one made standalone, a standalone one given an entry
            conn.execute(
                "UPDATE note SET entity_id = ? WHERE id = (SELECT min(id) FROM note WHERE entity_id = ?)",
                (entries[4], entries[5]),
            )
            conn.execute(
                "UPDATE note SET entity_id = NULL WHERE id = (SELECT max(id) FROM note WHERE entity_id = ?)",
                (entries[6],),
            )
            conn.execute(
                "UPDATE note SET entity_id = ? WHERE id = (SELECT min(id) FROM note WHERE entity_id IS NULL)",
                (entries[7],),
            )
            # an entry deleted for good: its notes become standalone
            conn.execute("DELETE FROM entity WHERE id = ?", (entries[8],))
            # new notes, one written with a key it should not have
            conn.execute(
                "INSERT INTO note (uid, entity_id, title, created_at, updated_at) VALUES (?, ?, 'new', ?, ?)",
                (str(uuid.uuid4()), entries[9], STAMP, STAMP),
            )
            conn.execute(
                "INSERT INTO note (uid, title, entry_sort, created_at, updated_at) VALUES (?, 'new', 'x', ?, ?)",
                (str(uuid.uuid4()), STAMP, STAMP),
            )
            # a note trashed and restored, its text edited: nothing to do with the key
            conn.execute("UPDATE note SET deleted_at = ?, body = 'edited' WHERE id % 5 = 0", (STAMP,))
            conn.execute("UPDATE note SET deleted_at = NULL WHERE id % 10 = 0")
        assert conn.execute("SELECT count(*) FROM note WHERE entity_id = ?", (entries[8],)).fetchone() == (0,)
        assert _stored(conn) == _expected(conn)
        assert note_sort.problems(conn) == []
        conn.close()
    finally:
        db.close()


def test_check_reports_a_key_that_drifted_and_reindex_repairs_it(tmp_path: Path) -> None:
    path = tmp_path / "drift.sqlite3"
    db = open_database(path)
    conn = db.connect()
    _corpus(conn)
    with conn:
        conn.execute("UPDATE note SET entry_sort = 'tampered' WHERE id IN (SELECT id FROM note LIMIT 3)")
        conn.execute("DROP TRIGGER note_entry_sort_entity_au")
    conn.close()
    try:
        report = check(db)
        assert not report.ok
        assert any("order by entry is out of date for 3 notes" in p for p in report.list_index)
        assert any("note_entry_sort_entity_au" in p for p in report.list_index)
        reindex(db)
        assert check(db).ok
        assert _stored(db.read()) == _expected(db.read())
    finally:
        db.close()


def _before(conn: sqlite3.Connection, descending: bool) -> list[int]:
    """The order the page's query gave before 0014 (every note joined to its entry and sorted),
    with the lists' key in place of the name without case."""
    d = "DESC" if descending else "ASC"
    return [
        r[0]
        for r in conn.execute(
            "SELECT n.id FROM note n LEFT JOIN entity e ON e.id = n.entity_id WHERE n.deleted_at IS NULL "
            f"ORDER BY e.name IS NULL, rt_sort_key(e.name) {d}, n.updated_at DESC, n.id"
        )
    ]


def test_a_page_sorted_by_entry_keeps_the_order_it_had(tmp_path: Path) -> None:
    db = open_database(tmp_path / "order.sqlite3")
    try:
        conn = db.connect()
        _corpus(conn)
        with conn:
            conn.execute("UPDATE note SET deleted_at = ? WHERE id % 9 = 0", (STAMP,))
        conn.close()
        lists = NoteLists(db)
        for descending in (False, True):
            query = NoteQuery(sort="entry", descending=descending)
            assert lists.quick(query)
            shown = [r.id for r in lists.page(query, limit=10_000)]
            paged = [
                r.id
                for offset in range(0, len(shown), 50)
                for r in lists.page(query, offset=offset, limit=50)
            ]
            assert shown == paged == _before(db.read(), descending)
            rows = lists.page(query, limit=10_000)
            assert rows[-1].entry is None  # standalone notes last either way
            names = [r.entry.name for r in rows if r.entry is not None]
            # the lists' key: Đ and Ø beside D and O, Chinese by pinyin (NOCASE put them after z,
            # and 王 before 陈)
            pairs = (("Đặng Thị Hoa", "zed"), ("Ørsted", "zed"), ("陈刚", "王毅"), ("dang van an", "Ørsted"))
            for first, then in pairs:
                assert (names.index(first) < names.index(then)) != descending, (first, then)
            plan = " ".join(
                str(r[3])
                for r in db.read().execute(
                    "EXPLAIN QUERY PLAN SELECT n.id FROM note n WHERE +n.deleted_at IS NULL ORDER BY "
                    + note_sort.ORDER.format(d="DESC" if descending else "ASC")
                    + ", n.id LIMIT 200"
                )
            )
            assert "COVERING INDEX ix_note_entry_sort" in plan and "TEMP B-TREE" not in plan, plan
    finally:
        db.close()
