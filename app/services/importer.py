"""Importing a data file into the database: all or nothing, in one transaction.

The bundled dataset is loaded through this same path. Entries match existing ones by uid,
then by slug: a matching entry with the same content is left alone; one that differs is kept
as the researcher has it and reported as a conflict. So importing a file twice changes nothing.

A data file may hold a million entries, so the rows are written as SQLite takes them fastest:
ids handed out here, each table's rows in one `executemany`, and the search index and the
lists' columns filled for the new rows at the end instead of by a trigger for every row (the
triggers are dropped for the import and put back before it commits). At 10,000 entries the
row-by-row ORM import took a minute; see benchmarks/importing.py for what it takes now.
Progress is reported by stage, and cancelling (`Progress.cancel`) rolls everything back,
the statement that is running included.
"""

from __future__ import annotations

import hashlib
import sqlite3
import uuid
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from app.clock import now_iso
from app.db import list_index, search_index
from app.db import models as m
from app.db.database import Database
from app.db.schema_version import HEAD
from app.db.vocabulary import CITATION_OWNERS
from app.i18n import T_
from app.io.attachments import AttachmentStore, FileState, file_name, sha256_of
from app.io.datafile import (
    REF_FIELDS,
    SCALAR_FIELDS,
    SECTION_OF_KIND,
    DataFile,
    InvalidDataFile,
    Problem,
    check_meaning,
    problem_at,
    read,
)
from app.paths import attachments_dir
from app.records.wikilinks import targets
from app.services.notes import note_title
from app.services.progress import NO_PROGRESS, Cancelled, Progress
from app.services.wikilinks import resolve_all
from app.user_files import MB, UnreadableFile, read_bytes

_NAMESPACE = uuid.UUID("6f1c8a52-37d4-4c55-9a43-5e8f0d7b2a61")

# The stages of an import, as a progress display names them.
READING = T_("Importing", "Reading the file")
CHECKING = T_("Importing", "Checking references")
BACKING_UP = T_("Importing", "Backing up the library")
WRITING = T_("Importing", "Writing")
INDEXING = T_("Importing", "Indexing for search and lists")
COPYING = T_("Importing", "Copying attached files")

# The folder beside a data file that holds the files its sources list, named by checksum
# (`roundtable export --json FILE --attachments DIR` writes them; import looks here unless told).
ATTACHMENTS_FOLDER = "attachments"
# The largest attached file an import reads (a scanned book as a PDF is a few hundred MB).
MAX_ATTACHMENT_BYTES = 1024 * MB

_STEP_EVERY = 1000  # records between progress steps (and chances to cancel) in Python loops
_CHUNK = 5000  # rows per executemany
_SQLITE_STEPS = 20_000  # SQLite instructions between checks for a cancel inside a statement
_LOOKUP_CHUNK = 5000  # names per IN (...) lookup

_ENTITY_COLUMNS = ("id", "uid", "kind", "slug", "name", "summary", "created_at", "updated_at", "deleted_at")
_CITATION_COLUMNS = (
    "id",
    "source_id",
    "field",
    "quote",
    "locator",
    "reliability",
    "note",
    "quote_prefix",
    "quote_suffix",
    "quote_start",
    "quote_end",
    "position",
    *CITATION_OWNERS,
)
# Each table's columns, in the order its rows are built below.
_COLUMNS: dict[str, tuple[str, ...]] = {
    "tag": ("id", "name"),
    "entity": _ENTITY_COLUMNS,
    **{
        kind: (
            "id",
            *(attr for _, attr in SCALAR_FIELDS[kind]),
            *(attr for _, attr in REF_FIELDS[kind]),
            *(("archived_text", "authors") if kind == "source" else ()),
        )
        for kind in SECTION_OF_KIND
    },
    "attachment": ("id", "source_id", "sha256", "filename", "media_type", "size", "added_at"),
    "alias": ("id", "entity_id", "value", "language", "script", "kind"),
    "fact": ("id", "entity_id", "position", "text", "date"),
    "membership": ("id", "member_id", "organization_id", "status", "start_date", "end_date"),
    "role": ("id", "person_id", "title", "organization_id", "country_id", "as_of", "start_date", "end_date"),
    "participation": ("id", "event_id", "entity_id", "role"),
    "initiative_party": ("id", "initiative_id", "entity_id", "role"),
    "entity_tag": ("entity_id", "tag_id"),
    "statement": ("id", "speaker_id", "speaker_label", "event_id", "date", "text", "kind", "language"),
    "citation": _CITATION_COLUMNS,
    "note": ("id", "uid", "entity_id", "title", "body", "created_at", "updated_at", "deleted_at"),
    "note_revision": ("id", "note_id", "title", "body", "created_at"),
    "note_tag": ("note_id", "tag_id"),
    "saved_search": ("id", "name", "query", "created_at"),
}
# Written in this order, so every row's foreign keys point at rows already written.
_ORDER = tuple(_COLUMNS)
# Tables whose new rows get ids here (the rest are pairs of ids).
_WITH_IDS = tuple(t for t, cols in _COLUMNS.items() if cols[0] == "id")
# What a kind's column holds when the file leaves it out: the model's default (app/db/models.py).
_DEFAULTS: dict[str, dict[str, Any]] = {
    kind: {
        c.name: c.default.arg
        for c in m.MODEL_OF_KIND[kind].__table__.columns
        if c.default is not None and c.default.is_scalar
    }
    for kind in SECTION_OF_KIND
}
_DEFAULT_RELIABILITY: str = _DEFAULTS["source"]["reliability"]
_NO_ANCHOR: dict[str, Any] = {}


