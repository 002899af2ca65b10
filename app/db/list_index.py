"""The lists' columns, kept by the database itself, so a list of 100,000 entries sorts and
filters by reading an index instead of computing every column of every row.

`list_row` holds one row per entry that is not in the trash: its kind, slug and name (and its
sort key, app/db/collation.py: the name folded as search folds, so `Đặng` sorts with D and
`Ørsted` with O instead of after Z, Chinese by pinyin after Latin, Thai and Lao by the
consonant after a leading vowel; other scripts in code point order), and the
values of its list's other columns exactly as the list shows them (v1 ... v4, in COLUMNS
order): an official's title as stated and organization (from the latest role), an
initiative's parties, the names of referenced entries (empty when that entry is in the trash).
An index per column, (kind, value, name, id) without case, gives every sort order of every list
in index order, both ways. Computing those columns for 100,000 officials took about a second;
reading the index takes a few milliseconds. `list_hay` holds what a filter looks in (name,
slug, columns, other names), folded as search folds, clustered by kind: one sweep of a kind's
texts with instr() instead of LIKE on five columns of every row.

Triggers keep `list_row` exact on every write, whatever writes: an entry inserted, renamed,
trashed or restored; its kind's row; a role or an initiative's party changed; and every entry
that shows another one's name when that one is renamed or trashed. The values are computed
by the same SQL expressions (COLUMNS) that a check compares them with (`problems()`).

`list_hay_fts` indexes every three characters of each filter text (a contentless FTS5 table:
the texts stay in list_hay; no positions: 28 MB for 200,000 entries instead of 90). A filter of
three characters or more takes the entries holding all of its trigrams from it and checks each
with instr(): a rare name among 100,000 entries is found in milliseconds instead of a sweep of
every text (about 90 ms). Triggers on list_hay keep it in step.

`list_count` holds how many rows each kind has in list_row, kept by triggers on list_row: the
sidebar's counts are read at every start, and counting 200,000 rows took 42 ms.

Revision 0004 created these objects from this module's definitions at the time (0007 the
trigram index, 0008 the counts, 0011 the sort key, 0012 its collation, 0015 the columns each
update trigger follows); a test
(tests/migrations/test_list_index.py) fails when the two drift apart. Alembic's batch mode
rebuilds a table by dropping it, which drops its triggers too: a revision that batch-alters a
table listed in SOURCES must call `create_triggers` again (`problems()` reports missing ones).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from app.db import collation
from app.db.folding import SQL_FUNCTION

SLOTS = ("v1", "v2", "v3", "v4")
# Between the parts of `hay`: a noncharacter, which folding keeps and nobody types, so a
# filter never matches across two columns.
_APART = "char(65535)"

# The title of a person's latest known mandate (by as-of or start date).
_LATEST_ROLE = (
    "(SELECT {col} FROM role r WHERE r.person_id = e.id "
    "ORDER BY coalesce(r.as_of, r.start_date, '') DESC, r.id LIMIT 1)"
)
_NAME_OF = "coalesce((SELECT x.name FROM entity x WHERE x.id = {ref} AND x.deleted_at IS NULL), '')"


@dataclass(frozen=True)
class Stored:
    key: str  # the list column's key (app/services/entries.py)
    sql: str  # its value: an expression over `e` (entity) and `k` (the kind's table)
    # Entries of this kind whose value shows entity {x}'s name: refreshed when it changes.
    shows: str | None = None
    # The entry whose name it shows: its id, an expression over `e` and `k` (for showing names
    # in a chosen script, app/services/entries.py) ...
    ref: str | None = None
    # ... or, for several names, a query of (entry id, named entry's id, its name) in the order
    # `sql` joins them, for the ids in {ids}.
    refs: str | None = None


COLUMNS: dict[str, tuple[Stored, ...]] = {
    "person": (
        Stored("title", "coalesce(" + _LATEST_ROLE.format(col="r.title") + ", '')"),
        Stored(
            "organization",
            _NAME_OF.format(ref=_LATEST_ROLE.format(col="r.organization_id")),
            "SELECT r.person_id FROM role r WHERE r.organization_id = {x}",
            ref=_LATEST_ROLE.format(col="r.organization_id"),
        ),
        Stored(
            "country",
            _NAME_OF.format(ref="k.country_id"),
            "SELECT p.id FROM person p WHERE p.country_id = {x}",
            ref="k.country_id",
        ),
    ),
    "country": (Stored("iso", "coalesce(k.iso_alpha2, '')"),),
    "organization": (
        Stored("abbreviation", "coalesce(k.abbreviation, '')"),
        Stored("org_kind", "coalesce(k.org_kind, '')"),
        Stored(
            "country",
            _NAME_OF.format(ref="k.country_id"),
            "SELECT o.id FROM organization o WHERE o.country_id = {x}",
            ref="k.country_id",
        ),
    ),
    "initiative": (
        Stored("initiative_kind", "coalesce(k.initiative_kind, '')"),
        Stored(
            "parties",
            "coalesce((SELECT group_concat(pe.name, ', ') FROM initiative_party ip "
            "JOIN entity pe ON pe.id = ip.entity_id WHERE ip.initiative_id = e.id "
            "AND pe.deleted_at IS NULL), '')",
            "SELECT ip.initiative_id FROM initiative_party ip WHERE ip.entity_id = {x}",
            refs="SELECT ip.initiative_id, pe.id, pe.name FROM initiative_party ip JOIN entity pe "
            "ON pe.id = ip.entity_id WHERE ip.initiative_id IN ({ids}) AND pe.deleted_at IS NULL",
        ),
        Stored(
            "announced_at",
            _NAME_OF.format(ref="k.announced_at_id"),
            "SELECT i.id FROM initiative i WHERE i.announced_at_id = {x}",
            ref="k.announced_at_id",
        ),
        Stored("status", "coalesce(k.status, '')"),
    ),
    "event": (
        Stored(
            "dates",
            "coalesce(k.start_date || CASE WHEN k.end_date IS NOT NULL AND k.end_date != k.start_date "
            "THEN ' – ' || k.end_date ELSE '' END, '')",
        ),
        Stored("place", "coalesce(k.place, '')"),
        Stored(
            "part_of",
            _NAME_OF.format(ref="k.part_of_id"),
            "SELECT ev.id FROM event ev WHERE ev.part_of_id = {x}",
            ref="k.part_of_id",
        ),
    ),
    "source": (
        Stored("publisher", "coalesce(k.publisher, '')"),
        Stored("published", "coalesce(k.published, '')"),
        Stored("reliability", "coalesce(k.reliability, '')"),
    ),
}
assert all(len(cols) <= len(SLOTS) for cols in COLUMNS.values())


def slot(kind: str, key: str) -> str | None:
    """The list_row column that holds `kind`'s column `key`, or None if it is not stored."""
    for n, col in enumerate(COLUMNS.get(kind, ())):
        if col.key == key:
            return SLOTS[n]
    return None


