"""The single-instance socket (app/gui/single_instance.py) and the start order (app/gui/host.py):
a start takes the writer lock before it talks to any socket, the socket sits in a folder only
its user may enter, and a client can make the window neither exit, hang nor grow."""

from __future__ import annotations

import getpass
import hashlib
import os
import shutil
import socket
import stat
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtNetwork import QLocalSocket
from pytestqt.qtbot import QtBot

from app.gui.host import Host, Outcome
from app.gui.single_instance import InstanceServer
from app.services.opening import Option
from tests.builders.squatter import Squatter
from tests.gui.conftest import Answers

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="Windows uses per-session named pipes")


@pytest.fixture
def runtime(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A private $XDG_RUNTIME_DIR of this test's own. Short, as a socket's path must be (about
    100 bytes), which a pytest tmp_path is not; the cache fallback goes there too."""
    folder = Path(tempfile.mkdtemp(prefix="rt-"))
    folder.chmod(0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder))
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder / "cache"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def predictable_name(db: Path) -> str:
    """The name the socket used to have in the shared temporary folder: anyone could work it out
    from the user's name and the database's path."""
    key = f"{getpass.getuser()}\0{db.resolve()}".encode()
    return "roundtable-" + hashlib.sha256(key).hexdigest()[:24]


@pytest.fixture
def squatters() -> Iterator[list[Squatter]]:
    made: list[Squatter] = []
    yield made
    for squatter in made:
        squatter.close()


def old_location(db: Path) -> Path:
    return Path(tempfile.gettempdir()) / predictable_name(db)


def listening(db: Path) -> tuple[InstanceServer, str]:
    server = InstanceServer(db)
    assert server.listen() and server._server is not None
    return server, server._server.fullServerName()


def rss_bytes() -> int:
    return int(Path("/proc/self/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")


# --- the start order ------------------------------------------------------------------------


@posix_only
def test_a_start_takes_the_lock_before_it_asks_any_socket(
    qtbot: QtBot, hosts: list[Host], squatters: list[Squatter], runtime: Path, seeded_path: Path
) -> None:
    """Someone listening under the old predictable name, answering "ok" as a window would, made
    every launch exit silently. The lock is free, so no other window has the file: open it."""
    squatter = Squatter([old_location(seeded_path)])
    squatters.append(squatter)
    host = Host(ask=Answers())  # no answers: any question fails the test
    hosts.append(host)
    assert host.start(seeded_path) is Outcome.OPENED
    assert host.window is not None
    assert squatter.close() == 0


@posix_only
def test_a_failed_hand_over_says_the_file_is_in_use(
    qtbot: QtBot,
    hosts: list[Host],
    squatters: list[Squatter],
    runtime: Path,
    seeded_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """When the lock is held, only this user's own window may take over; anything else answering
    (here, under the old name) is ignored and the user is told the file is in use, not left with
    nothing on the screen."""
    from tests.unit.test_lock import hold_in_child, stop

    monkeypatch.setattr("app.gui.host.HAND_OVER_PATIENCE_S", 0.2)
    squatters.append(Squatter([old_location(seeded_path)]))
    child = hold_in_child(seeded_path, "window")  # a window that died before it listened
    try:
        answers = Answers(Option.QUIT)
        host = Host(ask=answers)
        hosts.append(host)
        assert host.start(seeded_path) is Outcome.GAVE_UP
        assert [p.title for p in answers.problems] == ["This database is in use"]
    finally:
        stop(child)


# --- where the socket is --------------------------------------------------------------------


@posix_only
def test_the_socket_sits_in_a_folder_only_its_user_may_enter(
    qtbot: QtBot, runtime: Path, tmp_path: Path
) -> None:
    server, path = listening(tmp_path / "r.sqlite3")
    try:
        folder = Path(path).parent
        assert folder == runtime / "roundtable"
        found = folder.lstat()
        assert stat.S_ISDIR(found.st_mode) and found.st_uid == os.geteuid()
        assert stat.S_IMODE(found.st_mode) == 0o700
        assert stat.S_ISSOCK(Path(path).lstat().st_mode)
    finally:
        server.close()
    assert not Path(path).exists()


# --- what a client may send -----------------------------------------------------------------


def _send(path: str, payload: bytes, result: dict[str, object], sent: threading.Event | None = None) -> None:
    """A client that writes `payload` and then, its connection still open, waits to see
    whether the server hangs up; `sent` is set once it has written all it could."""
    client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    client.settimeout(5)
    try:
        client.connect(path)
        try:
            client.sendall(payload)
        except (BrokenPipeError, ConnectionResetError):
            result["cut off"] = True
        if sent is not None:
            sent.set()
        try:
            result["closed"] = client.recv(1) == b""
        except ConnectionResetError:
            result["closed"] = True
        except TimeoutError:
            result["closed"] = False
    finally:
        client.close()


@posix_only
@pytest.mark.skipif(not Path("/proc/self/statm").exists(), reason="reads the process's size from /proc")
def test_a_client_that_never_ends_its_line_is_dropped_and_memory_stays_flat(
    qtbot: QtBot, runtime: Path, tmp_path: Path
) -> None:
    """500 MB without a newline grew the window to 617 MB: the server kept all it was sent for
    as long as the client stayed connected."""
    server, path = listening(tmp_path / "r.sqlite3")
    payload = b"x" * (20 << 20)
    result: dict[str, object] = {}
    sent = threading.Event()
    sender = threading.Thread(target=_send, args=(path, payload, result, sent))
    before = rss_bytes()
    try:
        sender.start()
        qtbot.waitUntil(sent.is_set, timeout=20_000)
        qtbot.wait(100)  # the window reads what is still on its way
        grew = rss_bytes() - before
        qtbot.waitUntil(lambda: not sender.is_alive(), timeout=20_000)
    finally:
        server.close()
        sender.join()
    assert result.get("closed") is True and grew < 4 << 20, f"{result}; the window grew {grew / 2**20:.1f} MB"


@posix_only
def test_a_client_that_says_nothing_is_dropped(
    qtbot: QtBot, runtime: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("app.gui.single_instance.CLIENT_PATIENCE_MS", 200, raising=False)
    server, path = listening(tmp_path / "r.sqlite3")
    result: dict[str, object] = {}
    sender = threading.Thread(target=_send, args=(path, b"activ", result))
    try:
        started = time.monotonic()
        sender.start()
        qtbot.waitUntil(lambda: not sender.is_alive(), timeout=10_000)
        took = time.monotonic() - started
    finally:
        server.close()
        sender.join()
    assert result.get("closed") is True and took < 3, (result, took)


def test_a_line_asking_to_activate_is_still_answered(qtbot: QtBot, runtime: Path, tmp_path: Path) -> None:
    server, path = listening(tmp_path / "r.sqlite3")
    try:
        client = QLocalSocket()
        with qtbot.waitSignal(server.activated, timeout=5000):
            client.connectToServer(path)
            assert client.waitForConnected(2000)
            client.write(b"activate\n")
            client.flush()
        qtbot.waitUntil(lambda: client.canReadLine(), timeout=5000)
        assert bytes(client.readLine().data()) == b"ok\n"
        client.disconnectFromServer()
    finally:
        server.close()
