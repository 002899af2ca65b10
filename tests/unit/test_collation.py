"""Names sort as a reader of their script expects (issue #19): Latin with accents beside their
letter, Chinese by pinyin after Latin with tone and character breaking ties, Thai and Lao by
the consonant after a leading vowel, tone marks only breaking ties; the lists, their check
and the Trash all use that key, and pypinyin is imported only for a name with Han in it."""

from __future__ import annotations

import random
import subprocess
import sys

from app.db import list_index
from app.db.collation import sort_key
from app.db.database import Database
from app.db.folding import fold
from app.services.entries import EntryLists

LATIN = ["apple Tan", "Dang Anh", "Đặng Văn Minh", "Étienne Bui", "Œuvre Lim", "Ørsted Hansen", "Zhao Lei"]
# In pinyin order: a, chen, chen gang, cheng, li, li ming (黎, li2), li qiang (李, li3), wang yi,
# zhong guo yin hang (银行 read as a phrase: hang, not xing).
CHINESE = ["阿", "陈", "陈刚", "程", "李", "黎明", "李强", "王毅", "中国银行"]
# เ before ช, but เชียงใหม่ sorts under ช: after ชลบุรี (ช + ล) and before ซ; แม่ under ม,
# after มา; Lao ເຊກອງ under ຊ after ຊາ and before ວ; ໂພນ under ພ.
THAI = ["กา", "ก่า", "กาก", "ชลบุรี", "เชียงใหม่", "ซอย", "มา", "แม่", "ใหม่"]
LAO = ["ຂາ", "ແຂວງ", "ຊາ", "ເຊກອງ", "ພາ", "ໂພນ", "ວຽງຈັນ"]


def test_each_script_sorts_as_its_readers_expect() -> None:
    corpus = LATIN + CHINESE + THAI + LAO
    shuffled = corpus[:]
    random.Random(19).shuffle(shuffled)
    ordered = sorted(shuffled, key=sort_key)
    assert ordered[: len(LATIN)] == LATIN
    assert [n for n in ordered if n in CHINESE] == CHINESE
    assert [n for n in ordered if n in THAI] == THAI
    assert [n for n in ordered if n in LAO] == LAO
    assert ordered.index("中国银行") == len(ordered) - 1  # Han after Latin, Thai and Lao


def test_names_that_read_alike_have_an_order_of_their_own() -> None:
    # chen2 陈 and chen2 晨 read alike: the character decides; 李 li3 after 黎 li2 by tone.
    keys = {name: sort_key(name) for name in ("晨", "陈", "李", "黎", "厉")}
    assert len(set(keys.values())) == len(keys)  # a total order: no two names tie
    assert sorted(keys, key=keys.__getitem__) == ["晨", "陈", "黎", "李", "厉"]
    assert sort_key("陈刚") < sort_key("陈刚强") < sort_key("程")


def test_other_scripts_keep_the_fold() -> None:
    for name in ("Boviengkham Vongdara", "Ørsted", "ញ្ញ", "Ελλάδα", "Россия", "ＮＤＲＣ", "", None):
        assert sort_key(name) == fold(name)


def test_pypinyin_waits_for_a_name_in_han() -> None:
    code = (
        "import sys\n"
        "from app.db.collation import sort_key\n"
        "sort_key('Đặng'); sort_key('เชียงใหม่'); sort_key('ເຊກອງ')\n"
        "assert 'pypinyin' not in sys.modules\n"
        "sort_key('陈刚')\n"
        "assert 'pypinyin' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def _add(db: Database, names: list[str]) -> None:
    conn = db.connect()
    for n, name in enumerate(names):
        cur = conn.execute(
            "INSERT INTO entity (uid, kind, slug, name, created_at, updated_at) VALUES (?, 'person', ?, ?, 't', 't')",
            (f"coll-{n}", f"coll-{n}", name),
        )
        conn.execute("INSERT INTO person (id) VALUES (?)", (cur.lastrowid,))


def test_the_lists_the_check_and_the_trash_sort_by_it(empty_db: Database) -> None:
    names = CHINESE + THAI[-3:] + LATIN[:2]
    shuffled = names[:]
    random.Random(7).shuffle(shuffled)
    _add(empty_db, shuffled)
    expected = sorted(names, key=sort_key)
    assert expected[:2] == LATIN[:2] and expected[-1] == "中国银行"
    lists = EntryLists(empty_db)
    shown = [r.values[0] for r in lists.page("person", limit=1000).rows]
    assert shown == expected
    assert [r.values[0] for r in lists.page("person", limit=1000, descending=True).rows] == expected[::-1]
    conn = empty_db.connect()
    assert list_index.problems(conn) == []
    renamed = next(r.slug for r in lists.page("person", limit=1000).rows if r.values[0] == "王毅")
    conn.execute("UPDATE entity SET name = '阿刚' WHERE slug = ?", (renamed,))  # a rename keys again
    shown = [r.values[0] for r in lists.page("person", limit=1000).rows]
    assert shown[shown.index("阿") + 1] == "阿刚"
    assert list_index.problems(conn) == []
    conn.execute("UPDATE entity SET deleted_at = 't'")
    trash = [r.values[0] for r in lists.page("trash", sort="name", limit=1000).rows]
    assert trash == sorted(trash, key=sort_key) and trash[-1] == "中国银行"


def test_importing_it_compiles_no_regular_expression() -> None:
    # Compiling them (Han's ranges) took about 10 ms of every start, which sorts no such name.
    code = (
        "import re\n"
        "import app.db.folding\n"
        "compiled = len(re._cache)\n"
        "from app.db.collation import sort_key\n"
        "assert len(re._cache) == compiled, 'compiled at import'\n"
        "assert sort_key('Ørsted') == app.db.folding.fold('Ørsted')\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
