"""The grammar of a link in a note: [[target]], [[target|shown text]], [[target#heading]] and
[[target#heading|shown text]]. The one definition that the notes' backlinks, the editor's
highlighting and preview, and the Markdown export and import-notes all read links by.

Group 1 is the target, group 2 the heading without its '#' (None when there is no '#'),
group 3 the shown text (None when there is no '|').

A link is Markdown text, so code is not a link: `[[x]]` in an inline code span, a fenced code
block or an indented code block is shown as code by the preview and is neither a backlink nor
rewritten on export. `links()` finds links as the preview's Markdown parser (markdown-it,
CommonMark) does: code blocks first, then, within each paragraph from left to right, whichever
comes first of a code span, a backslash escape or a link. A test compares the two on generated
notes (tests/gui/test_wikilink_grammar.py). Not followed: links inside HTML or the address of
a Markdown link, and the containers' own indentation (a code block inside a list item is read
as the list's text).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

WIKILINK = re.compile(r"\[\[([^\[\]|#\n]+)(?:#([^\[\]|\n]*))?(?:\|([^\[\]\n]*))?\]\]")

_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})(.*)")
_BLANK = re.compile(r"[ \t]*")
# A line that starts a block of its own (a heading, list item, quote, thematic break): a code
# span never runs from the text before it into it.
_BLOCK_START = re.compile(r" {0,3}(?:#{1,6}(?:[ \t]|$)|[-+*](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|>)")
_HEADING = re.compile(r" {0,3}#{1,6}(?:[ \t]|$)")
_ITEM = re.compile(r" {0,3}(?:[-+*]|\d{1,9}[.)])(?:[ \t]+|$)")
_QUOTE = re.compile(r"(?: {0,3}>[ \t]?)+")
_ESCAPABLE = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def _indent(line: str, column: int = 0) -> int:
    """How many columns of white space `line` starts with, when it starts at `column` (a tab
    goes to the next multiple of four)."""
    at = column
    for ch in line:
        if ch == " ":
            at += 1
        elif ch == "\t":
            at += 4 - at % 4
        else:
            break
    return at - column


def _container(text: str) -> tuple[str, int, bool, bool]:
    """A line's text inside its block quote and list markers (nested ones too); the column its
    innermost list item's text starts at (0: no marker on this line), whether it is quoted, and
    whether the text is an indented code block inside a container."""
    column, quoted, width = 0, False, 0
    while True:
        quote = _QUOTE.match(text)
        if quote:
            sign = quote.group(0).rstrip(" \t")
            width += len(sign)
            text, quoted = text[len(sign) :], True
            if _indent(text, width) >= 5:
                return text, column, quoted, True  # one space, then four: code
            space = text[:1]
            if space in (" ", "\t"):
                width += 1 if space == " " else 4 - width % 4
                text = text[1:]
            continue
        item = _ITEM.match(text)
        if item is None:
            return text, column, quoted, False
        marker = len(item.group(0).rstrip(" \t"))
        width += marker
        if _indent(text[marker:], width) >= 5:  # one space, then an indented code block
            return text[marker:], width + 1, quoted, True
        width += _indent(text[marker:], width)
        column = width
        text = text[item.end() :]


def _paragraphs(body: str) -> Iterator[tuple[int, int]]:
    """The spans of `body` whose text is Markdown inline content (paragraphs, headings, list
    items ...), leaving out fenced and indented code blocks."""
    fence: tuple[str, int, int, bool] | None = None  # character, length, item column, quoted
    start: int | None = None  # where the running paragraph began
    at = 0
    after_text = False  # the previous line was paragraph text (an indented line continues it)
    in_list = False  # within a list: an indented line after a blank one is the item's text
    list_quoted = False  # that list is inside a block quote
    for line in body.splitlines(keepends=True):
        end = at + len(line)
        raw = line.rstrip("\r\n")
        if fence is not None:
            inner, _, quoted, _ = _container(raw)
            if fence[3] and not quoted:
                fence = None  # the quote ended, and the fence with it
            elif fence[2] and _indent(raw) < fence[2] and not _BLANK.fullmatch(raw):
                fence = None  # the list item ended, and the fence with it
            else:
                if fence[2]:
                    inner = raw[fence[2] :] if _indent(raw) >= fence[2] else raw.lstrip()
                close = _FENCE.fullmatch(inner)
                if (
                    close
                    and close.group(1)[0] == fence[0]
                    and len(close.group(1)) >= fence[1]
                    and not close.group(2).strip()
                ):
                    fence = None
                at = end
                continue
        text, column, quoted, code = _container(raw)
        opening = _FENCE.fullmatch(text)
        if opening and not (opening.group(1)[0] == "`" and "`" in opening.group(2)):
            if start is not None:
                yield start, at
                start = None
            fence = (opening.group(1)[0], len(opening.group(1)), column, quoted)
            after_text = False
            at = end
            continue
        if _BLANK.fullmatch(text):
            if start is not None:
                yield start, at
                start = None
            after_text = False
            if column:  # an empty list item: the lines indented under it are its text
                in_list, list_quoted = True, quoted
            elif in_list and list_quoted and not quoted:
                in_list = False  # the quote that held the list has ended
            at = end
            continue
        if (
            (_indent(raw) >= 4 and not after_text and not in_list)
            or (code and not after_text)
            or (column and code)
        ):
            if start is not None:
                yield start, at
                start = None
            at = end  # an indented code block
            continue
        if column:
            in_list, list_quoted = True, quoted
        elif (_indent(raw) == 0 and not after_text) or (list_quoted and not quoted):
            in_list = False
        if start is not None and _BLOCK_START.match(raw):
            yield start, at
            start = None
        if start is None:
            start = at
        after_text = True
        if _HEADING.match(text):  # a heading is one line: its own inline content
            yield start, end
            start, after_text = None, False
        at = end
    if start is not None:
        yield start, len(body)


def _backticks(text: str, at: int) -> int:
    n = at
    while n < len(text) and text[n] == "`":
        n += 1
    return n - at


def _closing(text: str, at: int, end: int, run: int) -> int:
    """Where the code span opened by `run` backticks before `at` ends (after its closing run),
    or -1 when no run of exactly that many backticks closes it before `end`."""
    i = text.find("`", at, end)
    while i >= 0:
        n = _backticks(text, i)
        if n == run:
            return i + n
        i = text.find("`", i + n, end)
    return -1


def links(body: str) -> Iterator[re.Match[str]]:
    """The [[links]] of a note's Markdown `body` that are links (not code), in order."""
    if "[[" not in body:
        return
    if "`" not in body and "~~~" not in body and "    " not in body and "\t" not in body and "\\" not in body:
        yield from WIKILINK.finditer(body)  # no code and no escapes: every match is a link
        return
    for start, end in _paragraphs(body):
        i = start
        while i < end:
            ch = body[i]
            if ch == "\\" and i + 1 < end and body[i + 1] in _ESCAPABLE:
                i += 2
            elif ch == "`":
                run = _backticks(body, i)
                close = _closing(body, i + run, end, run)
                i = close if close >= 0 else i + run
            elif ch == "[" and body.startswith("[[", i):
                match = WIKILINK.match(body, i, end)
                if match is None:
                    i += 1
                else:
                    yield match
                    i = match.end()
            else:
                i += 1


