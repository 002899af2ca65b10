"""Notes as a researcher uses them: write, link, tag, go back in history, trash and restore."""

from __future__ import annotations

import pytest

from app.db.database import Database
from app.records.notes import NoteQuery
from app.services.details import EntryDetails
from app.services.entries import EntryLists
from app.services.note_lists import BadNoteQuery, NoteLists
from app.services.notes import NoteNotFound, Notes, NotInTrash, note_title
from app.services.tags import BadTag, Tags, normalize_tag, parse_tags
from app.services.wikilinks import LINK_CHOICES, completions, resolve_all
from tests.unit.notes_helpers import Clock


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def notes(mini_db: Database, clock: Clock) -> Notes:
    return Notes(mini_db, now=clock)


def entry_id(db: Database, slug: str) -> int:
    ref = EntryLists(db).ref(slug)
    assert ref is not None
    return ref.id


def test_note_title_defaults_to_first_line() -> None:
    assert note_title(None, "\n\n# Heading here\nbody") == "Heading here"
    assert note_title("  Given  ", "body") == "Given"
    assert note_title("", "") == ""


def test_a_note_on_an_entry_and_a_standalone_note(mini_db: Database, notes: Notes) -> None:
    on_alpha = notes.create(entry_id=entry_id(mini_db, "alpha"), body="# 会议记录\nAlpha spoke.")
    alone = notes.create(body="Ideas\nfor later")
    assert on_alpha.title == "会议记录" and on_alpha.entry is not None and on_alpha.entry.slug == "alpha"
    assert alone.entry is None and alone.title == "Ideas"
    detail = EntryDetails(mini_db).get("alpha")
    assert "会议记录" in [n.title for n in detail.notes]
    with pytest.raises(LookupError):
        notes.create(entry_id=999_999)


def test_save_stores_text_and_title_and_skips_unchanged_text(notes: Notes, clock: Clock) -> None:
    note = notes.create(body="first")
    clock.advance()
    result = notes.save(note.id, "first line\nsecond")
    assert result.saved and result.title == "first line"
    assert notes.get(note.id).body == "first line\nsecond"
    clock.advance()
    again = notes.save(note.id, "first line\nsecond")
    assert not again.saved and again.updated_at == result.updated_at
    notes.save(note.id, "first line\nsecond", title="Explicit")
    assert notes.get(note.id).title == "Explicit"
    with pytest.raises(NoteNotFound):
        notes.save(123_456, "text")


def test_links_by_slug_name_and_alias_in_any_script_become_backlinks(mini_db: Database, notes: Notes) -> None:
    note = notes.create(body="start")
    result = notes.save(
        note.id, "Links\nSee [[meeting]], [[the bloc]], [[阿尔法|Alpha]], [[ລາວ]], [[Nobody]]."
    )
    assert result.entries == {"meeting", "bloc", "alpha", "laos"}
    details = EntryDetails(mini_db)
    for slug in ("meeting", "bloc", "alpha", "laos"):
        assert note.id in [n.id for n in details.get(slug).backlinks], slug
    # Removing a link removes the backlink, and only the entries whose backlinks changed are named.
    result = notes.save(note.id, "Links\nSee [[meeting]], [[the bloc]] and [[ລາວ]].")
    assert result.entries == {"alpha"}
    # A new title shows wherever the note is listed: on its entry and as a backlink.
    result = notes.save(note.id, "Renamed\nSee [[meeting]], [[the bloc]] and [[ລາວ]].")
    assert result.entries == {"meeting", "bloc", "laos"}
    assert note.id not in [n.id for n in details.get("alpha").backlinks]


def test_resolution_prefers_slug_then_name_then_alias(mini_db: Database) -> None:
    found = resolve_all(mini_db.read(), ["alpha", "ALPHA PERSON", "阿尔法", "Nobody", "Test-Article"])
    assert {k: (v.slug if v else None) for k, v in found.items()} == {
        "alpha": "alpha",
        "ALPHA PERSON": "alpha",
        "阿尔法": "alpha",
        "Nobody": None,
        "Test-Article": "test-article",
    }


def test_link_completions_cover_names_slugs_and_aliases(mini_db: Database) -> None:
    def texts(typed: str) -> list[tuple[str, str]]:
        return [(c.text, c.slug) for c in completions(mini_db.read(), typed)]

    everything = texts("")
    assert ("Alpha Person", "alpha") in everything  # one line per entry, by its name
    assert len({slug for _, slug in everything}) == len(everything)
    assert texts("ALPHA") == [("Alpha Person", "alpha")]  # its name, not its slug
    assert texts("alpha-") == []
    assert texts("person") == [("Alpha Person", "alpha")]  # ... then holding it
    assert texts("阿尔") == [("阿尔法", "alpha")] and texts("ລາ") == [("ລາວ", "laos")]
    assert texts("nobody") == []


