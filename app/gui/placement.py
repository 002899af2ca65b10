"""Where and how large the main window opens: within the screen's free area, docks closed on a
narrow screen at a first start. Kept apart from starting the application (app/gui/launch.py)
so the Host can place the windows it opens without importing the start-up."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QDockWidget, QWidget

from app.gui import window_state

# The title bar and borders, which a window's own size leaves out.
_FRAME = QSize(16, 40)


# Below this width a side dock (the notes panel) would squeeze the entry being read to a strip.
NARROW = 1100


def fit_to_screen(window: QWidget) -> None:
    """Open no larger than the screen's free area (1280×760 is too tall for a 1366×768 laptop
    with a panel), and never below what the window needs. On a first start on a narrow screen,
    side docks start closed (their menus open them again); after that the researcher's own
    layout is restored as it was left."""
    free = window.screen().availableGeometry().size() - _FRAME
    window.resize(window.size().boundedTo(free).expandedTo(window.minimumSizeHint()))
    if window.width() < NARROW and not window_state.has_saved_layout():
        for dock in window.findChildren(QDockWidget):
            dock.hide()
