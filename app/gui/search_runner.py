"""Running searches off the UI thread, newest first.

One worker thread and one database connection of its own. A new query supersedes the one
before: a query still waiting is skipped, a running one is interrupted (sqlite3
Connection.interrupt), and whatever a superseded query returns is dropped, so the results on
screen always belong to the text in the box.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QThreadPool, Signal

from app.gui.i18n import translated
from app.gui.workers import Task
from app.services.library import Library
from app.services.progress import Cancelled, Progress
from app.services.search import Results, Search, SearchError


class SearchRunner(QObject):
    finished = Signal(object)  # Results of the newest query
    failed = Signal(str)  # why the newest query cannot run, for the researcher

    def __init__(self, library: Library, *, per_kind: int = 8, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.per_kind = per_kind
        self._library = library
        self._engine: Search | None = None  # its own connection, opened for the first query
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # one connection, one query at a time
        self._generation = 0
        self._running: Task | None = None
        self._tasks: set[Task] = set()
        self._warming: Task | None = None  # the connection being opened ahead of the first query

    @property
    def _search(self) -> Search:
        """The engine; made on the pool's one thread only, so never made twice."""
        if self._engine is None:
            self._engine = self._library.search_engine()
        return self._engine

    def warm_up(self) -> None:
        """Open the connection in the background now (the box got the focus), so the first
        query does not wait for it."""
        if self._engine is not None or self._warming is not None or self._tasks:
            return
        task = Task(lambda _progress: self._search, parent=self)
        # Not one of `_tasks`: nobody waits for it (`busy` is about queries).
        task.succeeded.connect(lambda _engine: self._warmed(task))
        task.failed.connect(lambda _message: self._warmed(task))  # the first query will say why
        self._warming = task
        task.start(self._pool)

    def _warmed(self, task: Task) -> None:
        task.deleteLater()

    def cancel(self) -> None:
        """Drop whatever runs or waits: its results will not be shown."""
        self._generation += 1
        if self._running is not None:
            self._running.cancel()
            if self._engine is not None:
                self._engine.interrupt()

    def submit(self, text: str) -> None:
        self.cancel()
        generation = self._generation

        def work(progress: Progress) -> Results | SearchError:
            if generation != self._generation:
                raise Cancelled()  # superseded while waiting: do not even start
            try:
                return self._search.run(text, per_kind=self.per_kind, progress=progress)
            except SearchError as exc:  # the researcher's to fix, not a failure to log
                return exc

        task = Task(work, parent=self)
        task.succeeded.connect(lambda results: self._done(task, generation, results))
        task.failed.connect(lambda message: self._failed(task, generation, message))
        task.cancelled.connect(lambda: self._forget(task))
        self._tasks.add(task)
        self._running = task
        task.start(self._pool)

    @property
    def busy(self) -> bool:
        return bool(self._tasks)

    def _forget(self, task: Task) -> None:
        self._tasks.discard(task)
        if self._running is task:
            self._running = None
        task.deleteLater()

    def _done(self, task: Task, generation: int, result: Results | SearchError) -> None:
        self._forget(task)
        if generation != self._generation:
            return
        if isinstance(result, SearchError):
            self.failed.emit(translated(result.message))
        else:
            self.finished.emit(result)

    def _failed(self, task: Task, generation: int, message: str) -> None:
        self._forget(task)
        if generation == self._generation:
            self.failed.emit(self.tr("The search failed: {reason}").format(reason=message))
