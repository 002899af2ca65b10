"""The countries' names in the region's languages come from the CLDR the dataset cites and
stay what Babel gives (tests/builders/cldr_names.py writes them); the organizations' names in
other languages are each printed by a cited source, never made up."""

from __future__ import annotations

import re
from typing import Any

import pytest
import yaml

from app.paths import dataset_file
from tests.builders import cldr_names

REGENERATE = "names from CLDR differ from Babel's: run `python -m tests.builders.cldr_names`"


@pytest.fixture(scope="module")
def text() -> str:
    return dataset_file().read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def data(text: str) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(text)
    return loaded


def test_the_dataset_cites_the_cldr_version_babel_ships(data: dict[str, Any]) -> None:
    cldr, _ = cldr_names.versions()
    source = next(s for s in data["sources"] if s["slug"] == cldr_names.SOURCE)
    assert re.search(rf"\bCLDR {re.escape(cldr)}\b", source["name"]), REGENERATE
    assert f"CLDR {cldr}" in source["publisher"]


def test_every_countrys_cldr_names_are_babels(data: dict[str, Any]) -> None:
    for country in data["countries"]:
        assert cldr_names.recorded(country) == cldr_names.names(country), (country["slug"], REGENERATE)


def test_the_file_is_as_the_builder_writes_it(text: str) -> None:
    assert cldr_names.rewrite(text) == text, REGENERATE


def test_every_country_is_named_in_chinese_and_the_regions_languages(data: dict[str, Any]) -> None:
    # Named in a language: an other name in it, or CLDR's name there is already its name or
    # another of its names (越南 is Simplified and Traditional alike).
    from babel import Locale

    for country in data["countries"]:
        values = {country["name"]} | {a["value"] for a in country["aliases"]}
        languages = {a.get("language") for a in country["aliases"]}
        for locale, tag, _ in cldr_names.LOCALES:
            cldr = Locale.parse(locale).territories[country["iso_alpha2"]]
            assert tag in languages or cldr in values, (country["slug"], tag)
    vietnam = next(c for c in data["countries"] if c["slug"] == "vietnam")
    assert {"越南", "Việt Nam", "เวียดนาม", "ຫວຽດນາມ", "វៀតណាម", "ဗီယက်နမ်", "Vietname"} <= {
        a["value"] for a in vietnam["aliases"]
    }


def test_no_name_in_a_language_cldr_does_not_have(data: dict[str, Any]) -> None:
    from babel import localedata

    for missing in cldr_names.NOT_IN_CLDR:
        assert not localedata.exists(missing)  # if CLDR gains Tetum, the builder should use it
        for kind in ("countries", "organizations"):
            for entry in data[kind]:
                assert all(a.get("language") != missing for a in entry.get("aliases") or ())


def test_an_organizations_name_in_another_language_is_quoted_from_its_source(data: dict[str, Any]) -> None:
    found = {}
    for org in data["organizations"]:
        for alias in org.get("aliases") or ():
            if alias.get("language") in (None, "en"):
                continue
            found[alias["value"]] = org["slug"]
            assert alias["citations"], alias
            for citation in alias["citations"]:
                assert alias["value"] in citation["quote"], alias  # the source prints it
    assert found == {"東盟": "asean", "东盟": "asean", "老撾技術與通訊部": "la-mtc"}
