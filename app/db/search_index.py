"""The search index, kept by the database itself.

Every searchable text (a name, an alias, a fact, a quote, a note's body ...) is one row of
`search_doc`: its folded text (app/db/folding.py) followed by END. The row's id says whose text
it is and where it lives: `group << 44 | field code << 40 | row id`. The group is the kind of
the entry the text belongs to (an official's alias and titles are in the officials' group) or
`note`; the field code orders names (codes below NAME_FIELDS_END) before other text. So each
kind's names are one id range and its other texts another, and a query reads each kind's
ranges on their own: it stops as soon as it has enough of that kind, instead of reading past
100,000 officials to reach the initiatives (what made common words slow). A document maps back
to its row without a lookup table.

`search_fts` is an FTS5 trigram index over `search_doc` (external content). It is a filter, not
the judge: candidates it finds are confirmed with instr() on the folded text, so what search
finds is exactly what a substring scan of the folded text finds. `detail=none` halves the
index, at the price of phrase queries, which the confirmation makes unnecessary. END makes
every one- or two-character string a prefix of some indexed trigram, so short queries can use
the index too (through `search_vocab`).

Triggers on each source table keep both tables in step on every insert, update and delete, so
no write path can forget the index; the fold runs in SQL through the function that
app/db/connection.py registers on every connection. A text whose owner changes (an alias moved
to another entry, a fact's entry, a statement's speaker) moves to the new owner's group, and so
do the quotes of the citations that hang on it. Trashing an entry or a note is an update of
`deleted_at`, which leaves the text as it is: queries leave out trashed owners.

Revision 0005_search_groups created these objects from this module's definitions at the time;
a test (tests/migrations/test_search_index.py) fails when the two drift apart, and a change
here then needs a new revision that drops and re-creates the index. Alembic's batch mode
rebuilds a table by dropping it, which drops its triggers too: a revision that batch-alters a
table listed in FIELDS must call `create_triggers` again (`problems()` reports missing triggers).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

from app.db.errors import Trouble, trouble_of
from app.db.folding import SQL_FUNCTION
from app.db.vocabulary import CITATION_OWNERS

CODE_SHIFT = 40
GROUP_SHIFT = 44
ROW_MASK = (1 << CODE_SHIFT) - 1
CODE_MASK = 15
# The owners' groups, numbered from 1; 0 holds texts that belong to no entry (a citation of
# nothing): search never reads it.
GROUPS: tuple[str, ...] = ("person", "country", "organization", "initiative", "event", "source", "note")
GROUP_NUMBER = {g: n for n, g in enumerate(GROUPS, 1)}
NOTE = "note"
# Two characters that no folded text or query contains (fold drops control characters).
END = "\x01\x01"
_END_SQL = "char(1, 1)"
BATCH = 2000

# The entry a citation is about (the quote's owner), over citation row {r}.
CITATION_SUBJECT = (
    "coalesce({r}.entity_id, (SELECT entity_id FROM alias WHERE id = {r}.alias_id), "
    "(SELECT entity_id FROM fact WHERE id = {r}.fact_id), "
    "(SELECT member_id FROM membership WHERE id = {r}.membership_id), "
    "(SELECT person_id FROM role WHERE id = {r}.role_id), "
    "(SELECT event_id FROM participation WHERE id = {r}.participation_id), "
    "(SELECT initiative_id FROM initiative_party WHERE id = {r}.party_id), "
    "(SELECT coalesce(speaker_id, event_id) FROM statement WHERE id = {r}.statement_id))"
)


def _kind_of(entity: str) -> str:
    return f"(SELECT kind FROM entity WHERE id = {entity})"


@dataclass(frozen=True)
class Field:
    code: int
    key: str  # what a result says it matched: 'name', 'alias', 'fact' ...
    table: str
    column: str
    owner: str  # the group of row {r}'s text: SQL (a kind), or a group's name when fixed
    owner_columns: tuple[str, ...] = ()  # the row's columns that decide `owner`

    @property
    def fixed(self) -> str | None:
        """The group when every row of the table has the same one."""
        return self.owner if self.owner in GROUP_NUMBER else None

    def lo(self, group: int) -> int:
        return (group << GROUP_SHIFT) | (self.code << CODE_SHIFT)

    def hi(self, group: int) -> int:
        """One past the last document id of this field in `group`."""
        return self.lo(group) + (1 << CODE_SHIFT)

    def group_sql(self, row: str) -> str:
        """The number of row `row`'s group, in SQL."""
        if self.fixed:
            return str(GROUP_NUMBER[self.fixed])
        cases = " ".join(f"WHEN '{g}' THEN {n}" for g, n in GROUP_NUMBER.items())
        return f"(CASE {self.owner.format(r=row)} {cases} ELSE 0 END)"

    def doc_sql(self, row: str) -> str:
        """Row `row`'s document id, in SQL."""
        return f"(({self.group_sql(row)} << {GROUP_SHIFT}) + {self.code << CODE_SHIFT} + {row}.id)"

    def docs_of(self, row: str) -> str:
        """The ids row `row`'s document may have (whatever its group was), in SQL."""
        if self.fixed:
            return f"({self.lo(GROUP_NUMBER[self.fixed])} + {row}.id)"
        return "(" + ", ".join(f"{self.lo(g)} + {row}.id" for g in range(len(GROUPS) + 1)) + ")"


