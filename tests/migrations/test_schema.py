"""Migrations: empty -> head, models match migrations, every step carries data, and files that
are not ours (or are newer) are refused without a byte changed."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError

from app import __version__
from app.db import migrate
from app.db.connection import connect
from app.db.database import DatabaseRefused, State, inspect, open_database
from app.db.engine import make_engine
from app.db.schema_version import HEAD, KNOWN_REVISIONS
from app.services.entries import EntryLists


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


def test_models_match_migrations(tmp_path: Path) -> None:
    path = tmp_path / "head.sqlite3"
    migrate.upgrade(path)
    engine = make_engine(path)
    try:
        with engine.begin() as conn:
            cfg = migrate.alembic_config()
            cfg.attributes["connection"] = conn
            try:
                command.check(cfg)
            except CommandError as exc:  # pragma: no cover - the message is the diagnosis
                pytest.fail(f"models and migrations differ: {exc}")
    finally:
        engine.dispose()


def test_downgrade_to_base_and_back(tmp_path: Path) -> None:
    path = tmp_path / "x.sqlite3"
    migrate.upgrade(path)
    migrate.downgrade(path, "base")
    conn = sqlite3.connect(path)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    conn.close()
    assert tables <= {"alembic_version", "meta"}
    migrate.upgrade(path)
    assert inspect(path).state is State.CURRENT


@pytest.mark.parametrize("older", KNOWN_REVISIONS[:-1] or ["(none yet)"])
def test_each_upgrade_carries_data_and_backs_up_first(
    tmp_path: Path, older: str, seeded_template: Path
) -> None:
    if older == "(none yet)":
        pytest.skip("only one revision exists; nothing to upgrade from yet")
    path = tmp_path / "old.sqlite3"
    migrate.upgrade(path, older)
    conn = connect(path)  # with the fold function the search index's triggers call
    conn.execute(
        "INSERT INTO entity (uid, kind, slug, name, summary, created_at, updated_at) "
        "VALUES ('00000000-0000-4000-8000-000000000001', 'country', 'laos', 'Laos', 's', 't', 't')"
    )
    conn.execute("INSERT INTO country (id, iso_alpha2) VALUES (last_insert_rowid(), 'LA')")
    conn.commit()
    conn.close()
    assert inspect(path).state is State.BEHIND
    db = open_database(path)
    try:
        assert db.migrated_from == older
        assert db.read().execute("SELECT name FROM entity WHERE slug = 'laos'").fetchone() == ("Laos",)
        assert [(r.slug, r.values[:2]) for r in EntryLists(db).page("country").rows] == [
            ("laos", ("Laos", "LA"))
        ]
    finally:
        db.close()
    backups = list((tmp_path / "backups").glob(f"old-*-before-migrating-from-{older}.sqlite3"))
    assert len(backups) == 1
    assert inspect(backups[0]).revision == older


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
