"""Revision 0012: a library that 0011 left, holding Chinese, Thai and Lao names under keys that
only folded them, opens with every key computed again by the collation (app/db/collation.py),
lists them in its order and checks clean; the frozen 0012 library opens the same way; a
downgrade puts the fold back."""

from __future__ import annotations

from pathlib import Path

from app.db import list_index, migrate
from app.db.collation import sort_key
from app.db.connection import connect
from app.db.folding import fold
from app.services.checking import check
from app.services.entries import EntryLists
from app.services.library import open_library
from tests.migrations.make_frozen import COLLATED_NAMES, unpack

NAMES = ("王毅", "陈刚", "李强", "阿", "เชียงใหม่", "ແຂວງວຽງຈັນ", "Đặng Văn Minh")


def _keys(path: Path) -> dict[str, str]:
    conn = connect(path)
    try:
        return dict(conn.execute("SELECT name, sort FROM list_row").fetchall())
    finally:
        conn.close()


def test_upgrade_from_0011_sorts_again_by_the_collation(tmp_path: Path) -> None:
    path = unpack("0011_list_sort_key", tmp_path / "library.sqlite3")
    conn = connect(path)
    for n, name in enumerate(NAMES):
        cur = conn.execute(
            "INSERT INTO entity (uid, kind, slug, name, created_at, updated_at) "
            "VALUES (?, 'organization', ?, ?, 't', 't')",
            (f"old-{n}", f"old-{n}", name),
        )
        conn.execute("INSERT INTO organization (id) VALUES (?)", (cur.lastrowid,))
    conn.close()
    before = _keys(path)
    assert before["陈刚"] == fold("陈刚") != sort_key("陈刚")  # 0011's trigger folded

    db = open_library(path)
    try:
        assert db.migrated_from == "0011_list_sort_key"
        after = _keys(path)
        assert after == {name: sort_key(name) for name in after}  # every key, not just the new ones
        assert list_index.problems(db.read()) == []
        assert check(db).ok
        shown = [r.values[0] for r in EntryLists(db).page("organization", limit=1000).rows]
        assert [n for n in shown if n in NAMES] == [
            "Đặng Văn Minh",
            "เชียงใหม่",
            "ແຂວງວຽງຈັນ",
            "阿",
            "陈刚",
            "李强",
            "王毅",
        ]
    finally:
        db.close()


def test_the_frozen_0012_library_lists_its_names_in_order(tmp_path: Path) -> None:
    db = open_library(unpack("0012_list_collation", tmp_path / "library.sqlite3"))
    try:
        shown = [r.values[0] for r in EntryLists(db).page("organization", limit=1000).rows]
        # Thai under ม (เมือง), Lao under ຂ (ແຂວງ), Chinese by pinyin after both.
        assert [n for n in shown if n in COLLATED_NAMES] == [
            "เมืองอัจฉริยะประเทศไทย",
            "ແຂວງວຽງຈັນ",
            "中国信息通信研究院",
        ]
        assert check(db).ok
    finally:
        db.close()


def test_downgrade_to_0011_folds_again(tmp_path: Path) -> None:
    path = unpack("0012_list_collation", tmp_path / "library.sqlite3")
    migrate.downgrade(path, "0011_list_sort_key")
    keys = _keys(path)
    assert keys["中国信息通信研究院"] == fold("中国信息通信研究院")
