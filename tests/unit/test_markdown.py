"""Markdown text: data shows as written, and note links survive a trip through a vault."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from app.db.database import Database
from app.io import frontmatter
from app.io.markdown import (
    NOTE_BEGIN,
    NOTE_END,
    DamagedNote,
    LinkedEntry,
    Links,
    anchor,
    embedded_note,
    embedded_notes,
    inline,
    note_file,
    point_links,
    read_note_file,
    restore_links,
)
from app.records.notes import NoteDoc
from app.records.wikilinks import targets
from app.services.wikilinks import resolve
from tests.builders.strategies import HOSTILE, SCRIPTS, any_char

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
    assert "chen-gang" not in targets(pointed)  # pointed at its file (in code it stays code)
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


# --- note markers ----------------------------------------------------------------------------------

UID_A = "0ec43306-a883-5072-adfd-3bf83d9103c7"
UID_B = "5b1d1f52-4a43-4a4c-9d0e-6f0a9a4b2c11"
STAMP = "2026-01-02T03:04:05+00:00"


def _doc(uid: str, body: str) -> NoteDoc:
    return NoteDoc(
        id=1, uid=uid, title="A note", body=body, entry=None, created_at=STAMP, updated_at=STAMP, tags=("t",)
    )


def _markers(uid: str, body: str) -> str:
    """Note `uid` between its markers as an export writes them, `body` inside as it is."""
    return f"{NOTE_BEGIN.format(uid=uid, updated=STAMP)}\n\n{body}\n\n{NOTE_END.format(uid=uid)}"


# What a researcher pastes into a note: part of an exported entry file, markers and all.
PASTED = "\n".join(["Copied from the vault:", "", _markers(UID_A, "An older text of A."), "", "after"])
LOOKALIKES = [
    PASTED,
    NOTE_END.format(uid=UID_B),  # the end of the very note it is in
    "\\" + NOTE_BEGIN.format(uid=UID_A, updated=STAMP),  # already backslashed, once or more
    "\\\\" + NOTE_END.format(uid=UID_A) + "\r\n" + NOTE_END.format(uid=UID_A) + "\r\n",
    "<!-- roundtable note not a marker",
    "<!-- end of roundtable note",
    " " + NOTE_BEGIN.format(uid=UID_A, updated=STAMP),
    "---\nid: " + UID_A + "\nkind: note\n---\n",
]


@given(
    st.lists(st.sampled_from(LOOKALIKES) | st.text(any_char, max_size=10), max_size=6).map("\n".join),
    st.sampled_from(["entry file", "note file"]),
)
@example(PASTED, "entry file")
@example(PASTED, "note file")
def test_a_body_that_holds_note_markers_comes_back_exactly(body: str, where: str) -> None:
    note = _doc(UID_B, body)
    if where == "entry file":
        text = "# Entry\n\n" + embedded_note(_doc(UID_A, "a's text"), "a's text", 3) + "\n\n"
        text += embedded_note(note, body, 3) + "\n"
        found = embedded_notes(text)
        # as the import reads line ends: a '\r' that ends the body meets the file's '\n' after it
        expected = (body + "\n").replace("\r\n", "\n")[:-1]
        assert [(f.uid, f.body) for f in found] == [(UID_A, "a's text"), (UID_B, expected)]
    else:
        fields, rest = frontmatter.split(note_file(note, body, STAMP))
        assert fields is not None
        read = read_note_file(fields, rest)
        # as in an entry file: a '\r' that ends the body meets the file's '\n' after it
        assert read is not None and read.body == (body + "\n").replace("\r\n", "\n")[:-1]
        assert embedded_notes(rest) == []  # the body's markers are text, not notes


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (_markers(UID_B, PASTED), f"line 5, a marker of note {UID_A}, is inside the text of note {UID_B}"),
        (_markers(UID_B, NOTE_END.format(uid=UID_A)), f"line 3, a marker of note {UID_A}, is inside"),
        (
            _markers(UID_A, "one") + "\n\n" + _markers(UID_A, "two"),
            f"line 7: note {UID_A} is in this file twice",
        ),
        ("text\n" + NOTE_END.format(uid=UID_A), f"line 2: the end marker of note {UID_A} has no beginning"),
        (
            NOTE_BEGIN.format(uid=UID_A, updated=STAMP) + "\ntext",
            f"the end marker of note {UID_A} is missing",
        ),
    ],
)
def test_nested_duplicate_or_unmatched_markers_are_refused(text: str, problem: str) -> None:
    with pytest.raises(DamagedNote, match=re.escape(problem)):
        embedded_notes(text)
