"""Every keyboard shortcut of the window does one thing: Qt fires neither of two actions that
share a key in one window ("Ambiguous shortcut overload"), so a clash is a key that stops working."""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from pytestqt.qtbot import QtBot

from app.gui.main_window import MainWindow


def test_no_two_actions_of_the_window_share_a_key(qtbot: QtBot, window: MainWindow) -> None:
    by_key: dict[str, set[str]] = defaultdict(set)
    for action in window.findChildren(QAction):
        if action.shortcutContext() == Qt.ShortcutContext.WidgetShortcut:
            continue  # a key of one widget only (a field's own), not the window's
        for key in action.shortcuts():
            if not key.isEmpty():
                by_key[key.toString(QKeySequence.SequenceFormat.PortableText)].add(
                    action.text().replace("&", "")
                )
    shared = {key: names for key, names in by_key.items() if len(names) > 1}
    assert shared == {}
    assert "Ctrl+Shift+L" in by_key and "Ctrl+Shift+G" in by_key and "Ctrl+Shift+T" in by_key