FIELDS: tuple[Field, ...] = (
    # names: what ranks first
    Field(1, "name", "entity", "name", "{r}.kind", ("kind",)),
    Field(2, "alias", "alias", "value", _kind_of("{r}.entity_id"), ("entity_id",)),
    Field(3, "abbreviation", "organization", "abbreviation", "organization"),
    Field(4, "official name", "country", "official_name", "country"),
    Field(5, "note title", "note", "title", NOTE),
    # other text
    Field(6, "summary", "entity", "summary", "{r}.kind", ("kind",)),
    Field(7, "title", "role", "title", "person"),
    Field(8, "fact", "fact", "text", _kind_of("{r}.entity_id"), ("entity_id",)),
    Field(
        9,
        "statement",
        "statement",
        "text",
        _kind_of("coalesce({r}.speaker_id, {r}.event_id)"),
        ("speaker_id", "event_id"),
    ),
    Field(
        10,
        "quote",
        "citation",
        "quote",
        _kind_of(CITATION_SUBJECT),
        CITATION_OWNERS,
    ),
    Field(11, "capital", "country", "capital", "country"),
    Field(12, "place", "event", "place", "event"),
    Field(13, "source text", "source", "archived_text", "source"),
    Field(14, "note", "note", "body", NOTE),
)
BY_CODE = {f.code: f for f in FIELDS}
CODE = {f.key: f.code for f in FIELDS}
NAME_FIELDS_END = 6
NAMES_LO = 1 << CODE_SHIFT
NAMES_HI = NAME_FIELDS_END << CODE_SHIFT
TEXTS_LO = NAMES_HI
TEXTS_HI = (max(BY_CODE) + 1) << CODE_SHIFT
# A document's field code, in SQL over its id.
CODE_SQL = "((({id}) >> " + str(CODE_SHIFT) + ") & " + str(CODE_MASK) + ")"
# Rows whose owner's change moves the quotes of the citations that hang on them:
# (table, the columns that decide their entry, the citation's column that points at them).
CITED: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("alias", ("entity_id",), "alias_id"),
    ("fact", ("entity_id",), "fact_id"),
    ("membership", ("member_id",), "membership_id"),
    ("statement", ("speaker_id", "event_id"), "statement_id"),
)


def field_of(doc_id: int) -> Field:
    return BY_CODE[(doc_id >> CODE_SHIFT) & CODE_MASK]


def group_of(doc_id: int) -> str | None:
    n = doc_id >> GROUP_SHIFT
    return GROUPS[n - 1] if 1 <= n <= len(GROUPS) else None


def row_of(doc_id: int) -> int:
    return doc_id & ROW_MASK


def names(group: str) -> tuple[int, int]:
    """The id range of `group`'s names (and other names, abbreviations, note titles)."""
    base = GROUP_NUMBER[group] << GROUP_SHIFT
    return base | NAMES_LO, base | NAMES_HI


def texts(group: str) -> tuple[int, int]:
    """The id range of `group`'s other texts."""
    base = GROUP_NUMBER[group] << GROUP_SHIFT
    return base | TEXTS_LO, base | TEXTS_HI


# --- schema --------------------------------------------------------------------------------

TABLES: tuple[str, ...] = (
    "CREATE TABLE search_doc (id INTEGER PRIMARY KEY, text TEXT NOT NULL)",
    # Exact name lookups ("the query is this name") without reading every name.
    f"CREATE INDEX search_doc_names ON search_doc (text) WHERE {CODE_SQL.format(id='id')} < {NAME_FIELDS_END}",
    "CREATE VIRTUAL TABLE search_fts USING fts5(text, content='search_doc', content_rowid='id', "
    "tokenize='trigram case_sensitive 1', detail='none', columnsize=0)",
    "CREATE VIRTUAL TABLE search_vocab USING fts5vocab(search_fts, 'row')",
)


def _trigger_name(f: Field, event: str) -> str:
    return f"search_{f.table}_{f.column}_{event}"


def trigger_names() -> tuple[str, ...]:
    names = [_trigger_name(f, ev) for f in FIELDS for ev in ("ai", "ad", "au")]
    return (*names, *(f"search_{table}_cited_au" for table, _, _ in CITED))


def _add(f: Field, row: str) -> str:
    doc = f.doc_sql(row)
    return (
        f"INSERT INTO search_doc (id, text) SELECT {doc}, {SQL_FUNCTION}({row}.{f.column}) || {_END_SQL} "
        f"WHERE coalesce({row}.{f.column}, '') <> ''; "
        f"INSERT INTO search_fts (rowid, text) SELECT id, text FROM search_doc WHERE id = {doc};"
    )


def _remove(f: Field, row: str) -> str:
    docs = f.docs_of(row)
    return (
        "INSERT INTO search_fts (search_fts, rowid, text) "
        f"SELECT 'delete', id, text FROM search_doc WHERE id IN {docs}; "
        f"DELETE FROM search_doc WHERE id IN {docs};"
    )


