"""The vault export writes a source's text a paragraph a line, its pages under headings, each
cited passage highlighted and its paragraph ending with an Obsidian block id, and each footnote
on an entry links to that paragraph (`[[Visit report#^p2-2|Visit report]]`)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from app.db.database import open_database
from app.io.markdown import SourcePassages, source_text
from app.services.markdown_export import MarkdownExport, export_markdown
from tests.builders.cited_source import TEXT, build
from tests.conftest import copy_db

_MD = MarkdownIt("commonmark")
_FOOTNOTE = re.compile(r"^\[\^c(\d+)\]: (.*)$", re.MULTILINE)


@pytest.fixture
def vault(empty_template: Path, tmp_path: Path) -> Path:
    (tmp_path / "lib").mkdir()
    db = open_database(copy_db(empty_template, tmp_path / "lib" / "library.sqlite3"))
    try:
        build(db)
        export_markdown(db, MarkdownExport(folder=tmp_path / "vault"))
        export_markdown(db, MarkdownExport(folder=tmp_path / "vault-md", links="markdown"))
    finally:
        db.close()
    return tmp_path / "vault"


def _paragraphs(markdown: str) -> list[str]:
    """What a Markdown reader shows as each paragraph and heading, as plain text."""
    tokens = _MD.parse(markdown)
    return [t.content for t in tokens if t.type == "inline"]


def _shown(markdown_line: str) -> str:
    return _MD.renderInline(markdown_line)


def test_a_source_file_holds_its_text_by_page_and_paragraph_with_cited_passages_marked(vault: Path) -> None:
    (source_file,) = (vault / "Sources").glob("*.md")
    body = source_file.read_text(encoding="utf-8")
    text = body[body.index("## Archived text") :]
    shown = _paragraphs(text)
    assert shown[1:] == [
        "Page 1",
        "The minister arrived in Vientiane on Monday.",
        "Chen Gang, ==Party Secretary of Zhejiang==, met the delegation. ^p1-2",
        "Page 2",
        "On the second day ==the talks turned to the railway==. ^p2-1",
        "Chen Gang said ==the railway would open in 2027==. ^p2-2",
    ]
    assert "<h3>Page 2</h3>" in _MD.render(text)


def test_each_footnote_links_to_the_paragraph_its_quote_stands_in(vault: Path) -> None:
    (source_file,) = (vault / "Sources").glob("*.md")
    source_body = source_file.read_text(encoding="utf-8")
    (person_file,) = [p for p in vault.rglob("*.md") if p.stem == "Li Ming"]
    notes = dict(_FOOTNOTE.findall(person_file.read_text(encoding="utf-8")))
    assert len(notes) == 3
    for note in notes.values():
        quote = re.search(r"“(.*?)”", note)
        link = re.search(r"\[\[([^\]#|]+)#\^([a-z0-9-]+)\|([^\]]+)\]\]", note)
        assert quote and link, note
        assert link[1] == source_file.stem and link[3] == "Visit report"
        # the paragraph with that block id is the one that holds the quote's words
        (paragraph,) = [line for line in source_body.splitlines() if line.endswith(f" ^{link[2]}")]
        assert f"=={quote[1]}==" in paragraph


def test_relative_markdown_links_point_at_the_passage_too(vault: Path) -> None:
    person_file = next(p for p in (vault.parent / "vault-md").rglob("*.md") if p.stem == "Li Ming")
    notes = _FOOTNOTE.findall(person_file.read_text(encoding="utf-8"))
    assert any("(../Sources/Visit%20report.md#^p2-2)" in note for _, note in notes), notes


def test_text_that_looks_like_markup_is_shown_as_written() -> None:
    text = "1. == not a highlight == ^p9 #tag [[link]] $x$\n\n- a dash ~~ <b>"
    start = text.index("not a highlight")
    markdown = source_text(SourcePassages(text), [(start, start + len("not a highlight"))], level=3)
    first, second = markdown.split("\n\n")
    # Only the passage is highlighted, and only its paragraph ends with a block id.
    assert re.findall(r"(?<!\\)==", first) == ["==", "=="] and first.endswith(" ^p1")
    assert not re.search(r"(?<!\\)==|\^p", second)
    # Without those marks, a Markdown reader shows each paragraph exactly as written.
    ours = re.sub(r"(?<!\\)==", "", first).removesuffix(" ^p1")
    assert _shown(ours) == "1. == not a highlight == ^p9 #tag [[link]] $x$"
    assert _MD.render(ours).startswith("<p>")  # not a list
    assert _shown(second) == "- a dash ~~ &lt;b&gt;" and _MD.render(second).startswith("<p>")


def test_the_whole_text_is_there_in_order() -> None:
    markdown = source_text(SourcePassages(TEXT), [], level=3)
    words = " ".join(_shown(p) for p in markdown.split("\n\n") if not p.startswith("###"))
    assert words.split() == TEXT.split()
