"""[[Entry name]] and [[slug]] links in notes (their grammar: app/records/wikilinks.py):
resolving them to entries, keeping a note's backlink rows (`note_link`) in step with its text,
and offering link completions.

Plain sqlite3: relinking runs inside every autosave (see app/services/writing.py).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from app.db import list_index, search_index
from app.db.folding import fold as _fold
from app.records.entries import Ref
from app.records.notes import LinkCandidate
from app.records.wikilinks import targets
from app.services import redirects
from app.services.search import INSIDE, placement
from app.services.sqltext import starting_with


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
    equals the oldest entry wins, so a link keeps pointing where it pointed. A link to an entry
    merged into another (app/services/redirects.py) leads to that one."""
    return _follow_merges(conn, _resolve_all(conn, names))


def _follow_merges(conn: sqlite3.Connection, found: dict[str, Ref | None]) -> dict[str, Ref | None]:
    moved = redirects.follow(conn, (ref.id for ref in found.values() if ref is not None))
    missing = [n for n, ref in found.items() if ref is None]
    gone = redirects.by_slug(conn, [*missing, *(fold(n) for n in missing)]) if missing else {}
    if gone:
        moved.update(redirects.follow(conn, gone.values()))
    targets = sorted({*moved.values(), *gone.values()})
    if not targets:
        return found
    refs = {
        row[0]: Ref(*row)
        for row in conn.execute(
            f"SELECT id, kind, slug, name FROM entity WHERE id IN ({_placeholders(len(targets))})", targets
        )
    }
    out = dict(found)
    for n, ref in found.items():
        if ref is not None:
            out[n] = refs.get(moved.get(ref.id, ref.id), ref)
            continue
        target = gone.get(n) or gone.get(fold(n))
        if target is not None:
            out[n] = refs.get(moved.get(target, target))
    return out


def _resolve_all(conn: sqlite3.Connection, names: Iterable[str]) -> dict[str, Ref | None]:
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


# Completions offered at a time: the popup shows a dozen, and typing narrows them.
LINK_CHOICES = 40
_LINK_FIELDS = ("name", "alias")  # of the search index's names: what a [[link]] may name
_NAME_CODES = tuple(search_index.CODE[key] for key in _LINK_FIELDS)
_ENTRY_GROUPS = tuple(n for g, n in search_index.GROUP_NUMBER.items() if g != search_index.NOTE)


def completions(conn: sqlite3.Connection, typed: str, limit: int = LINK_CHOICES) -> tuple[LinkCandidate, ...]:
    """What a [[link]] being typed may name: live entries whose name, other names or slug hold
    `typed` (folded as search folds it: case, accents, width, in any script), one for each
    entry, named the way that matches best; exact matches first, then those beginning with it,
    then those with a word beginning with it, then the rest, alphabetically within each; at
    most `limit`.

    Read through the search index's names (its documents hold every name and alias folded, an
    index covers them in order, and its trigrams find the rest), never all of them: offering
    every name and alias of 100,000 entries took 18 s whenever an entry changed."""
    key = fold(typed)
    code = search_index.CODE_SQL.format(id="id")
    # Those beginning with `key`, in the order of the names' index (a partial index: the
    # query names its condition, `code < NAME_FIELDS_END`, so that SQLite reads it).
    starting = conn.execute(
        f"SELECT id FROM search_doc WHERE text >= ? AND text < ? AND {code} < {search_index.NAME_FIELDS_END} "
        f"AND {code} IN ({_placeholders(len(_NAME_CODES))}) ORDER BY text LIMIT ?",
        [*starting_with(key), *_NAME_CODES, limit * 2],
    ).fetchall()
    docs = [row[0] for row in starting]
    if key and len(docs) < limit * 2:
        docs += _docs_holding(conn, key, limit * 2 - len(docs))
    found = _candidates_of(conn, docs)
    if key.isascii():
        found += [
            LinkCandidate(*row)
            for row in conn.execute(
                "SELECT slug, slug, name, kind FROM entity WHERE slug >= ? AND slug < ? "
                "AND deleted_at IS NULL ORDER BY slug LIMIT ?",
                (*starting_with(key), limit),
            )
        ]
    # One line per entry: the way of naming it that matches best (its name before an alias,
    # an alias before its slug), and the entries in the order of those matches.
    best: dict[str, tuple[tuple[int, int, str, str], LinkCandidate]] = {}
    for c in found:
        rank = (*_match_rank(c, key), fold(c.text), c.text)
        if c.slug not in best or rank < best[c.slug][0]:
            best[c.slug] = (rank, c)
    ranked = sorted(best.values(), key=lambda pair: (pair[0], pair[1].slug))
    return tuple(c for _, c in ranked[:limit])


