"""List queries: kind columns, filter and sort in SQL, paging."""

from __future__ import annotations

import pytest

from app.db.database import Database
from app.services import entries
from app.services.entries import BadQuery, EntryLists, columns
from tests.builders.search_corpus import populate


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


@pytest.mark.parametrize("first_look", [3000, 40, 2])
def test_a_filtered_lists_first_page_is_the_start_of_the_whole_filtered_list(
    seeded_db: Database, monkeypatch: pytest.MonkeyPatch, first_look: int
) -> None:
    """The first page of a filtered list is found one of three ways (gathered through the
    trigram index, read along the list's order against the index's candidates, or looked for
    among the list's first entries); whichever, it is what the whole list starts with."""
    conn = seeded_db.connect()
    populate(conn, entries=300, notes=0, seed=5)
    conn.close()
    monkeypatch.setattr(entries, "FIRST_LOOK", first_look)  # small: the other ways are taken
    lists = EntryLists(seeded_db)
    filters = ("a", "e", "an", "min", "minister", "陈", "合作", "ความ", "ລາວ", "zzq", "Bùi", "\"'%_")
    for kind, sorts in (("person", ("name", "title", "country")), ("initiative", ("name", "status"))):
        for text in filters:
            for sort in sorts:
                for descending in (False, True):
                    whole = lists.ids(kind, text=text, sort=sort, descending=descending)
                    for limit in (1, 7, 50):
                        first = lists.ids(kind, text=text, sort=sort, descending=descending, limit=limit)
                        assert first == whole[:limit], (kind, text, sort, descending, limit)
                    assert len(whole) == lists.count(kind, text)
    assert lists.ids("person", text="minister")  # the filters found something to compare
