"""Exporting to Markdown: a vault (a folder per kind, a file per entry, standalone notes) or a
digest (one file). Gathers from the database on its own connection, in one read transaction (a
consistent snapshot while the researcher keeps working), and writes through app/io.

Re-exporting into the same folder never overwrites a file the researcher edited: the folder's
manifest says what Roundtable wrote there, and a file that differs from it is skipped and
reported, or its new version is written beside it, as the researcher chooses.
"""

from __future__ import annotations

import contextlib
import json
import os
import posixpath
import sqlite3
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Literal

from app import user_files
from app.clock import now_iso
from app.db.database import Database
from app.i18n import T_, Explained
from app.io import atomic, frontmatter, manifest
from app.io.filenames import (
    NameAllocator,
    UnsafePath,
    file_name,
    inside,
    is_variant_of,
    safe_stem,
    same_name_key,
)
from app.io.markdown import (
    MAX_FILE_BYTES,
    DigestSection,
    Links,
    LinkStyle,
    PandocCitations,
    SourcePassages,
    Words,
    digest_file,
    entry_file,
    note_file,
    point_links,
)
from app.paths import make_private_folder
from app.records import anchors
from app.records.entries import CitationView, EntryDetail, Ref
from app.records.notes import NoteDoc
from app.services.details import EntryDetails
from app.services.kinds import BY_KEY, KINDS
from app.services.progress import NO_PROGRESS, Cancelled, Progress
from app.services.wikilinks import resolve
from app.user_files import UnreadableFile

OnConflict = Literal["skip", "beside"]
NOTES_FOLDER = "Notes"
# How an entry's citations are written: Markdown footnotes holding the quote and the source, or
# Pandoc citations ([@key, para. 6]) against a bibliography written beside the files.
CitationStyle = Literal["footnotes", "pandoc"]
CITATION_STYLES: tuple[CitationStyle, ...] = ("footnotes", "pandoc")
# The bibliography a Pandoc export writes, by format (CSL-JSON unless asked: what Pandoc,
# Zettlr and Zotero all read).
BIBLIOGRAPHY_FILES = {"csl-json": "references.json", "bibtex": "references.bib", "ris": "references.ris"}


def _words() -> Words:
    """Languages and scripts named in English (a vault is shared, whatever the interface
    language): the region's as the window's lists name them, any other as CLDR does."""
    from babel import Locale, UnknownLocaleError

    from app.services.languages import LANGUAGES, OTHER_LANGUAGES, SCRIPTS, USUAL_SCRIPTS

    english = Locale("en")

    def language(code: str) -> str:
        marked = LANGUAGES.get(code) or OTHER_LANGUAGES.get(code)
        if marked:
            return marked
        try:
            return Locale.parse(code, sep="-").get_display_name(english) or code
        except (UnknownLocaleError, ValueError, TypeError):
            return code  # not a tag anyone knows: as it was typed

    def script(code: str) -> str:
        return SCRIPTS.get(code) or english.scripts.get(code) or code

    # An other name in Lao script is "Lao", not "Lao, Lao script".
    return Words(language, script, USUAL_SCRIPTS)


class ExportError(Explained):
    """The export could not go on; the message says why. Files written before are complete."""


@dataclass(frozen=True)
class Scope:
    """What to export. Filters combine (a kind and a tag: that kind's entries with the tag);
    no filter at all is everything. `entry_ids` carries a selection or search results."""

    kind: str | None = None
    tag: str | None = None
    entry_ids: frozenset[int] | None = None
    notes_only: bool = False
    entries_label: str | None = None  # what `entry_ids` are: 'the selected entries', ...

    @property
    def filtered(self) -> bool:
        return self.kind is not None or self.tag is not None or self.entry_ids is not None

    def describe(self) -> str:
        parts = []
        if self.entry_ids is not None:
            n = len(self.entry_ids)
            parts.append(self.entries_label or f"{n} chosen {'entry' if n == 1 else 'entries'}")
        if self.kind is not None:
            parts.append(BY_KEY[self.kind].plural.lower())
        if self.tag is not None:
            parts.append(f"tagged {self.tag}")
        what = ", ".join(parts) if parts else "everything"
        return f"notes only ({what})" if self.notes_only else what


@dataclass(frozen=True)
class MarkdownExport:
    scope: Scope = Scope()
    folder: Path | None = None  # a vault here
    digest: Path | None = None  # and/or one digest file here
    links: LinkStyle = "wiki"
    on_conflict: OnConflict = "skip"
    citations: CitationStyle = "footnotes"
    bibliography_format: str = "csl-json"  # with citations="pandoc": a key of BIBLIOGRAPHY_FILES

    @property
    def bibliography(self) -> str | None:
        """The bibliography's file name (beside the vault's files and the digest), if any."""
        return BIBLIOGRAPHY_FILES[self.bibliography_format] if self.citations == "pandoc" else None


