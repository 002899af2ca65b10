"""Rows of an entry form: a name in another script, a title, a fact, a membership, a
participant, a party or a statement, each with its fields and its own error line; the rows of
one kind in a list with an Add button; and each row's citations (source, quote, locator,
reliability, note) in a list of their own.

Rows whose order is kept (facts, and every row's citations) move with Move Up / Move Down or
Alt+Up / Alt+Down wherever the focus is inside them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.gui.entry_picker import EntryPicker
from app.gui.i18n import plain, translate, translated
from app.gui.language_names import CodeBox
from app.i18n import N_, Message
from app.records.anchors import Anchor, normalise
from app.records.entries import Ref
from app.services.entries import EntryLists
from app.services.entry_forms import RELIABILITIES, CitationInput

Field = QLineEdit | QPlainTextEdit | QComboBox
# Asks for a new source (app/gui/source_form.new_source), the form as the dialog's parent.
NewSource = Callable[[QWidget], Ref | None]

RELIABILITY_LABELS = {
    "high": N_("Reliability", "high"),
    "medium": N_("Reliability", "medium"),
    "low": N_("Reliability", "low"),
    "unverified": N_("Reliability", "unverified"),
}


def add_field(form: QFormLayout, owner: QWidget, label: str, widget: QWidget) -> QLabel:
    """Puts `widget` in `form` under its `label` (its buddy, and its accessible name), with an
    error line below it, hidden until there is a problem; returns the error line. One layout
    for every form that shows problems by their field (entries, sources)."""
    holder = QWidget(owner)
    holder.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
    box = QVBoxLayout(holder)
    box.setContentsMargins(0, 0, 0, 0)
    box.setSpacing(2)
    box.addWidget(widget)
    error = error_label(holder)
    box.addWidget(error)
    text = QLabel(label, owner)
    text.setBuddy(widget)
    widget.setAccessibleName(plain(label))
    form.addRow(text, holder)
    return error


def error_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setObjectName("fieldError")
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    label.hide()
    return label


def text_of(widget: Field) -> str:
    if isinstance(widget, (EntryPicker, CodeBox)):
        return widget.value()
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    return str(widget.currentData() or "")


def set_text(widget: Field, value: str) -> None:
    if isinstance(widget, EntryPicker):
        widget.set_value(value)
        widget.setCursorPosition(0)  # a long name from its start
    elif isinstance(widget, CodeBox):
        widget.set_value(value)
    elif isinstance(widget, QLineEdit):
        widget.setText(value)
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText(value)
    else:
        at = widget.findData(value)
        if at < 0 and value:  # a word the form does not offer (an older file's): kept as it is
            widget.addItem(value, value)
            at = widget.count() - 1
        widget.setCurrentIndex(max(0, at))


def text_box(parent: QWidget, lines: int) -> QPlainTextEdit:
    box = QPlainTextEdit(parent)
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 12)
    return box


def choices(parent: QWidget, words: dict[str, str], context: str) -> QComboBox:
    """A combo box of stored words (the keys), shown translated."""
    combo = QComboBox(parent)
    for word, label in words.items():
        combo.addItem(translate(context, label), word)
    return combo


class Row(QFrame):
    """One row: its fields in a grid, its own error line, a Remove button and, when its order
    is kept, Move Up and Move Down. `framed`: drawn in a box of its own (a fact with its
    citations under it), so that where one ends and the next begins shows."""

    def __init__(
        self, title: str, parent: QWidget | None = None, *, movable: bool = False, framed: bool = False
    ) -> None:
        super().__init__(parent)
        if framed:
            self.setFrameShape(QFrame.Shape.StyledPanel)
        self.row_id: int | None = None
        self.title = title
        self.fields: dict[str, Field] = {}
        self.owner: RowList | None = None
        self.citations: RowList | None = None
        self.grid = QGridLayout()
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.error = error_label(self)
        self.remove = QPushButton(self.tr("Remove"), self)
        self.remove.setAccessibleName(plain(self.remove.text()))
        self.remove.setAccessibleDescription(self.tr("Remove {row}").format(row=title))
        self.up: QToolButton | None = None
        self.down: QToolButton | None = None
        self.buttons = QHBoxLayout()
        self.buttons.setContentsMargins(0, 0, 0, 0)
        if movable:
            # Arrows drawn by the style in the palette's colours (an icon stays black on dark).
            self.up = self._tool(Qt.ArrowType.UpArrow, self.tr("Move Up"), "Alt+Up")
            self.down = self._tool(Qt.ArrowType.DownArrow, self.tr("Move Down"), "Alt+Down")
        self.buttons.addWidget(self.remove)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*((8, 8, 8, 8) if framed else (0, 4, 0, 4)))
        layout.addLayout(self.grid)
        layout.addWidget(self.error)

    def _tool(self, arrow: Qt.ArrowType, name: str, key: str) -> QToolButton:
        button = QToolButton(self)
        button.setArrowType(arrow)
        button.setAccessibleName(name)
        shortcut = QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)
        button.setToolTip(self.tr("{action} ({key})").format(action=name, key=shortcut))
        button.setAutoRaise(True)
        self.buttons.addWidget(button)
        return button

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Alt+Up and Alt+Down move the row the focus is in (the innermost that moves: a
        citation before the fact it belongs to): fields leave these keys to their row."""
        key = event.key()
        alt = event.modifiers() == Qt.KeyboardModifier.AltModifier
        if alt and key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and self.owner is not None and self.up is not None:
            self.owner.move_row(self, -1 if key == Qt.Key.Key_Up else 1)
            event.accept()
            return
        super().keyPressEvent(event)

    def place_buttons(self, row: int, column: int) -> None:
        self.grid.addLayout(
            self.buttons, row, column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop
        )

    def add(self, key: str, label: str, widget: Field, row: int, column: int, span: int = 1) -> None:
        text = QLabel(label, self)
        text.setBuddy(widget)
        widget.setAccessibleName(plain(label))
        widget.setAccessibleDescription(self.title)
        self.grid.addWidget(text, row, column * 2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.grid.addWidget(widget, row, column * 2 + 1, 1, span * 2 - 1)
        if not isinstance(widget, QComboBox) or isinstance(widget, CodeBox):
            # Text fields (a language's name among them) grow; labels and choices keep their size.
            self.grid.setColumnStretch(column * 2 + 1, 1)
        self.fields[key] = widget

    def text(self, key: str) -> str:
        return text_of(self.fields[key])

    def first_field(self) -> QWidget:
        return next(iter(self.fields.values()))

    def show_errors(self, errors: dict[str, Message]) -> QWidget | None:
        """Show this row's errors ('title', 'citations[0].quote'); the first field to fix."""
        own = {k: translated(v) for k, v in errors.items() if not k.startswith("citations[")}
        lines = [
            self.tr("{field}: {problem}").format(field=self._label(k), problem=v) for k, v in own.items()
        ]
        self.error.setText("\n".join(lines))
        self.error.setVisible(bool(lines))
        for key, widget in self.fields.items():
            widget.setAccessibleDescription(own.get(key, self.title))
        first: QWidget | None = next((self.fields[k] for k in own if k in self.fields), None)
        if own and first is None:
            first = self.first_field()
        if self.citations is not None:
            inner = self.citations.show_errors("citations", errors)
            first = first or inner
        return first

    def _label(self, key: str) -> str:
        return str(self.fields[key].accessibleName()) if key in self.fields else key


class RowList(QWidget):
    """The rows of one kind, in order, with an Add button below them."""

    def __init__(
        self,
        add_text: str,
        make: Callable[[RowList], Row],
        parent: QWidget | None = None,
        *,
        empty_text: str = "",
        heading: str = "",
    ) -> None:
        super().__init__(parent)
        self._make = make
        self.rows: list[Row] = []
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(0, 0, 0, 0)
        if heading:
            title = QLabel(heading, self)
            font = title.font()
            font.setBold(True)
            title.setFont(font)
            self.box.addWidget(title)
        self.empty = QLabel(empty_text, self)
        self.empty.setWordWrap(True)
        self.empty.setVisible(bool(empty_text))
        self.box.addWidget(self.empty)
        self.add_button = QPushButton(add_text, self)
        self.add_button.setAccessibleName(plain(add_text))
        self.add_button.clicked.connect(lambda: self.add(focus=True))
        self.box.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)

    def add(self, *, focus: bool = False) -> Row:
        row = self._make(self)
        row.owner = self
        row.remove.clicked.connect(lambda: self.remove(row))
        if row.up is not None and row.down is not None:
            row.up.clicked.connect(lambda: self.move_row(row, -1))
            row.down.clicked.connect(lambda: self.move_row(row, 1))
        self.rows.append(row)
        self.box.insertWidget(self.box.count() - 1, row)
        self._update()
        if focus:
            row.first_field().setFocus()
        return row

    def remove(self, row: Row) -> None:
        at = self.rows.index(row)
        self.rows.remove(row)
        row.hide()
        row.deleteLater()
        self._update()
        # Keep the focus in the list: the next row's first field, else the Add button.
        target = self.rows[min(at, len(self.rows) - 1)].first_field() if self.rows else self.add_button
        target.setFocus()

    def move_row(self, row: Row, delta: int) -> None:
        at = self.rows.index(row)
        to = at + delta
        if not 0 <= to < len(self.rows):
            return
        focus = row.window().focusWidget()
        self.rows.insert(to, self.rows.pop(at))
        self.box.removeWidget(row)
        self.box.insertWidget(self.box.indexOf(self.empty) + 1 + to, row)
        self._update()
        if focus is not None and row.isAncestorOf(focus):
            focus.setFocus()  # moving a widget in a layout keeps it, but not always its focus
        else:
            (row.up if delta < 0 and row.up is not None else row.first_field()).setFocus()

    def _update(self) -> None:
        self.empty.setVisible(not self.rows and bool(self.empty.text()))
        for i, row in enumerate(self.rows):
            if row.up is not None and row.down is not None:
                row.up.setEnabled(i > 0)
                row.down.setEnabled(i < len(self.rows) - 1)

    def show_errors(self, prefix: str, errors: dict[str, Message]) -> QWidget | None:
        """Each row's errors from keys such as 'facts[1].date'; the first field to fix."""
        first: QWidget | None = None
        for i, row in enumerate(self.rows):
            head = f"{prefix}[{i}]."
            mine = {k[len(head) :]: v for k, v in errors.items() if k.startswith(head)}
            found = row.show_errors(mine)
            first = first or found
        return first


