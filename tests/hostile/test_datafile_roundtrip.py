"""Data files a hostile tester would write, through import -> export --json -> import.

A valid generated library (tests/builders/strategies.py: every script of the region, notes with
revisions, citations) is damaged in a few places: text in any script with lone surrogates, very
long strings and numbers, nesting thousands deep, values of the wrong type, timestamps naive,
offset, impossible or out of range, dates that are no day of the calendar; as YAML, aliases and
a key written twice. The property: either the file is refused cleanly (InvalidDataFile, every
problem one short line naming its place, the library and its backups untouched), or it is
imported and survives export --json and a second import unchanged, its timestamps stored in
the one form Roundtable writes and its dates valid for the entry forms.

ROUNDTABLE_HOSTILE_EXAMPLES=500 runs a longer campaign than the suite's 30.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from app.dates import STORED_TIMESTAMP_PATTERN, check_date
from app.db.database import Database, open_database
from app.io.datafile import InvalidDataFile, read
from app.paths import backups_dir
from app.services.importer import import_file
from app.services.json_export import export_json
from tests.builders.canonical import canonical
from tests.builders.strategies import any_text, data_files
from tests.conftest import copy_db

HOSTILE = settings(
    max_examples=int(os.environ.get("ROUNDTABLE_HOSTILE_EXAMPLES", "30")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
)

# Stand-ins the writer swaps for what json and yaml will not write: an integer Python refuses
# to print (over 4,300 digits) and lists nested deeper than the JSON reader's stack.
HUGE_INT = "@@huge-int@@"
DEEP = "@@deep@@"

ODD_STAMPS = [
    "2025-09-18 10:00:00",  # YAML's own, naive: read as UTC
    "2025-09-18T10:00:00",
    "2025-09-18T10:00Z",
    "2025-09-18t10:00:00.5z",
    "2025-09-18T10:00:00.123456789+05:45",
    "2025-09-18T10:00:00-1200",
    "2024-02-29T00:00:00Z",
    "2025-02-29T00:00:00Z",
    "2025-02-30T10:00:00Z",
    "9999-12-31T25:61:61Z",
    "9999-12-31T23:59:59-01:00",  # past year 9999 in UTC
    "0001-01-01T00:00:00+01:00",  # before year 1 in UTC
    "0001-01-01T00:00:00.000000+00:00",
    "2025-09-18T23:59:60Z",
    "not-a-time",
    "2025-09-18",
    "๒๐๒๕-09-18T10:00:00Z",
    "",
]
ODD_DATES = [
    "2025-02-30",
    "2024-02-29",
    "2100-02-29",
    "2000-02-29",
    "0000-01-01",
    "2025-13",
    "2025-9-1",
    "2025",
]

surrogates = st.text(st.characters(categories=["Cs"]), min_size=1, max_size=3)
texts = st.one_of(
    any_text,
    st.tuples(any_text, surrogates, any_text).map("".join),
    st.text(max_size=30),
    st.integers(1, 100_000).map(lambda n: "ສ" * n),
)
stamps = st.one_of(
    st.sampled_from(ODD_STAMPS),
    st.datetimes().map(lambda d: d.isoformat()),
    st.datetimes().map(lambda d: d.isoformat(sep=" ", timespec="seconds") + "Z"),
)
days = st.one_of(st.sampled_from(ODD_DATES), st.dates().map(lambda d: d.isoformat()))
wrong_types = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.just(HUGE_INT),
    st.just(DEEP),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)
STAMP_KEYS = ("created_at", "updated_at", "deleted_at")
DATE_KEYS = ("published", "start", "end", "as_of", "date", "announced_on")


def _places(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """The path of every value in `value` that is not a list or a mapping."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _places(item, (*path, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _places(item, (*path, i))
    elif path:
        yield path


@st.composite
def hostile_data_files(draw: st.DrawFn) -> dict[str, Any]:
    data = draw(data_files())
    places = sorted(_places(data), key=repr)
    for _ in range(draw(st.integers(0, 4))):
        *parents, key = draw(st.sampled_from(places))
        target: Any = data
        for step in parents:
            target = target[step]
        if key in STAMP_KEYS or (key == "name" and draw(st.booleans()) and isinstance(target, dict)):
            key = key if key in STAMP_KEYS else draw(st.sampled_from(STAMP_KEYS))
            target[key] = draw(stamps)
        elif key in DATE_KEYS:
            target[key] = draw(days)
        else:
            target[key] = draw(st.one_of(texts, wrong_types) if draw(st.booleans()) else texts)
    return data


