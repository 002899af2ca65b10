"""Plain Markdown notes in: a folder of notes Roundtable did not write (an Obsidian or Zettlr
vault), each file a note. `roundtable import-markdown DIR` and File ▸ Import Markdown Folder….

A file becomes a standalone note, or a note on the entry its front matter names (`entry:`, as
text or as a "[[link]]"), else the entry its title, one of its `aliases` or its file name is
the name, other name or slug of (compared as links are: app/services/wikilinks.py). Its tags
are its front matter's `tags` (a list, or one line separated by commas or spaces) and the
#tags in its text (not in code; a heading's #s are no tag). Its [[links]] stay as written —
[[Name|shown]] and [[Name#heading]] included — and those that name an entry become the
note's backlinks, as a note typed in Roundtable; the others are reported with their file.

Files that are not notes are left alone: hidden files and folders (.obsidian, .trash), other
files (images, PDFs: reported as attachments, with the ![[embeds]] of them), files that are not
UTF-8 text or are larger than MAX_NOTE_BYTES (reported and skipped), and files Roundtable's
own export wrote (their notes come back with `roundtable import-notes`).

All or nothing, in one transaction, after a backup of a library that holds anything. How a
second import of the same folder duplicates nothing: each note's uid is made from the file's
path in the folder and the SHA-256 of its bytes, so a file imported before is found by it and
skipped; a file edited since comes in as a new note beside the one imported before.
"""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app import user_files
from app.clock import now_iso
from app.db.database import Database
from app.i18n import T_, Explained, Message
from app.io import frontmatter
from app.records.wikilinks import WIKILINK, links, prose
from app.services.notes import note_title
from app.services.progress import NO_PROGRESS, Cancelled, Progress
from app.services.tags import BadTag, normalize_tag, tag_ids
from app.services.wikilinks import resolve_all
from app.services.writing import Writer
from app.user_files import MB, UnreadableFile

# A note is text someone wrote: the longest novels are a few MB. A larger ".md" file is a log,
# a dump or an export of something else, and is skipped (and reported) rather than read.
MAX_NOTE_BYTES = 8 * MB
MARKDOWN_SUFFIXES = (".md", ".markdown")
_NAMESPACE = uuid.UUID("0b6f3c1e-8a51-4b7e-9c2d-5e1f7a3d9b40")
_LOOKUP_CHUNK = 500
_CHUNK = 5000

# READING, WRITING: the stages a progress display names.
READING = T_("MarkdownImport", "Reading the notes")
BACKING_UP = T_("MarkdownImport", "Backing up the library")
WRITING = T_("MarkdownImport", "Writing the notes")

# An inline #tag as Obsidian reads one: after the start of a line or a space, letters (any
# script), digits, _, - and / (nesting), at least one of them not a digit ('#2024' is no tag).
_TAG = re.compile(r"(?<![^\s(])#(?=[\w/-]*[^\W\d])([\w/-]+)")
# The [[links]] Roundtable's own export writes into every entry file: their files are its own.
_ROUNDTABLE_KINDS = frozenset(
    {"note", "official", "person", "country", "organization", "event", "initiative", "source"}
)


class NotAFolder(Explained):
    """The folder to import cannot be read; nothing was imported."""


@dataclass(frozen=True)
class Skipped:
    path: str  # in the folder, '/'-separated
    reason: Message  # (a Text the window translates)


@dataclass(frozen=True)
class Unlinked:
    path: str
    link: str  # as written, brackets included


@dataclass
class MarkdownImportReport:
    folder: str
    dry_run: bool = False
    created: list[str] = field(default_factory=list)  # files that became notes (or would)
    on_entries: int = 0  # of those, notes on an entry
    already: list[str] = field(default_factory=list)  # imported before: left as they are
    linked: int = 0  # links that name an entry
    unlinked: list[Unlinked] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    attachments: list[str] = field(default_factory=list)  # other files, and embeds of them
    dropped_tags: list[Skipped] = field(default_factory=list)  # (file, why the tag was left out)
    backup: Path | None = None

    def summary(self) -> str:
        n = len(self.created)
        made = f"{n} {'note' if n == 1 else 'notes'} {'to create' if self.dry_run else 'created'}"
        text = f"Markdown notes from {self.folder}: {made} ({self.on_entries} on entries)"
        if self.already:
            text += f", {len(self.already)} imported before"
        text += f"; {self.linked} links to entries, {len(self.unlinked)} left as written"
        if self.skipped:
            text += f"; {len(self.skipped)} files skipped"
        if self.attachments:
            text += f"; {len(self.attachments)} attachments left alone"
        return text + "."


@dataclass
class _Note:
    path: str
    uid: str
    title: str
    body: str
    tags: list[str]
    names: list[str]  # what may name its entry, in order: entry:, title, aliases, file name
    entry_first: bool  # `entry:` was given: only it names the entry
    targets: list[tuple[str, str]]  # (target, as written) of each link that is not an embed
    entry_id: int | None = None
    linked: set[int] = field(default_factory=set)


