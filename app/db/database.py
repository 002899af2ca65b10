"""Opening a Roundtable database: look before touching, refuse what is not ours, migrate safely.

`inspect()` reads only (plain sqlite3, read-only URI) and never writes a byte to a file it
refuses. `open_database()` creates a new file, or backs up and migrates an older one, and
returns a `Database`: plain sqlite3 connections for reads, and a lazily built SQLAlchemy
engine for writes.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from app import __version__
from app.db.connection import APPLICATION_ID, connect
from app.db.errors import Trouble, trouble_of
from app.db.schema_version import HEAD, KNOWN_REVISIONS
from app.i18n import T_, Explained, Message
from app.paths import create_private_file, make_private_folder
from app.user_files import UnreadableFile, read_head, require_regular

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session, sessionmaker

SQLITE_MAGIC = b"SQLite format 3\x00"


class Refusal(Enum):
    """Why a file was refused; the start-up flow offers a way forward for each."""

    NOT_FOUND = "not-found"
    FOLDER = "folder"
    NOT_A_FILE = "not-a-file"  # a FIFO, device or socket
    UNREADABLE = "unreadable"
    EMPTY = "empty"
    NOT_SQLITE = "not-sqlite"
    FOREIGN = "foreign"
    NEWER = "newer"
    OUTDATED = "outdated"  # older than this version, and cannot be brought up to date now
    DAMAGED = "damaged"


class DatabaseRefused(Explained):
    """The file cannot be opened as a Roundtable database; the message says why, in plain words.

    Raised before anything is written to the file.
    """

    def __init__(self, message: Message, reason: Refusal = Refusal.DAMAGED) -> None:
        super().__init__(message)
        self.reason = reason


class DatabaseReadOnly(Explained):
    """A write was asked of a database that is open read-only; the message says why."""


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


# The tables of a database at HEAD (FTS5's own shadow tables aside). A file at HEAD without one
# of them is damaged, and is refused before anything opens it for writing: even the switch to
# WAL mode that a writing connection makes would change a file Roundtable then says it left
# alone. tests/unit/test_opening.py keeps this in step with what the migrations create.
TABLES_AT_HEAD = frozenset(
    {
        "alembic_version", "alias", "attachment", "citation", "country", "dataset_import", "entity", "entity_tag",
        "event", "fact", "initiative", "initiative_party", "list_count", "list_hay", "list_hay_fts",
        "list_row", "membership", "meta", "note", "note_link", "note_revision", "note_tag",
        "organization", "participation", "person", "role", "saved_search", "search_doc",
        "search_fts", "search_vocab", "source", "source_import", "statement", "tag",
    }
)  # fmt: skip


def require_file(path: Path) -> bool:
    """True when `path` is an ordinary file (links followed), False when nothing is there;
    DatabaseRefused for a folder, FIFO, device or socket, before anything opens it: opening a
    FIFO blocks until a writer comes, and every command hung (some holding the writer lock)."""
    try:
        return require_regular(path) is not None
    except UnreadableFile as exc:
        if path.is_dir():
            raise DatabaseRefused(
                T_("Opening", "{path} is a folder, not a Roundtable database file.").format(path=path),
                Refusal.FOLDER,
            ) from exc
        raise DatabaseRefused(exc.message, Refusal.NOT_A_FILE) from exc
    except OSError as exc:  # a loop of links, a folder on the way that may not be entered
        raise DatabaseRefused(
            T_("Opening", "{path} cannot be read: {error}.").format(path=path, error=exc.strerror),
            Refusal.UNREADABLE,
        ) from exc


def inspect(path: Path) -> Inspection:
    """Classify `path` without writing to it or beside it; raise DatabaseRefused for anything
    not ours."""
    if not require_file(path):
        return Inspection(path, State.MISSING)
    try:
        header = read_head(path, 100)
    except UnreadableFile as exc:  # swapped for a FIFO since require_file looked
        raise DatabaseRefused(exc.message, Refusal.NOT_A_FILE) from exc
    except OSError as exc:
        raise DatabaseRefused(
            T_("Opening", "{path} cannot be read: {error}.").format(path=path, error=exc.strerror),
            Refusal.UNREADABLE,
        ) from exc
    if not header:
        raise DatabaseRefused(
            T_("Opening", "{path} is an empty file, not a Roundtable database.").format(path=path),
            Refusal.EMPTY,
        )
    if not header.startswith(SQLITE_MAGIC):
        raise DatabaseRefused(
            T_("Opening", "{path} is not a Roundtable database (it is not an SQLite file).").format(
                path=path
            ),
            Refusal.NOT_SQLITE,
        )
    app_id = int.from_bytes(header[68:72], "big") if len(header) == 100 else 0
    if app_id not in (0, APPLICATION_ID):  # another program's, told without opening it
        raise _foreign(path, app_id)
    try:
        conn = connect(path, readonly=True, peek=True)
    except sqlite3.Error as exc:
        raise DatabaseRefused(
            T_("Opening", "{path} cannot be opened: {error}.").format(path=path, error=exc),
            Refusal.UNREADABLE,
        ) from exc
    try:
        return _inspect_sqlite(path, conn)
    except sqlite3.DatabaseError as exc:
        raise _read_failure(path, exc) from exc
    finally:
        conn.close()


def _read_failure(path: Path, exc: sqlite3.DatabaseError) -> DatabaseRefused:
    """Damage, or trouble around the file (a full disk cannot even hold SQLite's -shm index)?"""
    trouble = trouble_of(exc)
    if trouble in (Trouble.DAMAGED, Trouble.OTHER):
        return DatabaseRefused(
            T_("Opening", "{path} is damaged or not a database ({error}).").format(path=path, error=exc),
            Refusal.DAMAGED,
        )
    why = {
        Trouble.DISK_FULL: T_("Opening", "the disk is full"),
        Trouble.BUSY: T_("Opening", "another program is holding it"),
        Trouble.READ_ONLY: T_("Opening", "it is read-only"),
    }.get(trouble, T_("Opening", "the disk reported an error; it may be full or failing"))
    return DatabaseRefused(
        T_("Opening", "{path} cannot be read right now ({error}): {why}.").format(
            path=path, error=exc, why=why
        ),
        Refusal.UNREADABLE,
    )


def _inspect_sqlite(path: Path, conn: sqlite3.Connection) -> Inspection:
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if app_id == 0 and not tables:
        return Inspection(path, State.BLANK)
    if app_id != APPLICATION_ID:
        raise _foreign(path, app_id)
    revision = None
    if "alembic_version" in tables:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        revision = row[0] if row else None
    written_by = None
    if "meta" in tables:
        row = conn.execute("SELECT value FROM meta WHERE key = 'written_by'").fetchone()
        written_by = row[0] if row else None
    if revision is None:
        raise DatabaseRefused(
            T_("Opening", "{path} is a damaged Roundtable database: its schema revision is missing.").format(
                path=path
            ),
            Refusal.DAMAGED,
        )
    if revision == HEAD:
        missing = sorted(TABLES_AT_HEAD - tables)
        if missing:
            raise DatabaseRefused(
                T_(
                    "Opening", "{path} is a damaged Roundtable database: its table {table} is missing."
                ).format(path=path, table=missing[0]),
                Refusal.DAMAGED,
            )
        return Inspection(path, State.CURRENT, revision, written_by)
    if revision in KNOWN_REVISIONS:
        return Inspection(path, State.BEHIND, revision, written_by)
    writer = f"Roundtable {written_by}" if written_by else T_("Opening", "a newer Roundtable")
    raise DatabaseRefused(
        T_(
            "Opening",
            "{path} was written by {writer} (schema revision {revision}); this is Roundtable "
            "{version} (schema revision {head}), which cannot open it. Update Roundtable to use "
            "this file; it has not been changed.",
        ).format(path=path, writer=writer, revision=revision, version=__version__, head=HEAD),
        Refusal.NEWER,
    )


def _foreign(path: Path, app_id: int) -> DatabaseRefused:
    return DatabaseRefused(
        T_(
            "Opening",
            "{path} is an SQLite database of another application (application id {id}), "
            "not a Roundtable database.",
        ).format(path=path, id=f"{app_id:#010x}"),
        Refusal.FOREIGN,
    )


def quick_check(path: Path, opened: Callable[[sqlite3.Connection], None] | None = None) -> tuple[str, ...]:
    """SQLite's quick_check on its own read-only connection: ('ok',) or the problems found.

    It reads every page (0.2–0.4 s for a 100 MB file, benchmarks/safety.py; seconds for a
    large library), so the window runs it in the background and holds writes until it has
    passed (Database.hold_writes). `opened` is handed the connection before the check begins:
    interrupting it from another thread ends the check at once, with CheckStopped.
    """
    try:
        # (a peek: its callers hold the writer lock, or check a backup nobody writes)
        conn = connect(path, readonly=True, peek=True)
        try:
            if opened is not None:
                opened(conn)
            return tuple(str(r[0]) for r in conn.execute("PRAGMA quick_check"))
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        if exc.sqlite_errorcode == sqlite3.SQLITE_INTERRUPT:
            raise CheckStopped() from exc
        return (f"the file cannot be read: {exc}",)


class CheckStopped(Exception):
    """quick_check was told to stop before it finished: it says nothing about the file."""


class Database:
    """An opened Roundtable database file.

    `read()` hands out this thread's plain sqlite3 connection (cheap, no ORM import);
    `connect()` makes a fresh one for a worker thread; `sessions` builds the SQLAlchemy
    sessionmaker on first use.

    A database open read-only (`read_only_reason` says why: a read-only folder, a damaged file
    opened for reading, another program holding the writer lock) hands out connections that
    cannot write, and `sessions` raises DatabaseReadOnly. `hold_writes(gate)` makes every write
    wait for `gate` first — the window uses it so nothing is written before the start-up check
    has passed.
    """

    def __init__(
        self,
        path: Path,
        *,
        created: bool = False,
        migrated_from: str | None = None,
        read_only_reason: Message | None = None,
    ) -> None:
        self.path = path
        self.created = created
        self.migrated_from = migrated_from
        self.read_only_reason = read_only_reason
        self._gate: Callable[[], None] | None = None
        # This thread's connection of `read()`, by thread ident: not a threading.local, which a
        # Qt pool thread loses after each task (PySide drops its Python thread state), so each
        # background read opened a connection that stayed open (two file descriptors a list
        # refresh, until none were left). An ident a finished thread leaves is reused safely.
        self._by_thread: dict[int, sqlite3.Connection] = {}
        self._lock = threading.Lock()
        self._engine: Engine | None = None
        self._sessions: sessionmaker[Session] | None = None
        self._readers: list[sqlite3.Connection] = []
        self._closed = False
        # Reading a WAL-mode file that no one has open makes SQLite create -wal and -shm beside
        # it, which read-only connections cannot take away again: close() does (see tidy_log).
        self._made_log = read_only_reason is not None and not log_file(path).exists()

    @property
    def closed(self) -> bool:
        return self._closed

    @property
    def read_only(self) -> bool:
        return self.read_only_reason is not None

    def read(self) -> sqlite3.Connection:
        thread = threading.get_ident()
        conn = self._by_thread.get(thread)
        if conn is None:
            conn = self.connect()
            with self._lock:
                self._by_thread[thread] = conn
                self._readers.append(conn)
        return conn

    def connect(self) -> sqlite3.Connection:
        conn = connect(self.path, readonly=self.read_only, check_same_thread=False)
        if self.read_only:
            conn.execute("PRAGMA query_only = ON")
        return conn

    def make_read_only(self, reason: Message) -> None:
        """From now on nothing can write: open connections stop writing, sessions refuse."""
        with self._lock:
            self.read_only_reason = reason
            readers = list(self._readers)
            engine, self._engine = self._engine, None
            self._sessions = None
        for conn in readers:
            conn.execute("PRAGMA query_only = ON")
        if engine is not None:
            engine.dispose()

    def hold_writes(self, gate: Callable[[], None] | None) -> None:
        """Every write first calls `gate`, which may wait and may raise (None: no gate)."""
        self._gate = gate

    def check_writable(self) -> None:
        """Raise DatabaseReadOnly, or whatever the gate raises, if a write must not happen now."""
        gate = self._gate
        if gate is not None:
            gate()
        if self.read_only_reason is not None:
            raise DatabaseReadOnly(
                T_("Opening", "{name} is open read-only: {reason}").format(
                    name=self.path.name, reason=self.read_only_reason
                )
            )

    @property
    def engine(self) -> Engine:
        self.check_writable()
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

    def stop_reading(self) -> None:
        """The first half of closing, safe from any thread: whatever the connections of
        `read()` are running stops (sqlite3.OperationalError, 'interrupted'), and `closed`
        tells a background read that this is why."""
        with self._lock:
            self._closed = True
            readers = list(self._readers)
        for conn in readers:
            conn.interrupt()

    def close(self) -> None:
        """Close every connection handed out by `read()`.

        No other thread may be inside a read then: closing a connection under a running
        statement can crash the process. A window with background reads calls `stop_reading`
        and waits for them first (app/gui/host.py)."""
        with self._lock:
            self._closed = True
            readers, self._readers = self._readers, []
            self._by_thread = {}
            engine, self._engine = self._engine, None
            self._sessions = None
        for conn in readers:
            conn.close()
        if engine is not None:
            engine.dispose()
        if self._made_log:
            tidy_log(self.path)


def log_file(path: Path) -> Path:
    """The -wal file SQLite keeps beside a database in WAL mode while it is open."""
    return path.with_name(path.name + "-wal")


def tidy_log(path: Path) -> None:
    """Take away the -wal and -shm files that reading `path` made beside it, as the last writer
    to close it would have: only a connection that may write removes them, as the last one to
    close the file. So one is opened and closed. Its log being empty, SQLite writes nothing to
    the file (a damaged file read by `roundtable check` keeps its bytes), and it removes nothing
    while another program has the file open."""
    try:
        if log_file(path).stat().st_size != 0:
            return  # someone wrote meanwhile: theirs to fold in
    except OSError:
        return  # no log (a file not in WAL mode): nothing to take away
    with contextlib.suppress(sqlite3.Error):
        conn = sqlite3.connect(path.absolute().as_uri() + "?mode=rw", uri=True, isolation_level=None)
        try:
            conn.execute("PRAGMA schema_version").fetchone()  # (it opens the log, to close it)
        finally:
            conn.close()


def open_database(path: Path, *, create: bool = True, read_only_reason: Message | None = None) -> Database:
    """Open `path`, creating or migrating it as needed. Raises DatabaseRefused.

    With `read_only_reason` nothing is written: the file must already be current.
    """
    found = inspect(path)
    if found.state is State.CURRENT:
        return Database(path, read_only_reason=read_only_reason)
    if read_only_reason is not None:
        if found.state is State.MISSING:
            raise DatabaseRefused(
                T_("Opening", "{path} does not exist.").format(path=path), Refusal.NOT_FOUND
            )
        raise DatabaseRefused(
            T_(
                "Opening",
                "{path} must be brought up to date by Roundtable before it can be read, and it is open "
                "read-only ({reason}).",
            ).format(path=path, reason=read_only_reason),
            Refusal.OUTDATED if found.state is State.BEHIND else Refusal.EMPTY,
        )
    from app.db import migrate  # Alembic only when there is schema work to do

    if found.state is State.MISSING:
        if not create:
            raise DatabaseRefused(
                T_("Opening", "{path} does not exist.").format(path=path), Refusal.NOT_FOUND
            )
        try:
            make_private_folder(path.parent)
        except OSError as exc:
            raise DatabaseRefused(
                T_("Opening", "Cannot create the folder {folder}: {error}.").format(
                    folder=path.parent, error=exc.strerror
                ),
                Refusal.UNREADABLE,
            ) from exc
        with contextlib.suppress(OSError):  # if it cannot be made, SQLite says why as it tries
            create_private_file(path)  # private; SQLite gives its -wal and -shm the file's mode
        migrate.upgrade(path)
        return Database(path, created=True)
    if found.state is State.BLANK:
        migrate.upgrade(path)
        return Database(path, created=True)
    assert found.revision is not None
    problems = quick_check(path)
    if problems != ("ok",):  # a migration rewrites tables: never on a damaged file
        raise DatabaseRefused(
            T_("Opening", "{path} is damaged ({problem}), so it was not brought up to date.").format(
                path=path, problem=problems[0]
            ),
            Refusal.DAMAGED,
        )
    migrate.backup_before_migration(path, found.revision)
    migrate.upgrade(path)
    return Database(path, migrated_from=found.revision)
