"""One Markdown grammar decides what a [[link]] is: the links the backlinks and the export read
(app/records/wikilinks.py) are exactly the links the preview's Markdown parser makes, so
`[[x]]` in code is code everywhere."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pytestqt.qtbot import QtBot

from app.gui.notes.preview import NotePreview
from app.gui.notes.preview_html import _markdown, render
from app.records.wikilinks import links, sub, targets

_PIECES = (
    "[[Laos]]",
    "[[chen-gang|Chen]]",
    "[[ASEAN#History]]",
    "[[",
    "]]",
    "`",
    "``",
    "```",
    "~~~",
    "\\",
    " ",
    "    ",
    "\t",
    "\n",
    "\n\n",
    "- ",
    "1. ",
    "# ",
    "> ",
    "text",
    "*",
    "[x](y)",
)


def _preview_links(body: str) -> list[str]:
    found = []
    for token in _markdown().parse(body, {"links": {}}):
        for child in token.children or ():
            if child.type == "wikilink":
                found.append(child.content)
    return found


_CONTAINERS = ("- ", "1. ", "> ", "*")  # ("*" alone on a line is a list item)
_INDENTS = ("    ", "\t")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        st.lists(st.sampled_from([p for p in _PIECES if p not in _CONTAINERS]), max_size=24),
        # Lists and quotes, but not code indented inside them (not followed: see the grammar).
        st.lists(st.sampled_from([p for p in _PIECES if p not in _INDENTS]), max_size=24),
    ).map("".join)
)
def test_the_stored_links_are_the_preview_s_links(body: str) -> None:
    assert [m.group(0) for m in links(body)] == _preview_links(body)


CODE = """Met [[Laos]] today; the syntax is `[[Name]]`, and ``[[a `b` c]]`` too.

```
[[Cambodia]] in a fence
```

    [[Vietnam]] indented code

~~~markdown
[[Thailand]]
~~~
\\[[not a link]] and [[ASEAN|the bloc]]
"""


def test_links_in_code_are_not_links() -> None:
    assert targets(CODE) == ["Laos", "ASEAN"]
    assert sub(lambda m: "<" + m.group(1) + ">", CODE).count("<") == 2
    html = render(CODE, {})
    assert html.count('class="unresolved"') == 2  # the preview agrees


def test_footnotes_render_as_footnotes() -> None:
    html = render(
        "Signed in Nanning.[^1] Confirmed.[^note]\n\n[^1]: Xinhua, 18 Sept.\n[^note]: Ministry site.\n", {}
    )
    assert "[^1]" not in html and 'href="Xinhua' not in html
    assert 'href="#fn1"' in html and "Xinhua, 18 Sept." in html and "Ministry site." in html


def test_a_footnote_number_leads_to_its_text_in_the_preview(qtbot: QtBot) -> None:
    preview = NotePreview()
    qtbot.addWidget(preview)
    preview.show_markdown("Signed.[^1]\n\n[^1]: Xinhua, 18 Sept.\n", {})
    names: set[str] = set()
    block = preview.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            names.update(it.fragment().charFormat().anchorNames())
            it += 1
        block = block.next()
    assert {"fn1", "fnref1"} <= names  # what the number and the back arrow link to
    assert "[^1]" not in preview.toPlainText() and "Xinhua, 18 Sept." in preview.toPlainText()
