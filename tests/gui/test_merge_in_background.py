"""A large merge, its undo and its redo run on a worker with the bulk actions' progress bar in
the status bar, other edits held meanwhile (app/gui/duplicates_view.py, background_steps.py)."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.gui import duplicates_view
from app.gui.main_window import MainWindow
from app.gui.merge_dialog import MergeDialog
from app.i18n import T_
from app.services.merge import MergeError, Merger
from app.services.writing import WriteFailed
from tests.gui.test_merge_duplicates import _when_dialog, merging_window, world_file  # noqa: F401
from tests.unit.test_merge import dump

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
Win = tuple[MainWindow, Database, dict[str, int]]

_ = Path  # (the fixtures' types)


def _slow(monkeypatch: pytest.MonkeyPatch, name: str, seconds: float) -> list[str]:
    """Make Merger.<name> take `seconds` longer, in whatever thread runs it; the threads it ran
    in are listed."""
    ran: list[str] = []
    real = getattr(Merger, name)

    def slow(self: Merger, *args: object, **kwargs: object) -> object:
        ran.append(threading.current_thread().name)
        time.sleep(seconds)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Merger, name, slow)
    return ran


def _keep_most(ids: dict[str, int]) -> list[str]:
    def choose(dialog: MergeDialog) -> None:
        dialog.survivor_buttons[0].click()
        assert dialog.survivor().ref.id == ids["most"]
        dialog.merge_button.click()

    return _when_dialog(choose)


def _ticking(window: MainWindow) -> tuple[QTimer, list[int]]:
    ticks: list[int] = []
    timer = QTimer(window)
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    return timer, ticks


def _back_to_window(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()  # the dialog had the focus: the window's shortcuts need it back
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def test_a_large_merge_its_undo_and_redo_run_on_a_worker(
    qtbot: QtBot,
    merging_window: Win,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window, db, ids = merging_window
    monkeypatch.setattr(duplicates_view, "IN_BACKGROUND", 0)  # any row moved makes it "large"
    before = dump(db)
    merging = window.merging  # type: ignore[attr-defined]
    bulk = window.bulk  # type: ignore[attr-defined]
    editing = window.editing  # type: ignore[attr-defined]
    stack = editing.undo_stack
    steps = stack.index()
    merged = _slow(monkeypatch, "merge", 0.6)
    timer, ticks = _ticking(window)

    problems = _keep_most(ids)
    assert merging.merge([ids["most"], ids["most-2"]]) is True
    assert problems == []
    assert bulk.running and bulk.progress.isVisible()
    assert "Merging into “Ministry of Science”" in bulk.progress.format()
    assert not editing.undo_action.isEnabled() and not editing.redo_action.isEnabled()
    assert not editing.new_action.isEnabled() and not editing.edit_action.isEnabled()
    assert not merging.merge_action.isEnabled()
    qtbot.waitUntil(lambda: not bulk.running, timeout=10_000)
    timer.stop()

    assert len(merged) == 1 and merged[0] != "MainThread"  # once, on a worker
    assert len(ticks) >= 10  # the window's event loop ran meanwhile (0.6 s: ~60 ticks)
    assert stack.index() == steps + 1 and stack.text(steps) == "Merge into “Ministry of Science”"
    conn = db.read()
    assert conn.execute(
        "SELECT deleted_at IS NOT NULL FROM entity WHERE id = ?", (ids["most-2"],)
    ).fetchone()[0]
    assert window.detail_view.detail is not None and window.detail_view.detail.ref.id == ids["most"]
    assert (
        not bulk.progress.isVisible() and editing.undo_action.isEnabled() and editing.new_action.isEnabled()
    )
    after = dump(db)

    undone = _slow(monkeypatch, "undo", 0.4)
    timer, ticks = _ticking(window)
    _back_to_window(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert bulk.running and "Undoing the merge" in bulk.progress.format()
    assert not editing.undo_action.isEnabled() and not editing.new_action.isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)  # refused: the first is still running
    qtbot.waitUntil(lambda: not bulk.running, timeout=10_000)
    timer.stop()
    assert len(undone) == 1 and undone[0] != "MainThread"
    assert len(ticks) >= 5
    assert stack.index() == steps
    assert dump(db) == before  # one Ctrl+Z restores the whole state

    redone = _slow(monkeypatch, "redo", 0.2)
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL | SHIFT)
    assert bulk.running and "Redoing the merge" in bulk.progress.format()
    qtbot.waitUntil(lambda: not bulk.running, timeout=10_000)
    assert len(redone) == 1 and redone[0] != "MainThread"
    assert stack.index() == steps + 1
    assert dump(db) == after


def test_a_large_merge_that_fails_on_the_worker_changes_nothing_and_says_so_once(
    qtbot: QtBot,
    merging_window: Win,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window, db, ids = merging_window
    monkeypatch.setattr(duplicates_view, "IN_BACKGROUND", 0)
    before = dump(db)
    bulk = window.bulk  # type: ignore[attr-defined]
    editing = window.editing  # type: ignore[attr-defined]
    steps = editing.undo_stack.index()
    said: list[str] = []
    monkeypatch.setattr(
        "app.gui.duplicates_view.QMessageBox.warning", lambda _parent, _title, text: said.append(text)
    )

    def refused(self: Merger, *args: object, **kwargs: object) -> object:
        raise WriteFailed(T_("Test", "The library is in use by another program."))

    monkeypatch.setattr(Merger, "merge", refused)
    problems = _keep_most(ids)
    merging = window.merging  # type: ignore[attr-defined]
    merging.merge([ids["most"], ids["most-2"]])
    qtbot.waitUntil(lambda: not bulk.running, timeout=10_000)
    assert problems == []
    assert said == ["The library is in use by another program."]  # once, the one sentence
    assert dump(db) == before and editing.undo_stack.index() == steps
    assert editing.new_action.isEnabled() and not bulk.progress.isVisible()


def test_an_undo_on_the_worker_that_cannot_be_carried_out_leaves_the_stack(
    qtbot: QtBot,
    merging_window: Win,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window, db, ids = merging_window
    monkeypatch.setattr(duplicates_view, "IN_BACKGROUND", 0)
    bulk = window.bulk  # type: ignore[attr-defined]
    editing = window.editing  # type: ignore[attr-defined]
    stack = editing.undo_stack
    steps = stack.index()
    problems = _keep_most(ids)
    window.merging.merge([ids["most"], ids["most-2"]])  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: not bulk.running, timeout=10_000)
    assert problems == [] and stack.index() == steps + 1
    after = dump(db)
    said: list[str] = []
    monkeypatch.setattr(
        "app.gui.editing.QMessageBox.warning", lambda _parent, _title, text: said.append(text)
    )

    def gone(self: Merger, *args: object, **kwargs: object) -> object:
        raise MergeError(T_("Test", "The entries merged have changed since."))

    monkeypatch.setattr(Merger, "undo", gone)
    _back_to_window(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: not bulk.running, timeout=10_000)
    assert dump(db) == after
    assert len(said) == 1 and "Cannot repeat" in said[0]
    assert stack.index() == steps  # the step left the stack
