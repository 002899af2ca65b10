"""The note editor taking the centre of the window: Notes ▸ Write in the Centre (Ctrl+Shift+M,
or the Wide button beside Write / Split / Preview) hides the list and the entry page, so the
notes panel has the window's width beside the sidebar and the split editor's halves have room
for a line of text each (at 1280 pixels the panel's third gives each about 190).

It ends by the same action, by closing the notes panel (a window with the list and the page
hidden and no panel would be empty), when an entry is opened (search, a link in the note: the
researcher wants to read it) and before the window closes (the layout is saved as the list and
page normally stand).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QToolButton

if TYPE_CHECKING:
    from app.gui.main_window import MainWindow
    from app.gui.notes.panel import NotesPanel


class WideEditor(QObject):
    def __init__(self, window: MainWindow, dock: QDockWidget, panel: NotesPanel) -> None:
        super().__init__(window)
        self._window = window
        self._dock = dock
        self._panel = panel
        self._dock_width = 0  # the panel's width before it took the centre
        self.action = QAction(self.tr("Write in the &Centre"), window)
        self.action.setCheckable(True)
        self.action.setShortcut(QKeySequence("Ctrl+Shift+M"))
        self.action.setIconText(self.tr("Wide"))  # on the button, beside Write, Split, Preview
        self.action.setToolTip(self.tr("The note takes the centre of the window (Ctrl+Shift+M)"))
        self.action.toggled.connect(self._set)
        self.button = QToolButton(panel.editor)
        self.button.setObjectName("view-centre")
        self.button.setDefaultAction(self.action)
        self.button.setAccessibleDescription(self.action.toolTip())
        panel.editor.add_view_button(self.button)
        dock.visibilityChanged.connect(self._dock_shown)
        window.entry_opened.connect(lambda _slug: self.set_wide(False))
        window.installEventFilter(self)

    @property
    def wide(self) -> bool:
        return self.action.isChecked()

    def set_wide(self, wide: bool) -> None:
        self.action.setChecked(wide)

    def _dock_shown(self, shown: bool) -> None:
        if not shown and self._dock.isHidden():  # closed, not just the window minimized
            self.set_wide(False)

    def _set(self, wide: bool) -> None:
        window = self._window
        if wide:
            self._dock_width = self._dock.width()
            self._dock.show()
            self._dock.raise_()
        for pane in (window.list_stack, window.detail_view):
            pane.setVisible(not wide)
        sidebar = window.splitter.widget(0)
        room = window.width() - (sidebar.width() if sidebar is not None else 0) - 24
        width = room if wide else self._dock_width or window.width() * 3 // 10
        window.resizeDocks([self._dock], [max(320, width)], Qt.Orientation.Horizontal)
        if wide:
            self._panel.editor.body.setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Close:
            self.set_wide(False)
        return False
