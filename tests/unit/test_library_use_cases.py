"""What the window and the command line ask of the whole library go through the Library, so
neither reaches for its database: saved searches, About, the exports, the imports, the check."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.services.library import Library, Purpose
from app.services.markdown_export import MarkdownExport, Scope
from app.services.saved_searches import NameTaken


@pytest.fixture
def library(seeded_path: Path) -> Iterator[Library]:
    with Library.open(seeded_path, Purpose.WRITE, program="test") as library:
        yield library


def test_saved_searches_are_kept_renamed_and_deleted(library: Library) -> None:
    saved = library.saved_searches
    assert library.saved_searches is saved  # built once
    kept = saved.save("  Chen   papers ", "chen")
    assert [(s.name, s.query) for s in saved.all()] == [("Chen papers", "chen")]
    with pytest.raises(NameTaken):
        saved.save("Chen papers", "gang")
    saved.save("Chen papers", "gang", replace=True)
    assert [s.query for s in saved.all()] == ["gang"]
    saved.delete(kept.id)
    assert saved.all() == ()


def test_about_check_and_reindex(library: Library) -> None:
    facts = library.about()
    assert facts.database == library.path
    assert facts.sources > 0
    assert library.check_report().ok
    assert library.reindex() > 0


def test_the_exports_and_an_import_back(library: Library, tmp_path: Path) -> None:
    found = library.entries_matching("chen")
    assert found
    report = library.export_markdown(
        MarkdownExport(Scope(entry_ids=found), folder=tmp_path / "vault", digest=None)
    )
    assert report.entries == len(found)
    target = tmp_path / "all.json"
    counts = library.export_json(target)
    assert counts and json.loads(target.read_text(encoding="utf-8"))
    again = library.import_data(target)  # the same library back: nothing new
    assert sum(again.created.values()) == 0
    notes = library.import_vault_notes(tmp_path / "vault")
    assert notes.updated == []
