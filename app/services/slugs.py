"""The one slug function: stable, readable, ASCII identifiers for entries."""

from __future__ import annotations

import re
import unicodedata

MAX_SLUG = 120
_NOT_WORD = re.compile(r"[^a-z0-9]+")
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def slugify(text: str, *, fallback: str = "entry") -> str:
    """'Bùi Hoàng Phương' -> 'bui-hoang-phuong'; text with no Latin letters -> `fallback`."""
    decomposed = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    ascii_text = decomposed.encode("ascii", "ignore").decode("ascii").lower()
    slug = _NOT_WORD.sub("-", ascii_text).strip("-")[:MAX_SLUG].rstrip("-")
    return slug or fallback


def is_slug(text: str) -> bool:
    return len(text) <= MAX_SLUG and SLUG_RE.match(text) is not None


def unique_slug(base: str, taken: set[str]) -> str:
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