@dataclass
class ExportReport:
    scope: str
    entries: int = 0
    notes: int = 0
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # edited since the last export: kept
    beside: list[tuple[str, str]] = field(default_factory=list)  # (edited file, new version)
    removed: list[str] = field(default_factory=list)  # an entry's old file after a rename
    manifest_problem: str | None = None
    keys_made: int = 0  # citation keys given to sources for a Pandoc export

    def summary(self) -> str:
        text = (
            f"Exported {_count(self.entries, 'entry', 'entries')} and {_count(self.notes, 'note', 'notes')} "
            f"({self.scope}): {_count(len(self.written), 'file', 'files')} written, "
            f"{len(self.unchanged)} unchanged"
        )
        if self.skipped:
            text += f", {_count(len(self.skipped), 'file', 'files')} you edited since the last export left as they are"
        if self.beside:
            text += (
                f", {_count(len(self.beside), 'new version', 'new versions')} written beside files you edited"
            )
        if self.keys_made:
            text += f"; {_count(self.keys_made, 'source', 'sources')} given a citation key"
        return text + "."


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


# --- what is in scope ----------------------------------------------------------------------


def entries_matching(db: Database, text: str) -> frozenset[int]:
    """The entries a search for `text` finds (the search box's syntax: words, "phrases",
    -exclusions, kind: country: tag: source:), every match, not only the first few shown.

    Raises app.services.search.SearchError for a filter that names nothing."""
    from app.services.search import Search

    conn = db.read()
    slugs = {h.slug for h in Search(conn).run(text, per_kind=None).hits if h.kind != "note" and h.slug}
    found: set[int] = set()
    ordered = sorted(slugs)
    for start in range(0, len(ordered), 500):  # SQLite's limit on bound parameters
        chunk = ordered[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        found.update(r[0] for r in conn.execute(f"SELECT id FROM entity WHERE slug IN ({marks})", chunk))
    return frozenset(found)


def name_of(conn: sqlite3.Connection, entity_id: int) -> str:
    """An entry's name, as a note that links to it is written where the entry is not."""
    row = conn.execute("SELECT name FROM entity WHERE id = ?", (entity_id,)).fetchone()
    return str(row[0]) if row else ""


def _entry_ids(conn: sqlite3.Connection, scope: Scope) -> list[int]:
    where = ["1"] if scope.entry_ids is not None else ["e.deleted_at IS NULL"]
    params: dict[str, object] = {}
    if scope.kind is not None:
        where.append("e.kind = :kind")
        params["kind"] = scope.kind
    if scope.tag is not None:
        # By the tag's ids, through the index on entity_tag.tag_id: asking each entry about its
        # tags cost 0.3 s over 200,000 entries.
        where.append(
            "e.id IN (SELECT et.entity_id FROM entity_tag et WHERE et.tag_id IN (SELECT value FROM json_each(:tags)))"
        )
        params["tags"] = _tag_ids(conn, scope.tag)
    rows = conn.execute(f"SELECT e.id FROM entity e WHERE {' AND '.join(where)}", params).fetchall()
    ids = [int(r[0]) for r in rows]
    if scope.entry_ids is not None:
        ids = [i for i in ids if i in scope.entry_ids]
    return ids


_TAG_SEP = "\x1f"


def _tag_ids(conn: sqlite3.Connection, tag: str) -> str:
    """The ids of `tag` and the tags below it (tag/...), as a JSON list for json_each."""
    rows = conn.execute(
        "SELECT id FROM tag WHERE name = ? OR substr(name, 1, ?) = ?", (tag, len(tag) + 1, tag + "/")
    )
    return json.dumps([r[0] for r in rows])


def _notes(conn: sqlite3.Connection, scope: Scope, entry_ids: set[int]) -> list[NoteDoc]:
    """The live notes in `scope`: all of them, or those of its entries and those with its tag
    (or a tag below it). The choice is made in SQL, so a scope reads only its notes' bodies."""
    where = ["n.deleted_at IS NULL"]
    params: list[object] = []
    if scope.filtered:
        wanted = []
        if entry_ids:
            wanted.append("n.entity_id IN (SELECT value FROM json_each(?))")
            params.append(json.dumps(sorted(entry_ids)))
        if scope.tag is not None:
            wanted.append(
                "n.id IN (SELECT nt.note_id FROM note_tag nt WHERE nt.tag_id IN (SELECT value FROM json_each(?)))"
            )
            params.append(_tag_ids(conn, scope.tag))
        if not wanted:
            return []
        where.append("(" + " OR ".join(wanted) + ")")
    rows = conn.execute(
        "SELECT n.uid, n.title, n.body, n.created_at, n.updated_at, n.deleted_at, "
        "e.id, e.kind, e.slug, e.name, "
        f"(SELECT group_concat(t.name, '{_TAG_SEP}') FROM note_tag nt JOIN tag t ON t.id = nt.tag_id "
        "WHERE nt.note_id = n.id), n.id "
        f"FROM note n LEFT JOIN entity e ON e.id = n.entity_id WHERE {' AND '.join(where)} "
        "ORDER BY n.created_at, n.id",
        params,
    ).fetchall()
    notes = []
    for r in rows:
        tags = tuple(sorted(r[10].split(_TAG_SEP))) if r[10] else ()
        entry = Ref(int(r[6]), r[7], r[8], r[9]) if r[6] is not None else None
        notes.append(
            NoteDoc(
                id=r[11],
                uid=r[0],
                title=r[1],
                body=r[2],
                entry=entry,
                created_at=r[3],
                updated_at=r[4],
                deleted_at=r[5],
                tags=tags,
            )
        )
    return notes


# --- files ---------------------------------------------------------------------------------


@dataclass
class _Planned:
    path: str  # relative to the folder, '/'-separated
    item: str  # uid
    render: Callable[[str], str]  # exported-at -> the file's text


def _note_title(note: NoteDoc) -> str:
    return note.title.strip() or "Untitled note"


def _hidden(rel: str) -> bool:
    return any(part.startswith(".") for part in rel.split("/"))


@dataclass
class _Listing:
    """What a folder holds, from one walk of its directories (os.scandir: no status call for
    each file), as relative '/'-separated paths. Hidden folders (.obsidian, .git) are not
    walked: no export writes there."""

    entries: dict[str, os.DirEntry[str]] = field(default_factory=dict)  # files, links, folders
    listed: set[str] = field(default_factory=set)  # folders walked ('' for the top)
    keys: set[str] = field(default_factory=set)  # same_name_key of every entry
    leftovers: dict[str, list[str]] = field(default_factory=dict)  # folder -> temporary files

    def markdown(self) -> Iterator[str]:
        for rel, entry in self.entries.items():
            if rel.endswith(".md") and not entry.is_dir(follow_symlinks=False):
                yield rel


def _list(root: str, *, deep: bool) -> _Listing:
    listing = _Listing()
    pending = [""]
    while pending:
        here = pending.pop()
        try:
            with os.scandir(posixpath.join(root, here) if here else root) as found:
                entries = list(found)
        except (FileNotFoundError, NotADirectoryError):
            continue
        listing.listed.add(here)
        for entry in entries:
            name = entry.name
            rel = f"{here}/{name}" if here else name
            if name.startswith("."):
                if name.startswith(atomic.LEFTOVER_PREFIX) and name.endswith(atomic.LEFTOVER_SUFFIX):
                    listing.leftovers.setdefault(here, []).append(name)
                    continue
                if entry.is_dir(follow_symlinks=False):
                    continue
            listing.entries[rel] = entry
            listing.keys.add(same_name_key(rel))
            if deep and entry.is_dir(follow_symlinks=False):
                pending.append(rel)
    return listing


def _read_if_there(path: str | Path) -> bytes | None:
    """What the file at `path` holds, None when there is none. UnreadableFile for a FIFO (whose
    open would wait for a writer), a device or a file too large to be one of the export's."""
    try:
        return user_files.read_bytes(Path(path), limit=MAX_FILE_BYTES)
    except FileNotFoundError:
        return None


class _Writer:
    """Writes planned files into one folder, guarding the researcher's edits.

    `deep`: names must be unique in the whole folder tree (a vault), not only beside each other.
    """

    def __init__(
        self, folder: Path, on_conflict: OnConflict, report: ExportReport, now: str, *, deep: bool
    ) -> None:
        self.folder = folder
        self.on_conflict = on_conflict
        self.report = report
        self.now = now
        self.manifest = manifest.load(folder)
        self._as_loaded = (dict(self.manifest.files), dict(self.manifest.statuses))
        if self.manifest.unreadable:
            report.manifest_problem = (
                f"the record of the last export in {folder} could not be read "
                f"({self.manifest.unreadable}); existing files were treated as edited"
            )
        self._paths: dict[str, list[str]] = {}  # item -> files the manifest holds for it
        for rel, record in self.manifest.files.items():
            self._paths.setdefault(record.item, []).append(rel)
        self.names = NameAllocator()
        # What the folder holds now, read once: asking the disk about each of 10,000 names (a
        # read attempt on each) was most of exporting again.
        self._root = os.path.realpath(folder)
        self._listing = _list(self._root, deep=deep)
        self._on_disk = self._listing.keys  # as the file system compares names
        taken = {posixpath.basename(r) for r in self._listing.markdown() if not _hidden(r)}
        taken.update(posixpath.basename(r) for r in self.manifest.files)  # mostly the same names
        for name in taken:
            self.names.reserve(name)
        self._folders: dict[str, str] = {}  # checked and created, by relative path
        self._batch = atomic.Batch()

    def _recorded(self, item: str, role: str) -> list[str]:
        return [
            p
            for p in self._paths.get(item, [])
            if (r := self.manifest.files.get(p)) is not None and r.role == role
        ]

    def place(self, item: str, subfolder: str, stem: str) -> str:
        """The file for `item`: where the last export put it if its name still fits, else new."""
        previous = next(iter(self._recorded(item, "main")), None)
        if (
            previous is not None
            and posixpath.dirname(previous) == subfolder
            and is_variant_of(posixpath.basename(previous), stem)
        ):
            return previous
        ours = self._found_on_disk(item, subfolder, stem)
        if ours is not None:
            return ours
        name = self.names.allocate(stem)
        return posixpath.join(subfolder, name) if subfolder else name

    def _found_on_disk(self, item: str, subfolder: str, stem: str) -> str | None:
        """A file that holds `item` under one of its names though the manifest does not say
        so (it was lost, or the export that wrote the file was killed before saving it)."""
        n = 1
        while True:
            name = file_name(stem, "" if n == 1 else f" ({n})")
            rel = posixpath.join(subfolder, name) if subfolder else name
            path = self.folder / rel
            if same_name_key(rel) not in self._on_disk or not path.is_file():
                return None
            if rel not in self.manifest.files and _front_matter_id(path) == item:
                return rel
            n += 1

    def _target(self, rel: str) -> str:
        """Where `rel` is on disk; never outside the folder (a linked subfolder included)."""
        subfolder, name = posixpath.split(rel)
        parent = self._folders.get(subfolder)
        if parent is None:
            parent = str(inside(self.folder, subfolder)) if subfolder else self._root
            make_private_folder(Path(parent))
            if subfolder in self._listing.listed:  # a killed export's temporary files
                for leftover in self._listing.leftovers.get(subfolder, ()):
                    with contextlib.suppress(OSError):
                        os.unlink(posixpath.join(parent, leftover))  # noqa: PTH108
            else:
                atomic.remove_leftovers(Path(parent))
            self._folders[subfolder] = parent
        if name in ("", ".", "..") or "\\" in name:
            raise UnsafePath(f"{rel!r} is not a file name")
        return posixpath.join(parent, name)

    def _listed(self, rel: str) -> os.DirEntry[str] | Literal[False] | None:
        """What the listing says is at `rel`: its entry, None for nothing, False when it cannot
        say (a linked or unwalked folder, or a name the file system may take for another)."""
        entry = self._listing.entries.get(rel)
        subfolder = posixpath.dirname(rel)
        while subfolder not in self._listing.listed:
            if subfolder in self._listing.entries or same_name_key(subfolder) in self._listing.keys:
                return False  # there, but not walked: a link, or another spelling of the name
            if not subfolder:
                return False
            subfolder = posixpath.dirname(subfolder)
        if entry is not None:
            return entry
        return False if same_name_key(rel) in self._listing.keys else None

    def exists(self, rel: str) -> bool:
        """Whether something is at `rel` (following a link), asking the disk only if need be."""
        entry = self._listed(rel)
        if entry is None:
            return False
        if entry is False or entry.is_symlink():
            return (self.folder / rel).exists()
        return True

    def write(self, planned: _Planned, on_conflict: OnConflict | None = None) -> None:
        rel = planned.path
        try:
            target = self._target(rel)
            if self._as_listed(planned, target):
                return
            # A link the researcher made in a file's place is theirs, like an edited file: a
            # new version never replaces it (written beside it, or left out). One leading out
            # of the folder is not even read.
            try:
                found: os.stat_result | None = os.lstat(target)
            except FileNotFoundError:
                found = None
            linked = found is not None and stat.S_ISLNK(found.st_mode)
            if linked:
                try:
                    inside(self.folder, rel)
                except UnsafePath:
                    raise UnsafePath(
                        f"it is a link to {os.path.realpath(target)}, outside {self.folder}"
                    ) from None
            current = _read_if_there(target)
            stamp = _exported_at(current) if current is not None else None
            record = self.manifest.files.get(rel)
            if current is None and not linked:
                self._put(target, rel, planned.render(self.now).encode("utf-8"), planned.item, "main")
            elif stamp is None and record is not None and planned.render(self.now).encode("utf-8") == current:
                self.report.unchanged.append(rel)  # (a file with no time in it: the bibliography)
            elif (
                current is not None and stamp is not None and planned.render(stamp).encode("utf-8") == current
            ):
                # What this export would write, but for the time: leave the file alone. (This
                # also recognises our own files when the manifest was lost or never saved.) Its
                # status, taken before reading it, lets the next export skip the reading.
                regular = found is not None and stat.S_ISREG(found.st_mode)
                self.manifest.record(
                    rel,
                    manifest.Written(manifest.digest(current), planned.item, "main", stamp),
                    found if regular else None,
                )
                self._remember(planned.item, rel)
                self.report.unchanged.append(rel)
                self._retire_old_name(planned.item, rel)
            elif (
                current is not None
                and not linked
                and record is not None
                and record.sha256 == manifest.digest(current)
            ):
                # Untouched since Roundtable wrote it; the data changed: replace it.
                self._put(target, rel, planned.render(self.now).encode("utf-8"), planned.item, "main")
            elif (on_conflict or self.on_conflict) == "beside":
                beside = self._beside(rel, planned.item)
                content = planned.render(self.now).encode("utf-8")
                self._put(self._target(beside), beside, content, planned.item, "beside", edited=rel)
            else:
                self.report.skipped.append(rel)
        except (UnsafePath, UnreadableFile) as exc:
            raise ExportError(
                T_("Export", "refused to write {file}: {error}").format(file=rel, error=exc)
            ) from exc
        except OSError as exc:
            raise ExportError(
                T_(
                    "Export", "could not write {file}: {error}; the files written before it are complete"
                ).format(file=self.folder / rel, error=exc.strerror or exc)
            ) from exc

    def _as_listed(self, planned: _Planned, target: str) -> bool:
        """Write or keep `planned` as the folder's listing and the manifest say, without reading
        the file in its place: True when done, False when only reading it can tell."""
        rel = planned.path
        entry = self._listed(rel)
        if entry is None:  # nothing there: a new file
            self._put(target, rel, planned.render(self.now).encode("utf-8"), planned.item, "main", new=True)
            return True
        record = self.manifest.files.get(rel)
        if (
            entry is False
            or record is None
            or record.item != planned.item
            or record.role != "main"
            or not entry.is_file(follow_symlinks=False)
            or not self.manifest.as_written(rel, entry.stat(follow_symlinks=False))
        ):
            return False
        # The file is the one of the recorded hash: what would this export write in its place?
        if manifest.digest(planned.render(record.exported_at).encode("utf-8")) == record.sha256:
            self._remember(planned.item, rel)
            self.report.unchanged.append(rel)
            self._retire_old_name(planned.item, rel)
        else:  # untouched since Roundtable wrote it; the data changed: replace it
            self._put(target, rel, planned.render(self.now).encode("utf-8"), planned.item, "main")
        return True

    def _put(
        self,
        target: str,
        rel: str,
        content: bytes,
        item: str,
        role: str,
        edited: str | None = None,
        *,
        new: bool = False,
    ) -> None:
        """Write through the batch; record the file once it is in place."""
        staged: list[os.stat_result] = []

        def done() -> None:
            written = manifest.Written(manifest.digest(content), item, role, self.now)
            self.manifest.record(rel, written, staged[0] if staged else None)
            self._remember(item, rel)
            if edited is None:
                self.report.written.append(rel)
                self._retire_old_name(item, rel)
            else:
                self.report.beside.append((edited, rel))

        staged.append(self._batch.write(target, content, done, new=new))

    def _remember(self, item: str, rel: str) -> None:
        paths = self._paths.setdefault(item, [])
        if rel not in paths:
            paths.append(rel)

    def _beside(self, rel: str, item: str) -> str:
        folder, name = posixpath.split(rel)
        stem = name.removesuffix(".md")
        suffix = f" (exported {date.fromisoformat(self.now[:10]).isoformat()})"
        for path in self._recorded(item, "beside"):
            # today's earlier copy beside the same file, untouched: replace it, do not add one
            if (
                posixpath.dirname(path) == folder
                and path.removesuffix(".md").startswith(posixpath.join(folder, stem + suffix))
                and self._untouched(path)
            ):
                return path
        name = self.names.allocate(stem, suffix)
        return posixpath.join(folder, name) if folder else name

    def _retire_old_name(self, item: str, rel: str) -> None:
        """After a rename, remove the entry's old file if it is untouched; keep it if edited."""
        for path in self._recorded(item, "main"):
            if path == rel:
                continue
            record = self.manifest.files[path]
            try:
                inside(self.folder, path)  # the manifest is a file too: trust no path in it
            except UnsafePath:
                self.manifest.forget(path)
                continue
            old = self.folder / path
            if not old.exists() and not old.is_symlink():
                self.manifest.forget(path)
            elif self._untouched(path):
                old.unlink()
                self.manifest.forget(path)
                self.report.removed.append(path)
            else:  # edited: it stays, as the researcher's copy
                self.manifest.files[path] = manifest.Written(
                    record.sha256, record.item, "beside", record.exported_at
                )

    def _untouched(self, rel: str) -> bool:
        """True when the file at `rel` is as this folder's manifest says Roundtable wrote it (a
        link in its place, or anything that cannot be read, counts as the researcher's)."""
        path = self.folder / rel
        record = self.manifest.files.get(rel)
        if record is None or path.is_symlink():
            return False
        with contextlib.suppress(OSError):
            if self.manifest.as_written(rel, path.lstat()):
                return True
        try:
            current = _read_if_there(path)
        except (OSError, UnreadableFile):
            return False
        return current is not None and manifest.digest(current) == record.sha256

    def close(self, *, complete: bool = False) -> None:
        """Put in place every file already complete, then record what is there. `complete`:
        the export went through (else a manifest that learnt only files' statuses is left as
        it was: a refused or failed export writes no more than it must)."""
        try:
            self._batch.commit()
        except OSError as exc:
            self._batch.discard()
            raise ExportError(
                T_("Export", "could not write into {folder}: {error}").format(
                    folder=self.folder, error=exc.strerror or exc
                )
            ) from exc
        finally:
            self._save(complete)

    def _save(self, complete: bool) -> None:
        # An export refused at once writes nothing; nor does one that found nothing new.
        files, statuses = self._as_loaded
        if self.manifest.files == files and (not complete or self.manifest.statuses == statuses):
            return
        try:
            self.manifest.save()
        except OSError as exc:
            raise ExportError(
                T_("Export", "could not record the export in {file}: {error}").format(
                    file=self.manifest.path, error=exc.strerror or exc
                )
            ) from exc


def _make_folder(folder: Path) -> None:
    try:
        make_private_folder(folder)  # a folder that is there already keeps its mode
    except OSError as exc:
        raise ExportError(
            T_("Export", "cannot create the folder {folder}: {error}").format(
                folder=folder, error=exc.strerror or exc
            )
        ) from exc


def _front_matter_id(path: Path) -> str | None:
    try:
        fields, _ = frontmatter.split(user_files.read_text(path, limit=MAX_FILE_BYTES))
    except (OSError, UnicodeDecodeError, ValueError):  # UnreadableFile is a ValueError
        return None
    found = fields.get("id") if fields else None
    return found if isinstance(found, str) else None


def _exported_at(content: bytes) -> str | None:
    try:
        fields, _ = frontmatter.split(content.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    stamp = fields.get("exported-at") if fields else None
    return stamp if isinstance(stamp, str) else None


# --- the export ----------------------------------------------------------------------------


def export_markdown(db: Database, job: MarkdownExport, progress: Progress = NO_PROGRESS) -> ExportReport:
    """Write the vault and/or digest `job` asks for. Raises ExportError (what was written
    stays, complete, and is recorded) or progress.Cancelled."""
    if job.folder is None and job.digest is None:
        raise ExportError(
            T_("Export", "nothing to write: choose a folder for a vault or a file for a digest")
        )
    report = ExportReport(job.scope.describe())
    if job.citations == "pandoc":  # every source cited by its key: those without one get one
        from app.services.bibliography import Bibliographies, KeysNeeded

        try:
            report.keys_made = Bibliographies(db).keys_for_export()
        except KeysNeeded as exc:
            raise ExportError(exc.message) from exc
    conn = db.connect()
    try:
        conn.execute("BEGIN")  # one snapshot for the whole export
        _Export(db, conn, job, report, progress).run()
    finally:
        conn.close()
    return report


class _Export:
    def __init__(
        self,
        db: Database,
        conn: sqlite3.Connection,
        job: MarkdownExport,
        report: ExportReport,
        progress: Progress,
    ) -> None:
        self.conn = conn
        self.job = job
        self.report = report
        self.progress = progress
        self.details = EntryDetails(db, conn)
        self.now = now_iso()
        self._resolved: dict[str, int | None] = {}
        self._links = Links(job.links, {})
        # Sources' texts (by source id) with the spans their citations quote, and the block id
        # of the paragraph each quote stands in, by (source id, quote), for the footnotes.
        self._texts: dict[int, SourcePassages] = {}
        self._cited: dict[int, list[tuple[int, int]]] = {}
        self._blocks: dict[tuple[int, str], str] = {}
        self._words = _words()
        self._pandoc = (
            PandocCitations(
                dict(conn.execute("SELECT id, citation_key FROM source WHERE citation_key IS NOT NULL"))
            )
            if job.citations == "pandoc"
            else None
        )

    def resolve(self, target: str) -> int | None:
        if target not in self._resolved:
            self._resolved[target] = resolve(self.conn, target)
        return self._resolved[target]

    def name_of(self, entity_id: int) -> str:
        return name_of(self.conn, entity_id)

    def run(self) -> None:
        scope = self.job.scope
        in_scope = _entry_ids(self.conn, scope) if scope.filtered or not scope.notes_only else []
        notes = _notes(self.conn, scope, set(in_scope))
        entries = [] if scope.notes_only else self._load(in_scope)
        attached: dict[int, list[NoteDoc]] = {}
        loose: list[NoteDoc] = []
        exported = {d.ref.id for d in entries}
        for note in notes:
            if note.entry is not None and note.entry.id in exported:
                attached.setdefault(note.entry.id, []).append(note)
            else:
                loose.append(note)
        self.report.entries = len(entries)
        self.report.notes = len(notes)
        total = (len(entries) + len(loose) if self.job.folder else 0) + (1 if self.job.digest else 0)
        done = 0
        self.progress.step(done, total)
        if self.job.folder is not None:
            for _ in self._vault(self.job.folder, entries, attached, loose):
                done += 1
                self.progress.step(done, total)
        if self.job.digest is not None:
            self._digest(self.job.digest, entries, attached, loose)
            done += 1
            self.progress.step(done, total)

    def _load(self, ids: list[int]) -> list[EntryDetail]:
        details = [self.details.get_by_id(i) for i in ids]
        order = {k.key: n for n, k in enumerate(KINDS)}
        details.sort(key=lambda d: (order[d.ref.kind], d.ref.name.casefold(), d.uid))
        return details

    # --- vault -------------------------------------------------------------------------------

    def _vault(
        self,
        folder: Path,
        entries: list[EntryDetail],
        attached: dict[int, list[NoteDoc]],
        loose: list[NoteDoc],
    ) -> Iterator[None]:
        if folder.exists() and not folder.is_dir():
            raise ExportError(
                T_("Export", "{folder} is a file; choose a folder for the vault").format(folder=folder)
            )
        _make_folder(folder)
        self._find_passages(entries)
        writer = _Writer(folder, self.job.on_conflict, self.report, self.now, deep=True)
        complete = False
        try:
            plans: list[_Planned] = []
            places: dict[int, str] = {}
            for detail in entries:
                path = writer.place(detail.uid, BY_KEY[detail.ref.kind].plural, safe_stem(detail.ref.name))
                places[detail.ref.id] = path
                plans.append(_Planned(path, detail.uid, self._entry_renderer(detail, attached, path)))
            places.update(self._earlier_places(writer.manifest, writer.exists, places))
            for note in loose:
                path = writer.place(note.uid, NOTES_FOLDER, safe_stem(_note_title(note)))
                plans.append(_Planned(path, note.uid, self._note_renderer(note, path)))
            self._links = Links(self.job.links, places)
            for plan in plans:
                if self.progress.cancelled:  # at once, not after one more file
                    raise Cancelled()
                writer.write(plan)
                yield
            self._write_bibliography(writer)
            complete = True
        finally:
            writer.close(complete=complete)

    def _earlier_places(
        self, record: manifest.Manifest, exists: Callable[[str], bool], taken: dict[int, str]
    ) -> dict[int, str]:
        """Entries exported into this folder before (another scope): links may point there."""
        mains = [(p, w.item) for p, w in record.files.items() if w.role == "main"]
        if not mains:
            return {}
        rows = self.conn.execute(  # by the index on uid: a vault of notes names no entry
            "SELECT id, uid FROM entity WHERE uid IN (SELECT value FROM json_each(?))",
            (json.dumps(sorted({item for _, item in mains})),),
        )
        ids = {uid: int(entity_id) for entity_id, uid in rows}
        # (asking about a file only once it is an entry's: most of a vault may be notes)
        uids = {item: p for p, item in mains if item in ids and exists(p)}
        return {ids[uid]: p for uid, p in uids.items() if ids[uid] not in taken}

    def _write_bibliography(self, writer: _Writer) -> None:
        """The bibliography the files' Pandoc citations cite, beside them; one the researcher
        edited since it was written is left as it is (reported), never written beside."""
        name = self.job.bibliography
        if name is None:
            return
        from app.services.bibliography import bibliography_text

        _count, text = bibliography_text(self.conn, self.job.bibliography_format)
        writer.write(_Planned(name, "bibliography", lambda _stamp: text), on_conflict="skip")

    def _bibliography_from(self, path: str) -> str | None:
        """The bibliography's path as the front matter of the file at `path` names it."""
        name = self.job.bibliography
        if name is None:
            return None
        return posixpath.relpath(name, posixpath.dirname(path) or ".")

    def _entry_renderer(
        self, detail: EntryDetail, attached: dict[int, list[NoteDoc]], path: str
    ) -> Callable[[str], str]:
        def render(stamp: str) -> str:
            notes = [
                (n, point_links(n.body, self.resolve, self._links, path))
                for n in attached.get(detail.ref.id, [])
            ]
            return entry_file(
                detail,
                notes,
                self._links,
                here=path,
                exported_at=stamp,
                passage=self._passage,
                text=self._texts.get(detail.ref.id),
                cited=self._cited.get(detail.ref.id, ()),
                kind=BY_KEY[detail.ref.kind].singular.lower(),
                words=self._words,
                pandoc=self._pandoc,
                bibliography=self._bibliography_from(path),
            )

        return render

    def _find_passages(self, entries: list[EntryDetail]) -> None:
        """Where each quote of the exported sources' texts stands: by its anchor (the words and
        their surroundings where it was selected), else by its words (app/records/anchors.py)."""
        for detail in entries:
            if detail.ref.kind == "source" and detail.archived_text:
                self._texts[detail.ref.id] = SourcePassages(detail.archived_text)
        if not self._texts:
            return
        rows = self.conn.execute(
            "SELECT source_id, quote, quote_prefix, quote_suffix, quote_start, quote_end FROM citation "
            "WHERE quote <> '' AND source_id IN (SELECT value FROM json_each(?)) ORDER BY position, id",
            (json.dumps(sorted(self._texts)),),
        )
        for source_id, quote, prefix, suffix, start, end in rows:
            passages = self._texts[source_id]
            span = anchors.find(passages.text, anchors.Anchor(quote, prefix or "", suffix or "", start, end))
            if span is None:
                continue  # no longer in the text (`roundtable check` lists it)
            self._cited.setdefault(source_id, []).append(span)
            block = passages.block(span[0])
            if block is not None:
                self._blocks.setdefault((source_id, quote), block)

    def _passage(self, citation: CitationView) -> str | None:
        return self._blocks.get((citation.source.id, citation.quote)) if citation.quote else None

    def _note_renderer(self, note: NoteDoc, path: str) -> Callable[[str], str]:
        def render(stamp: str) -> str:
            entry = self._links.in_property(note.entry.id) if note.entry else None
            # A notes-only export names the entries it does not hold instead of linking to nowhere.
            named = self.name_of if self.job.scope.notes_only else None
            body = point_links(note.body, self.resolve, self._links, path, named=named)
            return note_file(note, body, stamp, entry)

        return render

    # --- digest ------------------------------------------------------------------------------

    def _digest(
        self,
        target: Path,
        entries: list[EntryDetail],
        attached: dict[int, list[NoteDoc]],
        loose: list[NoteDoc],
    ) -> None:
        if target.is_dir():
            raise ExportError(
                T_("Export", "{target} is a folder; choose a file name for the digest").format(target=target)
            )
        folder = target.parent
        _make_folder(folder)
        headings: dict[int, str] = {}
        used: set[str] = set()
        for detail in entries:
            heading = detail.ref.name
            n = 2
            while heading.casefold() in used:
                heading = f"{detail.ref.name} ({n})"
                n += 1
            used.add(heading.casefold())
            headings[detail.ref.id] = heading
        links = Links(self.job.links, headings, digest=True)
        sections: list[DigestSection] = []
        if self.job.scope.notes_only:  # no entry is in it: their names, not links to nowhere
            nowhere = Links(self.job.links, {})

            def body_of(note: NoteDoc) -> str:
                return point_links(note.body, self.resolve, nowhere, "", named=self.name_of)
        else:

            def body_of(note: NoteDoc) -> str:
                return note.body

        for kind in KINDS:
            section = DigestSection(kind.plural)
            section.entries = [
                (d, [(n, n.body) for n in attached.get(d.ref.id, [])])
                for d in entries
                if d.ref.kind == kind.key
            ]
            if section.entries:
                sections.append(section)
        if loose:
            sections.append(DigestSection("Notes", notes=[(n, body_of(n)) for n in loose]))

        def render(stamp: str) -> str:
            return digest_file(
                "Roundtable digest",
                sections,
                links,
                exported_at=stamp,
                scope=self.job.scope.describe(),
                words=self._words,
                pandoc=self._pandoc,
                bibliography=self.job.bibliography,
            )

        writer = _Writer(folder, self.job.on_conflict, self.report, self.now, deep=False)
        complete = False
        try:
            writer.write(_Planned(target.name, "digest:" + target.name, render))
            if self.job.folder is None or self.job.folder.resolve() != folder.resolve():
                self._write_bibliography(writer)
            complete = True
        finally:
            writer.close(complete=complete)
