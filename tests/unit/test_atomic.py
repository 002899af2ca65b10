"""Atomic writes: a failure in the middle leaves the old file (or none), never half a file."""

from __future__ import annotations

import os
import stat
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


@pytest.mark.parametrize("has_sync", [True, False])
def test_a_batch_makes_data_durable_before_renaming(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, has_sync: bool
) -> None:
    events: list[str] = []
    real_replace = Path.replace
    monkeypatch.setattr(os, "fsync", lambda _fd: events.append("fsync"))
    if has_sync:
        monkeypatch.setattr(os, "sync", lambda: events.append("sync"))
    else:
        monkeypatch.delattr(os, "sync", raising=False)  # as on Windows

    def replace(self: Path, target: Path) -> Path:
        events.append("rename")
        return real_replace(self, target)

    monkeypatch.setattr(Path, "replace", replace)
    with atomic.Batch(chunk=2) as batch:
        for n in range(3):
            batch.write(tmp_path / f"{n}.md", b"x")
    renames = [i for i, e in enumerate(events) if e == "rename"]
    flushes = [i for i, e in enumerate(events) if e in ("sync", "fsync")]
    assert len(renames) == 3 and flushes and min(flushes) < min(renames)
    if has_sync:
        assert events.count("sync") == 2  # one per chunk, not one per file


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
