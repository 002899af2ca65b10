"""What Roundtable creates is this user's only: folders 0700, files 0600 (issue 16: the database,
backups, exports and lock were created 0644 in 0755 folders, so on a shared machine every other
user could read the notes). What was there before keeps its mode: a folder the user chose, a
file an export replaces, a database a restore replaces.

Run as root, the second-user case also tries to read each thing as another user.
"""

from __future__ import annotations

import os
import stat
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.db import lock
from app.db.backup import backup_to, copy_damaged
from app.db.database import open_database
from app.paths import backups_dir, default_db_path
from app.services import backups
from app.services.json_export import export_json
from app.services.markdown_export import MarkdownExport, export_markdown
from tests.conftest import copy_db

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


@pytest.fixture(autouse=True)
def _usual_umask() -> Iterator[None]:
    """The umask most desktops have (022): without care, new files are 0644 and folders 0755."""
    old = os.umask(0o022)
    yield
    os.umask(old)


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A folder other users may enter, as a home folder often is (0755); tmp_path is not."""
    folder = Path(tempfile.mkdtemp(prefix="roundtable-shared-"))
    folder.chmod(0o755)
    yield folder
    subprocess.run(["rm", "-rf", str(folder)], check=False)


def test_a_new_library_its_folder_lock_and_side_files_are_private(
    shared_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ROUNDTABLE_HOME", str(shared_folder / "home"))
    path = default_db_path()
    held = lock.acquire(path, "test")  # as a command takes it, before the file exists
    try:
        db = open_database(path)
        try:
            conn = db.connect()
            conn.execute("INSERT INTO meta (key, value) VALUES ('x', 'y')")
            wal, shm = (path.with_name(path.name + s) for s in ("-wal", "-shm"))
            assert wal.exists() and shm.exists()
            created = {
                "ROUNDTABLE_HOME": shared_folder / "home",
                "data folder": path.parent,
                "database": path,
                "-wal": wal,
                "-shm": shm,
                "lock": lock.lock_path(path),
            }
            modes = {name: oct(mode(p)) for name, p in created.items()}
            assert modes == {
                "ROUNDTABLE_HOME": "0o700",
                "data folder": "0o700",
                "database": "0o600",
                "-wal": "0o600",
                "-shm": "0o600",
                "lock": "0o600",
            }
            conn.close()
        finally:
            db.close()
    finally:
        held.release()


def test_backups_and_their_folder_are_private(seeded_path: Path, tmp_path: Path) -> None:
    made = [
        backups.backup_now(seeded_path),
        backups.backup_now(seeded_path, backups.BEFORE_IMPORT),
        backup_to(seeded_path, tmp_path / "new folder" / "copy.sqlite3"),  # backup --out
        copy_damaged(seeded_path),
    ]
    assert mode(backups_dir(seeded_path)) == 0o700
    assert mode(tmp_path / "new folder") == 0o700
    assert {p.name: oct(mode(p)) for p in made} == {p.name: "0o600" for p in made}
    result = backups.restore(seeded_path, made[0])
    assert result.previous_saved_as is not None and mode(result.previous_saved_as) == 0o600


def test_a_restore_keeps_the_mode_of_the_file_it_replaces(seeded_path: Path) -> None:
    made = backups.backup_now(seeded_path)
    seeded_path.chmod(0o640)  # the user's choice (a group that shares the library, say)
    backups.restore(seeded_path, made)
    assert mode(seeded_path) == 0o640


def test_exports_are_private_but_a_chosen_folder_keeps_its_mode(seeded_path: Path, tmp_path: Path) -> None:
    db = open_database(seeded_path)
    try:
        new_vault = tmp_path / "exports" / "vault"
        export_markdown(db, MarkdownExport(folder=new_vault, digest=tmp_path / "digests" / "all.md"))
        chosen = tmp_path / "chosen"
        chosen.mkdir()
        chosen.chmod(0o755)
        export_markdown(db, MarkdownExport(folder=chosen))
        export_json(db, tmp_path / "dump.json")
    finally:
        db.close()
    folders = [new_vault.parent, new_vault, tmp_path / "digests"]
    folders += [p for p in new_vault.rglob("*") if p.is_dir()]
    files = [p for p in [*new_vault.rglob("*"), *chosen.rglob("*")] if p.is_file()]
    files += [tmp_path / "digests" / "all.md", tmp_path / "dump.json"]
    assert len(files) > 100 and len(folders) > 3
    assert {str(p): oct(mode(p)) for p in folders} == {str(p): "0o700" for p in folders}
    assert {str(p): oct(mode(p)) for p in files} == {str(p): "0o600" for p in files}
    assert mode(chosen) == 0o755
    assert {oct(mode(p)) for p in chosen.rglob("*") if p.is_dir()} == {"0o700"}  # made by the export


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to be another user")
def test_another_user_reads_none_of_it(seeded_template: Path, shared_folder: Path) -> None:
    """As a second local user (nobody), in folders that user may enter: nothing can be read."""
    library = copy_db(seeded_template, shared_folder / "library.sqlite3")  # --db in a 0755 folder
    library.chmod(0o600)  # (copy_db lets SQLite make it; a new library is created so, as above)
    backup = backups.backup_now(library)
    db = open_database(library)
    try:
        conn = db.connect()
        conn.execute("INSERT INTO meta (key, value) VALUES ('x', 'y')")  # a live -wal and -shm
        dump = shared_folder / "dump.json"
        export_json(db, dump)
        export_markdown(db, MarkdownExport(folder=shared_folder / "vault"))
        note = next((shared_folder / "vault").rglob("*.md"))
        targets = [
            library,
            library.with_name(library.name + "-wal"),
            library.with_name(library.name + "-shm"),
            lock.lock_path(library),
            backup,
            dump,
            note,
        ]
        held = lock.acquire(library, "test")
        try:
            refused = {str(p): _as_nobody("cat", str(p)) for p in targets}
            refused["backups folder"] = _as_nobody("ls", str(backups_dir(library)))  # not even names
        finally:
            held.release()
            conn.close()
    finally:
        db.close()
    assert refused == dict.fromkeys(refused, True), "another user could read some of it"


def _as_nobody(*command: str) -> bool:
    """Was `command`, run as the user nobody, refused for want of permission?"""
    done = subprocess.run(
        list(command), user=65534, group=65534, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=60
    )
    return done.returncode != 0 and b"Permission denied" in done.stderr