# --- schema --------------------------------------------------------------------------------

TABLES: tuple[str, ...] = (
    "CREATE TABLE list_row (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, slug TEXT NOT NULL, "
    "name TEXT NOT NULL, v1 TEXT, v2 TEXT, v3 TEXT, v4 TEXT, sort TEXT NOT NULL DEFAULT '')",
    "CREATE INDEX list_row_name ON list_row (kind, sort, id)",
    *(
        f"CREATE INDEX list_row_{s} ON list_row (kind, {s} COLLATE NOCASE, name COLLATE NOCASE, id)"
        for s in SLOTS
    ),
    # Beside list_row, clustered by kind: a filter reads one kind's texts in one sweep.
    "CREATE TABLE list_hay (kind TEXT NOT NULL, id INTEGER NOT NULL, hay TEXT NOT NULL, "
    "PRIMARY KEY (kind, id)) WITHOUT ROWID",
)


# The trigram index of the filter texts; rowid = the entry's id (unique across kinds).
FILTER_INDEX = (
    "CREATE VIRTUAL TABLE list_hay_fts USING fts5(hay, content='', "
    "tokenize='trigram case_sensitive 1', detail=none)"
)
FILTER_TRIGGERS: tuple[str, ...] = (
    "CREATE TRIGGER list_hay_ai AFTER INSERT ON list_hay BEGIN "
    "INSERT INTO list_hay_fts (rowid, hay) VALUES (new.id, new.hay); END",
    "CREATE TRIGGER list_hay_ad AFTER DELETE ON list_hay BEGIN "
    "INSERT INTO list_hay_fts (list_hay_fts, rowid, hay) VALUES ('delete', old.id, old.hay); END",
    # Only when the text changed: a list row refreshed to the same values (a title's country
    # moved, the second of a trigger's two refreshes) rewrote the index entry, and every write to
    # an FTS5 table in its own statement flushes a segment (about 1-2.5 ms each, 15 s for the
    # 20,000 titles of a merged country).
    "CREATE TRIGGER list_hay_au AFTER UPDATE ON list_hay WHEN new.hay IS NOT old.hay OR new.id IS NOT old.id BEGIN "
    "INSERT INTO list_hay_fts (list_hay_fts, rowid, hay) VALUES ('delete', old.id, old.hay); "
    "INSERT INTO list_hay_fts (rowid, hay) VALUES (new.id, new.hay); END",
)
FILL_FILTER_INDEX = "INSERT INTO list_hay_fts (rowid, hay) SELECT id, hay FROM list_hay"

