"""Footnote numbers for citations, shared by every view of an entry (the detail page, the
command line's text, the exported Markdown) so that all of them number alike: in the order
the page first cites them, and a citation cited again keeps its first number, listed once."""

from __future__ import annotations

from collections.abc import Iterable

from app.records.entries import CitationView


class FootnoteNumbers:
    def __init__(self) -> None:
        self._numbers: dict[CitationView, int] = {}

    def number(self, citations: Iterable[CitationView]) -> list[tuple[int, CitationView]]:
        """`citations` with their numbers, each once, new ones taking the next free number."""
        found = {self._numbers.setdefault(c, len(self._numbers) + 1): c for c in citations}
        return list(found.items())

    def cited(self) -> list[tuple[int, CitationView]]:
        """Every citation numbered so far, in number order: what the footnotes list."""
        return [(n, c) for c, n in self._numbers.items()]
