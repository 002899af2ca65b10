"""Shared fixtures. Every test runs offscreen with ROUNDTABLE_HOME in a temporary folder, so the
real user data folder is never touched."""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.db.database import Database, open_database
from app.io.datafile import read
from app.services.importer import import_file
from app.services.library import open_library

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("ROUNDTABLE_DB", None)

FIXTURES = Path(__file__).parent / "fixtures"
MINI = FIXTURES / "mini" / "mini.yaml"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("ROUNDTABLE_HOME", str(home))
    monkeypatch.delenv("ROUNDTABLE_DB", raising=False)
    # The single-instance socket's folder (app.paths.runtime_dir): a private one per test, not
    # the user's own runtime or cache folder.
    runtime = tmp_path_factory.mktemp("run")
    runtime.chmod(0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    return home


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database created, migrated and seeded once per test session."""
    path = tmp_path_factory.mktemp("template") / "seeded.sqlite3"
    open_library(path).close()
    return path


@pytest.fixture(scope="session")
def empty_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database created and migrated (nothing in it) once per test session: copying it is
    much faster than migrating a new one, which property tests do many times."""
    path = tmp_path_factory.mktemp("template") / "empty.sqlite3"
    open_database(path).close()
    return path


def copy_db(source: Path, target: Path) -> Path:
    src = sqlite3.connect(source)
    dst = sqlite3.connect(target)
    src.backup(dst)
    dst.close()
    src.close()
    return target


def live_entries(path: Path) -> int:
    """How many entries outside the Trash the library at `path` holds, as a backup's listing
    counts them: the bundled dataset grows, so tests compare with this, not a number."""
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return int(conn.execute("SELECT count(*) FROM entity WHERE deleted_at IS NULL").fetchone()[0])
    finally:
        conn.close()


def live_notes(path: Path) -> int:
    """How many notes outside the Trash the library at `path` holds: the bundled dataset's notes
    grow with it too."""
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return int(conn.execute("SELECT count(*) FROM note WHERE deleted_at IS NULL").fetchone()[0])
    finally:
        conn.close()


@pytest.fixture
def seeded_path(seeded_template: Path, tmp_path: Path) -> Path:
    return copy_db(seeded_template, tmp_path / "roundtable.sqlite3")


@pytest.fixture
def seeded_db(seeded_path: Path) -> Iterator[Database]:
    db = open_database(seeded_path)
    yield db
    db.close()


@pytest.fixture
def empty_db(tmp_path: Path) -> Iterator[Database]:
    db = open_database(tmp_path / "empty.sqlite3")
    yield db
    db.close()


@pytest.fixture(scope="session")
def mini_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database holding only tests/fixtures/mini/mini.yaml, made once per test session."""
    folder = tmp_path_factory.mktemp("mini")
    shutil.copytree(MINI.parent, folder / "source")
    path = folder / "mini.sqlite3"
    db = open_database(path)
    import_file(db, read(folder / "source" / "mini.yaml"))
    db.close()
    return path


@pytest.fixture
def mini_path(mini_template: Path, tmp_path: Path) -> Path:
    return copy_db(mini_template, tmp_path / "mini.sqlite3")


@pytest.fixture
def mini_db(mini_path: Path) -> Iterator[Database]:
    """A database holding only tests/fixtures/mini/mini.yaml."""
    db = open_database(mini_path)
    yield db
    db.close()
