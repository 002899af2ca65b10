"""The one slug function: stable, readable, ASCII identifiers for entries.

Letters outside ASCII are spelled in Latin letters by anyascii (ISC licence, pure Python, its
tables loaded a block at a time on first use): 'Straße' -> 'strasse', 'Søren Łukasz' ->
'soren-lukasz', '陈刚' -> 'chen-gang', Lao, Thai and Khmer by their usual romanisations. An
entry named in any script gets a slug people can read and type, not 'person-2'.
"""

from __future__ import annotations

import re
from collections.abc import Container

MAX_SLUG = 120
_NOT_WORD = re.compile(r"[^a-z0-9]+")
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _spelled_in_latin(text: str) -> str:
    if text.isascii():
        return text
    from anyascii import anyascii  # only for names that need it

    # A Chinese name is a word a character ('陈刚' -> 'Chen Gang', not 'ChenGang').
    return "".join(f" {anyascii(ch)} " if _is_ideograph(ch) else anyascii(ch) for ch in text)


def _is_ideograph(ch: str) -> bool:
    code = ord(ch)
    return 0x3400 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0x20000 <= code <= 0x3FFFF


def slugify(text: str, *, fallback: str = "entry") -> str:
    """'Bùi Hoàng Phương' -> 'bui-hoang-phuong', '陈刚' -> 'chen-gang'; `fallback` when nothing
    of `text` can be spelled in Latin letters or digits."""
    slug = _NOT_WORD.sub("-", _spelled_in_latin(text).lower()).strip("-")[:MAX_SLUG].rstrip("-")
    return slug or fallback


def is_slug(text: str) -> bool:
    return len(text) <= MAX_SLUG and SLUG_RE.match(text) is not None


def unique_slug(base: str, taken: Container[str]) -> str:
    """`base`, or `base-2`, `base-3` ... whichever is not in `taken`."""
    if base not in taken:
        return base
    n = 2
    while True:
        suffix = f"-{n}"
        candidate = base[: MAX_SLUG - len(suffix)] + suffix
        if candidate not in taken:
            return candidate
        n += 1
