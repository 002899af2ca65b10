"""Reading data files: every problem reported with record, field and line; nothing written."""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from app.db.database import Database
from app.io import datafile
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


def test_a_country_whose_iso_code_another_holds_is_refused_by_name(folder: Path, mini_db: Database) -> None:
    """The library's index holds a code once: a new country taking one another country holds
    (in the library or the file) is named before anything is written, not a database error."""
    lists = EntryLists(mini_db)
    before = lists.counts()
    with mini_db.sessions.begin() as session:  # Laos, renamed: the file's laos is a new country
        session.connection().exec_driver_sql("UPDATE entity SET slug = 'lao-pdr' WHERE slug = 'laos'")
    path = _edit(folder, "dataset: {id: mini-test", "dataset: {id: other-test")
    (problem,) = _problems(path, mini_db)
    assert "'LA' is the ISO code of 'lao-pdr', which the library holds" in problem
    assert "countries[0] (laos)" in problem
    assert lists.counts() == before
    # two countries of one file with one code
    path = _edit(
        folder, "  - slug: laos\n", "  - slug: twin\n    name: Twin\n    iso_alpha2: LA\n  - slug: laos\n"
    )
    assert any(
        "'LA' is the ISO code of 'twin', which this file lists too" in p for p in _problems(path, mini_db)
    )


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


# --- hostile files: issue 16 ------------------------------------------------------------------


