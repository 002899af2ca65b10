"""A [[link]] in inline code or a code block is code, not a link: it is no backlink and the
export leaves it as written (the preview shows it as code too: tests/gui/test_wikilink_grammar.py)."""

from __future__ import annotations

import pytest

from app.io.markdown import LinkedEntry, Links, point_links, restore_links
from app.records.wikilinks import targets

PLACES = {1: "Countries/Laos.md", 2: "Countries/Cambodia.md"}
ENTRIES = {"laos": 1, "Laos": 1, "cambodia": 2}

BODY = """Met the [[Laos]] delegation. Write `[[Name]]` to link; ``[[a `b` c]]`` shows one too.

```markdown
See [[Cambodia]].
```

    [[Cambodia]] in indented code

- a list item with [[cambodia]]
"""


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (BODY, ["Laos", "cambodia"]),
        ("`[[Laos]]`", []),
        ("\\`[[Laos]]\\`", ["Laos"]),  # escaped backticks open no code
        ("```\n[[Laos]]", []),  # a fence left open runs to the end
        ("> ```\n> [[Laos]]\n> ```\n[[cambodia]]", ["cambodia"]),
        ("- ```\n  [[Laos]]\n  ```", []),
        ("text\n    [[Laos]]", ["Laos"]),  # an indented line continues a paragraph
        ("\\[[Laos]]", []),  # an escaped bracket
        ("~~~\n[[Laos]]\n~~~\n[[cambodia]] `x", ["cambodia"]),
    ],
)
def test_links_in_code_are_not_stored(body: str, expected: list[str]) -> None:
    assert targets(body) == expected


def test_the_export_leaves_links_in_code_as_written_and_brings_them_back() -> None:
    for style in ("wiki", "markdown"):
        pointed = point_links(BODY, ENTRIES.get, Links(style, PLACES), "Notes/x.md")  # type: ignore[arg-type]
        assert "`[[Name]]`" in pointed and "See [[Cambodia]]." in pointed
        assert "    [[Cambodia]] in indented code" in pointed
        assert "[[cambodia]]" not in pointed  # pointed at its file
        back = restore_links(
            pointed,
            by_stem=lambda stem: {"laos": LinkedEntry(1, "laos"), "cambodia": LinkedEntry(2, "cambodia")}.get(
                stem.casefold()
            ),
            by_path=lambda path: {
                p: LinkedEntry(i, ["", "laos", "cambodia"][i]) for i, p in PLACES.items()
            }.get(path),
            resolve=ENTRIES.get,
            here="Notes/x.md",
        )
        assert back == BODY
