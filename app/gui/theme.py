"""The colour scheme: the system's, or light or dark whatever the system says.

Qt 6.8 lets an application ask for a scheme (QStyleHints.setColorScheme); platforms that
honour it repaint everything in their own light or dark colours. Where the platform ignores
it (some Linux desktops, the offscreen platform) the palette is set instead: the style's own
palette for light, a dark one built on the Fusion style's colours for dark. Applied at once;
every view that draws its own colours (the detail page, the note preview) follows palette
changes.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

THEME_KEY = "preferences/theme"
SYSTEM, LIGHT, DARK = "system", "light", "dark"
THEMES = (SYSTEM, LIGHT, DARK)

_palette_set = False  # whether apply() replaced the palette (to undo for SYSTEM)


def chosen(stored: QSettings) -> str:
    value = str(stored.value(THEME_KEY, SYSTEM) or SYSTEM)
    return value if value in THEMES else SYSTEM


def dark_palette() -> QPalette:
    p = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#2b2b2b",
        QPalette.ColorRole.WindowText: "#e8e8e8",
        QPalette.ColorRole.Base: "#1f1f1f",
        QPalette.ColorRole.AlternateBase: "#282828",
        QPalette.ColorRole.Text: "#e8e8e8",
        QPalette.ColorRole.Button: "#353535",
        QPalette.ColorRole.ButtonText: "#e8e8e8",
        QPalette.ColorRole.Highlight: "#3d6ea8",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: "#8ab4f8",
        QPalette.ColorRole.LinkVisited: "#c58af9",
        QPalette.ColorRole.PlaceholderText: "#9a9a9a",
        QPalette.ColorRole.ToolTipBase: "#353535",
        QPalette.ColorRole.ToolTipText: "#e8e8e8",
        QPalette.ColorRole.Light: "#505050",
        QPalette.ColorRole.Midlight: "#404040",
        QPalette.ColorRole.Mid: "#5a5a5a",
        QPalette.ColorRole.Dark: "#1a1a1a",
        QPalette.ColorRole.Shadow: "#000000",
    }
    for role, colour in roles.items():
        p.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7a7a7a"))
    return p


def apply(theme: str) -> None:
    """Put `theme` into effect now."""
    global _palette_set
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    hints = QGuiApplication.styleHints()
    if theme == SYSTEM:
        hints.unsetColorScheme()
        if _palette_set:
            app.setPalette(QPalette())  # an empty palette: the platform's again
            _palette_set = False
        return
    wanted = Qt.ColorScheme.Dark if theme == DARK else Qt.ColorScheme.Light
    hints.setColorScheme(wanted)
    if hints.colorScheme() != wanted:  # the platform cannot: colour the widgets ourselves
        app.setPalette(dark_palette() if theme == DARK else app.style().standardPalette())
        _palette_set = True
    elif _palette_set:
        app.setPalette(QPalette())
        _palette_set = False