@dataclass
class ImportReport:
    filename: str
    created: Counter[str] = field(default_factory=Counter)
    unchanged: Counter[str] = field(default_factory=Counter)
    conflicts: list[str] = field(default_factory=list)
    already_imported: bool = False
    # Files the new sources list that were neither beside the data file nor in the library:
    # the sources are imported, and `roundtable check` reports the files as missing.
    missing_files: list[str] = field(default_factory=list)
    files_copied: int = 0

    def summary(self) -> str:
        made = ", ".join(f"{k} {n}" for k, n in sorted(self.created.items())) or "nothing new"
        same = sum(self.unchanged.values())
        text = f"Imported from {self.filename}: {made}"
        if same:
            text += f"; {same} already present"
        if self.conflicts:
            text += f"; {len(self.conflicts)} kept as you have them (they differ from the file)"
        if self.files_copied:
            text += f"; {self.files_copied} attached files copied"
        if self.missing_files:
            text += f"; {len(self.missing_files)} attached files were not found beside it"
        return text + "."


class _Known:
    """What the database holds, for the file's references (see app.io.datafile.Known)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self._kinds: dict[str, str] = dict(conn.execute("SELECT slug, kind FROM entity"))
        self._texts: dict[str, str | None] = {}

    def kind_of(self, slug: str) -> str | None:
        return self._kinds.get(slug)

    def archived_text(self, source_slug: str) -> str | None:
        if source_slug not in self._texts:  # asked once for each quote: a source is read once
            row = self._conn.execute(
                "SELECT s.archived_text FROM source s JOIN entity e ON e.id = s.id WHERE e.slug = ?",
                (source_slug,),
            ).fetchone()
            self._texts[source_slug] = row[0] if row else None
        return self._texts[source_slug]

    def code_holder(self, iso_alpha2: str) -> str | None:
        row = self._conn.execute(
            "SELECT e.slug FROM country c JOIN entity e ON e.id = c.id WHERE c.iso_alpha2 = ?", (iso_alpha2,)
        ).fetchone()
        return str(row[0]) if row else None


def entry_uid(dataset_id: str | None, slug: str) -> str:
    if dataset_id:
        return _uuid5(_dataset_hash(dataset_id), slug)
    return str(uuid.uuid4())


@lru_cache(maxsize=4)
def _dataset_hash(dataset_id: str) -> Any:
    return hashlib.sha1(_NAMESPACE.bytes + f"{dataset_id}/".encode(), usedforsecurity=False)


def _uuid5(prefix: Any, name: str) -> str:
    """str(uuid.uuid5(_NAMESPACE, dataset_id + "/" + name)), from the dataset's part hashed once:
    the uuid module's objects took a second for every 100,000 entries."""
    digest = prefix.copy()
    digest.update(name.encode())
    raw = bytearray(digest.digest()[:16])
    raw[6] = (raw[6] & 0x0F) | 0x50  # version 5
    raw[8] = (raw[8] & 0x3F) | 0x80  # RFC 4122 variant
    h = raw.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def note_uid(rec: dict[str, Any]) -> str:
    """Notes without a uid get one from their content, so a re-import matches them."""
    return str(
        uuid.uuid5(
            _NAMESPACE,
            "note/" + (rec.get("entry") or "") + "/" + (rec.get("title") or "") + "/" + rec["body"],
        )
    )


