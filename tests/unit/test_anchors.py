"""Quotes anchored in a source's text the W3C Web Annotation way, found again in a new copy."""

from __future__ import annotations

import pytest

from app.records.anchors import (
    anchor_at,
    find,
    find_quote,
    first_difference,
    locator,
    nearest,
    normalise,
    paragraphs,
)

TEXT = (
    "The roundtable opened in Nanning.\n\n"
    "Ministers agreed to cooperate on AI capacity building.\n\n"
    "A second session discussed AI capacity building in schools."
)


def test_an_anchor_holds_the_words_their_surroundings_and_offsets() -> None:
    start = TEXT.index("cooperate")
    a = anchor_at(TEXT, start, start + len("cooperate on AI"), context=10)
    assert a.exact == "cooperate on AI"
    assert a.prefix == "agreed to "
    assert a.suffix == " capacity "
    assert (a.start, a.end) == (start, start + 15)
    with pytest.raises(ValueError):
        anchor_at(TEXT, 5, 5)


def test_a_quote_is_found_again_in_a_better_copy_of_the_text() -> None:
    start = TEXT.index("AI capacity building in schools")
    a = anchor_at(TEXT, start, start + len("AI capacity building"))
    # The new copy has a heading, so every offset moved; the words occur twice and the
    # surroundings pick the second.
    better = "Press release\n\n" + TEXT
    s, e = find(better, a) or (0, 0)
    assert better[s:e] == "AI capacity building"
    assert better[e:].startswith(" in schools")
    # Line breaks inside the quote do not lose it.
    rewrapped = better.replace("AI capacity building in", "AI capacity\nbuilding in")
    s, e = find(rewrapped, a) or (0, 0)
    assert rewrapped[s:e] == "AI capacity\nbuilding"
    assert find("Nothing of the kind.", a) is None


def test_paragraphs_and_locators_name_page_and_paragraph() -> None:
    paged = "First page intro.\n\nSecond para.\fPage two, first.\n\nPage two, second."
    paras = paragraphs(paged)
    assert [(p.page, p.number, paged[p.start : p.end]) for p in paras] == [
        (1, 1, "First page intro."),
        (1, 2, "Second para."),
        (2, 1, "Page two, first."),
        (2, 2, "Page two, second."),
    ]
    assert locator(paged, paged.index("second.")) == "p. 2, ¶ 2"
    assert locator(TEXT, TEXT.index("A second")) == "¶ 3"
    # A text without blank lines has a paragraph on each line.
    assert locator("One.\nTwo.\nThree.", 11) == "¶ 3"


def test_word_for_word_and_the_nearest_passage_when_not() -> None:
    assert find_quote(TEXT, "agreed to\ncooperate") is not None
    assert find_quote(TEXT, "agreed to collaborate") is None
    near = nearest(TEXT, "Ministers agreed to collaborate on AI capacity building")
    assert near is not None and 0.8 < near.similarity < 1.0
    assert "Ministers agreed to cooperate" in TEXT[near.start : near.end]
    assert first_difference("agreed to  collaborate", "agreed to cooperate") == len("agreed to co")
    assert normalise("  a \n b ") == "a b"
