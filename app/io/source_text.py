"""The text of a source, taken from a saved file (an HTML page, a PDF, plain text, Markdown)
or from what the researcher pasted, as the plain text a source keeps (app/records/anchors.py):
a blank line between paragraphs, a form feed (\\f) between the pages of a PDF.

HTML: the page's main text, without menus, banners and footers, found by trafilatura (Apache
2.0), which reads the file it is given and fetches nothing. PDF: each page's text by pypdf (BSD),
its lines joined back into paragraphs. Markdown: the words, without the markup. Both libraries
are imported on first use: a start of the window must not wait for them (0.4 s for trafilatura).

Whatever goes wrong with the file is one UnreadableSource naming it; nothing here writes.
"""

from __future__ import annotations

import io
import itertools
import logging
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.i18n import T_, Explained
from app.user_files import MB, UnreadableFile, read_bytes

PAGE_BREAK = "\f"
PARAGRAPH_BREAK = "\n\n"
MAX_FILE = 200 * MB  # a 300-page PDF with pictures is some tens of MB

# By extension; a file's first bytes decide where they tell (a PDF named .html is a PDF).
MEDIA_TYPES = {
    ".html": "text/html",
    ".htm": "text/html",
    ".xhtml": "text/html",
    ".pdf": "application/pdf",
    ".txt": "text/plain",
    ".text": "text/plain",
    ".md": "text/markdown",
    ".markdown": "text/markdown",
}
# For a file dialog's filter.
FILE_PATTERNS = tuple(f"*{suffix}" for suffix in MEDIA_TYPES)

Step = Callable[[int, int], None]  # (done, total); may raise to cancel


class UnreadableSource(Explained, ValueError):
    """The file cannot give a source its text; the message names it and says why."""


@dataclass(frozen=True)
class SourceFile:
    """A file read for a source: its bytes (to keep), what kind it is, and its text."""

    name: str
    data: bytes
    media_type: str
    text: str
    pages: int = 0  # of a PDF; 0 for a text with no pages


def _nothing(done: int, total: int) -> None:
    pass


def media_type_of(path: Path, head: bytes) -> str | None:
    """What kind of file this is, by its first bytes where they tell, else by its extension."""
    if head.startswith(b"%PDF-"):
        return "application/pdf"
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith((b"<!doctype html", b"<html")):
        return "text/html"
    return MEDIA_TYPES.get(path.suffix.lower())


def read_source_file(path: Path, step: Step = _nothing) -> SourceFile:
    """Read the file at `path` and take its text. Raises UnreadableSource."""
    try:
        data = read_bytes(path, limit=MAX_FILE)
    except UnreadableFile as exc:
        raise UnreadableSource(exc.message) from exc
    except OSError as exc:
        raise UnreadableSource(
            T_("Sources", "{path} cannot be read ({error}).").format(
                path=str(path), error=exc.strerror or exc
            )
        ) from exc
    media_type = media_type_of(path, data[:512])
    if media_type is None:
        raise UnreadableSource(
            T_(
                "Sources",
                "{path} is not a kind of file a source's text can come from: choose an HTML page, a "
                "PDF, a plain text or a Markdown file.",
            ).format(path=str(path))
        )
    text, pages = extract(data, media_type, path.name, step)
    return SourceFile(path.name, data, media_type, text, pages)


def extract(data: bytes, media_type: str, name: str, step: Step = _nothing) -> tuple[str, int]:
    """The text of `data` (a file called `name`) and its number of pages (0: none)."""
    if media_type == "application/pdf":
        return text_from_pdf(data, name, step)
    step(0, 1)
    if media_type == "text/html":
        text = text_from_html(data, name)
    else:
        plain = _decode(data, name)
        text = text_from_markdown(plain) if media_type == "text/markdown" else tidy(plain)
    if not text.strip():
        raise UnreadableSource(T_("Sources", "{name} holds no text to give the source.").format(name=name))
    step(1, 1)
    return text, 0


