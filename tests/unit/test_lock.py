"""The writer lock: one holder at a time, who it is, and a dead holder's lock taken back."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from app.db import lock

ROOT = Path(__file__).resolve().parents[2]


def hold_in_child(db: Path, program: str = "window") -> subprocess.Popen[str]:
    """A separate process that takes the lock, says so, and waits to be killed."""
    code = textwrap.dedent(
        f"""
        import sys, time
        from pathlib import Path
        from app.db import lock
        held = lock.acquire(Path({str(db)!r}), {program!r})
        print("locked", flush=True)
        time.sleep(120)
        """
    )
    child = subprocess.Popen(
        [sys.executable, "-c", code], cwd=ROOT, stdout=subprocess.PIPE, text=True, env={**os.environ}
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "locked"
    return child


def stop(child: subprocess.Popen[str], sig: int = signal.SIGKILL) -> None:
    if child.poll() is None:
        child.send_signal(sig)
    child.wait()
    if child.stdout is not None:
        child.stdout.close()


def test_second_acquire_is_refused_and_names_the_holder(tmp_path: Path) -> None:
    db = tmp_path / "r.sqlite3"
    first = lock.acquire(db, "window")
    try:
        with pytest.raises(lock.LockHeld) as refused:
            lock.acquire(db, "import")
        assert refused.value.holder is not None
        assert refused.value.holder.pid == os.getpid()
        assert "the Roundtable window" in str(refused.value)
        assert lock.is_held(db)
    finally:
        first.release()
    assert not lock.is_held(db)
    again = lock.acquire(db, "import")
    again.release()


def test_lock_held_by_another_process(tmp_path: Path) -> None:
    db = tmp_path / "r.sqlite3"
    child = hold_in_child(db, "import")
    try:
        with pytest.raises(lock.LockHeld) as refused:
            lock.acquire(db, "window", wait=0.3)
        assert refused.value.holder is not None and refused.value.holder.pid == child.pid
        assert "`roundtable import`" in str(refused.value)
    finally:
        stop(child)


def test_a_dead_holders_lock_is_taken_without_asking(tmp_path: Path) -> None:
    db = tmp_path / "r.sqlite3"
    child = hold_in_child(db)
    assert lock.is_held(db)
    stop(child)
    held = lock.acquire(db, "window")  # no stale-lock question, no waiting
    try:
        holder = lock.holder(db)
        assert holder is not None and holder.pid == os.getpid()
    finally:
        held.release()


def test_waiting_acquire_gets_the_lock_when_it_is_released(tmp_path: Path) -> None:
    db = tmp_path / "r.sqlite3"
    child = hold_in_child(db)
    import threading

    timer = threading.Timer(0.3, child.kill)
    timer.start()
    held = lock.acquire(db, "import", wait=10)
    held.release()
    timer.join()
    stop(child)


def test_an_unwritable_folder_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kw: object) -> int:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(lock.os, "open", refuse)
    with pytest.raises(lock.LockUnavailable, match="Permission denied"):
        lock.acquire(tmp_path / "r.sqlite3", "window")


def test_the_lock_is_the_real_files_whatever_link_names_it(tmp_path: Path) -> None:
    """Keyed by the path as typed, a command given a link took a lock of its own and wrote
    under a window holding the file by its real name."""
    real = tmp_path / "real" / "r.sqlite3"
    real.parent.mkdir()
    link = tmp_path / "link.sqlite3"
    link.symlink_to(real)
    held = lock.acquire(real, "window")
    try:
        with pytest.raises(lock.LockHeld, match="the Roundtable window"):
            lock.acquire(link, "import")
    finally:
        held.release()
    with lock.acquire(link, "import"):
        assert lock.is_held(real)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.sqlite3", "real"]


def test_the_holder_names_this_machine_as_platform_does_without_importing_it(tmp_path: Path) -> None:
    """`platform` costs a start milliseconds to import: the lock asks the OS for the name."""
    import platform

    db = tmp_path / "lib.sqlite3"
    with lock.acquire(db, "window"):
        found = lock.holder(db)
    assert found is not None and found.host == platform.node()
    here = lock.Holder(pid=123, program="window", host=platform.node(), since="")
    there = lock.Holder(pid=123, program="window", host=platform.node() + "-elsewhere", since="")
    assert "on " not in str(here.describe()) and platform.node() in str(there.describe())
    code = "import sys\nfrom app.db import lock\nassert 'platform' not in sys.modules, 'platform'\n"
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)
