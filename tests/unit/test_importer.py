"""Importing: creates what is new, never duplicates, never overwrites the researcher's edits."""

from __future__ import annotations

import shutil
from pathlib import Path

from app.db.database import Database
from app.io.datafile import read
from app.services.details import EntryDetails
from app.services.entries import EntryLists
from app.services.importer import import_file
from app.services.notes import note_title
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
