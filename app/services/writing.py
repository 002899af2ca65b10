"""Short write transactions on plain sqlite3, and the failures a user can act on, typed.

The note editor saves about once a second while someone types. That path uses a plain sqlite3
connection instead of an ORM session: the first keystroke must not wait for SQLAlchemy's import
(~0.3 s), and a save (note row, revision, backlinks) is a handful of statements that must
finish within a frame. Every note and tag write goes through the same `Writer`, so there is one
set of failure modes and one place that maps them.

A write either commits completely or changes nothing: `transaction()` rolls back on any error,
and SQLite errors that come from the outside world (a read-only file, another process holding
the lock, a full disk) are raised as `WriteFailed` subclasses with a sentence a user can read.
Callers keep their data and retry.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress

from app.db import database
from app.db.database import Database
from app.db.errors import Trouble, explain
from app.i18n import Explained, Message

# Long enough to ride out a checkpoint or another short save; short enough that the window never
# freezes for seconds when another program holds the file: the save fails, says so, and retries.
WRITE_BUSY_TIMEOUT_MS = 250


class WriteFailed(Explained):
    """The database could not be written. Nothing was changed; trying again later may work."""

    def __init__(self, reason: Message) -> None:
        super().__init__(reason)
        self.reason = reason


class DatabaseReadOnly(WriteFailed, database.DatabaseReadOnly):
    pass


class DatabaseBusy(WriteFailed):
    pass


class DiskFull(WriteFailed):
    pass


class DiskError(WriteFailed):
    """The disk reported an error, or the file is damaged."""


_BY_TROUBLE: dict[Trouble, type[WriteFailed]] = {
    Trouble.READ_ONLY: DatabaseReadOnly,
    Trouble.BUSY: DatabaseBusy,
    Trouble.DISK_FULL: DiskFull,
    Trouble.IO: DiskError,
    Trouble.DAMAGED: DiskError,
}


def classify(exc: BaseException) -> WriteFailed | None:
    """The user-facing failure behind `exc`, or None when it is a bug (bad SQL, a constraint).

    The classification itself is app/db/errors.py's, shared with every other write path."""
    if isinstance(exc, database.DatabaseReadOnly):  # the database refused before SQLite was asked
        return DatabaseReadOnly(exc.message)
    failure = explain(exc)
    kind = _BY_TROUBLE.get(failure.trouble)
    return kind(failure.message) if kind is not None else None


class Writer:
    """One connection that writes, opened on first use, with a short busy timeout.

    Use it from one thread (the UI thread, or a worker that made its own Writer).
    """

    def __init__(self, db: Database, *, connect: Callable[[], sqlite3.Connection] | None = None) -> None:
        self.db = db
        self._connect = connect or db.connect
        self._conn: sqlite3.Connection | None = None

    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            try:
                conn = self._connect()
            except sqlite3.Error as exc:
                failed = classify(exc)
                if failed is not None:
                    raise failed from exc
                raise
            conn.execute(f"PRAGMA busy_timeout = {WRITE_BUSY_TIMEOUT_MS}")
            self._conn = conn
        return self._conn

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE ... COMMIT: the write lock is taken up front, so a busy database fails
        before anything is done rather than half-way; any error rolls everything back."""
        try:
            self.db.check_writable()  # read-only mode, and the start-up check's gate
        except database.DatabaseReadOnly as exc:
            raise DatabaseReadOnly(exc.message) from exc
        conn = self.conn
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            self._raise_typed(exc)
            raise
        try:
            yield conn
            conn.execute("COMMIT")
        except BaseException as exc:
            _rollback(conn)
            if isinstance(exc, sqlite3.Error):
                self._raise_typed(exc)
            raise

    def _raise_typed(self, exc: sqlite3.Error) -> None:
        """Raise the typed failure behind `exc`; return when it is a bug (the caller re-raises)."""
        failed = classify(exc)
        if isinstance(failed, DatabaseReadOnly | DiskError):
            self.close()  # the next try opens the file afresh: its permissions may have been fixed
        if failed is not None:
            raise failed from exc


def _rollback(conn: sqlite3.Connection) -> None:
    # SQLite may already have rolled back by itself (a full disk during COMMIT does that).
    if conn.in_transaction:
        with suppress(sqlite3.Error):
            conn.execute("ROLLBACK")
