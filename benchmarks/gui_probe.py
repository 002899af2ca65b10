"""The window as `python -m app` builds it (Host.start: writer lock, single-instance server,
assessment, start-up check), driven as a researcher drives it, timed to the paint that shows
the result. Run by benchmarks/run.py in a process of its own; prints one JSON object.

    python -m benchmarks.gui_probe interactive --db FILE --runs N
    python -m benchmarks.gui_probe memory --db FILE

Every time ends when the widget that shows the result has been painted: a paint event filter
notes the first paint after the result arrived and a zero timer fires once that paint is done.
The floors are measured here too, in the same process and run, with plain sqlite3 (the SQL
the app ran, recorded and replayed: benchmarks/replay.py) and bare Qt widgets.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any, cast

from PySide6.QtCore import QEvent, QEventLoop, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QInputMethodEvent, QStandardItem, QStandardItemModel
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDockWidget, QPlainTextEdit, QTableView, QTextBrowser, QWidget

from app.db.database import Database
from app.gui.detail_html import render
from app.gui.host import Host, Outcome
from app.gui.launch import application, starting
from app.gui.list_widgets import FILTER_DELAY_MS as FILTER_DEBOUNCE_MS
from app.gui.main_window import MainWindow
from app.gui.search_box import DEBOUNCE_MS, per_kind_for
from app.gui.search_feature import SearchFeature
from app.services.entries import EntryLists
from app.services.search import Search
from benchmarks.measure import stopwatch
from benchmarks.peak import peak_mb
from benchmarks.replay import Recorder, Statement, plain_connection, replay

TIMEOUT_MS = 30_000

# Search as you type: one, two and three-or-more characters; Latin, Chinese, Thai, Lao and
# Khmer; common words, rare ones, names, and nothing at all.
QUERIES: tuple[tuple[str, str], ...] = (
    ("1 char, common", "c"),
    ("2 chars, common", "co"),
    ("3+ chars, common prefix", "coop"),
    ("common word", "cooperation"),
    ("two common words", "digital economy"),
    ("name", "anan arkarn"),
    ("rare 2 chars", "xq"),
    ("no match", "zzqqxx"),
    ("zh 1 char", "人"),
    ("zh 2 chars", "合作"),
    ("zh word", "人工智能"),
    ("th word", "ความร่วมมือ"),
    ("th 3 chars", "ปัญ"),
    ("lo word", "ລັດຖະມົນຕີ"),
    ("km word", "អាស៊ាន"),
)
# Typing rhythm while the heartbeat watches: some gaps longer than the debounce, so searches
# run (and results paint) while the researcher is still typing.
KEY_GAPS_MS = (90, 140, 230, 110, 180, 260, 120)


class PaintWatch(QObject):
    """Fires `painted` once a paint of `widget` (or a child) that began after `arm()` is done.

    It filters the events of those widgets only, and only while armed: an application-wide
    filter would put a Python call in front of every event and slow down what it measures.
    """

    painted = Signal()

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.widget = widget
        self.at: float | None = None
        self._watched: list[QWidget] = []

    def arm(self) -> None:
        self.at = None
        if not self._watched:
            self._watched = [self.widget, *self.widget.findChildren(QWidget)]
            for w in self._watched:
                w.installEventFilter(self)

    def _disarm(self) -> None:
        for w in self._watched:
            w.removeEventFilter(self)
        self._watched = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._watched and event.type() == QEvent.Type.Paint:
            self._disarm()
            QTimer.singleShot(0, self._done)  # runs after this paint has finished
        return False

    def _done(self) -> None:
        self.at = time.perf_counter()
        self.painted.emit()


def wait_for(signal: Any, timeout_ms: int = TIMEOUT_MS) -> None:
    """Run the event loop until `signal` fires."""
    loop = QEventLoop()
    signal.connect(loop.quit)
    timer = QTimer(singleShot=True, interval=timeout_ms)
    timer.timeout.connect(loop.quit)
    timer.start()
    loop.exec()
    signal.disconnect(loop.quit)
    if not timer.isActive():
        raise TimeoutError(f"waited {timeout_ms} ms for {signal}")
    timer.stop()


def idle(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


class Heartbeat(QObject):
    """How late a 5 ms timer fires: the event loop's latency, so the longest UI stall."""

    INTERVAL_MS = 5

    def __init__(self) -> None:
        super().__init__()
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(self.INTERVAL_MS)
        self._timer.timeout.connect(self._beat)
        self._last = 0.0
        self.worst = 0.0

    def start(self) -> None:
        self.worst = 0.0
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> float:
        self._timer.stop()
        self._beat()
        return self.worst

    def _beat(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, (now - self._last) * 1000 - self.INTERVAL_MS)
        self._last = now


