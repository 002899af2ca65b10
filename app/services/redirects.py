"""Where a merged entry went (app/services/merge.py), so that `[[its-old-slug]]` and its name in
notes written before the merge still lead to the entry it was merged into.

Kept as rows of `meta` ('merged:<entry id>' -> {"into": survivor id, "slug": its slug}), which
needs no new table: a merge writes one per merged entry and its undo takes them away. A link
follows a redirect only while the merged entry is in the Trash (restored, it is itself again)
or, by its slug, once it was deleted for good and no other entry has taken that slug.

Plain sqlite3: link resolution runs inside every note autosave (app/services/wikilinks.py).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable

PREFIX = "merged:"
_AFTER_PREFIX = "merged;"  # the first key after every PREFIX key, for a range of the primary key
_HOPS = 20  # A merged into B, B into C ...: far more than anyone merges one entry


def key_of(entity_id: int) -> str:
    return f"{PREFIX}{entity_id}"


def record(entity_id: int, slug: str, into: int) -> tuple[str, str]:
    """The meta row (key, value) saying `entity_id` (whose slug was `slug`) went into `into`."""
    return key_of(entity_id), json.dumps({"into": into, "slug": slug}, sort_keys=True)


def _into(value: str) -> tuple[int, str] | None:
    try:
        data = json.loads(value)
        return int(data["into"]), str(data["slug"])
    except (ValueError, KeyError, TypeError):
        return None  # a row someone wrote by hand: no redirect rather than a failed autosave


def follow(conn: sqlite3.Connection, ids: Iterable[int]) -> dict[int, int]:
    """For each of `ids` that was merged into another entry and is in the Trash, the entry it
    lives on as now (following merges of merges)."""
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    out: dict[int, int] = {}
    for start in wanted:
        at, hops = start, 0
        while hops < _HOPS:
            row = conn.execute(
                "SELECT m.value FROM meta m JOIN entity e ON e.id = ? "
                "WHERE m.key = ? AND e.deleted_at IS NOT NULL",
                (at, key_of(at)),
            ).fetchone()
            target = _into(row[0]) if row is not None else None
            if target is None or target[0] == at:
                break
            at, hops = target[0], hops + 1
        if at != start:
            out[start] = at
    return out


def by_slug(conn: sqlite3.Connection, slugs: Iterable[str]) -> dict[str, int]:
    """The entry each of `slugs` was merged into, for slugs of merged entries (whatever became
    of them since). Reads the merge rows only: a library that never merged has none."""
    wanted = set(slugs)
    if not wanted:
        return {}
    found: dict[str, int] = {}
    for (value,) in conn.execute(
        "SELECT value FROM meta WHERE key >= ? AND key < ?", (PREFIX, _AFTER_PREFIX)
    ):
        target = _into(value)
        if target is not None and target[1] in wanted:
            found[target[1]] = target[0]
    return found