def sub(replace: Callable[[re.Match[str]], str], body: str) -> str:
    """`body` with each link (not code) replaced by `replace(match)`."""
    out: list[str] = []
    last = 0
    for match in links(body):
        out.append(body[last : match.start()])
        out.append(replace(match))
        last = match.end()
    out.append(body[last:])
    return "".join(out)


def targets(body: str) -> list[str]:
    """The link targets in `body`, in order, without duplicates."""
    seen: dict[str, None] = {}
    for match in links(body):
        seen.setdefault(match.group(1).strip(), None)
    return [t for t in seen if t]


def heading_of(match: re.Match[str]) -> str:
    """The '#heading' part of a link as written ('#' included), or '' when it has none."""
    part = match.group(2)
    return "" if part is None else "#" + part


def prose(body: str) -> Iterator[tuple[int, int]]:
    """The spans of `body` that are Markdown text, not code (fenced, indented or inline), as
    `links` reads them: where a foreign note's #tags are looked for (app/services/markdown_import.py)."""
    if "`" not in body and "~~~" not in body and "    " not in body and "\t" not in body:
        yield 0, len(body)  # no code at all (as `links` reasons)
        return
    for start, end in _paragraphs(body):
        i = piece = start
        while i < end:
            found = _SPAN_OR_ESCAPE.search(body, i, end)
            if found is None:
                break
            i = found.start()
            if body[i] == "\\":
                i += 2 if i + 1 < end and body[i + 1] in _ESCAPABLE else 1
                continue
            run = _backticks(body, i)
            close = _closing(body, i + run, end, run)
            if close < 0:
                i += run
                continue
            if piece < i:
                yield piece, i
            i = piece = close
        if piece < end:
            yield piece, end


_SPAN_OR_ESCAPE = re.compile(r"[`\\]")
