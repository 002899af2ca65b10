"""Sources in from a citation manager, and out as a bibliography.

Import. Each record of the file (app/io/bibliography.py) is matched with a source of the
library by citation key, then DOI, then web address, then folded title and date. A match is
updated field by field; anything else becomes a new source. `preview` says what would happen
and writes nothing; `run` does it in one transaction, all or nothing, after a backup (as the
data file import does), and writes nothing at all when nothing would change, so importing the
same file twice changes nothing. The files a Zotero item stored (PDFs, page snapshots) are kept
in the library's attachments folder and listed under its source, once: a file the source
already lists (same name and size) is not read again.

How it knows what the researcher changed: every source an import touched keeps the values that
import read from the file (table `source_import`, schema 0010). On the next import a field is
updated only while the library still holds what the last import wrote there; a field that
differs from it was changed in Roundtable since, and is left as it is and reported ("left
because you changed it"). A source never imported before (made by hand) gets only the fields it
lacks; where it has another value, its own is kept and reported. Tags merge: tags the file no
longer has go, new ones come, and the researcher's own stay.

Export. Every source outside the Trash, in CSL-JSON, BibLaTeX or RIS, by citation key. A source
without a key gets one (author, year, first word of the title: 'smith2024digital'), stored, so
the key a draft cites stays the same from one export to the next. The CSL-JSON note of each
source lists how the library cites it, with each citation's locator as Pandoc reads it
('[@smith2024digital, para. 6]').
"""

from __future__ import annotations

import json
import re
import sqlite3
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from enum import Enum
from pathlib import Path
from typing import Any

from app.clock import now_iso
from app.db.database import Database
from app.db.folding import fold
from app.i18n import N_, T_, Explained, Text
from app.io import atomic
from app.io import bibliography as bib
from app.io.bibliography import BibliographyError, BibRecord
from app.services.progress import NO_PROGRESS, Progress
from app.services.slugs import slugify, unique_slug
from app.services.tags import BadTag, normalize_tag, tag_ids, tag_sort_key, write_entry_tags

__all__ = ["Bibliographies", "BibliographyError", "BibliographyExported", "ImportPlan", "Outcome", "Planned"]

READING = T_("Bibliography", "Reading the bibliography")
BACKING_UP = T_("Bibliography", "Backing up the library")
WRITING = T_("Bibliography", "Writing sources")

# The source's columns a bibliography fills, by the name `source_import` keeps them under.
FIELDS: tuple[str, ...] = (
    "name",
    "publisher",
    "authors",
    "published",
    "language",
    "source_kind",
    "url",
    "citation_key",
    "doi",
)
# How a field is named to the researcher.
FIELD_LABELS = {
    "name": N_("Fields", "Title"),
    "publisher": N_("Fields", "Publisher"),
    "authors": N_("Fields", "Authors"),
    "published": N_("Fields", "Published"),
    "language": N_("Fields", "Language"),
    "source_kind": N_("Fields", "Kind"),
    "url": N_("Fields", "URL"),
    "citation_key": N_("Fields", "Citation key"),
    "doi": N_("Fields", "DOI"),
    "tags": N_("Fields", "Tags"),
}


class Outcome(Enum):
    CREATED = "created"
    UPDATED = "updated"
    KEPT = "kept"  # differs from the file, left as the researcher has it
    SAME = "same"
    SKIPPED = "skipped"


@dataclass(frozen=True)
class Planned:
    """What an import does with one record."""

    record: BibRecord
    outcome: Outcome
    source_id: int | None = None  # the source matched (None: a new one)
    name: str = ""  # the source's title in the library (or the record's, for a new one)
    changed: tuple[str, ...] = ()  # the fields written
    kept: tuple[str, ...] = ()  # the fields left because the researcher changed them
    reason: str = ""  # why it is skipped
    values: dict[str, Any] = field(default_factory=dict, compare=False)  # to write
    tags: tuple[str, ...] | None = None  # the tags it gets (None: as they are)
    imported: str | None = None  # what source_import will hold (None: as it is)
    files: tuple[tuple[str, str], ...] = ()  # files to keep with it: (path, media type)

    @property
    def label(self) -> str:
        return self.name or self.record.where


