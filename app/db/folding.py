"""The one text folding that search uses, for the index and for queries alike.

Search compares folded text with a folded query, so `Bùi` is found by `bui`, `ＮＤＲＣ` by `ndrc`
and `China–ASEAN` by `china-asean`. Folding works character by character (the folded text is
the concatenation of each character's fold) so a match in the folded text maps back to the
characters of the original it came from, for highlighting.

What folds:
- case (str.casefold: `ß` -> `ss`) and compatibility forms (NFKD: full-width letters,
  ligatures, SARA AM into its two parts);
- the accents of Latin, Greek and Cyrillic letters (the combining marks of the blocks those
  scripts use), plus a few letters that carry their stroke built in (`đ`, `ø`, `ł`);
- every kind of white space to a space, dashes to `-`, curly quotes to straight ones;
  invisible format characters (zero-width spaces, soft hyphens, direction marks) and control
  characters to nothing (so the index can end its texts with a control character no query has).

What does not: the vowel signs and tone marks of Thai, Lao, Khmer and Burmese are combining
marks too, but they are letters of those words (`ผม` and `ผ่ม` are different words), so they stay.

The database calls `fold` through an SQL function registered on every connection
(app/db/connection.py) from the triggers that keep the search index.
"""

from __future__ import annotations

import unicodedata
from itertools import chain, repeat

SQL_FUNCTION = "rt_fold"

# Combining marks that only ever carry accents of Latin, Greek and Cyrillic letters.
_ACCENT_BLOCKS = (
    (0x0300, 0x036F),  # Combining Diacritical Marks
    (0x1AB0, 0x1AFF),  # ... Extended
    (0x1DC0, 0x1DFF),  # ... Supplement
    (0x20D0, 0x20FF),  # ... for Symbols
    (0xFE20, 0xFE2F),  # Combining Half Marks
)
_LETTERS = {"đ": "d", "ð": "d", "ø": "o", "ł": "l", "ı": "i", "ħ": "h", "æ": "ae", "œ": "oe"}
_QUOTES = {"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "‟": '"'}


def _is_accent(ch: str) -> bool:
    code = ord(ch)
    return any(lo <= code <= hi for lo, hi in _ACCENT_BLOCKS)


def fold_char(ch: str) -> str:
    """The fold of one character: zero, one or more characters."""
    if ch.isspace():
        return " "
    category = unicodedata.category(ch)
    if category in ("Cf", "Cc"):  # zero-width spaces (Khmer text carries them), soft hyphens
        return ""
    if category == "Pd":
        return "-"
    if ch in _QUOTES:
        return _QUOTES[ch]
    lowered = ch.casefold()
    out = []
    for part in unicodedata.normalize("NFKD", lowered):
        if _is_accent(part):
            continue
        out.append(_LETTERS.get(part, part))
    # NFKD split Hangul syllables into their letters; put them back together.
    return unicodedata.normalize("NFC", "".join(out))


class _Table(dict[int, str]):
    """str.translate table that folds each character the first time it is seen."""

    def __missing__(self, code: int) -> str:
        folded = fold_char(chr(code))
        self[code] = folded
        return folded


_TABLE = _Table()


class _Lengths(dict[int, str]):
    """str.translate table: each character to the character whose code is its fold's length."""

    def __missing__(self, code: int) -> str:
        length = chr(len(_TABLE[code]))
        self[code] = length
        return length


_LENGTHS = _Lengths()


def fold(text: str | None) -> str:
    """Fold `text` for search; None folds to ''."""
    if not text:
        return ""
    if text.isascii():
        # The common case, at C speed: ASCII only changes case and white space.
        lowered = text.lower()
        if lowered.isprintable():
            return lowered
    return text.translate(_TABLE)


def fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """Fold `text` and say where each folded character came from.

    Returns (folded, origin) where origin[i] is the index in `text` of the character whose fold
    produced folded[i]; len(origin) == len(folded).
    """
    folded = text.translate(_TABLE)
    # How many characters each one folds to, as one character per character: the loop over
    # the text runs in C (a search snippet folds whole 1 KB notes while the researcher types).
    lengths = text.translate(_LENGTHS)
    if lengths.count("\x01") == len(text):
        return folded, list(range(len(text)))  # one for one, as nearly every text
    return folded, list(chain.from_iterable(map(repeat, range(len(text)), map(ord, lengths))))


def original_span(text: str, origin: list[int], start: int, end: int) -> tuple[int, int]:
    """The span of `text` that folded [start, end) came from, with the accents that fold away
    after its last character (a decomposed `ù` is `u` plus a mark that folds to nothing)."""
    first = origin[start]
    last = origin[end - 1] + 1
    while last < len(text) and _TABLE[ord(text[last])] == "":
        last += 1
    return first, last
