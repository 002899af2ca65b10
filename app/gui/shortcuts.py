"""Standard shortcuts, with a fallback where the platform defines none (Quit and Preferences
have no binding on Windows or on Qt's generic themes, e.g. offscreen)."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence


def standard(key: QKeySequence.StandardKey, fallback: str) -> list[QKeySequence]:
    bindings = QKeySequence.keyBindings(key)
    return bindings or [QKeySequence(fallback)]
