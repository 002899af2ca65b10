"""Synthetic test databases of any size, for benchmarks and scale tests. Never shipped.

    python -m benchmarks.generate OUT.sqlite3 --people 100000 --initiatives 100000 \
        --notes 100000 --seed 1

Every entry is made up and says so ("Synthetic ..." names for sources, countries and
organizations; "Synthetic test entry" summaries). The same arguments always give the same
database: every choice comes from one seeded random generator, timestamps included. A tenth
of the names and notes are in Chinese, Thai, Lao or Khmer, built from a fixed word list per
script, so list, filter and render paths meet text without spaces between words.

Every tenth note carries the tag `synthetic/sample` (SAMPLE_TAG), so a benchmark can export
a tenth of the notes through the app's own tag filter.

The file is created through the normal open_database path (same schema and migrations as the
app), then filled with sqlite3 executemany in one transaction: the ORM would take minutes.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from app.db import list_index, search_index
from app.db.connection import connect
from app.db.database import open_database
from app.services.slugs import slugify

_T = TypeVar("_T")

# Fixed word lists; their combinations are meaningless on purpose.
WORDS: dict[str, tuple[str, ...]] = {
    "Hans": (
        "人工智能",
        "合作",
        "部长",
        "会议",
        "发展",
        "技术",
        "数字",
        "经济",
        "创新",
        "东盟",
        "论坛",
        "政策",
        "安全",
        "教育",
        "研究",
        "中心",
        "网络",
        "数据",
        "平台",
        "人才",
    ),
    "Thai": (
        "ปัญญาประดิษฐ์",
        "ความร่วมมือ",
        "รัฐมนตรี",
        "การประชุม",
        "การพัฒนา",
        "เทคโนโลยี",
        "ดิจิทัล",
        "เศรษฐกิจ",
        "นวัตกรรม",
        "อาเซียน",
        "นโยบาย",
        "ความปลอดภัย",
        "การศึกษา",
        "การวิจัย",
        "ศูนย์",
        "เครือข่าย",
        "ข้อมูล",
        "แพลตฟอร์ม",
    ),
    "Laoo": (
        "ປັນຍາປະດິດ",
        "ການຮ່ວມມື",
        "ລັດຖະມົນຕີ",
        "ກອງປະຊຸມ",
        "ການພັດທະນາ",
        "ເຕັກໂນໂລຊີ",
        "ດິຈິຕອນ",
        "ເສດຖະກິດ",
        "ນະວັດຕະກຳ",
        "ອາຊຽນ",
        "ນະໂຍບາຍ",
        "ຂໍ້ມູນ",
        "ສູນ",
        "ການສຶກສາ",
    ),
    "Khmr": (
        "បញ្ញាសិប្បនិម្មិត",
        "កិច្ចសហប្រតិបត្តិការ",
        "រដ្ឋមន្ត្រី",
        "កិច្ចប្រជុំ",
        "ការអភិវឌ្ឍ",
        "បច្ចេកវិទ្យា",
        "ឌីជីថល",
        "សេដ្ឋកិច្ច",
        "នវានុវត្តន៍",
        "អាស៊ាន",
        "គោលនយោបាយ",
        "ទិន្នន័យ",
        "មជ្ឈមណ្ឌល",
    ),
    "Latn": (
        "artificial",
        "intelligence",
        "cooperation",
        "ministerial",
        "roundtable",
        "digital",
        "economy",
        "innovation",
        "capacity",
        "building",
        "policy",
        "framework",
        "security",
        "education",
        "research",
        "centre",
        "network",
        "data",
        "platform",
        "talent",
        "exchange",
        "governance",
        "infrastructure",
        "computing",
        "pilot",
        "joint",
        "regional",
        "standards",
    ),
}
LANGUAGE = {"Hans": "zh-Hans", "Thai": "th", "Laoo": "lo", "Khmr": "km", "Latn": "en"}
OTHER_SCRIPTS = ("Hans", "Thai", "Laoo", "Khmr")
# Person names: Chinese family + given names; Thai, Lao and Khmer given + family names.
NAME_PARTS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "Hans": (
        ("王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周"),
        ("伟", "芳", "敏", "静", "强", "磊", "军", "洋", "明", "华"),
    ),
    "Thai": (("สมชาย", "สมศักดิ์", "วิชัย", "สุดา", "มาลี", "ประเสริฐ"), ("ใจดี", "รักไทย", "ศรีสุข", "บุญมา", "ทองดี")),
    "Laoo": (("ສົມພອນ", "ບຸນມີ", "ຄຳພັນ", "ວິໄລ", "ສີສະຫວາດ"), ("ພົມມະຈັນ", "ສຸວັນນະ", "ແກ້ວມະນີ", "ວົງສາ")),
    "Khmr": (("សុខា", "វណ្ណា", "ចាន់ធា", "សុភា", "ដារ៉ា"), ("សុខ", "ចាន់", "ហេង", "លី", "គឹម")),
    "Latn": (
        (
            "Anan",
            "Bao",
            "Chanthy",
            "Dara",
            "Ela",
            "Farid",
            "Giang",
            "Hana",
            "Indra",
            "Jun",
            "Kiet",
            "Lina",
            "Mai",
            "Nuri",
            "Oun",
            "Phan",
            "Rasa",
            "Sok",
            "Tuan",
            "Wei",
        ),
        (
            "Arkarn",
            "Bounmy",
            "Chen",
            "Dinh",
            "Ekaphan",
            "Fong",
            "Gunawan",
            "Ho",
            "Ismail",
            "Jaya",
            "Keo",
            "Lim",
            "Meng",
            "Ng",
            "Oudom",
            "Pham",
            "Rahman",
            "Siri",
            "Tan",
            "Vong",
        ),
    ),
}
TITLES = (
    "Minister",
    "Vice Minister",
    "Deputy Director",
    "Director-General",
    "Secretary",
    "Ambassador",
    "Adviser",
    "Head of Division",
)
ORG_KINDS = ("ministry", "agency", "university", "company", "intergovernmental body", "research institute")
INITIATIVE_KINDS = ("centre", "programme", "platform", "agreement", "fund", "network")
STATUSES = ("announced", "proposed", "launched", "signed", "established")
PARTY_ROLES = ("lead", "developer", "party", "beneficiary", "proposer")
RELIABILITIES = ("high", "medium", "low", "unverified")
STAMP = "2026-01-01T00:00:00.000000+00:00"
SAMPLE_TAG = "synthetic/sample"
# Change this whenever the same arguments would give a different database: cached copies
# (benchmarks/dataset.py) are keyed by it.
GENERATOR_VERSION = 2


@dataclass(frozen=True)
class Generated:
    countries: int
    organizations: int
    events: int
    sources: int
    people: int
    initiatives: int
    notes: int


class _Random(random.Random):
    """choice and randint from one random() call each: several times faster than the
    standard ones (which draw bits until they fit), still fully determined by the seed."""

    def choice(self, seq: Sequence[_T]) -> _T:  # type: ignore[override]
        return seq[int(self.random() * len(seq))]

    def randint(self, a: int, b: int) -> int:
        return a + int(self.random() * (b - a + 1))


class _Gen:
    def __init__(self, seed: int) -> None:
        self.r = _Random(seed)
        self.next_id = 1

    def uid(self) -> str:
        return str(uuid.UUID(int=self.r.getrandbits(128), version=4))

    def take_ids(self, n: int) -> range:
        ids = range(self.next_id, self.next_id + n)
        self.next_id += n
        return ids

    def script(self) -> str:
        """Latin nine times in ten; otherwise one of the scripts written without spaces."""
        return self.r.choice(OTHER_SCRIPTS) if self.r.random() < 0.1 else "Latn"

    def words(self, script: str, n: int) -> str:
        chosen = self.r.choices(WORDS[script], k=n)
        # Chinese, Thai, Lao and Khmer run words together; a space marks a phrase at most.
        return " ".join(chosen) if script == "Latn" else "".join(chosen)

    def person_name(self, script: str) -> str:
        first, last = NAME_PARTS[script]
        if script == "Hans":
            return self.r.choice(first) + self.r.choice(last) + self.r.choice(last)
        return f"{self.r.choice(first)} {self.r.choice(last)}"

    def date(self, start_year: int = 2005, end_year: int = 2025) -> str:
        year = self.r.randint(start_year, end_year)
        precision = self.r.random()
        if precision < 0.15:
            return f"{year:04d}"
        month = self.r.randint(1, 12)
        if precision < 0.35:
            return f"{year:04d}-{month:02d}"
        return f"{year:04d}-{month:02d}-{self.r.randint(1, 28):02d}"

    def note_body(self, script: str) -> str:
        """About 1 KB of text in paragraphs (UTF-8 bytes, not characters)."""
        paragraphs: list[str] = []
        size = 0
        while size < 1000:
            sentence = self.words(script, self.r.randint(6, 14))
            text = (
                sentence[0].upper() + sentence[1:] + "."
                if script == "Latn"
                else sentence + "。" * (script == "Hans")
            )
            paragraphs.append(text)
            size += len(text.encode("utf-8")) + 2
        return "\n\n".join(paragraphs)


def _slug(name: str, fallback: str, n: int) -> str:
    return f"{slugify(name, fallback=fallback)}-{n}"


def _insert(
    conn: sqlite3.Connection, table: str, columns: Sequence[str], rows: Iterable[Sequence[object]]
) -> None:
    marks = ", ".join("?" * len(columns))
    conn.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)


_ENTITY = ("id", "uid", "kind", "slug", "name", "summary", "created_at", "updated_at")


def generate(
    path: Path,
    *,
    people: int,
    initiatives: int,
    notes: int,
    seed: int = 1,
    organizations: int | None = None,
    countries: int = 40,
) -> Generated:
    """Create `path` (which must not exist) and fill it; returns how many of each it holds."""
    if path.exists():
        raise FileExistsError(f"{path} exists; the generator only writes new files")
    if countries > 40:
        raise ValueError("at most 40 synthetic countries (ISO's private-use codes QM-QZ and XA-XZ)")
    open_database(path).close()
    g = _Gen(seed)
    n_orgs = organizations if organizations is not None else max(20, people // 50)
    n_events = max(10, initiatives // 100)
    n_sources = 200
    summary = "Synthetic test entry (benchmarks/generate.py); not real data."

    entities: list[tuple[object, ...]] = []
    codes = [f"Q{chr(c)}" for c in range(ord("M"), ord("Z") + 1)] + [
        f"X{chr(c)}" for c in range(ord("A"), ord("Z") + 1)
    ]
    country_ids = g.take_ids(countries)
    country_rows = []
    for n, cid in enumerate(country_ids, 1):
        name = f"Synthetic Country {n:02d}"
        entities.append((cid, g.uid(), "country", _slug(name, "country", cid), name, summary, STAMP, STAMP))
        country_rows.append(
            (
                cid,
                codes[n - 1],
                codes[n - 1] + "X",
                f"{900 + n:03d}",
                f"Synthetic Republic {n:02d}",
                f"Capital {n:02d}",
            )
        )

    source_ids = g.take_ids(n_sources)
    source_rows = []
    for n, sid in enumerate(source_ids, 1):
        name = f"Synthetic source {n}"
        entities.append((sid, g.uid(), "source", _slug(name, "source", sid), name, summary, STAMP, STAMP))
        source_rows.append(
            (
                sid,
                "news article",
                f"Synthetic Publisher {n % 17}",
                f"https://example.org/synthetic/{n}",
                g.date(2020),
                g.r.choice(RELIABILITIES),
            )
        )

    org_ids = g.take_ids(n_orgs)
    org_rows = []
    aliases: list[tuple[object, ...]] = []
    for n, oid in enumerate(org_ids, 1):
        script = g.script()
        name = f"Synthetic {g.words('Latn', 2).title()} Organization {n}"
        entities.append(
            (oid, g.uid(), "organization", _slug(name, "organization", oid), name, summary, STAMP, STAMP)
        )
        parent = org_ids[g.r.randrange(n - 1)] if n > 1 and g.r.random() < 0.3 else None
        org_rows.append((oid, f"SO{n}", g.r.choice(ORG_KINDS), g.r.choice(country_ids), parent))
        if script != "Latn":
            aliases.append((oid, g.words(script, 3), LANGUAGE[script], script, "name"))

    event_ids = g.take_ids(n_events)
    event_rows = []
    for n, eid in enumerate(event_ids, 1):
        name = f"Synthetic Forum {n}"
        start = f"{g.r.randint(2010, 2025):04d}-{g.r.randint(1, 12):02d}-{g.r.randint(1, 20):02d}"
        end = start[:8] + f"{int(start[8:]) + g.r.randint(0, 5):02d}"
        entities.append((eid, g.uid(), "event", _slug(name, "event", eid), name, summary, STAMP, STAMP))
        event_rows.append(
            (eid, "forum", start, end, f"Synthetic City {n % 23}", g.r.choice(country_ids), None)
        )

    person_ids = g.take_ids(people)
    person_rows = []
    roles: list[tuple[object, ...]] = []
    role_cites: list[tuple[object, ...]] = []
    entity_cites: list[tuple[object, ...]] = []
    role_id = 0
    for pid in person_ids:
        script = g.script()
        name = g.person_name(script)
        entities.append((pid, g.uid(), "person", _slug(name, "person", pid), name, summary, STAMP, STAMP))
        country = g.r.choice(country_ids)
        person_rows.append((pid, country))
        if script != "Latn":
            aliases.append((pid, g.person_name("Latn"), "en", "Latn", "variant"))
        for _ in range(g.r.randint(1, 3)):
            role_id += 1
            start = g.date(2005, 2022)
            role_end = g.date(int(start[:4]) + 1, 2025) if g.r.random() < 0.4 else None
            roles.append(
                (
                    role_id,
                    pid,
                    f"{g.r.choice(TITLES)} of {g.words('Latn', 2).title()}",
                    g.r.choice(org_ids),
                    country,
                    g.date(2023),
                    start,
                    role_end,
                )
            )
            role_cites.append(
                (
                    g.r.choice(source_ids),
                    role_id,
                    "Synthetic quote for a synthetic title.",
                    g.r.choice(RELIABILITIES),
                )
            )
        entity_cites.append((g.r.choice(source_ids), pid, None, g.r.choice(RELIABILITIES)))

    initiative_ids = g.take_ids(initiatives)
    initiative_rows = []
    parties: list[tuple[object, ...]] = []
    party_cites: list[tuple[object, ...]] = []
    party_id = 0
    for n, iid in enumerate(initiative_ids, 1):
        script = g.script()
        label = g.words(script, 3)
        name = f"{label.title()} Initiative {n}" if script == "Latn" else label
        entities.append(
            (iid, g.uid(), "initiative", _slug(name, "initiative", iid), name, summary, STAMP, STAMP)
        )
        initiative_rows.append(
            (iid, g.r.choice(INITIATIVE_KINDS), g.r.choice(STATUSES), g.r.choice(event_ids), g.date(2015))
        )
        members = g.r.sample(country_ids, 2) + ([g.r.choice(org_ids)] if g.r.random() < 0.5 else [])
        for member in members:
            party_id += 1
            parties.append((party_id, iid, member, g.r.choice(PARTY_ROLES)))
            party_cites.append((g.r.choice(source_ids), party_id, None, g.r.choice(RELIABILITIES)))
        entity_cites.append(
            (
                g.r.choice(source_ids),
                iid,
                "Synthetic quote for a synthetic initiative.",
                g.r.choice(RELIABILITIES),
            )
        )

    note_rows = []
    entry_range = (1, g.next_id - 1)
    for n in range(1, notes + 1):
        script = g.script()
        body = g.note_body(script)
        attached = g.r.randint(*entry_range) if g.r.random() < 0.8 else None
        title = f"Synthetic note {n}" if script == "Latn" else g.words(script, 2)
        note_rows.append((n, g.uid(), attached, title, body, STAMP, STAMP))

    conn = connect(path)  # the app's connection: it carries the search index's fold function
    try:
        # A new file that nobody reads yet: no journal, no fsync, a large cache for the index
        # updates, and foreign keys checked once at the end instead of on every row. The search
        # index and the lists' columns are built once at the end (their rebuilds put the
        # triggers back), which is many times faster than triggers firing for every row.
        for name in (*search_index.trigger_names(), *list_index.trigger_names()):
            conn.execute(f"DROP TRIGGER IF EXISTS {name}")
        conn.execute("PRAGMA journal_mode = OFF")
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute("PRAGMA cache_size = -262144")
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("BEGIN")
        _insert(conn, "entity", _ENTITY, entities)
        _insert(
            conn,
            "country",
            ("id", "iso_alpha2", "iso_alpha3", "iso_numeric", "official_name", "capital"),
            country_rows,
        )
        _insert(
            conn, "source", ("id", "source_kind", "publisher", "url", "published", "reliability"), source_rows
        )
        _insert(conn, "organization", ("id", "abbreviation", "org_kind", "country_id", "parent_id"), org_rows)
        _insert(
            conn,
            "event",
            ("id", "event_kind", "start_date", "end_date", "place", "country_id", "part_of_id"),
            event_rows,
        )
        _insert(conn, "person", ("id", "country_id"), person_rows)
        _insert(
            conn,
            "initiative",
            ("id", "initiative_kind", "status", "announced_at_id", "announced_on"),
            initiative_rows,
        )
        _insert(conn, "alias", ("entity_id", "value", "language", "script", "kind"), aliases)
        _insert(
            conn,
            "role",
            ("id", "person_id", "title", "organization_id", "country_id", "as_of", "start_date", "end_date"),
            roles,
        )
        _insert(conn, "initiative_party", ("id", "initiative_id", "entity_id", "role"), parties)
        _insert(conn, "citation", ("source_id", "role_id", "quote", "reliability"), role_cites)
        _insert(conn, "citation", ("source_id", "party_id", "quote", "reliability"), party_cites)
        _insert(conn, "citation", ("source_id", "entity_id", "quote", "reliability"), entity_cites)
        _insert(
            conn, "note", ("id", "uid", "entity_id", "title", "body", "created_at", "updated_at"), note_rows
        )
        if notes >= 10:
            conn.execute("INSERT INTO tag (id, name) VALUES (1, ?)", (SAMPLE_TAG,))
            _insert(conn, "note_tag", ("note_id", "tag_id"), ((n, 1) for n in range(10, notes + 1, 10)))
        broken = conn.execute("PRAGMA foreign_key_check").fetchone()
        if broken is not None:
            raise RuntimeError(f"generated rows break a foreign key: {broken}")
        conn.execute("COMMIT")
        search_index.rebuild(conn)
        list_index.rebuild(conn)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("ANALYZE")
    except BaseException:
        conn.close()
        path.unlink(missing_ok=True)  # no journal to roll back with: leave no half-made file
        raise
    finally:
        conn.close()
    return Generated(countries, n_orgs, n_events, n_sources, people, initiatives, notes)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.generate",
        description="Write a new synthetic Roundtable database for benchmarks and scale tests.",
    )
    parser.add_argument("out", metavar="OUT.sqlite3", type=Path, help="the file to create (must not exist)")
    parser.add_argument("--people", type=int, default=1000, metavar="N", help="officials (default 1000)")
    parser.add_argument(
        "--initiatives", type=int, default=1000, metavar="N", help="initiatives (default 1000)"
    )
    parser.add_argument(
        "--notes", type=int, default=1000, metavar="N", help="notes of about 1 KB (default 1000)"
    )
    parser.add_argument(
        "--organizations", type=int, default=None, metavar="N", help="default: people / 50, at least 20"
    )
    parser.add_argument(
        "--seed", type=int, default=1, metavar="S", help="same seed, same database (default 1)"
    )
    args = parser.parse_args(argv)
    if min(args.people, args.initiatives, args.notes) < 0:
        parser.error("counts must not be negative")
    try:
        made = generate(
            args.out,
            people=args.people,
            initiatives=args.initiatives,
            notes=args.notes,
            seed=args.seed,
            organizations=args.organizations,
        )
    except (FileExistsError, ValueError) as exc:
        print(f"generate: {exc}", file=sys.stderr)
        return 1
    print(
        f"{args.out}: {made.people} officials, {made.initiatives} initiatives, {made.notes} notes, "
        f"{made.organizations} organizations, {made.countries} countries, {made.events} events, "
        f"{made.sources} sources (synthetic)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
