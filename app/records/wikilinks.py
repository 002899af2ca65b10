"""The grammar of a link in a note: [[target]], [[target|shown text]], [[target#heading]] and
[[target#heading|shown text]]. The one definition that the notes' backlinks, the editor's
highlighting and preview, and the Markdown export and import-notes all read links by.

Group 1 is the target, group 2 the heading without its '#' (None when there is no '#'),
group 3 the shown text (None when there is no '|').
"""

from __future__ import annotations

import re

WIKILINK = re.compile(r"\[\[([^\[\]|#\n]+)(?:#([^\[\]|\n]*))?(?:\|([^\[\]\n]*))?\]\]")


def targets(body: str) -> list[str]:
    """The link targets in `body`, in order, without duplicates."""
    seen: dict[str, None] = {}
    for match in WIKILINK.finditer(body):
        seen.setdefault(match.group(1).strip(), None)
    return [t for t in seen if t]


def heading_of(match: re.Match[str]) -> str:
    """The '#heading' part of a link as written ('#' included), or '' when it has none."""
    part = match.group(2)
    return "" if part is None else "#" + part
