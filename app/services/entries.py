"""Lists of entries: the columns each kind shows, filtered, sorted and paged in SQL.

Reads use the plain sqlite3 connection of `Database.read()`: the first page of a list is one
LIMIT query and needs no ORM (DESIGN.md, start-up path).

Large lists (100,000 entries of a kind) are read in two steps: `ids()` returns the matching
entries in order, `rows()` then reads the shown columns for the few rows on screen. Both read
`list_row` (app/db/list_index.py), where the database keeps every entry's columns as the list
shows them, with an index per column: a sort reads an index in order; a filter reads the
entries a trigram index names (or, under three characters, every entry's folded text), and
its first page is found the quickest of three ways (`_first_matches`). The few columns that
are not stored (a country's counts) are computed here, on the few entries of their kind. The
trash is read from the entries themselves.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from app.db import collation, list_index
from app.db.database import Database
from app.db.folding import fold
from app.i18n import N_
from app.records.entries import Column, Page, Ref, Row
from app.services.kinds import BY_KEY, KINDS
from app.services.languages import name_in, script_of
from app.services.sqltext import like_contains

TRASH = "trash"  # the list of every kind's deleted entries, newest first

_LIKE = "LIKE :q ESCAPE '\\'"
_ASEAN_STATUS = (
    "coalesce((SELECT m.status || coalesce(' since ' || m.start_date, '') FROM membership m "
    "JOIN organization o ON o.id = m.organization_id WHERE m.member_id = e.id "
    "AND o.abbreviation = 'ASEAN' AND m.end_date IS NULL ORDER BY m.start_date DESC LIMIT 1), '')"
)
_KIND_NAME = "CASE e.kind " + " ".join(f"WHEN '{k.key}' THEN '{k.singular}'" for k in KINDS) + " END"


@dataclass(frozen=True)
class _Col:
    key: str
    header: str
    sql: str  # its value computed: an expression over `e` (entity) and `k` (the kind's table)
    searched: bool = True  # does the filter text match it?
    stored: str | None = None  # the list_row column that holds it, if stored


def _stored(kind: str, key: str, header: str) -> _Col:
    """A column the database keeps in list_row (app/db/list_index.py)."""
    slot = list_index.slot(kind, key)
    assert slot is not None, (kind, key)
    sql = next(c.sql for c in list_index.COLUMNS[kind] if c.key == key)
    return _Col(key, header, sql, stored=slot)


_NAME = _Col("name", N_("Fields", "Name"), "e.name")

LIST_COLUMNS: dict[str, tuple[_Col, ...]] = {
    "person": (
        _NAME,
        _stored("person", "title", N_("Fields", "Title as stated")),
        _stored("person", "organization", N_("Fields", "Organization")),
        _stored("person", "country", N_("Fields", "Country")),
    ),
    "country": (
        _NAME,
        _stored("country", "iso", N_("Fields", "ISO code")),
        _Col("asean", N_("Fields", "ASEAN membership"), _ASEAN_STATUS, searched=False),
        _Col(
            "officials",
            N_("Fields", "Officials"),
            "(SELECT count(*) FROM person p JOIN entity pe ON pe.id = p.id "
            "WHERE p.country_id = e.id AND pe.deleted_at IS NULL)",
            searched=False,
        ),
        _Col(
            "initiatives",
            N_("Fields", "Initiatives"),
            "(SELECT count(DISTINCT ip.initiative_id) FROM initiative_party ip "
            "JOIN entity ie ON ie.id = ip.initiative_id "
            "WHERE ip.entity_id = e.id AND ie.deleted_at IS NULL)",
            searched=False,
        ),
    ),
    "organization": (
        _NAME,
        _stored("organization", "abbreviation", N_("Fields", "Abbreviation")),
        _stored("organization", "org_kind", N_("Fields", "Kind")),
        _stored("organization", "country", N_("Fields", "Country")),
    ),
    "initiative": (
        _NAME,
        _stored("initiative", "initiative_kind", N_("Fields", "Kind")),
        _stored("initiative", "parties", N_("Fields", "Parties")),
        _stored("initiative", "announced_at", N_("Fields", "Announced at")),
        _stored("initiative", "status", N_("Fields", "Status")),
    ),
    "event": (
        _NAME,
        _stored("event", "dates", N_("Fields", "Dates")),
        _stored("event", "place", N_("Fields", "Place")),
        _stored("event", "part_of", N_("Fields", "Part of")),
    ),
    "source": (
        _NAME,
        _stored("source", "publisher", N_("Fields", "Publisher")),
        _stored("source", "published", N_("Fields", "Published")),
        _stored("source", "reliability", N_("Fields", "Reliability")),
    ),
    TRASH: (
        _NAME,
        _Col("kind", N_("Fields", "Kind"), _KIND_NAME, searched=False),
        _Col(
            "deleted",
            N_("Fields", "Deleted"),
            "replace(substr(e.deleted_at, 1, 16), 'T', ' ')",
            searched=False,
        ),
    ),
}


class BadQuery(ValueError):
    pass


def columns(kind: str) -> tuple[Column, ...]:
    return tuple(Column(c.key, c.header) for c in _columns(kind))


def _columns(kind: str) -> tuple[_Col, ...]:
    try:
        return LIST_COLUMNS[kind]
    except KeyError:
        raise BadQuery(f"unknown kind {kind!r}") from None


@dataclass(frozen=True)
class _Query:
    """The FROM, WHERE and ORDER BY of one list: over list_row (`l`) for a kind's live entries,
    over the entries themselves (`e`) for the trash."""

    kind: str
    where: str
    order: str
    params: dict[str, object]
    key: str  # the id column: 'l.id' or 'e.id'
    indexed: bool = False  # ordered by list_row's columns alone: one of its indexes, in order

    def source(self, *select: str) -> str:
        return _tables(self.kind, self.key, self.where, self.order, *select)

    def values(self, cols: Sequence[_Col]) -> str:
        """The shown columns, as SQL (the slug first)."""
        if self.key == "e.id":
            return ", ".join(["e.slug", *(c.sql for c in cols)])
        return ", ".join(["l.slug", "l.name", *(_shown(c) for c in cols[1:])])


def _shown(c: _Col) -> str:
    return f"coalesce(l.{c.stored}, '')" if c.stored else c.sql


def _tables(kind: str, key: str, *sql: str) -> str:
    """list_row, or the entries, joined with what `sql` uses of the entry and its kind's table."""
    text = " ".join(sql)
    if key == "e.id":
        uses_kind = kind != TRASH and "k." in text
        return "entity e" + (f" JOIN {kind} k ON k.id = e.id" if uses_kind else "")
    out = "list_row l"
    if "e." in text or "k." in text:
        out += " JOIN entity e ON e.id = l.id"
    if "k." in text:
        out += f" JOIN {kind} k ON k.id = l.id"
    return out


