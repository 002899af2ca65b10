"""Issue 16, item 7: a large import reports its progress stage by stage, can be cancelled at any
point (Ctrl+C on the command line) and then leaves the library exactly as it was, and writes
in bulk what it once wrote row by row, with the search index and the lists still exact."""

from __future__ import annotations

import itertools
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import pytest

from app.__main__ import main
from app.db import list_index, search_index
from app.db.database import Database, open_database
from app.io.datafile import read
from app.services import importer
from app.services.entries import EntryLists
from app.services.importer import (
    BACKING_UP,
    CHECKING,
    INDEXING,
    READING,
    WRITING,
    entry_uid,
    import_file,
    import_path,
)
from app.services.progress import Cancelled, Progress
from app.services.search import Search
from benchmarks import datafiles

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def data_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("data") / "big.json"
    datafiles.write(path, 3000)
    return path


def state(path: Path) -> dict[str, object]:
    """Every table's rows (counted, and hashed in order) and the schema, triggers included."""
    conn = sqlite3.connect(path)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        found: dict[str, object] = {
            "schema": conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall()
        }
        for table in tables:
            rows = sorted(map(repr, conn.execute(f"SELECT * FROM {table}")))
            found[table] = (len(rows), hash(tuple(rows)))
        return found
    finally:
        conn.close()


def indexes_are_exact(db: Database) -> None:
    conn = db.read()
    assert search_index.problems(conn) == []
    assert list_index.problems(conn) == []


class Recorder:
    def __init__(self) -> None:
        self.progress = Progress(self.step)
        self.steps: list[tuple[str, int, int]] = []

    def step(self, done: int, total: int) -> None:
        self.steps.append((str(self.progress.stage), done, total))

    def stages(self) -> list[str]:
        return list(dict.fromkeys(stage for stage, _, _ in self.steps))


def test_progress_is_reported_stage_by_stage_and_each_reaches_its_total(
    seeded_db: Database, data_file: Path
) -> None:
    shown = Recorder()
    report = import_path(seeded_db, data_file, shown.progress)
    assert report.created["people"] == datafiles.Shape(3000).people
    assert shown.stages() == [READING, CHECKING, BACKING_UP, WRITING, INDEXING]
    for stage in shown.stages():
        steps = [(done, total) for s, done, total in shown.steps if s == stage]
        assert steps[-1][0] == steps[-1][1] > 0, stage  # each ends at its total
        assert all(a[0] <= b[0] for a, b in itertools.pairwise(steps)), stage
    assert len([s for s in shown.steps if s[0] == WRITING]) > 5  # a bar that moves
    indexes_are_exact(seeded_db)


@pytest.mark.parametrize(
    ("stage", "after"),
    [(READING, 0), (CHECKING, 0), (BACKING_UP, 0), (WRITING, 1), (WRITING, 4), (INDEXING, 3)],
)
def test_cancelling_at_any_stage_leaves_the_library_as_it_was(
    seeded_path: Path, data_file: Path, stage: str, after: int
) -> None:
    db = open_database(seeded_path)
    before = state(seeded_path)
    steps = [0]

    def step(_done: int, _total: int) -> None:
        if progress.stage == stage:
            steps[0] += 1
            if steps[0] > after:
                progress.cancel()

    progress = Progress(step)
    try:
        with pytest.raises(Cancelled):
            import_path(db, data_file, progress)
        assert steps[0] > after  # it got there, and stopped
        indexes_are_exact(db)
    finally:
        db.close()
    assert state(seeded_path) == before


def test_a_cancel_stops_a_statement_that_is_running() -> None:
    """Indexing a million rows is one statement each: SQLite asks whether to go on."""
    conn = sqlite3.connect(":memory:")
    progress = Progress()
    threading.Timer(0.2, progress.cancel).start()
    started = time.monotonic()
    with pytest.raises(Cancelled), importer._stoppable(conn, progress):
        conn.execute(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n"
        ).fetchone()
    assert time.monotonic() - started < 10
    conn.execute("SELECT 1")  # the connection is left as it was
    conn.close()


