"""The open library: one object for the file, its writer lock, its database, the one `Writer`
every note and tag write goes through, and the services over them, each built once.

`Library.open(path, purpose)` is the only way in, for the window and the command line alike.
It does, in this order: take the writer lock (not for reading), look at the file without
writing to it, open it (creating, migrating and seeding it when needed), check it and hold
writes until the check has passed. What differs between callers is the purpose:

    READ    a reading command: read-only, no lock; a file never set up is set up first
    WRITE   a writing command: the lock (waiting a little), quick_check before any write
    WINDOW  the window: the lock when it is free, read-only otherwise; the check runs in the
            background (`library.check`, started by the window after its first paint)

Failures are raised for the caller to show: DatabaseRefused (not ours, newer, damaged,
unreadable), LockHeld / LockUnavailable (commands), FailedCheck (a writing command on a damaged
file), and for the window `Locked` and `Unopened`, which carry the `Problem` to ask the user
about (app/services/opening.py). The window asks, then calls `Library.open` again with the
user's choice.

A normal window start inspects the file once (the assessment's inspection opens it), then
quick_check reads it once in the background.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from enum import Enum
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from app.db import lock as writer_lock
from app.db.database import (
    Database,
    DatabaseReadOnly,
    DatabaseRefused,
    Inspection,
    Refusal,
    State,
    inspect,
    open_database,
    quick_check,
    require_file,
)
from app.db.lock import LockHeld, LockUnavailable, WriterLock
from app.i18n import T_, Message
from app.paths import dataset_file
from app.services.opening import (
    Problem,
    StartupCheck,
    assess,
    damaged,
    in_use_problem,
    refused_problem,
)
from app.services.progress import NO_PROGRESS, Progress
from app.services.writing import Writer

if TYPE_CHECKING:
    from app.records.duplicates import DuplicateGroup
    from app.records.entries import CheckReport
    from app.services.about import AboutLibrary
    from app.services.bibliography import Bibliographies
    from app.services.bulk import Bulk
    from app.services.details import EntryDetails
    from app.services.editing import Editor
    from app.services.entries import EntryLists
    from app.services.importer import ImportReport
    from app.services.json_export import Exported
    from app.services.markdown_export import ExportReport, MarkdownExport
    from app.services.markdown_import import MarkdownImportReport
    from app.services.merge import Merger
    from app.services.note_lists import NoteLists
    from app.services.notes import Notes
    from app.services.saved_searches import SavedSearches
    from app.services.search import Search
    from app.services.sources import SourceTexts
    from app.services.table_import import TableImports
    from app.services.tags import Tags
    from app.services.vault_import import NotesImportReport

# What the callers of Library.open catch (they never import app.db themselves).
__all__ = [
    "Database",
    "DatabaseReadOnly",
    "DatabaseRefused",
    "FailedCheck",
    "Inspection",
    "Library",
    "LockHeld",
    "LockUnavailable",
    "Locked",
    "Purpose",
    "Refusal",
    "State",
    "Unopened",
    "WriterLock",
    "bring_up_to_date",
    "inspect",
    "lock_for_writing",
    "needs_seed",
    "open_library",
    "require_file",
    "seed",
]

LOCK_WAIT_S = 3.0  # a writing command gives a window that is starting, or a short import, this long
READING: Message = "a reading command"  # (said only to code that tries to write)


class Purpose(Enum):
    READ = "read"
    WRITE = "write"
    WINDOW = "window"


class FailedCheck(Exception):
    """A writing command found the file damaged (quick_check); nothing was changed."""

    def __init__(self, path: Path, problems: tuple[str, ...]) -> None:
        super().__init__(f"{path} is damaged ({problems[0]})")
        self.path = path
        self.problems = problems


class Locked(Exception):
    """The window: another process holds the writer lock. The window may hand over to it (one
    of this user's windows) or ask the user with `problem()`."""

    def __init__(self, path: Path, held: LockHeld) -> None:
        super().__init__(str(held))
        self.path = path
        self.held = held

    def problem(self) -> Problem:
        who = self.held.holder.describe() if self.held.holder else T_("Lock", "another Roundtable process")
        return in_use_problem(self.path, who, can_read=_is_current(self.path))


class Unopened(Exception):
    """The window: the file cannot be opened as it is; `problem` says why and the ways forward.
    `lock` is the writer lock, still held for the caller while it asks (a restore needs it)."""

    def __init__(self, problem: Problem, lock: WriterLock | None) -> None:
        super().__init__(str(problem.explanation))
        self.problem = problem
        self.lock = lock


SettingUp = Callable[[Path], AbstractContextManager[None]]


class Library:
    """An open library. Build it with `Library.open`; `Library(db)` wraps a database opened
    elsewhere (tests, screenshots), without a lock."""

    def __init__(
        self,
        db: Database,
        *,
        lock: WriterLock | None = None,
        check: StartupCheck | None = None,
        cannot_replace: Message | None = None,
        location_warning: Message | None = None,
    ) -> None:
        self.db = db
        self.path = db.path
        self.lock = lock
        self.check = check  # the window's start-up check, until it has run
        self.cannot_replace = cannot_replace  # why the file may not be replaced (a read-only folder)
        self.location_warning = location_warning
        self.writer = Writer(db)  # every note and tag write goes through this one
        self._before_close: list[Callable[[], None]] = []

    # --- opening ------------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: Path,
        purpose: Purpose,
        *,
        program: str = "",
        lock: WriterLock | None = None,
        read_only: Message | None = None,
        as_is: bool = False,
        damage: sqlite3.DatabaseError | None = None,
        setting_up: SettingUp | None = None,
    ) -> Library:
        """Open `path` for `purpose` (see the module docstring). `program` names the holder of
        the writer lock (the command). Window only: `lock`, one already held for `path`;
        `read_only`, the reason the user chose to read only (nothing is locked); `as_is`, open
        it for reading whatever its state (a damaged file the user chose to read); `damage`,
        what failed when the window last read it (it is treated as damaged); `setting_up`, a
        context around creating or migrating it."""
        if purpose is Purpose.READ:
            return cls._open_reading(path)
        if purpose is Purpose.WRITE:
            return cls._open_writing(path, program or purpose.value)
        return cls._open_window(path, lock, read_only, as_is, damage, setting_up)

    @classmethod
    def _open_reading(cls, path: Path) -> Library:
        if inspect(path).state is State.CURRENT:
            db = Database(path, read_only_reason=READING)
            if not needs_seed(db):
                return cls(db)
            db.close()
        cls._open_writing(path, "setup").close()
        return cls(Database(path, read_only_reason=READING))

    @classmethod
    def _open_writing(cls, path: Path, program: str) -> Library:
        # Looked at by reading only, before anything opens it for writing: a writing connection
        # switches the file to WAL mode, a change to a file that is then refused. Another
        # program's file, or a newer one, is refused before the lock, so not even the lock file
        # appears beside it.
        inspect(path)
        held = lock_for_writing(path, program)
        try:
            found = inspect(path)  # again: it may have changed while we waited for the lock
            if found.state is State.CURRENT:  # (one behind is checked before migrating)
                problems = quick_check(path)
                if problems != ("ok",):
                    raise FailedCheck(path, problems)
            return cls(_open_found(path, found), lock=held)
        except BaseException:
            held.release()
            raise

    @classmethod
    def _open_window(
        cls,
        path: Path,
        lock: WriterLock | None,
        read_only: Message | None,
        as_is: bool,
        damage: sqlite3.DatabaseError | None,
        setting_up: SettingUp | None,
    ) -> Library:
        if lock is not None and (not lock.held or lock.db_path != path):
            lock = None
        if lock is None and read_only is None:
            # The lock first: a free file is opened whatever listens anywhere; a held one may
            # belong to a window of this user's, which the caller hands over to.
            try:
                lock = writer_lock.acquire(path, "window")
            except LockUnavailable:
                pass  # a read-only folder: the assessment turns it into read-only mode
            except LockHeld as exc:
                raise Locked(path, exc) from None
        if as_is:
            damaged_reason = read_only or T_("Opening", "the file is damaged")
            return cls(Database(path, read_only_reason=damaged_reason), lock=lock)
        assessment = assess(path)
        problem = assessment.problem
        if problem is None and damage is not None:
            problem = refused_problem(path, damaged(path, damage))
        if problem is not None:
            raise Unopened(problem, lock)
        found = assessment.inspection
        assert found is not None
        reason = read_only or assessment.read_only_reason
        try:
            if reason is not None or found.state is State.CURRENT:
                db = _open_found(path, found, read_only=reason)
            else:
                with setting_up(path) if setting_up is not None else contextlib.nullcontext():
                    db = _open_found(path, found)
        except DatabaseRefused:
            raise  # the file changed under us: the caller looks again
        except sqlite3.DatabaseError as exc:  # damage the inspection could not see
            raise Unopened(refused_problem(path, damaged(path, exc)), lock) from exc
        check = None
        if not db.read_only:
            # No one may write until the file has been checked; the window runs the check after
            # its first paint, and a write before then runs it there and then.
            check = StartupCheck(path)
            db.hold_writes(check.gate)
        return cls(
            db,
            lock=lock,
            check=check,
            cannot_replace=assessment.read_only_reason,
            location_warning=assessment.location_warning,
        )

    # --- services, built once -----------------------------------------------------------------

    @cached_property
    def entries(self) -> EntryLists:
        from app.services.entries import EntryLists

        return EntryLists(self.db)

    @cached_property
    def details(self) -> EntryDetails:
        from app.services.details import EntryDetails

        return EntryDetails(self.db)

    @cached_property
    def notes(self) -> Notes:
        from app.services.notes import Notes

        return Notes(self.db, self.writer)

    @cached_property
    def tags(self) -> Tags:
        from app.services.tags import Tags

        return Tags(self.db, self.writer)

    @cached_property
    def note_lists(self) -> NoteLists:
        from app.services.note_lists import NoteLists

        return NoteLists(self.db)

    @cached_property
    def editor(self) -> Editor:
        """Built on the first edit: it brings SQLAlchemy (about 0.5 s), which a start must not
        wait for."""
        from app.services.editing import Editor

        return Editor(self.db)

    @cached_property
    def merger(self) -> Merger:
        """Merging duplicates (app/services/merge.py), on the library's Writer."""
        from app.services.merge import Merger

        return Merger(self.writer)

    @contextlib.contextmanager
    def own_merger(self) -> Iterator[Merger]:
        """A Merger on a Writer of its own, for a worker thread: a connection belongs to the
        thread that opened it, so a merge run in the background cannot use `merger`."""
        from app.services.merge import Merger
        from app.services.writing import Writer

        writer = Writer(self.db)
        try:
            yield Merger(writer)
        finally:
            writer.close()

    def duplicates(self) -> list[DuplicateGroup]:
        """Likely duplicates among the live entries (app/services/duplicates.py)."""
        from app.services.duplicates import find_duplicates

        return find_duplicates(self.db.read())

    @cached_property
    def bulk(self) -> Bulk:
        """Actions on many entries at once, each one undo step (app/services/bulk.py)."""
        from app.services.bulk import Bulk

        return Bulk(self.db)

    @cached_property
    def search(self) -> Search:
        """Search on this thread's connection (a command's; the window searches in a worker
        with `search_engine()`)."""
        from app.services.search import Search

        return Search(self.db.read())

    def search_engine(self) -> Search:
        """A search engine on a connection of its own, for the one worker thread that uses it."""
        from app.services.search import Search

        conn = self.db.connect()
        # The first statement reads the schema (the index's many triggers): done here, on
        # opening, rather than inside the first query the researcher waits for.
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return Search(conn)

    @cached_property
    def saved_searches(self) -> SavedSearches:
        from app.services.saved_searches import SavedSearches

        return SavedSearches(self.db)

    @cached_property
    def sources(self) -> SourceTexts:
        """Sources' texts and the files they came from, kept beside the library."""
        from app.paths import attachments_dir
        from app.services.sources import SourceTexts

        return SourceTexts(self.db, lambda: self.editor, attachments_dir(self.path))

    @cached_property
    def bibliography(self) -> Bibliographies:
        """Sources in from CSL-JSON, BibTeX, RIS or a Zotero folder, and out as a bibliography."""
        from app.services.bibliography import Bibliographies

        return Bibliographies(self.db)

    @cached_property
    def tables(self) -> TableImports:
        """Officials, organizations, countries, initiatives and events in from a CSV or XLSX table."""
        from app.services.table_import import TableImports

        return TableImports(self.db, self.editor)

    # --- use cases: what the window and the commands ask of the whole library ------------------
    # (Each brings its module when first asked: a start must not wait for them.)

    def about(self) -> AboutLibrary:
        """Help ▸ About: what the library holds and where it lives."""
        from app.services.about import about

        return about(self.db)

    def entries_matching(self, text: str) -> frozenset[int]:
        """The entries a search for `text` finds (an export's scope); SearchError if it cannot run."""
        from app.services.markdown_export import entries_matching

        return entries_matching(self.db, text)

    def export_markdown(self, job: MarkdownExport, progress: Progress = NO_PROGRESS) -> ExportReport:
        from app.services.markdown_export import export_markdown

        return export_markdown(self.db, job, progress)

    def export_json(
        self, target: Path, progress: Progress = NO_PROGRESS, attachments: Path | None = None
    ) -> Exported:
        """The whole library as a data file at `target`, and with `attachments` the files of its
        sources copied into that folder; returns how many of each it holds."""
        from app.services.json_export import export_json

        return export_json(self.db, target, progress, attachments)

    def import_data(
        self, path: Path, progress: Progress = NO_PROGRESS, attachments: Path | None = None
    ) -> ImportReport:
        """Import a data file, all or nothing (InvalidDataFile lists its problems), with the
        files its sources list from `attachments` (default: the `attachments` folder beside it)."""
        from app.services.importer import import_path

        return import_path(self.db, path, progress, attachments)

    def import_vault_notes(self, folder: Path, progress: Progress = NO_PROGRESS) -> NotesImportReport:
        """Bring back the notes edited in an exported vault (InvalidVault when it is not one)."""
        from app.services.vault_import import import_vault_notes

        return import_vault_notes(self.db, folder, progress)

    def import_markdown(
        self, folder: Path, *, dry_run: bool = False, progress: Progress = NO_PROGRESS
    ) -> MarkdownImportReport:
        """Import a folder of Markdown notes Roundtable did not write (an Obsidian or Zettlr
        vault), all or nothing; with `dry_run`, only say what would be done."""
        from app.services.markdown_import import import_markdown

        return import_markdown(self.db, folder, dry_run=dry_run, progress=progress)

    def reindex(self, progress: Progress = NO_PROGRESS) -> int:
        """Rebuild the search index and the lists' columns; returns how many texts are indexed."""
        from app.services.checking import reindex

        return reindex(self.db, progress)

    def check_report(self) -> CheckReport:
        """`roundtable check`: every page, on this library's own connection (a reading command's)."""
        from app.services.checking import check

        return check(self.db)

    def full_check(self) -> CheckReport:
        """Help ▸ Check database: every page, on a read-only connection of its own (it runs in
        a worker thread and must never write)."""
        from app.services.checking import check  # (and the search index's definitions): when asked

        db = Database(self.path, read_only_reason="checking")  # never shown: it only reads
        try:
            return check(db)
        finally:
            db.close()

    # --- state and closing --------------------------------------------------------------------

    @property
    def read_only(self) -> bool:
        return self.db.read_only

    @property
    def read_only_reason(self) -> Message | None:
        return self.db.read_only_reason

    def make_read_only(self, reason: Message) -> None:
        self.db.make_read_only(reason)

    @property
    def can_replace(self) -> bool:
        """May this process replace the file (restore)? Only while holding the writer lock."""
        return self.lock is not None and self.lock.held and self.cannot_replace is None

    def stop_reading(self) -> None:
        """Interrupt every read of the file in progress (before closing it)."""
        self.db.stop_reading()

    def before_close(self, action: Callable[[], None]) -> None:
        """Run `action` before the database closes (the window stops its background reads)."""
        self._before_close.append(action)

    def close(self, *, keep_lock: bool = False) -> WriterLock | None:
        """Stop the check, close the writer and the database; release the writer lock, or,
        with `keep_lock`, hand it back still held (a restore replaces the file under it)."""
        if self.check is not None:
            self.check.stop()
            self.check = None
        for action in self._before_close:
            action()
        self._before_close.clear()
        if "bulk" in self.__dict__:  # (a cached_property: only if an action ran)
            self.bulk.close()
        self.writer.close()
        self.db.close()
        held, self.lock = self.lock, None
        if held is not None and not keep_lock:
            held.release()
            return None
        return held

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _open_found(path: Path, found: Inspection, *, read_only: Message | None = None) -> Database:
    """Open a file just inspected: a current one at once (not inspected again), anything else
    created or migrated, and seeded once."""
    if found.state is State.CURRENT:
        db = Database(path, read_only_reason=read_only)
        if read_only is not None or not needs_seed(db):
            return db
        db.close()
        return open_library(path)
    if read_only is not None:
        return open_database(path, read_only_reason=read_only)  # (refuses, naming why)
    return open_library(path)


