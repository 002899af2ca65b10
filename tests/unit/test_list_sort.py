"""The lists sort names as a reader expects (issue #19): case, accents and width aside, so
`Đặng` sorts with D and `Ørsted` with O, not after Z; the sort key is kept by the triggers
through renames, a check finds a wrong one and a rebuild repairs it."""

from __future__ import annotations

from app.db import list_index
from app.db.database import Database
from app.services.entries import EntryLists

NAMES = (
    "Zhao Lei",
    "Đặng Văn Minh",
    "Ørsted Hansen",
    "apple Tan",
    "Dang Anh",
    "Œuvre Lim",
    "Étienne Bui",
    "陈刚",
)


def _add(db: Database) -> None:
    conn = db.connect()
    for n, name in enumerate(NAMES):
        cur = conn.execute(
            "INSERT INTO entity (uid, kind, slug, name, created_at, updated_at) VALUES (?, 'person', ?, ?, 't', 't')",
            (f"sort-{n}", f"sort-{n}", name),
        )
        conn.execute("INSERT INTO person (id) VALUES (?)", (cur.lastrowid,))


def _order(lists: EntryLists, *, descending: bool = False) -> list[str]:
    rows = lists.page("person", text="", limit=1000, descending=descending).rows
    return [r.values[0] for r in rows if r.slug.startswith("sort-")]


def test_accented_names_sort_with_their_letter(empty_db: Database) -> None:
    _add(empty_db)
    lists = EntryLists(empty_db)
    expected = [
        "apple Tan",
        "Dang Anh",
        "Đặng Văn Minh",
        "Étienne Bui",
        "Œuvre Lim",
        "Ørsted Hansen",
        "Zhao Lei",
        "陈刚",
    ]
    assert _order(lists) == expected
    assert _order(lists, descending=True) == expected[::-1]
    ids = lists.ids("person")
    assert [r.values[0] for r in lists.rows("person", ids) if r] == expected


def test_the_sort_key_follows_a_rename_and_a_check_finds_a_wrong_one(empty_db: Database) -> None:
    _add(empty_db)
    conn = empty_db.connect()
    conn.execute("UPDATE entity SET name = 'Ánh Zhao' WHERE slug = 'sort-0'")
    lists = EntryLists(empty_db)
    assert _order(lists)[:2] == ["Ánh Zhao", "apple Tan"]  # ánh before apple: n before p
    assert list_index.problems(conn) == []
    conn.execute("UPDATE list_row SET sort = 'zzz' WHERE slug = 'sort-1'")
    assert any("person" in p for p in list_index.problems(conn))
    list_index.rebuild(conn)
    assert list_index.problems(conn) == []


def test_the_trash_sorts_names_the_same_way(empty_db: Database) -> None:
    _add(empty_db)
    empty_db.connect().execute("UPDATE entity SET deleted_at = 't' WHERE slug LIKE 'sort-%'")
    rows = EntryLists(empty_db).page("trash", sort="name", limit=1000).rows
    assert [r.values[0] for r in rows][:3] == ["apple Tan", "Dang Anh", "Đặng Văn Minh"]
