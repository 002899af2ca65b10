"""Recall: on a generated multilingual library, search finds exactly the texts that a plain
substring scan of the folded texts finds — no miss, no phantom — for every script and for
queries of one, two and three or more characters, whichever way the index is used."""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.db import search_index as ix
from app.db.database import Database, open_database
from app.db.folding import fold
from app.services import search as search_module
from app.services.search import Search
from app.services.search_syntax import parse
from tests.builders.search_corpus import SCRIPTS, WORD, populate

_RANGES = {
    "zh": (0x4E00, 0x9FFF),
    "th": (0x0E00, 0x0E7F),
    "lo": (0x0E80, 0x0EFF),
    "km": (0x1780, 0x17FF),
    "my": (0x1000, 0x109F),
}


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    db = open_database(tmp_path_factory.mktemp("recall") / "recall.sqlite3")
    conn = db.connect()
    populate(conn, entries=120, notes=300, seed=7)
    conn.close()
    yield db
    db.close()


_Text = tuple[int, int]  # (field code, row id): where a text lives


@pytest.fixture(scope="module")
def texts(library: Database) -> dict[_Text, str]:
    """Every searchable text by where it lives, read from the tables themselves (not the index)."""
    conn = library.read()
    out = {}
    for f in ix.FIELDS:
        for row_id, value in conn.execute(f"SELECT id, {f.column} FROM {f.table}"):
            if value:
                out[f.code, row_id] = value
    return out


@pytest.fixture(scope="module")
def folded(texts: dict[_Text, str]) -> dict[_Text, str]:
    return {doc: fold(value) for doc, value in texts.items()}


def _scan(folded: dict[_Text, str], query: str) -> set[_Text]:
    """The reference: a plain substring scan of every folded text."""
    parsed = parse(query)
    terms = [t for t in (fold(x) for x in parsed.terms) if t.strip()]
    excluded = [t for t in (fold(x) for x in parsed.excluded) if t.strip()]
    return {
        doc
        for doc, value in folded.items()
        if all(t in value for t in terms) and not any(x in value for x in excluded)
    }


def _found(library: Database, query: str) -> set[_Text]:
    found = Search(library.read()).documents(query)
    return {(ix.field_of(doc).code, ix.row_of(doc)) for _group, _owner, doc in found}


def _in_script(script: str, text: str) -> list[int]:
    lo, hi = _RANGES.get(script, (0x41, 0x24F))
    return [i for i, ch in enumerate(text) if lo <= ord(ch) <= hi]


_Places = dict[str, list[tuple[str, list[int]]]]


@pytest.fixture(scope="module")
def places(texts: dict[_Text, str]) -> _Places:
    """For each script, the texts holding it and where its characters are."""
    out: _Places = {script: [] for script in SCRIPTS}
    for value in texts.values():
        for script in SCRIPTS:
            at = _in_script(script, value)
            if at:
                out[script].append((value, at))
    return out


@st.composite
def _fragment(draw: st.DrawFn, places: _Places, script: str, length: int) -> str:
    """A piece of `length` characters starting at a character of `script` in a text, or
    (one time in four) characters of that script made up, which may occur nowhere."""
    if draw(st.integers(0, 3)) == 0:
        rng = random.Random(draw(st.integers(0, 10**6)))
        word = "".join(WORD[script](rng) for _ in range(3))
        return word[:length]
    chosen, at = draw(st.sampled_from(places[script]))
    start = draw(st.sampled_from(at))
    return chosen[start : start + length]


def _phrase(fragment: str) -> str:
    return '"' + fragment.replace('"', "") + '"'


