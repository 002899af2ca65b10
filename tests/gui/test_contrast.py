"""Dark mode legibility (issue #19): every colour the note editor's highlighting draws text
with, and the rings of the export dialog's radio buttons, reach WCAG AA's 4.5:1 against their
background in the light palette, Roundtable's dark one, and a platform's dark palette that
keeps Qt's default link blue (#0000ff) and shades placeholders by transparency."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor, QImage, QPalette, QTextDocument
from PySide6.QtWidgets import QApplication, QRadioButton, QStyle, QStyleOptionButton
from pytestqt.qtbot import QtBot

from app.gui import theme
from app.gui.main_window import MainWindow
from app.gui.notes.highlighter import MarkdownHighlighter

NOTE = "# A heading\n[[alpha]] and [[nowhere]] and `code`\n> a quote\n- a list **bold**\nhttps://example.org"


def _platform_dark() -> QPalette:
    """Qt's own dark Fusion palette as some Linux platforms hand it over: the link left at
    #0000ff, the placeholder text a faint white."""
    p = theme.dark_palette()
    p.setColor(QPalette.ColorRole.Window, QColor(50, 50, 50))
    p.setColor(QPalette.ColorRole.Base, QColor(36, 36, 36))
    p.setColor(QPalette.ColorRole.Link, QColor("#0000ff"))
    p.setColor(QPalette.ColorRole.PlaceholderText, QColor(240, 240, 240, 60))
    return p


def _palettes() -> dict[str, QPalette]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return {
        "light": app.style().standardPalette(),
        "dark": theme.dark_palette(),
        "platform dark": _platform_dark(),
    }


def test_contrast_follows_wcag() -> None:
    assert theme.contrast(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21)
    assert theme.contrast(QColor("#777777"), QColor("#ffffff")) == pytest.approx(4.48, abs=0.01)
    readable = theme.readable(QColor("#0000ff"), QColor("#1f1f1f"))
    assert theme.contrast(readable, QColor("#1f1f1f")) >= theme.AA_TEXT
    assert readable.blue() > readable.red()  # still the palette's blue, lightened


@pytest.mark.parametrize("name", ["light", "dark", "platform dark"])
def test_every_colour_of_the_note_highlighting_is_readable(qapp: QApplication, name: str) -> None:
    palette = _palettes()[name]
    base = palette.color(QPalette.ColorRole.Base)
    document = QTextDocument()
    document.setPlainText(NOTE)
    highlighter = MarkdownHighlighter(document, palette, lambda target: target == "alpha")
    highlighter.rehighlight()
    seen = 0
    block = document.begin()
    while block.isValid():
        for span in block.layout().formats():
            fmt = span.format
            text = block.text()[span.start : span.start + span.length]
            ground = fmt.background().color() if fmt.hasProperty(fmt.Property.BackgroundBrush) else base
            colour = (
                fmt.foreground().color()
                if fmt.hasProperty(fmt.Property.ForegroundBrush)
                else palette.color(QPalette.ColorRole.Text)
            )
            ratio = theme.contrast(colour, ground)
            assert ratio >= theme.AA_TEXT, (
                f"{name}: {text!r} in {colour.name()} on {ground.name()}: {ratio:.2f}:1"
            )
            if fmt.underlineStyle() == fmt.UnderlineStyle.WaveUnderline:  # the link that names no entry
                assert theme.contrast(fmt.underlineColor(), ground) >= theme.AA_TEXT
            seen += 1
        block = block.next()
    assert seen >= 8  # heading, both links, code, quote, list marker, bold, web link


def _indicator_contrast(button: QRadioButton) -> float:
    """The most contrast any pixel of the button's round indicator has with the window."""
    option = QStyleOptionButton()
    option.initFrom(button)
    rect = button.style().subElementRect(QStyle.SubElement.SE_RadioButtonIndicator, option, button)
    image: QImage = button.grab().toImage()
    window = button.palette().color(QPalette.ColorRole.Window)
    return max(
        theme.contrast(image.pixelColor(x, y), window)
        for x in range(rect.left(), rect.right() + 1)
        for y in range(rect.top(), rect.bottom() + 1)
    )


@pytest.fixture
def restore_theme() -> Iterator[None]:
    yield
    theme.apply(theme.SYSTEM)


@pytest.mark.parametrize("chosen", [theme.LIGHT, theme.DARK])
def test_unchecked_radio_buttons_of_the_export_dialog_are_visible(
    qtbot: QtBot, window: MainWindow, restore_theme: None, chosen: str
) -> None:
    from app.gui.import_export_dialogs import ExportDialog

    theme.apply(chosen)
    dialog = ExportDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    unchecked = [b for b in dialog.findChildren(QRadioButton) if b.isEnabled() and not b.isChecked()]
    assert unchecked
    for button in unchecked:
        ratio = _indicator_contrast(button)
        assert ratio >= theme.AA_TEXT, f"{chosen}: {button.text()!r}: {ratio:.2f}:1"
