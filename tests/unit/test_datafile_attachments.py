"""Out and back: a source with its text, authors, language and attached file, and quotes anchored
in that text (on a fact and a title, in the order the researcher gave them), through
`export --json FILE --attachments DIR` and `import FILE` into an empty library."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from app.__main__ import main
from app.db.database import open_database
from app.io.attachments import AttachmentStore, file_name
from app.io.datafile import InvalidDataFile, NothingKnown, check_meaning, read
from app.paths import attachments_dir
from app.services.importer import import_file
from app.services.json_export import export_json
from tests.builders.canonical import canonical
from tests.builders.cited_source import NOW, PDF, TEXT, build, passage
from tests.conftest import copy_db


def _citations(path: Path) -> list[tuple[Any, ...]]:
    """Each owner's citations in their order, with everything a researcher gave them."""
    conn = sqlite3.connect(path)
    try:
        return conn.execute(
            "SELECT coalesce(f.text, r.title), c.position, c.quote, c.locator, c.reliability, c.quote_prefix, "
            "c.quote_suffix, c.quote_start, c.quote_end, s.slug FROM citation c JOIN entity s ON s.id = c.source_id "
            "LEFT JOIN fact f ON f.id = c.fact_id LEFT JOIN role r ON r.id = c.role_id "
            "WHERE s.slug = 'visit-report' ORDER BY coalesce(f.text, r.title), c.position"
        ).fetchall()
    finally:
        conn.close()


@pytest.fixture
def library(empty_template: Path, tmp_path: Path) -> Path:
    path = _empty(empty_template, tmp_path / "mine")
    db = open_database(path)
    try:
        build(db)
    finally:
        db.close()
    return path