@dataclass(frozen=True)
class ImportPlan:
    path: Path
    format: str
    items: tuple[Planned, ...]
    backup: Path | None = None  # taken before writing (after `run`)

    def count(self, outcome: Outcome) -> int:
        return sum(1 for p in self.items if p.outcome is outcome)

    def of(self, outcome: Outcome) -> list[Planned]:
        return [p for p in self.items if p.outcome is outcome]

    @property
    def writes(self) -> bool:
        return any(
            p.outcome in (Outcome.CREATED, Outcome.UPDATED) or p.imported is not None or p.files
            for p in self.items
        )

    def summary(self, *, done: bool) -> Text:
        counts = {o: self.count(o) for o in Outcome}
        if done:
            template = T_(
                "Bibliography",
                "Imported {file}: {created} new sources, {updated} updated, {kept} left because you "
                "changed them, {same} already up to date, {skipped} skipped.",
            )
        else:
            template = T_(
                "Bibliography",
                "{file} would give {created} new sources, {updated} updated, {kept} left because you "
                "changed them, {same} already up to date, {skipped} skipped. Nothing was written.",
            )
        return template.format(
            file=self.path.name,
            created=counts[Outcome.CREATED],
            updated=counts[Outcome.UPDATED],
            kept=counts[Outcome.KEPT],
            same=counts[Outcome.SAME],
            skipped=counts[Outcome.SKIPPED],
        )

    def lines(self) -> Iterator[Text]:
        """One line per source created, updated, left or skipped (not those already up to date)."""
        for p in self.items:
            if p.outcome is Outcome.CREATED:
                yield T_("Bibliography", "new: {name}").format(name=p.label)
            elif p.outcome is Outcome.UPDATED:
                if p.kept:
                    yield T_(
                        "Bibliography", "updated: {name} ({fields}); left because you changed them: {kept}"
                    ).format(name=p.label, fields=_labels(p.changed), kept=_labels(p.kept))
                else:
                    yield T_("Bibliography", "updated: {name} ({fields})").format(
                        name=p.label, fields=_labels(p.changed)
                    )
            elif p.outcome is Outcome.KEPT:
                yield T_("Bibliography", "left because you changed it: {name} ({fields})").format(
                    name=p.label, fields=_labels(p.kept)
                )
            elif p.outcome is Outcome.SKIPPED:
                yield T_("Bibliography", "skipped: {name}: {reason}").format(name=p.label, reason=p.reason)
            if p.files and p.outcome is not Outcome.SKIPPED:
                yield T_("Bibliography", "files kept with {name}: {files}").format(
                    name=p.label, files=", ".join(Path(f).name for f, _ in p.files)
                )


def _labels(fields: Sequence[str]) -> str:
    return ", ".join(FIELD_LABELS[f].lower() for f in fields)


@dataclass
class BibliographyExported:
    path: Path
    format: str
    sources: int = 0
    keys_made: int = 0


class KeysNeeded(Explained):
    """The export needs to give sources keys, and the library is open read-only."""


# --- the library's sources, as matching needs them --------------------------------------------


@dataclass
class _Source:
    id: int
    values: dict[str, str | None]
    tags: tuple[str, ...]
    trashed: bool
    imported: dict[str, Any] | None


def _none_if_blank(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value)
    return text if text.strip() else None


def _url_key(url: str) -> str:
    return url.strip().rstrip("/").lower()


def _title_key(title: str | None, published: str | None) -> tuple[str, str]:
    return (re.sub(r"\s+", " ", fold(title or "")).strip(), published or "")


