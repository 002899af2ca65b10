"""The bundled dataset carries the founding article faithfully, with a citation for every fact."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.db.database import Database
from app.services.details import EntryDetails
from app.services.entries import EntryLists

ROOT = Path(__file__).resolve().parents[2]
ARTICLE_SOURCE = "china-org-cn-2025-09-roundtable"
ARCHIVED = ROOT / "resources" / "dataset" / "sources" / "china-org-cn-2025-09-roundtable.txt"
SEED = ROOT.parent / "shared" / "seed" / "roundtable-article-2025-09.txt"

# Every official the article names, with the title exactly as it states it.
OFFICIALS = {
    "chen-gang": "secretary of the CPC Guangxi Zhuang Autonomous Regional Committee and chairman of the Standing Committee of Guangxi People's Congress",
    "wang-changlin": "deputy head of the NDRC",
    "boviengkham-vongdara": "Laos Technology and Communications Minister",
    "sok-puthyvuth": "Cambodia's telecommunications ministry official",
    "parulian-george-andreas-silalahi": "deputy chief of mission of the embassy of Indonesia in China",
    "tiranee-achalakul": "Thai digital economy official",
    "unny-sankar-ravi-sankar": "Minister (Economic Affairs) at the embassy of Malaysia in China",
}
COUNTRIES = {
    "china": "CN",
    "laos": "LA",
    "cambodia": "KH",
    "indonesia": "ID",
    "thailand": "TH",
    "malaysia": "MY",
    "vietnam": "VN",
    "philippines": "PH",
    "myanmar": "MM",
    "brunei": "BN",
    "timor-leste": "TL",
    "singapore": "SG",
}
ANNOUNCED = {
    "ca-ai-application-cooperation-center": "China-ASEAN Artificial Intelligence Application Cooperation Center",
    "lao-national-language-model": "Laos' national language model",
    "joint-ai-standards-cn-la": "joint AI standards between China and Laos",
    "joint-ai-standards-cn-kh": "China and Cambodia",
    "financial-ai-service-network": "a financial AI service network",
    "asean-ai-open-source-community": "an ASEAN AI open-source community",
    "indonesian-ai-innovation-lab": "an Indonesian AI innovation lab",
    "iflytek-multilingual-llm-asean": "iFLYTEK's multilingual large language model for ASEAN",
}


def article_sentences() -> list[str]:
    text = ARCHIVED.read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        out += [s for s in re.split(r"(?<=[.\]])\s+(?=[A-Z\[])", line.strip()) if s]
    return out


def test_archived_text_is_the_founding_article() -> None:
    if SEED.exists():
        assert ARCHIVED.read_bytes() == SEED.read_bytes()
    assert len(article_sentences()) == 20


def test_every_named_official_with_the_title_as_stated(seeded_db: Database) -> None:
    text = ARCHIVED.read_text(encoding="utf-8")
    details = EntryDetails(seeded_db)
    for slug, title in OFFICIALS.items():
        assert title in text
        d = details.get(slug)
        assert d.ref.name in text
        stated = [r for r in d.roles if r.title == title]
        assert stated, f"{slug}: no role titled exactly {title!r}"
        assert any(c.source.slug == ARTICLE_SOURCE and c.quote for c in stated[0].citations)


def test_every_country_with_its_iso_code(seeded_db: Database) -> None:
    rows = {r.slug: r.values for r in EntryLists(seeded_db).page("country").rows}
    assert {slug: rows[slug][1] for slug in COUNTRIES} == COUNTRIES
    singapore = EntryDetails(seeded_db).get("singapore")
    assert any("not" in f.text.lower() and "article" in f.text.lower() for f in singapore.facts)
    assert "not-in-article" in singapore.tags


def test_every_announced_initiative(seeded_db: Database) -> None:
    text = ARCHIVED.read_text(encoding="utf-8")
    details = EntryDetails(seeded_db)
    for slug, wording in ANNOUNCED.items():
        assert wording in text
        d = details.get(slug)
        announced = next(f for f in d.fields if f.label == "Announced at")
        assert announced.ref is not None and announced.ref.slug == "roundtable-2025"
        quotes = [c.quote or "" for c in d.citations] + [c.quote or "" for f in d.facts for c in f.citations]
        assert any(wording in q for q in quotes), f"{slug}: no citation quotes the announcement"


def test_events_and_the_archived_source(seeded_db: Database) -> None:
    details = EntryDetails(seeded_db)
    roundtable = details.get("roundtable-2025")
    fields = {f.label: f for f in roundtable.fields}
    assert fields["Start"].value == "2025-09-18"
    assert fields["Part of"].ref is not None and fields["Part of"].ref.slug == "caexpo-22"
    source = details.get(ARTICLE_SOURCE)
    assert source.archived_text == ARCHIVED.read_text(encoding="utf-8")


def test_article_quotes_are_verbatim_and_cover_every_sentence(seeded_db: Database) -> None:
    text = ARCHIVED.read_text(encoding="utf-8")
    quotes = [
        q
        for (q,) in seeded_db.read().execute(
            "SELECT c.quote FROM citation c JOIN entity s ON s.id = c.source_id "
            "WHERE s.slug = ? AND c.quote IS NOT NULL",
            (ARTICLE_SOURCE,),
        )
    ]
    assert quotes
    assert [q for q in quotes if q not in text] == []
    missing = [s for s in article_sentences() if not any(s in q for q in quotes)]
    assert missing == []


@pytest.mark.parametrize(
    "table, owner",
    [
        ("alias", "alias_id"),
        ("fact", "fact_id"),
        ("membership", "membership_id"),
        ("role", "role_id"),
        ("participation", "participation_id"),
        ("initiative_party", "party_id"),
        ("statement", "statement_id"),
    ],
)
def test_every_fact_has_a_citation(seeded_db: Database, table: str, owner: str) -> None:
    uncited = (
        seeded_db.read()
        .execute(
            f"SELECT count(*) FROM {table} t WHERE NOT EXISTS (SELECT 1 FROM citation c WHERE c.{owner} = t.id)"
        )
        .fetchone()[0]
    )
    assert uncited == 0


def test_every_entry_has_a_citation(seeded_db: Database) -> None:
    uncited = (
        seeded_db.read()
        .execute(
            "SELECT slug FROM entity e WHERE e.kind != 'source' AND NOT EXISTS ("
            "SELECT 1 FROM citation c WHERE c.entity_id = e.id)"
        )
        .fetchall()
    )
    assert uncited == []


def test_names_in_other_scripts(seeded_db: Database) -> None:
    values = {v for (v,) in seeded_db.read().execute("SELECT value FROM alias")}
    assert {"陈刚", "陳剛", "波萬坎·馮達拉", "ไทย", "កម្ពុជា", "မြန်မာနိုင်ငံ"} <= values
