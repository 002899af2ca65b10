"""New source: the short form a researcher fills in for an article or report they are reading,
from the Sources list or from any citation field (`new_source`).

It asks only what a bibliography needs: title, publisher, authors, date published (with its
precision: 2025, 2025-09 or 2025-09-18), language, kind, web address, DOI, citation key and
how reliable it is. Left blank, the citation key shows the one export --bib would give.
The editing service checks it (a real title and publisher, not "title not recorded"); its
messages show under their fields and nothing is saved until all is well. The new source is one
step on the window's undo stack, like any entry created there.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.gui.fact_rows import add_field, error_label
from app.gui.i18n import plain, translate, translated
from app.gui.language_names import CodeBox
from app.i18n import Message
from app.records.entries import Ref
from app.services.entry_forms import DATE_HINT, FIELDS, EditingError, EntryInput, ValidationError

if TYPE_CHECKING:
    from app.services.entry_forms import Change
    from app.services.library import Library

Field = QLineEdit | QPlainTextEdit | QComboBox

# Offered as the Kind and Language fields are typed in; anything else may be written.
KIND_SUGGESTIONS = (
    "news article",
    "government release",
    "government web page",
    "press release",
    "report",
    "policy document",
    "speech",
    "interview",
    "journal article",
    "book",
    "dataset",
)
DEFAULT_RELIABILITY = "unverified"
RELIABILITIES = next(spec.choices for spec in FIELDS["source"] if spec.key == "reliability")


class SourceForm(QDialog):
    """Creates a source through the library's editor; `change` is what it created (after
    Save). `name`: a title to start from (what was typed in a citation field)."""

    def __init__(self, library: Library, parent: QWidget | None = None, *, name: str = "") -> None:
        super().__init__(parent)
        self._library = library
        self.change: Change | None = None
        self.setWindowTitle(self.tr("New Source"))
        self.setMinimumWidth(560)
        self.fields: dict[str, Field] = {}
        self.errors: dict[str, QLabel] = {}

        self.summary_error = error_label(self)
        self.summary_error.setAccessibleName(self.tr("Problems"))
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        title = self._line(self.tr("Required: the title as published"))
        title.setText(name)
        self._add("name", self.tr("&Title"), title)
        self._add(
            "publisher", self.tr("&Publisher"), self._line(self.tr("Required: a newspaper, a ministry…"))
        )
        authors = QPlainTextEdit(self)
        authors.setTabChangesFocus(True)
        authors.setPlaceholderText(self.tr("One name a line"))
        authors.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self._add("authors", self.tr("&Authors"), authors)
        self._add("published", self.tr("P&ublished"), self._line(translate("Hints", DATE_HINT)))
        self._add("language", self.tr("&Language"), CodeBox("language", self))
        kind = self._line(self.tr("news article, government release, …"))
        kind.setCompleter(self._completer(KIND_SUGGESTIONS))
        self._add("source_kind", self.tr("&Kind"), kind)
        self._add("url", self.tr("&Web address"), self._line("https://…"))
        self._add("doi", self.tr("&DOI"), self._line(self.tr("10.1000/xyz, or https://doi.org/…")))
        self._add("citation_key", self.tr("&Citation key"), self._line(""))
        self.key_suggestion = KeySuggestion(self.fields, library, parent=self)
        reliability = QComboBox(self)
        for choice in RELIABILITIES:
            reliability.addItem(choice, choice)
        reliability.setCurrentIndex(max(0, reliability.findData(DEFAULT_RELIABILITY)))
        self._add("reliability", self.tr("&Reliability"), reliability)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        for button in self.buttons.buttons():
            button.setAccessibleName(plain(button.text()))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_error)
        layout.addLayout(self.form)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        title.setFocus()

    # --- building ----------------------------------------------------------------------------

    def _line(self, placeholder: str) -> QLineEdit:
        line = QLineEdit(self)
        line.setPlaceholderText(placeholder)
        return line

    def _completer(self, words: tuple[str, ...]) -> QCompleter:
        completer = QCompleter(list(words), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        return completer

    def _add(self, key: str, label: str, widget: Field) -> None:
        self.errors[key] = add_field(self.form, self, label, widget)
        self.fields[key] = widget

    # --- values ------------------------------------------------------------------------------

    def text(self, key: str) -> str:
        widget = self.fields[key]
        if isinstance(widget, CodeBox):
            return widget.value()
        if isinstance(widget, QLineEdit):
            return widget.text()
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        return str(widget.currentData() or "")

    def collect(self) -> EntryInput:
        values = {key: self.text(key) for key in self.fields if key != "name"}
        return EntryInput("source", self.text("name"), values=values)

    # --- saving ------------------------------------------------------------------------------

    def submit(self) -> None:
        try:
            self.change = self._library.editor.create(self.collect())
        except ValidationError as exc:
            self.show_errors(exc.errors)
            return
        except EditingError as exc:
            QMessageBox.warning(self, self.tr("Not saved"), translated(exc.message))
            return
        self.accept()

    def show_errors(self, errors: dict[str, Message]) -> None:
        first: QWidget | None = None
        for key, label in self.errors.items():
            message = translated(errors[key]) if key in errors else ""
            label.setText(message)
            label.setVisible(bool(message))
            self.fields[key].setAccessibleDescription(message)
            if message and first is None:
                first = self.fields[key]
        stray = [translated(v) for k, v in errors.items() if k not in self.errors]
        text = self.tr("Nothing was saved: %n fields need attention.", None, len(errors))
        self.summary_error.setText("\n".join([text, *stray]) if errors else "")
        self.summary_error.setVisible(bool(errors))
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)


class KeySuggestion(QObject):
    """Shows, as the Citation key field's placeholder, the key export --bib would give the
    source (app.services.bibliography: one key function) while the researcher has not chosen
    one, following the title, publisher, authors and date as they are typed."""

    def __init__(
        self,
        fields: Mapping[str, QWidget],
        library: Library,
        *,
        source_id: int | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        key = fields["citation_key"]
        assert isinstance(key, QLineEdit)
        self._key = key
        self._fields = fields
        self._library = library
        self._source_id = source_id
        self._timer = QTimer(self)  # one look-up after typing pauses, not one a keystroke
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.refresh)
        for name in ("name", "publisher", "authors", "published"):
            widget = fields.get(name)
            if isinstance(widget, QLineEdit | QPlainTextEdit):
                widget.textChanged.connect(self._timer.start)
        self.refresh()

    def _value(self, name: str) -> str:
        widget = self._fields.get(name)
        if isinstance(widget, QLineEdit):
            return widget.text()
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        return ""

    def refresh(self) -> None:
        key = self._library.bibliography.suggested_key(
            self._value("name"),
            self._value("publisher"),
            self._value("authors"),
            self._value("published"),
            source_id=self._source_id,
        )
        self._key.setPlaceholderText(self.tr("{key} (given on export if left blank)").format(key=key))


def new_source(parent: QWidget | None, library: Library, *, name: str = "") -> Ref | None:
    """Ask for a new source (window-modal) and create it; the new source's Ref, or None when
    the researcher cancelled. In a window with undo, creating it is a step Undo takes back."""
    form = SourceForm(library, parent, name=name)
    form.setWindowModality(Qt.WindowModality.WindowModal)
    accepted = form.exec() == QDialog.DialogCode.Accepted
    change = form.change
    form.deleteLater()
    if not accepted or change is None or change.after is None:
        return None
    _record(parent, library, change)
    return Ref(change.entity_id, "source", change.slug, change.after.name)


def _record(parent: QWidget | None, library: Library, change: Change) -> None:
    """Put the creation on the window's undo stack and tell the open views."""
    window = parent.window() if parent is not None else None
    # Asked from a dialog over the main window (the entry form's New Source…): that window's.
    while window is not None and not hasattr(window, "editing"):
        under = window.parentWidget()
        window = under.window() if under is not None else None
    editing = getattr(window, "editing", None)
    if editing is None:
        return
    from app.gui.edit_commands import create_command

    editing.undo_stack.push(create_command(library.editor, change, editing))
    window.changes.announce_entries(set(change.slugs), origin=None)  # type: ignore[union-attr]
