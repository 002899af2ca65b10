"""Checking a database: is the file sound, at which schema revision, holding what — and what
that means, in plain words (`roundtable check`, Help ▸ Check database)."""

from __future__ import annotations

import contextlib
import sqlite3

from app.db import list_index, note_sort, search_index
from app.db.database import Database
from app.db.schema_version import HEAD
from app.i18n import T_, Text
from app.io.attachments import AttachmentStore, FileState
from app.paths import attachments_dir
from app.records import anchors
from app.records.data_quality import DataQuality
from app.records.duplicates import (
    NAME_AND_OTHER_NAME,
    SAME_DOI,
    SAME_ISO,
    SAME_NAME,
    SAME_URL,
    DuplicateGroup,
)
from app.records.entries import CheckReport, MissingNames
from app.records.source_checks import AttachmentProblem, QuoteProblem
from app.services import region_names
from app.services.data_quality import data_quality, data_quality_findings
from app.services.duplicates import find_duplicates
from app.services.entries import EntryLists
from app.services.kinds import BY_KEY, KINDS
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
            lists = (*list_index.problems(conn), *note_sort.problems(conn))
        except sqlite3.DatabaseError as exc:
            lists = (f"the lists' columns cannot be read: {exc}",)
    attachments: tuple[AttachmentProblem, ...] = ()
    quotes: tuple[QuoteProblem, ...] = ()
    if full:
        try:
            attachments = tuple(attachment_problems(db))
            quotes = tuple(quote_problems(conn))
        except sqlite3.DatabaseError:
            pass  # the damage is reported above
    duplicates: tuple[DuplicateGroup, ...] = ()
    if full:
        with contextlib.suppress(sqlite3.DatabaseError):  # the damage is reported above
            duplicates = tuple(find_duplicates(conn))
    missing_names: tuple[MissingNames, ...] = ()
    if full:
        with contextlib.suppress(sqlite3.DatabaseError):  # the damage is reported above
            missing_names = region_names.missing_names(conn)
    quality = DataQuality()
    if full:
        with contextlib.suppress(sqlite3.DatabaseError):  # the damage is reported above
            quality = data_quality(conn)
    return CheckReport(
        str(db.path),
        integrity,
        fk_problems,
        revision,
        HEAD,
        counts,
        index,
        lists,
        attachments,
        quotes,
        duplicates,
        missing_names,
        quality,
    )


def attachment_problems(db: Database) -> list[AttachmentProblem]:
    """The files kept for sources (in the attachments folder beside the library) that are
    missing, or whose bytes no longer have the checksum they are named by."""
    store = AttachmentStore(attachments_dir(db.path))
    rows = db.read().execute(
        "SELECT e.name, e.slug, a.filename, a.sha256, a.media_type FROM attachment a "
        "JOIN entity e ON e.id = a.source_id ORDER BY e.name, a.filename"
    )
    problems = []
    for name, slug, filename, sha256, media_type in rows:
        state = store.state(sha256, media_type)
        if state is not FileState.PRESENT:
            path = str(store.path(sha256, media_type))
            problems.append(AttachmentProblem(name, slug, filename, path, state.value))
    return problems


def quote_problems(conn: sqlite3.Connection) -> list[QuoteProblem]:
    """Citations whose quote their source's text no longer holds (its anchor is not found:
    neither where it was, nor its words anywhere), each with the passage most like it. Only
    sources with a text are looked at; each text is read once.

    Only anchored quotes count: those that were found in the text when they were cited (the
    cite form, the entry form and data files with anchors set one). A quote typed before
    sources held texts (schema 0009) was never matched, so it cannot have stopped matching;
    listing those would fail the check of every library that upgraded."""
    rows = conn.execute(
        "SELECT c.source_id, c.id, c.quote, c.quote_prefix, c.quote_suffix, c.quote_start, c.quote_end "
        "FROM citation c JOIN source s ON s.id = c.source_id "
        "WHERE c.quote IS NOT NULL AND c.quote != '' AND c.quote_start IS NOT NULL "
        "AND s.archived_text IS NOT NULL "
        "ORDER BY c.source_id, c.id"
    ).fetchall()
    problems = []
    texts: dict[int, tuple[str, str, str]] = {}
    for source_id, citation_id, quote, prefix, suffix, start, end in rows:
        if source_id not in texts:
            texts.clear()  # one text in memory at a time: they are ordered by source
            found = conn.execute(
                "SELECT e.name, e.slug, s.archived_text FROM entity e JOIN source s ON s.id = e.id "
                "WHERE e.id = ?",
                (source_id,),
            ).fetchone()
            texts[source_id] = (str(found[0]), str(found[1]), str(found[2] or ""))
        name, slug, text = texts[source_id]
        if anchors.find(text, anchors.Anchor(quote, prefix or "", suffix or "", start, end)) is not None:
            continue
        passage = anchors.nearest(text, quote)
        nearest, where, similarity = "", "", 0.0
        if passage is not None:
            nearest = " ".join(text[passage.start : passage.end].split())
            where = anchors.locator(text, passage.start)
            similarity = round(passage.similarity, 2)
        problems.append(QuoteProblem(citation_id, name, slug, quote, nearest, where, similarity))
    return problems