def _files(folder: Path) -> Iterator[tuple[str, Path]]:
    """Every file below `folder` but the hidden ones and those in hidden folders, in order."""
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if not name.startswith("."):
                path = Path(root) / name
                yield path.relative_to(folder).as_posix(), path


def _entry_link(value: str) -> str:
    """'[[Chen Gang|Chen]]' -> 'Chen Gang': a property that links as Obsidian writes it."""
    found = WIKILINK.fullmatch(value.strip().strip('"'))
    return found.group(1).strip() if found else value.strip()


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return []


def _front_tags(value: Any) -> list[str]:
    """A front matter's `tags`: a list, or one line of them separated by commas or spaces."""
    if isinstance(value, str):
        return [t for t in re.split(r"[,\s]+", value) if t]
    return [str(v) for v in value if isinstance(v, str | int)] if isinstance(value, list) else []


def inline_tags(body: str) -> list[str]:
    """The #tags of a note's text, outside code, in order."""
    found: list[str] = []
    if "#" not in body:
        return found
    for start, end in prose(body):
        for match in _TAG.finditer(body, start, end):
            if match.start() == start and start > 0 and not body[start - 1].isspace():
                continue  # right after a code span: not a word of its own
            found.append(match.group(1).strip("/"))
    return found


class _Reader:
    def __init__(self, folder: Path, report: MarkdownImportReport) -> None:
        self.folder = folder
        self.root = Path(os.path.realpath(folder))
        self.report = report

    def skip(self, rel: str, reason: str) -> None:
        self.report.skipped.append(Skipped(rel, reason))

    def read(self, progress: Progress) -> list[_Note]:
        found = sorted(_files(self.folder))
        notes: list[_Note] = []
        for n, (rel, path) in enumerate(found):
            if n % 100 == 0:
                progress.step(n, len(found))
                if progress.cancelled:
                    raise Cancelled()
            if not rel.lower().endswith(MARKDOWN_SUFFIXES):
                self.report.attachments.append(rel)
                continue
            note = self._note(rel, path)
            if note is not None:
                notes.append(note)
        progress.step(len(found), len(found))
        return notes

    def _note(self, rel: str, path: Path) -> _Note | None:
        if path.is_symlink() and not Path(os.path.realpath(path)).is_relative_to(self.root):
            self.skip(rel, T_("MarkdownImport", "a link to a file outside the folder"))
            return None
        try:
            raw = user_files.read_bytes(path, limit=MAX_NOTE_BYTES)
        except UnreadableFile as exc:
            self.skip(rel, exc.message)
            return None
        except OSError as exc:
            self.skip(rel, str(exc.strerror or exc))
            return None
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            self.skip(rel, T_("MarkdownImport", "not UTF-8 text (byte {at})").format(at=exc.start))
            return None
        if "\x00" in text:
            self.skip(rel, T_("MarkdownImport", "holds NUL bytes: not text"))
            return None
        try:
            fields, body = frontmatter.split(text)
        except ValueError as exc:
            self.skip(rel, str(exc))
            return None
        fields = fields or {}
        if isinstance(fields.get("id"), str) and fields.get("kind") in _ROUNDTABLE_KINDS:
            self.skip(
                rel,
                T_(
                    "MarkdownImport", "written by Roundtable's export; bring its notes back with import-notes"
                ),
            )
            return None
        stem = rel.rsplit("/", 1)[-1].rsplit(".", 1)[0]
        title = fields.get("title") if isinstance(fields.get("title"), str) else None
        entry = _entry_link(fields["entry"]) if isinstance(fields.get("entry"), str) else None
        names = [n for n in (entry, title, *_strings(fields.get("aliases")), stem) if n and n.strip()]
        tags: list[str] = []
        for written in [*_front_tags(fields.get("tags")), *inline_tags(body)]:
            try:
                tag = normalize_tag(written)
            except BadTag as exc:
                self.report.dropped_tags.append(Skipped(rel, exc.message))
                continue
            if tag.casefold() not in {t.casefold() for t in tags}:
                tags.append(tag)
        targets: list[tuple[str, str]] = []
        for match in links(body):
            if match.start() > 0 and body[match.start() - 1] == "!":  # an embed: an image, a PDF
                self.report.attachments.append(f"{rel}: !{match.group(0)}")
                continue
            targets.append((match.group(1).strip(), match.group(0)))
        digest = hashlib.sha256(raw).hexdigest()
        return _Note(
            path=rel,
            uid=str(uuid.uuid5(_NAMESPACE, f"markdown/{rel}/{digest}")),
            title=note_title(title or stem, body),
            body=body,
            tags=tags,
            names=names,
            entry_first=entry is not None,
            targets=targets,
        )


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _resolve(conn: sqlite3.Connection, notes: list[_Note], report: MarkdownImportReport) -> None:
    """Each note's entry and linked entries, a chunk of names a query."""
    wanted = list(
        dict.fromkeys(
            [*(n for note in notes for n in note.names), *(t for note in notes for t, _ in note.targets)]
        )
    )
    found: dict[str, int] = {}
    for chunk in _chunks(wanted, _LOOKUP_CHUNK):
        for name, ref in resolve_all(conn, chunk).items():
            if ref is not None:
                found[name] = ref.id
    for note in notes:
        names = note.names[:1] if note.entry_first else note.names
        note.entry_id = next((found[n] for n in names if n in found), None)
        for target, written in note.targets:
            if target in found:
                note.linked.add(found[target])
                report.linked += 1
            else:
                report.unlinked.append(Unlinked(note.path, written))


