"""The command line beside a running window, on damaged files, and with hostile arguments."""

from __future__ import annotations

import hashlib
import shutil
import string
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.paths import backups_dir, user_path
from tests.builders import damage
from tests.conftest import MINI, live_entries, live_notes
from tests.unit.test_cli import run
from tests.unit.test_lock import hold_in_child, stop


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def window_holds(seeded_path: Path) -> Iterator[Path]:
    """Another process (standing in for the window) holds the writer lock."""
    child = hold_in_child(seeded_path, "window")
    yield seeded_path
    stop(child)


def test_backup_list_and_restore_round_trip(capsys: pytest.CaptureFixture[str], seeded_path: Path) -> None:
    db = str(seeded_path)
    code, out, _ = run(capsys, "--db", db, "backup")
    assert code == 0 and "Backed up roundtable.sqlite3 to" in out
    made = next(backups_dir(seeded_path).iterdir())
    code, out, _ = run(capsys, "--db", db, "backup", "--list")
    assert (
        code == 0 and made.name in out and "Backed up by you" in out and str(live_entries(seeded_path)) in out
    )
    import sqlite3

    notes = live_notes(seeded_path)
    conn = sqlite3.connect(seeded_path)
    conn.execute("DELETE FROM note")
    conn.commit()
    conn.close()
    code, out, err = run(capsys, "--db", db, "restore", made.name)  # a name from --list will do
    assert (code, err) == (0, "")
    assert "Restored roundtable.sqlite3" in out and f"{notes} notes" in out and "before-restore" in out
    code, out, _ = run(capsys, "--db", db, "check")
    assert code == 0 and f"It holds {live_entries(seeded_path)} entries and {notes} notes." in out


def test_backup_out_writes_a_new_file_only(
    capsys: pytest.CaptureFixture[str], seeded_path: Path, tmp_path: Path
) -> None:
    target = tmp_path / "copy.sqlite3"
    assert run(capsys, "--db", str(seeded_path), "backup", "--out", str(target))[0] == 0
    code, _, _ = run(capsys, "--db", str(target), "check")
    assert code == 0
    before = digest(target)
    code, out, err = run(capsys, "--db", str(seeded_path), "backup", "--out", str(target))
    assert (code, out) == (1, "") and "already exists" in err and err.count("\n") == 1
    assert digest(target) == before


def test_writing_commands_refuse_while_the_window_holds_the_database(
    capsys: pytest.CaptureFixture[str], window_holds: Path, tmp_path: Path
) -> None:
    db = str(window_holds)
    folder = tmp_path / "mini"
    shutil.copytree(MINI.parent, folder)
    backup = tmp_path / "b.sqlite3"
    assert run(capsys, "--db", db, "backup", "--out", str(backup))[0] == 0  # reading is fine
    before = digest(window_holds)

    code, out, err = run(capsys, "--db", db, "import", str(folder / "mini.yaml"))
    assert (code, out) == (1, "") and err.count("\n") == 1
    assert "in use by the Roundtable window" in err and "Nothing was changed" in err
    code, out, err = run(capsys, "--db", db, "restore", str(backup))
    assert (code, out) == (1, "") and "in use by the Roundtable window" in err
    assert digest(window_holds) == before

    # the reading commands read beside it
    code, out, _ = run(capsys, "--db", db, "list", "countries")
    assert code == 0 and "Laos" in out
    assert run(capsys, "--db", db, "show", "laos")[0] == 0
    code, out, _ = run(capsys, "--db", db, "check")
    assert code == 0 and "All good." in out
    assert digest(window_holds) == before


def test_check_reports_damage_in_plain_words(capsys: pytest.CaptureFixture[str], seeded_path: Path) -> None:
    damage.flip_page(seeded_path, "citation")
    code, out, err = run(capsys, "--db", str(seeded_path), "check")
    assert code == 1 and err == ""
    assert "The file is damaged" in out and "Restore a backup" in out
    assert "Traceback" not in out


