"""`roundtable export --json`: the whole library in the data-file format, and back, losslessly."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from app.db.database import Database, open_database
from app.io.datafile import InvalidDataFile, check, dumps, read
from app.services.importer import import_file
from app.services.json_export import export_json
from tests.builders.canonical import canonical
from tests.builders.strategies import data_files
from tests.conftest import copy_db


def _import(db: Database, data: dict[str, Any], path: Path) -> None:
    path.write_bytes(dumps(data))
    import_file(db, read(path))


def test_seeded_library_comes_back_identical(
    seeded_db: Database, empty_template: Path, tmp_path: Path
) -> None:
    out = tmp_path / "library.json"
    counts = export_json(seeded_db, out)
    with seeded_db.read() as conn:  # the bundled dataset grows: its own counts, not numbers
        people, notes = conn.execute(
            "SELECT (SELECT count(*) FROM entity WHERE kind = 'person' AND deleted_at IS NULL), "
            "(SELECT count(*) FROM note WHERE deleted_at IS NULL)"
        ).fetchone()
    assert counts["people"] == people >= 13 and counts["notes"] == notes >= 16
    other = open_database(copy_db(empty_template, tmp_path / "other.sqlite3"))
    try:
        import_file(other, read(out))
        assert canonical(other.path) == canonical(seeded_db.path)
    finally:
        other.close()


def test_importing_the_export_into_its_own_library_changes_nothing(
    seeded_db: Database, tmp_path: Path
) -> None:
    before = canonical(seeded_db.path)
    out = tmp_path / "library.json"
    export_json(seeded_db, out)
    report = import_file(seeded_db, read(out))
    assert sum(report.created.values()) == 0 and report.conflicts == []
    assert canonical(seeded_db.path) == before


def test_a_malformed_import_changes_nothing(seeded_db: Database, tmp_path: Path) -> None:
    out = tmp_path / "library.json"
    export_json(seeded_db, out)
    data = json.loads(out.read_text(encoding="utf-8"))
    data["people"][0]["roles"][0]["organization"] = "no-such-organization"  # a dangling reference
    data["notes"].append({"uid": "not-a-uuid", "body": "new"})  # a schema error
    data["countries"].append({"slug": "atlantis", "name": "Atlantis", "iso_alpha2": "AT"})  # fine alone
    before = canonical(seeded_db.path)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(InvalidDataFile) as caught:
        import_file(seeded_db, read(bad))
    assert f"notes[{len(data['notes']) - 1}]" in caught.value.report()
    del data["notes"][-1]
    bad.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(InvalidDataFile) as caught:
        import_file(seeded_db, read(bad))
    assert "no-such-organization" in caught.value.report()
    assert canonical(seeded_db.path) == before


def test_export_refuses_what_it_could_not_import_again(seeded_db: Database, tmp_path: Path) -> None:
    from app.services.json_export import DumpError

    seeded_db.read().execute("UPDATE entity SET name = 'two' || char(10) || 'lines' WHERE slug = 'laos'")
    out = tmp_path / "library.json"
    with pytest.raises(DumpError, match="countries"):
        export_json(seeded_db, out)
    assert not out.exists()


def test_the_bundled_dataset_is_still_valid() -> None:
    from app.paths import dataset_file

    df = read(dataset_file())
    assert check(df.data, dataset_file()) == []


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
)
@given(data=data_files())
def test_import_of_export_reproduces_generated_libraries(empty_template: Path, data: dict[str, Any]) -> None:
    """Generated libraries in every script: import(export(db)) == db, and export is stable."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        first = open_database(copy_db(empty_template, folder / "first.sqlite3"))
        second = open_database(copy_db(empty_template, folder / "second.sqlite3"))
        try:
            _import(first, data, folder / "generated.json")
            export_json(first, folder / "first.json")
            import_file(second, read(folder / "first.json"))
            assert canonical(second.path) == canonical(first.path)
            export_json(second, folder / "second.json")
            a, b = (
                json.loads((folder / n).read_text(encoding="utf-8")) for n in ("first.json", "second.json")
            )
            a.pop("exported_at"), b.pop("exported_at")
            assert a == b
            report = import_file(first, read(folder / "second.json"))  # a second import: nothing new
            assert sum(report.created.values()) == 0 and report.conflicts == []
            assert canonical(second.path) == canonical(first.path)
        finally:
            first.close()
            second.close()
