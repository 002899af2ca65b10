"""What state a database file is in when Roundtable starts, and which ways forward it has.

The decisions live here, without Qt, so the window's start-up dialogs (app/gui/recovery.py)
and the tests share them: `assess()` looks at a file without writing to it and returns either
"open it" (perhaps read-only, perhaps with a warning about its location) or a `Problem`: a
title, an explanation in plain words and the options that make sense for it —

    damaged file            restore a backup · open read-only (if it can be read) · choose another
    not ours / too new      choose another file
    read-only disk/folder   opens read-only, with a banner (no question)
    in use by a process     open read-only · try again
    failed start-up check   restore a backup · keep it open read-only · choose another

Nothing here writes to the file being assessed.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from app.db.connection import connect
from app.db.database import (
    SQLITE_MAGIC,
    CheckStopped,
    Database,
    DatabaseReadOnly,
    DatabaseRefused,
    Inspection,
    Refusal,
    State,
    inspect,
    quick_check,
)
from app.i18n import T_, Message
from app.services.locations import unsafe_location, write_problem


class Option(Enum):
    RESTORE = "restore"  # restore a backup over this file
    READ_ONLY = "read-only"  # open (or keep) it read-only
    CHOOSE = "choose"  # open another file
    RETRY = "retry"
    QUIT = "quit"


@dataclass(frozen=True)
class Problem:
    title: Message
    explanation: Message
    options: tuple[Option, ...]
    read_only_reason: Message = ""  # what the banner says if READ_ONLY is chosen


@dataclass(frozen=True)
class Assessment:
    path: Path
    problem: Problem | None = None  # None: it can be opened
    inspection: Inspection | None = None
    read_only_reason: Message | None = None  # set: it can only be opened read-only
    location_warning: Message | None = None


def is_library_file(path: Path) -> bool:
    """Does `path` hold an SQLite file (so a file manager's "open with Roundtable" means open
    it as the library), rather than something to import (a data file)? A FIFO, device or
    missing file is no library: the import then says what it is, in one sentence."""
    from app.user_files import UnreadableFile, read_head

    try:
        return read_head(path, len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except (OSError, UnreadableFile):
        return False


def has_backups(path: Path) -> bool:
    from app.services.backups import list_backups  # only for a file that will not open

    return bool(list_backups(path, counts=False))


def readable(path: Path) -> bool:
    """Can the window show this file at all (its lists and notes read without an error)?"""
    try:
        conn = connect(path, readonly=True, peek=True)  # nothing beside a file it may refuse
        try:
            # Whole-table reads (summary and body are in no index, so these cannot be answered
            # from an index that happens to be intact while the table is not).
            conn.execute("SELECT kind, count(*), sum(length(summary)) FROM entity GROUP BY kind").fetchall()
            conn.execute("SELECT count(*), sum(length(body)) FROM note").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return False
    return True


def assess(path: Path, *, mounts: str | None = None) -> Assessment:
    """Look at `path` (reading only) and say how it can be opened."""
    warning = unsafe_location(path, mounts)
    try:
        found = inspect(path)
    except DatabaseRefused as refused:
        return Assessment(path, refused_problem(path, refused), location_warning=warning)
    cannot_write = write_problem(path)
    if cannot_write is None:
        return Assessment(path, inspection=found, location_warning=warning)
    if found.state is State.CURRENT:
        return Assessment(path, inspection=found, read_only_reason=cannot_write, location_warning=warning)
    doing = {
        State.MISSING: T_("Opening", "create a new database there"),
        State.BLANK: T_("Opening", "set up the empty database there"),
        State.BEHIND: T_("Opening", "bring this database (written by an older Roundtable) up to date"),
    }[found.state]
    problem = Problem(
        T_("Opening", "Roundtable cannot write here"),
        T_(
            "Opening",
            "Roundtable needs to {doing}, but {reason}. Nothing was changed. Choose another "
            "file, or make the folder writable and try again.",
        ).format(doing=doing, reason=cannot_write),
        (Option.CHOOSE, Option.RETRY, Option.QUIT),
    )
    return Assessment(path, problem, found, location_warning=warning)


def damaged(path: Path, exc: sqlite3.DatabaseError) -> DatabaseRefused:
    """The refusal for a file that passed inspection but failed when it was read."""
    return DatabaseRefused(
        T_("Opening", "{path} is damaged: reading it failed ({error}).").format(path=path, error=exc),
        Refusal.DAMAGED,
    )


def refused_problem(path: Path, refused: DatabaseRefused) -> Problem:
    reason = refused.reason
    backups = has_backups(path)
    if reason is Refusal.DAMAGED or (backups and reason in (Refusal.NOT_SQLITE, Refusal.EMPTY)):
        options = [Option.RESTORE] if backups else []
        if readable(path):
            options.append(Option.READ_ONLY)
        if backups and Option.READ_ONLY in options:
            ways = T_(
                "Opening",
                "You can restore one of its backups (the damaged file is kept), open it read-only "
                "to read or copy what is still there, or open another file.",
            )
        elif backups:
            ways = T_(
                "Opening",
                "You can restore one of its backups (the damaged file is kept) or open another file.",
            )
        elif Option.READ_ONLY in options:
            ways = T_(
                "Opening",
                "You can open it read-only to read or copy what is still there, or open another file.",
            )
        else:
            ways = T_("Opening", "You can open another file.")
        return Problem(
            T_("Opening", "This database is damaged"),
            T_("Opening", "{refused} Roundtable has not written anything to it. {ways}").format(
                refused=refused.message, ways=ways
            ),
            (*options, Option.CHOOSE, Option.QUIT),
            read_only_reason=T_("Opening", "the file is damaged"),
        )
    if reason is Refusal.NEWER:
        return Problem(
            T_("Opening", "This database needs a newer Roundtable"),
            refused.message,
            (Option.CHOOSE, Option.QUIT),
        )
    if reason is Refusal.UNREADABLE:
        return Problem(
            T_("Opening", "This database cannot be read"),
            T_(
                "Opening",
                "{refused} Roundtable has not written anything to it. Free some space or check the "
                "disk, then try again.",
            ).format(refused=refused.message),
            (Option.RETRY, Option.CHOOSE, Option.QUIT),
        )
    return Problem(
        T_("Opening", "This is not a Roundtable database"),
        T_(
            "Opening",
            "{refused} Roundtable has not written anything to it. Choose a Roundtable database, "
            "or a new file name to start one.",
        ).format(refused=refused.message),
        (Option.CHOOSE, Option.QUIT),
    )


def in_use_problem(path: Path, who: Message, *, can_read: bool) -> Problem:
    options = (Option.READ_ONLY, Option.RETRY, Option.QUIT) if can_read else (Option.RETRY, Option.QUIT)
    if can_read:
        explanation = T_(
            "Opening",
            "{name} is being changed by {who}. Only one program may change it at a time. You can "
            "open it read-only now, or try again when the other program has finished.",
        )
    else:
        explanation = T_(
            "Opening",
            "{name} is being changed by {who}. Only one program may change it at a time. You can "
            "try again when the other program has finished.",
        )
    return Problem(
        T_("Opening", "This database is in use"),
        explanation.format(name=path.name, who=who),
        options,
        read_only_reason=T_("Opening", "{who} is changing it").format(who=who),
    )


def failed_check_problem(path: Path, problems: tuple[str, ...]) -> Problem:
    backups = has_backups(path)
    found: Message = problems[0]
    if len(problems) > 1:
        found = T_("Opening", "{first} (and {more} more problems)").format(
            first=problems[0], more=len(problems) - 1
        )
    if backups:
        explanation = T_(
            "Opening",
            "The check at start-up found damage in {name}: {found}. To keep the damage from "
            "spreading, Roundtable will not write to it; it stays open for reading. Restore a backup "
            "to continue working (the damaged file is kept). Help ▸ Check database gives the details.",
        )
    else:
        explanation = T_(
            "Opening",
            "The check at start-up found damage in {name}: {found}. To keep the damage from "
            "spreading, Roundtable will not write to it; it stays open for reading. "
            "Help ▸ Check database gives the details.",
        )
    return Problem(
        T_("Opening", "This database is damaged"),
        explanation.format(name=path.name, found=found),
        ((Option.RESTORE,) if backups else ()) + (Option.READ_ONLY, Option.CHOOSE),
        read_only_reason=T_("Opening", "the start-up check found damage in the file"),
    )


class StartupCheck:
    """SQLite's quick_check, run once in the background while the window opens.

    `run()` works in any thread (its own connection) and checks once, however often it is
    called. `gate()` is what Database.hold_writes wants: a write waits until the check has
    finished (running it there and then if it has not started yet) and is refused if it
    failed, so nothing is ever written to a file that failed its check, and the window need
    not wait for it. `stop()` (any thread) is for letting go of the file: a check still
    running ends at once instead of reading the rest of a large file while Roundtable quits.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.problems: tuple[str, ...] | None = None
        self._lock = threading.Lock()
        self._ran = False
        self._stopped = False
        self._reading: sqlite3.Connection | None = None  # the check's, while it runs

    def run(self) -> tuple[str, ...]:
        with self._lock:
            if not self._ran and not self._stopped:
                self._ran = True
                try:
                    self.problems = quick_check(self.path, opened=self._opened)
                except CheckStopped:
                    pass  # no verdict: problems stay None, so it has not passed
                finally:
                    self._reading = None
        return self.problems or ()

    def _opened(self, conn: sqlite3.Connection) -> None:
        # stop() sets the flag, then interrupts what it finds here; this keeps the connection,
        # then reads the flag: whichever comes second sees the other.
        self._reading = conn
        if self._stopped:
            raise CheckStopped()

    def stop(self) -> None:
        self._stopped = True
        conn = self._reading
        if conn is not None:
            with contextlib.suppress(sqlite3.ProgrammingError):  # closed meanwhile: done anyway
                conn.interrupt()

    @property
    def passed(self) -> bool:
        return self.problems == ("ok",)

    def gate(self) -> None:
        with contextlib.suppress(Exception):  # a check that could not run has not passed
            self.run()
        if not self.passed:
            raise DatabaseReadOnly(
                T_("Opening", "{name} failed its start-up check, so nothing is written to it.").format(
                    name=self.path.name
                )
            )


def open_read_only(path: Path, reason: Message) -> Database:
    """Open a file for reading only, whatever its state (a damaged file the user chose to read)."""
    return Database(path, read_only_reason=reason)
