"""One window per database: a second launch hands over to the first and exits.

The first instance holds the database's writer lock (app/db/lock.py) and listens on a local
socket whose name comes from the database path. A later launch that finds the lock held
connects, asks the first to raise its window (and, for a file opened from a file manager, to
offer to import it), and exits. The name is derived rather than random so no file has to say
where to find it.

Only the user's own window may be asked: on Unix the socket sits in the user's private runtime
folder (app/paths.runtime_dir: 0700, no one else's), and a socket there that is not the user's
is never spoken to; Windows keeps named pipes per session. A launch tries the lock first and
asks only when it is held, so nothing listening anywhere can stop Roundtable from opening a free
file. A client may say one short line within a short time; anything else is cut off, so no
client can make the window hang or grow.

If the first instance died, its OS lock died with it; on Unix its socket file may remain, and
`InstanceServer` removes it before listening — safe, because only the lock holder listens.
"""

from __future__ import annotations

import getpass
import hashlib
import os
import re
import stat
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from app.paths import runtime_dir

if TYPE_CHECKING:
    # QtNetwork loads when a launch asks or the server listens: not on the way to the first paint.
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

_ACTIVATE = b"activate\n"
_IMPORT = b"import "  # then the file's path, its bytes in hex (no newline can hide in it)
_HEX = re.compile(rb"(?:[0-9a-f]{2})+")
_OK = b"ok\n"
MAX_LINE = 64  # the most an answer may be
PATH_MAX = 4096  # Linux's longest path, in bytes; longer ones are not handed over
MAX_REQUEST = len(_IMPORT) + 2 * PATH_MAX + 1  # the most a client may send
CLIENT_PATIENCE_MS = 2000  # a client that has not said its line by then is cut off
# A socket's path must fit sockaddr_un's sun_path: 108 bytes on Linux, 104 on macOS, with a NUL.
_SOCKET_PATH_MAX = 100


def server_name(db_path: Path) -> str | None:
    """Where the instance on `db_path` listens: a socket's full path in the user's private
    runtime folder, or on Windows a pipe's name. None when there is no private folder (or its
    path is too long for a socket): Roundtable then does without, and a second launch is told
    the file is in use instead of raising the first window."""
    try:
        key = os.fsencode(db_path.resolve())
    except (OSError, RuntimeError):  # a loop of links: the file cannot be opened anyway
        key = os.fsencode(db_path.absolute())
    if sys.platform == "win32":
        try:
            user = getpass.getuser()
        except (KeyError, OSError):  # no user name: the path alone will do
            user = ""
        return "roundtable-" + hashlib.sha256(user.encode() + b"\0" + key).hexdigest()[:24]
    folder = runtime_dir()
    if folder is None:
        return None
    path = folder / (hashlib.sha256(key).hexdigest()[:24] + ".socket")
    if len(os.fsencode(path)) > _SOCKET_PATH_MAX:
        return None
    return str(path)


def _ours(name: str) -> bool:
    """May a launch speak to `name`? On Unix only a socket of this user's: the folder is private
    already, but root can be tricked by a socket someone else put there by other means."""
    if sys.platform == "win32":
        return True
    try:
        found = os.lstat(name)
    except OSError:
        return False
    return stat.S_ISSOCK(found.st_mode) and found.st_uid == os.geteuid()


def _request(open_file: Path | None) -> bytes | None:
    if open_file is None:
        return _ACTIVATE
    encoded = os.fsencode(open_file.absolute())
    if len(encoded) > PATH_MAX:
        return None
    return _IMPORT + encoded.hex().encode("ascii") + b"\n"


def _file_of(line: bytes) -> Path | None:
    """The path an import request names, or None when the line is not one."""
    digits = line[len(_IMPORT) : -1]
    if not line.startswith(_IMPORT) or not line.endswith(b"\n") or not _HEX.fullmatch(digits):
        return None
    encoded = bytes.fromhex(digits.decode("ascii"))
    path = Path(os.fsdecode(encoded))
    if len(encoded) > PATH_MAX or b"\0" in encoded or not path.is_absolute():
        return None  # a launch sends the whole path of a file
    return path