# --- plain text and Markdown --------------------------------------------------------------------


def _decode(data: bytes, name: str) -> str:
    encoding = "utf-16" if data.startswith((b"\xff\xfe", b"\xfe\xff")) else "utf-8-sig"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise UnreadableSource(
            T_("Sources", "{name} is not UTF-8 text (a byte at {offset} is not); save it as UTF-8.").format(
                name=name, offset=exc.start
            )
        ) from exc


# Typesetting's ligatures (a PDF's "ﬁ" is one glyph) spelt out, so a quote typed with "fi"
# is found. Only these: NFKC would also turn Chinese full-width punctuation into ASCII.
_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"})
_TRAILING_SPACE = re.compile(r"[ \t]+(?=\n)")
_BLANK_LINES = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")


def tidy(text: str) -> str:
    """Text as a source keeps it: Unix line ends, ligatures spelt out, no spaces at line ends,
    one blank line between paragraphs at most, none at either end. Form feeds (pages) are kept."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    text = unicodedata.normalize("NFC", text).translate(_LIGATURES)
    text = _TRAILING_SPACE.sub("", text)
    text = _BLANK_LINES.sub(PARAGRAPH_BREAK, text)
    return text.strip(" \t\n")


def text_from_markdown(source: str) -> str:
    """The words of a Markdown text, one block (paragraph, heading, list item, quote) a
    paragraph, without the markup a quote should not carry (**, _, links' addresses)."""
    from markdown_it import MarkdownIt

    blocks: list[str] = []
    for token in MarkdownIt("commonmark").parse(source.replace("\r\n", "\n")):
        if token.type == "inline":
            parts = []
            for child in token.children or ():
                if child.type in ("text", "code_inline"):
                    parts.append(child.content)
                elif child.type == "softbreak":
                    parts.append(" ")
                elif child.type == "hardbreak":
                    parts.append("\n")
                elif child.type == "image":
                    parts.append(child.content)
            blocks.append("".join(parts).strip())
        elif token.type in ("code_block", "fence"):
            blocks.append(token.content.rstrip("\n"))
    return tidy(PARAGRAPH_BREAK.join(b for b in blocks if b))


# --- HTML ------------------------------------------------------------------------------------------


def text_from_html(data: bytes, name: str) -> str:
    """The main text of an HTML page, a paragraph for each block it finds."""
    import trafilatura  # 0.4 s to import: only when a page is added

    # trafilatura reports pages it finds little in through logging; the message below says it.
    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    try:
        found = trafilatura.extract(
            data,
            output_format="txt",
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            deduplicate=False,
            with_metadata=False,
        )
    except Exception as exc:  # the library's own failures on a malformed page are many
        raise UnreadableSource(
            T_("Sources", "{name} cannot be read as a web page ({error}).").format(name=name, error=exc)
        ) from exc
    if not found or not found.strip():
        raise UnreadableSource(
            T_(
                "Sources",
                "No main text was found in {name}: it may be a page that builds its text with "
                "JavaScript; save the page from the browser after it has shown the article, or paste "
                "the text.",
            ).format(name=name)
        )
    # trafilatura writes a block a line; a source keeps a blank line between paragraphs.
    return tidy(PARAGRAPH_BREAK.join(line.strip() for line in found.splitlines() if line.strip()))


# --- PDF -------------------------------------------------------------------------------------------


def text_from_pdf(data: bytes, name: str, step: Step = _nothing) -> tuple[str, int]:
    """Each page's text, its lines joined back into paragraphs, pages apart by a form feed."""
    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings about odd files: not for people
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise UnreadableSource(
                T_(
                    "Sources",
                    "{name} is protected by a password; open it, save a copy without one, and add that.",
                ).format(name=name)
            )
        total = len(reader.pages)
    except UnreadableSource:
        raise
    except Exception as exc:  # a malformed file fails inside pypdf in many ways (KeyError, …)
        raise _bad_pdf(name, exc) from exc
    pages = []
    step(0, total)
    for number in range(total):
        try:
            lines = _page_lines(reader.pages[number])
        except Exception as exc:  # (as above; step() is outside: its Cancelled passes)
            raise _bad_pdf(name, exc) from exc
        pages.append(tidy(PARAGRAPH_BREAK.join(reflow(lines))))
        step(number + 1, total)
    if not any(p.strip() for p in pages):
        raise UnreadableSource(
            T_(
                "Sources",
                "{name} holds no text, only pictures of pages (a scan); Roundtable does not read text "
                "from pictures. Paste the text instead, or add a copy with a text layer.",
            ).format(name=name)
        )
    return PAGE_BREAK.join(pages), total


def _bad_pdf(name: str, exc: BaseException) -> UnreadableSource:
    return UnreadableSource(
        T_("Sources", "{name} cannot be read as a PDF ({error}).").format(
            name=name, error=exc or type(exc).__name__
        )
    )


_SENTENCE_END = tuple('.!?:;。！？：；…"”’)）」』')


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


def _join(line: str, more: str) -> str:
    """Two lines of one paragraph: a space between words, none between Chinese characters or
    after a hyphen that broke a word (its hyphen kept: 'China-' 'ASEAN' is China-ASEAN)."""
    if not line:
        return more
    if line.endswith("-") and len(line) > 1 and line[-2].isalpha():
        return line + more
    if _wide(line[-1]) or _wide(more[0]):
        return line + more
    return line + " " + more


Line = tuple[str, float | None]  # a line's text and how high on the page it starts (None: unknown)


def _page_lines(page: Any) -> list[Line]:
    """The lines pypdf finds on a page (a pypdf PageObject), each with its height on the page:
    the gaps between them tell where a paragraph ends."""
    lines: list[Line] = []
    current: list[str] = []
    height: list[float | None] = [None]

    def visit(text: str, cm: Sequence[float], tm: Sequence[float], _font: object, _size: object) -> None:
        if not text:
            return
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]  # the text matrix times the current one
        for i, part in enumerate(text.split("\n")):
            if i:
                lines.append(("".join(current), height[0]))
                current.clear()
                height[0] = None
            if part:
                if height[0] is None:
                    height[0] = y
                current.append(part)

    page.extract_text(visitor_text=visit)
    if current:
        lines.append(("".join(current), height[0]))
    return lines


