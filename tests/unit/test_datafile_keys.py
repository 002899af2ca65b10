"""The data file carries each source's citation key and DOI: export --json -> import gives the
same keys back, a key another source holds is a conflict (not a crash), and older files without
these fields still import."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from app.db.database import Database, open_database
from app.io.datafile import InvalidDataFile, dumps, read
from app.services.importer import import_file
from app.services.json_export import export_json
from tests.conftest import copy_db


def _keys(db: Database) -> dict[str, tuple[str | None, str | None]]:
    rows = db.read().execute(
        "SELECT e.slug, s.citation_key, s.doi FROM source s JOIN entity e ON e.id = s.id"
    )
    return {slug: (key, doi) for slug, key, doi in rows}


def _give_keys(db: Database) -> None:
    with db.sessions.begin() as session:
        conn = session.connection().connection.driver_connection
        conn.execute("UPDATE source SET citation_key = 'src' || id, doi = '10.1000/src.' || id")


def test_keys_and_dois_survive_export_and_import(
    seeded_db: Database, empty_template: Path, tmp_path: Path
) -> None:
    _give_keys(seeded_db)
    before = _keys(seeded_db)
    assert before and all(key and doi for key, doi in before.values())
    first = tmp_path / "first.json"
    export_json(seeded_db, first)
    written = json.loads(first.read_text(encoding="utf-8"))["sources"]
    assert {s["slug"]: (s.get("citation_key"), s.get("doi")) for s in written} == before
    other = open_database(copy_db(empty_template, tmp_path / "other.sqlite3"))
    try:
        import_file(other, read(first))
        assert _keys(other) == before
        second = tmp_path / "second.json"
        export_json(other, second)
        again = json.loads(second.read_text(encoding="utf-8"))["sources"]
        assert again == written
    finally:
        other.close()


def _source(slug: str, **fields: Any) -> dict[str, Any]:
    return {"slug": slug, "name": slug.title(), **fields}


def _file(tmp_path: Path, *sources: dict[str, Any], name: str = "in.json") -> Path:
    path = tmp_path / name
    path.write_bytes(dumps({"format": "roundtable", "version": 1, "sources": list(sources)}))
    return path


def test_a_key_another_source_holds_is_a_conflict_not_a_crash(empty_db: Database, tmp_path: Path) -> None:
    import_file(empty_db, read(_file(tmp_path, _source("first", citation_key="smith2024"))))
    report = import_file(
        empty_db,
        read(_file(tmp_path, _source("second", citation_key="smith2024", doi="10.1000/ABC"), name="b.json")),
    )
    assert report.created["sources"] == 1
    assert report.conflicts == [
        "second: citation key 'smith2024' is the key of first here; imported without it"
    ]
    assert _keys(empty_db) == {"first": ("smith2024", None), "second": (None, "10.1000/abc")}


def test_two_sources_of_one_file_with_one_key_are_refused(empty_db: Database, tmp_path: Path) -> None:
    path = _file(tmp_path, _source("a", citation_key="k1"), _source("b", citation_key="k1"))
    with pytest.raises(InvalidDataFile) as caught:
        import_file(empty_db, read(path))
    assert "sources[1] (b), field citation_key: 'k1' is also the key of 'a'" in caught.value.report()
    assert _keys(empty_db) == {}


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("citation_key", "has space"),
        ("citation_key", "@smith"),
        ("doi", "https://doi.org/10.1000/x"),
        ("doi", "not a doi"),
    ],
)
def test_a_bad_key_or_doi_is_named(field: str, value: str, tmp_path: Path) -> None:
    with pytest.raises(InvalidDataFile) as caught:
        read(_file(tmp_path, _source("a", **{field: value})))
    assert f"sources[0] (a), field {field}" in caught.value.report()


def test_a_file_without_keys_still_imports(empty_db: Database, tmp_path: Path) -> None:
    report = import_file(empty_db, read(_file(tmp_path, _source("old", url="https://example.org/a"))))
    assert report.created["sources"] == 1
    assert _keys(empty_db) == {"old": (None, None)}
