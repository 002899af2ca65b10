"""Libraries that earlier revisions left on disk open in this version with everything in them.

Each file of tests/migrations/frozen/ was made at its revision (make_frozen.py) and is never
rewritten, so a later change to an old migration, or a migration that mishandles data an
older file holds, fails here even when a file made fresh by today's migrations would pass. A
copy is opened the way the window and the command line open a library (backed up, checked,
migrated, not seeded again), and every row of every table is compared with what the file held.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from pathlib import Path

import pytest

from app import __version__
from app.db.database import State, inspect
from app.db.models import Base
from app.db.schema_version import HEAD, KNOWN_REVISIONS
from app.services.checking import check
from app.services.entries import EntryLists
from app.services.library import open_library
from app.services.search import Search
from tests.migrations.make_frozen import (
    CHINESE_ALIAS,
    FIRST_REVISION_BODY,
    FROZEN,
    LAO_ALIAS,
    NOTE_BODY,
    NOTE_TITLE,
    frozen_file,
    unpack,
)

Columns = dict[str, list[str]]
Rows = dict[str, Counter[tuple[object, ...]]]


def _columns(conn: sqlite3.Connection) -> Columns:
    """The columns of each table the models define that the file has (meta aside: each
    version stamps it)."""
    present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return {
        table: [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
        for table in sorted(set(Base.metadata.tables) & present - {"meta"})
    }


def _rows(conn: sqlite3.Connection, columns: Columns) -> Rows:
    """Every row in those columns (a later revision may add some), as multisets: a table rebuilt
    by a migration may list its rows in another order."""
    return {
        table: Counter(conn.execute(f"SELECT {', '.join(names)} FROM {table}").fetchall())
        for table, names in columns.items()
    }


def _read(path: Path) -> tuple[Columns, Rows]:
    conn = sqlite3.connect(path)
    try:
        columns = _columns(conn)
        return columns, _rows(conn, columns)
    finally:
        conn.close()


def test_every_revision_has_its_frozen_file() -> None:
    files = {p.name.removesuffix(".sqlite3.gz") for p in FROZEN.glob("*.sqlite3.gz")}
    missing = [r for r in KNOWN_REVISIONS if r not in files]
    assert not missing, (
        f"no frozen library for {', '.join(missing)}: run `.venv/bin/python -m tests.migrations.make_frozen` "
        "and commit what it writes"
    )
    assert files <= set(KNOWN_REVISIONS), f"frozen files of unknown revisions: {files - set(KNOWN_REVISIONS)}"


@pytest.mark.parametrize("revision", KNOWN_REVISIONS)
def test_a_library_made_at_each_revision_opens_with_everything_in_it(revision: str, tmp_path: Path) -> None:
    path = unpack(revision, tmp_path / "library.sqlite3")
    found = inspect(path)
    assert found.revision == revision, f"{frozen_file(revision).name} is not at {revision}"
    assert found.state is (State.CURRENT if revision == HEAD else State.BEHIND)
    columns, before = _read(path)
    assert all(before.values()), "every table holds something"

    db = open_library(path)
    try:
        assert db.migrated_from == (None if revision == HEAD else revision)
        assert db.schema_revision() == HEAD
        conn = db.read()
        after = _rows(conn, columns)
        for table in before:
            assert after[table] == before[table], f"{table} changed in the migration from {revision}"
        assert conn.execute("SELECT body FROM note WHERE title = ?", (NOTE_TITLE,)).fetchone() == (NOTE_BODY,)
        oldest = conn.execute(
            "SELECT r.body FROM note_revision r JOIN note n ON n.id = r.note_id WHERE n.title = ? "
            "ORDER BY r.created_at LIMIT 1",
            (NOTE_TITLE,),
        ).fetchone()
        assert oldest == (FIRST_REVISION_BODY,)
        if revision != HEAD:  # a migration stamps the file; a current file keeps its writer
            assert conn.execute("SELECT value FROM meta WHERE key = 'written_by'").fetchone() == (
                __version__,
            )

        search = Search(conn)
        assert {(h.slug, h.field) for h in search.run(LAO_ALIAS.split()[0]).hits} >= {
            ("boviengkham-vongdara", "alias")
        }
        assert "asean" in {h.slug for h in search.run(CHINESE_ALIAS[:4]).hits}
        assert NOTE_TITLE in {h.title for h in search.run("zanzibarite").hits if h.kind == "note"}
        assert "Someone Trashed" not in {h.title for h in search.run("someone trashed").hits}

        people = {r.slug for r in EntryLists(db).page("person").rows}
        assert people == {"boviengkham-vongdara", "wang-lin"}  # the trashed one is in the trash only
        report = check(db)
        assert report.ok, report
    finally:
        db.close()

    if revision != HEAD:
        backups = list((tmp_path / "backups").glob(f"library-*-before-migrating-from-{revision}.sqlite3"))
        assert len(backups) == 1
        assert inspect(backups[0]).revision == revision
        assert _read(backups[0]) == (columns, before)
