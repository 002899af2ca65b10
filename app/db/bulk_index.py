"""Writing many new rows at once with the search index and the lists filled at the end.

The search index's and the lists' triggers index one row at a time; for thousands of new
entries, dropping them, writing the rows by executemany and indexing every row above the old
highest ids in a few statements is many times faster (app/services/importer.py does this for a
data file, app/services/bibliography.py for a bibliography). The triggers are dropped and put
back inside the caller's transaction, so a rollback leaves them as they were.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from app.db import list_index, search_index
from app.db.schema_version import HEAD


def at_head(conn: sqlite3.Connection) -> bool:
    """Whether the library's indexes are this version's (fill_after writes this version's)."""
    row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    return row is not None and row[0] == HEAD


@contextmanager
def indexed_at_end(conn: sqlite3.Connection, *, bulk: bool) -> Iterator[None]:
    """New rows written inside are indexed for search and the lists as the block ends: by the
    triggers as they go when not `bulk` (or the library is of another revision), else once, for
    every row above the ids the tables held before. Rows of older entries must not be written
    inside when `bulk` (only new rows are indexed)."""
    if not bulk or not at_head(conn):
        yield
        return
    tables = {f.table for f in search_index.FIELDS} | {"entity"}
    after = {t: int(conn.execute(f"SELECT coalesce(max(id), 0) FROM {t}").fetchone()[0]) for t in tables}
    for name in (*search_index.trigger_names(), *list_index.trigger_names()):
        conn.execute(f"DROP TRIGGER IF EXISTS {name}")
    yield
    for sql, params in (*search_index.fill_after(after), *list_index.fill_after(after["entity"])):
        conn.execute(sql, params)
    for statement in (*search_index.triggers(), *list_index.triggers()):
        conn.execute(statement)