def test_link_completions_read_a_few_names_of_a_large_library(mini_db: Database) -> None:
    """Names are offered from the search index's names, a few at a time, in order: 1,000
    entries named alike offer the first LINK_CHOICES of them."""
    conn = mini_db.read()
    with conn:
        for i in range(1000):
            conn.execute(
                "INSERT INTO entity (uid, kind, slug, name, summary, created_at, updated_at) "
                "VALUES (?, 'organization', ?, ?, '', '2025-01-01', '2025-01-01')",
                (f"uid-{i}", f"land-{i:04}", f"Land {i:04}"),
            )
            conn.execute("INSERT INTO organization (id) VALUES (last_insert_rowid())")
    found = completions(conn, "land")
    assert len(found) == LINK_CHOICES
    assert [c.text for c in found[:3]] == ["Land 0000", "Land 0001", "Land 0002"]


# --- history ----------------------------------------------------------------------------------


def test_typing_in_one_session_makes_no_revision_per_keystroke(notes: Notes, clock: Clock) -> None:
    note = notes.create(body="")
    text = ""
    for word in ["the", "roundtable", "met", "in", "nanning", "on", "the", "eighteenth"]:
        text += word + " "
        clock.advance(1)
        notes.save(note.id, text)
    assert notes.revisions(note.id) == ()
    assert notes.get(note.id).body == text


def test_a_pause_keeps_the_previous_session_as_a_revision(notes: Notes, clock: Clock) -> None:
    note = notes.create(body="")
    clock.advance(1)
    first = notes.save(note.id, "Session one text")
    clock.advance(4 * 60)
    notes.save(note.id, "Session one text, and session two")
    [rev] = notes.revisions(note.id)
    assert rev.created_at == first.updated_at  # the time that text was saved
    assert notes.revision(rev.id).body == "Session one text"


