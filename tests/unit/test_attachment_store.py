"""Attachments are kept once, by their checksum, and a changed or missing file is noticed."""

from __future__ import annotations

from pathlib import Path

from app.io.attachments import AttachmentStore, FileState
from app.paths import attachments_dir


def test_a_file_is_kept_once_under_its_checksum_and_changes_are_noticed(tmp_path: Path) -> None:
    store = AttachmentStore(attachments_dir(tmp_path / "library.sqlite3"))
    kept = store.add(b"%PDF-1.4 report", "application/pdf")
    assert kept.path.name == kept.sha256 + ".pdf"
    assert kept.path.parent == tmp_path / "library-attachments"
    assert kept.path.read_bytes() == b"%PDF-1.4 report"
    assert store.add(b"%PDF-1.4 report", "application/pdf") == kept
    assert store.state(kept.sha256, "application/pdf") is FileState.PRESENT
    kept.path.write_bytes(b"tampered")
    assert store.state(kept.sha256, "application/pdf") is FileState.CHANGED
    kept.path.unlink()
    assert store.state(kept.sha256, "application/pdf") is FileState.MISSING
    assert store.names() == set()