def _empty(template: Path, folder: Path) -> Path:
    folder.mkdir()
    return copy_db(template, folder / "library.sqlite3")


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_sources_texts_files_and_anchored_quotes_come_back_through_the_command_line(
    library: Path, empty_template: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    code, said, err = _run(
        capsys,
        "export",
        "--db",
        str(library),
        "--json",
        str(out / "data.json"),
        "--attachments",
        str(out / "attachments"),
    )
    assert code == 0, err
    assert "Copied 1 attached files" in said
    data = json.loads((out / "data.json").read_text(encoding="utf-8"))
    source = data["sources"][0]
    assert source["authors"] == ["Somchai Phommavong", "王小明"] and source["language"] == "en"
    assert source["archived_text"] == TEXT
    sha = source["attachments"][0]["sha256"]
    assert source["attachments"] == [
        {"sha256": sha, "filename": "visit report.pdf", "media_type": "application/pdf", "size": len(PDF)}
    ]
    assert (out / "attachments" / file_name(sha, "application/pdf")).read_bytes() == PDF
    fact = data["people"][0]["facts"][0]
    assert [c["quote"] for c in fact["citations"]] == [
        "the railway would open in 2027",
        "the talks turned to the railway",
    ]
    start, end = passage("the railway would open in 2027")
    assert fact["citations"][0]["anchor"] == {
        "prefix": TEXT[start - 32 : start],
        "suffix": TEXT[end:],
        "start": start,
        "end": end,
    }

    other = _empty(empty_template, tmp_path / "other")
    code, said, err = _run(capsys, "import", "--db", str(other), str(out / "data.json"))
    assert code == 0, err
    assert _citations(other) == _citations(library)
    assert [row[1] for row in _citations(other)] == [0, 1, 0]  # the fact's two, the title's one
    kept = AttachmentStore(attachments_dir(other)).path(sha, "application/pdf")
    assert kept.read_bytes() == PDF
    code, said, err = _run(capsys, "show", "--db", str(other), "visit-report", "--json")
    assert code == 0, err


def test_the_library_comes_back_identical_files_included(
    library: Path, empty_template: Path, tmp_path: Path
) -> None:
    db = open_database(library)
    try:
        export_json(db, tmp_path / "data.json", attachments=tmp_path / "attachments")
    finally:
        db.close()
    other = open_database(_empty(empty_template, tmp_path / "other"))
    try:
        report = import_file(other, read(tmp_path / "data.json"))
    finally:
        other.close()
    assert report.files_copied == 1 and report.missing_files == []
    assert _content(other.path) == _content(library)
    assert _citations(other.path) == _citations(library)


def _content(path: Path) -> dict[str, list[Any]]:
    """The library's content, less when each file was added (the import's own time)."""
    dump = canonical(path)
    dump["attachment"] = [tuple((k, v) for k, v in row if k != "added_at") for row in dump["attachment"]]
    return dump


def test_a_changed_attached_file_stops_the_import_naming_it(
    library: Path, empty_template: Path, tmp_path: Path
) -> None:
    db = open_database(library)
    try:
        export_json(db, tmp_path / "data.json", attachments=tmp_path / "attachments")
    finally:
        db.close()
    (copied,) = (tmp_path / "attachments").iterdir()
    copied.write_bytes(PDF.replace(b"stand-in", b"forgery!"))  # same size, other bytes
    other = open_database(_empty(empty_template, tmp_path / "other"))
    try:
        before = canonical(other.path)
        with pytest.raises(InvalidDataFile) as refused:
            import_file(other, read(tmp_path / "data.json"))
        assert len(refused.value.problems) == 1
        message = refused.value.report()
        assert copied.name in message and "SHA-256" in message and "\n" not in message
        assert canonical(other.path) == before
        assert not attachments_dir(other.path).exists()
    finally:
        other.close()


def test_without_its_files_a_data_file_imports_and_names_what_is_missing(
    library: Path, empty_template: Path, tmp_path: Path
) -> None:
    db = open_database(library)
    try:
        counts = export_json(db, tmp_path / "data.json")  # no --attachments
    finally:
        db.close()
    assert counts.files == 1 and counts.copied == 0
    other = open_database(_empty(empty_template, tmp_path / "other"))
    try:
        report = import_file(other, read(tmp_path / "data.json"))
        assert len(report.missing_files) == 1 and report.missing_files[0].endswith(".pdf")
        assert "1 attached files were not found" in report.summary()
        assert other.connect().execute("SELECT count(*) FROM attachment").fetchone()[0] == 1
    finally:
        other.close()


def _file_with(tmp_path: Path, citation: dict[str, Any]) -> Path:
    data = {
        "format": "roundtable",
        "version": 1,
        "sources": [{"slug": "s", "name": "S", "archived_text": "one two three"}],
        "people": [{"slug": "p", "name": "P", "facts": [{"text": "x", "citations": [citation]}]}],
    }
    path = tmp_path / "data.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_an_anchor_without_its_quote_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InvalidDataFile) as refused:
        read(_file_with(tmp_path, {"source": "s", "anchor": {"start": 0, "end": 3}}))
    assert "people[0] (p), field facts[0].citations[0]:" in refused.value.report()
    assert "quote" in refused.value.report()


def test_an_anchor_ending_before_it_starts_is_refused(tmp_path: Path) -> None:
    df = read(_file_with(tmp_path, {"source": "s", "quote": "two", "anchor": {"start": 7, "end": 4}}))
    (problem,) = check_meaning(df, NothingKnown())
    assert problem.field == "facts[0].citations[0].anchor.end" and "before the start" in problem.message


def test_the_attachments_option_names_a_folder_and_goes_with_json(
    library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _run(
        capsys, "export", "--db", str(library), "--out", str(tmp_path / "v"), "--attachments", "x"
    )
    assert code == 2 and "--attachments is for --json FILE" in err
    (tmp_path / "data.json").write_text('{"format": "roundtable", "version": 1}', encoding="utf-8")
    code, _, err = _run(
        capsys,
        "import",
        "--db",
        str(library),
        str(tmp_path / "data.json"),
        "--attachments",
        str(tmp_path / "none"),
    )
    assert code == 1 and "none is not a folder" in err and len(err.strip().splitlines()) == 1


def test_a_file_named_attachments_beside_the_data_file_is_no_folder_of_files(
    library: Path, empty_template: Path, tmp_path: Path
) -> None:
    db = open_database(library)
    try:
        export_json(db, tmp_path / "data.json")
    finally:
        db.close()
    (tmp_path / "attachments").write_text("not a folder", encoding="utf-8")
    other = open_database(_empty(empty_template, tmp_path / "other"))
    try:
        report = import_file(other, read(tmp_path / "data.json"))
    finally:
        other.close()
    assert len(report.missing_files) == 1


def test_a_book_length_text_goes_out_and_back(empty_template: Path, tmp_path: Path) -> None:
    """A 300-page PDF's text can pass a million characters; the export must not refuse it."""
    book = "\f".join(f"Page {n}. " + "The railway opens in 2027. " * 150 for n in range(1, 301))
    assert len(book) > 1_000_000
    (tmp_path / "lib").mkdir()
    db = open_database(copy_db(empty_template, tmp_path / "lib" / "library.sqlite3"))
    try:
        conn = db.connect()
        with conn:
            conn.execute(
                "INSERT INTO entity (id, uid, kind, slug, name, summary, created_at, updated_at) "
                "VALUES (1, '00000000-0000-4000-8000-000000000009', 'source', 'book', 'A book', '', ?, ?)",
                (NOW, NOW),
            )
            conn.execute("INSERT INTO source (id, archived_text) VALUES (1, ?)", (book,))
        conn.close()
        export_json(db, tmp_path / "data.json")
    finally:
        db.close()
    other = open_database(_empty(empty_template, tmp_path / "other"))
    try:
        import_file(other, read(tmp_path / "data.json"))
        (text,) = other.connect().execute("SELECT archived_text FROM source").fetchone()
    finally:
        other.close()
    assert text == book
