"""`roundtable check` says which countries have no name in a language of the region, as
information: a gap in the research (CLDR has no Tetum), not a problem of the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.db.database import Database
from app.services.checking import check, findings
from tests.unit.test_cli import run


def _missing(db: Database) -> dict[str, list[str]]:
    return {m.language: [r.slug for r in m.countries] for m in check(db).missing_names}


def test_the_bundled_countries_lack_only_tetum(seeded_db: Database) -> None:
    report = check(seeded_db)
    assert [m.language for m in report.missing_names] == ["tet"]
    tetum = report.missing_names[0]
    assert tetum.of_all and len(tetum.countries) == 12
    assert report.ok  # information, not a problem
    assert "No country has a name in Tetum (tet) yet" in "\n".join(findings(report))


def test_a_country_without_its_thai_name_is_named(seeded_db: Database) -> None:
    with seeded_db.read() as conn:
        conn.execute(
            "DELETE FROM alias WHERE language = 'th' AND entity_id = (SELECT id FROM entity WHERE slug = 'cambodia')"
        )
    missing = _missing(seeded_db)
    assert missing["th"] == ["cambodia"]
    line = next(x for x in findings(check(seeded_db)) if "(th)" in x)
    assert line == (
        "No name in Thai (th) for Cambodia (cambodia); add one as an other name, citing where it comes from."
    )


def test_a_name_written_as_cldr_writes_it_needs_no_second_copy(seeded_db: Database) -> None:
    """Laos is "Laos" in Filipino and 越南 is Vietnam in both Chinese scripts: no gap. Under a
    code CLDR does not know, CLDR cannot say so, and only other names in the language count."""
    assert "fil" not in _missing(seeded_db) and "zh-Hant" not in _missing(seeded_db)
    with seeded_db.read() as conn:
        conn.execute(
            "UPDATE country SET iso_alpha2 = 'AA' WHERE id = (SELECT id FROM entity WHERE slug = 'laos')"
        )
    missing = _missing(seeded_db)
    assert "laos" in missing["fil"] and "laos" in missing["en"]
    assert "laos" not in missing.get("zh-Hant", [])  # 寮國 is its Traditional Chinese name


def test_a_trashed_country_is_not_asked_for_names(seeded_db: Database) -> None:
    with seeded_db.read() as conn:
        conn.execute("UPDATE entity SET deleted_at = '2026-12-07T00:00:00+00:00' WHERE kind = 'country'")
    assert check(seeded_db).missing_names == ()


def test_the_command_line_reports_it_and_still_exits_0(
    capsys: pytest.CaptureFixture[str], seeded_path: Path
) -> None:
    code, out, _ = run(capsys, "--db", str(seeded_path), "check")
    assert code == 0
    assert "No country has a name in Tetum (tet) yet" in out
    assert out.endswith("All good.\n")
    code, out, _ = run(capsys, "--db", str(seeded_path), "check", "--json")
    assert code == 0 and '"missing_names"' in out and '"language": "tet"' in out