# How a way of naming an entry matches what is typed, best first.
_EXACT, _STARTS, _WORD, _INSIDE = range(4)


def _match_rank(c: LinkCandidate, key: str) -> tuple[int, int]:
    """(how it matches, which way of naming it is): the name is the query, begins with it, has
    a word that begins with it, or holds it inside a word; its name, an alias, its slug. A slug
    is a fallback for typing: it counts one step worse than it matches."""
    text = fold(c.text)
    source = 2 if c.text == c.slug and c.text != c.name else 0 if c.text == c.name else 1
    if text == key:
        quality = _EXACT
    elif text.startswith(key):
        quality = _STARTS
    else:
        quality = _WORD if key and placement(text, key)[0] < INSIDE else _INSIDE
    if source == 2:
        quality = min(quality + 1, _INSIDE)
    return quality, source


def _docs_holding(conn: sqlite3.Connection, key: str, limit: int) -> list[int]:
    """Name and alias documents holding `key` after their start: through the trigram index
    from three characters on, else a sweep of the names (each kind's, until enough)."""
    match = list_index.trigram_match(key)
    out: list[int] = []
    first, last = search_index.BY_CODE[min(_NAME_CODES)], search_index.BY_CODE[max(_NAME_CODES)]
    for group in _ENTRY_GROUPS:
        lo, hi = first.lo(group), last.hi(group)  # the kind's names and aliases (adjacent codes)
        if match is None:
            sql = "SELECT id FROM search_doc WHERE id >= ? AND id < ? AND instr(text, ?) > 1 LIMIT ?"
            params: list[object] = [lo, hi, key, limit - len(out)]
        else:
            sql = (
                "SELECT d.id FROM search_fts f JOIN search_doc d ON d.id = f.rowid "
                "WHERE search_fts MATCH ? AND f.rowid >= ? AND f.rowid < ? AND instr(d.text, ?) > 1 LIMIT ?"
            )
            params = [match, lo, hi, key, limit - len(out)]
        out += [row[0] for row in conn.execute(sql, params)]
        if len(out) >= limit:
            break
    return out


def _candidates_of(conn: sqlite3.Connection, docs: list[int]) -> list[LinkCandidate]:
    """The names and aliases that documents `docs` index, of entries not in the trash."""
    names = [search_index.row_of(d) for d in docs if search_index.field_of(d).key == "name"]
    aliases = [search_index.row_of(d) for d in docs if search_index.field_of(d).key == "alias"]
    found = [
        LinkCandidate(*row)
        for row in conn.execute(
            f"SELECT name, slug, name, kind FROM entity WHERE id IN ({_placeholders(len(names))}) "
            "AND deleted_at IS NULL",
            names,
        )
    ]
    found += [
        LinkCandidate(*row)
        for row in conn.execute(
            "SELECT a.value, e.slug, e.name, e.kind FROM alias a JOIN entity e ON e.id = a.entity_id "
            f"WHERE a.id IN ({_placeholders(len(aliases))}) AND e.deleted_at IS NULL",
            aliases,
        )
    ]
    return found
