"""Another local user against the single-instance socket (app/gui/single_instance.py).

A socket left in the shared temporary folder under the old predictable name, answering "ok" as
a window would, made every launch of Roundtable exit silently. These tests put such a squatter,
running as `nobody`, in the old place, in the folder where the socket now lives, and in the
user's own folder, and prove that Roundtable still starts, never speaks to it, and that its own
windows still hand over to each other. Roundtable runs here as it does for a user, in processes
of its own. They need root to act as a second user (CI runs as
root); elsewhere they skip."""

from __future__ import annotations

import getpass
import hashlib
import os
import pwd
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.db import lock
from app.paths import runtime_dir
from tests.builders.squatter import Squatter

ROOT = Path(__file__).resolve().parents[2]


def _other_user() -> tuple[int, int] | None:
    try:
        found = pwd.getpwnam("nobody")
    except KeyError:
        return None
    return found.pw_uid, found.pw_gid


def _python_for_others() -> str | None:
    """A Python the other user may run: every folder on the way there open to others. (This
    one's may sit in root's home, which `nobody` cannot enter.)"""
    for candidate in (sys.executable, "/usr/bin/python3", "/usr/local/bin/python3"):
        real = Path(os.path.realpath(candidate))
        if real.is_file() and all(p.stat().st_mode & 0o001 for p in (real, *real.parents)):
            return str(real)
    return None


OTHER = _other_user()
NOBODY = OTHER[0] if OTHER else -1
pytestmark = [
    pytest.mark.skipif(
        sys.platform == "win32" or os.geteuid() != 0,
        reason="acting as a second user needs root (CI runs these as root)",
    ),
    pytest.mark.skipif(OTHER is None, reason="no `nobody` user to act as the second user"),
]


@pytest.fixture
def squatters() -> Iterator[list[Squatter]]:
    made: list[Squatter] = []
    yield made
    for squatter in made:
        squatter.close()


def squat(squatters: list[Squatter], *paths: Path) -> Squatter:
    """A squatter running as `nobody`, listening on `paths`."""
    assert OTHER is not None
    python = _python_for_others()
    if python is None:
        pytest.skip("no Python here that `nobody` may run")
    squatter = Squatter(paths, python=python, user=OTHER[0], group=OTHER[1])
    squatters.append(squatter)
    for path in paths:
        assert path.lstat().st_uid == NOBODY
    return squatter


@pytest.fixture
def short() -> Iterator[Path]:
    """A folder with a short path (a socket's must fit in about 100 bytes), removed after; the
    other user may pass through it to the folders they are given in it."""
    folder = Path(tempfile.mkdtemp(prefix="rt-"))
    folder.chmod(0o711)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def runtime(short: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """This user's $XDG_RUNTIME_DIR (0700) and cache folder, for this test alone."""
    xdg = short / "xdg"
    xdg.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(xdg))
    monkeypatch.setenv("XDG_CACHE_HOME", str(short / "cache"))
    return xdg


@pytest.fixture
def shared(short: Path) -> Path:
    """A folder every user may write to, as /tmp is (sticky, 1777)."""
    folder = short / "shared"
    folder.mkdir()
    folder.chmod(0o1777)
    return folder


def launch(db: Path, **env: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "app", "--db", str(db)],
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def ended(child: subprocess.Popen[str], timeout: float = 60) -> tuple[int | None, str, str]:
    """Its exit status and output; None if it was still running after `timeout` (then killed)."""
    try:
        out, err = child.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        child.kill()
        out, err = child.communicate()
        return None, out, err
    return child.returncode, out, err


