"""Hypothesis strategies: whole data files (entries, relations, citations, notes with revisions)
with text in every script, and hostile text for front matter and file names."""

from __future__ import annotations

import re
import uuid
from typing import Any

from hypothesis import strategies as st

# Letters of the region's scripts and others that trip software up: right-to-left text, joiners,
# combining marks, emoji sequences, full-width forms.
SCRIPTS = (
    "陈刚中国东盟人工智能",  # Han
    "ประเทศไทยกิ่งก้าน",  # Thai, with vowel signs above and below
    "ລາວວຽງຈັນ",  # Lao
    "កម្ពុជាភ្នំពេញ",  # Khmer
    "မြန်မာနေပြည်တော်",  # Burmese
    "Việt Nam Hà Nội",  # Vietnamese (Latin with stacked diacritics)
    "Bahasa Melayu",
    "Filipino ñ",
    "العربية‏שלום",  # Arabic, Hebrew, a right-to-left mark
    "हिन्दी",  # Devanagari
    "한국어日本語カタカナ",
    "👩‍💻🇹🇭\u200d\u200c\ufe0f",  # emoji sequences, joiners, a variation selector
    "Ａ１：＃",  # full-width
)
_SCRIPT_CHARS = "".join(SCRIPTS)
HOSTILE = (
    "yes",
    "no",
    "on",
    "off",
    "null",
    "~",
    "true",
    "2025-09-18",
    "1e3",
    "0x1F",
    "key: value",
    "# not a comment",
    "---",
    "...",
    "- item",
    "!tag",
    "&anchor",
    "*alias",
    "|",
    ">",
    "'single'",
    '"double"',
    "%YAML",
    "@at",
    "`tick`",
    "{a: 1}",
    "[1, 2]",
    "a\nb",
    "trailing \n",
    "\ttab",
    "\u202eevil.md",
    "\ufeffbom",
    "\x85nel",
    "\u2028line",
    "[[link]]",
    "CON",
    "nul.txt",
    "Com1",
)

any_char = st.characters(exclude_categories=("Cs",))
char = st.one_of(any_char, st.sampled_from(_SCRIPT_CHARS))
text = st.one_of(st.text(char, max_size=40), st.sampled_from(HOSTILE), st.sampled_from(SCRIPTS))
# Long text, built from a short piece repeated: each drawn character costs Hypothesis a choice
long_text = st.tuples(st.text(char, min_size=1, max_size=20), st.integers(20, 200)).map(
    lambda t: (t[0] * t[1])[:2000]
)
any_text = st.one_of(text, long_text)
# A 'line' of the schema: no line breaks, not only spaces (names)
line = any_text.map(lambda s: re.sub(r"[\r\n\x00]", " ", s)).filter(lambda s: s.strip(" ") and len(s) <= 2000)
_TAG = re.compile(r"^[^/\s#,][^\s#,]*$")
tag = st.one_of(
    st.sampled_from(["policy", "policy/ethics", "ambiguity", "东盟", "ประเทศ/ไทย", "a-b_c.d"]),
    st.text(char, min_size=1, max_size=20).filter(lambda s: _TAG.fullmatch(s) is not None),
)
day = st.dates().map(lambda d: d.isoformat()).filter(lambda s: len(s) == 10 and s[0] != "0")
stamp = st.datetimes(timezones=st.just(__import__("datetime").UTC)).map(
    lambda d: d.isoformat(timespec="microseconds")
)
uid = st.uuids(version=4).map(str)


def _opt(draw: st.DrawFn, strategy: st.SearchStrategy[Any], rec: dict[str, Any], key: str) -> None:
    if draw(st.booleans()):
        rec[key] = draw(strategy)


