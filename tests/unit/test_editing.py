"""Editing entries: validation with a message per field, one transaction per action, citations
kept, trash and restore, permanent deletion, and snapshots that undo exactly."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.db.database import Database
from app.services.details import EntryDetails, NotFound
from app.services.editing import (
    FIELDS,
    AliasInput,
    EditingError,
    Editor,
    EntryInput,
    RoleInput,
    ValidationError,
    check_date,
)
from app.services.entries import TRASH, EntryLists


def _id(db: Database, slug: str) -> int:
    ref = EntryLists(db).ref(slug)
    assert ref is not None
    return ref.id


def _citations(db: Database, slug: str) -> int:
    sql = (
        "SELECT count(*) FROM citation c WHERE c.entity_id = :id "
        "OR c.alias_id IN (SELECT id FROM alias WHERE entity_id = :id) "
        "OR c.role_id IN (SELECT id FROM role WHERE person_id = :id)"
    )
    return int(db.read().execute(sql, {"id": _id(db, slug)}).fetchone()[0])


def _total_changes(db: Database) -> tuple[int, ...]:
    tables = ("entity", "person", "country", "alias", "role", "citation")
    return tuple(db.read().execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables)


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ("2025", True),
        ("2025-09", True),
        ("2025-09-18", True),
        ("2025-13", False),
        ("2025-02-30", False),
        ("18/09/2025", False),
        ("25", False),
        ("2025-9-1", False),
    ],
)
def test_dates_have_iso_form_and_precision(value: str, ok: bool) -> None:
    assert (check_date(value) is None) is ok


def test_create_derives_a_unique_slug_from_the_name(seeded_db: Database) -> None:
    editor = Editor(seeded_db)
    made = editor.create(EntryInput("person", "Chen Gang", values={"country": "china"}))
    assert made.slug == "chen-gang-2"
    detail = EntryDetails(seeded_db).get("chen-gang-2")
    assert detail.ref.name == "Chen Gang"
    assert any(f.label == "Country" and f.value == "China" for f in detail.fields)
    thai = editor.create(EntryInput("person", "สมชาย ใจดี"))
    assert thai.slug == "smchay-aichdi"  # spelled in Latin letters (app/services/slugs.py)
    nothing = editor.create(EntryInput("person", "…"))
    assert nothing.slug == "person"  # no letters at all: the kind stands in


def test_every_kind_can_be_created_with_all_its_fields(seeded_db: Database) -> None:
    editor = Editor(seeded_db)
    samples = {
        "country": {
            "iso_alpha2": "qz",
            "iso_alpha3": "QZZ",
            "iso_numeric": "999",
            "official_name": "Q",
            "capital": "C",
        },
        "organization": {"abbreviation": "TO", "org_kind": "ministry", "country": "laos", "parent": "ndrc"},
        "initiative": {"initiative_kind": "centre", "status": "proposed", "announced_on": "2025-09"},
        "event": {
            "event_kind": "forum",
            "start": "2025-09-18",
            "end": "2025-09-19",
            "place": "Nanning",
            "country": "China",
        },
        "source": {
            "source_kind": "report",
            "publisher": "P",
            "url": "https://example.org/x",
            "published": "2025",
            "reliability": "medium",
            "archived_text": "Line one.\nLine two.",
        },
        "person": {"country": "Laos"},
    }
    assert set(samples) == set(FIELDS)
    for kind, values in samples.items():
        made = editor.create(EntryInput(kind, f"Test {kind}", summary="About it.", values=values))
        back = editor.form(made.entity_id)
        for spec in FIELDS[kind]:
            given = values.get(spec.key, "")
            if spec.type == "code":
                given = given.upper()
            if spec.type == "entry" and given:
                given = EntryLists(seeded_db).page(spec.kinds[0], text=given).rows[0].slug
            assert back.values[spec.key] == given, (kind, spec.key)
        assert back.summary == "About it."


def test_invalid_input_names_each_field_and_saves_nothing(seeded_db: Database) -> None:
    editor = Editor(seeded_db)
    before = _total_changes(seeded_db)
    bad = EntryInput(
        "event",
        "  ",
        slug="Not A Slug",
        values={"start": "2025-09-18", "end": "2025-09-01", "country": "Atlantis", "part_of": "laos"},
        aliases=(AliasInput("", language="Chinese"),),
    )
    with pytest.raises(ValidationError) as caught:
        editor.create(bad)
    errors = caught.value.errors
    assert set(errors) == {
        "name",
        "slug",
        "end",
        "country",
        "part_of",
        "aliases[0].value",
        "aliases[0].language",
    }
    assert "before the start" in errors["end"]
    assert errors["country"] == "Nothing in Countries is called “Atlantis”."
    assert errors["part_of"] == "“laos” is listed under Countries, not under Events."
    assert _total_changes(seeded_db) == before


def test_slug_must_be_unique_and_iso_code_too(seeded_db: Database) -> None:
    editor = Editor(seeded_db)
    with pytest.raises(ValidationError) as caught:
        editor.create(EntryInput("country", "Laos again", slug="laos", values={"iso_alpha2": "la"}))
    assert caught.value.errors == {
        "slug": "“laos” is already the slug of Laos.",
        "iso_alpha2": "LA is already the code of Laos.",
    }


def test_role_end_not_before_start_and_dates_checked(seeded_db: Database) -> None:
    editor = Editor(seeded_db)
    form = editor.form(_id(seeded_db, "wang-changlin"))
    bad_role = RoleInput("Minister", organization="ndrc", start="2024-05", end="2023", as_of="2024-13-01")
    with pytest.raises(ValidationError) as caught:
        editor.update(_id(seeded_db, "wang-changlin"), replace(form, roles=(*form.roles, bad_role)))
    n = len(form.roles)
    assert set(caught.value.errors) == {f"roles[{n}].end", f"roles[{n}].as_of"}


def test_edit_keeps_citations_and_reports_both_slugs(seeded_db: Database) -> None:
    editor = Editor(seeded_db)
    entity_id = _id(seeded_db, "chen-gang")
    cited = _citations(seeded_db, "chen-gang")
    assert cited > 0
    form = editor.form(entity_id)
    change = editor.update(entity_id, replace(form, name="Chen Gang (edited)", slug="chen-gang-edited"))
    assert change.changed
    assert change.slugs == {"chen-gang", "chen-gang-edited"}
    assert _citations(seeded_db, "chen-gang-edited") == cited
    detail = EntryDetails(seeded_db).get("chen-gang-edited")
    assert detail.ref.name == "Chen Gang (edited)"
    assert [a.value for a in detail.aliases] == [a.value for a in form.aliases]
    assert all(a.citations for a in detail.aliases if a.value in ("陈刚",))


def test_an_unchanged_form_writes_nothing(seeded_db: Database) -> None:
    editor = Editor(seeded_db)
    entity_id = _id(seeded_db, "laos")
    before = EntryDetails(seeded_db).get("laos").updated_at
    change = editor.update(entity_id, editor.form(entity_id))
    assert not change.changed
    assert EntryDetails(seeded_db).get("laos").updated_at == before


def test_undo_of_an_edit_brings_back_a_removed_role_with_its_citations(seeded_db: Database) -> None:
    editor = Editor(seeded_db)
    entity_id = _id(seeded_db, "wang-changlin")
    cited = _citations(seeded_db, "wang-changlin")
    form = editor.form(entity_id)
    assert form.roles
    change = editor.update(entity_id, replace(form, roles=(), aliases=()))
    assert _citations(seeded_db, "wang-changlin") < cited
    assert change.before is not None and change.after is not None
    editor.apply(change.before)
    assert _citations(seeded_db, "wang-changlin") == cited
    assert editor.form(entity_id) == form
    editor.apply(change.after)  # redo
    assert editor.form(entity_id).roles == ()


def test_trash_restore_and_purge(seeded_db: Database) -> None:
    editor = Editor(seeded_db)
    lists = EntryLists(seeded_db)
    entity_id = _id(seeded_db, "chen-gang")
    people = lists.count("person")
    editor.trash(entity_id)
    assert lists.count("person") == people - 1
    assert [r.slug for r in lists.page(TRASH).rows] == ["chen-gang"]
    editor.restore(entity_id)
    assert lists.count("person") == people and lists.count(TRASH) == 0
    editor.trash(entity_id)
    gone = editor.purge(entity_id)
    assert gone.after is None and lists.count(TRASH) == 0
    with pytest.raises(NotFound):
        EntryDetails(seeded_db).get("chen-gang")
    with pytest.raises(EditingError):
        editor.restore(entity_id)


def test_undo_of_a_create_and_redo_with_the_same_id(seeded_db: Database) -> None:
    editor = Editor(seeded_db)
    made = editor.create(
        EntryInput(
            "person",
            "New Official",
            aliases=(AliasInput("新官员", "zh-Hans", "Hans"),),
            roles=(RoleInput("Minister", organization="ndrc", start="2025"),),
        )
    )
    assert made.after is not None
    editor.purge(made.entity_id)
    assert EntryLists(seeded_db).ref("new-official") is None
    again = editor.apply(made.after)
    assert again.entity_id == made.entity_id
    detail = EntryDetails(seeded_db).get("new-official")
    assert [a.value for a in detail.aliases] == ["新官员"]
    assert [r.title for r in detail.roles] == ["Minister"]


def test_redo_leaves_references_to_purged_entries_empty(seeded_db: Database) -> None:
    editor = Editor(seeded_db)
    country = editor.create(EntryInput("country", "Testland", values={"iso_alpha2": "QT"}))
    person = editor.create(EntryInput("person", "Tester", values={"country": "testland"}))
    assert person.after is not None
    editor.purge(person.entity_id)
    editor.purge(country.entity_id)
    editor.apply(person.after)
    assert editor.form(person.entity_id).values["country"] == ""