def import_path(
    db: Database, path: Path, progress: Progress = NO_PROGRESS, attachments: Path | None = None
) -> ImportReport:
    """Read, check and import the data file at `path` (see import_file), reporting each stage."""
    progress.begin(READING)
    return import_file(db, read(path, step=progress.step), progress, attachments)


def import_file(
    db: Database, df: DataFile, progress: Progress = NO_PROGRESS, attachments: Path | None = None
) -> ImportReport:
    """Write `df` into `db` in one transaction, or raise InvalidDataFile and write nothing.

    The files its sources list are taken from the folder `attachments` (by default the
    `attachments` folder beside the data file), each checked against its checksum before
    anything is written, and kept in the library's attachments folder.

    A library that holds anything is backed up first, once the file has passed validation
    (the backup reads the last committed state beside this write transaction, as WAL allows).
    Raises Cancelled, having written nothing, when `progress` is cancelled before the end.
    """
    files = _Files(df, attachments, AttachmentStore(attachments_dir(db.path)))
    try:
        with db.sessions.begin() as session:
            conn = session.connection().connection.driver_connection
            assert isinstance(conn, sqlite3.Connection)
            with _stoppable(conn, progress):
                progress.begin(CHECKING)
                progress.step(0, 1)
                problems = check_meaning(df, _Known(conn)) + files.check(progress)
                if problems:
                    raise InvalidDataFile(df.path, problems)
                progress.step(1, 1)
                if _worth_a_backup(conn, df):
                    from app.services.backups import BEFORE_IMPORT, backup_now

                    progress.begin(BACKING_UP)
                    progress.step(0, 1)
                    backup_now(db.path, BEFORE_IMPORT)
                    progress.step(1, 1)
                importer = _Importer(conn, df, progress)
                report = importer.run()
                files.copy(importer.attached, report, progress)
                if progress.cancelled:  # a last chance, before the commit
                    raise Cancelled()
                return report
    except BaseException:
        files.take_back()  # nothing imported: the files copied for it go too
        raise