@pytest.mark.parametrize("how", ["flip_header", "truncate"])
def test_damaged_files_get_one_line_and_a_way_forward(
    capsys: pytest.CaptureFixture[str], seeded_path: Path, how: str
) -> None:
    getattr(damage, how)(seeded_path)
    before = digest(seeded_path)
    for args in (["list", "officials"], ["check"], ["import", str(MINI)], ["backup"]):
        code, out, err = run(capsys, "--db", str(seeded_path), *args)
        assert code == 1 and out == "", args
        assert err.count("\n") == 1 and "damaged" in err and "roundtable restore" in err, args
    assert digest(seeded_path) == before


def test_restore_of_a_damaged_backup_is_refused(
    capsys: pytest.CaptureFixture[str], seeded_path: Path, tmp_path: Path
) -> None:
    bad = damage.flip_page(Path(shutil.copy(seeded_path, tmp_path / "bad.sqlite3")), "citation")
    before = digest(seeded_path)
    code, out, err = run(capsys, "--db", str(seeded_path), "restore", str(bad))
    assert (code, out) == (1, "") and "damaged" in err and "Nothing was changed" in err
    assert digest(seeded_path) == before


@pytest.mark.parametrize("command", ["backup", "restore"])
def test_new_commands_have_help(capsys: pytest.CaptureFixture[str], command: str) -> None:
    code, out, _ = run(capsys, command, "--help")
    assert code == 0 and "usage: roundtable" in out


HOSTILE = st.one_of(
    st.text(min_size=1, max_size=300),
    st.sampled_from(
        [
            "../../../../etc/passwd",
            "..\\..\\windows\\system32",
            "'; DROP TABLE entity; --",
            '" OR 1=1 --',
            "%_\\",
            "---\nkey: [unclosed",
            "**bold** [[link]] <script>alert(1)</script>",
            "\u202eevil\u202c",
            "\u200d\u200c\u200b",
            "陈刚 ພາສາລາວ ភាសាខ្មែរ ไทย မြန်မာ",
            "\x00\x01\x1b[31m",
            "x" * 5000,
            "-h",
            "--json",
        ]
    ),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(command=st.sampled_from(["list", "show", "import", "restore"]), value=HOSTILE)
def test_hostile_arguments_never_crash(
    capsys: pytest.CaptureFixture[str], seeded_path: Path, command: str, value: str
) -> None:
    before = digest(seeded_path)
    args = {
        "list": ["list", "officials", "--filter", value],
        "show": ["show", value],
        "import": ["import", value],
        "restore": ["restore", value],
    }[command]
    if "\x00" in value and command in ("import", "restore"):
        value = value.replace("\x00", "")  # (the OS cannot take a NUL in a path at all)
        args[-1] = value
    code, out, err = run(capsys, "--db", str(seeded_path), *args)
    assert code in (0, 1, 2)
    assert "Traceback" not in err
    if code == 1:
        assert err.startswith("roundtable: ") and out == ""
    if command != "import" or code != 0:
        assert digest(seeded_path) == before


def test_hostile_kind_names(capsys: pytest.CaptureFixture[str], seeded_path: Path) -> None:
    for kind in ("officials; DROP TABLE entity", "../etc", string.punctuation, "ОФИЦИАЛЬНЫЕ"):
        code, _, err = run(capsys, "--db", str(seeded_path), "list", kind)
        assert code == 2 and "unknown kind" in err


@pytest.mark.parametrize("command", [["restore"], ["backup", "--out"], ["export", "--out"]])
def test_a_tilde_of_no_user_is_a_plain_name(
    capsys: pytest.CaptureFixture[str],
    seeded_path: Path,
    command: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`~nobody` (Hypothesis found '~0') is left as written, as a shell leaves it: one clear
    line or a file of that name, never a traceback."""
    monkeypatch.chdir(tmp_path)  # a relative '~no-such-user-0' lands here
    code, _out, err = run(capsys, "--db", str(seeded_path), *command, "~no-such-user-0")
    assert "Traceback" not in err and "RuntimeError" not in err
    assert code in (0, 1) and (code == 0 or err.count("\n") == 1)
    assert user_path("~no-such-user-0/x") == Path("~no-such-user-0/x")
    assert user_path("~/x") == Path.home() / "x"
