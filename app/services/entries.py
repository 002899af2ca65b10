"""Lists of entries: the columns each kind shows, filtered, sorted and paged in SQL.

Reads use the plain sqlite3 connection of `Database.read()`: the first page of a list is one
LIMIT query and needs no ORM (DESIGN.md, start-up path).

Large lists (100,000 entries of a kind) are read in two steps: `ids()` returns the matching
entries in order, which the index on (kind, deleted_at, name) answers in milliseconds when
sorting by name; `rows()` then computes the shown columns for the few rows on screen. Filters
match each column with a set-based condition (`id IN (SELECT ...)`), never by computing every
column of every row.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from app.db.database import Database
from app.i18n import N_
from app.services.dto import Column, Page, Ref, Row
from app.services.kinds import BY_KEY, KINDS
from app.services.sqltext import like_contains

TRASH = "trash"  # the list of every kind's deleted entries, newest first

_LIKE = "LIKE :q ESCAPE '\\'"
# The title of a person's latest known mandate (by as-of or start date).
_LATEST_ROLE = (
    "(SELECT {col} FROM role r WHERE r.person_id = e.id "
    "ORDER BY coalesce(r.as_of, r.start_date, '') DESC, r.id LIMIT 1)"
)
_NAME_OF = "(SELECT x.name FROM entity x WHERE x.id = {ref} AND x.deleted_at IS NULL)"
_NAMED = "(SELECT x.id FROM entity x WHERE x.kind = '{kind}' AND x.name " + _LIKE + ")"
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
    sql: str  # an expression over `e` (entity) and `k` (the kind's table)
    # When the filter text (:q) matches this column: a condition over `k` alone, so a filter
    # reads each table once as a set instead of computing every column of every row. ""
    # means the column's own value LIKE :q; None means the column is not searched (counts).
    match: str | None = ""

    def condition(self, kind: str) -> str | None:
        if self.match is None:
            return None
        return f"e.id IN (SELECT k.id FROM {kind} k WHERE {self.match or f'{self.sql} {_LIKE}'})"


def _ref_col(key: str, header: str, column: str, kind: str) -> _Col:
    """A column naming another entry (k.<column> is its id)."""
    return _Col(
        key,
        header,
        "coalesce(" + _NAME_OF.format(ref=f"k.{column}") + ", '')",
        f"k.{column} IN " + _NAMED.format(kind=kind),
    )


_NAME = _Col("name", N_("Fields", "Name"), "e.name")

LIST_COLUMNS: dict[str, tuple[_Col, ...]] = {
    "person": (
        _NAME,
        _Col(
            "title",
            N_("Fields", "Title as stated"),
            "coalesce(" + _LATEST_ROLE.format(col="r.title") + ", '')",
            f"k.id IN (SELECT r.person_id FROM role r WHERE r.title {_LIKE})",
        ),
        _Col(
            "organization",
            N_("Fields", "Organization"),
            "coalesce(" + _NAME_OF.format(ref=_LATEST_ROLE.format(col="r.organization_id")) + ", '')",
            "k.id IN (SELECT r.person_id FROM role r WHERE r.organization_id IN "
            + _NAMED.format(kind="organization")
            + ")",
        ),
        _ref_col("country", N_("Fields", "Country"), "country_id", "country"),
    ),
    "country": (
        _NAME,
        _Col("iso", N_("Fields", "ISO code"), "k.iso_alpha2"),
        _Col("asean", N_("Fields", "ASEAN membership"), _ASEAN_STATUS, None),
        _Col(
            "officials",
            N_("Fields", "Officials"),
            "(SELECT count(*) FROM person p JOIN entity pe ON pe.id = p.id "
            "WHERE p.country_id = e.id AND pe.deleted_at IS NULL)",
            None,
        ),
        _Col(
            "initiatives",
            N_("Fields", "Initiatives"),
            "(SELECT count(DISTINCT ip.initiative_id) FROM initiative_party ip "
            "JOIN entity ie ON ie.id = ip.initiative_id "
            "WHERE ip.entity_id = e.id AND ie.deleted_at IS NULL)",
            None,
        ),
    ),
    "organization": (
        _NAME,
        _Col("abbreviation", N_("Fields", "Abbreviation"), "coalesce(k.abbreviation, '')"),
        _Col("org_kind", N_("Fields", "Kind"), "coalesce(k.org_kind, '')"),
        _ref_col("country", N_("Fields", "Country"), "country_id", "country"),
    ),
    "initiative": (
        _NAME,
        _Col("initiative_kind", N_("Fields", "Kind"), "coalesce(k.initiative_kind, '')"),
        _Col(
            "parties",
            N_("Fields", "Parties"),
            "coalesce((SELECT group_concat(pe.name, ', ') FROM initiative_party ip "
            "JOIN entity pe ON pe.id = ip.entity_id WHERE ip.initiative_id = e.id "
            "AND pe.deleted_at IS NULL), '')",
            "k.id IN (SELECT ip.initiative_id FROM initiative_party ip WHERE ip.entity_id IN "
            f"(SELECT x.id FROM entity x WHERE x.name {_LIKE}))",
        ),
        _ref_col("announced_at", N_("Fields", "Announced at"), "announced_at_id", "event"),
        _Col("status", N_("Fields", "Status"), "coalesce(k.status, '')"),
    ),
    "event": (
        _NAME,
        _Col(
            "dates",
            N_("Fields", "Dates"),
            "coalesce(k.start_date || CASE WHEN k.end_date IS NOT NULL AND k.end_date != k.start_date "
            "THEN ' – ' || k.end_date ELSE '' END, '')",
            f"(k.start_date {_LIKE} OR k.end_date {_LIKE})",
        ),
        _Col("place", N_("Fields", "Place"), "coalesce(k.place, '')"),
        _ref_col("part_of", N_("Fields", "Part of"), "part_of_id", "event"),
    ),
    "source": (
        _NAME,
        _Col("publisher", N_("Fields", "Publisher"), "coalesce(k.publisher, '')"),
        _Col("published", N_("Fields", "Published"), "coalesce(k.published, '')"),
        _Col("reliability", N_("Fields", "Reliability"), "k.reliability"),
    ),
    TRASH: (
        _NAME,
        _Col("kind", N_("Fields", "Kind"), _KIND_NAME, None),
        _Col("deleted", N_("Fields", "Deleted"), "replace(substr(e.deleted_at, 1, 16), 'T', ' ')", None),
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


def _from(kind: str, *sql: str) -> str:
    """The tables a query over `kind` reads; the kind's own table only when `sql` uses it."""
    if kind == TRASH or not any("k." in s for s in sql):
        return "entity e"
    return f"entity e JOIN {kind} k ON k.id = e.id"


