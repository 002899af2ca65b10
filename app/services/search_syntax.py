"""The search box's language: words, "exact phrases", -exclusions and key:value filters.

    chen gang                 entries with both words (in any script, accents ignored)
    "digital economy"         the exact phrase
    -ASEAN                    leave out what contains ASEAN
    kind:official             only officials (any word app/services/kinds.py knows, or note)
    country:LA                about Laos: an ISO code or the country's name
    tag:policy/ethics         tagged policy/ethics or a tag nested under it
    source:people.cn          from that source: a domain of its address, or its slug
    -tag:ambiguity            any filter can be excluded too

Everything given must hold (AND). The parser only reads the text; app/services/search.py
decides what the words and filters mean. Typing is never an error: an unfinished quote runs
to the end, a filter without a value yet is left out, an unknown key (`10:30`, `http:`) is an
ordinary word.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.i18n import N_

FILTER_KEYS = ("kind", "country", "tag", "source")

SYNTAX_HELP: tuple[tuple[str, str], ...] = (
    ("chen gang", N_("SearchSyntax", "both words, in any order, in the same text")),
    ('"digital economy"', N_("SearchSyntax", "the exact phrase")),
    ("-ASEAN", N_("SearchSyntax", "leave out texts that contain ASEAN")),
    (
        "kind:official",
        N_("SearchSyntax", "only one kind: official, country, organization, initiative, event, source, note"),
    ),
    ("country:LA", N_("SearchSyntax", "about one country: its ISO code or its name")),
    ("tag:policy/ethics", N_("SearchSyntax", "tagged policy/ethics, or with a tag nested under it")),
    ("source:people.cn", N_("SearchSyntax", "from one source: a domain of its address, or its slug")),
    ("-tag:ambiguity", N_("SearchSyntax", "a minus leaves out what a filter selects")),
)
# The order of results, as app/services/search.py ranks them (Help ▸ Search syntax says it).
RANKING_HELP = N_(
    "SearchSyntax",
    "Best matches first: an entry whose name, or other name in any language, is what you typed (越南, Campuchia or campuchia); then names where your words are whole words or begin a word (AI finds “AI Hub” and “AIDA”), then other text where they are; matches inside a word (the “ai” of Thailand) come last. Each kind of entry is placed by its best match. Chinese, Thai, Lao, Khmer and Burmese write no spaces between words, so there every match counts as a word.",  # one literal: the translation tools read it whole
)


@dataclass(frozen=True)
class Filter:
    key: str  # one of FILTER_KEYS
    value: str
    negated: bool = False


@dataclass(frozen=True)
class Query:
    terms: tuple[str, ...] = ()  # words and phrases that must all appear
    excluded: tuple[str, ...] = ()  # words and phrases that must not appear
    filters: tuple[Filter, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.terms or self.excluded or self.filters)


def _quoted(text: str, i: int) -> tuple[str, int]:
    """The text after the quote at `i` up to the closing quote (or the end); the index after."""
    end = text.find('"', i + 1)
    if end < 0:
        return text[i + 1 :], len(text)
    return text[i + 1 : end], end + 1


def _word(text: str, i: int) -> tuple[str, int]:
    end = i
    while end < len(text) and not text[end].isspace():
        end += 1
    return text[i:end], end


def parse(text: str) -> Query:
    terms: list[str] = []
    excluded: list[str] = []
    filters: list[Filter] = []
    i = 0
    n = len(text)
    while i < n:
        if text[i].isspace():
            i += 1
            continue
        negated = text[i] == "-" and i + 1 < n and not text[i + 1].isspace()
        if negated:
            i += 1
        if text[i] == '"':
            value, i = _quoted(text, i)
            value = value.strip()
            if value:
                (excluded if negated else terms).append(value)
            continue
        word, end = _word(text, i)
        key, colon, rest = word.partition(":")
        if colon and key.lower() in FILTER_KEYS:
            if rest.startswith('"'):
                value, i = _quoted(text, i + len(key) + 1)
            else:
                value, i = rest, end
            value = value.strip()
            if value:
                filters.append(Filter(key.lower(), value, negated))
            continue
        i = end
        if word == "-":  # a dash on its own is punctuation, not a word to look for
            continue
        (excluded if negated else terms).append(word)
    return Query(tuple(terms), tuple(excluded), tuple(filters))
