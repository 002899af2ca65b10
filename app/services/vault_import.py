"""Bringing notes back from an exported vault that the researcher edited in another editor.

Each note carries its id: in the front matter of a note's own file, or in the markers around
it inside an entry file. A note edited in the vault replaces the text in Roundtable, and the
old text is kept as a revision. A note changed in Roundtable after the export as well is a
conflict: reported, and left as Roundtable has it (the vault file still holds the other text).
The whole folder is read and checked first; the changes are written in one transaction.
"""

from __future__ import annotations

import os
import posixpath
import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from app import user_files
from app.clock import now_iso
from app.db.database import Database
from app.i18n import T_
from app.io import atomic, frontmatter
from app.io.filenames import same_name_key
from app.io.markdown import (
    LINK_STYLES,
    MAX_FILE_BYTES,
    DamagedNote,
    FoundNote,
    LinkedEntry,
    Links,
    embedded_notes,
    has_notes,
    point_links,
    read_note_file,
    relink_lines,
    restamp,
    restore_links,
    shift_headings,
)
from app.records.notes import NoteDoc
from app.services.kinds import UnknownKind, kind_for
from app.services.markdown_export import name_of
from app.services.progress import NO_PROGRESS, Progress
from app.user_files import UnreadableFile


class InvalidVault(Exception):
    def __init__(self, folder: Path, problems: list[str]) -> None:
        self.folder = folder
        self.problems = problems
        more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
        super().__init__(f"{problems[0]}{more}" if problems else f"{folder} cannot be read")

    def report(self) -> str:
        return "\n".join(self.problems)


@dataclass
class NotesImportReport:
    folder: str
    updated: list[str] = field(default_factory=list)  # titles
    unchanged: int = 0
    conflicts: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)  # notes this library does not have

    def summary(self) -> str:
        n = len(self.updated)
        text = f"Notes from {self.folder}: {n} {'note' if n == 1 else 'notes'} updated, {self.unchanged} unchanged"
        if self.conflicts:
            text += f", {len(self.conflicts)} not imported because they changed in Roundtable too"
        if self.unknown:
            text += f", {len(self.unknown)} not in this library"
        return text + "."


@dataclass(frozen=True)
class _Found:
    note: FoundNote
    path: str  # relative to the vault, '/'-separated


@dataclass
class _Vault:
    notes: list[_Found] = field(default_factory=list)
    entries: dict[str, str] = field(default_factory=dict)  # entry uid -> path


def _real(folder: Path, rel: str | Path) -> Path | None:
    """Where the vault's file `rel` really is (links followed), or None when a link leads out of
    the vault: a vault is read and written only inside it, as the export writes it."""
    root = Path(os.path.realpath(folder))
    real = Path(os.path.realpath(folder / rel))
    return real if real.is_relative_to(root) else None


# How a file the export wrote begins (its front matter's first two lines) once the '---' line that
# opens or closes the front matter is deleted: a Roundtable file whose front matter is broken,
# not a file of the researcher's own to pass over.
_FENCE_LOST = re.compile(r"\A(?:---\n)?id: [^\n]+\nkind: ['\"]?(?P<kind>[a-z]+)['\"]?\n")


def _is_entry_kind(kind: object) -> bool:
    """An entry file's `kind`: the interface's word ('official') since issue 19, the stored
    kind ('person') in vaults exported before."""
    if not isinstance(kind, str) or kind == "note":
        return False
    try:
        kind_for(kind)
    except UnknownKind:
        return False
    return True


def _fence_lost(text: str) -> bool:
    lost = _FENCE_LOST.match(text)
    return lost is not None and (lost["kind"] == "note" or _is_entry_kind(lost["kind"]))