def _where(kind: str, text: str, trash: bool) -> tuple[str, dict[str, object]]:
    params: dict[str, object] = {}
    if kind == TRASH:
        clauses = ["e.deleted_at IS NOT NULL"]
    else:
        params["kind"] = kind
        clauses = ["e.kind = :kind", "e.deleted_at IS NOT NULL" if trash else "e.deleted_at IS NULL"]
    needle = text.strip()
    if needle:
        params["q"] = like_contains(needle)
        matches = [
            f"e.name {_LIKE}",
            f"e.id IN (SELECT s.id FROM entity s WHERE s.slug {_LIKE})",
            f"e.id IN (SELECT a.entity_id FROM alias a WHERE a.value {_LIKE})",
        ]
        if kind != TRASH:
            matches += [cond for c in _columns(kind) if c is not _NAME and (cond := c.condition(kind))]
        clauses.append("(" + " OR ".join(matches) + ")")
    return " AND ".join(clauses), params


def _order(kind: str, sort: str, descending: bool) -> str:
    by = next((c for c in _columns(kind) if c.key == sort), None)
    if by is None:
        raise BadQuery(f"cannot sort {kind} by {sort!r}")
    direction = "DESC" if descending else "ASC"
    if kind == TRASH and sort == "deleted":
        return f"e.deleted_at {direction}, e.id"
    order = f"{by.sql} COLLATE NOCASE {direction}"
    if by is not _NAME:
        order += ", e.name COLLATE NOCASE"
    return order + ", e.id"


class EntryLists:
    """List queries for every kind (and TRASH). One instance per thread (it holds a sqlite3
    connection)."""

    CHUNK = 500  # ids per IN (...) query

    def __init__(self, db: Database) -> None:
        self._db = db

    @property
    def _conn(self) -> sqlite3.Connection:
        return self._db.read()

    def count(self, kind: str, text: str = "", *, trash: bool = False) -> int:
        where, params = _where(kind, text, trash)
        sql = f"SELECT count(*) FROM {_from(kind, where)} WHERE {where}"
        return int(self._conn.execute(sql, params).fetchone()[0])

    def counts(self) -> dict[str, int]:
        """Entries of each kind, not counting the trash."""
        rows = self._conn.execute(
            "SELECT kind, count(*) FROM entity WHERE deleted_at IS NULL GROUP BY kind"
        ).fetchall()
        found = dict(rows)
        return {key: int(found.get(key, 0)) for key in BY_KEY}

    def ids(
        self, kind: str, *, text: str = "", sort: str = "name", descending: bool = False, trash: bool = False
    ) -> list[int]:
        """Every matching entry's id, in the list's order."""
        where, params = _where(kind, text, trash)
        order = _order(kind, sort, descending)
        sql = f"SELECT e.id FROM {_from(kind, where, order)} WHERE {where} ORDER BY {order}"
        return [r[0] for r in self._conn.execute(sql, params)]

    def rows(self, kind: str, ids: Sequence[int]) -> list[Row | None]:
        """The rows of `ids`, in that order; None for an id that is no longer there."""
        cols = _columns(kind)
        select = ", ".join(c.sql for c in cols)
        found: dict[int, Row] = {}
        for start in range(0, len(ids), self.CHUNK):
            chunk = list(ids[start : start + self.CHUNK])
            marks = ",".join("?" * len(chunk))
            sql = f"SELECT e.id, e.slug, {select} FROM {_from(kind, select)} WHERE e.id IN ({marks})"
            for r in self._conn.execute(sql, chunk):
                found[r[0]] = Row(r[0], r[1], tuple("" if v is None else str(v) for v in r[2:]))
        return [found.get(i) for i in ids]

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
        where, params = _where(kind, text, trash)
        order = _order(kind, sort, descending)
        select = ", ".join(c.sql for c in cols)
        sql = (
            f"SELECT e.id, e.slug, {select} FROM {_from(kind, where, order, select)} "
            f"WHERE {where} ORDER BY {order} LIMIT :limit OFFSET :offset"
        )
        params.update(limit=limit, offset=offset)
        rows = tuple(
            Row(r[0], r[1], tuple("" if v is None else str(v) for v in r[2:]))
            for r in self._conn.execute(sql, params)
        )
        return Page(rows, offset)

    def ref(self, slug: str) -> Ref | None:
        row = self._conn.execute("SELECT id, kind, slug, name FROM entity WHERE slug = ?", (slug,)).fetchone()
        return Ref(*row) if row else None

    def ref_by_id(self, entity_id: int) -> Ref | None:
        row = self._conn.execute(
            "SELECT id, kind, slug, name FROM entity WHERE id = ?", (entity_id,)
        ).fetchone()
        return Ref(*row) if row else None
