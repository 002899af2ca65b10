"""Background work: results, failures and cancellation come back as signals."""

from __future__ import annotations

import threading

from pytestqt.qtbot import QtBot

from app.gui.workers import Task
from app.services.progress import Progress


def test_result_and_progress_arrive_on_the_ui_thread(qtbot: QtBot) -> None:
    steps: list[tuple[int, int]] = []

    def work(progress: Progress) -> str:
        for i in range(3):
            progress.step(i + 1, 3)
        return threading.current_thread().name

    task = Task(work)
    task.progressed.connect(lambda done, total: steps.append((done, total)))
    with qtbot.waitSignal(task.succeeded, timeout=5000) as blocker:
        task.start()
    assert blocker.args[0] != threading.current_thread().name
    qtbot.waitUntil(lambda: len(steps) == 3)


def test_failure_is_a_message(qtbot: QtBot) -> None:
    def work(_progress: Progress) -> None:
        raise ValueError("the disk is full")

    task = Task(work)
    with qtbot.waitSignal(task.failed, timeout=5000) as blocker:
        task.start()
    assert blocker.args == ["the disk is full"]


def test_cancel_stops_at_the_next_step(qtbot: QtBot) -> None:
    started = threading.Event()
    release = threading.Event()

    def work(progress: Progress) -> int:
        started.set()
        release.wait(5)
        progress.step(1, 2)
        return 1

    task = Task(work)
    with qtbot.waitSignal(task.cancelled, timeout=5000):
        task.start()
        assert started.wait(5)
        task.cancel()
        release.set()
