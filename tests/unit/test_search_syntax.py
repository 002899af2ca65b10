"""The search box's language, operator by operator, and what half-typed input turns into."""

from __future__ import annotations

import pytest

from app.services.search_syntax import Filter, Query, parse


def test_words_in_any_script() -> None:
    assert parse("chen gang 陈刚  ลาว") == Query(terms=("chen", "gang", "陈刚", "ลาว"))


def test_exact_phrase_keeps_its_spaces() -> None:
    assert parse('"digital economy" ai') == Query(terms=("digital economy", "ai"))


def test_unfinished_phrase_runs_to_the_end() -> None:
    assert parse('"digital econ') == Query(terms=("digital econ",))


def test_minus_excludes_words_and_phrases() -> None:
    assert parse('ai -ASEAN -"open source"') == Query(terms=("ai",), excluded=("ASEAN", "open source"))


def test_a_dash_between_words_is_not_an_exclusion() -> None:
    assert parse("China - ASEAN China-ASEAN") == Query(terms=("China", "ASEAN", "China-ASEAN"))


@pytest.mark.parametrize("key", ["kind", "country", "tag", "source"])
def test_each_filter_key(key: str) -> None:
    assert parse(f"{key}:value ai") == Query(terms=("ai",), filters=(Filter(key, "value"),))


def test_filter_keys_ignore_case_and_values_may_be_quoted() -> None:
    assert parse('Country:"Viet Nam" Kind:official') == Query(
        filters=(Filter("country", "Viet Nam"), Filter("kind", "official"))
    )


def test_nested_tag_and_source_domain_are_single_values() -> None:
    assert parse("tag:policy/ethics source:people.cn").filters == (
        Filter("tag", "policy/ethics"),
        Filter("source", "people.cn"),
    )


def test_filters_can_be_excluded() -> None:
    assert parse("-tag:ambiguity -kind:note").filters == (
        Filter("tag", "ambiguity", negated=True),
        Filter("kind", "note", negated=True),
    )


def test_a_filter_without_value_yet_is_left_out() -> None:
    assert parse("ai kind:") == Query(terms=("ai",))
    assert parse('country:"') == Query()


def test_unknown_keys_are_ordinary_words() -> None:
    assert parse("10:30 http://x.org note:1") == Query(terms=("10:30", "http://x.org", "note:1"))


def test_blank_input_is_empty() -> None:
    assert parse("   ").empty and parse('""').empty and parse("-").empty
    assert not parse("kind:note").empty
