"""Exporting again into the same vault: what the folder's listing and the manifest already say
is not asked of the disk again. Nothing changed: no file is read or written. One note changed:
exactly its file is written. An edit is still noticed (size, time or inode), and a manifest of
an older Roundtable, without the files' statuses, still works (files are read, then known)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from app import user_files
from app.db.database import Database
from app.io import manifest
from app.services.markdown_export import ExportReport, MarkdownExport, export_markdown
from tests.builders.notes_factory import add_note


def _export(db: Database, vault: Path) -> ExportReport:
    return export_markdown(db, MarkdownExport(folder=vault))


def _stamps(vault: Path) -> dict[str, tuple[int, int]]:
    found = {}
    for path in vault.rglob("*.md"):
        status = path.stat()
        found[path.relative_to(vault).as_posix()] = (status.st_ino, status.st_mtime_ns)
    return found


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The Markdown files any part of the app reads through app/user_files.py (every read of a
    file in the vault goes there)."""
    seen: list[str] = []
    real = user_files.read_bytes

    def counting(path: Path, *, limit: int) -> bytes:
        if str(path).endswith(".md"):
            seen.append(Path(path).name)
        return real(path, limit=limit)

    monkeypatch.setattr(user_files, "read_bytes", counting)
    yield seen


def _racy(vault: Path) -> set[str]:
    """Files written in the same clock tick as the manifest: their time proves nothing."""
    saved = (vault / manifest.MANIFEST_NAME).stat().st_mtime_ns
    return {p.name for p in vault.rglob("*.md") if p.stat().st_mtime_ns >= saved}


def _with_notes(db: Database) -> None:
    add_note(db, "Met at the [[roundtable-2025]].", title="A meeting: yes, no", tags=("trip",))
    add_note(db, "ความร่วมมือ — second", title="ประชุม", entry="laos")
    add_note(db, "third\n---\nyes: no", title="- leading dash")


def test_nothing_changed_reads_and_writes_no_file(
    mini_db: Database, tmp_path: Path, reads: list[str]
) -> None:
    _with_notes(mini_db)
    vault = tmp_path / "vault"
    first = _export(mini_db, vault)
    assert first.written and not first.unchanged
    before = _stamps(vault)
    expected_reads = _racy(vault)
    reads.clear()
    again = _export(mini_db, vault)
    assert again.written == [] and again.skipped == [] and sorted(again.unchanged) == sorted(first.written)
    assert set(reads) == expected_reads  # usually none: each file's listing answered for it
    assert _stamps(vault) == before
    reads.clear()
    third = _export(mini_db, vault)  # what had to be read is known now
    assert sorted(third.unchanged) == sorted(first.written) and reads == []


def test_one_note_changed_writes_exactly_its_file(
    mini_db: Database, tmp_path: Path, reads: list[str]
) -> None:
    _with_notes(mini_db)
    uid = add_note(mini_db, "the body before", title="Changing")
    vault = tmp_path / "vault"
    _export(mini_db, vault)
    _export(mini_db, vault)  # every status known
    before = _stamps(vault)
    mini_db.read().execute("UPDATE note SET body = 'the body after' WHERE uid = ?", (uid,))
    reads.clear()
    report = _export(mini_db, vault)
    assert report.written == ["Notes/Changing.md"] and report.skipped == []
    after = _stamps(vault)
    assert sorted(rel for rel in after if after[rel] != before.get(rel)) == ["Notes/Changing.md"]
    assert "the body after" in (vault / "Notes/Changing.md").read_text(encoding="utf-8")
    assert reads == []  # not even the changed file: its recorded status said it was ours


@pytest.mark.parametrize("how", ["same size, new time", "same size and time, new inode"])
def test_an_edit_is_noticed_without_reading_every_file(mini_db: Database, tmp_path: Path, how: str) -> None:
    uid = add_note(mini_db, "the body before", title="Edited")
    vault = tmp_path / "vault"
    _export(mini_db, vault)
    _export(mini_db, vault)
    path = vault / "Notes/Edited.md"
    old = path.stat()
    text = path.read_text(encoding="utf-8").replace("the body before", "the body BEFORE")
    if how == "same size, new time":
        path.write_text(text, encoding="utf-8")
        os.utime(path, ns=(old.st_atime_ns, old.st_mtime_ns + 1_000_000))
    else:  # as an editor saves: a new file renamed over the old one, its time set back
        fresh = vault / "Notes/.edit.tmp"
        fresh.write_text(text, encoding="utf-8")
        os.utime(fresh, ns=(old.st_atime_ns, old.st_mtime_ns))
        fresh.replace(path)
        assert path.stat().st_ino != old.st_ino
    assert path.stat().st_size == old.st_size
    mini_db.read().execute("UPDATE note SET body = 'the body after' WHERE uid = ?", (uid,))
    report = _export(mini_db, vault)
    assert report.skipped == ["Notes/Edited.md"] and "Notes/Edited.md" not in report.written
    assert "the body BEFORE" in path.read_text(encoding="utf-8")  # the researcher's edit stays


def test_a_manifest_without_statuses_still_works(mini_db: Database, tmp_path: Path, reads: list[str]) -> None:
    """An older Roundtable's manifest: every file is read once, then its status is recorded."""
    _with_notes(mini_db)
    vault = tmp_path / "vault"
    first = _export(mini_db, vault)
    record = vault / manifest.MANIFEST_NAME
    data = json.loads(record.read_bytes())
    assert set(data["statuses"]) == set(data["files"])
    del data["statuses"]
    record.write_text(json.dumps(data), encoding="utf-8")
    reads.clear()
    again = _export(mini_db, vault)
    assert sorted(again.unchanged) == sorted(first.written) and again.written == []
    assert len(reads) == len(first.written)
    assert set(json.loads(record.read_bytes())["statuses"]) == set(data["files"])
    reads.clear()
    _export(mini_db, vault)
    assert reads == []


def test_statuses_that_are_not_numbers_are_ignored(
    mini_db: Database, tmp_path: Path, reads: list[str]
) -> None:
    _with_notes(mini_db)
    vault = tmp_path / "vault"
    first = _export(mini_db, vault)
    record = vault / manifest.MANIFEST_NAME
    data = json.loads(record.read_bytes())
    data["statuses"] = {rel: ["x", None, 1.5] for rel in data["files"]}
    record.write_text(json.dumps(data), encoding="utf-8")
    reads.clear()
    again = _export(mini_db, vault)
    assert sorted(again.unchanged) == sorted(first.written) and len(reads) == len(first.written)