def _already(conn: sqlite3.Connection, notes: Iterable[_Note]) -> set[str]:
    uids = [n.uid for n in notes]
    held: set[str] = set()
    for chunk in _chunks(uids, _LOOKUP_CHUNK):
        marks = ", ".join("?" * len(chunk))
        held.update(r[0] for r in conn.execute(f"SELECT uid FROM note WHERE uid IN ({marks})", chunk))
    return held


def _plan(conn: sqlite3.Connection, notes: list[_Note], report: MarkdownImportReport) -> list[_Note]:
    held = _already(conn, notes)
    new: list[_Note] = []
    seen: set[str] = set()
    for note in notes:
        if note.uid in held or note.uid in seen:
            report.already.append(note.path)
        else:
            seen.add(note.uid)
            new.append(note)
    _resolve(conn, new, report)
    report.created = [n.path for n in new]
    report.on_entries = sum(1 for n in new if n.entry_id is not None)
    return new


def import_markdown(
    db: Database,
    folder: Path,
    *,
    dry_run: bool = False,
    progress: Progress = NO_PROGRESS,
) -> MarkdownImportReport:
    """Import the notes of `folder` (see the module's docstring); with `dry_run`, only say what
    would be done. Raises NotAFolder, or Cancelled having written nothing. Writes on a
    connection of its own, so it may run on a worker thread (app/services/writing.py)."""
    try:
        if not folder.is_dir():
            raise NotAFolder(T_("MarkdownImport", "{folder} is not a folder").format(folder=folder))
    except OSError as exc:
        raise NotAFolder(
            T_("MarkdownImport", "{folder} cannot be read: {error}").format(
                folder=folder, error=exc.strerror or exc
            )
        ) from exc
    report = MarkdownImportReport(str(folder), dry_run=dry_run)
    progress.begin(READING)
    notes = _Reader(folder, report).read(progress)
    if dry_run:
        _plan(db.read(), notes, report)
        return report
    writer = Writer(db)
    try:
        with writer.transaction() as conn:
            return _import(db, conn, notes, report, progress)
    finally:
        writer.close()


def _import(
    db: Database,
    conn: sqlite3.Connection,
    notes: list[_Note],
    report: MarkdownImportReport,
    progress: Progress,
) -> MarkdownImportReport:
    new = _plan(conn, notes, report)
    if not new:
        return report
    holds = conn.execute("SELECT EXISTS (SELECT 1 FROM entity) OR EXISTS (SELECT 1 FROM note)").fetchone()[0]
    if holds:
        from app.services.backups import BEFORE_IMPORT, backup_now

        progress.begin(BACKING_UP)
        report.backup = backup_now(db.path, BEFORE_IMPORT)
    progress.begin(WRITING)
    _write(conn, new, progress)
    return report


def _write(conn: sqlite3.Connection, notes: list[_Note], progress: Progress) -> None:
    now = now_iso()
    # one spelling of each tag (tag_ids takes 'AI' and 'ai' for one tag)
    spelled: dict[str, str] = {}
    for note in notes:
        for tag in note.tags:
            spelled.setdefault(tag.casefold(), tag)
    tag_of = dict(zip(spelled, tag_ids(conn, list(spelled.values())), strict=True))
    note_tags: list[tuple[int, int]] = []
    note_links: list[tuple[int, int]] = []
    for n, note in enumerate(notes):
        if n % 100 == 0:
            progress.step(n, len(notes))
            if progress.cancelled:
                raise Cancelled()
        cur = conn.execute(
            "INSERT INTO note (uid, entity_id, title, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
            (note.uid, note.entry_id, note.title, note.body, now, now),
        )
        nid = int(cur.lastrowid or 0)
        note_tags += [(nid, tid) for tid in dict.fromkeys(tag_of[t.casefold()] for t in note.tags)]
        note_links += [(nid, eid) for eid in sorted(note.linked)]
    for start in range(0, len(note_tags), _CHUNK):
        conn.executemany(
            "INSERT INTO note_tag (note_id, tag_id) VALUES (?, ?)", note_tags[start : start + _CHUNK]
        )
    for start in range(0, len(note_links), _CHUNK):
        conn.executemany(
            "INSERT INTO note_link (note_id, entity_id) VALUES (?, ?)", note_links[start : start + _CHUNK]
        )
    progress.step(len(notes), len(notes))
