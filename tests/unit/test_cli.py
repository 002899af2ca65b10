"""The command line: exit 0 on success, 2 on usage errors, 1 on failure with one clear line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from app import __version__
from app.__main__ import main
from tests.conftest import MINI


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
    code, _, err = run(capsys, "--db", str(seeded_path), "list", "planets")
    assert code == 1 and "unknown kind 'planets'" in err


def test_usage_errors_are_status_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "list")[0] == 2
    assert run(capsys, "frobnicate")[0] == 2
    assert run(capsys, "--no-such-flag")[0] == 2


@pytest.mark.parametrize("command", ["list", "show", "import", "check"])
def test_every_command_has_help(capsys: pytest.CaptureFixture[str], command: str) -> None:
    code, out, _ = run(capsys, command, "--help")
    assert code == 0 and "usage: roundtable" in out


def test_import_good_then_bad(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = tmp_path / "x.sqlite3"
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
    code, out, _ = run(capsys, "--db", str(tmp_path / "new.sqlite3"), "check")
    assert code == 0 and "Integrity: ok" in out and "All good." in out
    text = tmp_path / "notes.txt"
    text.write_text("just some text", encoding="utf-8")
    code, out, err = run(capsys, "--db", str(text), "check")
    assert code == 1 and out == "" and "not an SQLite file" in err
    assert text.read_text(encoding="utf-8") == "just some text"
