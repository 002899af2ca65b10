"""Database paths that are not what they seem, given to every command: a FIFO, a device, a
socket, a folder, a symlink, a mistyped name, a file of another program, a damaged or
incomplete library — and the pipe a command's output goes into closing early.

Each is refused at once, in one sentence, with nothing created beside the path (no `-wal`,
`-shm` or `.lock`) and not a byte of the file changed.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.paths import backups_dir
from app.services import backups, library
from app.services.opening import assess
from tests.builders import damage
from tests.conftest import MINI, copy_db, live_notes
from tests.unit.test_cli import run
from tests.unit.test_lock import hold_in_child, stop

ROOT = Path(__file__).resolve().parents[2]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def listing(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


def commands(tmp: Path, backup: Path) -> dict[str, list[str]]:
    """Every command that opens the database, with arguments that would otherwise work."""
    vault = tmp / "vault"
    vault.mkdir(exist_ok=True)
    return {
        "list": ["list", "officials"],
        "show": ["show", "chen-gang"],
        "search": ["search", "china"],
        "check": ["check"],
        "check --reindex": ["check", "--reindex"],
        "export --out": ["export", "--out", str(tmp / "out")],
        "export --json": ["export", "--json", str(tmp / "all.json")],
        "import": ["import", str(MINI)],
        "import-notes": ["import-notes", str(vault)],
        "backup": ["backup"],
        "backup --list": ["backup", "--list"],
        "restore": ["restore", str(backup)],
    }


@pytest.fixture(scope="module")
def a_backup(tmp_path_factory: pytest.TempPathFactory, seeded_template: Path) -> Path:
    """A sound backup, outside the folders the tests watch."""
    return copy_db(seeded_template, tmp_path_factory.mktemp("elsewhere") / "backup.sqlite3")


# --- FIFOs, devices, sockets, folders ---------------------------------------------------------


def test_a_fifo_as_the_database_is_refused_by_every_command_at_once(tmp_path: Path, a_backup: Path) -> None:
    """It hung every command (import and import-notes while holding the writer lock)."""
    work = tmp_path / "work"
    work.mkdir()
    fifo = work / "library.sqlite3"
    os.mkfifo(fifo)
    every = commands(tmp_path, a_backup)
    before = listing(tmp_path)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    started = {
        name: subprocess.Popen(
            [sys.executable, "-m", "app", "--db", str(fifo), *args],
            cwd=work,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name, args in every.items()
    }
    results = {}
    deadline = time.monotonic() + 60  # all run at once; any still running then has hung
    try:
        for name, child in started.items():
            try:
                out, err = child.communicate(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                child.kill()
                out, err = child.communicate()
                err = "(hung)"
            results[name] = (child.returncode, out, err)
    finally:
        for child in started.values():
            if child.poll() is None:
                child.kill()
                child.wait()
    for name, (code, out, err) in results.items():
        assert (code, out) == (1, ""), (name, err)
        assert err == f"roundtable: {fifo} is a named pipe (FIFO), not an ordinary file; " + (
            "Roundtable reads only ordinary files.\n"
        ), name
    assert listing(tmp_path) == before  # no -wal, -shm, .lock, export or backup


@pytest.fixture
def not_a_file(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Path, str]]:
    kind = request.param
    path = tmp_path / "library.sqlite3"
    if kind == "folder":
        path.mkdir()
        yield path, "is a folder"
    elif kind == "socket":
        server = socket.socket(socket.AF_UNIX)
        server.bind(str(path))
        try:
            yield path, "is a socket, not an ordinary file"
        finally:
            server.close()
    else:  # a link to a device: the link is resolved, and what it names is refused
        path.symlink_to(os.devnull)
        yield path, f"{os.devnull} is a device, not an ordinary file"


@pytest.mark.parametrize("not_a_file", ["folder", "socket", "device"], indirect=True)
def test_a_device_socket_or_folder_is_refused_with_nothing_created(
    capsys: pytest.CaptureFixture[str], not_a_file: tuple[Path, str], tmp_path: Path, a_backup: Path
) -> None:
    path, says = not_a_file
    every = commands(tmp_path, a_backup)
    before = listing(tmp_path)
    for name, args in every.items():
        code, out, err = run(capsys, "--db", str(path), *args)
        assert (code, out) == (1, ""), (name, err)
        assert says in err and err.count("\n") == 1, (name, err)
    assert listing(tmp_path) == before


def test_the_window_is_told_about_a_fifo_in_its_dialog(tmp_path: Path) -> None:
    """The start-up assessment the window's dialog is built from: the same sentence, at once."""
    fifo = tmp_path / "library.sqlite3"
    os.mkfifo(fifo)
    found: list[object] = []
    looking = threading.Thread(target=lambda: found.append(assess(fifo)), daemon=True)
    looking.start()
    looking.join(20)
    if looking.is_alive():  # let the blocked open go, so the thread ends
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        pytest.fail("assessing a FIFO hung")
    (assessment,) = found
    assert assessment.problem is not None  # type: ignore[attr-defined]
    assert "is a named pipe (FIFO), not an ordinary file" in assessment.problem.explanation  # type: ignore[attr-defined]
    assert listing(tmp_path) == {"library.sqlite3"}


