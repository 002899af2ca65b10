"""Words for people, marked for translation by code that may not import Qt.

The window is translated with Qt's tools (app/gui/i18n.py); below app/gui nothing imports Qt
(tests/unit/test_layers.py), yet services hand the GUI some words a researcher reads: kinds,
column headers, field labels, error and validation messages. They mark them here:

    N_("Kinds", "Officials")            -> "Officials" (a plain str, marked)
    T_("Validation", "There is no {what} called “{value}”.").format(what=..., value=...)
                                        -> a Text: the English template and its values

`make translations` runs pyside6-lupdate with `-tr-function-alias
QT_TRANSLATE_NOOP+=N_,QT_TRANSLATE_NOOP+=T_`, so lupdate extracts both as it extracts Qt's own
QT_TRANSLATE_NOOP(context, text). The GUI translates them where it shows them
(app.gui.i18n.translated); the command line prints them in English (`str(text)`).

Keep each marker's arguments string literals (lupdate reads the source, not the values) and
put values in with `.format(...)` after the call, never inside it.
"""

from __future__ import annotations

from collections.abc import Mapping


def N_(context: str, text: str) -> str:
    """Mark `text` for translation in `context`; the GUI translates it where it shows it."""
    return text


class Text(str):
    """A sentence for people: as a str it is the English sentence (what the command line
    prints, what tests compare), and it keeps its template with `{name}` places and the values
    for them, so the GUI can translate the template before filling it in. A value may itself
    be a Text (a kind's name inside a message), translated in turn."""

    context: str
    template: str
    values: Mapping[str, object]

    def __new__(cls, context: str, template: str, values: Mapping[str, object] | None = None) -> Text:
        values = dict(values or {})
        english = template.format(**{k: str(v) for k, v in values.items()}) if values else template
        text = super().__new__(cls, english)
        text.context, text.template, text.values = context, template, values
        return text

    def format(self, *args: object, **values: object) -> Text:
        """The same sentence with its places filled (by name only)."""
        if args:
            raise TypeError("Text.format takes its values by name")
        return Text(self.context, self.template, {**self.values, **values})


def T_(context: str, template: str) -> Text:
    """Mark a sentence template for translation; fill it in with `.format(name=value)`."""
    return Text(context, template)


Message = str  # what services hand over for people to read: a Text, or a plain str (data)


class Explained(Exception):
    """An error whose message is for people: `str(exc)` is English (the command line), and
    `exc.message` keeps the Message for the GUI to translate."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message
