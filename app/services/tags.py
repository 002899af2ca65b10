"""Tags on notes and entries. A '/' nests them: 'policy/ethics' is under 'policy', and a tag's
count includes everything tagged with a tag under it (a parent exists as soon as a child does).

Tags match whatever case they were first written in ('Policy' joins an existing 'policy', and
'Policy/data' goes under it);
a tag nothing carries any more is removed.
"""

from __future__ import annotations

import re
import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING

from app.db.database import Database
from app.i18n import T_, Explained
from app.records.entries import Ref
from app.services.sqltext import like_escape
from app.services.writing import Writer

# The notes' records load with the first count: the window's start (bulk actions) needs none.
if TYPE_CHECKING:
    from app.records.notes import TagCount

MAX_TAG = 100
_SPACES = re.compile(r"\s+")


class BadTag(Explained, ValueError):
    """A tag that cannot be stored; the message says why in plain words."""


def normalize_tag(text: str) -> str:
    """' #Policy / ethics ' -> 'Policy/ethics'. Raises BadTag for what cannot be a tag."""
    raw = text.strip().lstrip("#").strip()
    parts = [_SPACES.sub(" ", p.strip()) for p in raw.split("/")]
    parts = [p for p in parts if p]
    name = "/".join(parts)
    if not name:
        raise BadTag(
            T_("Tags", "“{text}” is not a tag: it has no letters or digits.").format(text=text.strip())
        )
    if "," in name:
        raise BadTag(
            T_("Tags", "“{name}”: a tag cannot contain a comma (commas separate tags).").format(name=name)
        )
    if len(name) > MAX_TAG:
        raise BadTag(
            T_("Tags", "{start}…: a tag can be at most {limit} characters long.").format(
                start=name[:20], limit=MAX_TAG
            )
        )
    return name


def parse_tags(text: str) -> tuple[str, ...]:
    """Tags typed in one line, separated by commas: normalized, duplicates (any case) dropped."""
    seen: dict[str, str] = {}
    for piece in text.split(","):
        if piece.strip():
            name = normalize_tag(piece)
            seen.setdefault(name.casefold(), name)
    return tuple(seen.values())


def ancestors(name: str) -> list[str]:
    """'a/b/c' -> ['a', 'a/b', 'a/b/c']."""
    parts = name.split("/")
    return ["/".join(parts[: i + 1]) for i in range(len(parts))]


def tag_sort_key(name: str) -> tuple[str, ...]:
    # Segment by segment, so 'policy/ethics' follows 'policy' and precedes 'policy-x'.
    return tuple(p.casefold() for p in name.split("/"))


def tag_ids(conn: sqlite3.Connection, names: Iterable[str]) -> list[int]:
    """Ids of the tags called `names` (already normalized), creating the missing ones. Call it
    inside a write transaction."""
    rows = conn.execute("SELECT id, name FROM tag").fetchall()
    existing = {name.casefold(): tid for tid, name in rows}
    # Parents too: 'People/ministers' goes under an existing 'people', not beside it.
    spelled = {a.casefold(): a for _tid, name in rows for a in ancestors(name)}
    ids: list[int] = []
    for name in names:
        tid = existing.get(name.casefold())
        if tid is None:
            parts = name.split("/")
            for i in range(len(parts) - 1, 0, -1):
                above = spelled.get("/".join(parts[:i]).casefold())
                if above is not None:
                    name = "/".join([above, *parts[i:]])
                    break
            cur = conn.execute("INSERT INTO tag (name) VALUES (?)", (name,))
            tid = int(cur.lastrowid or 0)
            existing[name.casefold()] = tid
            spelled.update({a.casefold(): a for a in ancestors(name)})
        if tid not in ids:
            ids.append(tid)
    return ids


def drop_unused_tags(conn: sqlite3.Connection) -> None:
    conn.execute(
        "DELETE FROM tag WHERE id NOT IN (SELECT tag_id FROM note_tag) "
        "AND id NOT IN (SELECT tag_id FROM entity_tag)"
    )


