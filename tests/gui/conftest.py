"""Helpers for driving widgets as a user would."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QObject, Qt, QTimer, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QInputMethodEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.gui.main_window import MainWindow


class UrlRecorder(QObject):
    """Stands in for the desktop (browser, file manager): what Roundtable asked it to open."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


@pytest.fixture
def desktop() -> Iterator[UrlRecorder]:
    """QDesktopServices.openUrl hands http, https and file URLs to a recorder, not the desktop."""
    recorder = UrlRecorder()
    schemes = ("http", "https", "file")
    for scheme in schemes:
        QDesktopServices.setUrlHandler(scheme, recorder, "open")
    yield recorder
    for scheme in schemes:
        QDesktopServices.unsetUrlHandler(scheme)


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


@pytest.fixture
def window(qtbot: QtBot, seeded_db: Database) -> Iterator[MainWindow]:
    """The main window over a copy of the seeded database, shown."""
    win = MainWindow(seeded_db)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win


def click_message_box_button(qtbot: QtBot, text: str) -> list[str]:
    """Arrange to press the button called `text` on the next message box; returns the texts
    the box showed (filled once it has been answered)."""
    seen: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        seen.extend([box.text(), box.informativeText()])
        for button in box.buttons():
            if button.text().replace("&", "") == text:
                qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
                return
        raise AssertionError(f"no button {text!r} on {box.text()!r}")

    QTimer.singleShot(0, answer)
    return seen
