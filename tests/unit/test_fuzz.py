"""Hostile input, generated: the importer takes random and mutated data files, the list
services take hostile filter text — never a crash other than InvalidDataFile (BadQuery for
an unknown sort), never a partial write, never a changed database on failure.

ROUNDTABLE_FUZZ_EXAMPLES=2000 runs longer campaigns than the normal suite's 60 per test."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from app.db.database import Database, open_database
from app.io.datafile import InvalidDataFile, read
from app.services.details import EntryDetails, NotFound
from app.services.entries import BadQuery, EntryLists
from app.services.importer import import_file
from app.services.kinds import KINDS
from tests.conftest import MINI, copy_db

FUZZ = settings(
    max_examples=int(os.environ.get("ROUNDTABLE_FUZZ_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Text a researcher (or an attacker) might paste anywhere.
NASTY = [
    "",
    " ",
    "x" * 5000,
    "\x00",
    "\x1b[2J\x07",
    "\r\n\t\v\f",
    "../../../etc/passwd",
    "..\\..\\boot.ini",
    "/absolute/path",
    "C:\\Windows\\system32",
    "'; DROP TABLE entity; --",
    '" OR "1"="1',
    "%",
    "_",
    "\\",
    "%%__\\\\",
    "---\nfoo: bar\n...",
    "- [ ] item\n# heading\n> quote",
    "key: value # comment",
    "!!python/object/apply:os.system ['echo hi']",
    "&anchor *alias",
    "{a: 1}",
    "yes",
    "null",
    "~",
    "[[wiki link]] **bold** <b>html</b>",
    "\u202eevil\u202c",  # right-to-left override
    "\u200f\u200e",  # RTL / LTR marks
    "\u200d\u200c\u200b\ufeff",  # zero-width joiner, non-joiner, space, BOM
    "陈刚",
    "ພາສາລາວ",
    "ភាសាខ្មែរ",
    "ภาษาไทย",
    "မြန်မာဘာသာ",
    "Tiếng Việt",
    "العربية",
    "עברית",
    "👩🏽‍🔬🇱🇦",
    "\ud7ff\ue000\U0010ffff",
]

hostile_text = st.one_of(st.sampled_from(NASTY), st.text(max_size=200), st.text(min_size=1000, max_size=3000))


def fingerprint(path: Path) -> str:
    """Everything the database holds, as text: equal fingerprints, equal contents."""
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return hashlib.sha256("\n".join(conn.iterdump()).encode()).hexdigest()
    finally:
        conn.close()


@pytest.fixture(scope="module")
def mini_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("fuzz-template")
    shutil.copytree(MINI.parent, folder / "mini")
    db = open_database(folder / "mini.sqlite3")
    import_file(db, read(folder / "mini" / "mini.yaml"))
    db.close()
    return folder / "mini.sqlite3"


@pytest.fixture
def fuzz_db(mini_template: Path, tmp_path: Path) -> Iterator[Database]:
    path = copy_db(mini_template, tmp_path / "fuzz.sqlite3")
    db = open_database(path)
    yield db
    db.close()


def attempt_import(db: Database, path: Path) -> bool:
    """Import `path`: True if it was imported. Fails the test on anything but InvalidDataFile,
    and on any change to the database when the import failed."""
    before = fingerprint(db.path)
    try:
        import_file(db, read(path))
    except InvalidDataFile as exc:
        assert exc.problems, "an InvalidDataFile must say what is wrong"
        assert str(exc)
        assert fingerprint(db.path) == before, "a failed import changed the database"
        return False
    conn = sqlite3.connect(db.path)
    try:
        assert [r[0] for r in conn.execute("PRAGMA integrity_check")] == ["ok"]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        conn.close()
    return True


@FUZZ
@given(data=st.binary(max_size=4000), suffix=st.sampled_from([".yaml", ".json", ".yml", ".txt"]))
def test_random_bytes_are_refused_cleanly(
    fuzz_db: Database, tmp_path: Path, data: bytes, suffix: str
) -> None:
    path = tmp_path / f"random{suffix}"
    path.write_bytes(data)
    assert not attempt_import(fuzz_db, path)


MINI_TEXT = MINI.read_text(encoding="utf-8")


@st.composite
def mutated_mini(draw: st.DrawFn) -> str:
    """The mini fixture with a few edits: hostile text dropped into values, lines deleted,
    duplicated or swapped, characters cut out."""
    lines = MINI_TEXT.splitlines()
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["value", "delete", "duplicate", "swap", "cut", "insert"]))
        line = lines[i]
        if action == "value" and ":" in line:
            key = line.split(":", 1)[0]
            value = draw(hostile_text)
            quoted = draw(st.booleans())
            lines[i] = f"{key}: " + (repr(value) if quoted else value)
        elif action == "delete":
            del lines[i]
        elif action == "duplicate":
            lines.insert(i, line)
        elif action == "swap" and i + 1 < len(lines):
            lines[i], lines[i + 1] = lines[i + 1], lines[i]
        elif action == "cut" and line:
            a = draw(st.integers(0, len(line) - 1))
            b = draw(st.integers(a, len(line)))
            lines[i] = line[:a] + line[b:]
        elif action == "insert":
            lines.insert(i, draw(hostile_text))
        if not lines:
            lines = [""]
    return "\n".join(lines) + "\n"


@FUZZ
@given(text=mutated_mini())
def test_mutated_data_files_import_whole_or_not_at_all(fuzz_db: Database, tmp_path: Path, text: str) -> None:
    folder = tmp_path / "data"
    if not folder.exists():
        shutil.copytree(MINI.parent, folder)
    path = folder / "mutated.yaml"
    try:
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
    except UnicodeEncodeError:
        assume(False)
    attempt_import(fuzz_db, path)


@FUZZ
@given(
    slug=hostile_text,
    name=hostile_text,
    summary=hostile_text,
    note=hostile_text,
)
def test_hostile_values_in_a_valid_file_round_trip(
    fuzz_db: Database, tmp_path: Path, slug: str, name: str, summary: str, note: str
) -> None:
    import yaml

    data = {
        "format": "roundtable",
        "version": 1,
        "people": [{"slug": slug, "name": name, "summary": summary}],
        "notes": [{"entry": slug, "body": note}],
    }
    path = tmp_path / "hostile.yaml"
    try:
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    except UnicodeEncodeError:
        assume(False)
    conn = fuzz_db.read()
    earlier = conn.execute("SELECT name FROM entity WHERE slug = ?", (slug,)).fetchone()
    if attempt_import(fuzz_db, path):
        stored = conn.execute("SELECT name, summary FROM entity WHERE slug = ?", (slug,)).fetchone()
        if earlier is not None:
            # The database is shared by the examples: an earlier one made this slug, and
            # importing it again under another name reports a conflict and changes nothing.
            assert stored is not None and stored[0] == earlier[0]
        else:
            assert (stored is not None and stored[0].strip() == name.strip()) or stored[0] == name


@FUZZ
@given(
    kind=st.sampled_from([k.key for k in KINDS]),
    text=hostile_text,
    sort=st.one_of(st.sampled_from(["name", "title", "country", "iso", "status"]), hostile_text),
    descending=st.booleans(),
    offset=st.integers(-5, 10_000),
    limit=st.integers(-5, 10_000),
    trash=st.booleans(),
)
def test_list_services_take_hostile_filters(
    fuzz_db: Database, kind: str, text: str, sort: str, descending: bool, offset: int, limit: int, trash: bool
) -> None:
    before = fingerprint(fuzz_db.path)
    lists = EntryLists(fuzz_db)
    try:
        page = lists.page(
            kind, text=text, sort=sort, descending=descending, offset=offset, limit=limit, trash=trash
        )
    except BadQuery as exc:
        assert repr(sort) in str(exc)
    else:
        total = lists.count(kind, text, trash=trash)
        assert len(page.rows) <= max(total, 0)
        if text.strip() and not trash:
            # a filter finds only what contains it (names, aliases, slugs or shown columns)
            for row in page.rows:
                assert row.slug
    assert fingerprint(fuzz_db.path) == before  # reading never writes


@FUZZ
@given(slug=hostile_text)
def test_details_take_hostile_slugs(fuzz_db: Database, slug: str) -> None:
    try:
        detail = EntryDetails(fuzz_db).get(slug)
    except NotFound:
        return
    assert detail.ref.slug == slug


def test_sql_looking_filters_are_text(fuzz_db: Database) -> None:
    lists = EntryLists(fuzz_db)
    everyone = lists.count("person")
    assert everyone > 0
    assert lists.count("person", "' OR 1=1 --") == 0
    assert lists.count("person", "%") == 0  # a literal percent sign, not a wildcard
    assert lists.count("person", "_") == 0
    assert lists.count("person", "Alpha") == 1
    assert lists.count("person", "阿尔法") == 1  # an alias in another script


@pytest.mark.parametrize(
    "where", ["../mini.yaml", "/etc/passwd", "art\x00icle.txt", "..\\..\\boot.ini", "a/../../b.txt", ""]
)
def test_archived_text_paths_stay_inside_the_data_folder(
    fuzz_db: Database, tmp_path: Path, where: str
) -> None:
    folder = tmp_path / "data"
    shutil.copytree(MINI.parent, folder)
    path = folder / "escape.yaml"
    text = MINI_TEXT.replace("archived_text_file: article.txt", f"archived_text_file: {where!r}")
    path.write_text(text, encoding="utf-8")
    assert not attempt_import(fuzz_db, path)