def _read(folder: Path) -> _Vault:
    vault = _Vault()
    problems: list[str] = []
    for path in sorted(folder.rglob("*.md")):
        rel = path.relative_to(folder)
        if any(part.startswith(".") for part in rel.parts):
            continue
        where = rel.as_posix()
        real = _real(folder, rel)
        if real is None:
            problems.append(
                T_(
                    "Vault",
                    "{file} is a link to {target}, outside the vault; Roundtable reads only files inside the vault",
                ).format(file=where, target=os.path.realpath(path))
            )
            continue
        try:
            # bytes, then text: a lone \r in a note is text, not a line end
            text = user_files.read_bytes(real, limit=MAX_FILE_BYTES).decode("utf-8")
        except UnreadableFile as exc:  # a FIFO, a device, a file too large: it may hold notes
            problems.append(exc.message)
            continue
        except (OSError, UnicodeDecodeError):
            continue  # not a file Roundtable wrote
        try:
            fields, rest = frontmatter.split(text)
        except ValueError as exc:
            if has_notes(text) or "\nkind: note\n" in text:
                problems.append(f"{where}: {exc}")
            continue
        if fields is None and _fence_lost(rest):
            problems.append(
                T_("Vault", "{file}: its front matter has lost its opening or closing '---' line").format(
                    file=where
                )
            )
            continue
        fields = fields or {}
        kind, uid = fields.get("kind"), fields.get("id")
        if _is_entry_kind(kind) and isinstance(uid, str):
            vault.entries[uid] = where
        note = read_note_file(fields, rest)
        if note is not None:
            vault.notes.append(_Found(note, where))
        elif kind == "note":
            problems.append(f"{where}: the front matter has no note id")
        first_line = 1 + text.count("\n") - rest.count("\n")
        try:
            found = embedded_notes(rest, first_line, within=note.uid if note is not None else None)
        except DamagedNote as exc:
            problems.append(f"{where}: {exc}")
        else:
            vault.notes += [_Found(n, where) for n in found]
    if problems:
        raise InvalidVault(folder, problems)
    return vault


def _same(a: str, b: str) -> bool:
    # Editors change line ends and add or drop a final newline on their own: not an edit.
    return a.replace("\r\n", "\n").rstrip() == b.replace("\r\n", "\n").rstrip()