_HAY_HOLDS = "h.kind = :kind AND instr(h.hay, :q) > 0"
# A filter's first page: gathering every match and sorting them took up to 170 ms for a filter
# most entries match ('a', 'minister'), while reading the list in its order finds the first
# page in a few milliseconds; for a rare filter it is the other way round. A filter with fewer
# than this many candidates in the trigram index is gathered; a shorter one is first looked
# for among this many entries in the list's order.
FIRST_LOOK = 3000


def _query(kind: str, text: str, sort: str, descending: bool, trash: bool) -> _Query:
    cols = _columns(kind)
    by = next((c for c in cols if c.key == sort), None)
    if by is None:
        raise BadQuery(f"cannot sort {kind} by {sort!r}")
    way = "DESC" if descending else "ASC"
    needle = text.strip()
    if kind == TRASH or trash:
        return _trash_query(kind, cols, by, way, needle)
    params: dict[str, object] = {"kind": kind}
    clauses = ["l.kind = :kind"]
    if needle:
        # One folded text per entry holds everything the filter looks at (list_index); from
        # three characters on, its trigram index names the few entries worth looking in.
        params["q"] = folded = fold(needle)
        match = list_index.trigram_match(folded)
        if match is None:
            clauses.append(f"l.id IN (SELECT h.id FROM list_hay h WHERE {_HAY_HOLDS})")
        else:
            params["m"] = match
            clauses.append(
                f"l.id IN (SELECT h.id FROM list_hay h WHERE {_HAY_HOLDS} AND h.id IN "
                "(SELECT rowid FROM list_hay_fts WHERE list_hay_fts MATCH :m))"
            )
    if by is _NAME:
        order = f"l.sort {way}, l.id {way}"  # the name folded: accents sort with their letter
    else:
        # The stored column bare (never NULL once written), so its index serves; descending
        # is ascending read backwards, ties included, so one index serves both ways.
        value = f"l.{by.stored}" if by.stored else by.sql
        order = f"{value} COLLATE NOCASE {way}, l.name COLLATE NOCASE {way}, l.id {way}"
    return _Query(kind, " AND ".join(clauses), order, params, "l.id", indexed=by is _NAME or bool(by.stored))


