"""File names the export makes without pathvalidate (plain titles) are the very names pathvalidate's
way makes, and a name already made is not made again."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.io import filenames
from tests.builders.strategies import HOSTILE, SCRIPTS, text

NAMES = (
    *HOSTILE,
    *SCRIPTS,
    "Synthetic note 10",
    "Chen Gang",
    "陈刚",
    "ประเทศไทย",
    "Meeting (draft)",
    "a b ",
    " a",
    "a  b",
    "x.",
    "con",
    "Com1",
    "COM¹",
    "lpt9",
    "CONIN$",
    "nul",
    "_x",
    "a_b",
    "-x",
    "e\u0301",  # not NFC
    "x" * 300,
)


def _slow(name: str) -> str:
    return filenames._make_safe(name, "untitled")


@pytest.mark.parametrize("name", NAMES)
def test_plain_names_are_what_the_full_checks_make(name: str) -> None:
    filenames._SAFE_STEMS.clear()
    assert filenames.safe_stem(name) == _slow(name)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(text, st.text(st.sampled_from("abcXYZ019 _,'()&+!@=;~-.[]#^|/\\:*?\"<>\t$ก่陈"), max_size=12))
)
def test_any_name_is_what_the_full_checks_make(name: str) -> None:
    filenames._SAFE_STEMS.clear()
    assert filenames.safe_stem(name) == _slow(name)
    assert filenames.safe_stem(name) == _slow(name)  # and from the cache


def test_a_name_seen_before_is_not_checked_again(monkeypatch: pytest.MonkeyPatch) -> None:
    filenames._SAFE_STEMS.clear()
    first = filenames.safe_stem("Meeting: ASEAN / China?")
    monkeypatch.setattr(filenames, "_make_safe", lambda *_a: pytest.fail("checked again"))
    assert filenames.safe_stem("Meeting: ASEAN / China?") == first
    assert filenames.safe_stem("Plain title 12") == "Plain title 12"  # no checks needed at all


@pytest.mark.parametrize("name", ["Chen Gang.md", "陈刚.md", "ÅNGSTRÖM.md", "ﬁle.md", "ǅ.md"])
def test_same_name_key_is_the_full_one(name: str) -> None:
    import unicodedata

    full = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", name).casefold())
    assert filenames.same_name_key(name) == full
