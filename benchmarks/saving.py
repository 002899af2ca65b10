"""Writes: a note saved as someone types (the real Notes.save, search index included), a vault
export of a tenth of the notes, and the full check; each against its floor in the same run.

No Qt here: these run in the benchmark's own process.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, cast

from app.db.database import Database, open_database
from app.services.checking import check
from app.services.markdown_export import MarkdownExport, Scope, export_markdown
from app.services.notes import Notes
from app.services.writing import Writer
from benchmarks.generate import SAMPLE_TAG
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


@dataclass(frozen=True)
class Exported:
    app: list[float]
    floor: list[float]
    ram_app: list[float]  # the same on a RAM disk, where creating files costs no disk
    ram_floor: list[float]
    cpu: list[float]  # the export's own CPU (user + system), on disk
    again: list[float]  # export again with nothing changed
    again_floor: list[float]  # listing the vault and reading its manifest
    one_changed: list[float]  # export again with one note changed
    one_changed_written: int
    files: int
    megabytes: float
    summary: str
    ram_folder: str


RAM_DISK = Path("/dev/shm")


def _export_into(
    db: Database, vault: Path, runs: int, into: list[float], cpu: list[float] | None
) -> dict[Path, bytes]:
    """Export into an empty `vault` `runs` times; return the files it wrote (relative paths)."""
    contents: dict[Path, bytes] = {}
    for _ in range(runs):
        shutil.rmtree(vault, ignore_errors=True)
        job = MarkdownExport(scope=Scope(tag=SAMPLE_TAG, notes_only=True), folder=vault)
        used = time.process_time()
        with stopwatch(into):
            export_markdown(db, job)
        if cpu is not None:
            cpu.append((time.process_time() - used) * 1000)
        contents = {p.relative_to(vault): p.read_bytes() for p in sorted(vault.rglob("*")) if p.is_file()}
    return contents


def _same_bytes(vault: Path, contents: dict[Path, bytes], into: list[float]) -> None:
    """The floor: the same bytes to the same files, in an empty folder, with plain Python."""
    shutil.rmtree(vault, ignore_errors=True)
    with stopwatch(into):
        for relative, data in contents.items():
            path = vault / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
    shutil.rmtree(vault)


def export_notes(db_path: Path, work: Path, runs: int) -> Exported:
    """The vault export of every note tagged SAMPLE_TAG (notes only: a file each) into an empty
    folder, against writing the same bytes to the same files with plain Python: on the
    benchmark's disk and on a RAM disk, in the same run (this machine's disk makes creating
    10,000 files cost seconds of kernel time whatever the program does). Then the same export
    again with nothing changed, and with one note changed."""
    db = open_database(db_path)
    vault = work / "vault"
    app_ms: list[float] = []
    floor_ms: list[float] = []
    ram_app: list[float] = []
    ram_floor: list[float] = []
    cpu: list[float] = []
    again: list[float] = []
    again_floor: list[float] = []
    one_changed: list[float] = []
    written = 0
    summary = ""
    ram = Path(tempfile.mkdtemp(prefix="roundtable-vault-", dir=RAM_DISK if RAM_DISK.is_dir() else None))
    try:
        contents: dict[Path, bytes] = {}
        for _ in range(runs):
            contents = _export_into(db, vault, 1, app_ms, cpu)
            _same_bytes(vault, contents, floor_ms)
            _export_into(db, ram / "vault", 1, ram_app, None)
            _same_bytes(ram / "vault", contents, ram_floor)
        _export_into(db, vault, 1, [], None)
        job = MarkdownExport(scope=Scope(tag=SAMPLE_TAG, notes_only=True), folder=vault)
        manifest = [p for p in vault.iterdir() if p.name.startswith(".")]
        for _ in range(runs):
            with stopwatch(again):
                report = export_markdown(db, job)
            summary = report.summary()
            with stopwatch(again_floor):
                sum(1 for _ in vault.rglob("*"))
                for path in manifest:
                    if path.is_file():
                        path.read_bytes()
        conn = db.connect()
        note_id = conn.execute(
            "SELECT n.id FROM note n JOIN note_tag nt ON nt.note_id = n.id JOIN tag t ON t.id = nt.tag_id "
            "WHERE t.name = ? ORDER BY n.id LIMIT 1",
            (SAMPLE_TAG,),
        ).fetchone()[0]
        conn.close()
        notes = Notes(db, Writer(db))
        for n in range(runs):
            note = notes.get(note_id)
            notes.save(note_id, note.body + f"\nchanged {n}")
            with stopwatch(one_changed):
                report = export_markdown(db, job)
            written = len(report.written)
        notes.writer.close()
        shutil.rmtree(vault, ignore_errors=True)
    finally:
        shutil.rmtree(ram, ignore_errors=True)
        db.close()
    size = sum(len(b) for b in contents.values()) / 1e6
    return Exported(
        app_ms,
        floor_ms,
        ram_app,
        ram_floor,
        cpu,
        again,
        again_floor,
        one_changed,
        written,
        len(contents),
        size,
        summary,
        str(RAM_DISK) if RAM_DISK.is_dir() else "the temporary folder (no RAM disk here)",
    )


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
