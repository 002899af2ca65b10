"""Citations are numbered alike in every view of an entry: in the order first cited, a citation
cited again keeping its number and listed once (asean cites 14 citations 27 times)."""

from __future__ import annotations

import re

from app.cli import render
from app.db.database import Database
from app.io.markdown import Links, entry_file
from app.records.entries import CitationView, Ref
from app.records.footnotes import FootnoteNumbers
from app.services.details import EntryDetails


def _citation(source: str, quote: str) -> CitationView:
    return CitationView(source=Ref(1, "source", source, source), reliability="primary", quote=quote)


def test_numbers_in_order_of_first_citing_and_once_each() -> None:
    a, b, c = _citation("a", "one"), _citation("b", "two"), _citation("a", "three")
    numbers = FootnoteNumbers()
    assert numbers.number([a, b]) == [(1, a), (2, b)]
    assert numbers.number([c, a, a]) == [(3, c), (1, a)]
    assert numbers.number([]) == []
    assert numbers.cited() == [(1, a), (2, b), (3, c)]


def test_the_command_line_and_the_export_list_each_citation_of_an_entry_once(seeded_db: Database) -> None:
    detail = EntryDetails(seeded_db).get("asean")
    text = render.entry(detail)
    listed = text.split("\nCitations:\n", 1)[1].splitlines()
    assert [line.split("]")[0] for line in listed] == [f"  [{n}" for n in range(1, len(listed) + 1)]
    marks = {int(n) for n in re.findall(r"\[(\d+)\]", text.split("\nCitations:\n", 1)[0])}
    assert marks == set(range(1, len(listed) + 1))

    exported = entry_file(detail, [], Links("wiki", {}), here="", exported_at="2026-01-01T00:00:00Z")
    definitions = re.findall(r"^\[\^c(\d+)\]:", exported, flags=re.MULTILINE)
    assert definitions == [str(n) for n in range(1, len(listed) + 1)]
    # the dataset grows, so the count is not fixed: ASEAN's facts and names cite more than a
    # dozen, and the numbering above (each citation once) is FootnoteNumbers', tested first
    assert len(listed) > 12
