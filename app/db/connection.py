"""The one place that opens SQLite connections and sets their pragmas.

Reads on the start-up path use these plain sqlite3 connections (SQLAlchemy costs ~0.3 s to
import, more than the whole first paint may take); the ORM engine gets its connections from
here too, so every connection has the same settings.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from app.db import collation
from app.db.folding import SQL_FUNCTION, fold
from app.user_files import UnreadableFile, read_head

# 'RTB1' — lets us tell our files from any other SQLite file without reading a table.
APPLICATION_ID = 0x52544231
BUSY_TIMEOUT_MS = 5000


def connect(
    path: Path, *, readonly: bool = False, check_same_thread: bool = True, peek: bool = False
) -> sqlite3.Connection:
    """Open `path` with Roundtable's pragmas. Never creates a file when `readonly`; with `peek`
    (read-only) nothing is created beside it either — for a look at a file not yet known to be
    ours and sound, or one nobody else can be writing (this process holds the writer lock)."""
    if readonly:
        conn = _connect_readonly(path, check_same_thread=check_same_thread, peek=peek)
    else:
        conn = sqlite3.connect(
            path,
            timeout=BUSY_TIMEOUT_MS / 1000,
            check_same_thread=check_same_thread,
            isolation_level=None,  # autocommit; transactions are explicit (BEGIN ... COMMIT)
        )
    apply_pragmas(conn, readonly=readonly)
    return conn


def _connect_readonly(path: Path, *, check_same_thread: bool, peek: bool = False) -> sqlite3.Connection:
    uri = path.absolute().as_uri() + "?mode=ro"

    def open_uri(query: str) -> sqlite3.Connection:
        return sqlite3.connect(
            uri + query,
            uri=True,
            timeout=BUSY_TIMEOUT_MS / 1000,
            check_same_thread=check_same_thread,
            isolation_level=None,
        )

    if peek and _wal_without_log(path):
        # To read a file in WAL mode SQLite makes -wal and -shm files beside it, even read-only,
        # and leaves them: a refused file of another program, or a damaged one, would gain two.
        # With no -wal there is nothing to read but the file itself, so reading it as immutable
        # reads all of it and creates nothing. (Only for a look: a long read beside a writer that
        # starts meanwhile would not see its checkpoints.)
        return open_uri("&immutable=1")
    conn = open_uri("")
    try:
        conn.execute("PRAGMA schema_version").fetchone()
    except sqlite3.DatabaseError as exc:
        if getattr(exc, "sqlite_errorname", "") != "SQLITE_CANTOPEN":
            return conn  # the caller meets the real problem (damage, locking) on its first query
        conn.close()
        # A WAL database in a read-only folder: SQLite cannot create its -shm file there, so it
        # refuses even a read-only open. Nobody can write there either, so reading the file as
        # immutable is safe — and the only way to read it at all.
        conn = open_uri("&immutable=1")
    return conn


def _wal_without_log(path: Path) -> bool:
    """The file's header says WAL mode (format versions 2), and no -wal file is beside it."""
    if path.with_name(path.name + "-wal").exists():
        return False
    try:
        header = read_head(path, 20)
    except (OSError, UnreadableFile):
        return False  # the open that follows says what is wrong
    return header[18:20] == b"\x02\x02"


def register_functions(conn: sqlite3.Connection) -> None:
    """The SQL functions the library's triggers call: a connection without them cannot write."""
    # The search index folds text with this one (app/db/search_index.py) ...
    conn.create_function(SQL_FUNCTION, 1, fold, deterministic=True)
    # ... and the lists and the Notes view's entry order sort names by this one
    # (app/db/list_index.py, app/db/note_sort.py).
    conn.create_function(collation.SQL_FUNCTION, 1, collation.sort_key, deterministic=True)


def apply_pragmas(conn: sqlite3.Connection, *, readonly: bool = False) -> None:
    register_functions(conn)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    if not readonly:
        # WAL lets readers (search, lists) run while a note is being saved; NORMAL is durable
        # across application crashes in WAL mode and only risks the last commit on power loss.
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
