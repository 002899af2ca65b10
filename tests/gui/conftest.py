"""Helpers for driving widgets as a user would."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.gui.main_window import MainWindow


@pytest.fixture
def window(qtbot: QtBot, seeded_db: Database) -> Iterator[MainWindow]:
    """The main window over the seeded database, shown."""
    win = MainWindow(seeded_db)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win


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