def hand_over(db_path: Path, *, timeout_ms: int = 1500, open_file: Path | None = None) -> bool:
    """Ask this user's running instance on `db_path` to raise its window (and to offer to
    import `open_file`, when given). True if one answered."""
    name = server_name(db_path)
    request = _request(open_file)
    if name is None or request is None or not _ours(name):
        return False
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.setReadBufferSize(MAX_LINE)
    socket.connectToServer(name)
    if not socket.waitForConnected(timeout_ms):
        return False
    try:
        socket.write(request)
        if not socket.waitForBytesWritten(timeout_ms):
            return False
        deadline = time.monotonic() + timeout_ms / 1000
        reply = b""
        while not reply.endswith(b"\n") and len(reply) < MAX_LINE and time.monotonic() < deadline:
            if not socket.waitForReadyRead(max(1, int((deadline - time.monotonic()) * 1000))):
                break
            reply += bytes(socket.read(MAX_LINE - len(reply)).data())
        return reply == _OK
    finally:
        socket.abort()


class InstanceServer(QObject):
    """Listens for later launches on the same database; `activated` asks to raise the window,
    `import_requested` (a Path) to offer to import a file opened from a file manager."""

    activated = Signal()
    import_requested = Signal(object)

    def __init__(self, db_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(db_path)
        self._server: QLocalServer | None = None  # made by listen()

    @property
    def listening(self) -> bool:
        return self._server is not None and self._server.isListening()

    def listen(self) -> bool:
        """Start listening (once; again is a no-op); call only while holding the database's
        writer lock. False when there is nowhere private to listen."""
        if self.name is None:
            return False
        if self._server is not None:
            return self._server.isListening()
        from PySide6.QtNetwork import QLocalServer

        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)
        QLocalServer.removeServer(self.name)  # a socket file left by an instance that died
        return self._server.listen(self.name)

    def close(self) -> None:
        if self._server is None:
            return
        from PySide6.QtNetwork import QLocalSocket

        self._server.close()
        for conn in self._server.findChildren(QLocalSocket):
            conn.abort()  # now, while the server that owns it is whole

    def _accept(self) -> None:
        server = self._server
        while server is not None and server.hasPendingConnections():
            conn = server.nextPendingConnection()
            # Qt would otherwise keep all a client sends until a newline comes (500 MB of it
            # grew the window to 617 MB); the client's own writes wait once this is full.
            conn.setReadBufferSize(MAX_REQUEST)
            # The socket is the timer's context: a socket gone first cancels it. No lambda
            # holds the socket, so nothing from Python outlives it.
            QTimer.singleShot(CLIENT_PATIENCE_MS, conn, conn.abort)
            conn.readyRead.connect(self._ready)
            conn.disconnected.connect(conn.deleteLater)

    def _ready(self) -> None:
        from PySide6.QtNetwork import QLocalSocket

        conn = self.sender()
        if isinstance(conn, QLocalSocket):
            self._read(conn)

    def _read(self, conn: QLocalSocket) -> None:
        if not conn.canReadLine():
            if conn.bytesAvailable() >= MAX_REQUEST:
                conn.abort()  # a line longer than any a launch sends
            return
        line = bytes(conn.readLine(MAX_REQUEST + 1).data())
        opened = _file_of(line) if line != _ACTIVATE else None
        if line != _ACTIVATE and opened is None:
            conn.abort()
            return
        conn.write(_OK)
        conn.flush()  # now: whatever `activated` starts may keep the event loop busy
        conn.disconnectFromServer()  # one line a connection
        self.activated.emit()
        if opened is not None:
            self.import_requested.emit(opened)
