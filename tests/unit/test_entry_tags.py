"""Tags on entries, written with the rest of an entry's form in one transaction and undone with
it; the entries a tag carries; new tags joining the spelling of the parents there are; a note's
backlinks brought up to date; the Trash's order."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.db.database import Database
from app.records.notes import NoteQuery
from app.services.editing import Editor, EntryInput, ValidationError
from app.services.entries import EntryLists
from app.services.note_lists import NoteLists
from app.services.notes import Notes
from app.services.tags import Tags
from tests.unit.notes_helpers import Clock


def entry_id(db: Database, slug: str) -> int:
    ref = EntryLists(db).ref(slug)
    assert ref is not None
    return ref.id


def test_tags_typed_in_the_form_are_stored_and_undone_with_the_edit(mini_db: Database) -> None:
    editor, tags = Editor(mini_db), Tags(mini_db)
    alpha = entry_id(mini_db, "alpha")
    form = editor.form(alpha)
    assert form.tags == ""
    change = editor.update(alpha, replace(form, tags="#Policy / ethics, people/ministers, policy/ethics"))
    assert change.changed and change.after is not None
    assert tags.of_entry(alpha) == ("people/ministers", "Policy/ethics")
    assert editor.form(alpha).tags == "people/ministers, Policy/ethics"
    assert change.before is not None
    editor.apply(change.before)  # undo
    assert tags.of_entry(alpha) == ()
    assert "Policy/ethics" not in tags.names()  # nothing carries it any more
    editor.apply(change.after)  # redo
    assert tags.of_entry(alpha) == ("people/ministers", "Policy/ethics")


def test_an_edit_that_leaves_out_tags_keeps_them_and_a_tags_only_edit_counts(mini_db: Database) -> None:
    editor, tags = Editor(mini_db), Tags(mini_db)
    laos = entry_id(mini_db, "laos")
    tags.set_entry_tags(laos, ["asean-member"])
    form = editor.form(laos)
    assert not editor.update(laos, replace(form, tags=None)).changed
    assert tags.of_entry(laos) == ("asean-member",)
    assert editor.update(laos, replace(form, tags="asean-member, observer")).changed


def test_a_bad_tag_is_a_validation_error_and_nothing_is_written(mini_db: Database) -> None:
    editor, tags = Editor(mini_db), Tags(mini_db)
    alpha = entry_id(mini_db, "alpha")
    with pytest.raises(ValidationError) as caught:
        editor.update(alpha, replace(editor.form(alpha), name="Renamed", tags="ok, " + "x" * 120))
    assert set(caught.value.errors) == {"tags"}
    assert tags.of_entry(alpha) == () and EntryLists(mini_db).ref("alpha").name == "Alpha Person"  # type: ignore[union-attr]


def test_a_new_entry_with_tags_and_its_purge(mini_db: Database) -> None:
    editor, tags = Editor(mini_db), Tags(mini_db)
    change = editor.create(EntryInput("person", "Tagged Person", tags="speakers/2025"))
    assert tags.of_entry(change.entity_id) == ("speakers/2025",)
    editor.purge(change.entity_id)
    assert "speakers" not in tags.names()
    assert change.after is not None
    editor.apply(change.after)  # redo of the create
    assert tags.of_entry(change.entity_id) == ("speakers/2025",)


def test_entries_tagged_include_nested_tags_and_leave_out_the_trash(mini_db: Database) -> None:
    tags = Tags(mini_db)
    laos, alpha, bloc = (entry_id(mini_db, s) for s in ("laos", "alpha", "bloc"))
    tags.set_entry_tags(laos, ["policy/ethics"])
    tags.set_entry_tags(alpha, ["policy"])
    tags.set_entry_tags(bloc, ["policy_x"])  # LIKE's wildcard is not a wildcard here
    assert [r.slug for r in tags.entries_tagged("POLICY")] == ["alpha", "laos"]
    assert [r.slug for r in tags.entries_tagged("policy/ethics")] == ["laos"]
    Editor(mini_db).trash(laos)
    assert [r.slug for r in tags.entries_tagged("policy")] == ["alpha"]


def test_a_new_tag_goes_under_the_parent_as_it_is_spelled(mini_db: Database) -> None:
    tags = Tags(mini_db)
    tags.set_entry_tags(entry_id(mini_db, "laos"), ["Policy/ethics"])
    tags.set_entry_tags(entry_id(mini_db, "alpha"), ["policy/DATA/eu", "POLICY/ethics"])
    assert tags.of_entry(entry_id(mini_db, "alpha")) == ("Policy/DATA/eu", "Policy/ethics")
    assert [t.name for t in tags.counts() if t.depth == 0 and t.name.casefold() == "policy"] == ["Policy"]


def test_relink_brings_a_notes_backlinks_up_to_date(mini_db: Database) -> None:
    notes = Notes(mini_db)
    note = notes.create(body="About [[Someone New]]")
    assert notes.relink(note.id).entries == frozenset()
    created = Editor(mini_db).create(EntryInput("person", "Someone New"))
    changed = notes.relink(note.id)
    assert changed.entries == {created.slug}
    links = mini_db.read().execute("SELECT entity_id FROM note_link WHERE note_id = ?", (note.id,))
    assert [r[0] for r in links] == [created.entity_id]


def test_the_trash_lists_the_last_deleted_note_first(mini_db: Database) -> None:
    clock = Clock()
    notes = Notes(mini_db, now=clock)
    first, second = notes.create(body="first"), notes.create(body="second")
    notes.move_to_trash(second.id)
    clock.advance(60)
    notes.move_to_trash(first.id)
    rows = NoteLists(mini_db).page(NoteQuery(trash=True, sort="deleted"))
    assert [r.title for r in rows] == ["first", "second"]
