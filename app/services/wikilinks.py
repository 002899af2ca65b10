"""[[Entry name]] and [[slug]] links in notes: finding them and resolving them to entries."""

from __future__ import annotations

import re
import sqlite3

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db import models as m

# [[target]], [[target|shown text]], [[target#heading]]
WIKILINK = re.compile(r"\[\[([^\[\]|#\n]+)(?:#[^\[\]|\n]*)?(?:\|[^\[\]\n]*)?\]\]")


def targets(body: str) -> list[str]:
    """The link targets in `body`, in order, without duplicates."""
    seen: dict[str, None] = {}
    for match in WIKILINK.finditer(body):
        seen.setdefault(match.group(1).strip(), None)
    return [t for t in seen if t]


def resolve(session: Session, target: str) -> int | None:
    """The entry a link names: by slug, then by name (any case), then by alias."""
    found = session.scalar(select(m.Entity.id).where(m.Entity.slug == target))
    if found is None:
        found = session.scalar(
            select(m.Entity.id)
            .where(func.lower(m.Entity.name) == target.lower())
            .order_by(m.Entity.id)
            .limit(1)
        )
    if found is None:
        found = session.scalar(
            select(m.Alias.entity_id).where(m.Alias.value == target).order_by(m.Alias.id).limit(1)
        )
    return found


# `resolve` for plain sqlite3 readers (export runs on a worker's own connection, without the
# ORM): the same three steps, the name compared exactly as above (SQL lower() of the name
# against Python's lower() of the target).
_RESOLVE_SQL = """
SELECT id FROM (
  SELECT id, 0 AS step, 0 AS n FROM entity WHERE slug = :t
  UNION ALL SELECT id, 1, id FROM entity WHERE lower(name) = :lowered
  UNION ALL SELECT entity_id, 2, id FROM alias WHERE value = :t
) ORDER BY step, n LIMIT 1
"""


def resolve_with(conn: sqlite3.Connection, target: str) -> int | None:
    """What `resolve` finds, on a plain sqlite3 connection."""
    row = conn.execute(_RESOLVE_SQL, {"t": target, "lowered": target.lower()}).fetchone()
    return int(row[0]) if row else None


def relink(session: Session, note_id: int, body: str) -> None:
    """Make the note's backlink rows match the links in its body."""
    session.query(m.NoteLink).filter(m.NoteLink.note_id == note_id).delete()
    ids = {eid for t in targets(body) if (eid := resolve(session, t)) is not None}
    session.add_all(m.NoteLink(note_id=note_id, entity_id=eid) for eid in sorted(ids))