class _Known:
    """Every source of the library, indexed by what a record matches on."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.sources: dict[int, _Source] = {}
        tags: dict[int, list[str]] = {}
        for eid, name in conn.execute(
            "SELECT et.entity_id, t.name FROM entity_tag et JOIN tag t ON t.id = et.tag_id "
            "JOIN entity e ON e.id = et.entity_id WHERE e.kind = 'source'"
        ):
            tags.setdefault(eid, []).append(name)
        imported = {
            sid: fields for sid, fields in conn.execute("SELECT source_id, fields FROM source_import")
        }
        self.attached: dict[int, set[tuple[str, int]]] = {}
        for sid, filename, size in conn.execute("SELECT source_id, filename, size FROM attachment"):
            self.attached.setdefault(sid, set()).add((filename, size))
        columns = ", ".join(f"s.{c}" for c in FIELDS if c != "name")
        for row in conn.execute(
            f"SELECT e.id, e.deleted_at, e.name, {columns} FROM entity e JOIN source s ON s.id = e.id"
        ):
            sid, deleted = row[0], row[1]
            values = {name: _none_if_blank(v) for name, v in zip(FIELDS, row[2:], strict=True)}
            self.sources[sid] = _Source(
                sid,
                values,
                tuple(sorted(tags.get(sid, ()), key=tag_sort_key)),
                deleted is not None,
                _loads(imported.get(sid)),
            )
        self.by_key: dict[str, int] = {}
        self.by_doi: dict[str, int] = {}
        self.by_url: dict[str, int] = {}
        self.by_title: dict[tuple[str, str], int] = {}
        for s in self.sources.values():
            self.index(s.id, s.values)
        self.keys_lower = {k.lower() for k in self.by_key}

    def index(self, sid: int, values: dict[str, Any]) -> None:
        if values.get("citation_key"):
            self.by_key.setdefault(values["citation_key"], sid)
        if values.get("doi"):
            self.by_doi.setdefault(values["doi"], sid)
        if values.get("url"):
            self.by_url.setdefault(_url_key(values["url"]), sid)
        if values.get("name"):
            self.by_title.setdefault(_title_key(values["name"], values.get("published")), sid)

    def match(self, r: BibRecord) -> int | None:
        for found in (
            self.by_key.get(r.key) if r.key else None,
            self.by_doi.get(r.doi) if r.doi else None,
            self.by_url.get(_url_key(r.url)) if r.url else None,
            self.by_title.get(_title_key(r.title, r.published)),
        ):
            if found is not None:
                return found
        return None


def _loads(text: str | None) -> dict[str, Any] | None:
    if not text:
        return None
    try:
        data = json.loads(text)
    except ValueError:  # (written by us; a damaged one means: nothing known)
        return None
    return data if isinstance(data, dict) else None


def _file_values(r: BibRecord) -> dict[str, str | None]:
    return {
        "name": r.title,
        "publisher": r.publisher,
        "authors": "\n".join(r.authors) or None,
        "published": r.published,
        "language": r.language,
        "source_kind": r.kind,
        "url": r.url,
        "citation_key": r.key,
        "doi": r.doi,
    }


def _file_tags(r: BibRecord) -> tuple[str, ...]:
    """The record's tags as Roundtable stores tags; one that cannot be a tag is left out."""
    seen: dict[str, str] = {}
    for raw in r.tags:
        try:
            name = normalize_tag(raw.replace(",", " "))
        except BadTag:
            continue
        seen.setdefault(name.casefold(), name)
    return tuple(sorted(seen.values(), key=tag_sort_key))


def _merged_tags(current: tuple[str, ...], last: Sequence[str], incoming: tuple[str, ...]) -> tuple[str, ...]:
    """Three-way: what the file dropped since the last import goes, what it added comes, and
    the researcher's own tags stay."""
    folded_last = {t.casefold() for t in last}
    folded_in = {t.casefold() for t in incoming}
    kept = [t for t in current if not (t.casefold() in folded_last and t.casefold() not in folded_in)]
    have = {t.casefold() for t in kept}
    added = [t for t in incoming if t.casefold() not in folded_last and t.casefold() not in have]
    return tuple(sorted([*kept, *added], key=tag_sort_key))


