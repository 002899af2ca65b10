"""One window per database: a second launch hands over to the first and exits.

The first instance holds the database's writer lock (app/db/lock.py) and listens on a local
socket whose name comes from the user and the database path. A second launch on the same
file connects, asks the first to raise its window, and exits. The socket name is derived
rather than random so no file has to say where to find it.

If the first instance died, its OS lock died with it; on Unix its socket file may remain, and
`InstanceServer` removes it before listening — safe, because only the lock holder listens.
"""

from __future__ import annotations

import getpass
import hashlib
import time
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

_ACTIVATE = b"activate\n"
_OK = b"ok\n"


def server_name(db_path: Path) -> str:
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no user name (some containers): the path alone will do
        user = ""
    key = f"{user}\0{db_path.resolve()}".encode()
    return "roundtable-" + hashlib.sha256(key).hexdigest()[:24]


def hand_over(db_path: Path, *, timeout_ms: int = 1500) -> bool:
    """Ask a running instance on `db_path` to raise its window. True if one answered."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(db_path))
    if not socket.waitForConnected(timeout_ms):
        return False
    try:
        socket.write(_ACTIVATE)
        if not socket.waitForBytesWritten(timeout_ms):
            return False
        deadline = time.monotonic() + timeout_ms / 1000
        reply = b""
        while not reply.endswith(b"\n") and time.monotonic() < deadline:
            if not socket.waitForReadyRead(max(1, int((deadline - time.monotonic()) * 1000))):
                break
            reply += bytes(socket.readAll().data())
        return reply == _OK
    finally:
        socket.disconnectFromServer()


class InstanceServer(QObject):
    """Listens for later launches on the same database; `activated` asks to raise the window."""

    activated = Signal()

    def __init__(self, db_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(db_path)
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)

    def listen(self) -> bool:
        """Start listening; call only while holding the database's writer lock."""
        QLocalServer.removeServer(self.name)  # a socket file left by an instance that died
        return self._server.listen(self.name)

    def close(self) -> None:
        self._server.close()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            conn = self._server.nextPendingConnection()
            conn.readyRead.connect(lambda c=conn: self._read(c))
            conn.disconnected.connect(conn.deleteLater)

    def _read(self, conn: QLocalSocket) -> None:
        if not conn.canReadLine():
            return
        line = bytes(conn.readLine().data())
        if line == _ACTIVATE:
            conn.write(_OK)
            conn.flush()
            self.activated.emit()