# --- symlinks ---------------------------------------------------------------------------------


def test_a_command_through_a_symlink_meets_the_window_holding_the_real_file(
    capsys: pytest.CaptureFixture[str],
    seeded_path: Path,
    tmp_path: Path,
    a_backup: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The lock was keyed by the path as typed: `import` through a link wrote under the window."""
    monkeypatch.setattr(library, "LOCK_WAIT_S", 0.2)  # (the window will not let go)
    link = tmp_path / "elsewhere" / "link.sqlite3"
    link.parent.mkdir()
    link.symlink_to(seeded_path)
    before = digest(seeded_path)
    child = hold_in_child(seeded_path, "window")
    try:
        code, out, err = run(capsys, "--db", str(link), "import", str(MINI))
        assert (code, out) == (1, "") and "in use by the Roundtable window" in err, err
        code, out, err = run(capsys, "--db", str(link), "restore", str(a_backup))
        assert (code, out) == (1, "") and "in use by the Roundtable window" in err, err
    finally:
        stop(child)
    assert digest(seeded_path) == before
    assert not (link.parent / "link.sqlite3.lock").exists()


def test_restore_through_a_symlink_replaces_the_file_and_keeps_the_link(
    capsys: pytest.CaptureFixture[str], seeded_path: Path, tmp_path: Path
) -> None:
    made = backups.backup_now(seeded_path, backups.MANUAL)
    notes = live_notes(seeded_path)
    conn = sqlite3.connect(seeded_path)
    conn.execute("DELETE FROM note")
    conn.commit()
    conn.close()
    link = tmp_path / "links" / "link.sqlite3"
    link.parent.mkdir()
    link.symlink_to(seeded_path)
    code, out, err = run(capsys, "--db", str(link), "restore", made.name)  # a name from the real folder
    assert (code, err) == (0, "") and f"{notes} notes" in out
    assert link.is_symlink() and link.resolve() == seeded_path.resolve()
    conn = sqlite3.connect(seeded_path)
    assert conn.execute("SELECT count(*) FROM note").fetchone()[0] == notes
    conn.close()
    assert sorted(p.name for p in link.parent.iterdir()) == [
        "link.sqlite3"
    ]  # its backups sit beside the real file
    assert any(p.name.endswith("before-restore.sqlite3") for p in backups_dir(seeded_path).iterdir())


# --- a path that names nothing ----------------------------------------------------------------


@pytest.mark.parametrize("how", ["--db", "ROUNDTABLE_DB"])
def test_a_mistyped_path_is_refused_by_every_command_and_creates_nothing(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    a_backup: Path,
    monkeypatch: pytest.MonkeyPatch,
    how: str,
) -> None:
    missing = tmp_path / "libary.sqlite3"
    every = commands(tmp_path, a_backup)
    del every["restore"], every["backup --list"]  # (these may name a library that is gone)
    before = listing(tmp_path)
    given = ["--db", str(missing)] if how == "--db" else []
    if how == "ROUNDTABLE_DB":
        monkeypatch.setenv("ROUNDTABLE_DB", str(missing))
    for name, args in every.items():
        code, out, err = run(capsys, *given, *args)
        assert (code, out) == (1, ""), (name, err)
        assert (
            err.startswith(f"roundtable: No library at {missing}; nothing was created.")
            and err.count("\n") == 1
        ), (name, err)
    assert listing(tmp_path) == before


def test_the_default_library_is_made_by_the_first_command(
    capsys: pytest.CaptureFixture[str], _isolated_home: Path
) -> None:
    """A first run (and `make wheel-check`) may start with a command."""
    code, out, err = run(capsys, "check")
    assert (code, err) == (0, "") and "All good." in out
    assert (_isolated_home / "data" / "roundtable.sqlite3").is_file()


# --- other programs' files, damaged and incomplete libraries: nothing written beside them -----


def _foreign_wal(path: Path) -> Path:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE places (url TEXT)")
    conn.execute("INSERT INTO places VALUES ('https://example.org')")
    conn.close()
    return path


def _newer(path: Path) -> Path:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return path


@pytest.mark.parametrize("kind", ["foreign", "newer", "damaged"])
def test_refusing_a_file_leaves_nothing_beside_it(
    capsys: pytest.CaptureFixture[str], seeded_template: Path, tmp_path: Path, a_backup: Path, kind: str
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    path = work / "library.sqlite3"
    if kind == "foreign":
        _foreign_wal(path)
    else:
        copy_db(seeded_template, path)
        conn = sqlite3.connect(path)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.close()
        _newer(path) if kind == "newer" else damage.flip_page(path, "citation")
    assert sorted(p.name for p in work.iterdir()) == [
        "library.sqlite3"
    ]  # in WAL mode, with no -wal beside it
    before = digest(path)
    refusing = ["import", "import-notes", "check --reindex"]
    if kind != "damaged":  # (check, list and the rest read what they can of a damaged file)
        refusing += ["list", "show", "search", "check", "export --json", "backup"]
    # A damaged library is still ours: its writer lock is taken before the check that finds
    # the damage, and that lock file may stay. Nothing else may appear.
    allowed = {"library.sqlite3", "library.sqlite3.lock"} if kind == "damaged" else {"library.sqlite3"}
    every = commands(tmp_path, a_backup)
    for name in refusing:
        code, out, err = run(capsys, "--db", str(path), *every[name])
        assert (code, out) == (1, ""), (name, err)
        assert err.count("\n") == 1, (name, err)
        assert {p.name for p in work.iterdir()} <= allowed, name
    assert digest(path) == before


def test_reading_a_damaged_library_leaves_nothing_beside_it(
    capsys: pytest.CaptureFixture[str], seeded_path: Path, tmp_path: Path, a_backup: Path
) -> None:
    """SQLite makes -wal and -shm to read a WAL-mode file, and read-only connections cannot take
    them away: `check`, `show` and the rest left them beside a damaged library they refused."""
    damage.flip_page(seeded_path, "entity")
    folder = seeded_path.parent
    every = commands(tmp_path, a_backup)
    before, seen = digest(seeded_path), listing(folder)
    assert "roundtable.sqlite3-wal" not in seen
    for name in ("list", "show", "search", "check", "export --json"):
        code, _, err = run(capsys, "--db", str(seeded_path), *every[name])
        assert code in (0, 1) and err.count("\n") <= 1, (name, err)
        assert listing(folder) == seen, name
    assert digest(seeded_path) == before


@pytest.mark.parametrize("how", ["truncate", "flip_header"])
def test_backup_list_shows_the_way_out_of_a_damaged_library(
    capsys: pytest.CaptureFixture[str], seeded_path: Path, how: str
) -> None:
    """A damaged library's refusal says `roundtable backup --list` shows the backups: it must."""
    made = backups.backup_now(seeded_path, backups.MANUAL)
    getattr(damage, how)(seeded_path)
    code, out, err = run(capsys, "--db", str(seeded_path), "backup", "--list")
    assert (code, err) == (0, "") and made.name in out


@pytest.mark.parametrize("kind", ["foreign", "newer"])
def test_restore_never_replaces_another_programs_or_a_newer_file(
    capsys: pytest.CaptureFixture[str], seeded_template: Path, tmp_path: Path, a_backup: Path, kind: str
) -> None:
    path = tmp_path / "places.sqlite3"
    _foreign_wal(path) if kind == "foreign" else _newer(copy_db(seeded_template, path))
    before = digest(path)
    code, out, err = run(capsys, "--db", str(path), "restore", str(a_backup))
    assert (code, out) == (1, "") and err.count("\n") == 1
    assert "A restore replaces only a Roundtable library; nothing was changed." in err
    assert digest(path) == before and not (tmp_path / "backups").exists()
    code, out, err = run(capsys, "--db", str(path), "backup", "--list")  # (its backups are not ours)
    assert (code, out) == (1, "") and err.rstrip().endswith("Nothing was listed.")


def test_import_into_a_library_missing_a_table_writes_nothing(
    capsys: pytest.CaptureFixture[str], seeded_path: Path
) -> None:
    """It switched the file to WAL while saying nothing was saved."""
    conn = sqlite3.connect(seeded_path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("DROP TABLE dataset_import")
    conn.close()
    before, stamp = digest(seeded_path), seeded_path.stat().st_mtime_ns
    for args in (["import", str(MINI)], ["list", "officials"], ["check"]):
        code, out, err = run(capsys, "--db", str(seeded_path), *args)
        assert (code, out) == (1, ""), (args, err)
        assert "its table dataset_import is missing" in err and err.count("\n") == 1, err
    assert (digest(seeded_path), seeded_path.stat().st_mtime_ns) == (before, stamp)
    assert sorted(p.name for p in seeded_path.parent.iterdir()) == ["roundtable.sqlite3"]


def test_check_says_when_references_could_not_be_checked(
    capsys: pytest.CaptureFixture[str], seeded_path: Path
) -> None:
    """It printed "References: -1 broken"."""
    damage.flip_page(seeded_path, "note_link")  # a table the reference check must read
    code, out, _ = run(capsys, "--db", str(seeded_path), "check")
    assert code == 1 and "References: -1" not in out
    assert "References: could not be checked (the file is damaged)" in out
    code, out, _ = run(capsys, "--db", str(seeded_path), "check", "--json")
    assert code == 1 and json.loads(out)["foreign_key_problems"] is None


# --- output --------------------------------------------------------------------------------------


def test_a_closed_pipe_ends_the_command_quietly(seeded_path: Path) -> None:
    """`roundtable list officials | head -1` was reported as a failing disk."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader has gone, as `head` goes after its line
    try:
        done = subprocess.run(
            [sys.executable, "-m", "app", "--db", str(seeded_path), "list", "officials"],
            cwd=ROOT,
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    finally:
        os.close(write_end)
    assert (done.returncode, done.stderr) == (141, "")


def test_a_pipeline_into_head_ends_as_a_unix_tool_does(seeded_path: Path) -> None:
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("no bash")
    line = f'"{sys.executable}" -m app --db "{seeded_path}" list officials | head -c 0; echo "${{PIPESTATUS[0]}}"'
    done = subprocess.run([bash, "-c", line], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert (done.stdout, done.stderr) == ("141\n", "")


def test_export_json_refuses_an_existing_file_unless_told_to_overwrite(
    capsys: pytest.CaptureFixture[str], seeded_path: Path, tmp_path: Path
) -> None:
    target = tmp_path / "all.json"
    target.write_text("my own notes\n", encoding="utf-8")
    code, out, err = run(capsys, "--db", str(seeded_path), "export", "--json", str(target))
    assert (code, out) == (1, "") and err.count("\n") == 1
    assert "already exists" in err and "--overwrite" in err
    assert target.read_text(encoding="utf-8") == "my own notes\n"
    code, out, err = run(capsys, "--db", str(seeded_path), "export", "--json", str(target), "--overwrite")
    assert (code, err) == (0, "") and out.startswith(f"Wrote {target}")
    assert target.read_text(encoding="utf-8").startswith("{")
