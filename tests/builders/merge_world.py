"""A small library with duplicates of every sort, for the merge tests (unit and GUI):
two organizations named alike, one holding facts, a membership, a statement, other names, tags,
notes and references from a title, an event and an initiative; an official named in two
scripts; two countries; two sources at one web address."""

from __future__ import annotations

from app.db.database import Database
from app.services.editing import (
    AliasInput,
    CitationInput,
    Editor,
    EntryInput,
    FactInput,
    MembershipInput,
    ParticipantInput,
    PartyInput,
    RoleInput,
    StatementInput,
)
from app.services.notes import Notes
from app.services.writing import Writer


def build_duplicates(db: Database) -> dict[str, int]:
    """Fill `db` (an empty library); returns the entries' ids by slug."""
    editor = Editor(db)
    ids: dict[str, int] = {}

    def make(slug: str, inp: EntryInput) -> None:
        ids[slug] = editor.create(EntryInput(**{**inp.__dict__, "slug": slug})).entity_id

    src = {"publisher": "Xinhua", "reliability": "unverified"}
    make(
        "source-a",
        EntryInput("source", "AI cooperation centre opens", values={**src, "url": "https://Example.org/a/"}),
    )
    make(
        "source-b",
        EntryInput("source", "AI cooperation centre opened", values={**src, "url": "https://example.org/a"}),
    )
    make("laos", EntryInput("country", "Laos", values={"iso_alpha2": "LA"}))
    make("lao-pdr", EntryInput("country", "Lao PDR", values={"iso_alpha2": "LX", "iso_alpha3": "LAO"}))
    make("asean", EntryInput("organization", "ASEAN"))
    make(
        "most",
        EntryInput(
            "organization", "Ministry of Science", summary="The ministry.", values={"country": "laos"}
        ),
    )
    make(
        "most-2",
        EntryInput(
            "organization",
            "ministry of science",
            summary="A duplicate, with more.",
            values={"country": "lao-pdr"},
            aliases=(AliasInput("MOST", kind="abbreviation"), AliasInput("Ministry of Science")),
            facts=(FactInput("It opened a lab.", citations=(CitationInput("source-a"),)),),
            memberships=(MembershipInput("asean", citations=(CitationInput("source-b"),)),),
            statements=(StatementInput("We will cooperate.", kind="reported"),),
            tags="science, laos",
        ),
    )
    make(
        "chen-gang",
        EntryInput("person", "Chen Gang", aliases=(AliasInput("陈刚", language="zh"),), tags="science"),
    )
    make(
        "chen-gang-2",
        EntryInput(
            "person",
            "陈刚",
            values={"country": "laos"},
            roles=(
                RoleInput("Deputy director", organization="most-2", citations=(CitationInput("source-a"),)),
            ),
            facts=(FactInput("Spoke at the forum."),),
        ),
    )
    make(
        "forum",
        EntryInput("event", "AI forum", participants=(ParticipantInput("most-2", role="host"),)),
    )
    make("centre", EntryInput("initiative", "AI centre", parties=(PartyInput("most-2"),)))
    # A citation of the duplicate source, on another entry.
    editor.update(
        ids["asean"],
        EntryInput(
            "organization",
            "ASEAN",
            slug="asean",
            facts=(FactInput("Founded.", citations=(CitationInput("source-b"),)),),
        ),
    )
    writer = Writer(db)
    try:
        notes = Notes(db, writer)
        notes.create(entry_id=ids["most-2"], body="On [[most-2]]: see [[chen-gang-2]].")
        notes.create(body="Standalone, about [[most-2]] and [[ministry of science]].")
    finally:
        writer.close()
    return ids
