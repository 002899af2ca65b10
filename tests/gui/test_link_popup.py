"""The [[ completion popup is as wide as a name and its entry need, not as the longest source
title: about 1,150 px over the page before; a long line is shortened in the middle."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from app.gui.notes.fields import COMPLETION_ROLE, MarkdownEdit
from tests.gui.conftest import type_text

LONG = (
    "laotiantimes.com report of 16 Sept 2025 on the Forum on China-ASEAN Technology Transfer and "
    "Collaborative Innovation 2025 (title not recorded)  —  (source)"
)


@pytest.mark.qt_log_ignore(
    "This plugin does not support raise", "This plugin does not support grabbing the keyboard"
)
def test_the_popup_keeps_a_sensible_width(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    edit = MarkdownEdit(window)
    QVBoxLayout(window).addWidget(edit)
    window.resize(1400, 600)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    handle = window.windowHandle()
    assert handle is not None
    handle.requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    edit.set_link_choices(
        lambda typed: [("Laos (country)", "Laos", "Laos"), (LONG, "laotiantimes", "a source")]
    )
    type_text(qtbot, edit, "See [[La")
    popup = edit.completer_.popup()
    qtbot.waitUntil(popup.isVisible)
    chars = edit.fontMetrics().averageCharWidth()
    assert chars * 24 <= popup.width() <= chars * 64
    assert popup.width() < edit.fontMetrics().horizontalAdvance(LONG)
    model = edit.completer_.completionModel()
    shown = model.index(1, 0).data()
    assert "…" in shown and shown.endswith("(source)")  # shortened in the middle
    assert model.index(1, 0).data(COMPLETION_ROLE) == "laotiantimes"  # what is inserted is whole
    qtbot.keyClick(popup, Qt.Key.Key_Escape)
