"""Helpers for driving widgets as a user would."""

from __future__ import annotations

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type `text` into `widget`: key presses for ASCII, an input-method commit for other
    scripts (how Chinese, Thai or Lao text really arrives; QTest cannot press those keys)."""
    widget.setFocus()
    if text.isascii():
        qtbot.keyClicks(widget, text)
        return
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def click_in_next_dialog(
    button_name: str, seen: list[str] | None = None, *, timeout_ms: int = 10_000
) -> None:
    """When the next modal dialog opens, click its button named `button_name` (as a user
    would answer it); its text goes into `seen`. For dialogs opened with exec()."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QAbstractButton, QMessageBox

    waited = 0

    def poll() -> None:
        nonlocal waited
        dialog = QApplication.activeModalWidget()
        button = None
        if dialog is not None:
            for candidate in dialog.findChildren(QAbstractButton):
                label = candidate.text().replace("&", "")
                if candidate.isVisible() and button_name in (candidate.objectName(), label):
                    button = candidate
                    break
        if button is None:
            waited += 20
            if waited < timeout_ms:
                QTimer.singleShot(20, poll)
            return
        if seen is not None and dialog is not None:
            texts = [dialog.windowTitle()]
            if isinstance(dialog, QMessageBox):
                texts += [dialog.text(), dialog.informativeText()]
            seen.append("\n".join(texts))
        button.click()

    QTimer.singleShot(0, poll)