def lock_for_writing(path: Path, program: str) -> WriterLock:
    """A command's writer lock, waiting a little for a window that is starting or a short
    command. Raises LockHeld or LockUnavailable."""
    return writer_lock.acquire(path, program, wait=LOCK_WAIT_S)


def bring_up_to_date(path: Path) -> None:
    """Create or migrate the file now (a restored older backup), under the caller's lock."""
    open_database(path).close()


def _is_current(path: Path) -> bool:
    try:
        return inspect(path).state is State.CURRENT
    except DatabaseRefused:
        return False


def needs_seed(db: Database) -> bool:
    """True only for a library that has never held anything: no import, no entry, no note."""
    row = (
        db.read()
        .execute(
            "SELECT EXISTS (SELECT 1 FROM dataset_import) OR EXISTS (SELECT 1 FROM entity) "
            "OR EXISTS (SELECT 1 FROM note)"
        )
        .fetchone()
    )
    return not row[0]


def seed(db: Database, path: Path | None = None) -> str:
    """Import the bundled dataset; returns the import summary."""
    from app.io import datafile
    from app.services.importer import import_file

    return import_file(db, datafile.read(path or dataset_file())).summary()


def open_library(path: Path) -> Database:
    """Open (create, migrate) the database at `path` and seed it if it has never held anything.

    Raises DatabaseRefused for files that are not ours or too new.
    """
    db = open_database(path)
    if needs_seed(db):
        seed(db)
    return db
