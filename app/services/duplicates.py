"""Likely duplicates: live entries of one kind that share a name or other name (folded as search
folds: case, accents, width), a country's ISO code, or a source's web address or DOI. Listed by
`roundtable check` and the Possible duplicates view, and joined by app/services/merge.py.

Names are compared through the search index's documents, which hold every name and other name
already folded, with an index over them in text order: one sweep of that index groups equal
texts, instead of folding 200,000 names again. Sources' addresses are few and are compared in
Python (a web address's path keeps its case, which SQL's lower() would not).
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator
from urllib.parse import urlsplit, urlunsplit

from app.db import search_index
from app.records.duplicates import (
    NAME_AND_OTHER_NAME,
    SAME_DOI,
    SAME_ISO,
    SAME_NAME,
    SAME_URL,
    DuplicateGroup,
)
from app.records.entries import Ref
from app.services.kinds import KINDS

_NAME = search_index.CODE["name"]
_ALIAS = search_index.CODE["alias"]
_CHUNK = 500  # ids per IN (...) list
_KIND_ORDER = {k.key: n for n, k in enumerate(KINDS)}


def normal_url(url: str) -> str:
    """A web address as two that lead to the same page compare: scheme and host in lower case,
    without a final slash ('HTTPS://Example.org/a/' and 'https://example.org/a' are one)."""
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:  # a malformed address (an unclosed '[' in its host) is compared as written
        return url.rstrip("/")
    if not parts.scheme or not parts.netloc:
        return url.rstrip("/")
    return urlunsplit(
        (parts.scheme.lower(), parts.netloc.lower(), parts.path.rstrip("/"), parts.query, parts.fragment)
    )


def normal_doi(doi: str) -> str:
    doi = doi.strip().lower()
    for prefix in (
        "https://doi.org/",
        "http://doi.org/",
        "https://dx.doi.org/",
        "http://dx.doi.org/",
        "doi:",
    ):
        if doi.startswith(prefix):
            return doi[len(prefix) :].strip()
    return doi


def _chunks(ids: list[int]) -> Iterator[list[int]]:
    for at in range(0, len(ids), _CHUNK):
        yield ids[at : at + _CHUNK]


def _live(conn: sqlite3.Connection, ids: Iterable[int]) -> dict[int, Ref]:
    """The entries of `ids` that are not in the Trash."""
    wanted = sorted(set(ids))
    found: dict[int, Ref] = {}
    for chunk in _chunks(wanted):
        for row in conn.execute(
            f"SELECT id, kind, slug, name FROM entity WHERE id IN ({', '.join('?' * len(chunk))}) "
            "AND deleted_at IS NULL",
            chunk,
        ):
            found[row[0]] = Ref(*row)
    return found


def _by_names(conn: sqlite3.Connection) -> list[DuplicateGroup]:
    code = search_index.CODE_SQL.format(id="id")
    names = f"{code} < {search_index.NAME_FIELDS_END}"  # the condition of the names' index
    # One sweep of the names' index groups equal texts (those of note titles, abbreviations and
    # official names too, left out below: filtering them here, or gathering the ids in the same
    # sweep, made it twice as slow); then the few texts found, by the same index.
    texts = [
        str(r[0])
        for r in conn.execute(f"SELECT text FROM search_doc WHERE {names} GROUP BY text HAVING count(*) > 1")
    ]
    if not texts:
        return []
    docs_of: dict[str, list[int]] = defaultdict(list)
    for at in range(0, len(texts), _CHUNK):
        chunk = texts[at : at + _CHUNK]
        for text, doc in conn.execute(
            f"SELECT text, id FROM search_doc WHERE text IN ({', '.join('?' * len(chunk))}) AND {names} "
            f"AND {code} IN ({_NAME}, {_ALIAS})",
            chunk,
        ):
            docs_of[str(text)].append(int(doc))
    shared = [(t, docs) for t, docs in docs_of.items() if len(docs) > 1]
    alias_ids = [
        search_index.row_of(d) for _t, docs in shared for d in docs if search_index.field_of(d).code == _ALIAS
    ]
    aliases: dict[int, tuple[int, str]] = {}
    for ids in _chunks(sorted(set(alias_ids))):
        for alias_id, entity_id, value in conn.execute(
            f"SELECT id, entity_id, value FROM alias WHERE id IN ({', '.join('?' * len(ids))})", ids
        ):
            aliases[alias_id] = (entity_id, value)
    # Each shared text: (entry, how it is named there: (is an other name, as written)).
    named: list[list[tuple[int, bool, str]]] = []
    for _text, docs in shared:
        found = []
        for doc in docs:
            row = search_index.row_of(doc)
            if search_index.field_of(doc).code == _NAME:
                found.append((row, False, ""))
            elif row in aliases:
                entity_id, value = aliases[row]
                found.append((entity_id, True, value))
        if len({entity for entity, _a, _v in found}) > 1:
            named.append(found)
    refs = _live(conn, (entity for found in named for entity, _a, _v in found))
    groups = []
    for found in named:
        by_kind: dict[str, dict[int, tuple[bool, str]]] = defaultdict(dict)
        for entity, is_alias, value in found:
            ref = refs.get(entity)
            if ref is None:
                continue
            # An entry named so both ways counts by its name.
            if entity not in by_kind[ref.kind] or not is_alias:
                by_kind[ref.kind][entity] = (is_alias, value or ref.name)
        for kind, entries in by_kind.items():
            if len(entries) < 2:
                continue
            ids = sorted(entries)
            reason = SAME_NAME if not any(a for a, _v in entries.values()) else NAME_AND_OTHER_NAME
            first_name = next((v for a, v in (entries[i] for i in ids) if not a), entries[ids[0]][1])
            groups.append(DuplicateGroup(kind, reason, first_name, tuple(refs[i] for i in ids)))
    return groups


def _by_codes(conn: sqlite3.Connection) -> list[DuplicateGroup]:
    """Countries sharing an ISO code. (The alpha-2 code is unique in the database itself.)"""
    groups = []
    for column in ("iso_alpha3", "iso_numeric"):
        rows = conn.execute(
            f"SELECT upper(trim(c.{column})), group_concat(c.id) FROM country c "
            "JOIN entity e ON e.id = c.id WHERE e.deleted_at IS NULL AND trim(coalesce(c."
            f"{column}, '')) != '' GROUP BY upper(trim(c.{column})) HAVING count(*) > 1"
        ).fetchall()
        for code, ids in rows:
            refs = _live(conn, (int(i) for i in str(ids).split(",")))
            groups.append(
                DuplicateGroup("country", SAME_ISO, str(code), tuple(refs[i] for i in sorted(refs)))
            )
    return groups


def _by_addresses(conn: sqlite3.Connection) -> list[DuplicateGroup]:
    urls: dict[str, list[tuple[int, str]]] = defaultdict(list)
    dois: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for entity_id, url, doi in conn.execute(
        "SELECT s.id, s.url, s.doi FROM source s JOIN entity e ON e.id = s.id "
        "WHERE e.deleted_at IS NULL AND (s.url IS NOT NULL OR s.doi IS NOT NULL)"
    ):
        if url and url.strip():
            urls[normal_url(url)].append((entity_id, url))
        if doi and doi.strip():
            dois[normal_doi(doi)].append((entity_id, doi))
    groups = []
    for reason, shared in ((SAME_URL, urls), (SAME_DOI, dois)):
        for found in shared.values():
            if len(found) < 2:
                continue
            refs = _live(conn, (entity for entity, _v in found))
            first = min(found)[1]
            groups.append(DuplicateGroup("source", reason, first, tuple(refs[i] for i in sorted(refs))))
    return groups


def find_duplicates(conn: sqlite3.Connection) -> list[DuplicateGroup]:
    """Every group of likely duplicates, by kind (the sidebar's order), then by what they share.
    A set of entries found for several reasons is listed once, for the first: name, other name,
    ISO code, web address, DOI."""
    found = _by_names(conn) + _by_codes(conn) + _by_addresses(conn)
    order = (SAME_NAME, NAME_AND_OTHER_NAME, SAME_ISO, SAME_URL, SAME_DOI)
    found.sort(key=lambda g: (_KIND_ORDER.get(g.kind, 99), order.index(g.reason), g.value.casefold()))
    seen: set[frozenset[int]] = set()
    groups = []
    for group in found:
        ids = frozenset(r.id for r in group.entries)
        if ids in seen:
            continue
        seen.add(ids)
        groups.append(group)
    return groups
