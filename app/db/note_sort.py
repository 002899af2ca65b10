"""The Notes view's order by entry, kept by the database itself so a page of it reads an index.

Sorted by entry, notes group under their entry's name (newest first within it) and standalone
notes come last, either way. Joining every note to its entry and sorting them all took 1.2 s
at 100,000 notes. `note.entry_sort` holds the entry's sort key instead (the lists' key,
app/db/collation.py: case and accents aside, Chinese by pinyin, Thai and Lao by consonant;
NULL for a standalone note), and two indexes hold the order, one per direction (the newest
note first within an entry either way, so one index read backwards cannot serve both): a page
reads 200 index entries. They end with deleted_at so that they hold all a page's query asks
(a page 20,000 notes down: 200 ms -> 3 ms).

A note in the Trash, or on an entry in the Trash, keeps its entry's key: the Trash lists
notes under their entry's name as the view did before (it joined the entry whatever its
state). So the triggers follow only what changes the key: a note written or moved to another
entry (or made standalone, as deleting its entry does), and an entry renamed.

Revision 0014 created these from this module's definitions; tests/migrations/test_note_sort.py
fails when the two drift apart. `problems()` lets `roundtable check` find a key that drifted,
and `rebuild()` (`roundtable check --reindex`) computes every key again.
"""

from __future__ import annotations

import sqlite3

from app.db import collation

COLUMN = "entry_sort"
ADD_COLUMN = f"ALTER TABLE note ADD COLUMN {COLUMN} TEXT"
_KEY = f"(SELECT {collation.SQL_FUNCTION}(e.name) FROM entity e WHERE e.id = {{note}}.entity_id)"

# The page's ORDER BY (services/note_lists.py, which adds `n.id` to break ties), in the
# indexes' terms so that they serve it as it is; {d} is the direction.
ORDER = f"n.{COLUMN} IS NULL, n.{COLUMN} {{d}}, n.updated_at DESC"
INDEXES: tuple[str, ...] = (
    f"CREATE INDEX ix_note_entry_sort ON note ({COLUMN} IS NULL, {COLUMN}, updated_at DESC, id, deleted_at)",
    f"CREATE INDEX ix_note_entry_sort_desc ON note ({COLUMN} IS NULL, {COLUMN} DESC, updated_at DESC, id, deleted_at)",
)
INDEX_NAMES = ("ix_note_entry_sort", "ix_note_entry_sort_desc")

TRIGGERS: tuple[str, ...] = (
    # (A standalone note written without a key, nearly every one, needs nothing.)
    "CREATE TRIGGER note_entry_sort_ai AFTER INSERT ON note "
    f"WHEN new.entity_id IS NOT NULL OR new.{COLUMN} IS NOT NULL BEGIN "
    f"UPDATE note SET {COLUMN} = {_KEY.format(note='new')} WHERE id = new.id; END",
    # Moved to another entry or made standalone (deleting the entry sets entity_id NULL).
    "CREATE TRIGGER note_entry_sort_au AFTER UPDATE OF entity_id ON note BEGIN "
    f"UPDATE note SET {COLUMN} = {_KEY.format(note='new')} WHERE id = new.id; END",
    "CREATE TRIGGER note_entry_sort_entity_au AFTER UPDATE OF name ON entity "
    "WHEN new.name IS NOT old.name BEGIN "
    f"UPDATE note SET {COLUMN} = {collation.SQL_FUNCTION}(new.name) WHERE entity_id = new.id; END",
)
TRIGGER_NAMES = ("note_entry_sort_ai", "note_entry_sort_au", "note_entry_sort_entity_au")

# Each entry's key computed once, not once per note (an entry may have hundreds of notes).
FILL = (
    f"UPDATE note SET {COLUMN} = k.key FROM (SELECT id, {collation.SQL_FUNCTION}(name) AS key FROM entity "
    "WHERE id IN (SELECT entity_id FROM note)) AS k WHERE k.id = note.entity_id"
)
CLEAR_STANDALONE = f"UPDATE note SET {COLUMN} = NULL WHERE entity_id IS NULL AND {COLUMN} IS NOT NULL"


def refill(notes: str) -> tuple[str, ...]:
    """Statements that set the key of the notes `notes` (a condition over `note.`) to their
    entry's, written only where it differs: for writes to many notes or entries made with the
    triggers set aside (app/db/bulk_index.py), each entry's key computed once, and read from
    its list row (app/db/list_index.py, the same key, up to date by then) where it is listed:
    computing it again cost more than the rest of a large merge's relisting."""
    return (
        f"UPDATE note SET {COLUMN} = k.key FROM (SELECT e.id, coalesce((SELECT l.sort FROM list_row l "
        f"WHERE l.id = e.id), {collation.SQL_FUNCTION}(e.name)) AS key FROM entity e "
        f"WHERE e.id IN (SELECT entity_id FROM note WHERE {notes})) AS k WHERE k.id = note.entity_id "
        f"AND ({notes}) AND note.{COLUMN} IS NOT k.key",
        f"UPDATE note SET {COLUMN} = NULL WHERE entity_id IS NULL AND {COLUMN} IS NOT NULL AND ({notes})",
    )


def drops() -> tuple[str, ...]:
    return (
        *(f"DROP TRIGGER IF EXISTS {name}" for name in TRIGGER_NAMES),
        *(f"DROP INDEX IF EXISTS {name}" for name in INDEX_NAMES),
    )


def rebuild(conn: sqlite3.Connection) -> int:
    """Compute every note's key again and put the triggers and indexes back, in one
    transaction; returns how many notes had a wrong key."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        wrong = _wrong(conn)
        for statement in (*drops(), FILL, CLEAR_STANDALONE, *INDEXES, *TRIGGERS):
            conn.execute(statement)
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    return wrong


def _wrong(conn: sqlite3.Connection) -> int:
    return int(
        conn.execute(
            f"SELECT count(*) FROM note n WHERE n.{COLUMN} IS NOT {_KEY.format(note='n')}"
        ).fetchone()[0]
    )


def problems(conn: sqlite3.Connection) -> list[str]:
    """What is wrong with the Notes view's order by entry, in plain words; [] when nothing."""
    found: list[str] = []
    have = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('trigger', 'index')")}
    missing = [name for name in (*TRIGGER_NAMES, *INDEX_NAMES) if name not in have]
    if missing:
        found.append(f"the Notes view's order by entry lacks {', '.join(missing)}")
    wrong = _wrong(conn)
    if wrong:
        found.append(f"the Notes view's order by entry is out of date for {wrong} notes")
    return found
