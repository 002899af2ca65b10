"""Read-only mode, made visible: a banner above the window's content while `window.read_only`,
saying why and offering the way forward; and the one-liner features use to disable what
writes:

    from app.gui.read_only import disable_when_read_only
    disable_when_read_only(window, self.new_action, self.delete_action, self.editor)

(`window.read_only` and `window.read_only_changed` are on MainWindow; the reason is
`window.library.read_only_reason`.)
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QStyle, QVBoxLayout, QWidget

from app.gui.i18n import translated

if TYPE_CHECKING:
    from app.gui.main_window import MainWindow


def disable_when_read_only(window: MainWindow, *items: QAction | QWidget) -> None:
    """Keep `items` disabled for as long as the window is read-only."""

    def apply(read_only: bool) -> None:
        for item in items:
            item.setEnabled(not read_only)

    apply(window.read_only)
    window.read_only_changed.connect(apply)


class ReadOnlyBanner(QFrame):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.setObjectName("readOnlyBanner")
        self.setAccessibleName(self.tr("Read-only notice"))
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        palette = self.palette()  # the tooltip colours: the platform's own "notice" look
        palette.setColor(QPalette.ColorRole.Window, palette.color(QPalette.ColorRole.ToolTipBase))
        palette.setColor(QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.ToolTipText))
        self.setPalette(palette)

        icon = QLabel(self)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(size, size)
        )
        self.text = QLabel(self)
        self.text.setObjectName("readOnlyText")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.restore_button = QPushButton(self.tr("Restore a backup…"), self)
        self.restore_button.setObjectName("bannerRestore")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.restore_button, 0)
        restore = window.findChild(QAction, "restoreBackupAction")
        self._can_restore = isinstance(restore, QAction)
        if isinstance(restore, QAction):
            self.restore_button.clicked.connect(restore.trigger)
        window.read_only_changed.connect(self.update_state)
        self.update_state(window.read_only)

    def update_state(self, read_only: bool) -> None:
        reason = self.window_.library.read_only_reason
        why = translated(reason) if reason else self.tr("it cannot be changed now")
        self.text.setText(
            self.tr(
                "<b>Read-only.</b> This database is open for reading only: {reason}. "
                "Nothing you do here can change it."
            ).format(reason=html.escape(why))
        )
        # Restoring is the way forward from damage, when this process may replace the file
        # (it holds the writer lock, so the folder is writable and no one else has the file).
        host = self.window_.host
        self.restore_button.setVisible(self._can_restore and host is not None and host.can_replace)
        self.setVisible(read_only)


def install(window: MainWindow) -> None:
    """Put the banner above whatever the window's central widget is."""
    content = window.takeCentralWidget()
    holder = QWidget(window)
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    layout.addWidget(ReadOnlyBanner(window))
    if content is not None:
        layout.addWidget(content, 1)
    window.setCentralWidget(holder)