@st.composite
def data_files(draw: st.DrawFn) -> dict[str, Any]:
    """A valid data file describing a small library."""
    counter = iter(range(10_000))

    def slug(prefix: str) -> str:
        return f"{prefix}-{next(counter)}"

    sources = []
    for _ in range(draw(st.integers(1, 3))):
        src: dict[str, Any] = {"slug": slug("src"), "uid": draw(uid), "name": draw(line)}
        src["reliability"] = draw(st.sampled_from(["high", "medium", "low", "unverified"]))
        _opt(draw, any_text, src, "summary")
        _opt(draw, st.just("https://example.invalid/" + str(uuid.uuid4())), src, "url")
        _opt(draw, day, src, "published")
        _opt(draw, line, src, "publisher")
        if draw(st.booleans()):
            src["archived_text"] = draw(long_text) + draw(text)
        _opt(draw, st.lists(line, min_size=1, max_size=3), src, "authors")
        _opt(draw, st.sampled_from(["en", "zh-Hans", "lo", "th-TH"]), src, "language")
        sources.append(src)

    def citations() -> list[dict[str, Any]]:
        out = []
        for _ in range(draw(st.integers(0, 2))):
            src = draw(st.sampled_from(sources))
            cite: dict[str, Any] = {"source": src["slug"]}
            if "archived_text" in src:
                archived = src["archived_text"]
                start = draw(st.integers(0, len(archived) - 1))
                quote = archived[start : start + draw(st.integers(1, 80))]
                if quote:
                    cite["quote"] = quote
                    if draw(st.booleans()):  # where it was selected (W3C Web Annotation)
                        cite["anchor"] = {
                            "prefix": archived[max(0, start - 32) : start],
                            "suffix": archived[start + len(quote) : start + len(quote) + 32],
                            "start": start,
                            "end": start + len(quote),
                        }
            else:
                _opt(draw, any_text.filter(bool), cite, "quote")
            _opt(draw, line, cite, "locator")
            _opt(draw, st.sampled_from(["high", "medium", "low", "unverified"]), cite, "reliability")
            _opt(draw, any_text, cite, "note")
            out.append(cite)
        return out

    def entry(prefix: str) -> dict[str, Any]:
        rec: dict[str, Any] = {"slug": slug(prefix), "uid": draw(uid), "name": draw(line)}
        _opt(draw, any_text, rec, "summary")
        if draw(st.booleans()):
            rec["aliases"] = [
                {
                    "value": draw(line),
                    "language": draw(st.sampled_from(["zh-Hans", "th", "lo", "km", "my", "vi", "ar"])),
                    "kind": draw(st.sampled_from(["name", "variant", "abbreviation"])),
                    "citations": citations(),
                }
                for _ in range(draw(st.integers(1, 2)))
            ]
        rec["tags"] = sorted(set(draw(st.lists(tag, max_size=3))))
        rec["facts"] = [
            {"text": draw(any_text), "citations": citations()} for _ in range(draw(st.integers(0, 2)))
        ]
        rec["citations"] = citations()
        rec["created_at"] = draw(stamp)
        rec["updated_at"] = draw(stamp)
        _opt(draw, stamp, rec, "deleted_at")
        return rec

    countries = []
    for i in range(draw(st.integers(1, 2))):
        c = entry("country")
        c["iso_alpha2"] = "XY"[i] + "Z"
        _opt(draw, line, c, "capital")
        countries.append(c)
    organizations = [entry("org") for _ in range(draw(st.integers(1, 2)))]
    for org in organizations[1:]:
        org["parent"] = organizations[0]["slug"]
        org["country"] = draw(st.sampled_from(countries))["slug"]
    for c in countries:
        if draw(st.booleans()):
            start, end = sorted(draw(st.lists(day, min_size=2, max_size=2)))
            c["memberships"] = [
                {
                    "organization": organizations[0]["slug"],
                    "status": "member",
                    "start": start,
                    "end": end,
                    "citations": citations(),
                }
            ]
    people = []
    for _ in range(draw(st.integers(0, 2))):
        p = entry("person")
        p["country"] = draw(st.sampled_from(countries))["slug"]
        p["roles"] = []
        for _ in range(draw(st.integers(0, 2))):
            role = {
                "title": draw(any_text),
                "organization": draw(st.sampled_from(organizations))["slug"],
                "as_of": draw(day),
                "citations": citations(),
            }
            if draw(st.booleans()):
                role["start"], role["end"] = sorted(draw(st.lists(day, min_size=2, max_size=2)))
            p["roles"].append(role)
        people.append(p)
    events = [entry("event") for _ in range(draw(st.integers(0, 2)))]
    everyone = (
        [c["slug"] for c in countries] + [o["slug"] for o in organizations] + [p["slug"] for p in people]
    )
    for ev in events:
        ev["start"] = ev["end"] = draw(day)
        ev["participants"] = [
            {"entry": slug_, "role": "participant", "citations": citations()}
            for slug_ in draw(st.lists(st.sampled_from(everyone), max_size=2, unique=True))
        ]
    initiatives = [entry("initiative") for _ in range(draw(st.integers(0, 2)))]
    for ini in initiatives:
        if events:
            ini["announced_at"] = draw(st.sampled_from(events))["slug"]
        ini["parties"] = [
            {"entry": draw(st.sampled_from(everyone)), "role": "lead", "citations": citations()}
        ]
    statements = []
    for i in range(draw(st.integers(0, 2))):
        statement = {
            "speaker": draw(st.sampled_from(everyone)),
            "text": f"{i}: " + draw(any_text),
            "kind": draw(st.sampled_from(["direct", "reported", "translated"])),
            "citations": citations(),
        }
        if events:
            _opt(draw, st.sampled_from([e["slug"] for e in events]), statement, "event")
        _opt(draw, day, statement, "date")
        _opt(draw, st.sampled_from(["en", "zh-Hans", "lo"]), statement, "language")
        statements.append(statement)
    all_slugs = everyone + [e["slug"] for e in events + initiatives + sources]
    notes = []
    for _ in range(draw(st.integers(0, 3))):
        note: dict[str, Any] = {
            "uid": draw(uid),
            "title": draw(any_text),
            "body": draw(note_bodies(all_slugs)),
        }
        if draw(st.booleans()):
            note["entry"] = draw(st.sampled_from(all_slugs))
        note["tags"] = sorted(set(draw(st.lists(tag, max_size=2))))
        note["created_at"] = draw(stamp)
        note["updated_at"] = draw(stamp)
        _opt(draw, stamp, note, "deleted_at")
        note["revisions"] = [
            {"title": draw(any_text), "body": draw(any_text), "created_at": draw(stamp)}
            for _ in range(draw(st.integers(0, 2)))
        ]
        notes.append(note)
    return {
        "format": "roundtable",
        "version": 1,
        "sources": sources,
        "countries": countries,
        "organizations": organizations,
        "people": people,
        "events": events,
        "initiatives": initiatives,
        "statements": statements,
        "notes": notes,
        "saved_searches": [{"name": draw(line), "query": draw(line), "created_at": draw(stamp)}],
        "tags": ["unused-tag"],
    }


def note_bodies(slugs: list[str]) -> st.SearchStrategy[str]:
    """Markdown note text in any script, with [[links]] to entries and to nothing."""
    link = st.sampled_from(slugs).map(lambda s: f"[[{s}]]") | st.sampled_from(slugs).map(
        lambda s: f"[[{s}|shown]]"
    )
    return st.lists(st.one_of(any_text, link, st.just("[[Nobody Known]]")), max_size=5).map("".join)