def serving(db: Path, window: subprocess.Popen[str]) -> Path:
    """Wait for the window on `db` to listen (which it does once it holds the file); its socket."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert window.poll() is None, ended(window)
        folder = runtime_dir()
        sockets = list(folder.glob("*.socket")) if folder is not None else []
        if sockets:
            assert lock.holder(db) is not None
            return sockets[0]
        time.sleep(0.1)
    raise AssertionError("the window never started serving")


# In a process of its own, as a second launch would: the socket's name for the file, then, once
# told to go on, whether asking it to take over was answered.
_HAND_OVER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from PySide6.QtCore import QCoreApplication
    from app.gui.single_instance import hand_over, server_name
    app = QCoreApplication([])
    db = Path(sys.argv[1])
    print(server_name(db), flush=True)
    sys.stdin.readline()
    print("answered" if hand_over(db) else "not answered", flush=True)
    """
)


def test_a_squatter_in_the_old_shared_place_cannot_stop_a_start(
    squatters: list[Squatter], runtime: Path, seeded_path: Path
) -> None:
    """The old name was in the shared temporary folder and anyone could work it out: the user's
    name and the database's path. A squatter there made every launch exit without a word."""
    key = f"{getpass.getuser()}\0{seeded_path.resolve()}".encode()
    old = Path(tempfile.gettempdir()) / ("roundtable-" + hashlib.sha256(key).hexdigest()[:24])
    squatter = squat(squatters, old)
    status, out, err = ended(launch(seeded_path, ROUNDTABLE_SMOKE_TEST="1"))
    assert status == 0 and "main window painted" in out, (status, out, err[-2000:])
    assert squatter.close() == 0


@pytest.mark.parametrize("whose_runtime", ["shared", "ours"])
def test_a_squatter_in_the_new_place_is_never_asked(
    squatters: list[Squatter],
    runtime: Path,
    shared: Path,
    seeded_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    whose_runtime: str,
) -> None:
    """The other user makes the roundtable/ folder the socket would go in, and listens there
    under any name the socket might have: in a shared $XDG_RUNTIME_DIR (as /tmp is), or in the
    user's own (made theirs by other means). Roundtable opens the file, and a second launch
    raises the first window and exits, without a word to the squatter."""
    if whose_runtime == "shared":
        monkeypatch.setenv("XDG_RUNTIME_DIR", str(shared))
        theirs = shared / "roundtable"
    else:
        theirs = runtime / "roundtable"
        runtime.chmod(0o711)  # long enough for `nobody` to reach its own folder in it
    theirs.mkdir()
    os.chown(theirs, NOBODY, -1)
    theirs.chmod(0o777)
    name = hashlib.sha256(os.fsencode(seeded_path.resolve())).hexdigest()[:24]
    squatter = squat(squatters, theirs / f"{name}.socket", theirs / f"roundtable-{name}")
    runtime.chmod(0o700)

    first = launch(seeded_path)
    try:
        ours = serving(seeded_path, first)
        assert not ours.is_relative_to(theirs) and ours.lstat().st_uid == 0
        status, _, err = ended(launch(seeded_path), timeout=30)
        assert status == 0, ("the second launch did not hand over", status, err[-2000:])
        assert first.poll() is None
    finally:
        first.kill()
        ended(first)
    assert squatter.close() == 0
    assert theirs.lstat().st_uid == NOBODY  # left alone


def test_a_socket_of_another_user_in_the_users_own_folder_is_never_asked(
    squatters: list[Squatter], runtime: Path, shared: Path, seeded_path: Path
) -> None:
    """Root may connect to any socket: one that another user got into root's own folder (made
    elsewhere and moved in) is not asked to take over."""
    asker = subprocess.Popen(
        [sys.executable, "-c", _HAND_OVER, str(seeded_path)],
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert asker.stdin is not None and asker.stdout is not None
    name = Path(asker.stdout.readline().strip())
    assert name.parent == runtime / "roundtable"
    squatter = squat(squatters, shared / "theirs.socket")
    (shared / "theirs.socket").rename(name)
    squatter.paths.append(str(name))
    out, _ = asker.communicate("go\n", timeout=60)
    assert out.strip() == "not answered"
    assert squatter.close() == 0
