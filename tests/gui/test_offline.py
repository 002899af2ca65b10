"""Roundtable never uses the network: every flow runs here with sockets refused, and fails on any
attempt. In this process Python's socket functions are replaced, an audit hook watches the
socket module's C level, and Qt's network classes refuse to be made; a subprocess runs the real
program with the same watch installed by a sitecustomize, and under strace, which sees what Qt's
C++ code and the C library do too.

QtNetwork itself is allowed for one thing: local sockets (QLocalServer/QLocalSocket, a Unix
domain socket or a Windows named pipe), which a second launch uses to hand over to the running
window (app/gui/single_instance.py). strace tells those apart: AF_UNIX is not the network."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6 import QtNetwork
from PySide6.QtCore import QPoint, Qt, QUrl
from pytestqt.qtbot import QtBot

from app.__main__ import main
from app.gui.about import AboutDialog
from app.gui.detail_view import DetailView
from app.gui.main_window import MainWindow
from app.gui.smoke import ENV as SMOKE_ENV
from app.gui.smoke import LINE as SMOKE_LINE
from app.services.kinds import KINDS
from app.services.library import Library, open_library
from tests.builders.syscalls import network_syscalls, strace
from tests.gui.conftest import UrlRecorder

ROOT = Path(__file__).resolve().parents[2]
# Every QtNetwork class that talks over a network (its local sockets do not).
QT_NETWORK_CLASSES = (
    "QNetworkAccessManager",
    "QTcpSocket",
    "QTcpServer",
    "QUdpSocket",
    "QSslSocket",
    "QHostInfo",
    "QDnsLookup",
    "QNetworkInformation",
    "QNetworkDatagram",
)
REMOTE_IMAGE = "https://tracker.example.org/pixel.png"
REMOTE_LINK = "https://pypi.org/project/pycountry/"  # the iso-codes source's page, in the dataset

# Audit hooks cannot be removed, so one is added for the session and armed per test.
_audit: list[tuple[str, tuple[Any, ...]]] | None = None


def _audit_hook(event: str, args: tuple[Any, ...]) -> None:
    if _audit is not None and event.startswith("socket.") and event != "socket.sethostname":
        _audit.append((event, args))


sys.addaudithook(_audit_hook)


@pytest.fixture
def offline(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Refuse every connection and name lookup, and Qt's network classes; fail on any attempt."""
    global _audit
    attempts: list[str] = []

    def refuse(what: str) -> Any:
        def refused(*args: Any, **kwargs: Any) -> Any:
            attempts.append(f"{what}{args[1:] if what.startswith('socket.') else args}")
            raise OSError(f"Roundtable tried to use the network: {what}")

        return refused

    for name in ("connect", "connect_ex", "sendto"):
        monkeypatch.setattr(socket.socket, name, refuse(f"socket.{name}"))
    for name in ("getaddrinfo", "gethostbyname", "gethostbyname_ex", "create_connection"):
        monkeypatch.setattr(socket, name, refuse(name))
    for name in QT_NETWORK_CLASSES:
        if hasattr(QtNetwork, name):
            monkeypatch.setattr(QtNetwork, name, refuse(f"QtNetwork.{name}"))
    _audit = []
    try:
        yield attempts
    finally:
        audited, _audit = _audit, None
    assert attempts == [], attempts
    assert audited == [], audited


@pytest.fixture
def window(qtbot: QtBot, offline: list[str], tmp_path: Path) -> Iterator[MainWindow]:
    """A first start, offline: create, migrate and seed a new library, then show the window."""
    db = open_library(tmp_path / "roundtable.sqlite3")
    win = MainWindow(Library(db))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()
    db.close()


def test_start_and_browse_every_entry(qtbot: QtBot, window: MainWindow) -> None:
    opened = 0
    for kind in KINDS:
        window.sidebar.select_kind(kind.key)
        model = window.entry_list.model
        assert model is not None
        for row in range(model.rowCount()):
            window.entry_list.table.selectRow(row)
            assert window.detail_view.detail is not None
            opened += 1
    assert opened == sum(window.lists.counts().values()) > 100
    window.go_back()
    window.go_forward()