def _plan(conn: sqlite3.Connection, found: bib.Bibliography) -> ImportPlan:
    known = _Known(conn)
    claimed: dict[int, str] = {}  # source (or new record's placeholder) -> the record that took it
    items: list[Planned] = []
    next_new = -1
    for r in found.records:
        if not r.title.strip():
            items.append(Planned(r, Outcome.SKIPPED, reason=T_("Bibliography", "it has no title")))
            continue
        sid = known.match(r)
        if sid is not None and sid in claimed:
            items.append(
                Planned(
                    r,
                    Outcome.SKIPPED,
                    reason=T_("Bibliography", "the same source as {other} in this file").format(
                        other=claimed[sid]
                    ),
                )
            )
            continue
        incoming = _file_values(r)
        tags = _file_tags(r)
        record_of_import = json.dumps({**incoming, "tags": list(tags)}, ensure_ascii=False, sort_keys=True)
        if sid is None:
            claimed[next_new] = r.where
            known.index(next_new, incoming)
            next_new -= 1
            values = dict(incoming)
            key = values["citation_key"]
            if key and key.lower() in known.keys_lower:  # another source has it in other case
                values["citation_key"] = None
            elif key:
                known.keys_lower.add(key.lower())
            items.append(
                Planned(
                    r,
                    Outcome.CREATED,
                    name=r.title,
                    values=values,
                    tags=tags,
                    imported=record_of_import,
                    files=_new_files(r, set()),
                )
            )
            continue
        claimed[sid] = r.where
        source = known.sources[sid]
        if source.trashed:
            items.append(
                Planned(
                    r,
                    Outcome.SKIPPED,
                    sid,
                    str(source.values["name"]),
                    reason=T_("Bibliography", "it is in the Trash; restore it to update it"),
                )
            )
            continue
        items.append(
            replace(
                _update(r, source, incoming, tags, record_of_import, known),
                files=_new_files(r, known.attached.get(sid, set())),
            )
        )
    return ImportPlan(found.path, found.format, tuple(items))


def _new_files(r: BibRecord, attached: set[tuple[str, int]]) -> tuple[tuple[str, str], ...]:
    """The record's files the source does not list yet (by name and size: a re-import reads
    no file it has already kept)."""
    out = []
    for path, media_type in dict.fromkeys(r.files):
        try:
            size = Path(path).stat().st_size
        except OSError:
            continue
        if (Path(path).name, size) not in attached:
            out.append((path, media_type))
    return tuple(out)


def _same(name: str, a: str | None, b: str | None) -> bool:
    """Equal, or the same web address written with or without its last slash or in capitals."""
    if name == "url" and a and b:
        return _url_key(a) == _url_key(b)
    return a == b


