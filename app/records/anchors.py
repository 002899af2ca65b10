"""Where a quote sits in a source's text, and how to find it again.

A citation's quote is anchored the way the W3C Web Annotation model anchors a selection: the
exact words with a little of the text before and after them (a TextQuoteSelector) and their
character offsets (a TextPositionSelector). When a source's text is replaced by a better copy
(a cleaner extraction, the publisher's corrected page), `find` looks for the quote by its
position first, then by its words and their surroundings, then by its words alone with any
run of white space standing for any other (copies differ most in line breaks).

A source's text is plain text. A form feed (U+000C) separates the pages of a paged original,
as pdftotext writes it; a blank line separates paragraphs, and a text with no blank line at all
(one paragraph a line, as most HTML extractors write) has a paragraph on each line. Locators
name the page (when there are pages) and the paragraph on it: "p. 12, ¶ 3" or "¶ 7".

Nothing here reads a database or imports Qt: the reader, the cite form, `roundtable check`,
the importer and the vault export share these rules.
"""

from __future__ import annotations

import difflib
import re
from bisect import bisect_right
from dataclasses import dataclass

PAGE_BREAK = "\f"
CONTEXT = 32  # characters of prefix and suffix kept with a quote

_BLANK_LINE = re.compile(r"\n[ \t\r]*\n")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Anchor:
    """A quote with its surroundings and offsets (end exclusive) in the text it was taken from."""

    exact: str
    prefix: str = ""
    suffix: str = ""
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of a text: its page (1 when the text has none), its number on that page
    (from 1) and its span in the text (end exclusive, white space at either end left out)."""

    page: int
    number: int
    start: int
    end: int


@dataclass(frozen=True)
class Passage:
    """A span of the text and how like the quote it is (1.0: the same words)."""

    start: int
    end: int
    similarity: float


def anchor_at(text: str, start: int, end: int, context: int = CONTEXT) -> Anchor:
    """The anchor of text[start:end]: the selection's own words, `context` characters either
    side, and the offsets."""
    if not 0 <= start < end <= len(text):
        raise ValueError(f"no passage at {start}..{end} in a text of {len(text)} characters")
    return Anchor(
        exact=text[start:end],
        prefix=text[max(0, start - context) : start],
        suffix=text[end : end + context],
        start=start,
        end=end,
    )


def _words_pattern(quote: str) -> re.Pattern[str] | None:
    words = quote.split()
    if not words:
        return None
    return re.compile(r"\s+".join(re.escape(w) for w in words))


def _common_suffix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(reversed(a), reversed(b), strict=False):
        if x != y:
            break
        n += 1
    return n


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def find(text: str, anchor: Anchor) -> tuple[int, int] | None:
    """Where `anchor`'s quote is in `text` (start, end), or None when its words are not there.

    Of several places with the same words, the one whose surroundings match the anchor's
    prefix and suffix best wins, then the one nearest the old position."""
    if not anchor.exact:
        return None
    s, e = anchor.start, anchor.end
    if s is not None and e is not None and text[s:e] == anchor.exact:
        return s, e
    pattern = _words_pattern(anchor.exact)
    if pattern is None:
        return None
    spans = [(m.start(), m.end()) for m in pattern.finditer(text)]
    if not spans:
        return None
    old = anchor.start or 0

    def score(span: tuple[int, int]) -> tuple[int, bool, int]:
        before = text[max(0, span[0] - len(anchor.prefix)) : span[0]]
        after = text[span[1] : span[1] + len(anchor.suffix)]
        context = _common_suffix(before, anchor.prefix) + _common_prefix(after, anchor.suffix)
        return (-context, text[span[0] : span[1]] != anchor.exact, abs(span[0] - old))

    return min(spans, key=score)


def find_quote(text: str, quote: str) -> tuple[int, int] | None:
    """Where `quote` stands word for word in `text` (any run of white space matching any other),
    or None."""
    pattern = _words_pattern(quote)
    if pattern is None:
        return None
    match = pattern.search(text)
    return (match.start(), match.end()) if match else None


def paragraphs(text: str) -> list[Paragraph]:
    """The paragraphs of `text`, in order, by the rules of this module's docstring."""
    out: list[Paragraph] = []
    split_lines = _BLANK_LINE.search(text) is None
    offset = 0
    for page_number, page in enumerate(text.split(PAGE_BREAK), start=1):
        number = 0
        pieces = page.split("\n") if split_lines else _BLANK_LINE.split(page)
        cursor = 0
        for piece in pieces:
            at = page.find(piece, cursor)
            cursor = at + len(piece)
            stripped = piece.strip()
            if not stripped:
                continue
            number += 1
            lead = len(piece) - len(piece.lstrip())
            start = offset + at + lead
            out.append(Paragraph(page_number, number, start, start + len(stripped)))
        offset += len(page) + len(PAGE_BREAK)
    return out


def has_pages(text: str) -> bool:
    return PAGE_BREAK in text


def locator(text: str, start: int, paras: list[Paragraph] | None = None) -> str:
    """The locator of the character at `start`: "p. 12, ¶ 3" in a paged text, "¶ 7" otherwise.
    Pass `paras` (paragraphs(text)) when asking many times of one text."""
    paras = paragraphs(text) if paras is None else paras
    if not paras:
        return ""
    i = max(0, bisect_right([p.start for p in paras], start) - 1)
    para = paras[i]
    if has_pages(text):
        return f"p. {para.page}, ¶ {para.number}"
    return f"¶ {para.number}"


def normalise(words: str) -> str:
    """`words` with every run of white space as one space and none at either end: the form in
    which a quote and its passage are compared."""
    return _SPACE.sub(" ", words.strip())


def first_difference(quote: str, passage: str) -> int:
    """The index in normalise(quote) of the first character `passage` does not have in the same
    place (len(normalise(quote)) when the passage holds the quote's words from its start)."""
    return _common_prefix(normalise(quote), normalise(passage))


def nearest(text: str, quote: str) -> Passage | None:
    """The passage of `text` most like `quote`, when its words are not there as they stand: the
    paragraph most like it, narrowed to a span of the quote's length. None for an empty text."""
    exact = find_quote(text, quote)
    if exact is not None:
        return Passage(exact[0], exact[1], 1.0)
    paras = paragraphs(text)
    if not paras or not quote.strip():
        return None
    q = normalise(quote)
    best: Passage | None = None
    for para in paras:
        body = text[para.start : para.end]
        matcher = difflib.SequenceMatcher(None, q, body, autojunk=False)
        if best is not None and matcher.real_quick_ratio() <= best.similarity:
            continue
        if best is not None and matcher.quick_ratio() <= best.similarity:
            continue
        # The words of the quote, wherever they fall in a long paragraph.
        blocks = [b for b in matcher.get_matching_blocks() if b.size]
        if not blocks:
            continue
        lo = max(0, blocks[0].b - blocks[0].a)
        hi = min(len(body), lo + len(q) + max(8, len(q) // 5))
        window = body[lo:hi]
        ratio = difflib.SequenceMatcher(None, q, window, autojunk=False).ratio()
        if best is None or ratio > best.similarity:
            best = Passage(para.start + lo, para.start + hi, ratio)
    return best