def _click_text(qtbot: QtBot, view: DetailView, text: str) -> None:
    cursor = view.document().find(text)
    assert not cursor.isNull(), f"{text!r} is not shown"
    view.setTextCursor(cursor)
    view.ensureCursorVisible()
    rect = view.cursorRect(cursor)
    where = QPoint(rect.center().x() - rect.width() // 2 - 20, rect.center().y())  # inside the link
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)


def test_web_link_opens_the_browser_only_when_clicked(
    qtbot: QtBot, window: MainWindow, desktop: UrlRecorder
) -> None:
    assert window.open_entry("iso-codes-pycountry")
    qtbot.wait(50)
    assert REMOTE_LINK in window.detail_view.toPlainText()
    assert desktop.urls == []  # showing the link fetched nothing and opened nothing
    _click_text(qtbot, window.detail_view, REMOTE_LINK)
    assert [u.toString() for u in desktop.urls] == [REMOTE_LINK]


@pytest.fixture
def requested(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, object]]:
    """What detail views ask for and get (PySide binds the override when a view is made, so
    request this before the window)."""
    asked: list[tuple[str, object]] = []
    original = DetailView.loadResource

    def watched(self: DetailView, kind: int, name: QUrl | str) -> object:
        got = original(self, kind, name)
        asked.append((name.toString() if isinstance(name, QUrl) else name, got))
        return got

    monkeypatch.setattr(DetailView, "loadResource", watched)
    return asked


