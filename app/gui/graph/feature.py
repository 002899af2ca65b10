"""The Graph place in the sidebar and View ▸ Graph (Ctrl+Shift+G). The view (and igraph, its
layout) is loaded the first time it is shown; double-clicking an entry or clicking a relation
opens it beside the graph, recorded for Back."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from app.gui.sidebar import LIBRARY

if TYPE_CHECKING:
    from app.gui.graph.view import GraphView
    from app.gui.main_window import MainWindow

GRAPH_ITEM = "graph"
SHORTCUT = "Ctrl+Shift+G"


def install(window: MainWindow) -> None:
    window.graph = Graphs(window)  # type: ignore[attr-defined]


class Graphs(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._view: GraphView | None = None
        window.sidebar.add_item(LIBRARY, GRAPH_ITEM, self.tr("Graph"), on_select=self.show)
        self.action = QAction(self.tr("&Graph"), window, shortcut=QKeySequence(SHORTCUT))
        self.action.setStatusTip(self.tr("Entries as nodes and their relations as edges"))
        self.action.triggered.connect(self.show)
        window.view_menu.addAction(self.action)
        window.changes.entries_changed.connect(self._entries_changed)
        window.entry_opened.connect(self._entry_opened)

    def _current(self) -> int | None:
        detail = self.window.detail_view.detail
        return detail.ref.id if detail is not None else None

    @property
    def view(self) -> GraphView:
        if self._view is None:
            from app.gui.graph.view import GraphView

            self._view = GraphView(self.window.library, self.window, current=self._current)
            self._view.entry_chosen.connect(lambda slug: self.window.open_entry(slug, reveal=False))
            self._view.fact_chosen.connect(lambda slug: self.window.open_entry(slug, reveal=False))
            self.window.add_list_page(self._view)
        return self._view

    def show(self) -> None:
        if self.window.sidebar.current_key() != GRAPH_ITEM:
            self.window.sidebar.blockSignals(True)
            self.window.sidebar.select(GRAPH_ITEM)
            self.window.sidebar.blockSignals(False)
        self.window.show_list_page(self.view)
        self._widen()

    def _widen(self) -> None:
        """A graph wants room: give the middle pane most of the window's width, once."""
        splitter = self.window.splitter
        sizes = splitter.sizes()
        total = sum(sizes)
        if len(sizes) == 3 and total and sizes[1] < total * 0.5:
            # ... keeping the entry's page readable beside it (360 px, or what it had).
            middle = min(int(total * 0.58), total - sizes[0] - min(360, sizes[2]))
            if middle > sizes[1]:
                splitter.setSizes([sizes[0], middle, total - sizes[0] - middle])

    def _entries_changed(self, _slugs: set[str], _origin: object | None = None) -> None:
        if self._view is not None:
            self._view.mark_stale()

    def _entry_opened(self, _slug: str) -> None:
        if self._view is not None and self._view.isVisible():
            self._view.current_entry_changed()
