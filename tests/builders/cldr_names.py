"""The countries' names in the region's languages, from the Unicode CLDR through Babel, written
into the bundled dataset (resources/dataset/roundtable-2025.yaml) as cited other names.

Run `python -m tests.builders.cldr_names` after Babel brings a new CLDR: it rewrites the
generated part of the file (between its marker comments) and leaves the rest as written by
hand. tests/unit/test_cldr_names.py fails when the file and Babel disagree, so the names never
drift from the version the dataset cites. Babel is a dependency of the app, but nothing at
start-up reads CLDR: the dataset carries the names.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import yaml

from app.paths import dataset_file

SOURCE = "unicode-cldr"
# (Babel locale, language tag stored, script): Chinese in both scripts (Hong Kong's Traditional
# forms where they differ: 老撾 for Laos, not Taiwan's 寮國), English, and the official
# languages of ASEAN's members and Timor-Leste. Portuguese as written in Timor-Leste.
LOCALES: tuple[tuple[str, str, str], ...] = (
    ("zh_Hans", "zh-Hans", "Hans"),
    ("zh_Hant", "zh-Hant", "Hant"),
    ("zh_Hant_HK", "zh-Hant-HK", "Hant"),
    ("en", "en", "Latn"),
    ("my", "my", "Mymr"),
    ("fil", "fil", "Latn"),
    ("id", "id", "Latn"),
    ("km", "km", "Khmr"),
    ("lo", "lo", "Laoo"),
    ("ms", "ms", "Latn"),
    ("pt_TL", "pt-TL", "Latn"),
    ("th", "th", "Thai"),
    ("vi", "vi", "Latn"),
)
# Official languages of the region that CLDR has no locale for (Babel ships every locale of
# CLDR's common/main): no name is written for them rather than one made up.
NOT_IN_CLDR = ("tet",)  # Tetum, Timor-Leste

_BEGIN = "# Names from the Unicode CLDR: written by tests/builders/cldr_names.py; edit there."
_END = "# End of the names from the Unicode CLDR."


def versions() -> tuple[str, str]:
    """(CLDR version, Babel version) of the Babel installed."""
    import babel
    from babel.core import get_cldr_version

    return str(get_cldr_version()), str(babel.__version__)


def source_entry() -> dict[str, Any]:
    cldr, babel_version = versions()
    languages = ", ".join(tag for _, tag, _ in LOCALES)
    return {
        "slug": SOURCE,
        "name": f"Unicode CLDR territory names (CLDR {cldr}, through Babel {babel_version})",
        "summary": (
            "Names of the countries in Chinese (Simplified, Traditional and Hong Kong's "
            "Traditional forms), English and the official languages of ASEAN's members and "
            f"Timor-Leste ({languages}), from the Unicode Common Locale Data Repository (CLDR) "
            f"{cldr} as shipped offline by Babel {babel_version}. Each name's locator gives "
            "the territory code and the locale. CLDR has no locale for Tetum, so no name in "
            "Tetum comes from it. Graded medium, as a compilation made by contributors rather "
            "than by the countries themselves."
        ),
        "source_kind": "dataset",
        "publisher": f"Unicode Consortium (CLDR {cldr}) via Babel {babel_version}",
        "url": "https://cldr.unicode.org/",
        "reliability": "medium",
    }


def names(country: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The other names CLDR gives `country` (a dataset record with `iso_alpha2`), in LOCALES'
    order, skipping one written exactly as its name, an other name it has from elsewhere or
    a name already taken from an earlier locale (越南 is both Simplified and Traditional)."""
    from babel import Locale

    code = country.get("iso_alpha2")
    if not code:
        return []
    taken = {country["name"]} | {a["value"] for a in country.get("aliases") or () if not _from_cldr(a)}
    cldr, babel_version = versions()
    out: list[dict[str, Any]] = []
    for locale, tag, script in LOCALES:
        value = Locale.parse(locale).territories.get(code)
        if not value or value in taken:
            continue
        taken.add(value)
        out.append(
            {
                "value": value,
                "language": tag,
                "script": script,
                "kind": "name",
                "citations": [
                    {
                        "source": SOURCE,
                        "locator": f"territory {code}, locale {locale}",
                        # So the reader sees which record supports the name, not only an address.
                        "note": (
                            f"The name CLDR {cldr} gives territory {code} in locale {locale}, "
                            f"read offline through Babel {babel_version}."
                        ),
                    }
                ],
            }
        )
    return out


