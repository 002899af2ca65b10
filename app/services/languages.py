"""The languages and scripts of the region, by the codes Roundtable stores (BCP 47 language
tags, ISO 15924 script codes), with their names marked for translation.

The forms offer these first and the pages name them in the interface language; any other
well-formed code is still accepted, stored as typed and named as well as the GUI can
(app/gui/language_names.py). The order is the order people pick them in.
"""

from __future__ import annotations

from collections.abc import Iterable

from app.i18n import N_

LANGUAGES: dict[str, str] = {
    "zh-Hans": N_("Languages", "Chinese (Simplified)"),
    "zh-Hant": N_("Languages", "Chinese (Traditional)"),
    "en": N_("Languages", "English"),
    "lo": N_("Languages", "Lao"),
    "th": N_("Languages", "Thai"),
    "km": N_("Languages", "Khmer"),
    "my": N_("Languages", "Burmese"),
    "vi": N_("Languages", "Vietnamese"),
    "ms": N_("Languages", "Malay"),
    "id": N_("Languages", "Indonesian"),
    "fil": N_("Languages", "Filipino"),
    "tet": N_("Languages", "Tetum"),
    "pt": N_("Languages", "Portuguese"),
}
# The languages every country is named in: Chinese in both scripts, English, and the official
# languages of ASEAN's members and Timor-Leste. `roundtable check` says which a country lacks.
REGION_LANGUAGES: tuple[str, ...] = (
    "zh-Hans",
    "zh-Hant",
    "en",
    "my",
    "fil",
    "id",
    "km",
    "lo",
    "ms",
    "pt",
    "tet",
    "th",
    "vi",
)
# Codes people also write for the same languages, named but not offered first.
OTHER_LANGUAGES: dict[str, str] = {
    "zh": N_("Languages", "Chinese"),
    "zh-CN": N_("Languages", "Chinese (Simplified)"),
    "zh-TW": N_("Languages", "Chinese (Traditional)"),
    "zh-HK": N_("Languages", "Chinese (Traditional)"),
}

SCRIPTS: dict[str, str] = {
    "Hans": N_("Scripts", "Simplified Chinese"),
    "Hant": N_("Scripts", "Traditional Chinese"),
    "Latn": N_("Scripts", "Latin"),
    "Laoo": N_("Scripts", "Lao script"),
    "Thai": N_("Scripts", "Thai script"),
    "Khmr": N_("Scripts", "Khmer script"),
    "Mymr": N_("Scripts", "Myanmar script"),
}

# The script each of the region's languages is written in when nothing else is said: an
# other name in Lao script is "Lao", not "Lao, Lao script" (the page, the vault).
USUAL_SCRIPTS: dict[str, str] = {
    "lo": "Laoo",
    "th": "Thai",
    "km": "Khmr",
    "my": "Mymr",
    "en": "Latn",
    "vi": "Latn",
    "ms": "Latn",
    "id": "Latn",
    "fil": "Latn",
    "tet": "Latn",
    "pt": "Latn",
    "ta": "Taml",
}


def within(tag: str, language: str) -> bool:
    """Whether `tag` is `language` or a form of it: zh-Hant-HK is zh-Hant, pt-TL is pt."""
    return tag == language or tag.startswith(language + "-")


def language_order(tag: str) -> tuple[int, int, str]:
    """Where names in `tag` come among an entry's names: the region's languages in LANGUAGES'
    order (a regional form right after its language: zh-Hant-HK after zh-Hant), then the
    others by code."""
    for at, known in enumerate(LANGUAGES):
        if within(tag, known) and not any(within(tag, k) and len(k) > len(known) for k in LANGUAGES):
            return (at, tag != known, tag)
    return (len(LANGUAGES), 0, tag)


def script_said(language: str, script: str) -> bool:
    """Whether naming `language` already says `script` (zh-Hant in Hant, lo in Laoo)."""
    return bool(script) and script in (script_of(language, ""), USUAL_SCRIPTS.get(language.split("-")[0]))


def script_of(language: str, script: str) -> str:
    """The script a name is written in: its own script code, else the one its language tag
    names (zh-Hans), else '' (unknown)."""
    if script:
        return script
    for part in language.split("-")[1:]:
        if len(part) == 4 and part.isalpha():
            return part[0].upper() + part[1:].lower()
    return ""


# Which of an entry's other names stands for it in a script: its name there before a longer
# official name or a variant; never a former name or an abbreviation.
_STANDS_FOR = {"name": 0, "variant": 1, "official_name": 2}


def name_in(script: str, aliases: Iterable[tuple[str, str | None, str | None, str]]) -> str | None:
    """The name to show for an entry whose other names are `aliases` ((value, language,
    script, kind), in the order recorded) when names are shown in `script`; None: it has none."""
    best: tuple[int, str] | None = None
    for value, language, own, kind in aliases:
        rank = _STANDS_FOR.get(kind)
        if rank is None or not value or script_of(language or "", own or "") != script:
            continue
        if best is None or rank < best[0]:
            best = (rank, value)
    return best[1] if best else None
