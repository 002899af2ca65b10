"""The Delete key in a list of notes deletes the note, not the entry beside it.

The window's Move to Trash action (app/gui/editing.py) owns Delete as a window-wide shortcut.
A list that deletes what it shows claims the key while it has the focus: it accepts Qt's
ShortcutOverride for Delete, so the key arrives as a key press there instead of triggering the
window's action. Clicking Move to Trash in the menu or toolbar still acts on the entry.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget

_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)


class _DeleteKey(QObject):
    def __init__(self, widget: QWidget, delete: Callable[[], None]) -> None:
        super().__init__(widget)
        self._delete = delete

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            assert isinstance(event, QKeyEvent)
            if event.key() in _KEYS and event.modifiers() == Qt.KeyboardModifier.NoModifier:
                event.accept()
                if event.type() == QEvent.Type.KeyPress:
                    self._delete()
                return True
        return False


def delete_key_deletes(widget: QWidget, delete: Callable[[], None]) -> None:
    """While `widget` has the focus, Delete (and Backspace) call `delete` instead of the
    window's shortcut."""
    widget.installEventFilter(_DeleteKey(widget, delete))
