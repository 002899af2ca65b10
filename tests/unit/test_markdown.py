"""Markdown text: data shows as written, and note links survive a trip through a vault."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from app.db.database import Database
from app.io.markdown import LinkedEntry, Links, anchor, inline, point_links, restore_links
from app.services.wikilinks import resolve
from tests.strategies import HOSTILE, SCRIPTS, any_char

_MD = MarkdownIt("commonmark")


def _shown(source: str) -> str:
    """The text a reader sees, with any markup it produced named in <>."""
    out = []
    for token in _MD.parse(source):
        if token.type == "inline":
            for child in token.children or []:
                out.append(child.content if child.type == "text" else f"<{child.type}>")
        elif token.type not in ("paragraph_open", "paragraph_close"):
            out.append(f"<{token.type}>")
    return "".join(out)


@settings(max_examples=1000)
@given(
    st.text(st.characters(exclude_categories=("Cs", "Cc")) | st.sampled_from("*_`[]<>#$~&|^!\\-+=.)0123 "))
)
@example("- a list item?")
@example("1. or a numbered one")
@example("# a heading")
@example("&amp; &#35; entities")
@example("***")
@example("<b>html</b>")
@example("[[a wiki link]] and [a](link)")
@example("=====")
def test_data_text_shows_exactly_as_written(text: str) -> None:
    assert _shown(inline(text)) == " ".join(text.split())


def test_anchors_follow_the_github_rule() -> None:
    assert anchor("Chen Gang") == "chen-gang"
    assert anchor("China-ASEAN: AI (2025)") == "china-asean-ai-2025"
    assert anchor("ประเทศไทย กิ") == "ประเทศไทย-กิ"  # vowel signs are kept (they are marks)


PLACES = {1: "Officials/Chen Gang.md", 2: "Countries/ລາວ.md"}
ENTRIES = {"chen-gang": 1, "陈刚": 1, "Chen Gang": 1, "laos": 2, "ລາວ": 2}


def _resolve(target: str) -> int | None:
    return ENTRIES.get(target)


def _by_stem(stem: str) -> LinkedEntry | None:
    return {"chen gang": LinkedEntry(1, "chen-gang"), "ລາວ": LinkedEntry(2, "laos")}.get(stem.casefold())


def _by_path(path: str) -> LinkedEntry | None:
    return {p: LinkedEntry(i, {1: "chen-gang", 2: "laos"}[i]) for i, p in PLACES.items()}.get(path)


bodies = st.lists(
    st.one_of(
        st.text(any_char, max_size=20).map(lambda s: s.replace("[", "(").replace("]", ")")),
        st.sampled_from(HOSTILE + SCRIPTS),
        st.sampled_from(
            ["[[chen-gang]]", "[[陈刚]]", "[[laos|the country]]", "[[Nobody]]", "[[laos#History]]"]
        ),
    ),
    max_size=8,
).map(" ".join)


@settings(max_examples=500)
@given(
    bodies,
    st.sampled_from(["wiki", "markdown"]),
    st.sampled_from(["Notes/x.md", "Officials/Chen Gang.md", "x.md"]),
)
def test_links_pointed_at_files_come_back_as_written(body: str, style: str, here: str) -> None:
    links = Links(style, PLACES)  # type: ignore[arg-type]
    pointed = point_links(body, _resolve, links, here)
    assert "[[chen-gang]]" not in pointed
    back = restore_links(pointed, by_stem=_by_stem, by_path=_by_path, resolve=_resolve, here=here)
    assert back == body


def test_pointed_links_look_like_this() -> None:
    wiki = point_links(
        "[[chen-gang]], [[laos|the country]], [[Nobody]]", _resolve, Links("wiki", PLACES), "Notes/x.md"
    )
    assert wiki == "[[Chen Gang|chen-gang]], [[ລາວ|the country]], [[Nobody]]"
    md = point_links("[[chen-gang]] and [[laos#History]]", _resolve, Links("markdown", PLACES), "Notes/x.md")
    assert md == "[chen-gang](../Officials/Chen%20Gang.md) and [laos](../Countries/ລາວ.md#History)"


def test_links_resolve_by_slug_name_or_alias_in_any_case_and_script(seeded_db: Database) -> None:
    conn = seeded_db.read()
    slug_of = {row[0]: row[1] for row in conn.execute("SELECT id, slug FROM entity")}
    expected = {
        "chen-gang": "chen-gang",
        "Chen Gang": "chen-gang",
        "CHEN GANG": "chen-gang",
        "陈刚": "chen-gang",
        "陳剛": "chen-gang",
        "ไทย": "thailand",
        "asean": "asean",
        "nobody": None,
    }
    found = {t: (slug_of[i] if (i := resolve(conn, t)) is not None else None) for t in expected}
    assert found == expected
