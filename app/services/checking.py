"""Checking a database: is the file sound, at which schema revision, holding what — and what
that means, in plain words (`roundtable check`, Help ▸ Check database)."""

from __future__ import annotations

import sqlite3

from app.db import list_index, search_index
from app.db.database import Database
from app.db.schema_version import HEAD
from app.i18n import T_, Text
from app.records.entries import CheckReport
from app.services.entries import EntryLists
from app.services.kinds import KINDS
from app.services.progress import NO_PROGRESS, Progress


def check(db: Database, *, full: bool = True) -> CheckReport:
    """Run SQLite's integrity (or quick) check and foreign-key check, and count what is there.

    Reads only. On a damaged file the counts that cannot be read are left out."""
    conn = db.read()
    pragma = "integrity_check" if full else "quick_check"
    try:
        integrity = tuple(str(r[0]) for r in conn.execute(f"PRAGMA {pragma}"))
    except sqlite3.DatabaseError as exc:
        integrity = (f"the file cannot be read: {exc}",)
    try:
        fk_problems = len(conn.execute("PRAGMA foreign_key_check").fetchall())
    except sqlite3.DatabaseError:
        fk_problems = -1
    counts: dict[str, int] = {}
    try:
        per_kind = EntryLists(db).counts()
        counts = {k.plural.lower(): per_kind[k.key] for k in KINDS}
        for label, table, where in (
            ("notes", "note", "deleted_at IS NULL"),
            ("citations", "citation", "1"),
            ("statements", "statement", "1"),
            ("in trash", "entity", "deleted_at IS NOT NULL"),
        ):
            counts[label] = int(conn.execute(f"SELECT count(*) FROM {table} WHERE {where}").fetchone()[0])
    except sqlite3.DatabaseError:
        pass
    try:
        revision = db.schema_revision()
    except sqlite3.DatabaseError:
        revision = None
    index: tuple[str, ...] = ()
    lists: tuple[str, ...] = ()
    if full:  # re-folds every text: seconds on a large library, so only in the full check
        try:
            index = tuple(search_index.problems(conn))
        except sqlite3.DatabaseError as exc:
            index = (f"the search index cannot be read: {exc}",)
        try:
            lists = tuple(list_index.problems(conn))
        except sqlite3.DatabaseError as exc:
            lists = (f"the lists' columns cannot be read: {exc}",)
    return CheckReport(str(db.path), integrity, fk_problems, revision, HEAD, counts, index, lists)


def reindex(db: Database, progress: Progress = NO_PROGRESS) -> int:
    """Rebuild the search index and the lists' columns, each in one transaction; returns how
    many texts the search index holds. Cancelling through `progress` keeps them as they were."""
    conn = db.read()
    list_index.rebuild(conn)
    return search_index.rebuild(conn, progress.step)


def findings(report: CheckReport) -> list[Text]:
    """What the check found, as sentences a researcher can act on."""
    lines = []
    if report.integrity == ("ok",):
        lines.append(
            T_("Checking", "The file is sound: SQLite read every page and index and found nothing wrong.")
        )
    else:
        n = len(report.integrity)
        damaged = (
            T_(
                "Checking",
                "The file is damaged: SQLite found a problem in its structure ({first}). Restore a "
                "backup (File ▸ Restore from backup…, or `roundtable restore`); Roundtable keeps the "
                "damaged file.",
            )
            if n == 1
            else T_(
                "Checking",
                "The file is damaged: SQLite found {count} problems in its structure (the first: "
                "{first}). Restore a backup (File ▸ Restore from backup…, or `roundtable restore`); "
                "Roundtable keeps the damaged file.",
            )
        )
        lines.append(damaged.format(count=n, first=report.integrity[0]))
    if report.foreign_key_problems < 0:
        lines.append(T_("Checking", "The references between entries could not be checked."))
    elif report.foreign_key_problems:
        lines.append(
            T_("Checking", "{count} references point at entries or notes that no longer exist.").format(
                count=report.foreign_key_problems
            )
        )
    else:
        lines.append(
            T_(
                "Checking",
                "Every reference between entries, notes and sources points at something that exists.",
            )
        )
    if report.schema_revision != report.head_revision:
        lines.append(
            T_("Checking", "The schema revision is {revision}, not this version's {head}.").format(
                revision=report.schema_revision or "?", head=report.head_revision
            )
        )
    if report.search_index:
        lines.append(
            T_(
                "Checking",
                "The search index does not match the library ({problems}). "
                "`roundtable check --reindex` rebuilds it.",
            ).format(problems="; ".join(report.search_index[:3]))
        )
    if report.list_index:
        lines.append(
            T_(
                "Checking",
                "The lists do not show what the library holds ({problems}). "
                "`roundtable check --reindex` rebuilds them.",
            ).format(problems="; ".join(report.list_index[:3]))
        )
    if report.counts:
        lines.append(
            T_("Checking", "It holds {entries} entries and {notes} notes.").format(
                entries=sum(v for k, v in report.counts.items() if k in _ENTRY_LABELS),
                notes=report.counts.get("notes", 0),
            )
        )
    else:
        lines.append(T_("Checking", "Its entries could not be counted."))
    return lines


_ENTRY_LABELS = {k.plural.lower() for k in KINDS}
