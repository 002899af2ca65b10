"""A source's text from a saved file (app/io/source_text.py) and given to a source
(app/services/sources.py): HTML's main text, a PDF's pages and paragraphs, Markdown's words;
a file that cannot be read is one sentence and changes nothing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.db.database import Database
from app.io.attachments import FileState
from app.io.source_text import UnreadableSource, read_source_file, reflow, text_from_markdown
from app.paths import attachments_dir
from app.records.anchors import locator, paragraphs
from app.services.editing import Editor
from app.services.entry_forms import EntryInput
from app.services.search import Search
from app.services.sources import SourceTexts
from tests.builders.pdfs import pdf_of_paragraphs

PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Laos AI</title></head>
<body><nav><a href="/">Home</a> | <a href="/news">News</a> | <a href="/sport">Sport</a></nav>
<article><h1>Laos launches national AI strategy</h1>
<p>Vientiane, 29 January 2026. The Ministry of Technology and Communications presented the
national artificial intelligence strategy on Thursday, with UNESCO's support for its ethics chapter.</p>
<p>The minister said the strategy would guide cooperation with China and ASEAN partners over the
next five years, beginning with a centre for language models in Lao.</p>
<p>老挝技术和通信部表示，该战略将指导未来五年的合作。</p>
</article>
<footer>Copyright 2026 Laotian Times. All rights reserved. Privacy policy. Contact us.</footer>
</body></html>
"""

PARAGRAPHS = [
    "Laos launches national AI strategy",
    "Vientiane, 29 January 2026. The Ministry of Technology and Communications presented the national "
    "artificial intelligence strategy on Thursday, with support from UNESCO for its chapter on ethics "
    "and a state-owned data centre.",
    "The minister said the strategy would guide cooperation with China and ASEAN partners over the next "
    "five years, beginning with a centre for language models in Lao.",
]


def test_a_web_page_gives_its_main_text_a_paragraph_a_block(tmp_path: Path) -> None:
    page = tmp_path / "laos-ai.html"
    page.write_text(PAGE, encoding="utf-8")
    found = read_source_file(page)
    assert found.media_type == "text/html" and found.pages == 0
    assert found.text.split("\n\n") == [
        "Laos launches national AI strategy",
        "Vientiane, 29 January 2026. The Ministry of Technology and Communications presented the "
        "national artificial intelligence strategy on Thursday, with UNESCO's support for its ethics chapter.",
        "The minister said the strategy would guide cooperation with China and ASEAN partners over the "
        "next five years, beginning with a centre for language models in Lao.",
        "老挝技术和通信部表示，该战略将指导未来五年的合作。",
    ]
    assert "Sport" not in found.text and "Copyright" not in found.text  # menus and footers left out


def test_a_pdf_gives_its_pages_apart_and_its_lines_joined_into_paragraphs(tmp_path: Path) -> None:
    pdf = tmp_path / "strategy.pdf"
    pdf.write_bytes(pdf_of_paragraphs(PARAGRAPHS * 2, lines_a_page=9))
    steps: list[tuple[int, int]] = []
    found = read_source_file(pdf, lambda done, total: steps.append((done, total)))
    assert found.media_type == "application/pdf"
    assert found.pages == 3 and steps[-1] == (3, 3)
    pages = found.text.split("\f")
    assert len(pages) == 3
    assert pages[0].split("\n\n") == PARAGRAPHS
    # A paragraph that runs over a page break is cut there: each page keeps its own words.
    assert PARAGRAPHS[1] in found.text and "state-owned data centre." in found.text
    start = found.text.index("The minister said", len(pages[0]))
    assert locator(found.text, start) == "p. 2, ¶ 3"
    assert paragraphs(found.text)[0].page == 1


def test_reflow_keeps_chinese_lines_together_without_spaces_and_headings_apart() -> None:
    lines = [
        ("老挝技术和通信部表示，该战略将指导未来五年与中国和东盟伙伴的合作，首先建立", 700.0),
        ("老挝语大语言模型中心。", 686.0),
        ("Next heading", 660.0),
    ]
    assert reflow(lines) == [
        "老挝技术和通信部表示，该战略将指导未来五年与中国和东盟伙伴的合作，首先建立老挝语大语言模型中心。",
        "Next heading",
    ]