COUNT_TABLE = "CREATE TABLE list_count (kind TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID"
COUNT_TRIGGERS: tuple[str, ...] = (
    "CREATE TRIGGER list_row_ai AFTER INSERT ON list_row BEGIN INSERT INTO list_count (kind, n) "
    "VALUES (new.kind, 1) ON CONFLICT (kind) DO UPDATE SET n = n + 1; END",
    "CREATE TRIGGER list_row_ad AFTER DELETE ON list_row BEGIN "
    "UPDATE list_count SET n = n - 1 WHERE kind = old.kind; END",
    "CREATE TRIGGER list_row_au AFTER UPDATE OF kind ON list_row BEGIN "
    "UPDATE list_count SET n = n - 1 WHERE kind = old.kind; INSERT INTO list_count (kind, n) "
    "VALUES (new.kind, 1) ON CONFLICT (kind) DO UPDATE SET n = n + 1; END",
)
FILL_COUNTS = "INSERT INTO list_count (kind, n) SELECT kind, count(*) FROM list_row GROUP BY kind"


def trigram_match(folded: str) -> str | None:
    """The MATCH expression for entries whose filter text may hold `folded` (each of its
    trigrams; instr() then says which do), or None when it is shorter than a trigram."""
    if len(folded) < 3:
        return None
    grams = dict.fromkeys(folded[i : i + 3] for i in range(len(folded) - 2))
    return " AND ".join('"' + g.replace('"', '""') + '"' for g in grams)


def _hay_of(row: str) -> str:
    """What a filter looks in: the name, slug, shown columns and other names, folded as search
    folds (app/db/folding.py: case, accents, width), so `bui` finds `Bùi` as the search box does."""
    parts = [f"{row}.name", f"{row}.slug", *(f"coalesce({row}.{s}, '')" for s in SLOTS)]
    aliases = (
        f"coalesce((SELECT group_concat(a.value, {_APART}) FROM alias a WHERE a.entity_id = {row}.id), '')"
    )
    return f"{SQL_FUNCTION}(" + f" || {_APART} || ".join([*parts, aliases]) + ")"


def _hay(ids: str) -> str:
    """Recompute the filter texts of the listed entries whose id is in `ids`."""
    return (
        f"UPDATE list_hay SET hay = (SELECT {_hay_of('l')} FROM list_row l WHERE l.id = list_hay.id) "
        f"WHERE (kind, id) IN (SELECT kind, id FROM list_row WHERE id IN ({ids}));"
    )