def _file(tmp_path: Path, text: str, name: str = "hostile.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _note_file(tmp_path: Path, stamp: str, name: str = "stamps.yaml") -> Path:
    return _file(
        tmp_path,
        f"format: roundtable\nversion: 1\nnotes:\n  - title: T\n    body: hello\n    updated_at: {stamp}\n",
        name,
    )


@pytest.mark.parametrize(
    "stamp",
    [
        "not-a-time",
        "9999-12-31T25:61:61Z",
        "'2025-02-30T10:00:00Z'",
        "'2025-09-18'",  # a date, not a moment
        "'2025-09-18T23:59:60Z'",  # a leap second Python cannot hold
        "'0001-01-01T00:30:00+01:00'",  # before the first moment a timestamp can hold
        "'๒๐๒๕-09-18T10:00:00Z'",  # Thai digits
    ],
)
def test_a_timestamp_that_names_no_moment_is_refused(tmp_path: Path, stamp: str) -> None:
    [problem] = _problems(_note_file(tmp_path, stamp))
    assert problem.startswith("stamps.yaml:6: notes[0] (T), field updated_at: ")
    assert "ISO 8601" in problem


@pytest.mark.parametrize(
    ("stamp", "stored"),
    [
        ("2025-09-18 10:00:00", "2025-09-18T10:00:00.000000+00:00"),  # YAML's own timestamp, naive
        ("'2025-09-18T10:00:00'", "2025-09-18T10:00:00.000000+00:00"),  # naive text
        ("2025-09-18T12:00:00+02:00", "2025-09-18T10:00:00.000000+00:00"),
        ("'2025-09-18T10:00:00.123Z'", "2025-09-18T10:00:00.123000+00:00"),
        ("'2025-09-18T10:00:00.000000+00:00'", "2025-09-18T10:00:00.000000+00:00"),
    ],
)
def test_timestamps_are_read_as_utc_in_the_form_roundtable_writes(
    tmp_path: Path, stamp: str, stored: str
) -> None:
    """A naive timestamp is read as UTC (README, data files); every one is stored as the app
    writes its own, so they sort as text."""
    df = read(_note_file(tmp_path, stamp))
    assert df.data["notes"][0]["updated_at"] == stored


@pytest.mark.parametrize("start", ['"2025-02-30"', "2025-02-30", '"2025-13"', "2025-9-1"])
def test_a_date_the_forms_refuse_is_refused(tmp_path: Path, start: str) -> None:
    path = _file(
        tmp_path,
        f"format: roundtable\nversion: 1\nevents:\n  - slug: e\n    name: E\n    start: {start}\n",
    )
    [problem] = _problems(path)
    assert problem.startswith("hostile.yaml:6: events[0] (e), field start: ")
    from app.services.editing import check_date

    assert problem.endswith(str(check_date(start.strip('"'))))


def test_a_duplicate_key_is_refused_naming_it_and_its_lines(tmp_path: Path) -> None:
    path = _file(
        tmp_path,
        "format: roundtable\nversion: 1\nnotes:\n  - title: x\n    body: first\n    body: second\n",
    )
    [problem] = _problems(path)
    assert problem.startswith("hostile.yaml:6: ")
    assert "'body'" in problem and "line 5" in problem


def test_yaml_aliases_are_refused_before_they_expand(tmp_path: Path) -> None:
    """Aliases ("billion laughs"): each line here multiplies the strings by ten, so 6 lines make
    a million (kept small so that the test ends quickly without the fix; 848 bytes took three
    minutes and 3.9 GB). Any alias is refused, however few it expands to."""
    lines = ["format: roundtable", "version: 1", "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 6)]
    path = _file(tmp_path, "\n".join(lines) + "\n")
    [problem] = _problems(path)
    assert problem.startswith("hostile.yaml:3: ") and "alias" in problem


def test_front_matter_uses_the_same_safe_reader() -> None:
    from app.io.frontmatter import split

    with pytest.raises(ValueError, match="alias"):
        split("---\na: &a [x, x]\nb: [*a, *a]\n---\nbody\n")
    with pytest.raises(ValueError, match="'kind' is written twice"):
        split("---\nkind: note\nid: x\nkind: entry\n---\nbody\n")
    assert split("---\nupdated: 2025-02-30\n---\nbody\n")[0] == {"updated": "2025-02-30"}


def test_values_quoted_in_a_message_are_cut(tmp_path: Path) -> None:
    huge = "x" * 3_000_000
    path = _file(
        tmp_path,
        f"format: roundtable\nversion: 1\npeople:\n  - slug: p\n    name: {huge}\n    country: {huge}\n"
        f"  - slug: {huge}\n    name: {huge}\n"
        "  - slug: q\n    name: Q\n" + "".join(f"    unknown{i}: x\n" for i in range(50)),
    )
    with pytest.raises(InvalidDataFile) as caught:
        read(path)
    report = caught.value.report()
    assert len(caught.value.problems) >= 3
    assert all(len(line) < 300 for line in report.splitlines()), report[:2000]
    assert f"people[1] ({'x' * 80}…)" in report and f"'{'x' * 80}…' is too long" in report
    assert (
        "people[2] (q): unknown fields 'unknown0', 'unknown1', 'unknown10', 'unknown11', 'unknown12' and 45 more"
        in report
    )


def _in_time(work: Callable[[], object], fifo: Path) -> BaseException | None:
    """Run `work` for at most five seconds; unblock a reader stuck on `fifo` when it hangs."""
    caught: list[BaseException] = []

    def run() -> None:
        try:
            work()
        except BaseException as exc:  # handed to the test
            caught.append(exc)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(5)
    hung = worker.is_alive()
    if hung:  # let the stuck open() return, so the thread ends
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        worker.join(5)
    assert not hung, f"reading {fifo.name} hung"
    return caught[0] if caught else None


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_data_file_is_refused_without_waiting(tmp_path: Path) -> None:
    fifo = tmp_path / "data.yaml"
    os.mkfifo(fifo)
    failure = _in_time(lambda: read(fifo), fifo)
    assert isinstance(failure, InvalidDataFile)
    assert "named pipe" in str(failure)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_archived_text_file_is_refused_without_waiting(folder: Path) -> None:
    fifo = folder / "pipe.txt"
    os.mkfifo(fifo)
    path = _edit(folder, "archived_text_file: article.txt", "archived_text_file: pipe.txt")
    failure = _in_time(lambda: read(path), fifo)
    assert isinstance(failure, InvalidDataFile)
    assert failure.problems[0].record == "sources[0] (test-article)" and "named pipe" in str(failure)


def test_an_archived_text_file_over_the_limit_is_refused(folder: Path) -> None:
    (folder / "article.txt").write_bytes(b"x" * (getattr(datafile, "ARCHIVED_TEXT_BYTES", 4 << 20) + 1))
    [problem] = _problems(folder / "mini.yaml")
    assert "sources[0] (test-article), field archived_text_file" in problem and "larger than" in problem


@pytest.mark.parametrize(
    ("field", "value"),
    [("name", "Laos\n"), ("start", "2025-09-18\n"), ("created_at", "2025-09-18T10:00:00.000000+00:00\n")],
)
def test_a_line_break_after_a_one_line_value_is_refused(tmp_path: Path, field: str, value: str) -> None:
    """Python's $ also matches before a final line break: jsonschema passed these, which the
    compiled validator refuses, and they were imported."""
    import json

    record = {"slug": "e", "name": "E", field: value}
    path = _file(tmp_path, json.dumps({"format": "roundtable", "version": 1, "events": [record]}), "nl.json")
    [problem] = _problems(path)
    assert problem.startswith(f"nl.json: events[0] (e), field {field}: ")


@pytest.mark.parametrize("tagged", ["!!int abc", "!!float abc", "!!bool maybe", "!!timestamp not-a-time"])
def test_a_value_its_yaml_tag_does_not_fit_is_refused_with_its_line(tmp_path: Path, tagged: str) -> None:
    """PyYAML raised ValueError, KeyError or AttributeError for these: a traceback."""
    path = _file(tmp_path, f"format: roundtable\nversion: 1\nnotes:\n  - body: b\n    created_at: {tagged}\n")
    [problem] = _problems(path)
    assert problem.startswith("hostile.yaml:5: ")


def test_a_quoted_value_is_one_short_line_whatever_its_characters(tmp_path: Path) -> None:
    import json

    odd = "\U000828cf\x1b[2J\n\u2028" * 500  # escapes: ten characters shown for one
    record = {"slug": "p", "name": odd, "title": odd}
    path = _file(tmp_path, json.dumps({"format": "roundtable", "version": 1, "people": [record]}), "odd.json")
    with pytest.raises(InvalidDataFile) as caught:
        read(path)
    for line in caught.value.report().splitlines():
        assert len(line) < 300, line
    assert len(caught.value.report().splitlines()) == len(caught.value.problems)
