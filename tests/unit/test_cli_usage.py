"""The command line's usage: an unknown KIND is a usage error (exit 2, before any library is
touched), --help names the exit statuses and ROUNDTABLE_HOME, and shell completion is generated
from the parser without costing the start-up anything."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app.__main__ import build_parser, main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    "args",
    [
        ["list", "planets"],
        ["export", "--out", "vault", "--kind", "planets"],
        ["search", "ai", "--kind", "planets"],
    ],
)
def test_an_unknown_kind_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, args: list[str]
) -> None:
    db = tmp_path / "nothing.sqlite3"
    code, out, err = run(capsys, "--db", str(db), *[a.replace("vault", str(tmp_path / "v")) for a in args])
    assert (code, out) == (2, "")
    assert "unknown kind 'planets'" in err and err.startswith("usage: roundtable")
    assert "Traceback" not in err
    assert not db.exists() and not (tmp_path / "v").exists()  # refused before anything opened


def test_search_kind_takes_notes_too(capsys: pytest.CaptureFixture[str], seeded_path: Path) -> None:
    assert run(capsys, "--db", str(seeded_path), "search", "ASEAN", "--kind", "notes")[0] == 0


def test_help_names_the_exit_statuses_and_the_environment(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0
    for words in (
        "ROUNDTABLE_HOME",
        "ROUNDTABLE_DB",
        "exit status",
        "2 usage error",
        "141",
        "--print-completion",
    ):
        assert words in out, words


@pytest.mark.parametrize("shell", ["bash", "zsh", "tcsh"])
def test_completion_scripts_know_the_commands(capsys: pytest.CaptureFixture[str], shell: str) -> None:
    code, out, _ = run(capsys, "--print-completion", shell)
    assert code == 0
    words = ["list", "show", "import", "export", "search", "restore"]
    if shell != "tcsh":  # (tcsh completes the commands only)
        words += ["--reindex", "--notes-only"]
    for word in words:
        assert word in out, word


@pytest.mark.skipif(shutil.which("bash") is None, reason="no bash")
def test_the_bash_completion_completes(tmp_path: Path) -> None:
    script = subprocess.run(
        [sys.executable, "-m", "app", "--print-completion", "bash"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    (tmp_path / "roundtable.bash").write_text(script, encoding="utf-8")
    probe = (
        f"source {tmp_path / 'roundtable.bash'}; "
        "COMP_WORDS=(roundtable exp); COMP_CWORD=1; COMP_LINE='roundtable exp'; COMP_POINT=14; "
        "_shtab_roundtable; echo ${COMPREPLY[@]}"
    )
    done = subprocess.run(["bash", "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["export"]


def test_completion_costs_the_start_up_nothing() -> None:
    code = "import sys; from app.__main__ import build_parser; build_parser(); print('shtab' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_path_arguments_complete_file_and_folder_names() -> None:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.choices and "export" in a.choices)
    export = sub.choices["export"]  # type: ignore[index]
    completes = {a.dest: getattr(a, "complete", None) for a in export._actions}
    assert completes["out"]["bash"] == "_shtab_compgen_dirs"
    assert completes["digest"]["bash"] == "_shtab_compgen_files"
