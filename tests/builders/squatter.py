"""Another program listening where Roundtable might look for its first window's socket, answering
"ok" as that window would: what another local user could leave in a shared folder.

It runs as a separate process (a thread would not do: the window's thread holds Python's lock
while Qt waits for an answer), optionally as another user, and says on its standard output
when it is listening and each time someone connects."""

from __future__ import annotations

import contextlib
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

_SERVE = r"""
import os, socket, sys
listeners = []
for path in sys.argv[1:]:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(path)
    os.chmod(path, 0o777)
    listener.listen()
    listeners.append(listener)
print("listening", flush=True)
import selectors
selector = selectors.DefaultSelector()
for listener in listeners:
    selector.register(listener, selectors.EVENT_READ)
while True:
    for key, _ in selector.select():
        conn, _ = key.fileobj.accept()
        print("connection", flush=True)
        conn.settimeout(2)
        try:
            conn.recv(64)
            conn.sendall(b"ok\n")
        except OSError:
            pass
        conn.close()
"""


class Squatter:
    """Listens on each of `paths` until close(); `connections` counts who came (after close)."""

    def __init__(
        self,
        paths: Sequence[str | Path],
        *,
        python: str = sys.executable,
        user: int | None = None,
        group: int | None = None,
    ) -> None:
        self.paths = [str(p) for p in paths]
        self._child = subprocess.Popen(
            [python, "-I", "-S", "-c", _SERVE, *self.paths],
            stdout=subprocess.PIPE,
            text=True,
            cwd="/",
            user=user,
            group=group,
            extra_groups=[] if user is not None else None,
        )
        assert self._child.stdout is not None
        line = self._child.stdout.readline().strip()
        if line != "listening":
            self._child.kill()
            self._child.wait()
            raise AssertionError("the squatter could not listen")
        self.connections = 0

    def close(self) -> int:
        """Stop; the number of connections it had."""
        if self._child.returncode is not None:
            return self.connections
        if self._child.poll() is None:
            self._child.kill()
        out, _ = self._child.communicate()
        self.connections = out.split().count("connection")
        for path in self.paths:
            with contextlib.suppress(OSError):
                Path(path).unlink()
        return self.connections
