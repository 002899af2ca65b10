"""Where and how large the main window opens: within the screen's free area, the notes panel
closed until a note is opened. Kept apart from starting the application (app/gui/launch.py)
so the Host can place the windows it opens without importing the start-up."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QDockWidget, QWidget

# The title bar and borders, which a window's own size leaves out.
_FRAME = QSize(16, 40)


def fit_to_screen(window: QWidget) -> None:
    """Open no larger than the screen's free area (1280×760 is too tall for a 1366×768 laptop
    with a panel), and never below what the window needs. Side docks start closed: the notes
    panel holds nothing until a note is opened (it opens itself then, and Notes ▸ Show the
    notes panel opens it at any time), and at 1280 pixels its third of the width squeezed the
    list and the entry being read."""
    free = window.screen().availableGeometry().size() - _FRAME
    window.resize(window.size().boundedTo(free).expandedTo(window.minimumSizeHint()))
    for dock in window.findChildren(QDockWidget):
        dock.hide()
