"""Open with Roundtable from a file manager (`roundtable --open FILE`, the desktop entry's
Exec line): a library opens in the window; a data file is offered for import into the usual
library, in the Import dialog, filled in and waiting for the researcher's Import; when a window
already has that library open, the second launch hands the file over to it."""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtNetwork import QLocalSocket
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.gui.host import Host, Outcome
from app.gui.import_export_dialogs import ImportDialog
from app.gui.single_instance import InstanceServer, _file_of, _request
from app.services.opening import is_library_file

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="Windows uses per-session named pipes")


@pytest.fixture
def runtime(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="rt-"))
    folder.chmod(0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder))
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder / "cache"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def _import_dialogs() -> list[ImportDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, ImportDialog) and w.isVisible()]


def test_a_library_is_told_from_a_data_file_by_its_header(tmp_path: Path, seeded_path: Path) -> None:
    data = tmp_path / "export.json"
    data.write_text(json.dumps({"format": "roundtable", "version": 1}), encoding="utf-8")
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert is_library_file(seeded_path)
    assert not is_library_file(data)
    assert not is_library_file(fifo)  # looked at without waiting for a writer
    assert not is_library_file(tmp_path / "missing.sqlite3")


@pytest.mark.parametrize("name", ["export.json", "two\nlines.json", "caf\udce9.yaml", "导出 数据.json"])
def test_an_import_request_carries_any_path_whole(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    request = _request(path)
    assert request is not None and request.count(b"\n") == 1 and request.endswith(b"\n")
    assert _file_of(request) == path.absolute()


def test_a_malformed_import_request_names_no_file() -> None:
    for line in (
        b"import zz\n",
        b"import \n",
        b"import 00\n",
        b"import 616263",
        b"import 616263 \n",
        b"import 616263\n",
    ):
        assert _file_of(line) is None, line


def test_a_data_file_opened_from_a_file_manager_waits_in_the_import_dialog(
    qtbot: QtBot, hosts: list[Host], seeded_path: Path, tmp_path: Path
) -> None:
    data = tmp_path / "colleague.roundtable.json"
    data.write_text("{}", encoding="utf-8")
    host = Host()
    hosts.append(host)
    assert host.start(seeded_path, open_file=data) is Outcome.OPENED
    assert host.window is not None
    qtbot.waitUntil(lambda: bool(_import_dialogs()), timeout=5000)
    dialog = _import_dialogs()[0]
    assert dialog.path_edit.text() == str(data)
    assert dialog.data_file.isChecked()
    assert dialog.task is None  # nothing is imported unasked
    dialog.reject()


@posix_only
def test_a_window_already_open_is_handed_the_file(
    qtbot: QtBot, hosts: list[Host], runtime: Path, seeded_path: Path, tmp_path: Path
) -> None:
    host = Host()
    hosts.append(host)
    assert host.start(seeded_path) is Outcome.OPENED
    assert host.server is not None and host.server.name is not None
    server = host.server
    qtbot.waitUntil(lambda: server.listening, timeout=5000)  # from the window's first paint on
    data = tmp_path / "sent by a second launch.json"
    client = QLocalSocket()
    client.connectToServer(host.server.name)
    assert client.waitForConnected(2000)
    request = _request(data)
    assert request is not None
    with qtbot.waitSignal(host.server.import_requested, timeout=5000) as signal:
        client.write(request)
        client.flush()
    assert signal.args == [data.absolute()]
    qtbot.waitUntil(lambda: bool(_import_dialogs()), timeout=5000)
    assert _import_dialogs()[0].path_edit.text() == str(data.absolute())
    _import_dialogs()[0].reject()
    client.disconnectFromServer()


@posix_only
def test_a_garbled_import_request_is_cut_off_and_opens_nothing(
    qtbot: QtBot, runtime: Path, tmp_path: Path
) -> None:
    server = InstanceServer(tmp_path / "r.sqlite3")
    assert server.listen() and server._server is not None
    seen: list[object] = []
    server.import_requested.connect(seen.append)
    server.activated.connect(lambda: seen.append("activated"))
    try:
        client = QLocalSocket()
        client.connectToServer(server._server.fullServerName())
        assert client.waitForConnected(2000)
        client.write(b"import not-hex\n")
        client.flush()
        qtbot.waitUntil(
            lambda: client.state() == QLocalSocket.LocalSocketState.UnconnectedState, timeout=5000
        )
    finally:
        server.close()
    assert seen == []
