"""Migrations: empty -> head, and files that are not ours (or are newer) are refused without a
byte changed. That the models match the migrations and each step goes up and down is checked
in test_alembic_tool.py and test_revision_steps.py; that each revision's libraries open with
their data, backed up first, in test_frozen.py."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory

from app import __version__
from app.db import migrate
from app.db.database import DatabaseRefused, State, inspect, open_database
from app.db.schema_version import HEAD, KNOWN_REVISIONS


def _scripts() -> ScriptDirectory:
    return ScriptDirectory.from_config(migrate.alembic_config())


def test_known_revisions_match_the_scripts() -> None:
    chain = [s.revision for s in reversed(list(_scripts().walk_revisions()))]
    assert tuple(chain) == KNOWN_REVISIONS
    assert _scripts().get_current_head() == HEAD


def test_empty_to_head_sets_application_id_and_pragmas(tmp_path: Path) -> None:
    db = open_database(tmp_path / "new.sqlite3")
    try:
        conn = db.read()
        assert conn.execute("PRAGMA application_id").fetchone()[0] == 0x52544231
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
        assert db.schema_revision() == HEAD
    finally:
        db.close()
    assert inspect(tmp_path / "new.sqlite3").state is State.CURRENT


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _refused(path: Path) -> str:
    before = _digest(path)
    with pytest.raises(DatabaseRefused) as caught:
        open_database(path)
    assert _digest(path) == before, "a refused file must be left byte-identical"
    return str(caught.value)


def test_newer_database_is_refused_naming_both_versions(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite3"
    migrate.upgrade(path)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.execute("UPDATE meta SET value = '7.0.0' WHERE key = 'written_by'")
    conn.commit()
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    message = _refused(path)
    assert "Roundtable 7.0.0" in message and "9999_from_the_future" in message
    assert f"Roundtable {__version__}" in message and HEAD in message


def test_foreign_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.execute("INSERT INTO recipes VALUES ('soup')")
    conn.commit()
    conn.close()
    assert "another application" in _refused(path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA application_id = 1234")
    conn.commit()
    conn.close()
    assert "0x000004d2" in _refused(path)


def test_empty_and_non_sqlite_files_are_refused(tmp_path: Path) -> None:
    empty = tmp_path / "empty.sqlite3"
    empty.touch()
    assert "empty file" in _refused(empty)
    text = tmp_path / "text.sqlite3"
    text.write_text("SQLite is great\n" * 20, encoding="utf-8")
    assert "not an SQLite file" in _refused(text)
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\xff" * 2000)
    assert "damaged" in _refused(damaged) or "cannot be opened" in _refused(damaged)


def test_blank_sqlite_file_is_initialised(tmp_path: Path) -> None:
    path = tmp_path / "blank.sqlite3"
    sqlite3.connect(path).execute("VACUUM").connection.close()
    db = open_database(path)
    try:
        assert db.created and db.schema_revision() == HEAD
    finally:
        db.close()
