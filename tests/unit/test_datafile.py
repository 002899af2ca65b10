"""Reading data files: every problem reported with record, field and line; nothing written."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.db.database import Database
from app.io.datafile import InvalidDataFile, read
from app.services.entries import EntryLists
from app.services.importer import import_file
from tests.conftest import MINI


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(MINI.parent, target)
    return target


def _edit(folder: Path, old: str, new: str) -> Path:
    path = folder / "mini.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def _problems(path: Path, db: Database | None = None) -> list[str]:
    with pytest.raises(InvalidDataFile) as caught:
        df = read(path)
        if db is not None:
            import_file(db, df)
    return [p.describe(path.name) for p in caught.value.problems]


def test_schema_problem_names_record_field_and_line(folder: Path) -> None:
    path = _edit(folder, "    name: Alpha Person\n", "    name: Alpha Person\n    nickname: Al\n")
    [problem] = _problems(path)
    line = int(problem.split(":")[1])
    assert "nickname" in path.read_text(encoding="utf-8").splitlines()[line - 1]
    assert problem.startswith(f"mini.yaml:{line}: people[0] (alpha): unknown field 'nickname'")


def test_every_problem_is_reported_not_just_the_first(folder: Path) -> None:
    _edit(folder, "slug: ministry", "slug: Ministry Of Tests")
    path = _edit(folder, 'as_of: "2025-05-01"', 'as_of: "2025-13-01"')
    problems = _problems(path)
    assert any("organizations[1]" in p and "field slug" in p for p in problems)
    assert any("people[0] (alpha), field roles[0].as_of" in p for p in problems)


def test_yaml_syntax_error_gives_the_line(folder: Path) -> None:
    path = _edit(folder, "  - slug: laos\n", "  - slug: laos\n   name: [broken\n")
    [problem] = _problems(path)
    assert "is not valid YAML" in problem
    assert problem.startswith("mini.yaml:")


def test_not_a_mapping_and_not_utf8(tmp_path: Path) -> None:
    listing = tmp_path / "list.yaml"
    listing.write_text("- a\n- b\n", encoding="utf-8")
    assert "must hold a mapping" in _problems(listing)[0]
    binary = tmp_path / "bin.json"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    assert "not UTF-8" in _problems(binary)[0]


def test_dangling_and_wrongly_typed_references(folder: Path, empty_db: Database) -> None:
    _edit(folder, "    country: laos\n    aliases:", "    country: atlantis\n    aliases:")
    path = _edit(folder, "announced_at: meeting", "announced_at: laos")
    problems = _problems(path, empty_db)
    assert any("people[0] (alpha), field country: refers to 'atlantis'" in p for p in problems)
    assert any("refers to 'laos', a country, where a event is needed" in p for p in problems)


def test_misquote_is_caught(folder: Path, empty_db: Database) -> None:
    path = _edit(folder, "quote: It went well.", "quote: It went very well.")
    [problem] = _problems(path, empty_db)
    assert "not found word for word in the archived text of 'test-article'" in problem


def test_archived_text_must_stay_inside_the_folder(folder: Path) -> None:
    path = _edit(folder, "archived_text_file: article.txt", "archived_text_file: ../../etc/passwd")
    assert "must name a file inside" in " ".join(_problems(path))


def test_duplicate_slug_across_kinds(folder: Path, empty_db: Database) -> None:
    path = _edit(folder, "  - slug: meeting", "  - slug: laos")
    problems = _problems(path, empty_db)
    assert any("'laos' is used by another entry in this file" in p for p in problems)


def test_bad_import_writes_nothing(folder: Path, mini_db: Database) -> None:
    lists = EntryLists(mini_db)
    before = lists.counts()
    imports_before = mini_db.read().execute("SELECT count(*) FROM dataset_import").fetchone()
    # A valid new entry plus one bad reference: the valid part must not land either.
    text = (folder / "mini.yaml").read_text(encoding="utf-8")
    text = text.replace("dataset: {id: mini-test", "dataset: {id: other-test")
    text = text.replace(
        "  - slug: laos\n    name: Laos\n",
        "  - slug: laos\n    name: Laos\n  - slug: new-land\n    name: New Land\n    iso_alpha2: NL\n    memberships: [{organization: nowhere, status: member}]\n",
    )
    (folder / "mini.yaml").write_text(text, encoding="utf-8")
    assert _problems(folder / "mini.yaml", mini_db)
    assert lists.counts() == before
    assert lists.ref("new-land") is None
    assert mini_db.read().execute("SELECT count(*) FROM dataset_import").fetchone() == imports_before


def test_json_files_use_the_same_schema(tmp_path: Path, empty_db: Database) -> None:
    import json

    path = tmp_path / "data.json"
    path.write_text(
        json.dumps(
            {
                "format": "roundtable",
                "version": 1,
                "countries": [{"slug": "laos", "name": "Laos", "iso_alpha2": "LA"}],
            }
        ),
        encoding="utf-8",
    )
    report = import_file(empty_db, read(path))
    assert report.created["countries"] == 1
    path.write_text('{"format": "roundtable", "version": 2}', encoding="utf-8")
    assert "version" in _problems(path)[0]