def _trash_query(kind: str, cols: Sequence[_Col], by: _Col, way: str, needle: str) -> _Query:
    """The trash (every kind, or one): few entries, so its columns are computed."""
    params: dict[str, object] = {}
    if kind == TRASH:
        # Every kind named, so the index on (kind, deleted_at, name) finds the trash without
        # reading every entry.
        kinds = ", ".join(f"'{k.key}'" for k in KINDS)
        clauses = [f"e.kind IN ({kinds})", "e.deleted_at IS NOT NULL"]
    else:
        clauses = ["e.kind = :kind", "e.deleted_at IS NOT NULL"]
        params["kind"] = kind
    if needle:
        params["q"] = like_contains(needle)
        matches = [
            f"e.name {_LIKE}",
            f"e.slug {_LIKE}",
            f"e.id IN (SELECT a.entity_id FROM alias a WHERE a.value {_LIKE})",
            *(f"{c.sql} {_LIKE}" for c in cols[1:] if c.searched and kind != TRASH),
        ]
        clauses.append("(" + " OR ".join(matches) + ")")
    if kind == TRASH and by.key == "deleted":
        order = f"e.deleted_at {way}, e.id {way}"
    elif by is _NAME:
        # The trash is short: its names are folded as the lists' sort key folds them, each time.
        order = f"{collation.SQL_FUNCTION}(e.name) {way}, e.id {way}"
    else:
        order = f"{by.sql} COLLATE NOCASE {way}, e.name COLLATE NOCASE {way}, e.id {way}"
    return _Query(kind, " AND ".join(clauses), order, params, "e.id")


