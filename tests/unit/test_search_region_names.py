"""A researcher in Beijing, Hanoi, Bangkok, Vientiane, Phnom Penh, Yangon, Jakarta, Kuala Lumpur,
Manila or Dili types a country's name as written there, with or without its tones and
diacritics, and `roundtable search` shows that country first."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from app.db.database import Database
from app.db.folding import fold
from app.paths import dataset_file
from app.services.search import Search
from tests.unit.test_cli import run

# (query, the entry it names, the language it is written in), from the bundled dataset.
REGION_QUERIES: tuple[tuple[str, str, str], ...] = (
    ("越南", "vietnam", "zh-Hans"),
    ("老挝", "laos", "zh-Hans"),
    ("缅甸", "myanmar", "zh-Hans"),
    ("东盟", "asean", "zh-Hans"),
    ("老撾", "laos", "zh-Hant-HK"),
    ("寮國", "laos", "zh-Hant"),
    ("東帝汶", "timor-leste", "zh-Hant"),
    ("菲律賓", "philippines", "zh-Hant"),
    ("東盟", "asean", "zh-Hant"),
    ("老撾技術與通訊部", "la-mtc", "zh-Hant"),
    ("Myanmar (Burma)", "myanmar", "en"),
    ("Campuchia", "cambodia", "vi"),
    ("Việt Nam", "vietnam", "vi"),
    ("viet nam", "vietnam", "vi"),
    ("Thái Lan", "thailand", "vi"),
    ("thai lan", "thailand", "vi"),
    ("Trung Quốc", "china", "vi"),
    ("trung quoc", "china", "vi"),
    ("Lào", "laos", "vi"),
    ("กัมพูชา", "cambodia", "th"),
    ("เวียดนาม", "vietnam", "th"),
    ("จีน", "china", "th"),
    ("ກຳປູເຈຍ", "cambodia", "lo"),
    ("ຫວຽດນາມ", "vietnam", "lo"),
    ("ຈີນ", "china", "lo"),
    ("កម្ពុជា", "cambodia", "km"),
    ("វៀតណាម", "vietnam", "km"),
    ("ကမ္ဘောဒီးယား", "cambodia", "my"),
    ("ဗီယက်နမ်", "vietnam", "my"),
    ("Kamboja", "cambodia", "id"),
    ("Tiongkok", "china", "id"),
    ("Filipina", "philippines", "id"),
    ("Kemboja", "cambodia", "ms"),
    ("Pilipinas", "philippines", "fil"),
    ("Vietname", "vietnam", "pt-TL"),
    ("Tailândia", "thailand", "pt-TL"),
    ("tailandia", "thailand", "pt-TL"),
    ("Malásia", "malaysia", "pt-TL"),
    ("malasia", "malaysia", "pt-TL"),
)


@pytest.mark.parametrize(("query", "slug", "language"), REGION_QUERIES)
def test_the_command_line_finds_the_country_first(
    capsys: pytest.CaptureFixture[str], seeded_path: Path, query: str, slug: str, language: str
) -> None:
    code, out, err = run(capsys, "--db", str(seeded_path), "search", query, "--json")
    assert (code, err) == (0, "")
    first = json.loads(out)["groups"][0]["hits"][0]
    assert (first["slug"], first["exact"]) == (slug, True), language


def test_every_name_of_every_country_and_organization_finds_it_first(seeded_db: Database) -> None:
    """Each name as written and as typed without its accents (`Việt Nam`, `viet nam`)."""
    data = yaml.safe_load(dataset_file().read_text(encoding="utf-8"))
    search = Search(seeded_db.read())
    missed = []
    for kind in ("countries", "organizations"):
        for entry in data[kind]:
            for name in [entry["name"], *(a["value"] for a in entry.get("aliases") or ())]:
                for query in dict.fromkeys((name, fold(name))):
                    hits = search.run(query, per_kind=1).hits
                    if not hits or hits[0].slug != entry["slug"]:
                        missed.append((query, entry["slug"], [h.slug for h in hits[:3]]))
    assert missed == []


def test_the_rule_says_other_names_in_any_language_count() -> None:
    from app.services.search_syntax import RANKING_HELP

    assert "other name in any language" in RANKING_HELP


def test_the_table_covers_every_language_of_the_region() -> None:
    from tests.builders.cldr_names import LOCALES

    assert {tag for _, tag, _ in LOCALES} <= {language for *_, language in REGION_QUERIES}