def reflow(page: str | Sequence[Line]) -> list[str]:
    """The paragraphs of one page of text as a PDF lays it out (a line each, with its height on
    the page when known). A paragraph ends at a blank line, at a gap wider than the page's usual
    line spacing, after a line that ends a sentence well short of the page's full lines, and
    after a line much shorter than those (a heading). Lines of one paragraph are joined."""
    given = [(line, None) for line in tidy(page).split("\n")] if isinstance(page, str) else page
    lines = [(" ".join(text.split()), y) for text, y in given]
    lengths = sorted(len(text) for text, _y in lines if text)
    if not lengths:
        return []
    full = lengths[int(len(lengths) * 0.9)] if len(lengths) > 2 else lengths[-1]
    heights = [y for text, y in lines if text and y is not None]
    gaps = sorted(abs(a - b) for a, b in itertools.pairwise(heights) if abs(a - b) > 0.5)
    spacing = gaps[len(gaps) // 2] if gaps else None  # the usual step from one line to the next
    paragraphs: list[str] = []
    current = ""
    previous: float | None = None
    for text, y in lines:
        if not text:
            if current:
                paragraphs.append(current)
            current = ""
            continue
        if (
            current
            and spacing
            and y is not None
            and previous is not None
            and abs(previous - y) > spacing * 1.4
        ):
            paragraphs.append(current)
            current = ""
        previous = y if y is not None else previous
        current = _join(current, text)
        short = len(text) < full * 0.5
        ends = text.endswith(_SENTENCE_END) and len(text) < full * 0.85
        if short or ends:
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return paragraphs
