"""`roundtable import-markdown DIR`: a folder of Markdown notes Roundtable did not write (an
Obsidian or Zettlr vault) comes in as notes, written here by the tests."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app.db.database import Database
from app.paths import backups_dir
from app.services.library import Library
from app.services.markdown_import import MAX_NOTE_BYTES, inline_tags
from app.services.writing import DiskError
from tests.unit.test_cli import run


def _write(folder: Path, rel: str, text: str | bytes) -> None:
    path = folder / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")


def foreign_vault(folder: Path) -> Path:
    """An Obsidian vault: front matter, #tags, links in several scripts, a link in code that
    must not count, a binary .md, nested folders, an attachment and its .obsidian folder."""
    _write(
        folder,
        "Trip/Vientiane meeting.md",
        "---\ntitle: Vientiane meeting\ntags: [asean, 'policy/ai']\nentry: '[[Laos]]'\n---\n"
        "Met the ministry about [[Lao People's Democratic Republic|the Lao side]] and [[ไทย#Policy]].\n"
        "Also [[Someone Unknown]], [[中国|China]] and [[vietnam]]. #followup\n\n"
        "```\n[[China]] #notatag\n```\n\nInline `[[Cambodia]]` is code too. ![[scan.png]]\n",
    )
    _write(folder, "Trip/scan.png", b"\x89PNG\r\n\x1a\n\x00\x00")
    _write(folder, "Deep/er/Cambodia.md", "# Cambodia\n\nNotes on [[CAMBODIA]] #country/kh #2024\n")
    _write(folder, "Ideas.md", "tags: none here\n\n## A heading\n\nJust an idea, tags: misc, #idea.\n")
    _write(folder, "Aliases.md", "---\naliases: [Việt Nam]\ntags: vn, region\n---\nAbout it.\n")
    _write(folder, "binary.md", b"\xff\xfe\x00B\x00i\x00n\x00\xff")
    _write(folder, ".obsidian/workspace.md", "[[Laos]]")
    _write(folder, ".obsidian/app.json", "{}")
    return folder


def _notes(db: Database) -> dict[str, tuple[str | None, list[str], list[str], str]]:
    conn = db.read()
    out = {}
    for nid, title, slug, body in conn.execute(
        "SELECT n.id, n.title, e.slug, n.body FROM note n LEFT JOIN entity e ON e.id = n.entity_id"
    ):
        tags = sorted(
            t
            for (t,) in conn.execute(
                "SELECT t.name FROM note_tag nt JOIN tag t ON t.id = nt.tag_id WHERE nt.note_id = ?", (nid,)
            )
        )
        linked = sorted(
            s
            for (s,) in conn.execute(
                "SELECT e.slug FROM note_link l JOIN entity e ON e.id = l.entity_id WHERE l.note_id = ?",
                (nid,),
            )
        )
        out[title] = (slug, tags, linked, body)
    return out


def test_inline_tags_are_found_outside_code() -> None:
    body = "#one and #two/three, not a#four or #2024\n\n```\n#five\n```\n`#six` #seven\n# Heading\n"
    assert inline_tags(body) == ["one", "two/three", "seven"]


def test_a_foreign_vault_comes_in_as_notes(seeded_db: Database, tmp_path: Path) -> None:
    folder = foreign_vault(tmp_path / "vault")
    library = Library(seeded_db)
    before = _notes(seeded_db)
    preview = library.import_markdown(folder, dry_run=True)
    assert _notes(seeded_db) == before  # a dry run writes nothing
    report = library.import_markdown(folder)
    assert (
        report.created
        == preview.created
        == [
            "Aliases.md",
            "Deep/er/Cambodia.md",
            "Ideas.md",
            "Trip/Vientiane meeting.md",
        ]
    )
    assert report.backup is not None and report.backup.parent == backups_dir(seeded_db.path)
    notes = _notes(seeded_db)
    slug, tags, linked, body = notes["Vientiane meeting"]
    assert slug == "laos" and tags == ["asean", "followup", "policy/ai"]
    assert linked == ["china", "laos", "thailand", "vietnam"]  # other names (Thai, Chinese), slug; not code
    assert "[[Lao People's Democratic Republic|the Lao side]] and [[ไทย#Policy]]" in body  # as written
    assert notes["Cambodia"][:3] == ("cambodia", ["country/kh"], ["cambodia"])  # by its file's name
    assert notes["Aliases"][:2] == ("vietnam", ["region", "vn"])  # by an alias; tags as one line
    assert notes["Ideas"][:3] == (None, ["idea"], [])  # standalone
    assert [(u.path, u.link) for u in report.unlinked] == [
        ("Trip/Vientiane meeting.md", "[[Someone Unknown]]")
    ]
    assert report.linked == 5
    assert [(s.path, s.reason) for s in report.skipped] == [("binary.md", "not UTF-8 text (byte 0)")]
    assert report.attachments == ["Trip/Vientiane meeting.md: ![[scan.png]]", "Trip/scan.png"]

    again = library.import_markdown(folder)  # the same folder again: nothing new
    assert again.created == [] and len(again.already) == 4 and again.backup is None
    assert _notes(seeded_db) == notes


def test_a_file_too_large_or_from_roundtable_is_skipped(empty_db: Database, tmp_path: Path) -> None:
    folder = tmp_path / "vault"
    _write(folder, "big.md", "a" * (MAX_NOTE_BYTES + 1))
    _write(folder, "ours.md", "---\nid: 0b6f3c1e-8a51-4b7e-9c2d-5e1f7a3d9b40\nkind: note\n---\nx\n")
    report = Library(empty_db).import_markdown(folder)
    reasons = {s.path: s.reason for s in report.skipped}
    assert "larger than 8 MB" in reasons["big.md"]
    assert "import-notes" in reasons["ours.md"]
    assert report.created == [] and _notes(empty_db) == {}


def test_a_failure_writes_nothing(
    seeded_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = foreign_vault(tmp_path / "vault")
    before = _notes(seeded_db)
    import app.services.markdown_import as importing

    def broken(conn: sqlite3.Connection, *args: object) -> None:
        conn.execute(
            "INSERT INTO note (uid, title, body, created_at, updated_at) VALUES ('x', 't', 'b', 'n', 'n')"
        )
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(importing, "_write", broken)
    with pytest.raises(DiskError):  # one sentence for the user (app/services/writing.py)
        Library(seeded_db).import_markdown(folder)
    assert _notes(seeded_db) == before


def test_the_command_line(capsys: pytest.CaptureFixture[str], seeded_path: Path, tmp_path: Path) -> None:
    folder = foreign_vault(tmp_path / "vault")
    code, out, err = run(capsys, "--db", str(seeded_path), "import-markdown", str(folder), "--dry-run")
    assert (code, err) == (0, "")
    assert out.startswith(f"Markdown notes from {folder}: 4 notes to create (3 on entries)")
    assert "  left as written: Trip/Vientiane meeting.md: [[Someone Unknown]]\n" in out
    assert "  skipped: binary.md: not UTF-8 text (byte 0)\n" in out
    code, out, err = run(capsys, "--db", str(seeded_path), "import-markdown", str(folder))
    assert (code, err) == (0, "") and "4 notes created" in out and "backup first:" in out
    code, out, _ = run(capsys, "--db", str(seeded_path), "import-markdown", str(folder))
    assert "0 notes created (0 on entries), 4 imported before" in out
    code, _, err = run(capsys, "--db", str(seeded_path), "import-markdown", str(tmp_path / "nowhere"))
    assert code == 1 and "is not a folder" in err and "Traceback" not in err


def test_a_pipe_or_a_link_out_of_the_folder_is_skipped_not_read(empty_db: Database, tmp_path: Path) -> None:
    import os

    folder = tmp_path / "vault"
    _write(folder, "kept.md", "A note.\n")
    os.mkfifo(folder / "pipe.md")  # opened plainly, it would wait for a writer for ever
    theirs = tmp_path / "theirs.md"
    theirs.write_text("Someone else's.\n", encoding="utf-8")
    (folder / "out.md").symlink_to(theirs)
    (folder / "in.md").symlink_to(folder / "kept.md")  # a link inside the folder is followed
    report = Library(empty_db).import_markdown(folder)
    reasons = {s.path: s.reason for s in report.skipped}
    assert reasons["out.md"] == "a link to a file outside the folder"
    assert "named pipe" in reasons["pipe.md"]
    assert sorted(report.created) == ["in.md", "kept.md"]