def _refresh(kind: str, ids: str) -> str:
    """Recompute the stored columns of `kind`'s rows whose id is in `ids` (SQL)."""
    cols = COLUMNS[kind]
    slots = ", ".join(SLOTS[: len(cols)])
    values = ", ".join(c.sql for c in cols)
    return (
        f"UPDATE list_row SET ({slots}) = (SELECT {values} FROM entity e JOIN {kind} k ON k.id = e.id "
        f"WHERE e.id = list_row.id) WHERE kind = '{kind}' AND id IN ({ids}); " + _hay(ids)
    )


def _refresh_any(entity_id: str) -> str:
    return " ".join(_refresh(kind, entity_id) for kind in COLUMNS)


def _refresh_showing(entity_id: str) -> str:
    """Recompute the rows that show the name of entity `entity_id`."""
    out = []
    for kind, cols in COLUMNS.items():
        shows = [c.shows.format(x=entity_id) for c in cols if c.shows]
        if shows:
            out.append(_refresh(kind, " UNION ".join(shows)))
    return " ".join(out)


def _enter(row: str) -> str:
    return (
        f"INSERT INTO list_row (id, kind, slug, name, sort) SELECT {row}.id, {row}.kind, {row}.slug, "
        f"{row}.name, {collation.SQL_FUNCTION}({row}.name) "
        f"WHERE {row}.deleted_at IS NULL; INSERT INTO list_hay (kind, id, hay) "
        f"SELECT {row}.kind, {row}.id, '' WHERE {row}.deleted_at IS NULL;"
    )


def _leave(row: str) -> str:
    return (
        f"DELETE FROM list_row WHERE id = {row}.id; "
        f"DELETE FROM list_hay WHERE kind = {row}.kind AND id = {row}.id;"
    )


# The tables whose rows feed an entry's columns: (table, the entry's kind, its id in a row, the
# columns that COLUMNS reads). An update of any other column (a title's country or end date)
# leaves the lists as they were: the trigger does not fire for it. It used to, and recomputed
# the official's row twice (about 1.3 ms): 26 s for the 20,000 titles of a merged country.
SOURCES: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("person", "person", "{r}.id", ("id", "country_id")),
    ("country", "country", "{r}.id", ("id", "iso_alpha2")),
    ("organization", "organization", "{r}.id", ("id", "abbreviation", "org_kind", "country_id")),
    ("initiative", "initiative", "{r}.id", ("id", "initiative_kind", "announced_at_id", "status")),
    ("event", "event", "{r}.id", ("id", "start_date", "end_date", "place", "part_of_id")),
    ("source", "source", "{r}.id", ("id", "publisher", "published", "reliability")),
    (
        "role",
        "person",
        "{r}.person_id",
        ("id", "person_id", "title", "organization_id", "as_of", "start_date"),
    ),
    ("initiative_party", "initiative", "{r}.initiative_id", ("id", "initiative_id", "entity_id")),
)


def trigger_names() -> tuple[str, ...]:
    names = [f"list_{table}_{ev}" for table in ("entity", "alias", "hay", "row") for ev in ("ai", "ad", "au")]
    names += [f"list_{table}_{ev}" for table, *_ in SOURCES for ev in ("ai", "ad", "au")]
    return tuple(names)


def triggers() -> tuple[str, ...]:
    out = [
        "CREATE TRIGGER list_entity_ai AFTER INSERT ON entity BEGIN "
        + _enter("new")
        + _refresh_any("new.id")
        + _refresh_showing("new.id")
        + " END",
        "CREATE TRIGGER list_entity_ad AFTER DELETE ON entity BEGIN "
        + _leave("old")
        + _refresh_showing("old.id")
        + " END",
        "CREATE TRIGGER list_entity_au AFTER UPDATE OF id, kind, slug, name, deleted_at ON entity BEGIN "
        + _leave("old")
        + _enter("new")
        + _refresh_any("new.id")
        + _refresh_showing("old.id")
        + _refresh_showing("new.id")
        + " END",
        f"CREATE TRIGGER list_alias_ai AFTER INSERT ON alias BEGIN {_hay('new.entity_id')} END",
        f"CREATE TRIGGER list_alias_ad AFTER DELETE ON alias BEGIN {_hay('old.entity_id')} END",
        f"CREATE TRIGGER list_alias_au AFTER UPDATE ON alias BEGIN {_hay('old.entity_id')} "
        f"{_hay('new.entity_id')} END",
    ]
    for table, kind, ids, read in SOURCES:
        new, old = ids.format(r="new"), ids.format(r="old")
        out.append(f"CREATE TRIGGER list_{table}_ai AFTER INSERT ON {table} BEGIN {_refresh(kind, new)} END")
        out.append(f"CREATE TRIGGER list_{table}_ad AFTER DELETE ON {table} BEGIN {_refresh(kind, old)} END")
        # (Both entries in one statement: the same one twice was computed twice.)
        out.append(
            f"CREATE TRIGGER list_{table}_au AFTER UPDATE OF {', '.join(read)} ON {table} BEGIN "
            f"{_refresh(kind, f'{old}, {new}')} END"
        )
    return (*out, *FILTER_TRIGGERS, *COUNT_TRIGGERS)


