"""Values quoted back in a message, cut to what a message can carry.

A message that quotes what a file holds (a name, a reference, an unknown key) must stay one
readable sentence whatever the file holds: a 150 MB string was once echoed whole to stderr,
and the window's error dialog would have shown it too. Every such quote goes through here.
"""

from __future__ import annotations

import reprlib

QUOTE_CHARS = 80  # a line of a terminal: enough to recognise the value, short enough to read past

_REPR = reprlib.Repr()
_REPR.maxlevel = 2
_REPR.maxstring = _REPR.maxother = QUOTE_CHARS
_REPR.maxlist = _REPR.maxtuple = _REPR.maxdict = _REPR.maxset = 4


def cut(text: str, limit: int = QUOTE_CHARS) -> str:
    """`text` cut to `limit` characters plus "…", with what a terminal cannot print as one line
    (a line break, a control character, a lone surrogate) written as its escape: \\n, \\ud800."""
    shown: list[str] = []
    size = 0
    for c in text[: limit + 1]:
        piece = c if c.isprintable() else repr(c)[1:-1]
        size += len(piece)
        if size > limit:
            return "".join(shown) + "…"
        shown.append(piece)
    return "".join(shown)


def quoted(value: object, limit: int = QUOTE_CHARS) -> str:
    """`value` as Python's repr() quotes it ('text', 42, [...]), cut to about `limit` characters."""
    if isinstance(value, str):
        # limit counts what is shown: an escape (\U000828cf) is ten characters of the line
        size = min(len(value), limit)
        while size > 1 and len(repr(value[:size])) > limit + 2:
            size -= 1
        shown = repr(value[:size])
        return shown if size == len(value) else shown[:-1] + "…" + shown[-1]
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10**limit:
        return f"a number of more than {limit} digits"
    try:
        return cut(_REPR.repr(value), limit)
    except ValueError:  # a number inside too long for Python to write out
        return "a value too large to show"


# Quotation marks a quote may carry as its own, as opening and closing pairs: straight, curly,
# low-9, guillemets either way round, and the corner brackets of Chinese and Japanese.
_QUOTE_PAIRS = {'"': '"', "'": "'", "“": "”", "„": "“", "‘": "’", "«": "»", "»": "«", "「": "」", "『": "』"}


def in_quotes(text: str) -> str:
    """`text` in “curly quotation marks”, unless it carries its own already: a quote copied with
    its marks would otherwise read ““…””. Every page and file that quotes a source goes through here."""
    words = text.strip()
    if len(words) >= 2 and _QUOTE_PAIRS.get(words[0]) == words[-1]:
        inner = words[1:-1]
        if words[0] not in inner and words[-1] not in inner:  # one quote, not "a" and "b"
            return words
    if "“" in words or "”" in words:
        # Marks of its own inside (“A” and “B”, or a speaker's words then who said them): the
        # outer pair is the single one, as English nests quotations, never ““…””.
        return f"‘{text}’"
    return f"“{text}”"