class EntryLists:
    """List queries for every kind (and TRASH). One instance per thread (it holds a sqlite3
    connection)."""

    CHUNK = 500  # ids per IN (...) query

    def __init__(self, db: Database) -> None:
        self._db = db

    @property
    def _conn(self) -> sqlite3.Connection:
        return self._db.read()

    @property
    def closed(self) -> bool:
        """The database was closed: what a read on another thread fails with is not a fault."""
        return self._db.closed

    def count(self, kind: str, text: str = "", *, trash: bool = False) -> int:
        if not text.strip() and not trash and kind in BY_KEY:
            return self.counts()[kind]
        q = _query(kind, text, "name", False, trash)
        sql = f"SELECT count(*) FROM {q.source()} WHERE {q.where}"
        return int(self._conn.execute(sql, q.params).fetchone()[0])

    def counts(self) -> dict[str, int]:
        """Entries of each kind, not counting the trash."""
        found = dict(self._conn.execute("SELECT kind, n FROM list_count").fetchall())  # (kept by triggers)
        return {key: int(found.get(key, 0)) for key in BY_KEY}

    def ids(
        self,
        kind: str,
        *,
        text: str = "",
        sort: str = "name",
        descending: bool = False,
        trash: bool = False,
        limit: int | None = None,
    ) -> list[int]:
        """Every matching entry's id (or the first `limit`), in the list's order."""
        q = _query(kind, text, sort, descending, trash)
        if limit is not None and "q" in q.params and q.indexed:
            first = self._first_matches(q, limit)
            if first is not None:
                return first
        sql = f"SELECT {q.key} FROM {q.source()} WHERE {q.where} ORDER BY {q.order} LIMIT {limit or -1:d}"
        return [r[0] for r in self._conn.execute(sql, q.params)]

    def _first_matches(self, q: _Query, limit: int) -> list[int] | None:
        """The first `limit` matches of a filter read along the list's order, when the filter
        is common enough for that to be quick; None when gathering the matches is quicker."""
        conn = self._conn
        match = q.params.get("m")
        if match is not None:
            candidates = conn.execute(
                "SELECT count(*) FROM (SELECT 1 FROM list_hay_fts WHERE list_hay_fts MATCH ? LIMIT ?)",
                (match, FIRST_LOOK),
            ).fetchone()[0]
            if candidates < FIRST_LOOK:
                return None  # few: their ids from the index, sorted
            # Many: the list's index in order, each entry tested against the candidates (held
            # in a temporary b-tree; the + keeps SQLite from looking them up one by one and
            # sorting them all), until the page is full.
            sql = (
                "SELECT l.id FROM list_row l WHERE l.kind = :kind AND +l.id IN (SELECT rowid FROM "
                f"list_hay_fts WHERE list_hay_fts MATCH :m) AND EXISTS (SELECT 1 FROM list_hay h "
                f"WHERE h.id = l.id AND {_HAY_HOLDS}) ORDER BY {q.order} LIMIT {limit:d}"
            )
            return [r[0] for r in conn.execute(sql, q.params)]
        # Shorter than a trigram: look in the first entries of the list's order.
        window = [
            r[0]
            for r in conn.execute(
                f"SELECT l.id FROM list_row l WHERE l.kind = :kind ORDER BY {q.order} LIMIT {FIRST_LOOK:d}",
                {"kind": q.kind},
            )
        ]
        found: list[int] = []
        for start in range(0, len(window), self.CHUNK):
            chunk = window[start : start + self.CHUNK]
            marks = ",".join("?" * len(chunk))
            held = {
                r[0]
                for r in conn.execute(
                    f"SELECT id FROM list_hay WHERE kind = ? AND id IN ({marks}) AND instr(hay, ?) > 0",
                    (q.kind, *chunk, q.params["q"]),
                )
            }
            found += [i for i in chunk if i in held]
            if len(found) >= limit:
                return found[:limit]
        return None

    def names_in(self, script: str, ids: Sequence[int]) -> dict[int, str]:
        """The name each of `ids` has in `script` (app/services/languages.name_in), for those
        that have one: read for the rows on screen, never for a whole list."""
        found: dict[int, list[tuple[str, str | None, str | None, str]]] = {}
        for start in range(0, len(ids), self.CHUNK):
            chunk = list(ids[start : start + self.CHUNK])
            marks = ",".join("?" * len(chunk))
            sql = (
                f"SELECT entity_id, value, language, script, kind FROM alias WHERE entity_id IN ({marks}) "
                "ORDER BY id"
            )
            for r in self._conn.execute(sql, chunk):
                found.setdefault(int(r[0]), []).append((r[1], r[2], r[3], r[4]))
        names = {i: name_in(script, aliases) for i, aliases in found.items()}
        return {i: n for i, n in names.items() if n is not None}

    def names_by_slug(self, script: str, slugs: Sequence[str]) -> dict[str, str]:
        """names_in for entries named by slug (search results)."""
        ids: dict[int, str] = {}
        for start in range(0, len(slugs), self.CHUNK):
            chunk = list(slugs[start : start + self.CHUNK])
            marks = ",".join("?" * len(chunk))
            for r in self._conn.execute(f"SELECT id, slug FROM entity WHERE slug IN ({marks})", chunk):
                ids[int(r[0])] = str(r[1])
        return {ids[i]: name for i, name in self.names_in(script, list(ids)).items()}

    def scripts(self) -> list[str]:
        """The scripts the library's other names are written in (their codes, sorted)."""
        found = {
            script_of(language or "", script or "")
            for language, script in self._conn.execute("SELECT DISTINCT language, script FROM alias")
        }
        return sorted(found - {""})

    def rows(self, kind: str, ids: Sequence[int], *, script: str = "") -> list[Row | None]:
        """The rows of `ids`, in that order; None for an id that is no longer in the list.
        `script`: names shown in it where an entry has an other name written in it."""
        cols = _columns(kind)
        q = _query(kind, "", "name", False, False)
        select = q.values(cols)
        source = _tables(kind, q.key, select)  # no WHERE: ids no longer listed come back as None
        found: dict[int, Row] = {}
        for start in range(0, len(ids), self.CHUNK):
            chunk = list(ids[start : start + self.CHUNK])
            marks = ",".join("?" * len(chunk))
            sql = f"SELECT {q.key}, {select} FROM {source} WHERE {q.key} IN ({marks})"
            for r in self._conn.execute(sql, chunk):
                found[r[0]] = _row(r)
        if script and found and cols and cols[0].key == "name":
            for i, name in self.names_in(script, list(found)).items():
                row = found[i]
                found[i] = replace(row, values=(name, *row.values[1:]))
            self._others_in(script, kind, found)
        return [found.get(i) for i in ids]

    def _others_in(self, script: str, kind: str, found: dict[int, Row]) -> None:
        """The names of other entries that `found`'s columns show (an official's organization
        and country ...), in `script` where those entries have a name in it."""
        stored = {c.key: c for c in list_index.COLUMNS.get(kind, ())}
        at = {n: stored[c.key] for n, c in enumerate(_columns(kind)) if c.key in stored}
        single = {n: c.ref for n, c in at.items() if c.ref}
        many = {n: c.refs for n, c in at.items() if c.refs}
        if not single and not many:
            return
        refs: dict[tuple[int, int], list[tuple[int, str]]] = {}  # (row, column): [(id, name)]
        for start in range(0, len(found), self.CHUNK):
            chunk = list(found)[start : start + self.CHUNK]
            marks = ",".join("?" * len(chunk))
            if single:
                sql = (
                    f"SELECT e.id, {', '.join(single.values())} FROM entity e JOIN {kind} k "
                    f"ON k.id = e.id WHERE e.id IN ({marks})"
                )
                for r in self._conn.execute(sql, chunk):
                    for n, ref in zip(single, r[1:], strict=True):
                        if ref is not None:
                            refs[(r[0], n)] = [(int(ref), found[r[0]].values[n])]
            for n, query in many.items():
                for owner, ref, name in self._conn.execute(query.format(ids=marks), chunk):
                    refs.setdefault((owner, n), []).append((int(ref), name))
        names = self.names_in(script, list({ref for named in refs.values() for ref, _ in named}))
        for (i, n), named in refs.items():
            row = found[i]
            # Only where the column shows exactly these names (an entry in the trash shows none).
            if not row.values[n] or ", ".join(name for _, name in named) != row.values[n]:
                continue
            shown = ", ".join(names.get(ref, name) for ref, name in named)
            if shown != row.values[n]:
                found[i] = replace(row, values=(*row.values[:n], shown, *row.values[n + 1 :]))

    def page(
        self,
        kind: str,
        *,
        text: str = "",
        sort: str = "name",
        descending: bool = False,
        offset: int = 0,
        limit: int = 200,
        trash: bool = False,
    ) -> Page:
        cols = _columns(kind)
        q = _query(kind, text, sort, descending, trash)
        select = q.values(cols)
        sql = (
            f"SELECT {q.key}, {select} FROM {q.source(select)} WHERE {q.where} ORDER BY {q.order} "
            "LIMIT :limit OFFSET :offset"
        )
        params = {**q.params, "limit": limit, "offset": offset}
        return Page(tuple(_row(r) for r in self._conn.execute(sql, params)), offset)

    def records(
        self,
        kind: str,
        *,
        text: str = "",
        sort: str = "name",
        descending: bool = False,
        trash: bool = False,
        limit: int | None = None,
    ) -> list[tuple[Any, ...]]:
        """The list as `page` reads it, whole (or its first `limit` rows), for an export: each
        row's values as the database holds them (numbers as numbers), then its uid, kind and slug."""
        cols = _columns(kind)
        q = _query(kind, text, sort, descending, trash)
        select = q.values(cols)
        sql = (
            f"SELECT {select}, e.uid, e.kind FROM {q.source(select, 'e.uid')} WHERE {q.where} "
            f"ORDER BY {q.order} LIMIT {-1 if limit is None else limit:d}"
        )
        return [(*r[1:-2], r[-2], r[-1], r[0]) for r in self._conn.execute(sql, q.params)]

    def listed(self, kind: str, slug: str) -> bool:
        """Whether `slug` is an entry of `kind` outside the trash: one its unfiltered list shows."""
        row = self._conn.execute(
            "SELECT 1 FROM entity WHERE slug = ? AND kind = ? AND deleted_at IS NULL", (slug, kind)
        ).fetchone()
        return row is not None

    def ref(self, slug: str) -> Ref | None:
        row = self._conn.execute("SELECT id, kind, slug, name FROM entity WHERE slug = ?", (slug,)).fetchone()
        return Ref(*row) if row else None

    def ref_by_id(self, entity_id: int) -> Ref | None:
        row = self._conn.execute(
            "SELECT id, kind, slug, name FROM entity WHERE id = ?", (entity_id,)
        ).fetchone()
        return Ref(*row) if row else None


def _row(r: Sequence[Any]) -> Row:
    return Row(int(r[0]), str(r[1]), tuple("" if v is None else str(v) for v in r[2:]))
