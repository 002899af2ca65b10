"""Importing: creates what is new, never duplicates, never overwrites the researcher's edits."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app.__main__ import main
from app.db.database import Database
from app.io.datafile import read
from app.paths import backups_dir
from app.services.details import EntryDetails
from app.services.entries import EntryLists
from app.services.importer import import_file
from app.services.notes import Notes, note_title
from tests.builders.canonical import canonical
from tests.conftest import MINI


def test_import_creates_entries_relations_and_citations(mini_db: Database) -> None:
    counts = EntryLists(mini_db).counts()
    assert counts == {"person": 1, "country": 1, "organization": 2, "initiative": 1, "event": 1, "source": 1}
    alpha = EntryDetails(mini_db).get("alpha")
    [role] = alpha.roles
    assert role.title == "Minister of Tests"
    assert role.organization is not None and role.organization.slug == "ministry"
    assert role.citations[0].quote == "Alpha said hello to Beta in Vientiane."
    assert role.citations[0].reliability == "high"  # inherited from the source
    assert [a.value for a in alpha.aliases] == ["阿尔法"]
    assert [n.title for n in alpha.notes] == ["On Alpha"]


def test_importing_twice_duplicates_nothing(mini_db: Database, tmp_path: Path) -> None:
    conn = mini_db.read()
    tables = ("entity", "alias", "role", "citation", "statement", "note", "note_tag", "tag")
    before = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
    folder = tmp_path / "again"
    shutil.copytree(MINI.parent, folder)
    report = import_file(mini_db, read(folder / "mini.yaml"))
    after = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
    assert after == before
    assert sum(report.created.values()) == 0
    assert report.already_imported
    assert report.conflicts == []


def test_local_edits_are_kept_and_reported(mini_db: Database, tmp_path: Path) -> None:
    mini_db.read().execute("UPDATE entity SET name = 'Alpha (my spelling)' WHERE slug = 'alpha'")
    folder = tmp_path / "again"
    shutil.copytree(MINI.parent, folder)
    report = import_file(mini_db, read(folder / "mini.yaml"))
    assert EntryDetails(mini_db).get("alpha").ref.name == "Alpha (my spelling)"
    assert any(c.startswith("alpha: name differ") for c in report.conflicts)


def test_wiki_links_in_imported_notes_become_backlinks(mini_db: Database) -> None:
    meeting = EntryDetails(mini_db).get("meeting")
    assert [n.title for n in meeting.backlinks] == ["On Alpha"]


def test_note_title_defaults_to_first_line() -> None:
    assert note_title(None, "\n\n# Heading here\nbody") == "Heading here"
    assert note_title("  Given  ", "body") == "Given"
    assert note_title("", "") == ""


# --- hostile data files: one sentence, before the backup, nothing changed (issue 16) ----------

HOSTILE_FILES = {
    "surrogate.json": (
        '{"format": "roundtable", "version": 1, "notes": [{"title": "Half", "body": "a\\ud800b"}]}',
        "notes[0] (Half), field body",
    ),
    "surrogate-key.json": (
        '{"format": "roundtable", "version": 1, "notes": [{"title": "Key", "body": "b", "\\udc00": 1}]}',
        "notes[0] (Key)",
    ),
    "long-number.json": (
        '{"format": "roundtable", "version": 1, "dataset": {"id": "d", "version": ' + "9" * 5000 + "}}",
        "dataset, field version",
    ),
    "long-number.yaml": (
        "format: roundtable\nversion: 1\ndataset: {id: d, version: " + "9" * 5000 + "}\n",
        ":3:",
    ),
    "deep.json": (
        '{"format": "roundtable", "version": 1, "notes": [{"body": ' + "[" * 100_000 + "]" * 100_000 + "}]}",
        "notes[0], field body[0][0]",
    ),
    "deep-but-parsed.json": (
        '{"format": "roundtable", "version": 1, "notes": [{"body": ' + "[" * 900 + "]" * 900 + "}]}",
        "notes[0], field body",
    ),
    "naive-and-bad.yaml": (
        "format: roundtable\nversion: 1\nnotes:\n  - {body: b, created_at: 2025-09-18 10:00:00, updated_at: not-a-time}\n",
        "notes[0], field updated_at",
    ),
}


@pytest.mark.parametrize("name", sorted(HOSTILE_FILES))
def test_a_hostile_data_file_is_one_sentence_before_any_backup(
    capsys: pytest.CaptureFixture[str], mini_path: Path, tmp_path: Path, name: str
) -> None:
    text, where = HOSTILE_FILES[name]
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    before = canonical(mini_path)
    try:
        code = main(["--db", str(mini_path), "import", str(path)])
    except SystemExit as exc:  # pragma: no cover (argparse)
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    assert code == 1 and out == ""
    [line] = err.splitlines()
    assert line.startswith(f"roundtable: {path} was not imported; nothing was changed: {name}")
    assert where in line and len(line) < 400
    assert canonical(mini_path) == before
    assert not backups_dir(mini_path).exists() or not any(backups_dir(mini_path).iterdir())


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_importing_a_fifo_is_refused_at_once(mini_path: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "data.json"
    os.mkfifo(fifo)
    done = subprocess.run(
        [sys.executable, "-m", "app", "--db", str(mini_path), "import", str(fifo)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1 and "named pipe" in done.stderr and "Traceback" not in done.stderr


def test_a_note_imported_with_a_naive_timestamp_saves_and_keeps_its_history(
    empty_db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "naive.yaml"
    path.write_text(
        "format: roundtable\nversion: 1\nnotes:\n"
        "  - {title: T, body: hello, created_at: 2025-09-18 10:00:00, updated_at: 2025-09-18 10:00:00}\n",
        encoding="utf-8",
    )
    import_file(empty_db, read(path))
    notes = Notes(empty_db)
    [note_id] = [r[0] for r in empty_db.read().execute("SELECT id FROM note")]
    assert notes.get(note_id).updated_at == "2025-09-18T10:00:00.000000+00:00"
    result = notes.save(note_id, "hello again")
    assert result.saved and result.revision_created  # years later: a new session
    [revision] = notes.revisions(note_id)
    assert revision.created_at == "2025-09-18T10:00:00.000000+00:00"