def _from_cldr(alias: Mapping[str, Any]) -> bool:
    return any(c.get("source") == SOURCE for c in alias.get("citations") or ())


def recorded(country: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The other names of `country` that the dataset cites to CLDR."""
    return [dict(a) for a in country.get("aliases") or () if _from_cldr(a)]


# --- writing the file ----------------------------------------------------------------------


def _scalar(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a double-quoted YAML scalar


def _alias_lines(aliases: Iterable[Mapping[str, Any]], indent: int) -> list[str]:
    pad = " " * indent
    lines = []
    for a in aliases:
        lines.append(f"{pad}- value: {_scalar(a['value'])}")
        for key in ("language", "script", "kind"):
            lines.append(f"{pad}  {key}: {a[key]}")
        lines.append(f"{pad}  citations:")
        for c in a["citations"]:
            lines.append(f"{pad}    - source: {c['source']}")
            lines.append(f"{pad}      locator: {_scalar(c['locator'])}")
            lines.append(f"{pad}      note: {_scalar(c['note'])}")
    return lines


def _source_lines() -> list[str]:
    s = source_entry()
    lines = [f"  - slug: {s['slug']}", f"    name: {_scalar(s['name'])}", "    summary: >-"]
    words = s["summary"].split(" ")
    line = ""
    for word in words:  # folded at 100 columns, as the hand-written entries are
        if line and len(line) + 1 + len(word) > 94:
            lines.append("      " + line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append("      " + line)
    lines += [f"    source_kind: {s['source_kind']}", f"    publisher: {_scalar(s['publisher'])}"]
    lines += [f"    url: {_scalar(s['url'])}", f"    reliability: {s['reliability']}"]
    return lines


def _without_generated(lines: list[str]) -> list[str]:
    out, inside = [], False
    for line in lines:
        stripped = line.strip()
        if stripped == _BEGIN:
            inside = True
        elif stripped == _END:
            inside = False
        elif not inside:
            out.append(line)
    return out


def _top_level(lines: list[str], key: str) -> int:
    return lines.index(f"{key}:")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def rewrite(text: str) -> str:
    """`text` (the dataset file) with its generated part written afresh."""
    lines = _without_generated(text.split("\n"))
    data = yaml.safe_load("\n".join(lines))
    by_slug = {c["slug"]: c for c in data["countries"]}

    # The source, after the ISO codes' source.
    at = lines.index("  - slug: iso-codes-pycountry") + 1
    while not lines[at].startswith("  - ") and _indent(lines[at]) > 2:
        at += 1
    lines[at:at] = ["  " + _BEGIN, *_source_lines(), "  " + _END]

    start = _top_level(lines, "countries")
    end = _top_level(lines, "organizations")
    out = lines[: start + 1]
    block: list[str] = []
    for line in [*lines[start + 1 : end], "  - slug: \x00end"]:
        if line.startswith("  - slug: ") and block:
            out += _with_names(block, by_slug[block[0].removeprefix("  - slug: ").strip()])
            block = []
        block.append(line)
    out += lines[end:]
    return "\n".join(out)


def _with_names(block: list[str], country: Mapping[str, Any]) -> list[str]:
    found = names(country)
    if not found:
        return block
    if "    aliases:" in block:
        at = block.index("    aliases:") + 1
        while at < len(block) and (not block[at].strip() or _indent(block[at]) > 4):
            at += 1
        new = ["      " + _BEGIN, *_alias_lines(found, 6), "      " + _END]
    else:
        keys = ("    tags:", "    facts:", "    citations:")
        at = next(i for i, line in enumerate(block) if line.startswith(keys))
        new = ["    " + _BEGIN, "    aliases:", *_alias_lines(found, 6), "    " + _END]
    return block[:at] + new + block[at:]


def main(argv: list[str] | None = None) -> int:
    path = Path(argv[0]) if argv else dataset_file()
    before = path.read_text(encoding="utf-8")
    after = rewrite(before)
    if after != before:
        path.write_text(after, encoding="utf-8")
    data = yaml.safe_load(after)
    count = sum(len(recorded(c)) for c in data["countries"])
    cldr, babel_version = versions()
    print(f"{path}: {count} names from CLDR {cldr} (Babel {babel_version})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
