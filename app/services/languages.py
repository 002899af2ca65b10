"""The languages and scripts of the region, by the codes Roundtable stores (BCP 47 language
tags, ISO 15924 script codes), with their names marked for translation.

The forms offer these first and the pages name them in the interface language; any other
well-formed code is still accepted, stored as typed and named as well as the GUI can
(app/gui/language_names.py). The order is the order people pick them in.
"""

from __future__ import annotations

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
}
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


def script_of(language: str, script: str) -> str:
    """The script a name is written in: its own script code, else the one its language tag
    names (zh-Hans), else '' (unknown)."""
    if script:
        return script
    for part in language.split("-")[1:]:
        if len(part) == 4 and part.isalpha():
            return part[0].upper() + part[1:].lower()
    return ""
