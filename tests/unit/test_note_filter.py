"""The notes' text filter finds exactly the notes whose title, text or entry's name holds the
words once folded as search folds them (case, accents, width), in any script, whether it
gathers them through the search index (a word in few notes) or reads the notes in the list's
order (a word in many): compared here with a plain scan in Python of every note."""

from __future__ import annotations

import pytest

from app.db.database import Database
from app.db.folding import fold
from app.records.notes import NoteQuery
from app.services import note_lists
from app.services.note_lists import NoteLists
from app.services.notes import Notes

# (entry slug or None, title, body)
CORPUS = (
    ("laos", "Vientiane meeting", "Met the ministry about the Zebra crossing."),
    ("laos", "ລາຍງານ", "ບົວວຽງຄຳ ວົງດາລາ spoke about ດິຈິຕອນ plans."),
    (None, "Đặng Văn Thành", "Notes on Ørsted and the Café in Hà Nội."),
    (None, "合作协议", "中国与东盟的数字经济合作。"),
    ("alpha", "ความร่วมมือ", "การประชุมเรื่องความร่วมมือด้านดิจิทัล"),
    (None, "ＦＵＬＬ ｗｉｄｔｈ", "Москва и МОСКВА; Αθήνα and ΑΘΗΝΑ"),
    ("alpha", "plain", "cooperation cooperation"),
    (None, "", "Cooperation in the body only, ZEBRA too."),
    (None, "Trashed zebra", "in the trash: never listed"),
)
NEEDLES = (
    "zebra",
    "ZEBRA",
    "ministry",
    "dang",
    "ĐẶNG",
    "orsted",
    "cafe",
    "ha noi",
    "合作",
    "合",
    "东盟的",
    "ความร่วมมือ",
    "ร่วม",
    "ບົວວຽງ",
    "ດິ",
    "full",
    "ｗｉｄ",
    "москва",
    "ΑΘΉΝΑ",
    "αθηνα",
    "cooperation",
    "co",
    "o",
    "laos",  # an entry's name (Laos): its notes
    "alph",  # the entry Alpha
    "nothing like this",
    "%",
    "_",
    '"',
)


@pytest.fixture
def lists(mini_db: Database) -> NoteLists:
    notes = Notes(mini_db)
    entries = {
        slug: mini_db.read().execute("SELECT id FROM entity WHERE slug = ?", (slug,)).fetchone()[0]
        for slug in ("laos", "alpha")
    }
    for slug, title, body in CORPUS:
        doc = notes.create(entry_id=entries[slug] if slug else None, body=body, title=title)
        if title.startswith("Trashed"):
            notes.move_to_trash(doc.id)
    return NoteLists(mini_db)


def expected(db: Database, needle: str) -> set[int]:
    """Every live note whose folded title, text or entry's name holds the folded needle."""
    folded = fold(needle.strip())
    rows = db.read().execute(
        "SELECT n.id, n.title, n.body, e.name FROM note n LEFT JOIN entity e ON e.id = n.entity_id "
        "WHERE n.deleted_at IS NULL"
    )
    return {i for i, *texts in rows if any(folded in fold(t) for t in texts)}


@pytest.mark.parametrize(
    "rare", [note_lists.RARE, 1, 0], ids=["through the index", "at the index's limit", "in the list's order"]
)
def test_the_filter_finds_what_a_scan_of_the_folded_texts_finds(
    lists: NoteLists, mini_db: Database, rare: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(note_lists, "RARE", rare)
    for needle in NEEDLES:
        want = expected(mini_db, needle)
        for sort in ("updated", "title", "entry"):
            query = NoteQuery(text=needle, sort=sort)
            got = [row.id for row in lists.page(query, limit=1000)]
            assert sorted(got) == sorted(want), (needle, sort)
        assert lists.count(NoteQuery(text=needle)) == len(want), needle
    assert expected(mini_db, "zebra") and expected(mini_db, "合作") and expected(mini_db, "ร่วม")


def test_the_filter_keeps_to_its_other_limits(lists: NoteLists, mini_db: Database) -> None:
    laos = mini_db.read().execute("SELECT id FROM entity WHERE slug = 'laos'").fetchone()[0]
    on_laos = lists.page(NoteQuery(text="zebra", entry_id=laos))
    assert [r.title for r in on_laos] == ["Vientiane meeting"]
    assert [r.title for r in lists.page(NoteQuery(text="zebra", standalone=True))] == [
        "Cooperation in the body only, ZEBRA too."
    ]
    assert [r.title for r in lists.page(NoteQuery(text="zebra", trash=True, sort="deleted"))] == [
        "Trashed zebra"
    ]
