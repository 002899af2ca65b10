"""Atomic writes: a failure in the middle leaves the old file (or none), never half a file."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from app.io import atomic
from app.paths import PRIVATE_FILE


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".roundtable-"))


def test_writes_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "note.md"
    atomic.write_text(target, "first ✓")
    atomic.write_text(target, "second ✓")
    assert target.read_text(encoding="utf-8") == "second ✓"
    assert _leftovers(tmp_path) == []


def test_a_failure_mid_write_keeps_the_old_file_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "note.md"
    atomic.write_text(target, "the old text")

    def disk_full(_fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)  # the bytes are written, not yet safe: fail here
    with pytest.raises(OSError, match="No space"):
        atomic.write_text(target, "the new text " * 1000)
    assert target.read_text(encoding="utf-8") == "the old text"
    assert _leftovers(tmp_path) == []


def test_a_failure_on_a_new_file_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "new.md"
    real_fdopen = os.fdopen

    class HalfWriter:
        def __init__(self, fd: int, mode: str) -> None:
            self._fh = real_fdopen(fd, mode)

        def __enter__(self) -> HalfWriter:
            return self

        def __exit__(self, *exc: object) -> None:
            self._fh.close()

        def write(self, data: bytes) -> int:
            self._fh.write(data[: len(data) // 2])
            self._fh.flush()
            raise KeyboardInterrupt  # the researcher pressed Ctrl+C half-way through

    monkeypatch.setattr(os, "fdopen", HalfWriter)
    with pytest.raises(KeyboardInterrupt):
        atomic.write_bytes(target, b"x" * 10_000)
    assert not target.exists()
    assert _leftovers(tmp_path) == []


def test_leftovers_of_a_killed_write_are_cleared(tmp_path: Path) -> None:
    (tmp_path / ".roundtable-abc123.tmp").write_bytes(b"half")
    (tmp_path / "mine.tmp").write_bytes(b"not ours")
    assert atomic.remove_leftovers(tmp_path) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.tmp"]


def test_a_batch_puts_complete_files_in_place_even_when_stopped(tmp_path: Path) -> None:
    done: list[str] = []
    with pytest.raises(KeyboardInterrupt), atomic.Batch(chunk=1000) as batch:
        for name in ("a.md", "b.md"):
            batch.write(tmp_path / name, name.encode(), on_done=lambda n=name: done.append(n))
        assert done == []  # staged, not yet in place
        raise KeyboardInterrupt
    assert done == ["a.md", "b.md"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md", "b.md"]
    assert (tmp_path / "b.md").read_bytes() == b"b.md"


@pytest.mark.parametrize("has_syncfs", [True, False])
def test_a_batch_makes_data_durable_before_renaming(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, has_syncfs: bool
) -> None:
    """One syncfs of the folder's file system before all the renames (not os.sync, which
    flushes every program's data on the machine, once per 500 files); where there is no
    syncfs, each file is flushed as it is written."""
    events: list[str] = []
    real_replace = os.replace
    monkeypatch.setattr(os, "fsync", lambda _fd: events.append("fsync"))
    monkeypatch.setattr(os, "sync", lambda: events.append("sync"), raising=False)
    monkeypatch.setattr(
        atomic, "_syncfs", (lambda: lambda _fd: events.append("syncfs") or 0) if has_syncfs else lambda: None
    )

    def replace(source: str, target: str) -> None:
        events.append("rename")
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", replace)
    (tmp_path / "sub").mkdir()
    with atomic.Batch() as batch:
        for n in range(3):
            batch.write(tmp_path / f"{n}.md", b"x")
        batch.write(tmp_path / "sub" / "3.md", b"x")
        assert "rename" not in events  # nothing in place before the flush
    first_rename = events.index("rename")
    before = events[:first_rename]
    assert events.count("rename") == 4 and "sync" not in events
    if has_syncfs:
        assert before == ["syncfs"] and events.count("syncfs") == 1  # one file system, one flush
    else:
        assert before == ["fsync"] * 4  # each file as it is written
    assert set(events[first_rename:]) <= {"rename", "fsync"}  # then the folders' entries
    assert sorted(p.name for p in tmp_path.iterdir()) == ["0.md", "1.md", "2.md", "sub"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="syncfs is Linux's")
def test_syncfs_is_the_real_one_on_linux(tmp_path: Path) -> None:
    syncfs = atomic._syncfs()
    assert syncfs is not None
    fd = os.open(tmp_path, os.O_RDONLY)
    try:
        assert syncfs(fd) == 0
    finally:
        os.close(fd)
    with pytest.raises(OSError):
        syncfs(-1)


def test_a_batch_says_what_each_file_is_once_in_place(tmp_path: Path) -> None:
    """Size, time and inode of the staged file are those of the file after its rename: a
    re-export compares them with the folder's listing instead of reading every file."""
    with atomic.Batch() as batch:
        staged = batch.write(tmp_path / "a.md", b"hello", new=True)
    found = (tmp_path / "a.md").stat()
    assert (staged.st_size, staged.st_mtime_ns, staged.st_ino) == (5, found.st_mtime_ns, found.st_ino)


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_new_files_are_private_and_replaced_ones_keep_their_mode(tmp_path: Path) -> None:
    """Exports hold the notes: a new file is this user's only (issue 16: they were 0644, so
    other users of a shared machine read them); a file replaced keeps what the user gave it."""
    umask = os.umask(0o022)
    try:
        atomic.write_text(tmp_path / "note.md", "x")
        with atomic.Batch() as batch:
            batch.write(tmp_path / "other.md", b"y")
        for name in ("note.md", "other.md"):
            assert (tmp_path / name).stat().st_mode & 0o777 == 0o600, name
        shared = tmp_path / "shared.md"
        shared.write_text("old", encoding="utf-8")
        shared.chmod(0o644)
        kept = tmp_path / "kept.md"
        kept.write_text("old", encoding="utf-8")
        kept.chmod(0o640)
        atomic.write_text(shared, "new")
        with atomic.Batch() as batch:
            batch.write(kept, b"new")
        assert shared.stat().st_mode & 0o777 == 0o644 and shared.read_text(encoding="utf-8") == "new"
        assert kept.stat().st_mode & 0o777 == 0o640 and kept.read_bytes() == b"new"
    finally:
        os.umask(umask)


def test_a_replaced_link_never_lends_its_target_s_mode(tmp_path: Path) -> None:
    # A link to /dev/null (0666) replaced by a new file: the notes stay this user's only.
    link = tmp_path / "notes.json"
    link.symlink_to("/dev/null")
    atomic.write_text(link, "{}")
    assert not link.is_symlink()
    assert stat.S_IMODE(link.stat().st_mode) == PRIVATE_FILE
    # An ordinary file keeps the mode its owner chose.
    shared = tmp_path / "shared.md"
    shared.write_text("old")
    shared.chmod(0o644)
    atomic.write_text(shared, "new")
    assert stat.S_IMODE(shared.stat().st_mode) == 0o644