class _RecordingDb:
    """What EntryLists needs of a Database, on a recording connection."""

    def __init__(self, recorder: Recorder) -> None:
        self._recorder = recorder

    def read(self) -> Recorder:
        return self._recorder


def open_window(db_path: Path) -> tuple[Host, MainWindow]:
    with starting():  # as run_gui starts
        application()
        host = Host()
        opened = host.start(db_path)
    if opened is not Outcome.OPENED or host.window is None:
        raise SystemExit("the window did not open")
    window = host.window
    backed_up: list[object] = []
    host.daily_backup_done.connect(backed_up.append)
    watch = PaintWatch(window)
    watch.arm()
    wait_for(watch.painted)
    # The start-up check reads the whole file, then the day's first backup copies it: let both
    # finish before timing anything (they run once a day, not while someone types).
    if not backed_up:
        wait_for(host.daily_backup_done, 600_000)
    idle(200)
    return host, window


# --- search as you type --------------------------------------------------------------------


def type_into(widget: QWidget, text: str) -> None:
    """Key presses for ASCII; other scripts arrive as an input method commits them (QTest
    cannot press those keys)."""
    if text.isascii():
        QTest.keyClicks(widget, text)
        return
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def _clear(box: QWidget) -> None:
    QTest.keyClick(box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(box, Qt.Key.Key_Delete)


def search_rows(
    window: MainWindow, db_path: Path, runs: int, queries: Sequence[tuple[str, str]]
) -> dict[str, Any]:
    feature = cast(SearchFeature, window.search)  # type: ignore[attr-defined]
    box = feature.box
    watch = PaintWatch(box.panel)
    results: list[Any] = []

    def arrived(found: Any) -> None:
        if found.text == box.text():
            results.append(found)
            watch.arm()  # the next paint of the panel shows these results

    feature.runner.finished.connect(arrived)
    feature.runner.failed.connect(lambda _message: watch.arm())
    box.setFocus()
    app_ms: dict[str, list[float]] = {label: [] for label, _ in queries}
    for _ in range(runs):
        for label, query in queries:
            _clear(box)
            idle(250)
            type_into(box, query)
            typed = time.perf_counter()
            wait_for(watch.painted)
            assert watch.at is not None
            app_ms[label].append((watch.at - typed) * 1000 - DEBOUNCE_MS)
    _clear(box)
    idle(100)

    conn = plain_connection(db_path)
    recorder = Recorder(plain_connection(db_path))
    recorded: dict[str, list[Statement]] = {}
    for label, query in queries:
        Search(cast(Any, recorder)).run(query, per_kind=per_kind_for(query))
        recorded[label] = recorder.take()
    floor_ms: dict[str, list[float]] = {label: [] for label, _ in queries}
    for _ in range(runs):
        for label, _query in queries:
            with stopwatch(floor_ms[label]):
                replay(conn, recorded[label])
    conn.close()
    recorder.conn.close()
    return {
        "app": [v for label, _ in queries for v in app_ms[label]],
        "floor": [v for label, _ in queries for v in floor_ms[label]],
        "cases": {
            f"{label} {query!r}": {"app": app_ms[label], "floor": floor_ms[label]} for label, query in queries
        },
    }


def stall_rows(window: MainWindow, runs: int, queries: Sequence[tuple[str, str]]) -> dict[str, Any]:
    """The longest event-loop delay while typing each query (keys at a typing rhythm), until
    its results are painted; the floor: the same time with the window idle."""
    feature = cast(SearchFeature, window.search)  # type: ignore[attr-defined]
    box = feature.box
    watch = PaintWatch(box.panel)
    final: list[str] = []

    def arrived(found: Any) -> None:
        if final and found.text == final[0] == box.text():
            watch.arm()

    feature.runner.finished.connect(arrived)
    heart = Heartbeat()
    app_ms: list[float] = []
    floor_ms: list[float] = []
    durations: list[float] = []
    box.setFocus()
    for _ in range(runs):
        for _label, query in queries:
            _clear(box)
            idle(300)
            final[:] = [query]
            keys = list(query)
            started = time.perf_counter()
            heart.start()
            finished = QEventLoop()

            def type_next(at: int = 0, keys: list[str] = keys, loop: QEventLoop = finished) -> None:
                type_into(box, keys[at])
                if at + 1 < len(keys):
                    QTimer.singleShot(KEY_GAPS_MS[at % len(KEY_GAPS_MS)], lambda: type_next(at + 1))

            watch.painted.connect(finished.quit)
            QTimer.singleShot(0, type_next)
            finished.exec()
            watch.painted.disconnect(finished.quit)
            idle(100)
            app_ms.append(heart.stop())
            durations.append((time.perf_counter() - started) * 1000)
    _clear(box)
    idle(300)
    for duration in durations:
        heart.start()
        idle(int(duration))
        floor_ms.append(heart.stop())
    return {"app": app_ms, "floor": floor_ms}


# --- writing a note ------------------------------------------------------------------------

# Typed into a note on an entry halfway down the officials list, at the typing rhythm above;
# the autosave runs after each pause (app/gui/notes/autosave.py), as it does for a researcher.
NOTE_PHRASES: tuple[str, ...] = (
    "Met the delegation in Nanning. ",
    "Follow up with the ministry on the ",
    "AI capacity building centre. ",
)


def note_stall_rows(window: MainWindow, runs: int, phrases: Sequence[str]) -> dict[str, Any]:
    """The longest event-loop delay while a phrase is typed into a note and autosaved (until
    the save has been shown); the floor: the idle event loop for as long."""
    from app.gui.notes.feature import NotesFeature

    panel = cast(NotesFeature, window.notes).panel  # type: ignore[attr-defined]
    lists = EntryLists(window.library.db)
    middle = lists.ids("person", limit=lists.count("person") // 2 + 1)[-1]
    ref = window.details.get_by_id(middle).ref
    window.open_entry(ref.slug)  # its row is far beyond the first page of the list
    idle(300)
    panel.new_note()
    editor = panel.editor
    body = editor.body
    body.setFocus()
    heart = Heartbeat()
    app_ms: list[float] = []
    floor_ms: list[float] = []
    durations: list[float] = []
    for _ in range(runs):
        for phrase in phrases:
            idle(300)
            started = time.perf_counter()
            heart.start()
            finished = QEventLoop()

            typed = [False]

            def type_next(at: int = 0, keys: str = phrase, typed: list[bool] = typed) -> None:
                QTest.keyClicks(body, keys[at])
                if at + 1 < len(keys):
                    gap = KEY_GAPS_MS[at % len(KEY_GAPS_MS)] // 2
                    QTimer.singleShot(gap, lambda: type_next(at + 1, keys, typed))
                else:
                    typed[0] = True

            def saved(*_result: object, typed: list[bool] = typed, finished: QEventLoop = finished) -> None:
                if typed[0]:  # an autosave in a pause mid-phrase is not the end of it
                    finished.quit()

            editor.saved.connect(saved)
            QTimer.singleShot(0, type_next)
            finished.exec()
            editor.saved.disconnect(saved)
            idle(100)  # the save shown: the list of notes, the entry's page
            app_ms.append(heart.stop())
            durations.append((time.perf_counter() - started) * 1000)
    editor.flush()
    for duration in durations:
        heart.start()
        idle(int(duration))
        floor_ms.append(heart.stop())
    return {"app": app_ms, "floor": floor_ms}


# --- linking and editing ------------------------------------------------------------------

# Typed into a note after `[[`, a key at a time (the completion asks for names at each one),
# then Return takes the first name offered.
LINK_TEXT = "anan ar"


def edit_stall_rows(window: MainWindow, runs: int) -> dict[str, Any]:
    """The longest event-loop delay while a note links an entry through [[ completion and
    autosaves, then the entry's form is opened, changed and saved (until its list and page have
    been shown again); the floor: the idle event loop for as long. The entry is halfway down
    the officials, its row far beyond the list's first page; one pass first, unmeasured (the
    form's module loads on its first use)."""
    from app.gui.editing import Editing
    from app.gui.notes.feature import NotesFeature

    panel = cast(NotesFeature, window.notes).panel  # type: ignore[attr-defined]
    editing = cast(Editing, window.editing)  # type: ignore[attr-defined]
    lists = EntryLists(window.library.db)
    middle = lists.ids("person", limit=lists.count("person") // 2 + 1)[-1]
    slug = window.details.get_by_id(middle).ref.slug
    heart = Heartbeat()
    app_ms: list[float] = []
    durations: list[float] = []
    for run in range(runs + 1):
        window.open_entry(slug)
        idle(300)
        panel.new_note()
        body = panel.editor.body
        dock = panel.parent()
        if isinstance(dock, QDockWidget):
            dock.show()  # a small screen (the offscreen platform's) starts with it hidden
        window.activateWindow()  # completion follows the keyboard focus, which needs it
        body.setFocus()
        idle(300)
        if not body.hasFocus():
            raise RuntimeError("the note's text did not get the keyboard focus")
        started = time.perf_counter()
        heart.start()
        keys = f"See [[{LINK_TEXT}"
        for at, key in enumerate(keys):
            QTest.keyClicks(body, key)
            idle(KEY_GAPS_MS[at % len(KEY_GAPS_MS)] // 2)
        popup = body.completer_.popup()
        if popup is None or not popup.isVisible():
            raise RuntimeError(f"[[{LINK_TEXT} offered nothing to link")
        QTest.keyClick(popup, Qt.Key.Key_Return)
        wait_for(panel.editor.saved)
        idle(100)
        form = editing.edit_entry()
        if form is None:
            raise RuntimeError("the entry's form did not open")
        idle(150)  # the researcher reads the form
        cast(QPlainTextEdit, form.slots["summary"].widget).setPlainText(
            f"Checked against the record, pass {run}."
        )
        form.submit()
        idle(400)  # the list's first page, then the rest of it, and the entry chosen again
        worst = heart.stop()
        if run:  # the first pass loads what the form needs
            app_ms.append(worst)
            durations.append((time.perf_counter() - started) * 1000)
    panel.editor.flush()
    floor_ms: list[float] = []
    for duration in durations:
        heart.start()
        idle(int(duration))
        floor_ms.append(heart.stop())
    return {"app": app_ms, "floor": floor_ms}


# --- lists ---------------------------------------------------------------------------------

# (kind, column to sort by) and (kind, filter text); the officials and initiatives lists hold
# 100,000 entries each at full size.
SORTS: tuple[tuple[str, str], ...] = (
    ("person", "title"),
    ("person", "organization"),
    ("person", "country"),
    ("person", "name"),
    ("initiative", "parties"),
    ("initiative", "announced_at"),
    ("initiative", "status"),
    ("initiative", "name"),
)
FILTERS: tuple[tuple[str, str], ...] = (
    ("person", "a"),
    ("person", "chen"),
    ("person", "陈"),
    ("person", "minister"),
    ("initiative", "digital"),
    ("initiative", "ความ"),
)


class BareTable:
    """The floor's painting: a bare QTableView of the app's table's size and columns, showing
    the same cells. Any list must paint its first page after a sort or a filter; what the app
    adds on top (its model, the window around the table) is what the row measures."""

    def __init__(self, like: QTableView) -> None:
        self.model = QStandardItemModel()
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.resize(like.size())
        self.view.show()
        self.like = like

    def cells(self) -> list[list[str]]:
        """The cells the app's table shows now, as text (read before the floor is timed)."""
        model = self.like.model()
        last = self.like.rowAt(self.like.viewport().height() - 1)
        rows = range(model.rowCount() if last < 0 else last + 1)
        return [[str(model.index(r, c).data() or "") for c in range(model.columnCount())] for r in rows]

    def paint(self, cells: list[list[str]], widths: list[int]) -> None:
        """Put the cells in and paint them, at once: no event loop in between, which would also
        run the app's own queued work (its background counts, its timers) on the floor's time."""
        self.model.clear()
        for row in cells:
            self.model.appendRow([QStandardItem(text) for text in row])
        for column, width in enumerate(widths):
            self.view.setColumnWidth(column, width)
        self.view.horizontalHeader().viewport().repaint()
        self.view.viewport().repaint()

    def close(self) -> None:
        self.view.close()


def list_rows(
    window: MainWindow,
    db_path: Path,
    runs: int,
    sorts: Sequence[tuple[str, str]],
    filters: Sequence[tuple[str, str]],
) -> dict[str, Any]:
    entries = window.entry_list
    table = entries.table
    watch = PaintWatch(table.viewport())
    recorder = Recorder(plain_connection(db_path))
    lists = EntryLists(cast(Database, _RecordingDb(recorder)))
    conn = plain_connection(db_path)
    cases: dict[str, dict[str, list[float]]] = {}

    def floor_of(kind: str, text: str, sort: str, descending: bool) -> list[Statement]:
        """What the model reads before the rows can paint: the first page of ids and the
        shown columns of its first block (the rest of the ids follow in the background)."""
        model = entries.model
        assert model is not None
        ids = lists.ids(kind, text=text, sort=sort, descending=descending, limit=model.PAGE + 1)
        lists.rows(kind, ids[: model.BLOCK])
        return recorder.take()

    def whole_of(kind: str, text: str, sort: str, descending: bool) -> list[Statement]:
        """What the model reads in the background: every id of the list, in its order."""
        lists.ids(kind, text=text, sort=sort, descending=descending)
        return recorder.take()

    bare = BareTable(table)

    def column_widths() -> list[int]:
        return [table.columnWidth(c) for c in range(table.model().columnCount())]

    completed: list[float] = []
    whole_floor: list[float] = []  # the same SQL for every id, into a Python list
    finished_at: list[float] = []

    def note_completion() -> None:
        finished_at.append(time.perf_counter())

    def show(kind: str) -> None:
        if entries.model is None or entries.model.kind != kind:
            watch.arm()
            window.sidebar.select_kind(kind)
            wait_for(watch.painted)

    armed_on: list[object] = []

    def arm_on_reset() -> None:
        """The next paint after the shown model is reset shows the new rows."""
        model = entries.model
        if model is not None and model not in armed_on:
            model.modelReset.connect(watch.arm)
            model.completed.connect(note_completion)
            armed_on.append(model)
        finished_at.clear()

    def whole_list_after(start: float) -> None:
        """When every id had arrived (the count in the status line), after `start`."""
        model = entries.model
        assert model is not None
        if model.counted is None:
            wait_for(model.completed)
        if finished_at:
            completed.append((finished_at[-1] - start) * 1000)

    def click_header(column: int) -> float:
        header = table.horizontalHeader()
        x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
        arm_on_reset()
        start = time.perf_counter()
        QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
        wait_for(watch.painted)
        assert watch.at is not None
        painted = (watch.at - start) * 1000
        whole_list_after(start)
        return painted

    def sort_to(kind: str, key: str, descending: bool) -> None:
        model = entries.model
        assert model is not None
        while (model.sort_key, model.descending) != (key, descending):
            click_header(model.column_keys().index(key))

    for _ in range(runs):
        for kind, key in sorts:
            show(kind)
            model = entries.model
            assert model is not None
            column = model.column_keys().index(key)
            if model.sort_key == key:  # start from another column, so each click sorts anew
                sort_to(kind, "name" if key != "name" else model.column_keys()[1], False)
            for descending in (False, True):
                label = f"{kind} sorted by {key}{' descending' if descending else ''}"
                case = cases.setdefault(label, {"app": [], "floor": []})
                case["app"].append(click_header(column))
                statements = floor_of(kind, "", key, descending)
                cells, widths = bare.cells(), column_widths()
                with stopwatch(case["floor"]):
                    replay(conn, statements)
                    bare.paint(cells, widths)
                statements = whole_of(kind, "", key, descending)
                with stopwatch(whole_floor):
                    replay(conn, statements)
            sort_to(kind, "name", False)
    for _ in range(runs):
        for kind, text in filters:
            show(kind)
            model = entries.model
            assert model is not None
            for shown in (text, ""):
                label = f"{kind} filtered by {shown!r}" if shown else f"{kind} filter cleared"
                case = cases.setdefault(label, {"app": [], "floor": []})
                entries.filter.setFocus()
                arm_on_reset()
                if shown:
                    type_into(entries.filter, shown)
                else:
                    _clear(entries.filter)
                typed = time.perf_counter()
                wait_for(watch.painted)
                assert watch.at is not None
                case["app"].append((watch.at - typed) * 1000 - FILTER_DEBOUNCE_MS)
                whole_list_after(typed + FILTER_DEBOUNCE_MS / 1000)
                statements = floor_of(kind, shown, model.sort_key, model.descending)
                cells, widths = bare.cells(), column_widths()
                with stopwatch(case["floor"]):
                    replay(conn, statements)
                    bare.paint(cells, widths)
                statements = whole_of(kind, shown, model.sort_key, model.descending)
                with stopwatch(whole_floor):
                    replay(conn, statements)
                idle(100)
    bare.close()
    conn.close()
    recorder.conn.close()
    return {
        "app": [v for c in cases.values() for v in c["app"]],
        "floor": [v for c in cases.values() for v in c["floor"]],
        "cases": cases,
        "completed": completed,
        "whole_floor": whole_floor,
    }


# --- the Notes view ----------------------------------------------------------------------

NOTE_SORTS: tuple[str, ...] = ("created", "title", "entry", "updated")
NOTE_FILTERS: tuple[str, ...] = ("cooperation", "合作", "zzqqxx")


def notes_view_rows(window: MainWindow, db_path: Path, runs: int) -> dict[str, Any]:
    """The Notes view over every note: each sort (both ways) and a text filter, from the
    action to the painted rows; the floor: the same SQL replayed with plain sqlite3 and a bare
    table painting the same cells."""
    from app.gui.notes.feature import NotesFeature
    from app.services.note_lists import NoteLists

    feature = cast(NotesFeature, window.notes)  # type: ignore[attr-defined]
    feature.show_notes_view()  # (the toolbar changes with the view: no watch on the window)
    idle(500)
    view = feature.notes_view
    table = view.table
    rows_watch = PaintWatch(table.viewport())
    recorder = Recorder(plain_connection(db_path))
    lists = NoteLists(cast(Database, _RecordingDb(recorder)))
    conn = plain_connection(db_path)
    bare = BareTable(table)
    cases: dict[str, dict[str, list[float]]] = {}

    def floor(case: dict[str, list[float]]) -> None:
        # What the rows on screen wait for: the first page, and the count when the model
        # reads it at once (an index's); a slower count arrives later, as the app's does.
        query = view.model.query
        if lists.quick_count(query):
            lists.count(query)
        lists.page(query, limit=view.model.PAGE)
        statements = recorder.take()
        cells = bare.cells()
        widths = [table.columnWidth(c) for c in range(table.model().columnCount())]
        with stopwatch(case["floor"]):
            replay(conn, statements)
            bare.paint(cells, widths)

    def settled() -> None:
        """Until the count and any page being read have arrived (the next case must not
        wait behind this one's reads)."""
        deadline = time.perf_counter() + TIMEOUT_MS / 1000
        while (view.model.loading or view.model.counted is None) and time.perf_counter() < deadline:
            idle(20)

    def timed(label: str, act: Callable[[], None]) -> None:
        case = cases.setdefault(label, {"app": [], "floor": []})
        # `loaded`: the new rows are in the model (at once, or when read in the background);
        # the paint after it shows them.
        view.model.loaded.connect(rows_watch.arm)
        start = time.perf_counter()
        act()
        wait_for(rows_watch.painted)
        view.model.loaded.disconnect(rows_watch.arm)
        assert rows_watch.at is not None
        case["app"].append((rows_watch.at - start) * 1000)
        settled()
        idle(50)
        floor(case)

    for _ in range(runs):
        for key in NOTE_SORTS:
            for descending in (False, True):
                if view.model.query.sort == key and view.model.query.descending == descending:
                    view.sort_notes("updated" if key != "updated" else "title", False)
                    settled()
                    idle(100)
                label = f"notes sorted by {key}{' descending' if descending else ''}"
                timed(label, partial(view.sort_notes, key, descending))
        view.sort_notes("updated", True)
        settled()
        idle(100)
        for text in NOTE_FILTERS:
            view.filter.setText(text)
            timed(f"notes filtered by {text!r}", view._apply)
            view.filter.setText("")
            view._apply()
            settled()
            idle(100)
    bare.close()
    conn.close()
    recorder.conn.close()
    return {
        "app": [v for c in cases.values() for v in c["app"]],
        "floor": [v for c in cases.values() for v in c["floor"]],
        "cases": cases,
    }


# --- detail --------------------------------------------------------------------------------


def detail_rows(window: MainWindow, db_path: Path, runs: int, rows: int) -> dict[str, Any]:
    entries = window.entry_list
    table = entries.table
    view = window.detail_view
    watch = PaintWatch(view.viewport())
    bare = QTextBrowser()
    bare.resize(view.size())
    bare.document().setDocumentMargin(view.document().documentMargin())
    bare.show()
    conn = plain_connection(db_path)
    app_ms: list[float] = []
    floor_ms: list[float] = []
    for kind in ("person", "initiative"):
        if entries.model is None or entries.model.kind != kind:
            window.sidebar.select_kind(kind)
            idle(200)
        for _ in range(runs):
            for row in range(1, rows + 1):
                rect = table.visualRect(table.model().index(row, 0))
                watch.arm()
                start = time.perf_counter()
                QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
                wait_for(watch.painted)
                assert watch.at is not None and view.detail is not None
                app_ms.append((watch.at - start) * 1000)
                idle(50)
                html = render(view.detail)
                bare.document().setDefaultStyleSheet(view.document().defaultStyleSheet())
                with stopwatch(floor_ms):
                    conn.execute("SELECT * FROM entity WHERE id = ?", (view.detail.ref.id,)).fetchall()
                    bare.setHtml(html)
                    bare.viewport().repaint()
    bare.close()
    conn.close()
    return {"app": app_ms, "floor": floor_ms}


# --- memory --------------------------------------------------------------------------------


def memory_row(window: MainWindow) -> dict[str, Any]:
    """Peak memory after every list has been shown and one search has painted its results."""
    from app.services.kinds import KINDS

    entries = window.entry_list
    watch = PaintWatch(window)
    for kind in KINDS:
        if window.sidebar.current_kind() != kind.key:  # (the window may open on this kind)
            watch.arm()
            window.sidebar.select_kind(kind.key)
            wait_for(watch.painted)
        if entries.model is not None:  # scroll to the end: every page of the list paged in
            entries.table.scrollToBottom()
            idle(50)
    watch.arm()
    window.sidebar.select("trash")
    wait_for(watch.painted)
    feature = cast(SearchFeature, window.search)  # type: ignore[attr-defined]
    panel = PaintWatch(feature.box.panel)
    feature.runner.finished.connect(lambda _results: panel.arm())
    feature.box.setFocus()
    type_into(feature.box, "cooperation")
    wait_for(panel.painted)
    idle(300)
    return {"peak_mb": peak_mb()}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.gui_probe")
    parser.add_argument("task", choices=("interactive", "memory"))
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", default="search,stall,list,notes,detail,note,edit")
    parser.add_argument("--smoke", action="store_true", help="a few cases of each kind only")
    args = parser.parse_args(argv)
    few = 3 if args.smoke else None
    host, window = open_window(args.db)
    out: dict[str, Any] = {}
    try:
        if args.task == "memory":
            out = memory_row(window)
        else:
            tasks: dict[str, Callable[[], dict[str, Any]]] = {
                "search": lambda: search_rows(window, args.db, args.runs, QUERIES[:few]),
                "stall": lambda: stall_rows(window, args.runs, QUERIES[:few]),
                "list": lambda: list_rows(window, args.db, args.runs, SORTS[:few], FILTERS[:few]),
                "notes": lambda: notes_view_rows(window, args.db, args.runs),
                "detail": lambda: detail_rows(window, args.db, args.runs, few or 8),
                "note": lambda: note_stall_rows(window, args.runs, NOTE_PHRASES[:few]),
                "edit": lambda: edit_stall_rows(window, args.runs),
            }
            for name in args.only.split(","):
                out[name] = tasks[name]()
    finally:
        window.close()
        host.release()
    print(json.dumps(out), flush=True)
    os._exit(0)  # skip Qt's teardown: the numbers are out, and background work may still run


if __name__ == "__main__":
    sys.exit(main())