# --- citations -------------------------------------------------------------------------------


class CitationRow(Row):
    """A citation: its source (with New Source… beside it), quote, locator, reliability and note."""

    def __init__(
        self, number: int, lists: EntryLists, new_source: NewSource | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(translate("FactForm", "citation {n}").format(n=number), parent, movable=True)
        self.anchor: Anchor | None = None
        source = EntryPicker(lists, ("source",), self)
        self.add("source", self.tr("Source"), source, 0, 0, 2)
        self.new_source: QPushButton | None = None
        if new_source is not None:
            button = QPushButton(self.tr("New Source…"), self)
            button.setAccessibleName(plain(button.text()))
            button.setAccessibleDescription(self.tr("Add a source and cite it here"))

            def make() -> None:
                ref = new_source(self.window())
                if ref is not None:
                    source.set_value(ref.slug)
                    self.fields["quote"].setFocus()

            button.clicked.connect(make)
            self.grid.addWidget(button, 0, 4)
            self.new_source = button
        self.place_buttons(0, 5)
        quote = text_box(self, 3)
        quote.setPlaceholderText(self.tr("The exact words of the source"))
        self.add("quote", self.tr("Quote"), quote, 1, 0, 3)
        locator = QLineEdit(self)
        locator.setPlaceholderText(self.tr("p. 12, ¶ 3 (blank: found from the quote)"))
        self.add("locator", self.tr("Locator"), locator, 2, 0)
        reliability = QComboBox(self)
        reliability.addItem(self.tr("as the source"), "")
        for word in RELIABILITIES:
            reliability.addItem(translate("Reliability", RELIABILITY_LABELS[word]), word)
        self.add("reliability", self.tr("Reliability"), reliability, 2, 1)
        self.add("note", self.tr("Note"), QLineEdit(self), 3, 0, 3)
        self.grid.setColumnStretch(1, 3)
        self.grid.setColumnStretch(3, 1)

    def fill(self, cite: CitationInput) -> None:
        self.row_id = cite.id
        self.anchor = cite.anchor
        for key in ("source", "quote", "locator", "reliability", "note"):
            set_text(self.fields[key], getattr(cite, key))

    def value(self) -> CitationInput:
        quote = self.text("quote")
        # The anchor of a quote selected in the reader holds while its words stand as selected.
        anchor = self.anchor if self.anchor and normalise(self.anchor.exact) == normalise(quote) else None
        return CitationInput(
            self.text("source"),
            quote,
            self.text("locator"),
            self.text("reliability"),
            self.text("note"),
            anchor,
            self.row_id,
        )


def citation_list(owner: Row, lists: EntryLists, new_source: NewSource | None) -> RowList:
    """The citations of `owner`, in a framed list under its fields."""

    def make(parent: RowList) -> Row:
        return CitationRow(len(parent.rows) + 1, lists, new_source, parent)

    box = RowList(
        translate("FactForm", "Add Citation"),
        make,
        owner,
        empty_text=translate("FactForm", "No citation yet: add the source this comes from."),
        heading=translate("FactForm", "Citations"),
    )
    box.setObjectName("citations")
    box.box.setContentsMargins(24, 0, 0, 0)  # under the row they support
    owner.citations = box
    return box


def fill_citations(row: Row, cites: tuple[CitationInput, ...] | None) -> None:
    assert row.citations is not None
    for cite in cites or ():
        added = row.citations.add()
        assert isinstance(added, CitationRow)
        added.fill(cite)


def citations_of(row: Row) -> tuple[CitationInput, ...]:
    assert row.citations is not None
    return tuple(r.value() for r in row.citations.rows if isinstance(r, CitationRow))
