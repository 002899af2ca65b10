"""Lists of notes for the Notes view, the notes panel and the Trash: filtered by text, tag
(nested tags included), entry or standalone; sorted and paged in SQL.

The text filter is a substring match over title, text and the entry's name, folded as search
folds them (case, accents, width), read from the search index's folded texts; full-text search
with ranking is the search service's job.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from app.db import note_sort
from app.db import search_index as ix
from app.db.database import Database
from app.db.folding import fold
from app.records.entries import Ref
from app.records.notes import NoteQuery, NoteRow
from app.services.progress import Cancelled, Progress
from app.services.sqltext import like_escape

# {d} is the direction. Sorted by entry, notes group under their entry's name by the lists'
# key (newest first) and standalone notes come last either way: the key is stored on the note
# and indexed (app/db/note_sort.py).
_SORTS = {
    "updated": "n.updated_at {d}",
    "created": "n.created_at {d}",
    "title": "n.title COLLATE NOCASE {d}",
    "entry": note_sort.ORDER,
    "deleted": "n.deleted_at {d}",  # the Trash: most recently deleted first
}
SORT_KEYS = tuple(_SORTS)
_STEPS = 5000  # SQLite instructions between asks whether a read is still wanted
# A text filter's notes are gathered through the search index when at most this many of their
# titles and texts hold it (and read in the list's order when more do).
RARE = 5000
VOCABULARY = 96  # a short filter's trigrams asked of the index at most (as search's)


class BadNoteQuery(ValueError):
    pass


def _where(q: NoteQuery, conn: sqlite3.Connection) -> tuple[str, dict[str, object]]:
    # Live notes are nearly all notes: `+` keeps SQLite from reading them through the index on
    # deleted_at and sorting them all (260 ms for 100,000 notes by date), so the index of the
    # order serves a page (1 ms). The trash is few notes: its index is the quick way to them.
    clauses = ["n.deleted_at IS NOT NULL" if q.trash else "+n.deleted_at IS NULL"]
    params: dict[str, object] = {}
    if q.entry_id is not None:
        clauses.append("n.entity_id = :entry")
        params["entry"] = q.entry_id
    elif q.standalone:
        clauses.append("n.entity_id IS NULL")
    if q.links_to is not None:
        clauses.append(
            "EXISTS (SELECT 1 FROM note_link nl WHERE nl.note_id = n.id AND nl.entity_id = :links_to)"
        )
        params["links_to"] = q.links_to
    folded = fold(q.text.strip())
    if folded.strip():
        clauses.append(_text_clause(conn, folded, params))
    if q.tag:
        clauses.append(
            "EXISTS (SELECT 1 FROM note_tag nt JOIN tag t ON t.id = nt.tag_id WHERE nt.note_id = n.id "
            "AND (t.name = :tag COLLATE NOCASE OR t.name LIKE :tag_under ESCAPE '\\'))"
        )
        params["tag"] = q.tag
        params["tag_under"] = f"{like_escape(q.tag)}/%"
    return " AND ".join(clauses), params


def _text_clause(conn: sqlite3.Connection, folded: str, params: dict[str, object]) -> str:
    """Notes whose title, text or entry's name holds `folded` once folded as search folds
    (case, accents, width: app/db/folding.py), read from the search index's folded texts.

    A word in few notes is gathered through the trigram index, each candidate confirmed with
    instr() (a rare word: 70 ms instead of 750 ms reading every body at 100,000 notes). A
    word in many notes is not: confirming tens of thousands of candidates is slower than
    reading the notes in the list's order, which stops at the first page (and the count reads
    them all, in the background). Either way the same notes match."""
    params["folded"] = folded
    grams = _match(conn, folded)
    if grams == "":
        return "0"
    if grams is not None:
        params["grams"] = grams
        found = _few(conn, folded, params, _entries_named(folded, params))
        if found is not None:
            return f"n.id IN ({', '.join(str(n) for n in sorted(found))})"
    # Each note's folded texts by their ids in the index (the entry's name last: only for the
    # notes whose own texts do not hold it).
    note = ix.GROUP_NUMBER[ix.NOTE] << ix.GROUP_SHIFT
    title, body = (note | ix.CODE[key] << ix.CODE_SHIFT for key in ("note title", "note"))
    kinds = " ".join(
        f"WHEN '{g}' THEN {n << ix.GROUP_SHIFT | ix.CODE['name'] << ix.CODE_SHIFT}"
        for g, n in ix.GROUP_NUMBER.items()
        if g != ix.NOTE
    )
    return " OR ".join(
        f"instr(coalesce((SELECT text FROM search_doc WHERE id = {doc}), ''), :folded) > 0"
        for doc in (f"{title} + n.id", f"{body} + n.id", f"(CASE e.kind {kinds} END) + e.id")
    ).join("()")


def _few(conn: sqlite3.Connection, folded: str, params: dict[str, object], names: str) -> set[int] | None:
    """The ids of the notes holding `folded` (in their title or text, or their entry's name),
    when there are at most RARE of them; None when there are more. As a list of ids, SQLite
    reads those notes by their ids and sorts them, instead of reading every note in the
    list's order to look each up (400 ms for a word in no note at 100,000 notes)."""
    lo = ix.GROUP_NUMBER[ix.NOTE] << ix.GROUP_SHIFT
    hi = lo + (1 << ix.GROUP_SHIFT)
    texts = conn.execute(
        "SELECT f.rowid FROM search_fts f CROSS JOIN search_doc d ON d.id = f.rowid "
        f"WHERE f.search_fts MATCH :grams AND f.rowid >= {lo} AND f.rowid < {hi} "
        f"AND instr(d.text, :folded) > 0 LIMIT {RARE + 1}",
        {"grams": params["grams"], "folded": folded},
    ).fetchall()
    if len(texts) > RARE:  # (counted in texts: a note's title and text are two)
        return None
    found = {row & ix.ROW_MASK for (row,) in texts}
    on_entries = conn.execute(
        f"SELECT id FROM note WHERE entity_id IN ({names}) LIMIT {RARE + 1}",
        {"grams": params["grams"], "folded": folded},
    ).fetchall()
    found.update(n for (n,) in on_entries)
    return found if len(on_entries) <= RARE and len(found) <= RARE else None


def _entries_named(folded: str, params: dict[str, object]) -> str:
    """SQL for the ids of the entries (of any kind, trashed too) whose name holds `folded`: one
    id range of the index per kind, through the trigrams when there are three characters."""
    parts = []
    for group in ix.GROUPS:
        if group == ix.NOTE:
            continue
        lo = ix.GROUP_NUMBER[group] << ix.GROUP_SHIFT | ix.CODE["name"] << ix.CODE_SHIFT
        hi = lo + (1 << ix.CODE_SHIFT)
        if "grams" in params:
            parts.append(
                f"SELECT f.rowid - {lo} FROM search_fts f CROSS JOIN search_doc d ON d.id = f.rowid "
                f"WHERE f.search_fts MATCH :grams AND f.rowid >= {lo} AND f.rowid < {hi} "
                "AND instr(d.text, :folded) > 0"
            )
        else:
            parts.append(
                f"SELECT id - {lo} FROM search_doc WHERE id >= {lo} AND id < {hi} AND instr(text, :folded) > 0"
            )
    return " UNION ALL ".join(parts)


def _match(conn: sqlite3.Connection, folded: str) -> str | None:
    """The FTS5 expression whose matches hold every note with `folded` (instr() then judges):
    its trigrams; for two characters, the indexed trigrams that begin with them (every
    text ends with ix.END, so each place they occur begins one), unless there are so many
    that the index would not narrow the notes down (then None). '' when no text holds them."""
    if len(folded) >= 3:
        grams = list(dict.fromkeys(folded[i : i + 3] for i in range(len(folded) - 2)))
        joint = " AND "
    elif len(folded) == 1:
        return None  # the vocabulary's counts of every trigram it begins cost more (280 ms: 'a')
    else:
        grams = [
            term
            for (term,) in conn.execute(
                "SELECT term FROM search_vocab WHERE term >= ? AND term < ? LIMIT ?",
                (folded, folded + "\U0010ffff", VOCABULARY + 1),
            )
        ]
        if not grams:
            return ""  # no text holds them
        if len(grams) > VOCABULARY:
            return None
        joint = " OR "
    return joint.join('"' + g.replace('"', '""') + '"' for g in grams)


def _narrow(q: NoteQuery) -> bool:
    """The notes of one entry, linking to one entry, or in the trash: few, found by an index."""
    return q.trash or q.entry_id is not None or q.links_to is not None


def _plain(q: NoteQuery) -> bool:
    return not q.text.strip() and not q.tag


def _source(*sql: str) -> str:
    """The notes, joined with their entries only when `sql` needs them: a count of 100,000
    notes took 200 ms with the join and 45 ms without."""
    uses_entry = any(re.search(r"(?<![\w.])e\.", x) for x in sql)
    return "note n LEFT JOIN entity e ON e.id = n.entity_id" if uses_entry else "note n"


class NoteLists:
    """List queries over notes. One instance per thread (it reads on Database.read())."""

    def __init__(self, db: Database) -> None:
        self._db = db

    @property
    def _conn(self) -> sqlite3.Connection:
        return self._db.read()

    @property
    def closed(self) -> bool:
        """The database was closed: what a read on another thread fails with is not a fault."""
        return self._db.closed

    @contextmanager
    def stoppable(self, progress: Progress) -> Iterator[None]:
        """Reads on this thread stop, mid-statement, once `progress` is cancelled: a list that
        moved on to another query need not wait a second behind the old one's count. SQLite
        asks every few thousand instructions (the same way as an import's cancel)."""
        conn = self._conn
        conn.set_progress_handler(lambda: 1 if progress.cancelled else 0, _STEPS)
        try:
            yield
        except sqlite3.OperationalError:
            if progress.cancelled:
                raise Cancelled() from None
            raise
        finally:
            conn.set_progress_handler(None, 0)

    def quick(self, query: NoteQuery) -> bool:
        """Whether a page of `query` is read through an index, in milliseconds whatever the
        number of notes (so a window may read it on its own thread); every order is. Not so: a
        text or tag filter (each note looked at until a page is found, all of them for a rare
        word)."""
        return _narrow(query) or _plain(query)

    def quick_count(self, query: NoteQuery) -> bool:
        """Whether counting `query` reads an index only (15 ms at 100,000 notes), not each
        note's text or tags (a text filter's count read every body: a second)."""
        return _narrow(query) or _plain(query)

    def count(self, query: NoteQuery) -> int:
        where, params = _where(query, self._conn)
        sql = f"SELECT count(*) FROM {_source(where)} WHERE {where}"
        return int(self._conn.execute(sql, params).fetchone()[0])

    def page(self, query: NoteQuery, *, offset: int = 0, limit: int = 200) -> tuple[NoteRow, ...]:
        order = _SORTS.get(query.sort)
        if order is None:
            raise BadNoteQuery(f"cannot sort notes by {query.sort!r}; use one of {', '.join(SORT_KEYS)}")
        order = order.format(d="DESC" if query.descending else "ASC")
        where, params = _where(query, self._conn)
        # The page's ids first, then their columns: sorting every matching note with its tags
        # and excerpt computed would read the whole table (seconds for 100,000 notes).
        # Ties in the order's direction, so one index read backwards serves a descending sort.
        tie = "n.id DESC" if query.descending and query.sort != "entry" else "n.id"
        order = f"{order}, {tie}"
        sql = (
            f"WITH page AS (SELECT n.id FROM {_source(where, order)} "
            f"WHERE {where} ORDER BY {order} LIMIT :limit OFFSET :offset) "
            "SELECT n.id, n.title, e.id, e.kind, e.slug, e.name, n.created_at, n.updated_at, n.deleted_at, "
            "(SELECT group_concat(name, ', ') FROM (SELECT t.name FROM note_tag nt JOIN tag t "
            " ON t.id = nt.tag_id WHERE nt.note_id = n.id ORDER BY t.name COLLATE NOCASE)), "
            "substr(n.body, 1, 200) "
            "FROM page JOIN note n ON n.id = page.id LEFT JOIN entity e ON e.id = n.entity_id "
            f"ORDER BY {order}"
        )
        params.update(limit=limit, offset=offset)
        return tuple(
            NoteRow(
                id=r[0],
                title=r[1],
                entry=Ref(*r[2:6]) if r[2] is not None else None,
                created_at=r[6],
                updated_at=r[7],
                deleted_at=r[8],
                tags=tuple(r[9].split(", ")) if r[9] else (),
                excerpt=" ".join(r[10].split()),
            )
            for r in self._conn.execute(sql, params)
        )