def test_long_continuous_typing_is_checkpointed(notes: Notes, clock: Clock) -> None:
    note = notes.create(body="")
    text = ""
    for n in range(25 * 60 // 5):  # 25 minutes, a save every 5 seconds
        text += f"w{n} "
        clock.advance(5)
        notes.save(note.id, text)
    assert len(notes.revisions(note.id)) in (2, 3)  # one per 10 minutes of the clock


def test_deleting_most_of_the_text_keeps_it_in_history(notes: Notes, clock: Clock) -> None:
    note = notes.create(body="")
    long_text = "A paragraph worth keeping. " * 10
    clock.advance(1)
    notes.save(note.id, long_text)
    clock.advance(1)
    notes.save(note.id, "A")
    [rev] = notes.revisions(note.id)
    assert notes.revision(rev.id).body == long_text


def test_restore_adds_history_and_can_itself_be_undone(notes: Notes, clock: Clock) -> None:
    note = notes.create(body="")
    for text in ("version one", "version two", "version three"):
        clock.advance(600)
        notes.save(note.id, text)
    old = next(r for r in notes.revisions(note.id) if notes.revision(r.id).body == "version one")
    count = len(notes.revisions(note.id))
    clock.advance(1)
    result = notes.restore_revision(note.id, old.id)
    assert result.saved and result.revision_created
    assert notes.get(note.id).body == "version one"
    revisions = notes.revisions(note.id)
    assert len(revisions) == count + 1
    latest = notes.revision(revisions[0].id)
    assert latest.body == "version three"  # what the restore replaced
    clock.advance(1)
    notes.restore_revision(note.id, latest.id)  # undo the restore
    assert notes.get(note.id).body == "version three"
    bodies = [notes.revision(r.id).body for r in notes.revisions(note.id)]
    assert bodies[0] == "version one" and "version two" in bodies  # nothing was lost
    with pytest.raises(LookupError):
        notes.restore_revision(note.id, 987_654)


# --- trash ------------------------------------------------------------------------------------


def test_trash_restore_and_purge(mini_db: Database, notes: Notes) -> None:
    note = notes.create(entry_id=entry_id(mini_db, "alpha"), body="Mentions [[meeting]]")
    lists = NoteLists(mini_db)
    changed = notes.move_to_trash(note.id)
    assert changed.entries == {"alpha", "meeting"}
    assert note.id not in [r.id for r in lists.page(NoteQuery())]
    assert note.id in [r.id for r in lists.page(NoteQuery(trash=True))]
    assert note.id not in [n.id for n in EntryDetails(mini_db).get("meeting").backlinks]
    notes.restore_from_trash(note.id)
    assert note.id in [n.id for n in EntryDetails(mini_db).get("meeting").backlinks]
    with pytest.raises(NotInTrash):
        notes.purge(note.id)
    notes.move_to_trash(note.id)
    notes.purge(note.id)
    with pytest.raises(NoteNotFound):
        notes.get(note.id)


# --- tags -------------------------------------------------------------------------------------


def test_tag_names_are_normalized_and_bad_ones_refused() -> None:
    assert normalize_tag(" #Policy / ethics ") == "Policy/ethics"
    assert parse_tags("policy, Policy, policy/ethics,, ") == ("policy", "policy/ethics")
    for bad in ("  ", "#", "///", "x" * 101):
        with pytest.raises(BadTag):
            normalize_tag(bad)


def test_nested_tag_counts_include_children_and_entries(mini_db: Database, notes: Notes) -> None:
    tags = Tags(mini_db, notes.writer)
    a = notes.create(body="a", tags=["policy"])
    b = notes.create(body="b", tags=["policy/ethics"])
    notes.create(body="c", tags=["Policy/Ethics", "policy/data"])  # joins the existing spelling
    tags.set_entry_tags(entry_id(mini_db, "laos"), ["policy/ethics"])
    counts = {t.name: (t.notes, t.entries) for t in tags.counts()}
    assert counts["policy"] == (3, 1)
    assert counts["policy/ethics"] == (2, 1)
    assert counts["policy/data"] == (1, 0)
    assert counts["people"] == (1, 0) and counts["people/alpha"] == (1, 0)  # from the fixture
    notes.move_to_trash(a.id)
    assert {t.name: t.notes for t in tags.counts()}["policy"] == 2
    notes.set_tags(b.id, [])
    assert "policy/ethics" in tags.names() and "people" in tags.names()
    assert [t.name for t in tags.counts()].index("policy") < [t.name for t in tags.counts()].index(
        "policy/data"
    )


def test_unused_tags_disappear(mini_db: Database, notes: Notes) -> None:
    tags = Tags(mini_db, notes.writer)
    note = notes.create(body="x", tags=["temporary"])
    assert "temporary" in tags.names()
    notes.set_tags(note.id, ["kept"])
    assert "temporary" not in tags.names()


# --- lists ------------------------------------------------------------------------------------


def test_note_list_sorts_filters_and_pages(mini_db: Database, notes: Notes, clock: Clock) -> None:
    lists = NoteLists(mini_db)
    alpha, laos = entry_id(mini_db, "alpha"), entry_id(mini_db, "laos")
    made = []
    for n in range(7):
        clock.advance(60)
        made.append(
            notes.create(
                entry_id=(alpha, laos, None)[n % 3],
                body=f"Note {n} about ລາວ" if n % 2 else f"Note {n}",
                tags=["policy/ethics"] if n < 3 else [],
            )
        )
    clock.advance(60)
    notes.save(made[0].id, "Note 0, edited last")
    everything = NoteQuery()
    assert lists.count(everything) == 8  # with the fixture's note
    newest = lists.page(everything, limit=3)
    assert newest[0].id == made[0].id and len(newest) == 3
    page_two = lists.page(everything, offset=3, limit=3)
    assert not {r.id for r in newest} & {r.id for r in page_two}
    by_created = lists.page(NoteQuery(sort="created", descending=False))
    assert [r.created_at for r in by_created] == sorted(r.created_at for r in by_created)
    by_entry = lists.page(NoteQuery(sort="entry", descending=False))
    names = [r.entry.name if r.entry else None for r in by_entry]
    assert names[-1] is None and names[0] == "Alpha Person"
    assert lists.count(NoteQuery(tag="policy")) == 3
    assert lists.count(NoteQuery(tag="POLICY/ethics")) == 3
    assert lists.count(NoteQuery(tag="pol")) == 0
    assert lists.count(NoteQuery(text="ລາວ")) == 3
    assert lists.count(NoteQuery(entry_id=laos)) == 2
    assert lists.count(NoteQuery(standalone=True)) == 2
    meeting = entry_id(mini_db, "meeting")
    assert [r.title for r in lists.page(NoteQuery(links_to=meeting))] == ["On Alpha"]
    assert lists.page(NoteQuery(tag="policy"))[0].tags == ("policy/ethics",)
    with pytest.raises(BadNoteQuery):
        lists.page(NoteQuery(sort="colour"))


def test_the_newest_notes_page_in_through_the_index_of_their_order(mini_db: Database) -> None:
    """The notes list's first page (newest first, the default) reads the index on updated_at
    in order; through the index on deleted_at it sorted every live note first (260 ms for
    100,000 notes, each time the panel listed all notes)."""
    conn = mini_db.read()
    run: list[str] = []
    conn.set_trace_callback(run.append)
    try:
        NoteLists(mini_db).page(NoteQuery())
    finally:
        conn.set_trace_callback(None)
    sql = next(s for s in run if s.startswith("WITH page"))
    plan = [row[3] for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}")]
    assert any("ix_note_updated_at" in step for step in plan), plan