def _update(
    r: BibRecord,
    source: _Source,
    incoming: dict[str, str | None],
    tags: tuple[str, ...],
    record_of_import: str,
    known: _Known,
) -> Planned:
    last = source.imported
    changed: dict[str, str | None] = {}
    kept: list[str] = []
    for name in FIELDS:
        new, current = incoming[name], source.values[name]
        if _same(name, new, current):
            continue
        if last is not None and name in last:
            if current == last[name]:
                changed[name] = new  # the file changed it, the researcher did not
            else:
                kept.append(name)
        elif current is None:
            changed[name] = new  # the library had nothing there
        elif new is not None:
            kept.append(name)
    if "name" in changed and not changed["name"]:
        changed.pop("name")  # (a title is never emptied)
    key = changed.get("citation_key")
    if (
        key
        and key.lower() in known.keys_lower
        and key.lower() != (source.values["citation_key"] or "").lower()
    ):
        changed.pop("citation_key")
        kept.append("citation_key")
    elif key:
        known.keys_lower.add(key.lower())
    new_tags = _merged_tags(source.tags, (last or {}).get("tags", ()), tags)
    changes = [*changed]
    if [t.casefold() for t in new_tags] != [t.casefold() for t in source.tags]:
        changes.append("tags")
    outcome = Outcome.UPDATED if changes else Outcome.KEPT if kept else Outcome.SAME
    # What the file said is kept when the import writes the source, or when nothing was known:
    # an import that writes nothing changes nothing (a key an export gave stays the library's).
    stored = json.dumps(last, ensure_ascii=False, sort_keys=True) if last is not None else None
    imported = (
        record_of_import
        if (outcome is Outcome.UPDATED or last is None) and record_of_import != stored
        else None
    )
    return Planned(
        r,
        outcome,
        source.id,
        str(changed.get("name") or source.values["name"]),
        tuple(changes),
        tuple(kept),
        values=changed,
        tags=new_tags if "tags" in changes else None,
        imported=imported,
    )


# --- writing -------------------------------------------------------------------------------------


_BULK = 200  # new sources from which the indexes are filled once at the end, not by triggers
_REMEMBER = (
    "INSERT INTO source_import (source_id, origin, fields, imported_at) VALUES (?, ?, ?, ?) "
    "ON CONFLICT (source_id) DO UPDATE SET origin = excluded.origin, fields = excluded.fields, "
    "imported_at = excluded.imported_at"
)
_SOURCE_COLUMNS = tuple(c for c in FIELDS if c != "name")


