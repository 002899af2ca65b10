"""Every name in the region's languages survives the data file's round trip, and the vault
lists each as an alias so Obsidian finds the entry under it."""

from __future__ import annotations

from pathlib import Path

import frontmatter as python_frontmatter
import pytest
import yaml

from app.db.database import Database, open_database
from app.io.datafile import read
from app.paths import dataset_file
from app.services.importer import import_file
from app.services.markdown_export import MarkdownExport, Scope, export_markdown
from tests.conftest import copy_db
from tests.unit.test_cli import run

_ALIASES = """
    SELECT e.slug, a.value, a.language, a.script, a.kind,
           (SELECT group_concat(s.slug || '|' || coalesce(c.locator, '') || '|' || coalesce(c.quote, ''), ';')
              FROM citation c JOIN entity s ON s.id = c.source_id WHERE c.alias_id = a.id)
    FROM alias a JOIN entity e ON e.id = a.entity_id
"""


def _aliases(db: Database) -> set[tuple[object, ...]]:
    return {tuple(row) for row in db.read().execute(_ALIASES)}


def test_export_json_then_import_into_an_empty_library_keeps_every_name(
    capsys: pytest.CaptureFixture[str], seeded_path: Path, empty_template: Path, tmp_path: Path
) -> None:
    out = tmp_path / "library.json"
    code, _, err = run(capsys, "--db", str(seeded_path), "export", "--json", str(out))
    assert (code, err) == (0, "")
    seeded = open_database(seeded_path)
    other = open_database(copy_db(empty_template, tmp_path / "other.sqlite3"))
    try:
        assert _aliases(other) == set()
        import_file(other, read(out))
        before, after = _aliases(seeded), _aliases(other)
    finally:
        other.close()
        seeded.close()
    assert after == before
    cldr = {row for row in after if str(row[5]).startswith("unicode-cldr|")}
    assert (
        len(cldr) == 84
        and ("cambodia", "ກຳປູເຈຍ", "lo", "Laoo", "name", "unicode-cldr|territory KH, locale lo|") in cldr
    )


def test_the_vault_lists_every_name_as_an_alias(seeded_db: Database, tmp_path: Path) -> None:
    export_markdown(seeded_db, MarkdownExport(folder=tmp_path / "vault"))
    data = yaml.safe_load(dataset_file().read_text(encoding="utf-8"))
    for kind, folder in (("countries", "Countries"), ("organizations", "Organizations")):
        for entry in data[kind]:
            path = tmp_path / "vault" / folder / f"{entry['name']}.md"
            aliases = python_frontmatter.loads(path.read_text(encoding="utf-8")).get("aliases") or []
            wanted = [a["value"] for a in entry.get("aliases") or ()]
            assert aliases == list(dict.fromkeys(wanted)), entry["slug"]


def test_the_vault_says_each_names_language_in_words(seeded_db: Database, tmp_path: Path) -> None:
    export_markdown(seeded_db, MarkdownExport(folder=tmp_path / "vault", scope=Scope(kind="country")))
    vietnam = (tmp_path / "vault/Countries/Vietnam.md").read_text(encoding="utf-8")
    assert "- Vietname (Portuguese (Timor-Leste))[^" in vietnam  # Latin goes without saying
    assert "- 越南 (Chinese (Simplified))[^" in vietnam
    laos = (tmp_path / "vault/Countries/Laos.md").read_text(encoding="utf-8")
    assert "- 老撾 (Chinese (Traditional, Hong Kong SAR China))[^" in laos
