"""An entry's detail: fields, related entries as links, and a citation for every fact."""

from __future__ import annotations

import pytest

from app.db.database import Database
from app.services.details import EntryDetails, NotFound


def test_official_detail_links_country_organization_and_event(seeded_db: Database) -> None:
    d = EntryDetails(seeded_db).get("sok-puthyvuth")
    country = next(f for f in d.fields if f.label == "Country")
    assert country.ref is not None and country.ref.slug == "cambodia"
    assert d.roles[0].title == "Cambodia's telecommunications ministry official"
    assert d.roles[0].organization is not None and d.roles[0].organization.slug == "kh-mptc"
    events = next(g for g in d.related if g.title == "Events")
    assert "roundtable-2025" in [link.ref.slug for link in events.links]
    [statement] = [s for s in d.statements if s.event and s.event.slug == "roundtable-2025"]
    assert statement.citations[0].quote == statement.text


def test_country_lists_its_officials_and_initiatives(seeded_db: Database) -> None:
    d = EntryDetails(seeded_db).get("laos")
    groups = {g.title: [link.ref.slug for link in g.links] for g in d.related}
    assert "boviengkham-vongdara" in groups["Officials"]
    assert {"lao-national-language-model", "joint-ai-standards-cn-la"} <= set(groups["Initiatives"])
    [asean] = [m for m in d.memberships if m.organization.slug == "asean"]
    assert asean.start == "1997-07-23" and asean.citations


def test_timor_leste_was_an_observer_on_the_day_and_a_member_later(seeded_db: Database) -> None:
    d = EntryDetails(seeded_db).get("timor-leste")
    spans = {(m.status, m.start, m.end) for m in d.memberships}
    assert ("observer", "2022", "2025-10-26") in spans
    assert ("member", "2025-10-26", None) in spans


def test_source_lists_what_it_is_cited_for_and_keeps_its_text(seeded_db: Database) -> None:
    d = EntryDetails(seeded_db).get("china-org-cn-2025-09-roundtable")
    assert d.archived_text is not None and d.archived_text.startswith("China and ASEAN nations launched")
    assert len(d.source_uses) > 20
    assert any(u.subject and u.subject.slug == "chen-gang" for u in d.source_uses)


def test_ambiguities_are_notes_on_the_entries_they_concern(seeded_db: Database) -> None:
    notes = EntryDetails(seeded_db).get("singapore").notes
    assert notes, "Singapore's absence from the article should be a visible note"


def test_unknown_slug(seeded_db: Database) -> None:
    with pytest.raises(NotFound):
        EntryDetails(seeded_db).get("nobody")
