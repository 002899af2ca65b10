"""A source's reading and its "Cited for": every citation of the source with what it supports in
its own words, grouped by entry, and the passage it quotes found in the source's current text
(again after the text is replaced by a better copy)."""

from __future__ import annotations

from dataclasses import replace

from app.db.database import Database
from app.records import anchors
from app.services.details import EntryDetails
from app.services.editing import Editor
from app.services.entry_forms import (
    CitationInput,
    EntryInput,
    FactInput,
    ParticipantInput,
    RoleInput,
    StatementInput,
)

TEXT = (
    "Nanning, 20 September 2025.\n\n"
    "Chen Gang said Guangxi will build an AI cooperation centre with ASEAN.\n\n"
    "陈刚表示，广西将与东盟共建人工智能合作中心。\f"
    "Chen Gang, Party Secretary of Guangxi, opened the forum.\n\n"
    "ລາວ ແລະ ຈີນ ຈະຮ່ວມມືກັນ ດ້ານປັນຍາປະດິດ."
)


def _source(editor: Editor, text: str = TEXT) -> int:
    change = editor.create(
        EntryInput(
            "source",
            "Guangxi Daily",
            values={"publisher": "Guangxi Daily", "reliability": "medium", "archived_text": text},
        )
    )
    return change.entity_id


def _cite(text: str, words: str, source: str = "guangxi-daily") -> CitationInput:
    start = text.index(words)
    return CitationInput(source, anchor=anchors.anchor_at(text, start, start + len(words)))


def _person(db: Database, slug: str) -> int:
    return int(db.read().execute("SELECT id FROM entity WHERE slug = ?", (slug,)).fetchone()[0])


def test_cited_for_lists_each_use_by_its_words_grouped_by_entry(seeded_db: Database) -> None:
    editor = Editor(seeded_db)
    source_id = _source(editor)
    chen = _person(seeded_db, "chen-gang")
    said = "Chen Gang said Guangxi will build an AI cooperation centre with ASEAN."
    editor.add_to(
        chen, FactInput("Guangxi will build an AI centre with ASEAN.", "2025-09", (_cite(TEXT, said),))
    )
    title = "Chen Gang, Party Secretary of Guangxi"
    editor.add_to(
        chen, RoleInput("Party Secretary of Guangxi", start="2021-10", citations=(_cite(TEXT, title),))
    )
    editor.add_to(
        chen,
        StatementInput(
            "陈刚表示，广西将与东盟共建人工智能合作中心。", "translated", citations=(_cite(TEXT, "陈刚表示"),)
        ),
    )
    event = _person(seeded_db, "roundtable-2025")
    editor.add_to(event, ParticipantInput("chen-gang", "speaker", (_cite(TEXT, "opened the forum"),)))

    detail = EntryDetails(seeded_db).get_by_id(source_id)
    uses = {(u.subject.slug if u.subject else None, u.owner): u for u in detail.source_uses}
    fact = uses["chen-gang", "fact"]
    assert fact.words == "Guangxi will build an AI centre with ASEAN." and fact.date == "2025-09"
    assert fact.quote == said and fact.locator == "p. 1, ¶ 2"
    assert TEXT[fact.start : fact.end] == said  # type: ignore[misc]
    assert uses["chen-gang", "title"].words == "Party Secretary of Guangxi"
    assert uses["chen-gang", "title"].locator == "p. 2, ¶ 1"
    assert uses["chen-gang", "statement"].words.startswith("陈刚表示")
    participation = uses["roundtable-2025", "participation"]
    assert participation.words == "speaker" and participation.other is not None
    assert participation.other.slug == "chen-gang"
    # Grouped by entry: an entry's uses come together.
    subjects = [u.subject.slug for u in detail.source_uses if u.subject]
    assert subjects == sorted(subjects, key=subjects.index)
    assert [s for i, s in enumerate(subjects) if s not in subjects[:i]] == ["chen-gang", "roundtable-2025"]

    reading = EntryDetails(seeded_db).reading(source_id)
    assert reading is not None and reading.paged and reading.reliability == "medium"
    assert [(p.page, p.number) for p in reading.paragraphs] == [(1, 1), (1, 2), (1, 3), (2, 1), (2, 2)]
    assert [TEXT[p.start : p.end] for p in reading.passages] == [
        said,
        "陈刚表示",
        title,
        "opened the forum",
    ]


def test_quotes_are_found_again_in_a_better_copy_and_missing_ones_are_told(seeded_db: Database) -> None:
    editor = Editor(seeded_db)
    source_id = _source(editor)
    chen = _person(seeded_db, "chen-gang")
    said = "Chen Gang said Guangxi will build an AI cooperation centre with ASEAN."
    editor.add_to(chen, FactInput("A centre with ASEAN.", citations=(_cite(TEXT, said),)))
    editor.add_to(chen, FactInput("He opened it.", citations=(_cite(TEXT, "opened the forum"),)))
    # A cleaner copy: a headline first, the sentence wrapped over two lines, the forum gone.
    better = "AI centre for Guangxi\n\n" + TEXT.replace("build an AI", "build an\nAI").replace(
        "opened the forum", "spoke"
    )
    form = editor.form(source_id)
    editor.update(source_id, replace(form, values={**form.values, "archived_text": better}))

    reading = EntryDetails(seeded_db).reading(source_id)
    assert reading is not None
    [passage] = reading.passages
    assert better[passage.start : passage.end] == said.replace("build an AI", "build an\nAI")
    [gone] = reading.unplaced
    assert gone.quote == "opened the forum" and gone.start is None


def test_an_entry_that_is_not_a_source_with_text_has_no_reading(seeded_db: Database) -> None:
    details = EntryDetails(seeded_db)
    assert details.reading(_person(seeded_db, "chen-gang")) is None
    source_id = _source(Editor(seeded_db), "   ")
    assert details.reading(source_id) is None


def test_the_vault_and_the_command_line_say_what_a_source_is_cited_for_in_words(seeded_db: Database) -> None:
    from app.cli.render import entry as cli_entry
    from app.io.markdown import Links, entry_file

    editor = Editor(seeded_db)
    source_id = _source(editor)
    chen = _person(seeded_db, "chen-gang")
    said = "Chen Gang said Guangxi will build an AI cooperation centre with ASEAN."
    editor.add_to(
        chen, FactInput("Guangxi will build an AI centre with ASEAN.", citations=(_cite(TEXT, said),))
    )
    editor.add_to(chen, RoleInput("Party Secretary of Guangxi", citations=(_cite(TEXT, "Party Secretary"),)))
    detail = EntryDetails(seeded_db).get_by_id(source_id)

    exported = entry_file(detail, [], Links("wiki", {}), here="", exported_at="2026-01-01T00:00:00Z")
    cited_for = exported.split("Cited for", 1)[1]
    assert cited_for.startswith("\n\n- Chen Gang\n")  # (no link: the entry is not exported)
    assert "  - fact: Guangxi will build an AI centre with ASEAN. (p. 1, ¶ 2) — “Chen Gang said" in cited_for
    assert "  - title: Party Secretary of Guangxi (p. 2, ¶ 1)" in cited_for
    printed = cli_entry(detail)
    assert "Chen Gang: fact: Guangxi will build an AI centre with ASEAN." in printed
