"""The colour scheme: the system's, or light or dark whatever the system says.

Qt 6.8 lets an application ask for a scheme (QStyleHints.setColorScheme); platforms that
honour it repaint everything in their own light or dark colours. Where the platform ignores
it (some Linux desktops, the offscreen platform) the palette is set instead: the style's own
palette for light, a dark one built on the Fusion style's colours for dark. Applied at once;
every view that draws its own colours (the detail page, the note preview) follows palette
changes.

Readable colours: a palette need not keep its colours legible on its own backgrounds (some
platforms' dark palettes keep Qt's default link blue, #0000ff, on near-black, and shade
placeholders by transparency), so a colour a view draws text with goes through
`readable(colour, background)`: the palette's colour, moved toward white or black just far
enough for WCAG AA (4.5:1). For the same reason Fusion's radio buttons and check boxes, whose
outline is the window colour darkened (invisible on a dark window), get a ring that is readable
on the window (`VisibleIndicators`).
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSettings, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleFactory, QStyleOption, QWidget

THEME_KEY = "preferences/theme"
SYSTEM, LIGHT, DARK = "system", "light", "dark"
THEMES = (SYSTEM, LIGHT, DARK)

AA_TEXT = 4.5  # WCAG 2 AA: the least contrast for text of ordinary size

_palette_set = False  # whether apply() replaced the palette (to undo for SYSTEM)
_style: QStyle | None = None  # the VisibleIndicators installed, kept alive here


def luminance(colour: QColor) -> float:
    """WCAG 2's relative luminance of an opaque colour (0 black .. 1 white)."""

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF()) + 0.0722 * linear(colour.blueF())


def over(colour: QColor, background: QColor) -> QColor:
    """`colour` as it shows drawn over `background` (its transparency flattened)."""
    a = colour.alphaF()
    return QColor.fromRgbF(
        colour.redF() * a + background.redF() * (1 - a),
        colour.greenF() * a + background.greenF() * (1 - a),
        colour.blueF() * a + background.blueF() * (1 - a),
    )


def contrast(colour: QColor, background: QColor) -> float:
    """WCAG 2's contrast ratio (1 .. 21) of `colour` drawn over an opaque `background`."""
    high, low = sorted((luminance(over(colour, background)), luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def readable(colour: QColor, background: QColor, ratio: float = AA_TEXT) -> QColor:
    """`colour` over `background`, moved toward white (on a dark background) or black (on a
    light one) just far enough to reach `ratio`: the palette's hue, legible."""
    start = over(colour, background)
    if contrast(start, background) >= ratio:
        return start
    white, black = QColor("#ffffff"), QColor("#000000")
    target = white if contrast(white, background) >= contrast(black, background) else black
    for step in range(1, 21):
        t = step / 20
        mixed = QColor.fromRgbF(
            start.redF() + (target.redF() - start.redF()) * t,
            start.greenF() + (target.greenF() - start.greenF()) * t,
            start.blueF() + (target.blueF() - start.blueF()) * t,
        )
        if contrast(mixed, background) >= ratio:
            return mixed
    return target


class VisibleIndicators(QProxyStyle):
    """Fusion, with a readable ring around radio buttons and check boxes (Fusion outlines them
    with the window colour darkened: on a dark window an unchecked one vanishes)."""

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawPrimitive(element, option, painter, widget)
        radio = element == QStyle.PrimitiveElement.PE_IndicatorRadioButton
        if not radio and element != QStyle.PrimitiveElement.PE_IndicatorCheckBox:
            return
        palette = option.palette
        window = palette.color(QPalette.ColorRole.Window)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        enabled = bool(option.state & QStyle.StateFlag.State_Enabled)
        ring = readable(muted, window, AA_TEXT if enabled else 3.0)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(ring, 1.5))  # wide enough for whole pixels of the colour itself
        painter.setBrush(Qt.BrushStyle.NoBrush)
        box = QRectF(option.rect).adjusted(1.25, 1.25, -1.25, -1.25)
        if radio:
            painter.drawEllipse(box)
        else:
            painter.drawRect(box)
        painter.restore()


def _visible_indicators(app: QApplication) -> None:
    global _style
    style = app.style()
    if isinstance(style, VisibleIndicators) or style.name().lower() != "fusion":
        return  # a platform's own style draws its indicators its own way
    base = QStyleFactory.create("Fusion")
    if base is None:
        return
    _style = VisibleIndicators(base)
    app.setStyle(_style)


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
    _visible_indicators(app)
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
