"""A line edit that names another entry: typing suggests matching entries (an SQL query of at
most 20 rows, so it stays quick with 100,000 entries); choosing one stores its slug.

What the researcher typed without choosing is passed on as typed; the editing service accepts
a slug or an exact name and says clearly when it matches nothing or more than one entry.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from app.gui.i18n import kind_plural
from app.services.entries import EntryLists

_SLUG = Qt.ItemDataRole.UserRole + 1
SUGGESTIONS = 20


class EntryPicker(QLineEdit):
    def __init__(self, lists: EntryLists, kinds: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lists = lists
        self._kinds = kinds
        self._chosen: tuple[str, str] | None = None  # (name shown, slug)
        self.setClearButtonEnabled(True)
        kinds_text = " / ".join(kind_plural(k) for k in kinds)
        self.setPlaceholderText(self.tr("Type to choose from {kinds}").format(kinds=kinds_text))
        # A handful of suggestions, replaced as one types: not a list model over the library.
        self._suggestions = QStandardItemModel(self)
        self._completer = QCompleter(self._suggestions, self)
        self._completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._completer.activated[QModelIndex].connect(self._picked)  # type: ignore[index]
        self.setCompleter(self._completer)
        self._timer = QTimer(self, singleShot=True, interval=120)
        self._timer.timeout.connect(self._suggest)
        self.textEdited.connect(lambda _t: self._timer.start())

    def value(self) -> str:
        """The chosen entry's slug, or the text as typed."""
        text = self.text().strip()
        if self._chosen is not None and text == self._chosen[0]:
            return self._chosen[1]
        return text

    def set_value(self, slug: str) -> None:
        ref = self._lists.ref(slug) if slug else None
        if ref is None:
            self._chosen = None
            self.setText(slug)
        else:
            self._chosen = (ref.name, ref.slug)
            self.setText(ref.name)

    def _suggest(self) -> None:
        text = self.text().strip()
        self._suggestions.clear()
        if not text:
            return
        for kind in self._kinds:
            for row in self._lists.page(kind, text=text, limit=SUGGESTIONS).rows:
                item = QStandardItem(row.values[0])
                item.setData(row.slug, _SLUG)
                item.setToolTip(row.slug)
                self._suggestions.appendRow(item)
        if self._suggestions.rowCount():
            self._completer.complete()

    def _picked(self, index: QModelIndex) -> None:
        name = str(index.data(Qt.ItemDataRole.DisplayRole))
        self._chosen = (name, str(index.data(_SLUG)))
        self.setText(name)