def drops() -> tuple[str, ...]:
    return (
        *(f"DROP TRIGGER IF EXISTS {name}" for name in trigger_names()),
        "DROP TABLE IF EXISTS list_count",
        "DROP TABLE IF EXISTS list_hay_fts",
        "DROP TABLE IF EXISTS list_hay",
        "DROP TABLE IF EXISTS list_row",
    )


def _insert_rows(kind: str, where: str = "") -> str:
    """The statement that lists `kind`'s entries (those `where`, over `e`) out of the Trash."""
    cols = COLUMNS[kind]
    slots = ", ".join(SLOTS[: len(cols)])
    values = ", ".join(c.sql for c in cols)
    return (
        f"INSERT INTO list_row (id, kind, slug, name, sort, {slots}) SELECT e.id, e.kind, e.slug, e.name, "
        f"{collation.SQL_FUNCTION}(e.name), {values} FROM entity e JOIN {kind} k ON k.id = e.id "
        f"WHERE {where}e.kind = '{kind}' AND e.deleted_at IS NULL"
    )


def fill() -> tuple[str, ...]:
    """Statements that fill an empty list_row from the entries (a migration, a rebuild)."""
    out = [_insert_rows(kind) for kind in COLUMNS]
    out.append(f"INSERT INTO list_hay (kind, id, hay) SELECT l.kind, l.id, {_hay_of('l')} FROM list_row l")
    out.append(FILL_FILTER_INDEX)
    out.append(FILL_COUNTS)
    return tuple(out)


def fill_after(after: int) -> tuple[tuple[str, tuple[int, ...]], ...]:
    """Statements (with their parameters) that list the entries with ids above `after`, in the
    caller's transaction: a large import writes its entries with the triggers dropped and
    lists them at the end. The new entries' own rows (roles, parties, aliases) must be written
    by then; no older entry shows a new one's name, so older rows are left as they are."""
    out: list[tuple[str, tuple[int, ...]]] = [
        (_insert_rows(kind, "e.id > ? AND "), (after,)) for kind in COLUMNS
    ]
    out.append(
        (
            f"INSERT INTO list_hay (kind, id, hay) SELECT l.kind, l.id, {_hay_of('l')} FROM list_row l "
            "WHERE l.id > ?",
            (after,),
        )
    )
    out.append(
        (
            "INSERT INTO list_hay_fts (rowid, hay) SELECT h.id, h.hay FROM list_row l "
            "JOIN list_hay h ON h.kind = l.kind AND h.id = l.id WHERE l.id > ?",
            (after,),
        )
    )
    out.append(
        (
            "INSERT INTO list_count (kind, n) SELECT kind, count(*) FROM list_row WHERE id > ? "
            "GROUP BY kind ON CONFLICT (kind) DO UPDATE SET n = n + excluded.n",
            (after,),
        )
    )
    return tuple(out)


assert all(c.shows.endswith("= {x}") for cols in COLUMNS.values() for c in cols if c.shows)