class _Files:
    """The files a data file's sources list: checked against their checksums before the import
    writes anything, then copied into the library's attachments folder before it commits."""

    def __init__(self, df: DataFile, folder: Path | None, store: AttachmentStore) -> None:
        self.df = df
        self.explicit = folder is not None
        self.folder = folder if folder is not None else df.path.parent / ATTACHMENTS_FOLDER
        self.store = store
        self.found: dict[str, Path] = {}  # sha256 -> the checked file beside the data file
        self.added: list[Path] = []  # files this import put in the library's folder

    def _listed(self) -> list[tuple[list[str | int], dict[str, Any]]]:
        return [
            (["sources", i, "attachments", n], attached)
            for i, src in enumerate(self.df.data.get("sources") or ())
            for n, attached in enumerate(src.get("attachments") or ())
        ]

    def check(self, progress: Progress) -> list[Problem]:
        listed = self._listed()
        if not listed:
            return []
        if not self.folder.is_dir():
            if not self.explicit:
                return []  # no folder of files beside it: those the library lacks are missing
            return [
                Problem(
                    "(file)",
                    "",
                    T_(
                        "Importing", "the attached files were to come from {folder}, which is not a folder"
                    ).format(folder=self.folder),
                )
            ]
        problems: list[Problem] = []
        for n, (at, attached) in enumerate(listed):
            progress.step(n, len(listed))
            sha, media_type = attached["sha256"], attached["media_type"]
            if sha in self.found:
                continue
            path = self.folder / file_name(sha, media_type)
            try:
                data = read_bytes(path, limit=MAX_ATTACHMENT_BYTES)
            except FileNotFoundError:
                continue  # the library may have it already; else it is reported as missing
            except UnreadableFile as exc:
                problems.append(problem_at(self.df, at, str(exc)))
                continue
            except OSError as exc:
                problems.append(
                    problem_at(
                        self.df,
                        at,
                        T_("Importing", "{file} cannot be read: {error}").format(
                            file=path, error=exc.strerror or exc
                        ),
                    )
                )
                continue
            problem = _differs(path, data, sha, attached["size"])
            if problem:
                problems.append(problem_at(self.df, at, problem))
            else:
                self.found[sha] = path
        return problems

    def copy(self, wanted: list[tuple[str, str]], report: ImportReport, progress: Progress) -> None:
        """Keep the new sources' files in the library (those it has already stay as they are)."""
        if not wanted:
            return
        progress.begin(COPYING)
        for n, (sha, media_type) in enumerate(dict.fromkeys(wanted)):
            progress.step(n, len(wanted))
            if progress.cancelled:
                raise Cancelled()
            state = self.store.state(sha, media_type)
            if state is FileState.PRESENT:
                continue
            path = self.found.get(sha)
            if path is None:
                report.missing_files.append(file_name(sha, media_type))
                continue
            try:
                data = read_bytes(path, limit=MAX_ATTACHMENT_BYTES)
            except (OSError, UnreadableFile) as exc:
                reason = getattr(exc, "strerror", None) or exc
                raise InvalidDataFile(
                    self.df.path,
                    [
                        Problem(
                            "(file)",
                            "",
                            T_("Importing", "{file} cannot be read: {error}").format(file=path, error=reason),
                        )
                    ],
                ) from exc
            if sha256_of(data) != sha:  # changed since it was checked
                problem = _differs(path, data, sha, len(data)) or ""
                raise InvalidDataFile(self.df.path, [Problem("(file)", "", problem)])
            stored = self.store.add(data, media_type)
            if state is FileState.MISSING:  # (a damaged copy it replaced is not taken back)
                self.added.append(stored.path)
            report.files_copied += 1
        progress.step(len(wanted), len(wanted))

    def take_back(self) -> None:
        for path in self.added:
            path.unlink(missing_ok=True)
        self.added.clear()


def _differs(path: Path, data: bytes, sha: str, size: int) -> str | None:
    """What is wrong with `data`, read from `path` and listed with checksum `sha` and `size`."""
    if sha256_of(data) != sha:
        return T_(
            "Importing",
            "{file} is not the file the data file lists: its bytes do not have the SHA-256 it is "
            "named by (it was changed or damaged after the export)",
        ).format(file=path)
    if len(data) != size:
        return T_("Importing", "{file} is {actual} bytes, and the data file lists {size}").format(
            file=path, actual=len(data), size=size
        )
    return None


@contextmanager
def _stoppable(conn: sqlite3.Connection, progress: Progress) -> Iterator[None]:
    """Cancelling stops a running statement too (an index of a million rows is one statement):
    SQLite asks the handler every few thousand instructions, and aborts when it says so."""
    conn.set_progress_handler(lambda: 1 if progress.cancelled else 0, _SQLITE_STEPS)
    try:
        yield
    except sqlite3.OperationalError:
        if progress.cancelled:  # (not chained: a cancel is no database trouble)
            raise Cancelled() from None
        raise
    finally:
        conn.set_progress_handler(None, 0)


def _worth_a_backup(conn: sqlite3.Connection, df: DataFile) -> bool:
    """Not for a new, empty library (the first seed), nor for a file imported before (it
    changes nothing)."""
    holds = conn.execute("SELECT EXISTS (SELECT 1 FROM entity) OR EXISTS (SELECT 1 FROM note)").fetchone()[0]
    return bool(holds) and not _imported_before(conn, df)


def _imported_before(conn: sqlite3.Connection, df: DataFile) -> bool:
    return conn.execute("SELECT 1 FROM dataset_import WHERE sha256 = ?", (df.sha256,)).fetchone() is not None


