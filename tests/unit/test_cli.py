"""The command line: exit 0 on success, 2 on usage errors, 1 on failure with one clear line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from app import __version__
from app.__main__ import main
from tests.conftest import MINI, copy_db


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "--version") == (0, f"Roundtable {__version__}\n", "")


def test_list_and_show(capsys: pytest.CaptureFixture[str], seeded_path: Path) -> None:
    code, out, _ = run(capsys, "--db", str(seeded_path), "list", "officials", "--json")
    assert code == 0
    rows = json.loads(out)
    assert {
        "slug": "wang-changlin",
        "name": "Wang Changlin",
        "title": "deputy head of the NDRC",
        "organization": "National Development and Reform Commission",
        "country": "China",
        "uid": "ca927b43-1e17-5f54-9c8c-6d31e0a6f656",
        "kind": "person",
    } in rows
    code, out, _ = run(capsys, "show", "wang-changlin", "--db", str(seeded_path))
    assert code == 0
    assert "deputy head of the NDRC" in out and "Citations:" in out
    code, out, _ = run(capsys, "--db", str(seeded_path), "show", "laos", "--json")
    assert json.loads(out)["ref"]["name"] == "Laos"


def test_failures_are_one_line_with_status_1(capsys: pytest.CaptureFixture[str], seeded_path: Path) -> None:
    code, out, err = run(capsys, "--db", str(seeded_path), "show", "nobody-here")
    assert (code, out) == (1, "")
    assert err.count("\n") == 1 and err.startswith("roundtable: no entry has the slug 'nobody-here'")


def test_usage_errors_are_status_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "list")[0] == 2
    assert run(capsys, "frobnicate")[0] == 2
    assert run(capsys, "--no-such-flag")[0] == 2


@pytest.mark.parametrize("command", ["list", "show", "import", "check", "export", "import-notes"])
def test_every_command_has_help(capsys: pytest.CaptureFixture[str], command: str) -> None:
    code, out, _ = run(capsys, command, "--help")
    assert code == 0 and "usage: roundtable" in out


def test_import_good_then_bad(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, empty_template: Path
) -> None:
    db = copy_db(empty_template, tmp_path / "x.sqlite3")  # (seeded by the first command, as a new one is)
    folder = tmp_path / "mini"
    shutil.copytree(MINI.parent, folder)
    code, out, _ = run(capsys, "--db", str(db), "import", str(folder / "mini.yaml"))
    assert code == 0 and "people 1" in out
    bad = folder / "bad.yaml"
    bad.write_text(
        (folder / "mini.yaml").read_text(encoding="utf-8").replace("slug: alpha", "slug: ALPHA!"),
        encoding="utf-8",
    )
    code, out, err = run(capsys, "--db", str(db), "import", str(bad))
    assert code == 1 and out == ""
    assert "nothing was changed" in err and "people[0]" in err


def test_check_reports_and_refuses_foreign_files(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "check")  # the default library, made by this first command
    assert code == 0 and "Integrity: ok" in out and "All good." in out
    text = tmp_path / "notes.txt"
    text.write_text("just some text", encoding="utf-8")
    code, out, err = run(capsys, "--db", str(text), "check")
    assert code == 1 and out == "" and "not an SQLite file" in err
    assert text.read_text(encoding="utf-8") == "just some text"


def test_export_a_vault_a_digest_and_json_then_bring_notes_back(
    capsys: pytest.CaptureFixture[str], seeded_path: Path, tmp_path: Path
) -> None:
    db = ["--db", str(seeded_path)]
    vault, digest, data = tmp_path / "vault", tmp_path / "digest.md", tmp_path / "all.json"
    code, out, err = run(
        capsys, *db, "export", "--out", str(vault), "--digest", str(digest), "--kind", "countries"
    )
    assert (code, err) == (0, "")
    assert out.startswith("Exported 12 entries and 5 notes (countries): 13 files written")
    assert (vault / "Countries" / "Laos.md").is_file() and digest.is_file()

    laos = vault / "Countries" / "Laos.md"
    laos.write_text(laos.read_text(encoding="utf-8") + "\nmine\n", encoding="utf-8")
    code, out, _ = run(capsys, *db, "export", "--out", str(vault), "--kind", "countries")
    assert code == 0 and "kept your edited file: Countries/Laos.md" in out
    code, out, _ = run(
        capsys, *db, "export", "--out", str(vault), "--kind", "countries", "--on-conflict", "beside"
    )
    assert code == 0 and "you edited Countries/Laos.md; the new version is Countries/Laos (exported" in out

    code, out, _ = run(
        capsys, *db, "export", "--out", str(tmp_path / "q"), "--query", "陈刚", "--links", "markdown"
    )
    assert code == 0 and "(entries matching '陈刚')" in out
    assert [p.name for p in (tmp_path / "q").rglob("*.md")] == ["Chen Gang.md"]

    code, out, _ = run(capsys, *db, "export", "--json", str(data))
    # The bundled dataset grows with each edition: its own count of sources, not a number.
    sources = sum(1 for e in json.loads(data.read_text(encoding="utf-8"))["sources"])
    assert code == 0 and out.startswith(f"Wrote {data}: {sources} sources, 12 countries")
    assert json.loads(data.read_text(encoding="utf-8"))["format"] == "roundtable"

    timor = vault / "Countries" / "Timor-Leste.md"
    text = timor.read_text(encoding="utf-8")
    timor.write_text(text.replace("For this reason the dataset", "Hence the dataset"), encoding="utf-8")
    code, out, _ = run(capsys, *db, "import-notes", str(vault))
    assert code == 0 and "1 note updated" in out and "updated: 10-member ASEAN" in out


def test_export_usage_errors_are_status_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = ["--db", str(tmp_path / "x.sqlite3")]
    code, _, err = run(capsys, *db, "export")
    assert code == 2 and "--out DIR, --digest FILE, --json FILE or --bib FILE" in err
    code, _, err = run(capsys, *db, "export", "--json", str(tmp_path / "a.json"), "--kind", "countries")
    assert code == 2 and "without --out, --digest or filters" in err
    assert run(capsys, *db, "export", "--out", str(tmp_path), "--links", "html")[0] == 2
    code, _, err = run(capsys, *db, "export", "--out", str(tmp_path / "v"), "--kind", "planets")
    assert code == 2 and "unknown kind 'planets'" in err


def test_import_of_a_folder_points_to_import_notes(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, seeded_path: Path
) -> None:
    code, _, err = run(capsys, "--db", str(seeded_path), "import", str(tmp_path))
    assert code == 1 and "roundtable import-notes" in err
    code, _, err = run(capsys, "--db", str(seeded_path), "import-notes", str(tmp_path / "nowhere"))
    assert code == 1 and "is not a folder" in err and err.count("\n") == 1
