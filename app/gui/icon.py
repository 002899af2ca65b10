"""The application icon: the vector drawing at every size (sharp on high-DPI screens), except at
16 pixels, where a drawing made for the pixel grid replaces it."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

from app.paths import icon_file


def app_icon() -> QIcon:
    icon = QIcon(str(icon_file("roundtable.svg")))
    # Qt's SVG icon engine returns an added pixmap only when asked for exactly its size.
    icon.addFile(str(icon_file("png/roundtable-16.png")), QSize(16, 16))
    return icon
