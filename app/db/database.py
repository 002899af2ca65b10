"""Opening a Roundtable database: look before touching, refuse what is not ours, migrate safely.

`inspect()` reads only (plain sqlite3, read-only URI) and never writes a byte to a file it
refuses. `open_database()` creates a new file, or backs up and migrates an older one, and
returns a `Database`: plain sqlite3 connections for reads, and a lazily built SQLAlchemy
engine for writes.
"""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from app import __version__
from app.db.connection import APPLICATION_ID, connect
from app.db.schema_version import HEAD, KNOWN_REVISIONS

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session, sessionmaker

SQLITE_MAGIC = b"SQLite format 3\x00"


class DatabaseRefused(Exception):
    """The file cannot be opened as a Roundtable database; the message says why, in plain words.

    Raised before anything is written to the file.
    """


class State(Enum):
    MISSING = "missing"  # no file yet: create it
    BLANK = "blank"  # an SQLite file with nothing in it: safe to initialise
    CURRENT = "current"
    BEHIND = "behind"  # written by an older Roundtable: back up, then migrate


@dataclass(frozen=True)
class Inspection:
    path: Path
    state: State
    revision: str | None = None
    written_by: str | None = None


def inspect(path: Path) -> Inspection:
    """Classify `path` without writing to it; raise DatabaseRefused for anything not ours."""
    if not path.exists():
        return Inspection(path, State.MISSING)
    if path.is_dir():
        raise DatabaseRefused(f"{path} is a folder, not a Roundtable database file.")
    try:
        with path.open("rb") as fh:
            header = fh.read(100)
    except OSError as exc:
        raise DatabaseRefused(f"{path} cannot be read: {exc.strerror}.") from exc
    if not header:
        raise DatabaseRefused(f"{path} is an empty file, not a Roundtable database.")
    if not header.startswith(SQLITE_MAGIC):
        raise DatabaseRefused(f"{path} is not a Roundtable database (it is not an SQLite file).")
    try:
        conn = connect(path, readonly=True)
    except sqlite3.Error as exc:
        raise DatabaseRefused(f"{path} cannot be opened: {exc}.") from exc
    try:
        return _inspect_sqlite(path, conn)
    except sqlite3.DatabaseError as exc:
        raise DatabaseRefused(f"{path} is damaged or not a database ({exc}).") from exc
    finally:
        conn.close()


def _inspect_sqlite(path: Path, conn: sqlite3.Connection) -> Inspection:
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if app_id == 0 and not tables:
        return Inspection(path, State.BLANK)
    if app_id != APPLICATION_ID:
        raise DatabaseRefused(
            f"{path} is an SQLite database of another application "
            f"(application id {app_id:#010x}), not a Roundtable database."
        )
    revision = None
    if "alembic_version" in tables:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        revision = row[0] if row else None
    written_by = None
    if "meta" in tables:
        row = conn.execute("SELECT value FROM meta WHERE key = 'written_by'").fetchone()
        written_by = row[0] if row else None
    if revision is None:
        raise DatabaseRefused(f"{path} is a damaged Roundtable database: its schema revision is missing.")
    if revision == HEAD:
        return Inspection(path, State.CURRENT, revision, written_by)
    if revision in KNOWN_REVISIONS:
        return Inspection(path, State.BEHIND, revision, written_by)
    writer = f"Roundtable {written_by}" if written_by else "a newer Roundtable"
    raise DatabaseRefused(
        f"{path} was written by {writer} (schema revision {revision}); this is Roundtable "
        f"{__version__} (schema revision {HEAD}), which cannot open it. Update Roundtable to use "
        "this file; it has not been changed."
    )


class Database:
    """An opened Roundtable database file.

    `read()` hands out this thread's plain sqlite3 connection (cheap, no ORM import);
    `connect()` makes a fresh one for a worker thread; `sessions` builds the SQLAlchemy
    sessionmaker on first use.
    """

    def __init__(self, path: Path, *, created: bool = False, migrated_from: str | None = None) -> None:
        self.path = path
        self.created = created
        self.migrated_from = migrated_from
        self._local = threading.local()
        self._lock = threading.Lock()
        self._engine: Engine | None = None
        self._sessions: sessionmaker[Session] | None = None
        self._readers: list[sqlite3.Connection] = []

    def read(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = connect(self.path, check_same_thread=False)
            self._local.conn = conn
            with self._lock:
                self._readers.append(conn)
        return conn

    def connect(self) -> sqlite3.Connection:
        return connect(self.path, check_same_thread=False)

    @property
    def engine(self) -> Engine:
        with self._lock:
            if self._engine is None:
                from app.db.engine import make_engine

                self._engine = make_engine(self.path)
            return self._engine

    @property
    def sessions(self) -> sessionmaker[Session]:
        engine = self.engine
        with self._lock:
            if self._sessions is None:
                from app.db.engine import make_sessionmaker

                self._sessions = make_sessionmaker(engine)
            return self._sessions

    def schema_revision(self) -> str | None:
        row = self.read().execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else None

    def close(self) -> None:
        with self._lock:
            readers, self._readers = self._readers, []
            engine, self._engine = self._engine, None
            self._sessions = None
        for conn in readers:
            conn.close()
        self._local = threading.local()
        if engine is not None:
            engine.dispose()


def open_database(path: Path, *, create: bool = True) -> Database:
    """Open `path`, creating or migrating it as needed. Raises DatabaseRefused."""
    found = inspect(path)
    if found.state is State.CURRENT:
        return Database(path)
    from app.db import migrate  # Alembic only when there is schema work to do

    if found.state is State.MISSING:
        if not create:
            raise DatabaseRefused(f"{path} does not exist.")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseRefused(f"Cannot create the folder {path.parent}: {exc.strerror}.") from exc
        migrate.upgrade(path)
        return Database(path, created=True)
    if found.state is State.BLANK:
        migrate.upgrade(path)
        return Database(path, created=True)
    assert found.revision is not None
    migrate.backup_before_migration(path, found.revision)
    migrate.upgrade(path)
    return Database(path, migrated_from=found.revision)
