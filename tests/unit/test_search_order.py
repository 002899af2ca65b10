"""The order of search results (the rule Help ▸ Search syntax states): the name that is the
query first; then names where the query is a whole word or starts a word, then other text where
it is; matches inside a word ("ai" in Thailand) last. Kinds follow their best hit, so a kind's
place never outranks a better match of another kind. Tested on a generated library in several
scripts, with more inside-word matches than a kind's bounded candidate set holds."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest

from app.db.database import Database, open_database
from app.db.folding import fold
from app.services.search import INSIDE, WHOLE_WORD, WORD_START, Results, Search, placement
from app.services.search_syntax import RANKING_HELP
from tests.builders.search_corpus import populate

# More names holding "ai" inside a word than one read of a kind takes (per_kind * 2 + 4).
_INSIDE_AI = 60


def _entry(conn: sqlite3.Connection, kind: str, name: str, *, fact: str | None = None) -> int:
    n = int(conn.execute("SELECT coalesce(max(id), 0) + 1 FROM entity").fetchone()[0])
    eid = int(
        conn.execute(
            "INSERT INTO entity (uid, kind, slug, name, created_at, updated_at) VALUES (?, ?, ?, ?, 't', 't')",
            (f"order-{n}", kind, f"order-{n}", name),
        ).lastrowid
        or 0
    )
    if kind == "country":
        conn.execute("INSERT INTO country (id, iso_alpha2) VALUES (?, ?)", (eid, f"o{n}"))
    else:
        conn.execute(f"INSERT INTO {kind} (id) VALUES (?)", (eid,))
    if fact:
        conn.execute("INSERT INTO fact (entity_id, position, text) VALUES (?, 0, ?)", (eid, fact))
    return eid


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    db = open_database(tmp_path_factory.mktemp("order") / "order.sqlite3")
    conn = db.connect()
    populate(conn, entries=300, notes=60, seed=19)  # background in every script
    conn.execute("BEGIN")
    # Inside-word matches come first in id order, as in a long-grown library.
    _entry(conn, "country", "Thailand")
    for n in range(_INSIDE_AI):
        _entry(conn, "initiative", f"Mainland Shanghai corridor {n}")
    _entry(conn, "initiative", "Regional AI Hub")
    _entry(conn, "initiative", "AI Governance Compact")
    _entry(conn, "initiative", "AIDA programme")
    _entry(conn, "person", "Somchai Wongsawat", fact="Speaks often on AI ethics.")
    # Chinese, Thai and Lao: a match in the middle of a name counts as a word there.
    _entry(conn, "initiative", "中国—东盟人工智能合作中心")
    _entry(conn, "person", "Zhou Wei", fact="他多次访问东盟")
    _entry(conn, "initiative", "ความร่วมมือไทยลาวดิจิทัล")
    _entry(conn, "person", "Anan Sukjai", fact="เดินทางไป ลาว บ่อย")
    _entry(conn, "initiative", "ໂຄງການສປປລາວດິຈິຕອນ")
    _entry(conn, "person", "Khamla Phommachanh", fact="ເວົ້າເລື່ອງ ສປປ ບ່ອຍ")
    conn.execute("COMMIT")
    conn.close()
    yield db
    db.close()


def _run(db: Database, text: str) -> Results:
    return Search(db.read()).run(text)


def test_word_starts_come_before_matches_inside_a_word_however_many(library: Database) -> None:
    results = _run(library, "AI")
    first = results.groups[0]
    assert first.kind == "initiative"
    titles = [h.title for h in first.hits]
    ours = ["AI Governance Compact", "Regional AI Hub", "AIDA programme"]
    # Whole words before a word start; the generated names may hold "ai" as a word too (ẩi).
    assert [t for t in titles if t in ours] == ours
    inside = [n for n, t in enumerate(titles) if t.startswith("Mainland")]
    assert inside and min(inside) > titles.index("AIDA programme")
    qualities = [placement(fold(h.title), "ai")[0] for h in first.hits]
    assert qualities == sorted(qualities)
    assert first.more


def test_a_kind_never_outranks_a_better_match_of_another_kind(library: Database) -> None:
    kinds = [g.kind for g in _run(library, "AI").groups]
    # The official whose fact says "AI" comes before Thailand's "ai" inside a word, although
    # countries come before initiatives, and officials before both, in the kinds' own order.
    assert kinds.index("initiative") < kinds.index("person") < kinds.index("country")


@pytest.mark.parametrize(
    ("query", "name", "fact_of"),
    [
        ("东盟", "中国—东盟人工智能合作中心", "Zhou Wei"),
        ("ลาว", "ความร่วมมือไทยลาวดิจิทัล", "Anan Sukjai"),
        ("ສປປ", "ໂຄງການສປປລາວດິຈິຕອນ", "Khamla Phommachanh"),
    ],
)
def test_in_unspaced_scripts_a_match_within_a_name_is_a_word(
    library: Database, query: str, name: str, fact_of: str
) -> None:
    results = _run(library, query)
    kinds = [g.kind for g in results.groups]
    titles = [h.title for h in results.hits]
    assert name in titles and fact_of in titles
    # The initiative's name beats the official's fact, though officials come first by kind.
    assert kinds.index("initiative") < kinds.index("person")


@pytest.mark.parametrize(
    ("text", "term", "expected"),
    [
        ("ai governance", "ai", (WHOLE_WORD, 0)),
        ("regional ai hub", "ai", (WHOLE_WORD, 9)),
        ("aida programme", "ai", (WORD_START, 0)),
        ("thailand", "ai", (INSIDE, 2)),
        ("thailand (ai)", "ai", (WHOLE_WORD, 10)),  # the best place, not the first
        ("đà nẵng", "nang", (INSIDE, -1)),  # folded text only: no match
        ("中国东盟", "东盟", (WHOLE_WORD, 2)),
        ("ประเทศลาว", "ลาว", (WHOLE_WORD, 6)),
        ("ສປປລາວ", "ລາວ", (WHOLE_WORD, 3)),
    ],
)
def test_placement(text: str, term: str, expected: tuple[int, int]) -> None:
    assert placement(text, term) == expected


def test_the_rule_is_stated_for_the_user() -> None:
    assert "inside a word" in RANKING_HELP and "Chinese" in RANKING_HELP