def triggers() -> tuple[str, ...]:
    out = []
    for f in FIELDS:
        on = f.table
        changed = ", ".join((f.column, "id", *f.owner_columns))
        out.append(f"CREATE TRIGGER {_trigger_name(f, 'ai')} AFTER INSERT ON {on} BEGIN {_add(f, 'new')} END")
        out.append(
            f"CREATE TRIGGER {_trigger_name(f, 'ad')} AFTER DELETE ON {on} BEGIN {_remove(f, 'old')} END"
        )
        out.append(
            f"CREATE TRIGGER {_trigger_name(f, 'au')} AFTER UPDATE OF {changed} ON {on} "
            f"BEGIN {_remove(f, 'old')} {_add(f, 'new')} END"
        )
    for table, columns, cited_by in CITED:
        # Touching the quote re-files it under its owner's group (the citation's own trigger).
        out.append(
            f"CREATE TRIGGER search_{table}_cited_au AFTER UPDATE OF {', '.join(columns)} ON {table} "
            f"BEGIN UPDATE citation SET quote = quote WHERE {cited_by} = new.id AND quote IS NOT NULL; END"
        )
    return tuple(out)


def drops() -> tuple[str, ...]:
    return (
        *(f"DROP TRIGGER IF EXISTS {name}" for name in trigger_names()),
        "DROP TABLE IF EXISTS search_vocab",
        "DROP TABLE IF EXISTS search_fts",
        "DROP TABLE IF EXISTS search_doc",
    )


def fill() -> tuple[str, ...]:
    """Statements that fill an empty index from the tables (a migration)."""
    out = [
        f"INSERT INTO search_doc (id, text) SELECT {f.doc_sql('t')}, {SQL_FUNCTION}(t.{f.column}) || {_END_SQL} "
        f"FROM {f.table} t WHERE coalesce(t.{f.column}, '') <> ''"
        for f in FIELDS
    ]
    return (*out, "INSERT INTO search_fts (search_fts) VALUES ('rebuild')")


def fill_after(after: Mapping[str, int]) -> tuple[tuple[str, tuple[int, ...]], ...]:
    """Statements (with their parameters) that index the rows each source table gained above
    id `after[table]`, in the caller's transaction. A large import writes its rows with the
    triggers dropped and indexes them with these at the end, many times faster than a trigger
    for each row; the documents of older rows are not read."""
    out: list[tuple[str, tuple[int, ...]]] = []
    for f in FIELDS:
        since = after[f.table]
        out.append(
            (
                f"INSERT INTO search_doc (id, text) SELECT {f.doc_sql('t')}, "
                f"{SQL_FUNCTION}(t.{f.column}) || {_END_SQL} FROM {f.table} t "
                f"WHERE t.id > ? AND coalesce(t.{f.column}, '') <> ''",
                (since,),
            )
        )
        # The new documents of this field: one id range in each group its rows may be filed in.
        groups = [GROUP_NUMBER[f.fixed]] if f.fixed else range(len(GROUPS) + 1)
        ranges = [(f.lo(g) + since, f.hi(g)) for g in groups]
        out.append(
            (
                "INSERT INTO search_fts (rowid, text) SELECT id, text FROM search_doc WHERE "
                + " OR ".join("(id > ? AND id < ?)" for _ in ranges),
                tuple(n for pair in ranges for n in pair),
            )
        )
    return tuple(out)


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
                    f"INSERT INTO search_doc (id, text) SELECT {f.doc_sql('t')}, "
                    f"{SQL_FUNCTION}(t.{f.column}) || {_END_SQL} FROM {f.table} t "
                    f"WHERE t.id > ? AND t.id <= ? AND coalesce(t.{f.column}, '') <> ''",
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
            f"(SELECT 1 FROM search_doc d WHERE d.id = {f.doc_sql('t')} "
            f"AND d.text = {SQL_FUNCTION}(t.{f.column}) || {_END_SQL})"
        ).fetchone()[0]
        ranges = " OR ".join(f"(d.id >= {f.lo(g)} AND d.id < {f.hi(g)})" for g in range(len(GROUPS) + 1))
        extra = conn.execute(
            f"SELECT count(*) FROM search_doc d WHERE ({ranges}) AND NOT EXISTS "
            f"(SELECT 1 FROM {f.table} t WHERE t.id = d.id & {ROW_MASK} "
            f"AND coalesce(t.{f.column}, '') <> '' AND {f.doc_sql('t')} = d.id)"
        ).fetchone()[0]
        if stale:
            found.append(
                f"{stale} texts of {f.table}.{f.column} are missing from the search index or out of date"
            )
        if extra:
            found.append(
                f"the search index holds {extra} texts of {f.table}.{f.column} that no longer exist "
                "or are filed under another entry"
            )
    codes = ", ".join(str(c) for c in BY_CODE)
    unknown = conn.execute(
        f"SELECT count(*) FROM search_doc WHERE {CODE_SQL.format(id='id')} NOT IN ({codes}) "
        f"OR id >> {GROUP_SHIFT} > {len(GROUPS)} OR id < 0"
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