def _write(data: dict[str, Any], folder: Path, as_yaml: bool, tail: str) -> Path:
    if as_yaml:
        # allow_unicode=False: a lone surrogate is written as its escape, which YAML may hold
        text = yaml.safe_dump(data, allow_unicode=False, sort_keys=False, width=2**31 - 1) + tail
        text = re.sub(rf"'?{HUGE_INT}'?", "9" * 5000, text)
        text = re.sub(rf"'?{DEEP}'?", "[" * 2000 + "]" * 2000, text)
        path = folder / "hostile.yaml"
    else:
        text = json.dumps(data)  # ensure_ascii: a lone surrogate is written as \ud800
        text = text.replace(f'"{HUGE_INT}"', "9" * 5000).replace(f'"{DEEP}"', "[" * 5000 + "]" * 5000)
        path = folder / "hostile.json"
    path.write_text(text, encoding="utf-8")
    return path


def _refused_cleanly(exc: InvalidDataFile) -> None:
    assert exc.problems, "a refusal says what is wrong"
    for line in [str(exc), *exc.report().splitlines()]:
        assert "\n" not in line and len(line) < 600, line[:2000]
        line.encode("utf-8")  # printable: no lone surrogate echoed back


def _stored_as_promised(db: Database) -> None:
    conn = db.read()
    stored = re.compile(STORED_TIMESTAMP_PATTERN)
    for table, columns in (
        ("entity", STAMP_KEYS),
        ("note", STAMP_KEYS),
        ("note_revision", ("created_at",)),
        ("saved_search", ("created_at",)),
    ):
        for column in columns:
            for (value,) in conn.execute(f"SELECT {column} FROM {table} WHERE {column} IS NOT NULL"):
                assert stored.fullmatch(value), (table, column, value)
    for table, column in (
        ("role", "as_of"),
        ("event", "start_date"),
        ("fact", "date"),
        ("source", "published"),
    ):
        for (value,) in conn.execute(f"SELECT {column} FROM {table} WHERE {column} IS NOT NULL"):
            assert check_date(value) is None, (table, column, value)


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A library holding something (so that an import backs it up first), and an empty one."""
    folder = tmp_path_factory.mktemp("hostile-datafiles")
    full = folder / "full.sqlite3"
    db = open_database(full)
    path = folder / "start.json"
    path.write_text(
        json.dumps(
            {
                "format": "roundtable",
                "version": 1,
                "countries": [{"slug": "here", "name": "Here", "iso_alpha2": "HH"}],
            }
        ),
        encoding="utf-8",
    )
    import_file(db, read(path))
    db.close()
    empty = folder / "empty.sqlite3"
    open_database(empty).close()
    return full, empty


@HOSTILE
@given(
    data=hostile_data_files(),
    as_yaml=st.booleans(),
    tail=st.sampled_from(["", "", "version: 1\n", "extra: &a [1, 2]\nmore: *a\n"]),
)
def test_a_hostile_data_file_round_trips_or_is_refused_cleanly(
    templates: tuple[Path, Path], data: dict[str, Any], as_yaml: bool, tail: str
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = _write(data, folder, as_yaml, tail if as_yaml else "")
        first = open_database(copy_db(templates[0], folder / "first.sqlite3"))
        second = open_database(copy_db(templates[1], folder / "second.sqlite3"))
        try:
            before = canonical(first.path)
            try:
                import_file(first, read(path))
            except InvalidDataFile as exc:
                event("refused")
                _refused_cleanly(exc)
                assert canonical(first.path) == before
                assert not backups_dir(first.path).exists(), "refused after the backup"
                return
            event("imported")
            _stored_as_promised(first)
            export = folder / "first.json"
            export_json(first, export)
            import_file(second, read(export))
            assert canonical(second.path) == canonical(first.path)
            imported = canonical(first.path)
            import_file(first, read(export))  # the export, into the library it came from
            assert canonical(first.path) == imported
        finally:
            first.close()
            second.close()