def import_vault_notes(db: Database, folder: Path, progress: Progress = NO_PROGRESS) -> NotesImportReport:
    """Update the notes a vault's files hold. Raises InvalidVault (nothing written) when a file
    with Roundtable notes in it cannot be read."""
    if not folder.is_dir():
        raise InvalidVault(folder, [f"{folder} is not a folder"])
    vault = _read(folder)
    report = NotesImportReport(str(folder))
    from sqlalchemy import select

    from app.db import models as m
    from app.services.wikilinks import relink, resolve

    with db.sessions.begin() as session:
        ids = dict(session.execute(select(m.Entity.uid, m.Entity.id)).all())
        slugs = dict(session.execute(select(m.Entity.id, m.Entity.slug)).all())
        places = {ids[uid]: path for uid, path in vault.entries.items() if uid in ids}
        by_stem = {
            same_name_key(posixpath.basename(p).removesuffix(".md")): LinkedEntry(e, slugs[e])
            for e, p in places.items()
        }
        by_path = {p: LinkedEntry(e, slugs[e]) for e, p in places.items()}
        resolved: dict[str, int | None] = {}

        # The session's own sqlite3 connection: links resolve and backlinks are written with the
        # same plain-SQL code as every autosave, inside this transaction.
        raw = session.connection().connection.driver_connection
        assert isinstance(raw, sqlite3.Connection)

        def named(entity_id: int) -> str:
            return name_of(raw, entity_id)

        def resolve_cached(target: str) -> int | None:
            if target not in resolved:
                resolved[target] = resolve(raw, target)
            return resolved[target]

        seen: dict[str, str] = {}  # uid -> the text taken, to catch a note edited in two files
        now = now_iso()
        changed: list[tuple[m.Note, str, str | None]] = []
        for n, found in enumerate(vault.notes):
            progress.step(n, len(vault.notes))
            note = session.scalar(select(m.Note).where(m.Note.uid == found.note.uid))
            if note is None:
                report.unknown.append(f"{found.path}: note {found.note.uid}")
                continue
            label = note.title or found.note.uid
            pointed = {
                style: point_links(note.body, resolve_cached, Links(style, places), found.path)
                for style in LINK_STYLES
            }
            # A notes-only export wrote links to entries it did not hold as plain text: those of
            # this vault's folder, or (a digest of notes only) every one.
            pairs = [
                (point_links(note.body, resolve_cached, Links(style, held), found.path, named=named), linked)
                for style in LINK_STYLES
                for held, linked in ((places, pointed[style]), ({}, note.body))
            ]
            # the likeliest first: each is compared with its headings moved, which parses it
            written_as = list(dict.fromkeys([*pointed.values(), note.body, *(plain for plain, _ in pairs)]))
            title = found.note.title
            title_changed = title is not None and title != note.title
            # compared as the export wrote it: its headings moved down under the note's title
            shift = found.note.shift
            if (
                any(_same(found.note.as_written, shift_headings(w, shift)) for w in written_as)
                and not title_changed
            ):
                report.unchanged += 1
                continue
            edited = found.note.body
            for plain, linked in pairs:
                edited = relink_lines(edited, plain, linked)
            body = restore_links(
                edited,
                by_stem=lambda stem: by_stem.get(same_name_key(stem)),
                by_path=by_path.get,
                resolve=resolve_cached,
                here=found.path,
            )
            if _same(body, note.body):
                body = note.body
            if body == note.body and not title_changed:
                report.unchanged += 1
                continue
            if found.note.uid in seen:
                if seen[found.note.uid] != body:
                    report.conflicts.append(f"{label}: edited differently in two files; neither was imported")
                    changed = [c for c in changed if c[0] is not note]
                continue
            seen[found.note.uid] = body
            if found.note.exported_updated_at != note.updated_at:
                report.conflicts.append(
                    f"{label} ({found.path}): also changed in Roundtable after the export; kept Roundtable's text"
                )
                continue
            changed.append((note, body, title if title_changed else None))
        for note, body, title in changed:
            session.add(m.NoteRevision(note_id=note.id, title=note.title, body=note.body, created_at=now))
            note.body = body
            if title is not None:
                note.title = title
            note.updated_at = now
            session.flush()  # the note rows first: relink writes beside them on the same connection
            relink(raw, note.id, body)
            report.updated.append(note.title or note.uid)
    progress.step(len(vault.notes), len(vault.notes))
    _restamp(folder, vault, [_as_written(db, note.uid) for note, _, _ in changed])
    return report


def _as_written(db: Database, uid: str) -> NoteDoc:
    conn = db.read()
    nid, title, body, created, updated = conn.execute(
        "SELECT id, title, body, created_at, updated_at FROM note WHERE uid = ?", (uid,)
    ).fetchone()
    tags = conn.execute(
        "SELECT t.name FROM note_tag nt JOIN tag t ON t.id = nt.tag_id WHERE nt.note_id = ? ORDER BY t.name",
        (nid,),
    )
    return NoteDoc(
        id=nid,
        uid=uid,
        title=title,
        body=body,
        entry=None,
        created_at=created,
        updated_at=updated,
        tags=tuple(r[0] for r in tags),
    )


def _restamp(folder: Path, vault: _Vault, notes: list[NoteDoc]) -> None:
    """Mark the imported notes in their files as matching Roundtable's copy, so that editing them
    again and importing is not taken for a conflict, and a re-export sees the files as its own.
    Only the time in the markers or front matter changes; a file that cannot be written keeps
    its old time (the next import of that note then reports a conflict: nothing is lost)."""
    by_uid = {n.uid: n for n in notes}
    paths: dict[str, list[NoteDoc]] = {}
    for found in vault.notes:
        if found.note.uid in by_uid:
            paths.setdefault(found.path, []).append(by_uid[found.note.uid])
    for rel, in_file in paths.items():
        path = _real(folder, rel)  # a link inside the vault: its file is written, the link stays
        if path is None:  # made a link out of the vault since it was read
            continue
        try:
            text = user_files.read_bytes(path, limit=MAX_FILE_BYTES).decode("utf-8")
            new = text
            for note in in_file:
                new = restamp(new, note)
            if new != text:
                atomic.write_text(path, new)
        except (OSError, UnicodeDecodeError, UnreadableFile):
            continue