def test_remote_images_in_imported_text_are_never_fetched(
    requested: list[tuple[str, object]], qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    data = tmp_path / "with-images.yaml"
    data.write_text(
        "format: roundtable\nversion: 1\n"
        "sources:\n"
        "  - slug: image-source\n"
        "    name: A page with a picture\n"
        f"    summary: 'Look: <img src=\"{REMOTE_IMAGE}\"> and <b>bold</b>'\n"
        "notes:\n"
        "  - entry: image-source\n"
        "    title: Note with a picture\n"
        f"    body: '![tracker]({REMOTE_IMAGE}) <img src=\"{REMOTE_IMAGE}\">'\n",
        encoding="utf-8",
    )
    assert main(["--db", str(window.library.db.path), "import", str(data)]) == 0
    window.changes.announce_entries()
    assert window.open_entry("image-source")
    qtbot.wait(50)
    # Text from a data file is shown as text, never interpreted as HTML ...
    assert f'<img src="{REMOTE_IMAGE}">' in window.detail_view.toPlainText()
    # ... and even HTML that asks for remote resources gets nothing fetched.
    window.detail_view.setHtml(
        f'<html><head><link rel="stylesheet" type="text/css" href="{REMOTE_IMAGE}.css"></head>'
        f'<body><p>A picture: <img src="{REMOTE_IMAGE}"></p></body></html>'
    )
    window.detail_view.viewport().repaint()  # images are asked for when the page is laid out
    assert {name for name, _ in requested} == {REMOTE_IMAGE, f"{REMOTE_IMAGE}.css"}
    assert {got for _, got in requested} == {None}


def test_about_and_open_data_folder(qtbot: QtBot, window: MainWindow, desktop: UrlRecorder) -> None:
    about = AboutDialog(window)
    qtbot.addWidget(about)
    about.show()
    qtbot.mouseClick(about.open_folder, Qt.MouseButton.LeftButton)
    assert desktop.urls == [QUrl.fromLocalFile(str(window.library.db.path.parent))]


def test_command_line_offline(offline: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db: list[str] = []  # the default library, which a first command makes (a named new path is refused)
    for kind in KINDS:
        assert main([*db, "list", kind.plural.lower()]) == 0
        assert main([*db, "list", kind.plural.lower(), "--json", "--filter", "a"]) == 0
    assert main([*db, "show", "chen-gang"]) == 0
    assert main([*db, "show", "china-org-cn-2025-09-roundtable", "--json"]) == 0
    assert main([*db, "import", str(ROOT / "tests" / "fixtures" / "mini" / "mini.yaml")]) == 0
    assert main([*db, "check"]) == 0
    assert main([*db, "check", "--json"]) == 0
    assert "陈刚" in capsys.readouterr().out


# --- the real program, in its own process ---------------------------------------------------

_SITECUSTOMIZE = """
import atexit, os, sys
_log = open(os.environ["ROUNDTABLE_TEST_NETWORK_LOG"], "a", encoding="utf-8")
_log.write("watching\\n"); _log.flush()
def _hook(event, args):
    if event.startswith("socket.") and event != "socket.sethostname":
        _log.write(f"{event} {args!r}\\n"); _log.flush()
sys.addaudithook(_hook)
@atexit.register
def _modules():
    qt = sys.modules.get("PySide6.QtNetwork")
    # Local sockets are fine; anything else of QtNetwork that the app names is not.
    names = {n for m in list(sys.modules.values()) if (getattr(m, "__name__", "") or "").startswith("app.")
             for n, v in vars(m).items() if getattr(v, "__module__", "") == "PySide6.QtNetwork"}
    if qt is not None and names - {"QLocalServer", "QLocalSocket"}:
        _log.write(f"QtNetwork classes in use: {sorted(names)}\\n")
    _log.close()
"""


def _run_watched(
    args: list[str], tmp_path: Path, **env: str
) -> tuple[subprocess.CompletedProcess[str], list[str]]:
    """Run `python ARGS` with the sitecustomize watch, under strace where there is one; return how
    it ended and everything network-related it did."""
    hook = tmp_path / "hook"
    hook.mkdir(exist_ok=True)
    (hook / "sitecustomize.py").write_text(_SITECUSTOMIZE, encoding="utf-8")
    log = tmp_path / "network.log"
    log.unlink(missing_ok=True)
    full_env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(hook), str(ROOT)]),
        "ROUNDTABLE_TEST_NETWORK_LOG": str(log),
        "ROUNDTABLE_HOME": str(tmp_path / "home"),
        "QT_QPA_PLATFORM": "offscreen",
        **env,
    }
    command = [sys.executable, *args]
    if strace() is not None:
        done, calls = network_syscalls(command, full_env, tmp_path)
    else:
        done = subprocess.run(command, env=full_env, capture_output=True, text=True, timeout=180)
        calls = []
    lines = log.read_text(encoding="utf-8").splitlines()
    assert lines[:1] == ["watching"], "the sitecustomize watch did not run"
    return done, lines[1:] + calls


def test_watch_sees_a_socket(tmp_path: Path) -> None:
    """The watch itself works: a program that merely creates an internet socket is caught."""
    code = "import socket; socket.socket(socket.AF_INET, socket.SOCK_DGRAM).close()"
    done, seen = _run_watched(["-c", code], tmp_path)
    assert done.returncode == 0, done.stderr
    assert any(s.startswith("socket.__new__") for s in seen)
    if strace() is not None:
        assert any("socket(AF_INET" in s for s in seen)


def test_program_starts_to_its_window_without_touching_the_network(tmp_path: Path) -> None:
    done, seen = _run_watched(["-m", "app"], tmp_path, **{SMOKE_ENV: "1"})
    assert done.returncode == 0, done.stderr
    assert SMOKE_LINE in done.stdout
    assert seen == []


@pytest.mark.parametrize(
    "command",
    [
        ["check"],
        ["list", "sources", "--json"],
        ["show", "iso-codes-pycountry"],
        ["import", str(ROOT / "tests" / "fixtures" / "mini" / "mini.yaml")],
    ],
    ids=lambda c: c[0],
)
def test_command_line_program_never_touches_the_network(tmp_path: Path, command: list[str]) -> None:
    done, seen = _run_watched(["-m", "app", *command], tmp_path)
    assert done.returncode == 0, done.stderr
    assert seen == []
