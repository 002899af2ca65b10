"""The Timeline place in the sidebar and View ▸ Timeline (Ctrl+Shift+L). The view is built the
first time it is shown; clicking an item opens its entry beside it, the timeline staying put."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from app.gui.sidebar import LIBRARY

if TYPE_CHECKING:
    from app.gui.main_window import MainWindow
    from app.gui.timeline.view import TimelineView

TIMELINE_ITEM = "timeline"
SHORTCUT = "Ctrl+Shift+L"
DETAIL_WIDTH = 360  # the entry's page beside the timeline, at least


def install(window: MainWindow) -> None:
    window.timeline = Timelines(window)  # type: ignore[attr-defined]


class Timelines(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._view: TimelineView | None = None
        self._widened = False
        window.sidebar.add_item(LIBRARY, TIMELINE_ITEM, self.tr("Timeline"), on_select=self.show)
        self.action = QAction(self.tr("&Timeline"), window, shortcut=QKeySequence(SHORTCUT))
        self.action.setStatusTip(self.tr("Dated facts on a time axis: events, titles, memberships"))
        self.action.triggered.connect(self.show)
        window.view_menu.addAction(self.action)
        window.changes.entries_changed.connect(self._entries_changed)

    @property
    def view(self) -> TimelineView:
        if self._view is None:
            from app.gui.timeline.view import TimelineView

            self._view = TimelineView(self.window.library, self.window.lists.names_in, self.window)
            self._view.entry_chosen.connect(lambda slug: self.window.open_entry(slug, reveal=False))
            self.window.add_list_page(self._view)
        return self._view

    def show(self) -> None:
        if self.window.sidebar.current_key() != TIMELINE_ITEM:
            self.window.sidebar.blockSignals(True)
            self.window.sidebar.select(TIMELINE_ITEM)
            self.window.sidebar.blockSignals(False)
        self.window.show_list_page(self.view)
        self._widen()

    def _widen(self) -> None:
        """A timeline wants width: the first time it shows, give the middle pane most of the
        window's, leaving the entry's page a readable column (later, the researcher's own)."""
        if self._widened:
            return
        self._widened = True
        splitter = self.window.splitter
        sizes = splitter.sizes()
        total = sum(sizes)
        if len(sizes) != 3 or not total:
            return
        middle = max(300, min(int(total * 0.68), total - sizes[0] - DETAIL_WIDTH))
        splitter.setSizes([sizes[0], middle, max(0, total - sizes[0] - middle)])

    def _entries_changed(self, _slugs: set[str], _origin: object | None = None) -> None:
        if self._view is not None:
            self._view.mark_stale()
