"""The search index, kept by the database itself.

Every searchable text (a name, an alias, a fact, a quote, a note's body ...) is one row of
`search_doc`: its folded text (app/db/folding.py) followed by END. The row's id says where the
text lives: `field code << 40 | row id`, so names (codes below NAME_FIELDS_END) are one rowid
range and text another, and a document maps back to its row without a lookup table.

`search_fts` is an FTS5 trigram index over `search_doc` (external content). It is a filter, not
the judge: candidates it finds are confirmed with instr() on the folded text, so what search
finds is exactly what a substring scan of the folded text finds. `detail=none` halves the
index, at the price of phrase queries, which the confirmation makes unnecessary. END makes
every one- or two-character string a prefix of some indexed trigram, so short queries can use
the index too (through `search_vocab`).

Triggers on each source table keep both tables in step on every insert, update and delete, so
no write path can forget the index; the fold runs in SQL through the function that
app/db/connection.py registers on every connection. Trashing an entry or a note is an update
of `deleted_at`, which leaves the text as it is: queries leave out trashed owners.

Revision 0003_search created these objects from this module's definitions at the time; a test
(tests/migrations/test_search_index.py) fails when the two drift apart, and a change here
then needs a new revision that drops and re-creates the index. Alembic's batch mode rebuilds a
table by dropping it, which drops its triggers too: a revision that batch-alters a table listed
in FIELDS must call `create_triggers` again (`problems()` reports missing triggers).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from app.db.errors import Trouble, trouble_of
from app.db.folding import SQL_FUNCTION

CODE_SHIFT = 40
ROW_MASK = (1 << CODE_SHIFT) - 1
# Two characters that no folded text or query contains (fold drops control characters).
END = "\x01\x01"
_END_SQL = "char(1, 1)"
BATCH = 2000


@dataclass(frozen=True)
class Field:
    code: int
    key: str  # what a result says it matched: 'name', 'alias', 'fact' ...
    table: str
    column: str

    @property
    def lo(self) -> int:
        return self.code << CODE_SHIFT

    @property
    def hi(self) -> int:
        """One past the last document id of this field."""
        return (self.code + 1) << CODE_SHIFT


FIELDS: tuple[Field, ...] = (
    # names: what ranks first
    Field(1, "name", "entity", "name"),
    Field(2, "alias", "alias", "value"),
    Field(3, "abbreviation", "organization", "abbreviation"),
    Field(4, "official name", "country", "official_name"),
    Field(5, "note title", "note", "title"),
    # other text
    Field(6, "summary", "entity", "summary"),
    Field(7, "title", "role", "title"),
    Field(8, "fact", "fact", "text"),
    Field(9, "statement", "statement", "text"),
    Field(10, "quote", "citation", "quote"),
    Field(11, "capital", "country", "capital"),
    Field(12, "place", "event", "place"),
    Field(13, "source text", "source", "archived_text"),
    Field(14, "note", "note", "body"),
)
BY_CODE = {f.code: f for f in FIELDS}
CODE = {f.key: f.code for f in FIELDS}
NAME_FIELDS_END = 6
NAMES_LO = 1 << CODE_SHIFT
NAMES_HI = NAME_FIELDS_END << CODE_SHIFT
TEXTS_LO = NAMES_HI
TEXTS_HI = (max(BY_CODE) + 1) << CODE_SHIFT


def field_of(doc_id: int) -> Field:
    return BY_CODE[doc_id >> CODE_SHIFT]


def row_of(doc_id: int) -> int:
    return doc_id & ROW_MASK


# --- schema --------------------------------------------------------------------------------

TABLES: tuple[str, ...] = (
    "CREATE TABLE search_doc (id INTEGER PRIMARY KEY, text TEXT NOT NULL)",
    # Exact name lookups ("the query is this name") without reading every name.
    f"CREATE INDEX search_doc_names ON search_doc (text) WHERE id < {NAMES_HI}",
    "CREATE VIRTUAL TABLE search_fts USING fts5(text, content='search_doc', content_rowid='id', "
    "tokenize='trigram case_sensitive 1', detail='none', columnsize=0)",
    "CREATE VIRTUAL TABLE search_vocab USING fts5vocab(search_fts, 'row')",
)


def _trigger_name(f: Field, event: str) -> str:
    return f"search_{f.table}_{f.column}_{event}"


def trigger_names() -> tuple[str, ...]:
    return tuple(_trigger_name(f, ev) for f in FIELDS for ev in ("ai", "ad", "au"))


def _add(f: Field, row: str) -> str:
    doc = f"{f.lo} + {row}.id"
    return (
        f"INSERT INTO search_doc (id, text) SELECT {doc}, {SQL_FUNCTION}({row}.{f.column}) || {_END_SQL} "
        f"WHERE coalesce({row}.{f.column}, '') <> ''; "
        f"INSERT INTO search_fts (rowid, text) SELECT id, text FROM search_doc WHERE id = {doc};"
    )


def _remove(f: Field, row: str) -> str:
    doc = f"{f.lo} + {row}.id"
    return (
        "INSERT INTO search_fts (search_fts, rowid, text) "
        f"SELECT 'delete', id, text FROM search_doc WHERE id = {doc}; "
        f"DELETE FROM search_doc WHERE id = {doc};"
    )


def triggers() -> tuple[str, ...]:
    out = []
    for f in FIELDS:
        on = f.table
        out.append(f"CREATE TRIGGER {_trigger_name(f, 'ai')} AFTER INSERT ON {on} BEGIN {_add(f, 'new')} END")
        out.append(
            f"CREATE TRIGGER {_trigger_name(f, 'ad')} AFTER DELETE ON {on} BEGIN {_remove(f, 'old')} END"
        )
        out.append(
            f"CREATE TRIGGER {_trigger_name(f, 'au')} AFTER UPDATE OF {f.column}, id ON {on} "
            f"BEGIN {_remove(f, 'old')} {_add(f, 'new')} END"
        )
    return tuple(out)


def drops() -> tuple[str, ...]:
    return (
        *(f"DROP TRIGGER IF EXISTS {name}" for name in trigger_names()),
        "DROP TABLE IF EXISTS search_vocab",
        "DROP TABLE IF EXISTS search_fts",
        "DROP TABLE IF EXISTS search_doc",
    )


# --- building and checking -----------------------------------------------------------------


def _sources(conn: sqlite3.Connection) -> Iterator[tuple[Field, int]]:
    for f in FIELDS:
        n = conn.execute(f"SELECT count(*) FROM {f.table} WHERE coalesce({f.column}, '') <> ''").fetchone()[0]
        yield f, int(n)


def rebuild(conn: sqlite3.Connection, step: Callable[[int, int], None] = lambda _d, _t: None) -> int:
    """Rebuild the index (and its triggers) from the source tables in one transaction;
    returns the number of documents.

    Runs in batches and calls `step(done, total)` after each; an exception from `step` (the
    user cancelled) rolls everything back.
    """
    conn.execute("BEGIN IMMEDIATE")
    try:
        counts = list(_sources(conn))
        total = 2 * sum(n for _, n in counts)
        done = 0
        step(done, total)
        # A careless batch migration may have dropped triggers with their table: put them back.
        for name in trigger_names():
            conn.execute(f"DROP TRIGGER IF EXISTS {name}")
        for statement in triggers():
            conn.execute(statement)
        conn.execute("INSERT INTO search_fts (search_fts) VALUES ('delete-all')")
        conn.execute("DELETE FROM search_doc")
        for f, _ in counts:
            after = 0
            while True:
                rows = conn.execute(
                    f"SELECT id FROM {f.table} WHERE id > ? AND coalesce({f.column}, '') <> '' "
                    "ORDER BY id LIMIT ?",
                    (after, BATCH),
                ).fetchall()
                if not rows:
                    break
                last = rows[-1][0]
                conn.execute(
                    f"INSERT INTO search_doc (id, text) SELECT {f.lo} + id, "
                    f"{SQL_FUNCTION}({f.column}) || {_END_SQL} FROM {f.table} "
                    f"WHERE id > ? AND id <= ? AND coalesce({f.column}, '') <> ''",
                    (after, last),
                )
                after = last
                done += len(rows)
                step(done, total)
        after = 0
        while True:
            row = conn.execute(
                "SELECT max(id) FROM (SELECT id FROM search_doc WHERE id > ? ORDER BY id LIMIT ?)",
                (after, BATCH),
            ).fetchone()
            if row[0] is None:
                break
            n = conn.execute(
                "INSERT INTO search_fts (rowid, text) SELECT id, text FROM search_doc "
                "WHERE id > ? AND id <= ?",
                (after, row[0]),
            ).rowcount
            after = row[0]
            done += n
            step(done, total)
        conn.execute("INSERT INTO search_fts (search_fts) VALUES ('optimize')")
        step(total, total)
        documents = int(conn.execute("SELECT count(*) FROM search_doc").fetchone()[0])
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    return documents


def problems(conn: sqlite3.Connection) -> list[str]:
    """What is wrong with the index, in plain words; [] when it matches the text exactly."""
    found: list[str] = []
    have = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    missing = [name for name in trigger_names() if name not in have]
    if missing:
        found.append(f"{len(missing)} search index triggers are missing ({', '.join(missing[:3])} ...)")
    for f in FIELDS:
        stale = conn.execute(
            f"SELECT count(*) FROM {f.table} t WHERE coalesce(t.{f.column}, '') <> '' AND NOT EXISTS "
            f"(SELECT 1 FROM search_doc d WHERE d.id = {f.lo} + t.id "
            f"AND d.text = {SQL_FUNCTION}(t.{f.column}) || {_END_SQL})"
        ).fetchone()[0]
        extra = conn.execute(
            f"SELECT count(*) FROM search_doc d WHERE d.id >= {f.lo} AND d.id < {f.hi} AND NOT EXISTS "
            f"(SELECT 1 FROM {f.table} t WHERE t.id = d.id - {f.lo} AND coalesce(t.{f.column}, '') <> '')"
        ).fetchone()[0]
        if stale:
            found.append(
                f"{stale} texts of {f.table}.{f.column} are missing from the search index or out of date"
            )
        if extra:
            found.append(f"the search index holds {extra} texts of {f.table}.{f.column} that no longer exist")
    unknown = conn.execute(
        "SELECT count(*) FROM search_doc WHERE id < ? OR id >= ?", (NAMES_LO, TEXTS_HI)
    ).fetchone()[0]
    if unknown:
        found.append(f"the search index holds {unknown} texts of no known field")
    try:
        conn.execute("INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 1)")
    except sqlite3.DatabaseError as exc:
        # FTS5's own check is spelled as an INSERT, which a read-only connection (a reading
        # command beside the window) refuses before running it: then it cannot be checked here.
        if trouble_of(exc) is not Trouble.READ_ONLY:
            found.append("the full-text index does not match the indexed texts")
    return found
