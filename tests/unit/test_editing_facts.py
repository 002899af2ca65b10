"""Editing every kind of fact: facts, titles, memberships, participants, parties and statements,
each with its citations (added, edited, removed, reordered), checked like the entry form's
fields (a quote must stand word for word in its source's text), and undone exactly."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from app.db.database import Database
from app.i18n import Message
from app.records.anchors import anchor_at
from app.services.details import EntryDetails
from app.services.editing import (
    _CITATIONS_SQL,
    CitationInput,
    EditingError,
    Editor,
    EntryInput,
    FactInput,
    MembershipInput,
    ParticipantInput,
    PartyInput,
    RoleInput,
    StatementInput,
    ValidationError,
)
from app.services.entries import EntryLists
from app.services.entry_forms import (
    MEMBERSHIP_STATUSES,
    PARTICIPANT_ROLES,
    PARTY_ROLES,
    STATEMENT_KINDS,
)
from app.services.search import Search

ARTICLE = "china-org-cn-2025-09-roundtable"  # the source that ships its text
OTHER = "laotiantimes-2025-09-12-lao-llm"  # a source without text
WORDS = "It aimed to build a regular mechanism for policy exchange"


def _id(db: Database, slug: str) -> int:
    ref = EntryLists(db).ref(slug)
    assert ref is not None
    return ref.id


def _text(db: Database, slug: str = ARTICLE) -> str:
    return str(
        db.read().execute("SELECT archived_text FROM source WHERE id = ?", (_id(db, slug),)).fetchone()[0]
    )


def _errors(exc: pytest.ExceptionInfo[ValidationError]) -> dict[str, str]:
    def plain(message: Message) -> str:
        return str(message)

    return {k: plain(v) for k, v in exc.value.errors.items()}


def _cites(db: Database, column: str, row_id: int) -> list[tuple[object, ...]]:
    sql = (
        "SELECT quote, locator, reliability, note, position, quote_start, quote_end, quote_prefix, quote_suffix "
        f"FROM citation WHERE {column} = ? ORDER BY position, id"
    )
    return [tuple(r) for r in db.read().execute(sql, (row_id,))]


def test_the_form_carries_facts_relations_and_their_citations(seeded_db: Database) -> None:
    form = Editor(seeded_db).form(_id(seeded_db, "chen-gang"))
    assert form.roles and all(r.citations for r in form.roles)
    cite = form.roles[0].citations[0]
    assert cite.source == ARTICLE and "Chen Gang" in cite.quote and cite.reliability == "high"
    assert form.statements and form.statements[0].kind in STATEMENT_KINDS
    assert form.facts is not None and form.memberships == () and form.participants == ()
    event = Editor(seeded_db).form(_id(seeded_db, "roundtable-2025"))
    assert event.participants and event.participants[0].entry
    initiative = Editor(seeded_db).form(_id(seeded_db, "ca-ai-application-cooperation-center"))
    assert initiative.parties and initiative.parties[0].role in PARTY_ROLES
    country = Editor(seeded_db).form(_id(seeded_db, "laos"))
    assert country.memberships and country.memberships[0].organization


def test_an_unchanged_form_with_every_section_writes_nothing(seeded_db: Database) -> None:
    editor = Editor(seeded_db)
    for slug in ("chen-gang", "roundtable-2025", "laos", "ca-ai-application-cooperation-center", ARTICLE):
        entity_id = _id(seeded_db, slug)
        change = editor.update(entity_id, editor.form(entity_id))
        assert not change.changed, slug


def test_a_fact_with_a_hand_typed_quote_is_anchored_where_its_words_are(seeded_db: Database) -> None:
    editor = Editor(seeded_db)
    person = _id(seeded_db, "chen-gang")
    form = editor.form(person)
    assert form.facts is not None
    typed = WORDS.replace(" ", "  ", 2)  # white space as it was typed
    fact = FactInput(
        "Guangxi wants a regular AI policy exchange.", "2025-09-18", (CitationInput(ARTICLE, typed),)
    )
    change = editor.update(person, replace(form, facts=(*form.facts, fact)))
    assert change.changed
    row = (
        seeded_db.read().execute("SELECT id, position FROM fact WHERE text LIKE 'Guangxi wants%'").fetchone()
    )
    assert row[1] == len(form.facts)
    text = _text(seeded_db)
    start = text.index(WORDS)
    [(quote, locator, reliability, note, position, q_start, q_end, prefix, suffix)] = _cites(
        seeded_db, "fact_id", row[0]
    )
    assert (q_start, q_end) == (start, start + len(WORDS))
    assert prefix == text[start - 32 : start] and suffix == text[start + len(WORDS) : start + len(WORDS) + 32]
    assert locator == "¶ 4" and reliability == "high" and note is None and position == 0
    assert quote == typed
    # The detail view, lists and search see it at once.
    detail = EntryDetails(seeded_db).get("chen-gang")
    assert any(f.text.startswith("Guangxi wants") for f in detail.facts)
    hits = Search(seeded_db.read()).run("regular AI policy exchange")
    assert any(h.slug == "chen-gang" for h in hits.hits)


def test_a_quote_selected_in_the_reader_keeps_its_anchor(seeded_db: Database) -> None:
    editor = Editor(seeded_db)
    person = _id(seeded_db, "chen-gang")
    text = _text(seeded_db)
    start = text.index(WORDS)
    anchor = anchor_at(text, start, start + len(WORDS))
    editor.add_to(
        person, FactInput("A fact.", citations=(CitationInput(ARTICLE, anchor=anchor, locator="para 4"),))
    )
    fact = seeded_db.read().execute("SELECT id FROM fact WHERE text = 'A fact.'").fetchone()[0]
    [row] = _cites(seeded_db, "fact_id", fact)
    assert row[0] == WORDS and row[1] == "para 4"  # the quote from the anchor; the locator as given
    assert row[5:] == (anchor.start, anchor.end, anchor.prefix, anchor.suffix)


def test_a_quote_not_in_the_text_says_where_it_differs_and_saves_nothing(seeded_db: Database) -> None:
    editor = Editor(seeded_db)
    person = _id(seeded_db, "chen-gang")
    form = editor.form(person)
    assert form.facts is not None
    wrong = WORDS.replace("regular", "permanent")
    fact = FactInput("Guangxi.", citations=(CitationInput(OTHER, "anything"), CitationInput(ARTICLE, wrong)))
    before = seeded_db.read().execute("SELECT count(*) FROM fact").fetchone()[0]
    with pytest.raises(ValidationError) as exc:
        editor.update(person, replace(form, facts=(*form.facts, fact)))
    errors = _errors(exc)
    key = f"facts[{len(form.facts)}].citations[1].quote"
    assert list(errors) == [key]
    assert "build a [regular] mechanism" in errors[key]
    assert "“permanent”" in errors[key]
    assert seeded_db.read().execute("SELECT count(*) FROM fact").fetchone()[0] == before


def test_each_part_is_checked_by_its_field(seeded_db: Database) -> None:
    editor = Editor(seeded_db)
    person = _id(seeded_db, "chen-gang")
    form = editor.form(person)
    bad_cite = CitationInput("no-such-source", reliability="sure")
    with pytest.raises(ValidationError) as exc:
        editor.update(
            person,
            replace(
                form,
                facts=(FactInput(" ", "2025-02-30", (bad_cite, CitationInput(""))),),
                statements=(StatementInput("Words.", kind="shouted", event="china", language="English"),),
                roles=(
                    RoleInput("Secretary", start="2025", end="2024", citations=(CitationInput(ARTICLE),)),
                ),
                memberships=(MembershipInput("asean"),),
            ),
        )
    errors = _errors(exc)
    assert errors["facts[0].text"] == "Write the fact."
    assert errors["facts[0].date"] == "2025-02-30 is not a day of the calendar."
    assert errors["facts[0].citations[0].source"] == "Nothing in Sources is called “no-such-source”."
    assert errors["facts[0].citations[0].reliability"] == "Choose one of: high, medium, low, unverified."
    assert errors["facts[0].citations[1].source"] == "Choose the source."
    assert errors["statements[0].kind"] == "Choose one of: direct, reported, translated."
    assert errors["statements[0].event"] == "“china” is listed under Countries, not under Events."
    assert errors["statements[0].language"].startswith("Write a language tag")
    assert errors["roles[0].end"] == "The end (2024) is before the start (2025)."
    assert errors["memberships"] == "Only Countries or Organizations have these."


def test_memberships_participants_and_parties_with_citations_undo_exactly(seeded_db: Database) -> None:
    editor = Editor(seeded_db)
    cases = {
        "laos": (
            "memberships",
            MembershipInput("asean", "observer", "1990", "1997", (CitationInput(OTHER, "Laos joined."),)),
        ),
        "roundtable-2025": ("participants", ParticipantInput("cambodia", "witness", (CitationInput(OTHER),))),
        "ca-ai-application-cooperation-center": (
            "parties",
            PartyInput("laos", "beneficiary", (CitationInput(ARTICLE, WORDS, note="n"),)),
        ),
        "wang-changlin": (
            "statements",
            StatementInput(WORDS, "direct", "roundtable-2025", "2025-09-18", "en"),
        ),
    }
    for slug, (section, item) in cases.items():
        entity_id = _id(seeded_db, slug)
        form = editor.form(entity_id)
        rows = getattr(form, section)
        change = editor.update(entity_id, replace(form, **{section: (*rows[1:], item)}))
        assert change.before is not None and change.after is not None
        assert len(getattr(change.after, section)) == len(rows)
        again = editor.form(entity_id)
        added = getattr(again, section)[-1]
        assert added.citations is not None and len(added.citations) == len(item.citations or ())
        undone = editor.apply(change.before)
        assert undone.after is not None and undone.after.content() == change.before.content(), slug
        assert editor.form(entity_id) == form
        redone = editor.apply(change.after)
        assert redone.after is not None and redone.after.content() == change.after.content(), slug


def test_citations_are_edited_reordered_and_removed_in_place(seeded_db: Database) -> None:
    editor = Editor(seeded_db)
    person = _id(seeded_db, "chen-gang")
    first = CitationInput(ARTICLE, WORDS)
    second = CitationInput(OTHER, "Lao words", "p. 2", "low", "a note")
    editor.add_to(person, FactInput("Two sources.", citations=(first, second)))
    editor.add_to(person, FactInput("Another fact."))
    form = editor.form(person)
    assert form.facts is not None
    facts = list(form.facts)
    mine = next(f for f in facts if f.text == "Two sources.")
    assert mine.citations is not None and [c.source for c in mine.citations] == [ARTICLE, OTHER]
    ids = [c.id for c in mine.citations]
    # Reorder the citations, edit one, reorder the facts.
    edited = replace(mine.citations[1], quote="Other Lao words")
    mine2 = replace(mine, citations=(edited, mine.citations[0]))
    facts[facts.index(mine)] = mine2
    facts.reverse()
    change = editor.update(person, replace(form, facts=tuple(facts)))
    assert change.changed
    after = editor.form(person)
    assert after.facts is not None
    assert [f.text for f in after.facts] == [f.text for f in facts]
    now = next(f for f in after.facts if f.text == "Two sources.")
    assert now.citations is not None
    assert [c.id for c in now.citations] == [ids[1], ids[0]]  # the same rows, in the new order
    assert now.citations[0].quote == "Other Lao words"
    shown = next(f for f in EntryDetails(seeded_db).get("chen-gang").facts if f.text == "Two sources.")
    assert [c.quote for c in shown.citations] == ["Other Lao words", WORDS]  # the entry's footnotes too
    # Remove one citation, then the fact.
    editor.update(
        person,
        replace(
            after,
            facts=tuple(
                replace(f, citations=f.citations[:1] if f is now else f.citations) for f in after.facts
            ),
        ),
    )
    assert len(_cites(seeded_db, "fact_id", now.id or 0)) == 1
    final = editor.form(person)
    assert final.facts is not None
    removed = editor.update(person, replace(final, facts=tuple(f for f in final.facts if f.id != now.id)))
    assert _cites(seeded_db, "fact_id", now.id or 0) == []
    assert removed.before is not None
    editor.apply(removed.before)
    assert len(_cites(seeded_db, "fact_id", now.id or 0)) == 1


def test_a_role_keeps_its_citations_when_the_form_does_not_send_them(seeded_db: Database) -> None:
    editor = Editor(seeded_db)
    person = _id(seeded_db, "chen-gang")
    form = editor.form(person)
    role = form.roles[0]
    assert role.id is not None and role.citations
    editor.update(
        person, replace(form, roles=(replace(role, title="Party Secretary", citations=None), *form.roles[1:]))
    )
    assert len(_cites(seeded_db, "role_id", role.id)) == len(role.citations)


def test_add_to_and_cite_return_changes_that_undo(seeded_db: Database) -> None:
    editor = Editor(seeded_db)
    person = _id(seeded_db, "chen-gang")
    with pytest.raises(ValidationError) as exc:
        editor.add_to(person, FactInput("", citations=(CitationInput(ARTICLE, "not in the article at all"),)))
    assert set(_errors(exc)) == {"text", "citations[0].quote"}
    with pytest.raises(EditingError):
        editor.add_to(person, MembershipInput("asean"))  # an official has no memberships

    added = editor.add_to(
        person,
        RoleInput(
            "Chairman",
            "",
            "china",
            start="2021",
            citations=(CitationInput(ARTICLE, "chairman of the Standing Committee"),),
        ),
    )
    assert added.before is not None and added.after is not None
    assert len(added.after.roles) == len(added.before.roles) + 1
    role = max(r["id"] for r in added.after.roles)
    assert _cites(seeded_db, "role_id", role)[0][1] == "¶ 5"

    cited = editor.cite(person, ("role", role), CitationInput(OTHER, "A second source."))
    assert [c[4] for c in _cites(seeded_db, "role_id", role)] == [0, 1]
    with pytest.raises(ValidationError) as exc:
        editor.cite(person, ("role", role), CitationInput(ARTICLE, "Chen Gang, the mayor"))
    assert list(_errors(exc)) == ["quote"]
    other_fact = (
        seeded_db.read()
        .execute("SELECT id FROM fact WHERE entity_id = ?", (_id(seeded_db, "laos"),))
        .fetchone()[0]
    )
    with pytest.raises(EditingError):
        editor.cite(person, ("fact", other_fact), CitationInput(OTHER))

    assert cited.before is not None
    editor.apply(cited.before)
    assert len(_cites(seeded_db, "role_id", role)) == 1
    editor.apply(added.before)
    assert _cites(seeded_db, "role_id", role) == []
    assert seeded_db.read().execute("SELECT count(*) FROM role WHERE id = ?", (role,)).fetchone()[0] == 0


def test_the_snapshot_reads_citations_through_their_indexes(seeded_db: Database) -> None:
    plan = [
        r[3] for r in seeded_db.read().execute("EXPLAIN QUERY PLAN " + _CITATIONS_SQL.replace(":id", "1"))
    ]
    assert not [p for p in plan if p.startswith("SCAN")], plan  # every step a SEARCH of an index


def test_the_choices_are_the_data_files_words() -> None:
    schema = json.loads(
        (Path(__file__).parents[2] / "resources/schema/roundtable-data.schema.json").read_text("utf-8")
    )["$defs"]
    assert set(MEMBERSHIP_STATUSES) == set(schema["membership"]["properties"]["status"]["enum"])
    assert set(PARTICIPANT_ROLES) == set(schema["participant"]["properties"]["role"]["enum"])
    assert set(PARTY_ROLES) == set(schema["party"]["properties"]["role"]["enum"])
    assert set(STATEMENT_KINDS) == set(schema["statement"]["properties"]["kind"]["enum"])


def test_redo_after_a_source_is_purged_drops_its_citations(seeded_db: Database) -> None:
    editor = Editor(seeded_db)
    person = _id(seeded_db, "chen-gang")
    source = editor.create(
        EntryInput("source", "Notes from a call", values={"publisher": "Me", "reliability": "low"})
    )
    added = editor.add_to(
        person, FactInput("Said on a call.", citations=(CitationInput(source.slug, "hello"),))
    )
    assert added.before is not None and added.after is not None
    editor.apply(added.before)
    editor.purge(source.entity_id)
    redone = editor.apply(added.after)
    assert redone.after is not None
    assert any(f["text"] == "Said on a call." for f in redone.after.facts)
    assert all(c["source_id"] != source.entity_id for c in redone.after.citations)


def test_a_save_reads_citations_through_an_index_even_with_misleading_statistics(seeded_db: Database) -> None:
    """ANALYZE over a library where no fact is cited yet says fact_id is one value for every
    citation; a query by that column then read them all (115 ms a save at 330,000)."""
    seeded_db.read().execute("DELETE FROM citation WHERE fact_id IS NOT NULL")
    seeded_db.read().execute("ANALYZE")
    editor = Editor(seeded_db)
    person = _id(seeded_db, "chen-gang")
    editor.add_to(person, FactInput("One.", citations=(CitationInput(ARTICLE, WORDS),)))
    form = editor.form(person)
    assert form.facts is not None
    statements: list[str] = []

    def record(conn: Any, cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    event.listen(seeded_db.engine, "before_cursor_execute", record)
    try:
        edited = tuple(replace(f, citations=(*(f.citations or ()), CitationInput(OTHER))) for f in form.facts)
        editor.update(person, replace(form, facts=edited))
    finally:
        event.remove(seeded_db.engine, "before_cursor_execute", record)
    reads = [s for s in statements if s.lstrip().upper().startswith("SELECT") and "citation" in s]
    assert reads
    for sql in reads:
        plan = [r[3] for r in seeded_db.read().execute("EXPLAIN QUERY PLAN " + sql, _params(sql))]
        assert not [p for p in plan if p.startswith("SCAN citation") or p == "SCAN c"], (sql, plan)


def _params(sql: str) -> dict[str, int] | tuple[int, ...]:
    """Stand-in values for a statement's parameters (the plan does not depend on them)."""
    if ":" in sql and "?" not in sql:
        return {name: 1 for name in re.findall(r":(\w+)", sql)}
    return (1,) * sql.count("?")


