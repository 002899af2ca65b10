"""`roundtable check`: is the file sound, at which schema revision, holding what."""

from __future__ import annotations

from app.db import search_index
from app.db.database import Database
from app.db.schema_version import HEAD
from app.services.dto import CheckReport
from app.services.entries import EntryLists
from app.services.kinds import KINDS
from app.services.progress import NO_PROGRESS, Progress


def check(db: Database, *, full: bool = True) -> CheckReport:
    conn = db.read()
    pragma = "integrity_check" if full else "quick_check"
    integrity = tuple(str(r[0]) for r in conn.execute(f"PRAGMA {pragma}"))
    fk_problems = len(conn.execute("PRAGMA foreign_key_check").fetchall())
    per_kind = EntryLists(db).counts()
    counts = {k.plural.lower(): per_kind[k.key] for k in KINDS}
    for label, table, where in (
        ("notes", "note", "deleted_at IS NULL"),
        ("citations", "citation", "1"),
        ("statements", "statement", "1"),
        ("in trash", "entity", "deleted_at IS NOT NULL"),
    ):
        counts[label] = int(conn.execute(f"SELECT count(*) FROM {table} WHERE {where}").fetchone()[0])
    index = tuple(search_index.problems(conn))
    return CheckReport(str(db.path), integrity, fk_problems, db.schema_revision(), HEAD, counts, index)


def reindex(db: Database, progress: Progress = NO_PROGRESS) -> int:
    """Rebuild the search index in one transaction; returns how many texts it holds.
    Cancelling through `progress` keeps the index as it was."""
    return search_index.rebuild(db.read(), progress.step)