def relist(conn: sqlite3.Connection, ids: str) -> None:
    """List the entries whose id is in `ids` (a query) afresh, as they are now: rows of those in
    the Trash (or gone) deleted, rows of those out of it computed again in place, rows of those
    not listed yet entered; then the rows of other entries that show the name of one whose name
    or state changed. For writes to many entries made with the row-at-a-time triggers set aside
    (app/db/bulk_index.py): each statement handles them all, where the triggers took a statement
    or two an entry, and in place only the indexes of columns that changed are written. The
    triggers on list_row and list_hay (the counts and the filter index) must be in place."""
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS relist_was (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("DELETE FROM temp.relist_was")
    conn.execute(f"INSERT INTO temp.relist_was (id, name) SELECT id, name FROM list_row WHERE id IN ({ids})")
    listed = f"SELECT id FROM entity WHERE id IN ({ids}) AND deleted_at IS NULL"
    conn.execute(
        f"DELETE FROM list_hay WHERE (kind, id) IN (SELECT kind, id FROM list_row WHERE id IN ({ids}) "
        f"AND id NOT IN ({listed}))"
    )
    conn.execute(f"DELETE FROM list_row WHERE id IN ({ids}) AND id NOT IN ({listed})")
    for kind, cols in COLUMNS.items():
        slots = ", ".join(SLOTS[: len(cols)])
        values = ", ".join(c.sql for c in cols)
        conn.execute(
            # (The sort key of a name unchanged is as it was: it costs more than the columns.)
            f"UPDATE list_row SET (slug, name, sort, {slots}) = (SELECT e.slug, e.name, CASE WHEN "
            f"e.name IS list_row.name THEN list_row.sort ELSE {collation.SQL_FUNCTION}(e.name) END, "
            f"{values} FROM entity e JOIN {kind} k ON k.id = e.id "
            f"WHERE e.id = list_row.id) WHERE kind = '{kind}' AND id IN ({ids})"
        )
    entering = "e.id NOT IN (SELECT id FROM temp.relist_was) AND "
    for kind in COLUMNS:
        conn.execute(_insert_rows(kind, f"e.id IN ({ids}) AND {entering}"))
    conn.execute(
        f"INSERT INTO list_hay (kind, id, hay) SELECT l.kind, l.id, '' FROM list_row l WHERE l.id IN ({ids}) "
        "AND l.id NOT IN (SELECT id FROM temp.relist_was)"
    )
    conn.execute(_hay(ids).rstrip(";"))
    # Whose name others show changed: renamed, entered or left.
    named = (
        f"SELECT x.id FROM entity x LEFT JOIN temp.relist_was w ON w.id = x.id LEFT JOIN list_row l "
        f"ON l.id = x.id WHERE x.id IN ({ids}) AND w.name IS NOT l.name"
    )
    if conn.execute(f"SELECT EXISTS ({named})").fetchone()[0]:
        for kind, cols in COLUMNS.items():
            shows = [c.shows.replace("= {x}", f"IN ({named})") for c in cols if c.shows]
            if shows:
                # (The rows of `ids` themselves were just computed.)
                showing = f"SELECT * FROM ({' UNION '.join(shows)}) EXCEPT {ids}"
                for part in _refresh(kind, showing).split(";"):
                    if part.strip():
                        conn.execute(part)


def refresh_columns(kind: str, column: str, ids: str) -> tuple[str, ...]:
    """Statements that refresh the columns of `kind`'s rows (those whose id is in `ids`) that
    show the entry its `column` refers to (a country's name; none shows a parent organization),
    and their filter texts: for a write of that one column, when the rest of each row is as it
    was (an official's title and organization, read from the roles, were most of the work of
    Set Country… on 10,000)."""
    cols = [(s, c.sql) for s, c in zip(SLOTS, COLUMNS.get(kind, ()), strict=False) if c.ref == f"k.{column}"]
    if not cols:
        return ()
    slots = ", ".join(s for s, _sql in cols)
    values = ", ".join(sql for _s, sql in cols)
    return (
        f"UPDATE list_row SET ({slots}) = (SELECT {values} FROM entity e JOIN {kind} k ON k.id = e.id "
        f"WHERE e.id = list_row.id) WHERE kind = '{kind}' AND id IN ({ids})",
        _hay(ids).rstrip(";"),
    )


# --- building and checking -----------------------------------------------------------------


def rebuild(conn: sqlite3.Connection, step: Callable[[int, int], None] = lambda _d, _t: None) -> int:
    """Rebuild list_row, the filter texts and their index (and the triggers) in one
    transaction; returns its rows."""
    statements = fill()
    conn.execute("BEGIN IMMEDIATE")
    try:
        # Triggers off while the tables are emptied and filled: the index is filled in one go.
        for name in trigger_names():
            conn.execute(f"DROP TRIGGER IF EXISTS {name}")
        conn.execute("DROP TABLE IF EXISTS list_hay_fts")
        conn.execute(FILTER_INDEX)
        conn.execute("DELETE FROM list_row")
        conn.execute("DELETE FROM list_hay")
        conn.execute("DELETE FROM list_count")
        for n, statement in enumerate(statements):
            step(n, len(statements))
            conn.execute(statement)
        for statement in triggers():
            conn.execute(statement)
        step(len(statements), len(statements))
        rows = int(conn.execute("SELECT count(*) FROM list_row").fetchone()[0])
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    return rows


def problems(conn: sqlite3.Connection) -> list[str]:
    """What is wrong with list_row, in plain words; [] when it shows exactly what it should."""
    found: list[str] = []
    have = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    missing = [name for name in trigger_names() if name not in have]
    if missing:
        found.append(f"{len(missing)} list triggers are missing ({', '.join(missing[:3])} ...)")
    stray = conn.execute(
        "SELECT count(*) FROM list_row l WHERE NOT EXISTS (SELECT 1 FROM entity e WHERE e.id = l.id "
        "AND e.deleted_at IS NULL)"
    ).fetchone()[0]
    if stray:
        found.append(f"the lists hold {stray} entries that are gone or in the trash")
    hay = conn.execute(
        "SELECT (SELECT count(*) FROM list_hay h WHERE NOT EXISTS (SELECT 1 FROM list_row l "
        f"WHERE l.id = h.id AND l.kind = h.kind)), (SELECT count(*) FROM list_row l LEFT JOIN list_hay h "
        f"ON h.kind = l.kind AND h.id = l.id WHERE h.hay IS NOT {_hay_of('l')})"
    ).fetchone()
    if hay[0] or hay[1]:
        found.append(f"the list filter's texts are missing or out of date for {hay[0] + hay[1]} entries")
    counted = dict(conn.execute("SELECT kind, n FROM list_count WHERE n != 0").fetchall())
    listed = dict(conn.execute("SELECT kind, count(*) FROM list_row GROUP BY kind").fetchall())
    if counted != listed:
        found.append(f"the lists' counts are out of date ({counted} for {listed})")
    try:  # (a read: the check runs on a connection that may not write)
        indexed, texts = conn.execute(
            "SELECT (SELECT count(*) FROM list_hay_fts), (SELECT count(*) FROM list_hay)"
        ).fetchone()
    except sqlite3.DatabaseError as exc:
        found.append(f"the list filter's index is missing or damaged ({exc})")
    else:
        if indexed != texts:
            found.append(f"the list filter's index holds {indexed} texts for {texts} entries")
    for kind, cols in COLUMNS.items():
        shown = ", ".join(f"l.{s}" for s in SLOTS[: len(cols)])
        values = ", ".join(c.sql for c in cols)
        wrong = conn.execute(
            f"SELECT count(*) FROM entity e JOIN {kind} k ON k.id = e.id LEFT JOIN list_row l ON l.id = e.id "
            f"WHERE e.kind = '{kind}' AND e.deleted_at IS NULL AND (l.id IS NULL OR l.kind IS NOT e.kind "
            f"OR l.slug IS NOT e.slug OR l.name IS NOT e.name OR l.sort IS NOT {collation.SQL_FUNCTION}(e.name) "
            f"OR ({shown}) IS NOT ({values}))"
        ).fetchone()[0]
        if wrong:
            found.append(f"the list of {kind} entries is missing or out of date for {wrong} of them")
    return found
