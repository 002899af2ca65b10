"""List queries: kind columns, filter and sort in SQL, paging."""

from __future__ import annotations

import pytest

from app.db.database import Database
from app.services.entries import BadQuery, EntryLists, columns


def test_officials_show_title_as_stated_organization_and_country(seeded_db: Database) -> None:
    lists = EntryLists(seeded_db)
    assert [c.header for c in columns("person")] == ["Name", "Title as stated", "Organization", "Country"]
    rows = {r.slug: r.values for r in lists.page("person").rows}
    assert rows["boviengkham-vongdara"] == (
        "Boviengkham Vongdara",
        "Laos Technology and Communications Minister",
        "Ministry of Technology and Communications (Lao PDR)",
        "Laos",
    )


def test_filter_matches_names_aliases_and_columns_in_any_script(seeded_db: Database) -> None:
    lists = EntryLists(seeded_db)
    assert [r.slug for r in lists.page("person", text="陈刚").rows] == ["chen-gang"]
    assert {r.slug for r in lists.page("person", text="ndrc").rows} == {"wang-changlin"}
    assert [r.slug for r in lists.page("country", text="ไทย").rows] == ["thailand"]
    assert lists.count("person", "no such person anywhere") == 0
    assert lists.count("person", "100%_") == 0  # LIKE wildcards are literal


def test_sort_by_any_column_both_ways(seeded_db: Database) -> None:
    lists = EntryLists(seeded_db)
    up = [r.values[1] for r in lists.page("country", sort="iso").rows]
    down = [r.values[1] for r in lists.page("country", sort="iso", descending=True).rows]
    assert up == sorted(up) and down == sorted(up, reverse=True)
    with pytest.raises(BadQuery):
        lists.page("country", sort="nonsense")


def test_pages_cover_every_row_once(seeded_db: Database) -> None:
    lists = EntryLists(seeded_db)
    total = lists.count("source")
    seen = []
    for offset in range(0, total, 7):
        seen += [r.slug for r in lists.page("source", offset=offset, limit=7).rows]
    assert len(seen) == total == len(set(seen))


def test_trash_is_not_listed(seeded_db: Database) -> None:
    lists = EntryLists(seeded_db)
    before = lists.count("person")
    seeded_db.read().execute("UPDATE entity SET deleted_at = '2026-01-01' WHERE slug = 'chen-gang'")
    assert lists.count("person") == before - 1
    assert [r.slug for r in lists.page("person", trash=True).rows] == ["chen-gang"]
    assert lists.counts()["person"] == before - 1
