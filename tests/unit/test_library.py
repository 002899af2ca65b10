"""First launch creates, migrates and seeds; later launches reuse and never reseed."""

from __future__ import annotations

from pathlib import Path

import pytest

from app import paths
from app.services.entries import EntryLists
from app.services.library import needs_seed, open_library


def test_first_open_creates_migrates_and_seeds(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "folder" / "r.sqlite3"
    db = open_library(path)
    try:
        assert db.created
        assert db.schema_revision() is not None
        assert EntryLists(db).counts()["person"] >= 8
        assert not needs_seed(db)
    finally:
        db.close()


def test_second_open_keeps_user_changes_and_does_not_reseed(seeded_path: Path) -> None:
    db = open_library(seeded_path)
    conn = db.read()
    conn.execute("UPDATE entity SET name = 'Renamed by me' WHERE slug = 'chen-gang'")
    conn.execute("DELETE FROM entity WHERE slug = 'wang-changlin'")
    before = conn.execute("SELECT count(*) FROM entity").fetchone()[0]
    db.close()
    db = open_library(seeded_path)
    try:
        conn = db.read()
        assert (
            conn.execute("SELECT name FROM entity WHERE slug = 'chen-gang'").fetchone()[0] == "Renamed by me"
        )
        assert conn.execute("SELECT count(*) FROM entity WHERE slug = 'wang-changlin'").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM entity").fetchone()[0] == before
        assert conn.execute("SELECT count(*) FROM dataset_import").fetchone()[0] == 1
    finally:
        db.close()


def test_emptied_library_is_not_reseeded(seeded_path: Path) -> None:
    db = open_library(seeded_path)
    db.read().execute("DELETE FROM entity")
    db.read().execute("DELETE FROM note")
    db.close()
    db = open_library(seeded_path)
    try:
        assert sum(EntryLists(db).counts().values()) == 0
    finally:
        db.close()


def test_db_path_precedence(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    home = Path(str(paths.os.environ["ROUNDTABLE_HOME"]))
    assert paths.resolve_db_path(None) == home / "data" / paths.DB_FILENAME
    monkeypatch.setenv("ROUNDTABLE_DB", str(tmp_path / "env.sqlite3"))
    assert paths.resolve_db_path(None) == tmp_path / "env.sqlite3"
    assert paths.resolve_db_path(str(tmp_path / "cli.sqlite3")) == tmp_path / "cli.sqlite3"


def test_default_location_is_the_platform_data_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    import platformdirs

    monkeypatch.delenv("ROUNDTABLE_HOME")
    expected = Path(platformdirs.user_data_dir("Roundtable", appauthor=False, roaming=True))
    assert paths.default_db_path() == expected / "roundtable.sqlite3"
