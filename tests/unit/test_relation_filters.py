"""The filters the Graph and the Timeline share, and whether a dated relation holds on a day."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from app.services.relation_filters import (
    MEMBER_OF,
    RELATIONS,
    TITLE,
    RelationFilters,
    first_day,
    last_day,
    valid_on,
)


def test_first_and_last_day_respect_precision() -> None:
    assert first_day("2022") == dt.date(2022, 1, 1)
    assert last_day("2022") == dt.date(2022, 12, 31)
    assert first_day("2024-02") == dt.date(2024, 2, 1)
    assert last_day("2024-02") == dt.date(2024, 2, 29)
    assert last_day("2025-02") == dt.date(2025, 2, 28)
    assert first_day("2025-10-26") == last_day("2025-10-26") == dt.date(2025, 10, 26)


def test_a_year_only_start_counts_from_the_first_of_january() -> None:
    assert valid_on("2022", None, dt.date(2022, 1, 1))
    assert not valid_on("2022", None, dt.date(2021, 12, 31))


def test_a_year_only_end_counts_to_the_thirty_first_of_december() -> None:
    assert valid_on(None, "2024", dt.date(2024, 12, 31))
    assert not valid_on(None, "2024", dt.date(2025, 1, 1))
    assert valid_on(None, "2024-02", dt.date(2024, 2, 29))
    assert not valid_on(None, "2024-02", dt.date(2024, 3, 1))


def test_ends_are_inclusive_and_open_ends_hold() -> None:
    day = dt.date(2025, 10, 26)
    assert valid_on("2022", "2025-10-26", day)
    assert valid_on("2025-10-26", None, day)
    assert valid_on(None, None, day)
    assert not valid_on("2022", "2025-10-26", day + dt.timedelta(days=1))


def test_timor_leste_on_the_roundtable_date_was_an_observer_not_a_member() -> None:
    roundtable = RelationFilters(as_of=dt.date(2025, 9, 18))
    assert roundtable.holds(MEMBER_OF, "2022", "2025-10-26")  # observer
    assert not roundtable.holds(MEMBER_OF, "2025-10-26", None)  # member


def test_filters_are_frozen_and_empty_means_everything() -> None:
    everything = RelationFilters()
    assert all(everything.shows_relation(name) for name in RELATIONS)
    assert everything.shows_kind("person")
    assert everything.holds(TITLE, "2030", None)
    with pytest.raises(dataclasses.FrozenInstanceError):
        everything.depth = 2  # type: ignore[misc]
    only_titles = RelationFilters(relations=frozenset({TITLE}), kinds=frozenset({"person"}))
    assert not only_titles.shows_relation(MEMBER_OF)
    assert not only_titles.holds(MEMBER_OF, None, None)
    assert not only_titles.shows_kind("country")


@pytest.mark.parametrize("depth", [0, 4])
def test_depth_is_one_to_three(depth: int) -> None:
    with pytest.raises(ValueError):
        RelationFilters(centre=1, depth=depth)


def test_unknown_relation_is_refused() -> None:
    with pytest.raises(ValueError):
        RelationFilters(relations=frozenset({"friend_of"}))
