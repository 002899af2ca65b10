"""Sources: real titles and publishers, authors and language (app/services/sources.py)."""

from __future__ import annotations

import pytest

from app.db.database import Database
from app.services.editing import Editor
from app.services.entry_forms import EntryInput, ValidationError
from app.services.sources import is_placeholder


@pytest.mark.parametrize(
    "value",
    ["", "  ", "-", "—", "?", "…", "n/a", "N/A", "Unknown", "(title not recorded)", "Title not recorded"],
)
def test_placeholders_are_not_titles(value: str) -> None:
    assert is_placeholder(value)


@pytest.mark.parametrize("value", ["Laos launches national AI strategy", "老挝时报", "ASEAN", "AI+ 2025"])
def test_real_words_are_titles(value: str) -> None:
    assert not is_placeholder(value)


def _source(name: str, **values: str) -> EntryInput:
    return EntryInput("source", name, values={"reliability": "medium", **values})


def test_a_new_source_needs_a_real_title_and_publisher(seeded_db: Database) -> None:
    editor = Editor(seeded_db)
    with pytest.raises(ValidationError) as caught:
        editor.create(_source("title not recorded"))
    errors = caught.value.errors
    assert "not a title" in errors["name"]
    assert "A publisher is required" in errors["publisher"]
    with pytest.raises(ValidationError) as caught:
        editor.create(_source("Laos launches national AI strategy", publisher="n/a"))
    assert set(caught.value.errors) == {"publisher"}
    assert "“n/a” is not a publisher" in caught.value.errors["publisher"]


def test_authors_one_a_line_and_language_are_kept(seeded_db: Database) -> None:
    editor = Editor(seeded_db)
    made = editor.create(
        _source(
            "Laos launches national AI strategy",
            publisher="Laotian Times",
            authors="  Phonesavanh  \n\n Somsack\n",
            language="lo",
        )
    )
    form = editor.form(made.entity_id)
    assert form.values["authors"] == "Phonesavanh\nSomsack"
    assert form.values["language"] == "lo"
    with pytest.raises(ValidationError) as caught:
        editor.update(
            made.entity_id, EntryInput("source", form.name, values={**form.values, "language": "Lao"})
        )
    assert "language tag" in caught.value.errors["language"]


def test_a_source_recorded_before_the_rule_can_still_be_edited(seeded_db: Database) -> None:
    """Bundled sources whose titles say "(title not recorded)" keep them until someone edits
    the title: giving such a source its text must not be refused."""
    editor = Editor(seeded_db)
    row = (
        seeded_db.read()
        .execute("SELECT id FROM entity WHERE kind = 'source' AND name LIKE '%(title not recorded)'")
        .fetchone()
    )
    form = editor.form(row[0])
    change = editor.update(
        row[0], EntryInput("source", form.name, values={**form.values, "archived_text": "Text."})
    )
    assert change.changed
    with pytest.raises(ValidationError) as caught:
        editor.update(row[0], EntryInput("source", "Unknown", values=form.values))
    assert set(caught.value.errors) == {"name"}


def test_a_source_page_shows_its_authors_and_language(seeded_db: Database) -> None:
    from app.services.details import EntryDetails

    made = Editor(seeded_db).create(
        _source(
            "Laos launches AI strategy", publisher="Laotian Times", authors="A. One\nB. Two", language="lo"
        )
    )
    fields = {f.label: f.value for f in EntryDetails(seeded_db).get_by_id(made.entity_id).fields}
    assert fields["Authors"] == "A. One; B. Two"
    assert fields["Language"] == "lo"
