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

import sqlite3
import threading
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from app.db.connection import connect
from app.db.database import (
    Database,
    DatabaseReadOnly,
    DatabaseRefused,
    Inspection,
    Refusal,
    State,
    inspect,
    quick_check,
)
from app.services.backups import list_backups
from app.services.locations import unsafe_location, write_problem


class Option(Enum):
    RESTORE = "restore"  # restore a backup over this file
    READ_ONLY = "read-only"  # open (or keep) it read-only
    CHOOSE = "choose"  # open another file
    RETRY = "retry"
    QUIT = "quit"


@dataclass(frozen=True)
class Problem:
    title: str
    explanation: str
    options: tuple[Option, ...]
    read_only_reason: str = ""  # what the banner says if READ_ONLY is chosen


@dataclass(frozen=True)
class Assessment:
    path: Path
    problem: Problem | None = None  # None: it can be opened
    inspection: Inspection | None = None
    read_only_reason: str | None = None  # set: it can only be opened read-only
    location_warning: str | None = None


def has_backups(path: Path) -> bool:
    return bool(list_backups(path, counts=False))


def readable(path: Path) -> bool:
    """Can the window show this file at all (its lists and notes read without an error)?"""
    try:
        conn = connect(path, readonly=True)
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
        State.MISSING: "create a new database there",
        State.BLANK: "set up the empty database there",
        State.BEHIND: "bring this database (written by an older Roundtable) up to date",
    }[found.state]
    problem = Problem(
        "Roundtable cannot write here",
        f"Roundtable needs to {doing}, but {cannot_write}. Nothing was changed. Choose another "
        "file, or make the folder writable and try again.",
        (Option.CHOOSE, Option.RETRY, Option.QUIT),
    )
    return Assessment(path, problem, found, location_warning=warning)


def damaged(path: Path, exc: sqlite3.DatabaseError) -> DatabaseRefused:
    """The refusal for a file that passed inspection but failed when it was read."""
    return DatabaseRefused(f"{path} is damaged: reading it failed ({exc}).", Refusal.DAMAGED)


def refused_problem(path: Path, refused: DatabaseRefused) -> Problem:
    reason = refused.reason
    backups = has_backups(path)
    unchanged = "Roundtable has not written anything to it."
    if reason is Refusal.DAMAGED or (backups and reason in (Refusal.NOT_SQLITE, Refusal.EMPTY)):
        options = [Option.RESTORE] if backups else []
        if readable(path):
            options.append(Option.READ_ONLY)
        ways = []
        if backups:
            ways.append("restore one of its backups (the damaged file is kept)")
        if Option.READ_ONLY in options:
            ways.append("open it read-only to read or copy what is still there")
        ways.append("open another file")
        return Problem(
            "This database is damaged",
            f"{refused} {unchanged} You can {_one_of(ways)}.",
            (*options, Option.CHOOSE, Option.QUIT),
            read_only_reason="the file is damaged",
        )
    if reason is Refusal.NEWER:
        return Problem("This database needs a newer Roundtable", str(refused), (Option.CHOOSE, Option.QUIT))
    if reason is Refusal.UNREADABLE:
        return Problem(
            "This database cannot be read",
            f"{refused} {unchanged} Free some space or check the disk, then try again.",
            (Option.RETRY, Option.CHOOSE, Option.QUIT),
        )
    return Problem(
        "This is not a Roundtable database",
        f"{refused} {unchanged} Choose a Roundtable database, or a new file name to start one.",
        (Option.CHOOSE, Option.QUIT),
    )


def _one_of(ways: list[str]) -> str:
    return ways[0] if len(ways) == 1 else ", ".join(ways[:-1]) + " or " + ways[-1]


def in_use_problem(path: Path, who: str, *, can_read: bool) -> Problem:
    options = (Option.READ_ONLY, Option.RETRY, Option.QUIT) if can_read else (Option.RETRY, Option.QUIT)
    return Problem(
        "This database is in use",
        f"{path.name} is being changed by {who}. Only one program may change it at a time. "
        + ("You can open it read-only now, or " if can_read else "You can ")
        + "try again when the other program has finished.",
        options,
        read_only_reason=f"{who} is changing it",
    )


def failed_check_problem(path: Path, problems: tuple[str, ...]) -> Problem:
    backups = has_backups(path)
    found = problems[0] if len(problems) == 1 else f"{problems[0]} (and {len(problems) - 1} more problems)"
    return Problem(
        "This database is damaged",
        f"The check at start-up found damage in {path.name}: {found}. To keep the damage from "
        "spreading, Roundtable will not write to it; it stays open for reading. "
        + ("Restore a backup to continue working (the damaged file is kept). " if backups else "")
        + "Help ▸ Check database gives the details.",
        ((Option.RESTORE,) if backups else ()) + (Option.READ_ONLY, Option.CHOOSE),
        read_only_reason="the start-up check found damage in the file",
    )


class StartupCheck:
    """SQLite's quick_check, run once in the background while the window opens.

    `run()` works in any thread (its own connection). `gate()` is what Database.hold_writes
    wants: a write waits until the check has finished and is refused if it failed, so nothing
    is ever written to a file that failed its check, and the window need not wait for it.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.problems: tuple[str, ...] | None = None
        self._done = threading.Event()

    def run(self) -> tuple[str, ...]:
        try:
            self.problems = quick_check(self.path)
        finally:
            self._done.set()
        return self.problems

    @property
    def passed(self) -> bool:
        return self.problems == ("ok",)

    def gate(self) -> None:
        self._done.wait()
        if not self.passed:
            raise DatabaseReadOnly(
                f"{self.path.name} failed its start-up check, so nothing is written to it."
            )


def open_read_only(path: Path, reason: str) -> Database:
    """Open a file for reading only, whatever its state (a damaged file the user chose to read)."""
    return Database(path, read_only_reason=reason)
