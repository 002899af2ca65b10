"""Library.open, the one way in for the window and the command line: what each purpose takes
(the writer lock or not), what it refuses, how often it inspects the file, and that the
services it builds share one Writer."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.db import database
from app.db import lock as writer_lock
from app.services import library as library_module
from app.services import opening
from app.services.library import (
    DatabaseRefused,
    Library,
    Locked,
    LockHeld,
    Purpose,
    Unopened,
)
from app.services.opening import Option


@pytest.fixture
def inspections(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Path]]:
    """Every inspection of a file, wherever it is asked for."""
    seen: list[Path] = []
    real = database.inspect

    def counting(path: Path) -> database.Inspection:
        seen.append(path)
        return real(path)

    for module in (database, library_module, opening):
        monkeypatch.setattr(module, "inspect", counting)
    yield seen


def test_a_normal_window_start_inspects_the_file_once(seeded_path: Path, inspections: list[Path]) -> None:
    library = Library.open(seeded_path, Purpose.WINDOW)
    try:
        assert inspections == [seeded_path]  # it was two: the assessment's, then the opening's
        assert library.lock is not None and library.lock.held
        assert library.check is not None and not library.read_only
    finally:
        library.close()
    assert not writer_lock.lock_path(seeded_path).read_bytes()  # let go: no holder written


def test_a_writing_command_inspects_before_and_under_the_lock_only(
    seeded_path: Path, inspections: list[Path]
) -> None:
    with Library.open(seeded_path, Purpose.WRITE, program="import") as library:
        assert len(inspections) == 2  # it was three
        assert library.lock is not None and library.lock.held
        with pytest.raises(LockHeld):
            writer_lock.acquire(seeded_path, "another")
    writer_lock.acquire(seeded_path, "another").release()


def test_a_reading_command_takes_no_lock(seeded_path: Path, inspections: list[Path]) -> None:
    with Library.open(seeded_path, Purpose.READ) as library:
        assert library.lock is None and library.read_only
        assert inspections == [seeded_path]
        writer_lock.acquire(seeded_path, "another").release()
        assert library.entries.counts()["person"] >= 8


def test_the_window_meets_a_held_lock_as_locked_with_a_question(seeded_path: Path) -> None:
    with writer_lock.acquire(seeded_path, "import"):
        with pytest.raises(Locked) as raised:
            Library.open(seeded_path, Purpose.WINDOW)
        problem = raised.value.problem()
        assert Option.READ_ONLY in problem.options
        reading = Library.open(seeded_path, Purpose.WINDOW, read_only=problem.read_only_reason)
        try:
            assert reading.read_only and reading.lock is None and reading.check is None
        finally:
            reading.close()


def test_a_file_the_window_cannot_open_keeps_the_lock_for_the_question(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(b"not a database at all, and long enough to be looked at" * 20)
    with pytest.raises(Unopened) as raised:
        Library.open(path, Purpose.WINDOW)
    held = raised.value.lock
    assert held is not None and held.held  # a restore chosen now replaces the file under it
    try:
        with pytest.raises(Unopened) as again:  # asked again with the same lock: not locked out
            Library.open(path, Purpose.WINDOW, lock=held)
        assert again.value.lock is held
    finally:
        held.release()


def test_commands_refuse_what_is_not_theirs_without_a_lock_file(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    path.write_bytes(b"not a database at all, and long enough to be looked at" * 20)
    for purpose in (Purpose.READ, Purpose.WRITE):
        with pytest.raises(DatabaseRefused):
            Library.open(path, purpose)
    assert not writer_lock.lock_path(path).exists()


def test_every_note_and_tag_write_goes_through_the_one_writer(seeded_path: Path) -> None:
    with Library.open(seeded_path, Purpose.WRITE) as library:
        assert library.notes.writer is library.writer
        assert library.tags._writer is library.writer
        assert library.notes is library.notes and library.entries is library.entries  # built once
