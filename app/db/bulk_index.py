"""Writing many rows at once with the indexes brought up to date at the end, not row by row.

The search index's, the lists' and the Notes view's order-by-entry triggers (app/db/
search_index.py, list_index.py, note_sort.py) work one row at a time: for thousands of rows
each one pays a statement or two of its own, and the lists' filter index (FTS5) writes a
segment for nearly every statement. Setting them aside for the block and bringing everything
it wrote up to date in a few statements over all of it is many times faster. Two ways:

- `indexed_at_end`: NEW rows (an import of a data file, a table, a bibliography), indexed as
  every row above the ids the tables held before.
- `relisted_at_end`: rows of existing entries changed (moved to the Trash, a country set on
  10,000 officials, a merge and its undo); the caller names the entries whose lists' rows
  change, and they are listed afresh at the end, with the rows that show their names and
  their notes' order by entry.

The triggers are dropped and put back inside the caller's transaction, so a rollback leaves
them as they were; put back from the library's own copy (sqlite_master), never from this
version's definitions.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress

from app.db import list_index, note_sort, search_index
from app.db.schema_version import HEAD


def at_head(conn: sqlite3.Connection) -> bool:
    """Whether the library's indexes are this version's (fill_after writes this version's)."""
    row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    return row is not None and row[0] == HEAD


@contextmanager
def _set_aside(conn: sqlite3.Connection, names: Iterable[str]) -> Iterator[None]:
    """The triggers `names` dropped within, put back as the library had them as it ends."""
    stored = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN (SELECT value FROM json_each(?))",
        (json.dumps(list(names)),),
    ).fetchall()
    for name, _sql in stored:
        conn.execute(f"DROP TRIGGER {name}")
    try:
        yield
    except BaseException:
        # (The caller rolls back, which puts them back too; a broken connection can't.)
        with suppress(sqlite3.Error):
            for _name, sql in stored:
                conn.execute(sql)
        raise
    for _name, sql in stored:
        conn.execute(sql)


@contextmanager
def indexed_at_end(conn: sqlite3.Connection, *, bulk: bool) -> Iterator[None]:
    """New rows written inside are indexed for search, the lists and the Notes view's order as
    the block ends: by the triggers as they go when not `bulk` (or the library is of another
    revision), else once, for every row above the ids the tables held before. Rows of older
    entries must not be written inside when `bulk` (only new rows are indexed)."""
    if not bulk or not at_head(conn):
        yield
        return
    tables = {f.table for f in search_index.FIELDS} | {"entity", "note"}
    after = {t: int(conn.execute(f"SELECT coalesce(max(id), 0) FROM {t}").fetchone()[0]) for t in tables}
    names = (*search_index.trigger_names(), *list_index.trigger_names(), *note_sort.TRIGGER_NAMES)
    with _set_aside(conn, names):
        yield
        for sql, params in (*search_index.fill_after(after), *list_index.fill_after(after["entity"])):
            conn.execute(sql, params)
        for statement in note_sort.refill(f"note.id > {after['note']}"):
            conn.execute(statement)


# The triggers `relisted_at_end` sets aside: those that follow the entries and their rows. The
# lists' count and filter-index triggers stay: they follow list_row and list_hay, which the
# relisting writes a statement for all at once.
_ROW_TRIGGERS = tuple(
    name for name in list_index.trigger_names() if not name.startswith(("list_row_", "list_hay_"))
)
_CHOSEN = "SELECT id FROM temp.relisted"


class Relist:
    """The entries whose lists' rows a `relisted_at_end` block changed, named as it goes."""

    def __init__(self, active: bool) -> None:
        self._active = active
        self._ids: dict[str | None, set[int]] = defaultdict(set)
        self._notes: set[int] = set()

    def entries(self, ids: Iterable[int], *, written: str | None = None) -> None:
        """The entries `ids` were written (or the rows that feed their lists' columns: their
        titles, parties, other names, notes). `written`: the one column of their kind's table
        written, when only that changed (their names and state are as they were)."""
        if self._active:
            self._ids[written].update(ids)

    def notes(self, ids: Iterable[int]) -> None:
        """The notes of the entries `ids` may need their entry's key again: notes were moved to
        (or from) them, or they were renamed. (Moving an entry to the Trash or out of it keeps
        its notes' key.)"""
        if self._active:
            self._notes.update(ids)

    def apply(self, conn: sqlite3.Connection) -> None:
        for written, ids in self._ids.items():
            if not ids:
                continue
            _fill(conn, ids)
            if written is not None:
                kinds = [
                    k for (k,) in conn.execute(f"SELECT DISTINCT kind FROM entity WHERE id IN ({_CHOSEN})")
                ]
                for kind in kinds:
                    for statement in list_index.refresh_columns(kind, written, _CHOSEN):
                        conn.execute(statement)
                continue
            list_index.relist(conn, _CHOSEN)
        if self._notes:
            _fill(conn, self._notes)
            for statement in note_sort.refill(f"note.entity_id IN ({_CHOSEN})"):
                conn.execute(statement)
        self._ids.clear()
        self._notes.clear()


@contextmanager
def relisted_at_end(conn: sqlite3.Connection, *, bulk: bool = True) -> Iterator[Relist]:
    """Within, the lists' and the Notes view's row-at-a-time triggers are set aside (when
    `bulk` and the library is this version's; otherwise they work as usual and this does
    nothing); name every entry whose rows change with the `Relist` handed out. As the block
    ends they are listed afresh and the rows that show their names refreshed, a statement for
    all of them each; so are the keys of the notes of the entries named with `notes()`. An
    entry's title, party or other name changed counts for its entry; a note moved to another
    entry counts for both entries' notes."""
    active = bulk and at_head(conn)
    relist = Relist(active)
    if not active:
        yield relist
        return
    with _set_aside(conn, (*_ROW_TRIGGERS, *note_sort.TRIGGER_NAMES)):
        yield relist
        relist.apply(conn)


def _fill(conn: sqlite3.Connection, ids: Iterable[int]) -> None:
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS relisted (id INTEGER PRIMARY KEY)")
    conn.execute("DELETE FROM temp.relisted")
    conn.executemany("INSERT OR IGNORE INTO temp.relisted (id) VALUES (?)", ((i,) for i in ids))