def test_a_new_entry_with_facts_and_citations_is_made_again_by_redo(seeded_db: Database) -> None:
    editor = Editor(seeded_db)
    made = editor.create(
        EntryInput(
            "event",
            "AI week",
            values={"start": "2025-09", "end": "2025-09"},
            facts=(
                FactInput("Held in Nanning that week.", citations=(CitationInput(ARTICLE, "in Nanning"),)),
            ),
            participants=(ParticipantInput("laos", "host", (CitationInput(OTHER, "Laos hosts."),)),),
        )
    )
    assert made.after is not None
    assert len(made.after.facts) == 1 and len(made.after.participants) == 1 and len(made.after.citations) == 2
    [fact_cite] = [c for c in made.after.citations if c["fact_id"] is not None]
    assert fact_cite["quote_start"] is not None and fact_cite["locator"] == "¶ 2"
    editor.purge(made.entity_id)  # undo of the create
    assert (
        seeded_db.read()
        .execute("SELECT count(*) FROM fact WHERE text = 'Held in Nanning that week.'")
        .fetchone()[0]
        == 0
    )
    again = editor.apply(made.after)  # redo
    assert again.after is not None and again.after.content() == made.after.content()


def test_relations_name_entries_of_the_right_kinds(seeded_db: Database) -> None:
    editor = Editor(seeded_db)
    event = _id(seeded_db, "roundtable-2025")
    form = editor.form(event)
    with pytest.raises(ValidationError) as exc:
        editor.update(
            event,
            replace(
                form,
                participants=(
                    ParticipantInput("caexpo-22", "host"),
                    ParticipantInput("", "guest"),
                ),
            ),
        )
    errors = _errors(exc)
    assert errors["participants[0].entry"].startswith(
        "“caexpo-22” is listed under Events, not under Officials"
    )
    assert errors["participants[1].entry"] == "Choose who took part."
    assert errors["participants[1].role"].startswith("Choose one of: participant, host")
    laos = _id(seeded_db, "laos")
    with pytest.raises(ValidationError) as exc:
        editor.add_to(laos, MembershipInput("asean", "member", "2000", "1999-12"))
    assert _errors(exc) == {"end": "The end (1999-12) is before the start (2000)."}


def test_ids_of_another_entrys_rows_and_citations_change_nothing_of_theirs(seeded_db: Database) -> None:
    editor = Editor(seeded_db)
    laos = editor.form(_id(seeded_db, "laos"))
    assert laos.facts and laos.facts[0].citations
    theirs = laos.facts[0]
    cite = theirs.citations[0]
    person = _id(seeded_db, "chen-gang")
    form = editor.form(person)
    assert form.facts is not None
    stolen = replace(theirs, text="Taken over.", citations=(replace(cite, note="changed"),))
    editor.update(person, replace(form, facts=(*form.facts, stolen)))
    assert editor.form(_id(seeded_db, "laos")) == laos  # their fact and citation as they were
    mine = editor.form(person).facts
    assert mine is not None and mine[-1].text == "Taken over." and mine[-1].id != theirs.id
    assert mine[-1].citations and mine[-1].citations[0].id != cite.id