def _chunks(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class _Importer:
    def __init__(self, conn: sqlite3.Connection, df: DataFile, progress: Progress) -> None:
        self.conn = conn
        self.df = df
        self.progress = progress
        self.now = now_iso()
        self.report = ImportReport(df.path.name)
        self.dataset_id = df.dataset_id
        self.ids: dict[str, int] = dict(conn.execute("SELECT slug, id FROM entity"))
        self._by_uid: dict[str, str] = dict(conn.execute("SELECT uid, slug FROM entity"))
        self._tags: dict[str, int] = {name: tid for tid, name in conn.execute("SELECT id, name FROM tag")}
        # Each citation key the library holds, and the slug of the source it cites: a new
        # source may not take one (the index allows a key once).
        self._keys: dict[str, str] = (
            dict(
                conn.execute(
                    "SELECT s.citation_key, e.slug FROM source s JOIN entity e ON e.id = s.id "
                    "WHERE s.citation_key IS NOT NULL"
                )
            )
            if any(row[1] == "citation_key" for row in conn.execute("PRAGMA table_info(source)"))
            else {}
        )
        # What a citation that names no reliability inherits from its source.
        self._reliabilities: dict[int, str] = dict(conn.execute("SELECT id, reliability FROM source"))
        # The highest id of each table before the import: new rows are numbered after it, and
        # the indexes are filled for the rows above it.
        self.at_head = self._bulk()
        tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        self.before = {
            t: conn.execute(f"SELECT coalesce(max(id), 0) FROM {t}").fetchone()[0] if t in tables else 0
            for t in _WITH_IDS
        }
        self._next = dict(self.before)
        self.rows: dict[str, list[tuple[Any, ...]]] = {t: [] for t in _ORDER}
        self._matched: list[tuple[str, dict[str, Any], int]] = []  # (kind, record, existing id)
        self._links: list[tuple[int, str]] = []  # (new note id, body)
        self.attached: list[tuple[str, str]] = []  # (sha256, media type) of new sources' files
        self._done = 0
        self._total = 1

    def _id(self, table: str) -> int:
        self._next[table] += 1
        return int(self._next[table])

    def _step(self) -> None:
        self._done += 1
        if self._done % _STEP_EVERY == 0:
            self.progress.step(self._done, self._total)

    def run(self) -> ImportReport:
        df, data = self.df, self.df.data
        self.report.already_imported = _imported_before(self.conn, df)
        for src in data.get("sources") or ():
            if src.get("doi"):  # stored as the library keeps DOIs, so matching finds them
                src["doi"] = src["doi"].lower()
        records = list(df.entries())
        statements = data.get("statements") or []
        notes = data.get("notes") or []
        # Two halves: building the rows (a step a record), then writing them.
        self._total = 2 * (len(records) + len(statements) + len(notes)) or 1
        self.progress.begin(WRITING)
        self.progress.step(0, self._total)
        created: list[tuple[str, dict[str, Any]]] = []
        for kind, _, rec in records:
            if self._entry(kind, rec):
                created.append((kind, rec))
            self._step()
        self._compare_all()
        for kind, rec in created:
            self._relations(kind, rec)
        self._statements(statements)
        self._notes(notes)
        self._saved_searches(data.get("saved_searches") or [])
        for tag in data.get("tags") or []:
            self._tag(tag)
        bulk = self.at_head
        if bulk:
            # Dropped inside this transaction: a rollback puts them back as they were.
            for name in (*search_index.trigger_names(), *list_index.trigger_names()):
                self.conn.execute(f"DROP TRIGGER IF EXISTS {name}")
        self._write()
        if bulk:
            self._index()
        self._link_notes()
        if not self.report.already_imported:
            self.conn.execute(
                "INSERT INTO dataset_import (dataset_id, dataset_version, sha256, filename, imported_at, summary) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (df.dataset_id, df.dataset_version, df.sha256, df.path.name, self.now, self.report.summary()),
            )
        return self.report

    def _bulk(self) -> bool:
        """Index at the end, not row by row: only in a library whose indexes are this version's
        (this module fills them with this version's definitions). Older files are migrated
        before anything imports into them; tests import into old revisions on purpose."""
        row = self.conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return row is not None and row[0] == HEAD

    # --- entries ---------------------------------------------------------------------------

    def _entry(self, kind: str, rec: dict[str, Any]) -> bool:
        """Build the rows of a new entry, or note an existing one to compare; True when new."""
        slug = rec["slug"]
        existing_slug = self._by_uid.get(rec["uid"]) if rec.get("uid") else None
        existing_slug = existing_slug or (slug if slug in self.ids else None)
        if existing_slug is not None:
            self._matched.append((kind, rec, self.ids[existing_slug]))
            if existing_slug != slug:
                self.ids[slug] = self.ids[existing_slug]
            return False
        eid = self._id("entity")
        self.rows["entity"].append(
            (
                eid,
                rec.get("uid") or entry_uid(self.dataset_id, slug),
                kind,
                slug,
                rec["name"],
                rec.get("summary", ""),
                rec.get("created_at", self.now),
                rec.get("updated_at", self.now),
                rec.get("deleted_at"),
            )
        )
        self.ids[slug] = eid
        if kind == "source":
            self._reliabilities[eid] = rec.get("reliability") or _DEFAULT_RELIABILITY
        self.report.created[SECTION_OF_KIND[kind]] += 1
        return True

    def _compare_all(self) -> None:
        """Compare the file's matching entries with the library's, a chunk of rows a query,
        and report each that differs (in file order)."""
        kinds: dict[int, str] = {}
        values: dict[int, dict[str, Any]] = {}
        by_kind: dict[str, list[int]] = {}
        for kind, _, eid in self._matched:
            by_kind.setdefault(kind, []).append(eid)
        for kind, ids in by_kind.items():
            attrs = ["name", "summary", *(attr for _, attr in SCALAR_FIELDS[kind])]
            shown = ", ".join(
                ["e.id", "e.kind", *(f"e.{a}" for a in attrs[:2]), *(f"k.{a}" for a in attrs[2:])]
            )
            for chunk in _chunks(sorted(set(ids)), _LOOKUP_CHUNK):
                marks = ", ".join("?" * len(chunk))
                for row in self.conn.execute(
                    f"SELECT {shown} FROM entity e LEFT JOIN {kind} k ON k.id = e.id WHERE e.id IN ({marks})",
                    chunk,
                ):
                    kinds[row[0]] = row[1]
                    values.setdefault(row[0], {}).update(zip(attrs, row[2:], strict=True))
        for kind, rec, eid in self._matched:
            slug, here = rec["slug"], kinds.get(eid)
            if here != kind:
                self.report.conflicts.append(
                    f"{slug}: is a {here or 'missing entry'} here, a {kind} in the file"
                )
                continue
            differing = [
                key
                for key, attr in (("name", "name"), ("summary", "summary"), *SCALAR_FIELDS[kind])
                if key in rec and values[eid].get(attr) != rec[key]
            ]
            if differing:
                self.report.conflicts.append(f"{slug}: {', '.join(differing)} differ; kept yours")
            else:
                self.report.unchanged[SECTION_OF_KIND[kind]] += 1

    def _relations(self, kind: str, rec: dict[str, Any]) -> None:
        eid = self.ids[rec["slug"]]
        if kind == "source" and rec.get("citation_key"):
            rec = self._own_key(rec)
        own: list[Any] = [eid]
        own += [rec[key] if key in rec else _DEFAULTS[kind].get(attr) for key, attr in SCALAR_FIELDS[kind]]
        own += [self._opt(rec.get(key)) for key, _ in REF_FIELDS[kind]]
        if kind == "source":
            authors = rec.get("authors")
            own += [self.df.archived_texts.get(rec["slug"]), "\n".join(authors) if authors else None]
            for attached in rec.get("attachments") or ():
                self.rows["attachment"].append(
                    (
                        self._id("attachment"),
                        eid,
                        attached["sha256"],
                        attached["filename"],
                        attached["media_type"],
                        attached["size"],
                        self.now,
                    )
                )
                self.attached.append((attached["sha256"], attached["media_type"]))
        self.rows[kind].append(tuple(own))
        self._cite(rec.get("citations"), "entity_id", eid)
        for alias in rec.get("aliases") or []:
            aid = self._id("alias")
            self.rows["alias"].append(
                (
                    aid,
                    eid,
                    alias["value"],
                    alias.get("language"),
                    alias.get("script"),
                    alias.get("kind", "name"),
                )
            )
            self._cite(alias.get("citations"), "alias_id", aid)
        for pos, fact in enumerate(rec.get("facts") or []):
            fid = self._id("fact")
            self.rows["fact"].append((fid, eid, pos, fact["text"], fact.get("date")))
            self._cite(fact.get("citations"), "fact_id", fid)
        for ms in rec.get("memberships") or []:
            mid = self._id("membership")
            self.rows["membership"].append(
                (mid, eid, self.ids[ms["organization"]], ms["status"], ms.get("start"), ms.get("end"))
            )
            self._cite(ms.get("citations"), "membership_id", mid)
        for role in rec.get("roles") or []:
            rid = self._id("role")
            self.rows["role"].append(
                (
                    rid,
                    eid,
                    role["title"],
                    self._opt(role.get("organization")),
                    self._opt(role.get("country")),
                    role.get("as_of"),
                    role.get("start"),
                    role.get("end"),
                )
            )
            self._cite(role.get("citations"), "role_id", rid)
        for part in rec.get("participants") or []:
            pid = self._id("participation")
            self.rows["participation"].append((pid, eid, self.ids[part["entry"]], part["role"]))
            self._cite(part.get("citations"), "participation_id", pid)
        for party in rec.get("parties") or []:
            iid = self._id("initiative_party")
            self.rows["initiative_party"].append((iid, eid, self.ids[party["entry"]], party["role"]))
            self._cite(party.get("citations"), "party_id", iid)
        for tag in dict.fromkeys(rec.get("tags") or []):
            self.rows["entity_tag"].append((eid, self._tag(tag)))

    def _own_key(self, rec: dict[str, Any]) -> dict[str, Any]:
        """`rec`, without its citation key when another source holds that key (reported as a
        conflict: the source is imported, and the other keeps the key it is cited by)."""
        key, slug = rec["citation_key"], rec["slug"]
        holder = self._keys.setdefault(key, slug)
        if holder == slug:
            return rec
        self.report.conflicts.append(
            f"{slug}: citation key {key!r} is the key of {holder} here; imported without it"
        )
        return {k: v for k, v in rec.items() if k != "citation_key"}

    def _opt(self, slug: str | None) -> int | None:
        return self.ids[slug] if slug else None

    def _cite(self, citations: list[dict[str, Any]] | None, owner: str, owner_id: int) -> None:
        # (the order of the list is the order the researcher gave them: their position)
        for position, c in enumerate(citations or ()):
            source_id = self.ids[c["source"]]
            owners = [owner_id if o == owner else None for o in CITATION_OWNERS]
            anchor = c.get("anchor") or _NO_ANCHOR
            self.rows["citation"].append(
                (
                    self._id("citation"),
                    source_id,
                    c.get("field"),
                    c.get("quote"),
                    c.get("locator"),
                    c.get("reliability") or self._reliabilities.get(source_id) or _DEFAULT_RELIABILITY,
                    c.get("note"),
                    anchor.get("prefix"),
                    anchor.get("suffix"),
                    anchor.get("start"),
                    anchor.get("end"),
                    position,
                    *owners,
                )
            )

    def _tag(self, name: str) -> int:
        tid = self._tags.get(name)
        if tid is None:
            tid = self._id("tag")
            self.rows["tag"].append((tid, name))
            self._tags[name] = tid
        return tid

    # --- statements, notes, saved searches ---------------------------------------------------

    def _statements(self, statements: list[dict[str, Any]]) -> None:
        existing: set[tuple[int | None, str | None, int | None, str]] = set(
            self.conn.execute("SELECT speaker_id, speaker_label, event_id, text FROM statement")
        )
        for st in statements:
            self._step()
            key = (
                self._opt(st.get("speaker")),
                st.get("speaker_label"),
                self._opt(st.get("event")),
                st["text"],
            )
            if key in existing:
                self.report.unchanged["statements"] += 1
                continue
            existing.add(key)
            sid = self._id("statement")
            self.rows["statement"].append(
                (sid, key[0], key[1], key[2], st.get("date"), st["text"], st["kind"], st.get("language"))
            )
            self._cite(st.get("citations"), "statement_id", sid)
            self.report.created["statements"] += 1

    def _notes(self, notes: list[dict[str, Any]]) -> None:
        known: dict[str, str] = dict(self.conn.execute("SELECT uid, body FROM note"))
        for rec in notes:
            self._step()
            uid = rec.get("uid") or note_uid(rec)
            if uid in known:
                if known[uid] == rec["body"]:
                    self.report.unchanged["notes"] += 1
                else:
                    self.report.conflicts.append(
                        f"note {note_title(rec.get('title'), rec['body'])!r}: text differs; kept yours"
                    )
                continue
            nid = self._id("note")
            self.rows["note"].append(
                (
                    nid,
                    uid,
                    self._opt(rec.get("entry")),
                    # as given (an export's empty title stays empty); absent: from the body
                    rec["title"] if "title" in rec else note_title(None, rec["body"]),
                    rec["body"],
                    rec.get("created_at", self.now),
                    rec.get("updated_at", self.now),
                    rec.get("deleted_at"),
                )
            )
            known[uid] = rec["body"]
            for rev in rec.get("revisions") or []:
                self.rows["note_revision"].append(
                    (self._id("note_revision"), nid, rev.get("title", ""), rev["body"], rev["created_at"])
                )
            for tag in dict.fromkeys(rec.get("tags") or []):
                self.rows["note_tag"].append((nid, self._tag(tag)))
            self._links.append((nid, rec["body"]))
            self.report.created["notes"] += 1

    def _saved_searches(self, searches: list[dict[str, Any]]) -> None:
        known: dict[str, str] = dict(self.conn.execute("SELECT name, query FROM saved_search"))
        for rec in searches:
            if rec["name"] in known:
                if known[rec["name"]] != rec["query"]:
                    self.report.conflicts.append(f"saved search {rec['name']!r}: query differs; kept yours")
                continue
            known[rec["name"]] = rec["query"]
            self.rows["saved_search"].append(
                (self._id("saved_search"), rec["name"], rec["query"], rec.get("created_at", self.now))
            )
            self.report.created["saved searches"] += 1

    # --- writing -----------------------------------------------------------------------------

    def _write(self) -> None:
        """Every table's rows, in chunks, the second half of the stage's steps."""
        total = sum(len(rows) for rows in self.rows.values()) or 1
        half, written = self._total // 2, 0
        for table in _ORDER:
            rows = self.rows[table]
            columns = _COLUMNS[table]
            if not self.at_head and rows:
                rows, columns = self._as_stored(table, rows)
            sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
            for chunk in _chunks(rows, _CHUNK):
                self.conn.executemany(sql, chunk)
                written += len(chunk)
                self.progress.step(half + half * written // total, self._total)
            rows.clear()  # (a million rows: let them go as soon as they are written)
        self.progress.step(self._total, self._total)

    def _as_stored(
        self, table: str, rows: list[tuple[Any, ...]]
    ) -> tuple[list[tuple[Any, ...]], tuple[str, ...]]:
        """`rows` with only the columns `table` has in this library: one of an older revision
        (tests import into them on purpose) lacks the columns added since, which stay empty."""
        stored = {row[1] for row in self.conn.execute(f"PRAGMA table_info({table})")}
        keep = [i for i, column in enumerate(_COLUMNS[table]) if column in stored]
        return [tuple(row[i] for i in keep) for row in rows], tuple(_COLUMNS[table][i] for i in keep)

    def _index(self) -> None:
        """Index the new rows for search and the lists, then put the triggers back."""
        self.progress.begin(INDEXING)
        work: list[tuple[str, tuple[int, ...]]] = [
            *search_index.fill_after(self.before),
            *list_index.fill_after(self.before["entity"]),
        ]
        for n, (sql, params) in enumerate(work):
            self.progress.step(n, len(work))
            self.conn.execute(sql, params)
        for statement in (*search_index.triggers(), *list_index.triggers()):
            self.conn.execute(statement)
        self.progress.step(len(work), len(work))

    def _link_notes(self) -> None:
        """The new notes' backlinks, as app.services.wikilinks.relink makes them for one note,
        with the link targets of all notes resolved a chunk at a time."""
        wanted: dict[int, list[str]] = {nid: targets(body) for nid, body in self._links}
        names = list(dict.fromkeys(t for found in wanted.values() for t in found))
        entity: dict[str, int] = {}
        for chunk in _chunks(names, _LOOKUP_CHUNK):
            for name, ref in resolve_all(self.conn, chunk).items():
                if ref is not None:
                    entity[name] = ref.id
        links = [
            (nid, eid)
            for nid, found in wanted.items()
            for eid in sorted({entity[t] for t in found if t in entity})
        ]
        for chunk in _chunks(links, _CHUNK):
            self.conn.executemany("INSERT INTO note_link (note_id, entity_id) VALUES (?, ?)", chunk)
