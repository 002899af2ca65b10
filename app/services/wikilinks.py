"""[[Entry name]] and [[slug]] links in notes: finding them, resolving them to entries, keeping a
note's backlink rows (`note_link`) in step with its text, and offering link completions.

Plain sqlite3: relinking runs inside every autosave (see app/services/writing.py).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable

from app.db import search_index
from app.db.folding import fold as _fold
from app.services.dto import Ref
from app.services.note_dto import LinkCandidate

# [[target]], [[target|shown text]], [[target#heading]]
WIKILINK = re.compile(r"\[\[([^\[\]|#\n]+)(?:#([^\[\]|\n]*))?(?:\|([^\[\]\n]*))?\]\]")


def targets(body: str) -> list[str]:
    """The link targets in `body`, in order, without duplicates."""
    seen: dict[str, None] = {}
    for match in WIKILINK.finditer(body):
        seen.setdefault(match.group(1).strip(), None)
    return [t for t in seen if t]


def fold(text: str) -> str:
    """The form two names are compared in — search's fold (case, accents, width; 'VIỆT NAM',
    'Việt Nam' and 'Viet Nam' match) — without surrounding spaces. The database side uses the
    same function, registered on every connection (app/db/connection.py)."""
    return _fold(text).strip()


def _placeholders(n: int) -> str:
    return ", ".join("?" * n)


def resolve_all(conn: sqlite3.Connection, names: Iterable[str]) -> dict[str, Ref | None]:
    """The entry each link target names: by slug, then by name, then by alias (names and
    aliases compared folded, in any script). Live entries win over entries in the trash; among
    equals the oldest entry wins, so a link keeps pointing where it pointed."""
    wanted = [n for n in dict.fromkeys(names) if n]
    found: dict[str, Ref | None] = dict.fromkeys(wanted)
    if not wanted:
        return found
    folded = {n: fold(n) for n in wanted}
    slugs = sorted(set(wanted) | set(folded.values()))
    by_slug = {
        row[2]: Ref(*row)
        for row in conn.execute(
            f"SELECT id, kind, slug, name FROM entity WHERE slug IN ({_placeholders(len(slugs))})", slugs
        )
    }
    for n in wanted:
        found[n] = by_slug.get(n) or by_slug.get(folded[n])
    keys = sorted({folded[n] for n in wanted if found[n] is None})
    if not keys:
        return found
    first = _by_folded_name(conn, keys)
    for n in wanted:
        if found[n] is None:
            found[n] = first.get(folded[n])
    return found


def _by_folded_name(conn: sqlite3.Connection, keys: list[str]) -> dict[str, Ref]:
    """The entry each folded key names, looked up in the search index's names (its documents
    hold each name and alias folded, and an index covers them): a few index reads, where
    folding all names and aliases again cost every autosave 200 ms at 100,000 entries. A name
    wins over an alias, a live entry over one in the trash, then the oldest."""
    docs = conn.execute(
        f"SELECT text, id FROM search_doc WHERE text IN ({_placeholders(len(keys))}) "
        f"AND {search_index.CODE_SQL.format(id='id')} < {search_index.NAME_FIELDS_END}",
        [key + search_index.END for key in keys],
    ).fetchall()
    entity_of: dict[int, tuple[str, int, int]] = {}  # doc -> (key, rank of the field, alias id)
    aliases: list[int] = []
    for text, doc in docs:
        field = search_index.field_of(doc).key
        key = text.removesuffix(search_index.END)
        if field == "name":
            entity_of[doc] = (key, 0, search_index.row_of(doc))
        elif field == "alias":
            aliases.append(search_index.row_of(doc))
            entity_of[doc] = (key, 1, search_index.row_of(doc))
    alias_entity = dict(
        conn.execute(
            f"SELECT id, entity_id FROM alias WHERE id IN ({_placeholders(len(aliases))})", aliases
        ).fetchall()
    )
    candidates: list[tuple[str, int, int, int]] = []  # (key, field rank, entity id, alias id)
    for key, rank, row in entity_of.values():
        entity = row if rank == 0 else alias_entity.get(row)
        if entity is not None:
            candidates.append((key, rank, entity, row if rank else 0))
    ids = sorted({c[2] for c in candidates})
    entities = {
        row[0]: (row[4], Ref(*row[:4]))
        for row in conn.execute(
            f"SELECT id, kind, slug, name, deleted_at IS NOT NULL FROM entity WHERE id IN ({_placeholders(len(ids))})",
            ids,
        )
    }
    ranked = sorted(
        (key, rank, entities[entity][0], entity, alias)
        for key, rank, entity, alias in candidates
        if entity in entities
    )
    first: dict[str, Ref] = {}
    for key, _rank, _trashed, entity, _alias in ranked:
        first.setdefault(key, entities[entity][1])
    return first


def resolve(conn: sqlite3.Connection, target: str) -> int | None:
    """The id of the entry one link target names (see resolve_all), or None."""
    ref = resolve_all(conn, [target]).get(target)
    return ref.id if ref is not None else None


def relink(conn: sqlite3.Connection, note_id: int, body: str) -> tuple[set[int], set[int]]:
    """Make the note's backlink rows match the links in its body; return the entry ids linked
    before and after. Run it inside the transaction that writes the body."""
    before = {r[0] for r in conn.execute("SELECT entity_id FROM note_link WHERE note_id = ?", (note_id,))}
    after = {ref.id for ref in resolve_all(conn, targets(body)).values() if ref is not None}
    gone = before - after
    if gone:
        conn.executemany(
            "DELETE FROM note_link WHERE note_id = ? AND entity_id = ?", [(note_id, e) for e in gone]
        )
    new = after - before
    if new:
        conn.executemany(
            "INSERT INTO note_link (note_id, entity_id) VALUES (?, ?)", [(note_id, e) for e in sorted(new)]
        )
    return before, after


def candidates(conn: sqlite3.Connection) -> tuple[LinkCandidate, ...]:
    """Everything a [[link]] may name, for completion: each live entry's name, slug and aliases."""
    rows = conn.execute(
        "SELECT e.name, e.slug, e.name, e.kind FROM entity e WHERE e.deleted_at IS NULL "
        "UNION SELECT e.slug, e.slug, e.name, e.kind FROM entity e WHERE e.deleted_at IS NULL "
        "UNION SELECT a.value, e.slug, e.name, e.kind FROM alias a JOIN entity e ON e.id = a.entity_id "
        "WHERE e.deleted_at IS NULL "
        "ORDER BY 1 COLLATE NOCASE, 2"
    ).fetchall()
    return tuple(LinkCandidate(*r) for r in rows)
