"""`roundtable import-bib` and `roundtable export --bib`: exit 0 on success, 2 on usage errors,
1 with one line on stderr for a bad file, and nothing changed then."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.unit.test_bibliography import BIBTEX, CSL_JSON, _zotero_folder
from tests.unit.test_cli import run
from tests.unit.test_lock import hold_in_child, stop


def _count_sources(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT count(*) FROM source").fetchone()[0])
    finally:
        conn.close()


def _file(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_import_bib_previews_then_imports_then_finds_nothing_new(
    capsys: pytest.CaptureFixture[str], mini_path: Path, tmp_path: Path
) -> None:
    refs = _file(tmp_path, "refs.bib", BIBTEX)
    before = _count_sources(mini_path)
    code, out, err = run(capsys, "--db", str(mini_path), "import-bib", str(refs), "--dry-run")
    assert (code, err) == (0, "")
    assert out.startswith("refs.bib would give 3 new sources, 0 updated")
    assert "Nothing was written." in out
    assert "  new: Digital government in Lao PDR: progress & plans\n" in out
    assert _count_sources(mini_path) == before
    code, out, err = run(capsys, "--db", str(mini_path), "import-bib", str(refs))
    assert (code, err) == (0, "")
    assert out.startswith("Imported refs.bib: 3 new sources")
    assert "The library was backed up first:" in out
    assert _count_sources(mini_path) == before + 3
    code, out, _ = run(capsys, "--db", str(mini_path), "import-bib", str(refs))
    assert code == 0
    assert out == (
        "Imported refs.bib: 0 new sources, 0 updated, 0 left because you changed them, "
        "3 already up to date, 0 skipped.\n"
    )
    assert _count_sources(mini_path) == before + 3


def test_import_bib_reads_a_zotero_folder(
    capsys: pytest.CaptureFixture[str], mini_path: Path, tmp_path: Path
) -> None:
    code, out, _ = run(capsys, "--db", str(mini_path), "import-bib", str(_zotero_folder(tmp_path)))
    assert code == 0
    assert out.startswith("Imported Zotero: 3 new sources")


@pytest.mark.parametrize(
    ("name", "text", "says"),
    [
        (
            "refs.bib",
            BIBTEX + "\n@misc{broken, title = {x}\n",
            "the entry at line 33 cannot be read as BibTeX",
        ),
        ("refs.json", CSL_JSON[:-10], "is not a CSL-JSON file"),
        ("refs.docx", "x", "is not a bibliography Roundtable reads"),
    ],
)
def test_a_bad_bibliography_is_one_line_and_changes_nothing(
    name: str, text: str, says: str, capsys: pytest.CaptureFixture[str], mini_path: Path, tmp_path: Path
) -> None:
    path = _file(tmp_path, name, text)
    before = mini_path.read_bytes()
    code, out, err = run(capsys, "--db", str(mini_path), "import-bib", str(path))
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and says in err and str(path) in err
    assert "nothing was changed" in err
    assert mini_path.read_bytes() == before


def test_export_bib_writes_each_format_with_stable_keys(
    capsys: pytest.CaptureFixture[str], mini_path: Path, tmp_path: Path
) -> None:
    run(capsys, "--db", str(mini_path), "import-bib", str(_file(tmp_path, "refs.json", CSL_JSON)))
    target = tmp_path / "paper" / "references.json"
    target.parent.mkdir()
    code, out, err = run(capsys, "--db", str(mini_path), "export", "--bib", str(target))
    assert (code, err) == (0, "")
    sources = _count_sources(mini_path)
    assert out.startswith(f"Wrote {target}: {sources} sources (csl-json).\n")
    assert "got a citation key, kept in the library from now on." in out  # the mini library's own
    keys = [item["id"] for item in json.loads(target.read_text(encoding="utf-8"))]
    assert len(set(keys)) == sources and "vongdara2024digital" in keys
    code, _, err = run(capsys, "--db", str(mini_path), "export", "--bib", str(target))
    assert code == 1 and "already exists" in err
    code, out, _ = run(capsys, "--db", str(mini_path), "export", "--bib", str(target), "--overwrite")
    assert code == 0 and "got a citation key" not in out  # a reading command now
    assert [item["id"] for item in json.loads(target.read_text(encoding="utf-8"))] == keys
    plain = tmp_path / "references.txt"
    code, _, _ = run(capsys, "--db", str(mini_path), "export", "--bib", str(plain), "--bib-format", "ris")
    assert code == 0 and plain.read_text(encoding="utf-8").startswith("TY  - ")


@pytest.mark.parametrize(
    "args",
    [
        ["export", "--bib", "refs.txt"],
        ["export", "--bib", "refs.bib", "--json", "all.json"],
        ["export", "--bib", "refs.bib", "--kind", "sources"],
        ["export", "--out", "vault", "--bib-format", "ris"],
        ["export", "--bib", "refs.bib", "--bib-format", "endnote"],
        ["import-bib", "refs.bib", "--format", "endnote"],
    ],
)
def test_bib_usage_errors_exit_2(
    args: list[str],
    capsys: pytest.CaptureFixture[str],
    mini_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    code, _, err = run(capsys, "--db", str(mini_path), *args)
    assert code == 2 and err
    assert not any(work.iterdir())


def test_export_bib_needing_keys_while_the_window_holds_the_library_says_why(
    capsys: pytest.CaptureFixture[str], mini_path: Path, tmp_path: Path
) -> None:
    child = hold_in_child(mini_path)
    try:
        code, out, err = run(capsys, "--db", str(mini_path), "export", "--bib", str(tmp_path / "refs.bib"))
    finally:
        stop(child)
    assert code == 1 and out == ""
    assert "need a citation key, which the export stores" in err and err.count("\n") == 1
    assert not (tmp_path / "refs.bib").exists()


def test_export_bib_reads_beside_the_window_once_every_source_has_its_key(
    capsys: pytest.CaptureFixture[str], mini_path: Path, tmp_path: Path
) -> None:
    target = tmp_path / "refs.bib"
    assert run(capsys, "--db", str(mini_path), "export", "--bib", str(target))[0] == 0
    first = target.read_bytes()
    child = hold_in_child(mini_path)
    try:
        code, out, err = run(capsys, "--db", str(mini_path), "export", "--bib", str(target), "--overwrite")
    finally:
        stop(child)
    assert (code, err) == (0, "") and "got a citation key" not in out
    assert target.read_bytes() == first
