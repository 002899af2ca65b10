"""Which countries have no name yet in a language of the region (`roundtable check`).

A country is named in a language when it has an other name in it (or in a form of it:
zh-Hant-HK is Traditional Chinese, pt-TL Portuguese), or when the Unicode CLDR's name for it
there is already its name or one of its other names: Laos needs no second "Laos" for Filipino,
nor 越南 a second time for Traditional Chinese. CLDR is read through Babel, imported only by
the check; a country under a code CLDR does not know is judged by its other names alone.
"""

from __future__ import annotations

import functools
import sqlite3
from collections import defaultdict

from app.db.folding import fold
from app.i18n import T_, Text
from app.records.entries import MissingNames, Ref
from app.services.languages import LANGUAGES, REGION_LANGUAGES, within


def missing_names(conn: sqlite3.Connection) -> tuple[MissingNames, ...]:
    """For each language of the region that some live country has no name in, those
    countries (by folded name), in REGION_LANGUAGES' order."""
    countries = conn.execute(
        "SELECT e.id, e.kind, e.slug, e.name, c.iso_alpha2 FROM country c JOIN entity e ON e.id = c.id "
        "WHERE e.deleted_at IS NULL"
    ).fetchall()
    if not countries:
        return ()
    names: dict[int, set[str]] = defaultdict(set)
    languages: dict[int, set[str]] = defaultdict(set)
    for entity_id, value, language in conn.execute(
        "SELECT a.entity_id, a.value, a.language FROM alias a JOIN country c ON c.id = a.entity_id"
    ):
        names[entity_id].add(fold(value))
        if language:
            languages[entity_id].add(language)
    countries.sort(key=lambda row: (fold(row[3]), row[2]))
    found = []
    for wanted in REGION_LANGUAGES:
        lacking = []
        for entity_id, kind, slug, name, iso in countries:
            if any(within(tag, wanted) for tag in languages[entity_id]):
                continue
            cldr = _cldr_name(wanted, iso) if iso else None
            if cldr is not None and fold(cldr) in names[entity_id] | {fold(name)}:
                continue
            lacking.append(Ref(entity_id, kind, slug, name))
        if lacking:
            found.append(MissingNames(wanted, tuple(lacking), of_all=len(lacking) == len(countries)))
    return tuple(found)


@functools.lru_cache(maxsize=64)
def _territories(tag: str) -> dict[str, str]:
    from babel import Locale, UnknownLocaleError

    try:
        return dict(Locale.parse(tag, sep="-").territories)
    except (UnknownLocaleError, ValueError):
        return {}  # no CLDR locale (Tetum): only its other names can name a country


def _cldr_name(tag: str, iso: str) -> str | None:
    return _territories(tag).get(iso.upper())


SHOWN_COUNTRIES = 12


def missing_name_findings(missing: tuple[MissingNames, ...]) -> list[Text]:
    """The languages of the region some countries have no name in, one sentence each. Not
    problems of the file: they leave the check's verdict, and its exit status, as they are."""
    lines: list[Text] = []
    for gap in missing:
        language = Text("Languages", LANGUAGES.get(gap.language, gap.language))
        if gap.of_all:
            line = T_(
                "Checking",
                "No country has a name in {language} ({code}) yet; add one to a country as an other "
                "name, citing where it comes from.",
            )
        else:
            line = T_(
                "Checking",
                "No name in {language} ({code}) for {names}; add one as an other name, citing where it "
                "comes from.",
            )
        shown = ", ".join(f"{r.name} ({r.slug})" for r in gap.countries[:SHOWN_COUNTRIES])
        if len(gap.countries) > SHOWN_COUNTRIES:
            shown += f" … (+{len(gap.countries) - SHOWN_COUNTRIES})"
        lines.append(line.format(language=language, code=gap.language, names=shown))
    return lines
