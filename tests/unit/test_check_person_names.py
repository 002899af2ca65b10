"""`roundtable check` names the people who lack their name in a language that spells names apart
from English (Chinese in either script, Vietnamese with its diacritics, Lao, Thai, Khmer,
Burmese) although a source cited for them is written in it, or it is their country's own
language. Each test plants one such gap in the bundled library and finds it named, or shows
what does not count as one."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.db.database import Database
from app.records.data_quality import UnnamedPerson
from app.services.checking import check, findings
from app.services.data_quality import NAMED_APART
from tests.unit.test_cli import run


def _id(db: Database, slug: str) -> int:
    return int(db.read().execute("SELECT id FROM entity WHERE slug = ?", (slug,)).fetchone()[0])


def _unnamed(db: Database, slug: str) -> list[UnnamedPerson]:
    return [u for u in check(db).data_quality.unnamed if u.slug == slug]


def test_the_bundled_people_have_the_names_their_sources_print_and_the_gaps_are_information(
    seeded_db: Database,
) -> None:
    report = check(seeded_db)
    quality = report.data_quality
    people = (
        seeded_db.read()
        .execute("SELECT count(*) FROM person p JOIN entity e ON e.id = p.id WHERE e.deleted_at IS NULL")
        .fetchone()[0]
    )
    assert quality.people == people > 0
    gaps = {(u.slug, u.language) for u in quality.unnamed}
    # Named in the second edition, each from a source that prints the name.
    for named in (
        ("bui-hoang-phuong", "vi"),
        ("chen-gang", "zh-Hans"),
        ("chen-gang", "zh-Hant"),
        ("boviengkham-vongdara", "lo"),
        ("boviengkham-vongdara", "zh-Hant"),
        ("santisouk-simmalavong", "lo"),
        ("kao-kim-hourn", "km"),
        ("wei-tao", "zh-Hant"),  # the Traditional form the Zaobao report prints
    ):
        assert named not in gaps
    assert all(u.language in NAMED_APART and (u.source_slug or u.country) for u in quality.unnamed)
    assert report.ok  # a gap in the research, not damage to the file
    if quality.unnamed:
        assert f"{len(quality.unnamed)} names of {people} people are missing in a language" in "\n".join(
            findings(report)
        )


def test_a_person_of_a_country_whose_language_spells_names_apart_needs_a_name_in_it(
    seeded_db: Database,
) -> None:
    person = _id(seeded_db, "bui-hoang-phuong")
    assert _unnamed(seeded_db, "bui-hoang-phuong") == []
    with seeded_db.read() as conn:  # his Vietnamese name, with its diacritics, taken away
        aliases = [
            r[0]
            for r in conn.execute("SELECT id FROM alias WHERE entity_id = ? AND language = 'vi'", (person,))
        ]
        for alias in aliases:
            conn.execute("DELETE FROM citation WHERE alias_id = ?", (alias,))
            conn.execute("DELETE FROM alias WHERE id = ?", (alias,))
    assert aliases
    assert _unnamed(seeded_db, "bui-hoang-phuong") == [
        UnnamedPerson("bui-hoang-phuong", "Bui Hoang Phuong", "vi", "", country=True)
    ]
    assert "bui-hoang-phuong (vi)" in "\n".join(findings(check(seeded_db)))


def test_a_source_in_another_script_asks_for_the_name_in_it_and_a_name_in_that_script_answers(
    seeded_db: Database,
) -> None:
    # The People's Daily report cited for Wang Changlin, planted as written in Taiwan's Chinese.
    source = _id(seeded_db, "people-cn-2025-09-22-ai-cooperation")
    with seeded_db.read() as conn:
        conn.execute("UPDATE source SET language = 'zh-TW' WHERE id = ?", (source,))
    assert [(u.language, u.source_slug, u.country) for u in _unnamed(seeded_db, "wang-changlin")] == [
        ("zh-Hans", "", True),  # China's language: no source read prints his name in it
        ("zh-Hant", "people-cn-2025-09-22-ai-cooperation", False),
    ]
    with seeded_db.read() as conn:  # plain Chinese in Traditional script is a Traditional name
        conn.execute(
            "INSERT INTO alias (entity_id, value, language, script, kind) VALUES (?, '王昌林', 'zh', 'Hant', 'name')",
            (_id(seeded_db, "wang-changlin"),),
        )
    assert [u.language for u in _unnamed(seeded_db, "wang-changlin")] == ["zh-Hans"]


@pytest.mark.parametrize("language", ["ms", "id", "fil", "en", "fr", "zh"])
def test_a_source_whose_language_writes_the_english_letters_or_leaves_its_script_unsaid_asks_none(
    seeded_db: Database, language: str
) -> None:
    source = _id(seeded_db, "people-cn-2025-09-22-ai-cooperation")
    with seeded_db.read() as conn:
        conn.execute("UPDATE source SET language = ? WHERE id = ?", (language, source))
    assert [u.source_slug for u in _unnamed(seeded_db, "wang-changlin")] == [""]


def test_people_and_sources_in_the_trash_ask_for_no_name(seeded_db: Database) -> None:
    source = _id(seeded_db, "people-cn-2025-09-22-ai-cooperation")
    with seeded_db.read() as conn:
        conn.execute("UPDATE source SET language = 'th' WHERE id = ?", (source,))
    assert "th" in [u.language for u in _unnamed(seeded_db, "wang-changlin")]
    with seeded_db.read() as conn:
        conn.execute("UPDATE entity SET deleted_at = '2026-12-08T00:00:00+00:00' WHERE id = ?", (source,))
    assert "th" not in [u.language for u in _unnamed(seeded_db, "wang-changlin")]
    with seeded_db.read() as conn:
        conn.execute(
            "UPDATE entity SET deleted_at = '2026-12-08T00:00:00+00:00' WHERE id = ?",
            (_id(seeded_db, "wang-changlin"),),
        )
    assert _unnamed(seeded_db, "wang-changlin") == []


def test_check_json_lists_the_unnamed_people(capsys: pytest.CaptureFixture[str], seeded_path: Path) -> None:
    code, out, _ = run(capsys, "--db", str(seeded_path), "check", "--json")
    assert code == 0
    assert '"unnamed"' in out and '"people"' in out
