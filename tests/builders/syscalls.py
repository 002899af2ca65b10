"""Watching a program's system calls with strace, to prove it opens no network socket: this sees
what Qt's C++ code and the C library do, not only what Python asks for."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

# socket() with a family other than AF_UNIX (AF_INET, AF_INET6, AF_NETLINK for interface lookups,
# AF_PACKET ...), and connect() / sendto() to an address that is not a local file socket.
_NETWORK = re.compile(r"\bsocket\((?!AF_UNIX)|\b(connect|sendto|sendmsg)\(\d+, \{sa_family=(?!AF_UNIX)")


def strace() -> str | None:
    return shutil.which("strace")


def network_syscalls(
    command: list[str], env: dict[str, str], tmp: Path, timeout: float = 180
) -> tuple[subprocess.CompletedProcess[str], list[str]]:
    """Run `command` under strace (all its threads and children); return how it ended and every
    network-related system call it made."""
    tool = strace()
    assert tool is not None
    log = tmp / "strace.log"
    done = subprocess.run(
        [
            tool,
            "-f",
            "-qq",
            "-e",
            "trace=socket,connect,sendto,sendmsg",
            "-e",
            "signal=none",
            "-o",
            str(log),
            *command,
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    lines = log.read_text(encoding="utf-8", errors="replace").splitlines() if log.exists() else []
    return done, [line for line in lines if _NETWORK.search(line)]
