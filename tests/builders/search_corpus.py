"""A generated multilingual corpus for search tests and benchmarks.

Words are built from the syllable structure of each script (consonant, vowel signs, tone marks,
finals; Khmer subscripts; Burmese medials; Vietnamese tones on the vowel, precomposed or
decomposed), so the text carries the combining marks real text does. Deterministic for a seed.
"""

from __future__ import annotations

import random
import sqlite3
import unicodedata
from collections.abc import Callable, Sequence

SCRIPTS = ("zh", "th", "lo", "km", "my", "vi", "en")

_HANZI = (
    "的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家"
    "学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见"
    "经头面公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话"
    "陈刚东盟人工智能合作中心广西南宁部长数字经济越泰老挝柬埔寨缅甸马来印尼菲律宾新加坡文莱剛陳"
)
_TH_CONS = "กขคฆงจฉชซญดตถทธนบปผพฟภมยรลวศษสหอฮ"
_TH_LEAD = ("", "", "", "เ", "แ", "โ", "ไ")
_TH_UPPER = ("", "", "ิ", "ี", "ึ", "ื", "ุ", "ู", "ั")
_TH_TONE = ("", "", "่", "้", "๊", "๋")
_TH_FOLLOW = ("", "", "า", "ะ", "ำ")
_TH_FINAL = ("", "", "น", "ม", "ง", "ก", "ด", "บ", "ย", "ว")
_LO_CONS = "ກຂຄງຈສຊຍດຕຖທນບປຜຝພຟມຢຣລວຫອຮ"
_LO_LEAD = ("", "", "ເ", "ແ", "ໂ", "ໄ")
_LO_UPPER = ("", "", "ິ", "ີ", "ຶ", "ື", "ຸ", "ູ", "ັ")
_LO_TONE = ("", "", "່", "້", "໊", "໋")
_LO_FOLLOW = ("", "", "າ", "ະ", "ຳ")
_LO_FINAL = ("", "", "ນ", "ມ", "ງ", "ກ", "ດ", "ບ", "ຍ", "ວ")
_KM_CONS = "កខគឃងចឆជឈញដឋឌឍណតថទធនបផពភមយរលវសហឡអ"
_KM_VOWEL = ("", "ា", "ិ", "ី", "ឹ", "ឺ", "ុ", "ូ", "ួ", "ើ", "ឿ", "ៀ", "េ", "ែ", "ៃ", "ោ", "ៅ")
_KM_SIGN = ("", "", "", "ំ", "ះ", "់")
_MY_CONS = "ကခဂဃငစဆဇဈညဋဌဍဎဏတထဒဓနပဖဗဘမယရလဝသဟဠအ"
_MY_MEDIAL = ("", "", "", "ျ", "ြ", "ွ", "ှ")
_MY_VOWEL = ("", "ါ", "ာ", "ိ", "ီ", "ု", "ူ", "ေ", "ဲ")
_MY_END = ("", "", "်", "့", "း", "င်", "န်")
_VI_ONSET = (
    "",
    "b",
    "c",
    "ch",
    "d",
    "đ",
    "g",
    "gi",
    "h",
    "kh",
    "l",
    "m",
    "n",
    "ng",
    "nh",
    "ph",
    "qu",
    "s",
    "t",
    "th",
    "tr",
    "v",
    "x",
)
_VI_VOWEL = ("a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "uô", "ươ", "ia")
_VI_TONE = ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323")
_VI_CODA = ("", "", "c", "ch", "m", "n", "ng", "nh", "p", "t", "i", "o", "u")
_EN = [
    "the",
    "of",
    "and",
    "to",
    "in",
    "a",
    "is",
    "that",
    "for",
    "it",
    "as",
    "was",
    "with",
    "be",
    "by",
    "on",
    "not",
    "he",
    "this",
    "are",
    "or",
    "his",
    "from",
    "at",
    "which",
    "but",
    "have",
    "an",
    "they",
    "you",
    "were",
    "her",
    "she",
    "there",
    "been",
    "one",
    "all",
    "we",
    "their",
    "has",
    "would",
    "when",
    "if",
    "so",
    "no",
    "what",
    "up",
    "out",
    "who",
    "them",
    "some",
    "could",
    "into",
    "its",
    "then",
    "two",
    "more",
    "these",
    "want",
    "way",
    "look",
    "first",
    "also",
    "new",
    "because",
    "day",
    "use",
    "man",
    "find",
    "here",
    "thing",
    "give",
    "many",
    "well",
    "only",
    "those",
    "tell",
    "very",
    "even",
    "back",
    "any",
    "good",
    "woman",
    "through",
    "ministry",
    "digital",
    "economy",
    "artificial",
    "intelligence",
    "cooperation",
    "roundtable",
    "ASEAN",
    "China",
    "Laos",
    "Vientiane",
    "Nanning",
    "Guangxi",
    "minister",
    "deputy",
    "official",
    "initiative",
    "center",
    "governance",
    "policy",
    "ethics",
    "talent",
    "data",
    "innovation",
    "regional",
    "summit",
    "expo",
    "partnership",
    "framework",
    "strategy",
]


def _zh(rng: random.Random) -> str:
    return "".join(rng.choice(_HANZI) for _ in range(rng.randint(1, 4)))


def _syllables(rng: random.Random, parts: tuple[Sequence[str], ...]) -> str:
    """One to three syllables, each one choice from every part in turn."""
    return "".join("".join(rng.choice(p) for p in parts) for _ in range(rng.randint(1, 3)))


def _th(rng: random.Random) -> str:
    return _syllables(rng, (_TH_LEAD, _TH_CONS, _TH_UPPER, _TH_TONE, _TH_FOLLOW, _TH_FINAL))


def _lo(rng: random.Random) -> str:
    return _syllables(rng, (_LO_LEAD, _LO_CONS, _LO_UPPER, _LO_TONE, _LO_FOLLOW, _LO_FINAL))


def _km(rng: random.Random) -> str:
    out = []
    for _ in range(rng.randint(1, 3)):
        syl = rng.choice(_KM_CONS)
        if rng.random() < 0.3:
            syl += "្" + rng.choice(_KM_CONS)  # a subscript consonant
        out.append(syl + rng.choice(_KM_VOWEL) + rng.choice(_KM_SIGN))
    return "".join(out)


def _my(rng: random.Random) -> str:
    return _syllables(rng, (_MY_CONS, _MY_MEDIAL, _MY_VOWEL, _MY_END))


def _vi(rng: random.Random) -> str:
    vowel = rng.choice(_VI_VOWEL)
    word = rng.choice(_VI_ONSET) + vowel[0] + rng.choice(_VI_TONE) + vowel[1:] + rng.choice(_VI_CODA)
    if rng.random() < 0.3:
        word = word.capitalize()
    # Most text arrives precomposed (NFC); some decomposed (NFD), as macOS file names do.
    return unicodedata.normalize("NFD" if rng.random() < 0.2 else "NFC", word)


def _en(rng: random.Random) -> str:
    word = rng.choice(_EN)
    return word.capitalize() if rng.random() < 0.15 else word


WORD: dict[str, Callable[[random.Random], str]] = {
    "zh": _zh,
    "th": _th,
    "lo": _lo,
    "km": _km,
    "my": _my,
    "vi": _vi,
    "en": _en,
}
# Scripts written without spaces between words.
_UNSPACED = {"zh", "th", "lo", "km", "my"}


def phrase(rng: random.Random, script: str, words: int) -> str:
    made = [WORD[script](rng) for _ in range(words)]
    if script in _UNSPACED:
        # Phrases run together; sentences are separated by a space (Thai, Lao, Khmer) or
        # punctuation (Chinese); Khmer often carries zero-width spaces between words.
        sep = "\u200b" if script == "km" and rng.random() < 0.5 else ""
        return sep.join(made)
    return " ".join(made)


def text(rng: random.Random, words: int, *, mixed: bool = True) -> str:
    """A paragraph of about `words` words, mostly in one script with others mixed in."""
    main = rng.choice(SCRIPTS)
    parts = []
    left = words
    while left > 0:
        n = min(left, rng.randint(2, 8))
        script = rng.choice(SCRIPTS) if mixed and rng.random() < 0.25 else main
        parts.append(phrase(rng, script, n))
        left -= n
    sep = rng.choice((" ", ", ", ". ", "\n", " — ", "。"))
    return sep.join(parts)


def name(rng: random.Random, script: str | None = None) -> str:
    return phrase(rng, script or rng.choice(SCRIPTS), rng.randint(1, 3)).strip() or "x"


def populate(conn: sqlite3.Connection, *, entries: int, notes: int, seed: int = 0) -> None:
    """Fill a Roundtable database with generated entries (with aliases, facts, statements,
    citations) and notes, through plain SQL in one transaction: the index triggers do the rest.

    `conn` must come from app.db.connection (the triggers need its fold function).
    """
    rng = random.Random(seed)
    kinds = ("person", "country", "organization", "initiative", "event", "source")
    conn.execute("BEGIN")
    base = int(conn.execute("SELECT coalesce(max(id), 0) FROM entity").fetchone()[0])
    sources: list[int] = []
    ids: list[int] = []
    for n in range(entries):
        kind = kinds[n % len(kinds)]
        slug = f"gen-{seed}-{base + n}"
        cur = conn.execute(
            "INSERT INTO entity (uid, kind, slug, name, summary, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, 't', 't')",
            (f"{seed}-{base + n}", kind, slug, name(rng), text(rng, rng.randint(0, 30))),
        )
        eid = int(cur.lastrowid or 0)
        ids.append(eid)
        if kind == "country":
            conn.execute(
                "INSERT INTO country (id, iso_alpha2, official_name, capital) VALUES (?, ?, ?, ?)",
                (eid, f"{seed}:{base + n}", name(rng), name(rng)),
            )
        elif kind == "source":
            conn.execute(
                "INSERT INTO source (id, url, archived_text) VALUES (?, ?, ?)",
                (eid, f"https://example{n % 7}.org/{n}", text(rng, rng.randint(50, 400))),
            )
            sources.append(eid)
        elif kind == "organization":
            conn.execute(
                "INSERT INTO organization (id, abbreviation) VALUES (?, ?)", (eid, name(rng, "en").upper())
            )
        elif kind == "event":
            conn.execute("INSERT INTO event (id, place) VALUES (?, ?)", (eid, name(rng)))
        else:
            conn.execute(f"INSERT INTO {kind} (id) VALUES (?)", (eid,))
        for _ in range(rng.randint(0, 3)):
            conn.execute(
                "INSERT INTO alias (entity_id, value) VALUES (?, ?)", (eid, name(rng, rng.choice(SCRIPTS)))
            )
        for pos in range(rng.randint(0, 2)):
            fact = conn.execute(
                "INSERT INTO fact (entity_id, position, text) VALUES (?, ?, ?)",
                (eid, pos, text(rng, rng.randint(5, 40))),
            ).lastrowid
            if sources:
                conn.execute(
                    "INSERT INTO citation (source_id, fact_id, quote, reliability) VALUES (?, ?, ?, 'medium')",
                    (rng.choice(sources), fact, text(rng, rng.randint(5, 30))),
                )
        if kind == "person" and rng.random() < 0.5:
            conn.execute(
                "INSERT INTO role (person_id, title) VALUES (?, ?)", (eid, text(rng, rng.randint(2, 8)))
            )
            conn.execute(
                "INSERT INTO statement (speaker_id, text, kind) VALUES (?, ?, 'reported')",
                (eid, text(rng, rng.randint(10, 60))),
            )
    note_base = int(conn.execute("SELECT coalesce(max(id), 0) FROM note").fetchone()[0])
    for n in range(notes):
        entity = rng.choice(ids) if ids and rng.random() < 0.5 else None
        conn.execute(
            "INSERT INTO note (uid, entity_id, title, body, created_at, updated_at) VALUES (?, ?, ?, ?, 't', 't')",
            (f"note-{seed}-{note_base + n}", entity, name(rng), text(rng, rng.randint(20, 150))),
        )
    conn.execute("COMMIT")
