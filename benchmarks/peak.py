"""This process's peak resident memory, in MB.

On Linux, getrusage's ru_maxrss survives exec: a child started by a big benchmark process
reports the parent's peak, not its own (the app and the bare window both read 272.85 MB at
100,000 rows). /proc/self/status's VmHWM belongs to the current program alone, so it is read
where it exists; elsewhere ru_maxrss (kilobytes on Linux, bytes on macOS).
"""

from __future__ import annotations

import resource
import sys
from pathlib import Path


def peak_mb() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024  # kB
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024