def _write(
    conn: sqlite3.Connection, plan: ImportPlan, origin: str, progress: Progress, files: _Files | None = None
) -> None:
    """The sources matched are updated first, with the triggers that keep the search index and
    the lists; then the new ones are written."""
    now = now_iso()
    total = len(plan.items) or 1
    progress.step(0, total)
    for n, p in enumerate(plan.items):
        sid = p.source_id
        if p.outcome is Outcome.CREATED or sid is None:
            continue
        if n % 500 == 0:
            progress.step(n // 2, total)
        if p.outcome is Outcome.UPDATED:
            own = {k: v for k, v in p.values.items() if k != "name"}
            if own:
                conn.execute(
                    f"UPDATE source SET {', '.join(f'{k} = ?' for k in own)} WHERE id = ?",
                    (*own.values(), sid),
                )
            if "name" in p.values:
                conn.execute(
                    "UPDATE entity SET name = ?, updated_at = ? WHERE id = ?", (p.values["name"], now, sid)
                )
            else:
                conn.execute("UPDATE entity SET updated_at = ? WHERE id = ?", (now, sid))
        if p.tags is not None:
            write_entry_tags(conn, sid, p.tags)
        if p.imported is not None:
            conn.execute(_REMEMBER, (sid, origin, p.imported, now))
        if p.files and files is not None:
            files.keep(conn, sid, p.files, now)
    progress.step(total // 2, total)
    created = [p for p in plan.items if p.outcome is Outcome.CREATED]
    if created:
        first = _create(conn, created, origin, now)
        if files is not None:
            for sid, p in enumerate(created, first):
                if p.files:
                    files.keep(conn, sid, p.files, now)
    progress.step(total, total)


class _Files:
    """The files an import keeps with its sources, in the library's attachments folder. Those
    it wrote there go again if the import does not commit (`take_back`)."""

    def __init__(self, folder: Path) -> None:
        from app.io.attachments import AttachmentStore

        self.store = AttachmentStore(folder)
        self.added: list[Path] = []

    def keep(self, conn: sqlite3.Connection, sid: int, files: Sequence[tuple[str, str]], now: str) -> None:
        from app.io.attachments import FileState, sha256_of
        from app.user_files import MB, UnreadableFile, read_bytes

        for path, media_type in files:
            try:
                data = read_bytes(Path(path), limit=1024 * MB)
            except UnreadableFile as exc:
                raise BibliographyError(exc.message) from exc
            except OSError as exc:
                raise BibliographyError(
                    T_("Bibliography", "{path} cannot be read: {error}.").format(
                        path=path, error=exc.strerror or str(exc)
                    )
                ) from exc
            sha = sha256_of(data)
            there = self.store.state(sha, media_type) is FileState.PRESENT
            stored = self.store.add(data, media_type)
            if not there:
                self.added.append(stored.path)
            conn.execute(
                "INSERT INTO attachment (source_id, sha256, filename, media_type, size, added_at) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (source_id, sha256) DO NOTHING",
                (sid, sha, Path(path).name, media_type, stored.size, now),
            )

    def take_back(self) -> None:
        for path in self.added:
            path.unlink(missing_ok=True)
        self.added.clear()


def _create(conn: sqlite3.Connection, created: list[Planned], origin: str, now: str) -> int:
    """New sources, written a table at a time. Many of them are written as the data file import
    writes (app/services/importer.py): the search index's and the lists' triggers dropped in
    this transaction (a rollback puts them back) and their rows filled for the new ids at the
    end; 10,000 sources took a minute row by row, a few seconds so."""
    from app.db import list_index, search_index
    from app.db.schema_version import HEAD

    head = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    bulk = len(created) >= _BULK and head is not None and head[0] == HEAD
    if bulk:
        tables = {f.table for f in search_index.FIELDS}
        after = {t: int(conn.execute(f"SELECT coalesce(max(id), 0) FROM {t}").fetchone()[0]) for t in tables}
        for name in (*search_index.trigger_names(), *list_index.trigger_names()):
            conn.execute(f"DROP TRIGGER IF EXISTS {name}")
    first = int(conn.execute("SELECT coalesce(max(id), 0) FROM entity").fetchone()[0]) + 1
    taken = {row[0] for row in conn.execute("SELECT slug FROM entity")}
    entities, sources = [], []
    for sid, p in enumerate(created, first):
        slug = unique_slug(slugify(p.values["name"], fallback="source"), taken)
        taken.add(slug)
        entities.append((sid, str(uuid.uuid4()), slug, p.values["name"], now, now))
        sources.append((sid, *(p.values[c] for c in _SOURCE_COLUMNS)))
    conn.executemany(
        "INSERT INTO entity (id, uid, kind, slug, name, summary, created_at, updated_at) "
        "VALUES (?, ?, 'source', ?, ?, '', ?, ?)",
        entities,
    )
    conn.executemany(
        f"INSERT INTO source (id, {', '.join(_SOURCE_COLUMNS)}) VALUES (?, {', '.join('?' * len(_SOURCE_COLUMNS))})",
        sources,
    )
    if bulk:
        for sql, params in (*search_index.fill_after(after), *list_index.fill_after(after["entity"])):
            conn.execute(sql, params)
        for statement in (*search_index.triggers(), *list_index.triggers()):
            conn.execute(statement)
    # Every tag once: the spelling a tag was first given, shared by all the sources that have it.
    spelled: dict[str, str] = {}
    for p in created:
        for tag in p.tags or ():
            spelled.setdefault(tag.casefold(), tag)
    ids = tag_ids(conn, list(spelled.values())) if spelled else []
    tag_of = dict(zip(spelled, ids, strict=True)) if len(ids) == len(spelled) else {}
    pairs: list[tuple[int, int]] = []
    for sid, p in enumerate(created, first):
        if tag_of:
            pairs.extend({(sid, tag_of[t.casefold()]) for t in p.tags or ()})
        elif p.tags:
            write_entry_tags(conn, sid, p.tags)  # (tags the library spells alike: one at a time)
    conn.executemany("INSERT INTO entity_tag (entity_id, tag_id) VALUES (?, ?)", sorted(pairs))
    conn.executemany(
        _REMEMBER, [(sid, origin, p.imported, now) for sid, p in enumerate(created, first) if p.imported]
    )
    return first


@contextmanager
def _writing(db: Database) -> Iterator[sqlite3.Connection]:
    with db.sessions.begin() as session:
        conn = session.connection().connection.driver_connection
        assert isinstance(conn, sqlite3.Connection)
        yield conn


# --- the service ---------------------------------------------------------------------------------


class Bibliographies:
    """Bibliographies in and out of one library (Library.bibliography)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def read(self, path: Path, fmt: str | None = None) -> bib.Bibliography:
        """The records of the file or Zotero folder at `path` (BibliographyError if it cannot)."""
        return bib.read(path, fmt)

    def preview(self, path: Path, fmt: str | None = None, progress: Progress = NO_PROGRESS) -> ImportPlan:
        """What importing `path` would do; writes nothing."""
        progress.begin(READING)
        found = self.read(path, fmt)
        return _plan(self._db.read(), found)

    def run(self, path: Path, fmt: str | None = None, progress: Progress = NO_PROGRESS) -> ImportPlan:
        """Import `path`: all or nothing, after a backup of a library that holds anything. The
        plan is made again inside the write, so it is what the library holds then."""
        progress.begin(READING)
        found = self.read(path, fmt)
        origin = "Zotero" if found.format == bib.ZOTERO else path.name
        from app.paths import attachments_dir

        files = _Files(attachments_dir(self._db.path))
        try:
            with _writing(self._db) as conn:
                plan = _plan(conn, found)
                if not plan.writes:
                    return plan
                backup = None
                holds = conn.execute(
                    "SELECT EXISTS (SELECT 1 FROM entity) OR EXISTS (SELECT 1 FROM note)"
                ).fetchone()[0]
                if holds:
                    from app.services.backups import BEFORE_IMPORT, backup_now

                    progress.begin(BACKING_UP)
                    backup = backup_now(self._db.path, BEFORE_IMPORT)
                progress.begin(WRITING)
                _write(conn, plan, origin, progress, files)
        except BaseException:
            files.take_back()  # nothing imported: the files kept for it go too
            raise
        return ImportPlan(plan.path, plan.format, plan.items, backup)

    # --- export ----------------------------------------------------------------------------------

    def keys_missing(self) -> int:
        """How many sources outside the Trash have no citation key yet."""
        row = (
            self._db.read()
            .execute(
                "SELECT count(*) FROM source s JOIN entity e ON e.id = s.id "
                "WHERE e.deleted_at IS NULL AND s.citation_key IS NULL"
            )
            .fetchone()
        )
        return int(row[0])

    def suggested_key(
        self,
        title: str,
        publisher: str = "",
        authors: str = "",
        published: str = "",
        *,
        source_id: int | None = None,
    ) -> str:
        """The key `give_keys` (and so export --bib) would give a source with these values
        now: the form shows it where the researcher has not chosen one."""
        taken = {
            str(k).lower()
            for (k,) in self._db.read().execute(
                "SELECT citation_key FROM source WHERE citation_key IS NOT NULL AND id != ?",
                (source_id or -1,),
            )
        }
        record = BibRecord(
            title=title.strip(),
            publisher=_none_if_blank(publisher),
            authors=tuple(line.strip() for line in authors.splitlines() if line.strip()),
            published=published.strip() or None,
        )
        return bib.make_key(record, taken)

    def give_keys(self) -> int:
        """Give every source outside the Trash without a key one, stored; returns how many."""
        if not self.keys_missing():
            return 0
        with _writing(self._db) as conn:
            records = _records(conn)
            taken = {
                str(k).lower()
                for (k,) in conn.execute("SELECT citation_key FROM source WHERE citation_key IS NOT NULL")
            }
            made = [(bib.make_key(r, taken), sid) for sid, r in records if r.key is None]
            conn.executemany("UPDATE source SET citation_key = ? WHERE id = ?", made)
        return len(made)

    def export(self, target: Path, fmt: str) -> BibliographyExported:
        """Write every source outside the Trash to `target` in `fmt` (atomically); sources
        without a key get one first (KeysNeeded when the library is open read-only)."""
        report = BibliographyExported(target, fmt)
        report.keys_made = self.keys_for_export()
        conn = self._db.connect()
        try:
            conn.execute("BEGIN")  # one consistent snapshot
            report.sources, text = bibliography_text(conn, fmt)
        finally:
            conn.close()
        atomic.write_text(target, text)
        return report

    def keys_for_export(self) -> int:
        """Give the sources without a key one before an export cites them (KeysNeeded when the
        library is open read-only, as they could not be kept); returns how many were made."""
        missing = self.keys_missing()
        if missing and self._db.read_only:
            raise KeysNeeded(
                T_(
                    "Bibliography",
                    "{count} sources have no citation key yet, and {name} is open read-only ({reason}); "
                    "close the window that has it open and export again, so their keys are kept.",
                ).format(count=missing, name=self._db.path.name, reason=self._db.read_only_reason or "")
            )
        return self.give_keys()


def bibliography_text(conn: sqlite3.Connection, fmt: str) -> tuple[int, str]:
    """Every source outside the Trash in `fmt`, by citation key, and how many: what export
    --bib writes, and the vault export's bibliography (keys given first: `give_keys`)."""
    records = [r for _sid, r in _records(conn, cited=fmt == bib.CSL_JSON)]
    records.sort(key=lambda r: (r.key or "").lower())
    return len(records), bib.write(records, fmt)


_SOURCES_SQL = (
    "SELECT e.id, e.name, s.publisher, s.authors, s.published, s.language, s.source_kind, s.url, "
    "s.citation_key, s.doi FROM entity e JOIN source s ON s.id = e.id WHERE e.deleted_at IS NULL ORDER BY e.id"
)
# Each citation of a source with a locator, and the key it is cited by.
_LOCATORS_SQL = (
    "SELECT DISTINCT c.source_id, c.locator FROM citation c JOIN entity e ON e.id = c.source_id "
    "WHERE e.deleted_at IS NULL AND c.locator IS NOT NULL AND trim(c.locator) != '' ORDER BY c.source_id, c.id"
)


def _records(conn: sqlite3.Connection, *, cited: bool = False) -> list[tuple[int, BibRecord]]:
    tags: dict[int, list[str]] = {}
    for eid, name in conn.execute(
        "SELECT et.entity_id, t.name FROM entity_tag et JOIN tag t ON t.id = et.tag_id "
        "JOIN entity e ON e.id = et.entity_id WHERE e.kind = 'source'"
    ):
        tags.setdefault(eid, []).append(name)
    locators: dict[int, list[str]] = {}
    if cited:
        for sid, locator in conn.execute(_LOCATORS_SQL):
            locators.setdefault(sid, []).append(locator)
    out = []
    for sid, name, publisher, authors, published, language, kind, url, key, doi in conn.execute(_SOURCES_SQL):
        record = BibRecord(
            title=name,
            publisher=_none_if_blank(publisher),
            authors=tuple(line.strip() for line in (authors or "").splitlines() if line.strip()),
            published=published,
            language=_none_if_blank(language),
            kind=_none_if_blank(kind),
            url=_none_if_blank(url),
            key=key,
            doi=_none_if_blank(doi),
            tags=tuple(sorted(tags.get(sid, ()), key=tag_sort_key)),
            cited=tuple(dict.fromkeys(bib.pandoc_citation(key, loc) for loc in locators.get(sid, ())))
            if key
            else (),
        )
        out.append((sid, record))
    return out