def test_a_large_import_into_a_library_is_indexed_exactly_and_a_second_changes_nothing(
    seeded_db: Database, data_file: Path
) -> None:
    first = import_path(seeded_db, data_file)
    indexes_are_exact(seeded_db)
    assert (
        Search(seeded_db.read()).run('"Synthetic Official 2000"').hits[0].title == "Synthetic Official 2000"
    )
    assert EntryLists(seeded_db).counts()["person"] == 13 + first.created["people"]  # 13 seeded
    seeded_db.read().execute("UPDATE entity SET name = 'Mine' WHERE slug = 'official-7'")
    again = import_path(seeded_db, data_file)
    assert sum(again.created.values()) == 0 and again.already_imported
    assert again.conflicts == ["official-7: name differ; kept yours"]
    assert again.unchanged["people"] == first.created["people"] - 1
    indexes_are_exact(seeded_db)


def test_entry_uids_are_uuid5_of_the_dataset_and_slug() -> None:
    for dataset, slug in [("china-asean-ai-roundtable-2025", "laos"), ("d", "official-1"), ("é", "中")]:
        assert entry_uid(dataset, slug) == str(uuid.uuid5(importer._NAMESPACE, f"{dataset}/{slug}"))


def test_an_old_library_is_still_imported_into_row_by_row(tmp_path: Path) -> None:
    """The triggers are dropped and the index filled at the end only in a library of this
    version (the definitions are this version's); an older one keeps its own triggers."""
    from app.db import migrate

    data_file = tmp_path / "small.json"
    datafiles.write(data_file, 200)
    path = tmp_path / "old.sqlite3"
    migrate.upgrade(path, "0004_list_rows")
    before = [r for r in state(path)["schema"] if r[0] == "trigger"]  # type: ignore[union-attr]
    old = Database(path)
    try:
        import_file(old, read(data_file))
    finally:
        old.close()
    assert [r for r in state(path)["schema"] if r[0] == "trigger"] == before  # type: ignore[union-attr]


# --- the command line -------------------------------------------------------------------------


def test_ctrl_c_during_an_import_cancels_it_and_changes_nothing(
    seeded_path: Path, data_file: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write = importer._Importer._write

    def interrupted(self: importer._Importer) -> None:
        signal.raise_signal(signal.SIGINT)  # Ctrl+C as the rows start to go in
        write(self)

    monkeypatch.setattr(importer._Importer, "_write", interrupted)
    before, handler = state(seeded_path), signal.getsignal(signal.SIGINT)
    assert main(["--db", str(seeded_path), "import", str(data_file)]) == 130
    assert capsys.readouterr().err.strip() == "Import cancelled; nothing was changed."
    assert state(seeded_path) == before
    assert signal.getsignal(signal.SIGINT) is handler  # Ctrl+C as before


@pytest.mark.skipif(sys.platform == "win32", reason="a terminal (pty) and SIGINT: POSIX")
def test_the_command_shows_progress_on_a_terminal_and_ctrl_c_stops_it(
    seeded_path: Path, tmp_path: Path
) -> None:
    import pty
    import select

    data = tmp_path / "bigger.json"
    datafiles.write(data, 20_000)
    before = state(seeded_path)
    leader, follower = pty.openpty()
    command = [sys.executable, "-m", "app", "--db", str(seeded_path), "import", str(data)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=follower)
    os.close(follower)
    shown = b""
    try:
        deadline = time.monotonic() + 60
        while b"Writing:" not in shown and time.monotonic() < deadline and process.poll() is None:
            if select.select([leader], [], [], 0.2)[0]:
                shown += os.read(leader, 4096)
        process.send_signal(signal.SIGINT)
        assert process.wait(60) == 130, shown.decode(errors="replace")
        while select.select([leader], [], [], 0.2)[0]:
            try:
                shown += os.read(leader, 4096)
            except OSError:  # the other end is closed
                break
        assert process.stdout is not None
        printed = process.stdout.read()
    finally:
        if process.poll() is None:
            process.kill()
        os.close(leader)
        if process.stdout is not None:
            process.stdout.close()
    text = shown.decode()
    assert "\rbigger.json: Reading the file: 100%" in text
    assert "bigger.json: Writing:   0%" in text
    assert text.rstrip().endswith("Import cancelled; nothing was changed.")
    assert printed == b""  # no report: nothing was imported
    assert state(seeded_path) == before