def reindex(db: Database, progress: Progress = NO_PROGRESS) -> int:
    """Rebuild the search index and the lists' columns, each in one transaction; returns how
    many texts the search index holds. Cancelling through `progress` keeps them as they were."""
    conn = db.read()
    list_index.rebuild(conn)
    note_sort.rebuild(conn)
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
    lines.extend(_source_findings(report))
    lines.extend(duplicate_findings(report.duplicates))
    lines.extend(region_names.missing_name_findings(report.missing_names))
    lines.extend(data_quality_findings(report.data_quality))
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


SHOWN_PROBLEMS = 20  # of each kind, in words; the JSON report lists them all


def _source_findings(report: CheckReport) -> list[Text]:
    lines: list[Text] = []
    for file in report.attachments[:SHOWN_PROBLEMS]:
        if file.state == FileState.MISSING.value:
            line = T_(
                "Checking",
                "The file {filename} of the source “{source}” is missing ({path}). Restore a backup "
                "(File ▸ Restore from backup…, or `roundtable restore`) to bring it back, or add the "
                "file to the source again.",
            )
        else:
            line = T_(
                "Checking",
                "The file {filename} of the source “{source}” has changed since it was added ({path}): "
                "its bytes no longer match its checksum. Restore a backup to bring the original back, "
                "or add the file to the source again.",
            )
        lines.append(line.format(filename=file.filename, source=file.source, path=file.path))
    for quote in report.quotes[:SHOWN_PROBLEMS]:
        if quote.nearest:
            line = T_(
                "Checking",
                "The text of “{source}” no longer holds the quote “{quote}” (citation {id}); the nearest "
                "passage ({locator}) reads “{nearest}”.",
            )
        else:
            line = T_(
                "Checking",
                "The text of “{source}” no longer holds the quote “{quote}” (citation {id}), nor "
                "anything like it.",
            )
        lines.append(
            line.format(
                source=quote.source,
                quote=_clip(quote.quote),
                id=quote.citation_id,
                locator=quote.locator,
                nearest=_clip(quote.nearest),
            )
        )
    hidden = max(0, len(report.attachments) - SHOWN_PROBLEMS) + max(0, len(report.quotes) - SHOWN_PROBLEMS)
    if hidden:
        lines.append(
            T_("Checking", "… and {count} more of these (`roundtable check --json` lists them all).").format(
                count=hidden
            )
        )
    return lines


_WHY = {
    SAME_NAME: T_("Checking", "the same name, “{value}”"),
    NAME_AND_OTHER_NAME: T_("Checking", "“{value}” as a name or other name"),
    SAME_ISO: T_("Checking", "the ISO code {value}"),
    SAME_URL: T_("Checking", "the web address {value}"),
    SAME_DOI: T_("Checking", "the DOI {value}"),
}


def duplicate_findings(groups: tuple[DuplicateGroup, ...]) -> list[Text]:
    """Entries that may be one and the same. Not problems of the file (two officials can share
    a name): they leave the check's verdict, and its exit status, as they are."""
    lines: list[Text] = []
    for group in groups[:SHOWN_PROBLEMS]:
        lines.append(
            T_(
                "Checking",
                "Possibly one and the same ({kind}, sharing {why}): {names}. Possible duplicates "
                "in the window merges them if they are.",
            ).format(
                kind=Text("Kinds", BY_KEY[group.kind].plural),
                why=_WHY[group.reason].format(value=group.value),
                names=", ".join(f"“{r.name}” ({r.slug})" for r in group.entries),
            )
        )
    if len(groups) > SHOWN_PROBLEMS:
        lines.append(
            T_(
                "Checking",
                "… and {count} more possible duplicates (`roundtable check --json` lists them all).",
            ).format(count=len(groups) - SHOWN_PROBLEMS)
        )
    return lines


def _clip(words: str, limit: int = 160) -> str:
    return words if len(words) <= limit else words[: limit - 1] + "…"
