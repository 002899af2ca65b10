"""Lists of entries: the columns each kind shows, filtered, sorted and paged in SQL.

Reads use the plain sqlite3 connection of `Database.read()`: the first page of a list is one
LIMIT query and needs no ORM (DESIGN.md, start-up path).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from app.db.database import Database
from app.services.dto import Column, Page, Ref, Row
from app.services.kinds import BY_KEY
from app.services.sqltext import like_contains

# The title of a person's latest known mandate (by as-of or start date).
_LATEST_ROLE = (
    "(SELECT {col} FROM role r WHERE r.person_id = e.id "
    "ORDER BY coalesce(r.as_of, r.start_date, '') DESC, r.id LIMIT 1)"
)
_NAME_OF = "(SELECT x.name FROM entity x WHERE x.id = {ref})"
_ASEAN_STATUS = (
    "coalesce((SELECT m.status || coalesce(' since ' || m.start_date, '') FROM membership m "
    "JOIN organization o ON o.id = m.organization_id WHERE m.member_id = e.id "
    "AND o.abbreviation = 'ASEAN' AND m.end_date IS NULL ORDER BY m.start_date DESC LIMIT 1), '')"
)


@dataclass(frozen=True)
class _Col:
    key: str
    header: str
    sql: str  # an expression over `e` (entity) and `k` (the kind's table)


_NAME = _Col("name", "Name", "e.name")

LIST_COLUMNS: dict[str, tuple[_Col, ...]] = {
    "person": (
        _NAME,
        _Col("title", "Title as stated", "coalesce(" + _LATEST_ROLE.format(col="r.title") + ", '')"),
        _Col(
            "organization",
            "Organization",
            "coalesce(" + _NAME_OF.format(ref=_LATEST_ROLE.format(col="r.organization_id")) + ", '')",
        ),
        _Col("country", "Country", "coalesce(" + _NAME_OF.format(ref="k.country_id") + ", '')"),
    ),
    "country": (
        _NAME,
        _Col("iso", "ISO code", "k.iso_alpha2"),
        _Col("asean", "ASEAN membership", _ASEAN_STATUS),
        _Col(
            "officials",
            "Officials",
            "(SELECT count(*) FROM person p JOIN entity pe ON pe.id = p.id "
            "WHERE p.country_id = e.id AND pe.deleted_at IS NULL)",
        ),
        _Col(
            "initiatives",
            "Initiatives",
            "(SELECT count(DISTINCT ip.initiative_id) FROM initiative_party ip "
            "JOIN entity ie ON ie.id = ip.initiative_id "
            "WHERE ip.entity_id = e.id AND ie.deleted_at IS NULL)",
        ),
    ),
    "organization": (
        _NAME,
        _Col("abbreviation", "Abbreviation", "coalesce(k.abbreviation, '')"),
        _Col("org_kind", "Kind", "coalesce(k.org_kind, '')"),
        _Col("country", "Country", "coalesce(" + _NAME_OF.format(ref="k.country_id") + ", '')"),
    ),
    "initiative": (
        _NAME,
        _Col("initiative_kind", "Kind", "coalesce(k.initiative_kind, '')"),
        _Col(
            "parties",
            "Parties",
            "coalesce((SELECT group_concat(pe.name, ', ') FROM initiative_party ip "
            "JOIN entity pe ON pe.id = ip.entity_id WHERE ip.initiative_id = e.id "
            "AND pe.deleted_at IS NULL), '')",
        ),
        _Col(
            "announced_at",
            "Announced at",
            "coalesce(" + _NAME_OF.format(ref="k.announced_at_id") + ", '')",
        ),
        _Col("status", "Status", "coalesce(k.status, '')"),
    ),
    "event": (
        _NAME,
        _Col(
            "dates",
            "Dates",
            "coalesce(k.start_date || CASE WHEN k.end_date IS NOT NULL AND k.end_date != k.start_date "
            "THEN ' – ' || k.end_date ELSE '' END, '')",
        ),
        _Col("place", "Place", "coalesce(k.place, '')"),
        _Col("part_of", "Part of", "coalesce(" + _NAME_OF.format(ref="k.part_of_id") + ", '')"),
    ),
    "source": (
        _NAME,
        _Col("publisher", "Publisher", "coalesce(k.publisher, '')"),
        _Col("published", "Published", "coalesce(k.published, '')"),
        _Col("reliability", "Reliability", "k.reliability"),
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


def _where(kind: str, text: str, trash: bool) -> tuple[str, dict[str, object]]:
    params: dict[str, object] = {"kind": kind}
    clauses = ["e.kind = :kind", "e.deleted_at IS NOT NULL" if trash else "e.deleted_at IS NULL"]
    needle = text.strip()
    if needle:
        params["q"] = like_contains(needle)
        shown = " OR ".join(f"{c.sql} LIKE :q ESCAPE '\\'" for c in _columns(kind) if c is not _NAME)
        clauses.append(
            "(e.name LIKE :q ESCAPE '\\' OR e.slug LIKE :q ESCAPE '\\' "
            "OR EXISTS (SELECT 1 FROM alias a WHERE a.entity_id = e.id AND a.value LIKE :q ESCAPE '\\')"
            + (f" OR {shown}" if shown else "")
            + ")"
        )
    return " AND ".join(clauses), params


class EntryLists:
    """List queries for every kind. One instance per thread (it holds a sqlite3 connection)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    @property
    def _conn(self) -> sqlite3.Connection:
        return self._db.read()

    def count(self, kind: str, text: str = "", *, trash: bool = False) -> int:
        where, params = _where(kind, text, trash)
        sql = f"SELECT count(*) FROM entity e JOIN {kind} k ON k.id = e.id WHERE {where}"
        return int(self._conn.execute(sql, params).fetchone()[0])

    def counts(self) -> dict[str, int]:
        """Entries of each kind, not counting the trash."""
        rows = self._conn.execute(
            "SELECT kind, count(*) FROM entity WHERE deleted_at IS NULL GROUP BY kind"
        ).fetchall()
        found = dict(rows)
        return {key: int(found.get(key, 0)) for key in BY_KEY}

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
        by = next((c for c in cols if c.key == sort), None)
        if by is None:
            raise BadQuery(f"cannot sort {kind} by {sort!r}")
        where, params = _where(kind, text, trash)
        direction = "DESC" if descending else "ASC"
        order = f"{by.sql} COLLATE NOCASE {direction}"
        if by is not _NAME:
            order += ", e.name COLLATE NOCASE"
        select = ", ".join(f"{c.sql}" for c in cols)
        sql = (
            f"SELECT e.id, e.slug, {select} FROM entity e JOIN {kind} k ON k.id = e.id "
            f"WHERE {where} ORDER BY {order}, e.id LIMIT :limit OFFSET :offset"
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