@pytest.fixture(params=["index", "scan", "vocabulary"])
def strategy(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Short queries are scanned for, then looked up through the index's vocabulary or
    scanned for further, depending on how common they are; force each way in turn (the
    corpus is small: without a budget of 0 every short query would be a scan) so all are
    held to the same answer."""
    limit = {"index": search_module.VOCABULARY_LIMIT, "scan": -1, "vocabulary": 10**9}[request.param]
    monkeypatch.setattr(search_module, "VOCABULARY_LIMIT", limit)
    monkeypatch.setattr(search_module, "SCAN_BUDGET", 0 if request.param != "scan" else 10)
    return str(request.param)


@pytest.mark.parametrize("length", [1, 2, 3, 5])
@pytest.mark.parametrize("script", SCRIPTS)
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_search_finds_what_a_substring_scan_finds(
    library: Database,
    places: _Places,
    folded: dict[_Text, str],
    strategy: str,
    script: str,
    length: int,
    data: st.DataObject,
) -> None:
    fragment = data.draw(_fragment(places, script, length))
    query = _phrase(fragment)
    assert _found(library, query) == _scan(folded, query), (strategy, query)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_words_and_exclusions_combine_like_the_scan(
    library: Database, places: _Places, folded: dict[_Text, str], data: st.DataObject
) -> None:
    words = [
        data.draw(_fragment(places, data.draw(st.sampled_from(SCRIPTS)), data.draw(st.integers(1, 4))))
        for _ in range(data.draw(st.integers(1, 3)))
    ]
    excluded = data.draw(_fragment(places, data.draw(st.sampled_from(SCRIPTS)), data.draw(st.integers(1, 3))))
    query = " ".join(_phrase(w) for w in words) + " -" + _phrase(excluded)
    assert _found(library, query) == _scan(folded, query), query


def test_the_generated_library_has_every_script_and_every_kind_of_text(texts: dict[_Text, str]) -> None:
    """The recall tests mean something only if the corpus has what they claim to cover."""
    every = "".join(texts.values())
    for script in _RANGES:
        assert _in_script(script, every), script
    assert any(ch in every for ch in "ăâêôơưđ"), "Vietnamese letters"
    assert "\u0301" in every or "\u0300" in every, "decomposed Vietnamese"
    assert "\u200b" in every, "Khmer zero-width spaces"
    assert {code for code, _row in texts} == set(ix.BY_CODE)


def _note(db: Database, title: str, body: str = "") -> None:
    db.read().execute(
        "INSERT INTO note (uid, title, body, created_at, updated_at) VALUES (?, ?, ?, 't', 't')",
        (title, title, body),
    )


def test_accent_case_and_width_insensitive_both_ways(empty_db: Database) -> None:
    _note(empty_db, "Bùi Hoàng Phương", "ĐẶNG and Ｗｉｄｅ")
    _note(empty_db, "Bui Hoang Phuong (typed without accents)")
    search = Search(empty_db.read())
    for query in ("bui hoang", "BÙI", "phuong", "Phương", "đặng", "dang", "wide", "ＷＩＤＥ"):
        titles = {h.title for h in search.run(query).hits}
        assert "Bùi Hoàng Phương" in titles, query
    titles = {h.title for h in search.run("Bùi").hits}
    assert titles == {"Bùi Hoàng Phương", "Bui Hoang Phuong (typed without accents)"}


def test_thai_tone_marks_are_not_folded_away(empty_db: Database) -> None:
    _note(empty_db, "ผ่ม")
    _note(empty_db, "ผม")
    search = Search(empty_db.read())
    assert {h.title for h in search.run("ผ่ม").hits} == {"ผ่ม"}
    assert {h.title for h in search.run("ผม").hits} == {"ผม"}


def test_rt_fold_is_registered_on_every_connection(library: Database) -> None:
    assert library.read().execute("SELECT rt_fold('Bùi')").fetchone() == ("bui",)
    plain = sqlite3.connect(library.path)
    try:
        with pytest.raises(sqlite3.OperationalError, match="rt_fold"):
            plain.execute("UPDATE note SET body = body || 'x' WHERE id = (SELECT min(id) FROM note)")
    finally:
        plain.close()
