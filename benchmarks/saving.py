"""Writes: a note saved as someone types (the real Notes.save, search index included) and the
full check; each against its floor in the same run (the vault export: benchmarks/bench_export.py).

No Qt here: these run in the benchmark's own process.
"""

from __future__ import annotations

import sqlite3
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, cast

from app.db.database import Database, open_database
from app.services.checking import check
from app.services.notes import Notes
from app.services.writing import Writer
from benchmarks.measure import stopwatch
from benchmarks.replay import Recorder, Statement, plain_connection, replay

PARAGRAPH = "China–ASEAN AI cooperation 人工智能合作 ความร่วมมือ ປັນຍາປະດິດ, Nanning roundtable notes. "


class Clock:
    """A save every 2 s while typing, and every tenth after a pause: one save in ten keeps a
    revision (far more often than real typing does). The same clock gives the same writes."""

    def __init__(self) -> None:
        self.at = datetime(2026, 3, 1, tzinfo=UTC)
        self.ticks = 0

    def __call__(self) -> str:
        self.ticks += 1
        self.at += timedelta(minutes=5) if self.ticks % 10 == 0 else timedelta(seconds=2)
        return self.at.isoformat(timespec="microseconds")


def _note_body(conn: sqlite3.Connection) -> str:
    """About 1 KB with links to real entries (by slug and by name) and one to nothing."""
    rows = conn.execute("SELECT slug, name FROM entity WHERE kind = 'person' ORDER BY id LIMIT 3").fetchall()
    links = " ".join(f"[[{slug}]] [[{name}]]" for slug, name in rows) + " [[Nobody Known]]"
    text = "# Benchmark note\n" + links + "\n"
    while len(text.encode()) < 1024:
        text += PARAGRAPH
    return text


def note_save(db_path: Path, saves: int) -> dict[str, Any]:
    """The same typing session twice on two identical notes: recorded on one (its statements
    are the floor, replayed with plain sqlite3), timed on the other."""
    db = open_database(db_path)
    try:
        body = _note_body(db.read())
        recorder: list[Recorder] = []

        def recording() -> sqlite3.Connection:
            recorder.append(Recorder(db.connect()))
            return cast(sqlite3.Connection, recorder[-1])

        sessions: list[list[list[Statement]]] = []
        app_ms: list[float] = []
        for timed in (False, True):
            notes = Notes(db, Writer(db) if timed else Writer(db, connect=recording), now=Clock())
            note = notes.create(body=body)
            text = body
            per_save: list[list[Statement]] = []
            for n in range(saves):
                text += "abcdefghij"[n % 10]
                if timed:
                    with stopwatch(app_ms):
                        notes.save(note.id, text)
                else:
                    recorder[0].take()
                    notes.save(note.id, text)
                    per_save.append(recorder[0].take())
            sessions.append(per_save)
            notes.writer.close()
        conn = plain_connection(db_path)
        floor_ms: list[float] = []
        for statements in sessions[0]:
            with stopwatch(floor_ms):
                replay(conn, statements)
        conn.close()
    finally:
        db.close()
    return {"app": app_ms, "floor": floor_ms}


def full_check(db_path: Path, runs: int) -> dict[str, Any]:
    """`roundtable check` (integrity, references, counts, the search index against its texts)
    against SQLite's own integrity and foreign-key checks."""
    app_ms: list[float] = []
    floor_ms: list[float] = []
    for _ in range(runs):
        db = Database(db_path)
        start = time.perf_counter()
        report = check(db)
        app_ms.append((time.perf_counter() - start) * 1000)
        db.close()
        assert report.integrity == ("ok",) and not report.search_index, report
        conn = plain_connection(db_path)
        with stopwatch(floor_ms):
            conn.execute("PRAGMA integrity_check").fetchall()
            conn.execute("PRAGMA foreign_key_check").fetchall()
        conn.close()
    return {"app": app_ms, "floor": floor_ms}