def test_markdown_gives_its_words_without_the_markup() -> None:
    source = "# Laos and AI\n\nThe **minister** said the [strategy](https://example.org)\nwould guide.\n\n- one\n- two\n"
    assert (
        text_from_markdown(source)
        == "Laos and AI\n\nThe minister said the strategy would guide.\n\none\n\ntwo"
    )


@pytest.mark.parametrize(
    ("name", "content", "says"),
    [
        ("broken.pdf", b"%PDF-1.4\nthis is not a PDF at all", "cannot be read as a PDF"),
        ("notes.docx", b"PK\x03\x04 a word file", "is not a kind of file"),
        ("latin1.txt", "Café".encode("latin-1"), "is not UTF-8 text"),
        ("empty.txt", b"  \n\n", "holds no text"),
    ],
)
def test_a_file_that_cannot_give_a_text_is_one_sentence(
    tmp_path: Path, name: str, content: bytes, says: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(UnreadableSource) as caught:
        read_source_file(path)
    message = str(caught.value)
    assert says in message and name in message
    assert "\n" not in message and "Traceback" not in message


def test_a_folder_or_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    with pytest.raises(UnreadableSource, match="a folder"):
        read_source_file(tmp_path)
    if hasattr(os, "mkfifo"):
        fifo = tmp_path / "pipe.html"
        os.mkfifo(fifo)
        with pytest.raises(UnreadableSource, match="named pipe"):
            read_source_file(fifo)
    with pytest.raises(UnreadableSource, match="cannot be read"):
        read_source_file(tmp_path / "gone.pdf")


def _source(db: Database) -> int:
    made = Editor(db).create(
        EntryInput(
            "source",
            "Laos launches national AI strategy",
            values={"publisher": "Laotian Times", "reliability": "medium"},
        )
    )
    return made.entity_id


def test_a_file_gives_the_source_its_text_keeps_the_file_and_undo_takes_the_text_back(
    seeded_db: Database, tmp_path: Path
) -> None:
    editor = Editor(seeded_db)
    texts = SourceTexts(seeded_db, lambda: editor, attachments_dir(seeded_db.path))
    source = _source(seeded_db)
    page = tmp_path / "laos-ai.html"
    page.write_text(PAGE, encoding="utf-8")
    change = texts.give_text(source, read_source_file(page).text, read_source_file(page))
    assert change.changed
    assert editor.form(source).values["archived_text"].startswith("Laos launches national AI strategy\n\n")
    [kept] = texts.files(source)
    assert (kept.filename, kept.media_type) == ("laos-ai.html", "text/html")
    assert kept.path.parent == attachments_dir(seeded_db.path) and kept.path.suffix == ".html"
    assert kept.path.read_bytes() == page.read_bytes()
    assert texts.state(kept) is FileState.PRESENT
    found = Search(seeded_db.read()).run("UNESCO ethics chapter", kind="source")
    assert [(h.slug, h.field) for h in found.hits] == [(change.slug, "source text")]

    assert change.before is not None
    editor.apply(change.before)  # Undo
    assert editor.form(source).values["archived_text"] == ""


def test_an_unreadable_file_changes_nothing(seeded_db: Database, tmp_path: Path) -> None:
    editor = Editor(seeded_db)
    texts = SourceTexts(seeded_db, lambda: editor, attachments_dir(seeded_db.path))
    source = _source(seeded_db)
    bad = tmp_path / "scan.pdf"
    bad.write_bytes(b"%PDF-1.7\n%%EOF garbage")
    with pytest.raises(UnreadableSource):
        texts.give_text(source, read_source_file(bad).text, read_source_file(bad))
    assert editor.form(source).values["archived_text"] == ""
    assert texts.files(source) == []
    assert not attachments_dir(seeded_db.path).exists()