def write_entry_tags(conn: sqlite3.Connection, entity_id: int, names: Iterable[str]) -> None:
    """Give the entry exactly these (normalized) tags. Call it inside a write transaction."""
    ids = tag_ids(conn, names)
    conn.execute("DELETE FROM entity_tag WHERE entity_id = ?", (entity_id,))
    conn.executemany(
        "INSERT INTO entity_tag (entity_id, tag_id) VALUES (?, ?)", [(entity_id, t) for t in ids]
    )
    drop_unused_tags(conn)


class Tags:
    """Tag reads for views and completion, and tag writes on entries (note tags: app.services.notes)."""

    def __init__(self, db: Database, writer: Writer | None = None) -> None:
        self._db = db
        self._writer = writer or Writer(db)

    @property
    def _conn(self) -> sqlite3.Connection:
        return self._db.read()

    def counts(self) -> tuple[TagCount, ...]:
        """Every tag, parents included, with live notes and entries counted once each."""
        from app.records.notes import TagCount

        notes: dict[str, set[int]] = defaultdict(set)
        entries: dict[str, set[int]] = defaultdict(set)
        for name, note_id in self._conn.execute(
            "SELECT t.name, nt.note_id FROM note_tag nt JOIN tag t ON t.id = nt.tag_id "
            "JOIN note n ON n.id = nt.note_id WHERE n.deleted_at IS NULL"
        ):
            for tag in ancestors(name):
                notes[tag].add(note_id)
        for name, entity_id in self._conn.execute(
            "SELECT t.name, et.entity_id FROM entity_tag et JOIN tag t ON t.id = et.tag_id "
            "JOIN entity e ON e.id = et.entity_id WHERE e.deleted_at IS NULL"
        ):
            for tag in ancestors(name):
                entries[tag].add(entity_id)
        names = sorted(set(notes) | set(entries), key=tag_sort_key)
        return tuple(TagCount(n, len(notes.get(n, ())), len(entries.get(n, ()))) for n in names)

    def stored(self) -> tuple[str, ...]:
        """The tags as stored (no parents of their own), by name."""
        return tuple(name for (name,) in self._conn.execute("SELECT name FROM tag ORDER BY name"))

    def names(self) -> tuple[str, ...]:
        """Every tag and every parent of one, for completion."""
        found = {a for (name,) in self._conn.execute("SELECT name FROM tag") for a in ancestors(name)}
        return tuple(sorted(found, key=tag_sort_key))

    def of_entry(self, entity_id: int) -> tuple[str, ...]:
        rows = self._conn.execute(
            "SELECT t.name FROM entity_tag et JOIN tag t ON t.id = et.tag_id WHERE et.entity_id = ?",
            (entity_id,),
        )
        return tuple(sorted((r[0] for r in rows), key=tag_sort_key))

    def entries_tagged(self, name: str) -> tuple[Ref, ...]:
        """Live entries carrying `name` or a tag nested under it, by name."""
        rows = self._conn.execute(
            "SELECT DISTINCT e.id, e.kind, e.slug, e.name FROM entity_tag et "
            "JOIN tag t ON t.id = et.tag_id JOIN entity e ON e.id = et.entity_id "
            "WHERE e.deleted_at IS NULL AND (t.name = ? COLLATE NOCASE OR t.name LIKE ? ESCAPE '\\') "
            "ORDER BY e.name COLLATE NOCASE, e.id",
            (name, f"{like_escape(name)}/%"),
        )
        return tuple(Ref(*r) for r in rows)

    def set_entry_tags(self, entity_id: int, names: Iterable[str]) -> tuple[str, ...]:
        """Give the entry exactly these tags (normalized first; BadTag for one that cannot be)."""
        wanted = [normalize_tag(n) for n in names]
        with self._writer.transaction() as conn:
            if conn.execute("SELECT 1 FROM entity WHERE id = ?", (entity_id,)).fetchone() is None:
                raise LookupError(f"There is no entry with id {entity_id}.")
            write_entry_tags(conn, entity_id, wanted)
        return self.of_entry(entity_id)
