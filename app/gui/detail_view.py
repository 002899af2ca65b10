"""The detail view: one entry rendered from its service DTO; links navigate.

The page's colours come from the palette (app/gui/detail_html.py), and it is rendered again
when the palette changes, so switching the system between light and dark needs no restart.
Link handling and the refusal to fetch anything live in OfflineBrowser, shared with the note
preview.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from html import escape

from PySide6.QtCore import QEvent, QUrl, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QWidget

from app.gui import name_script
from app.gui.detail_html import render, style_sheet
from app.gui.offline_browser import OfflineBrowser
from app.records.entries import EntryDetail


class DetailView(OfflineBrowser):
    shown = Signal()  # a new entry (or nothing) is shown
    # A link of another feature's scheme (note:, new-note:, tag: from app/gui/detail_html.py):
    # the scheme and the decoded path. Features connect to it.
    action_link_activated = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Entry details"))
        self.document().setDocumentMargin(14)
        self._detail: EntryDetail | None = None
        self._empty_text = ""
        self.with_text = True  # False: a source's text is read in the reader, not on the page
        # Linked entries' names in a script (EntryLists.names_by_slug), set by the window.
        self.names: Callable[[str, list[str]], Mapping[str, str]] | None = None
        self.show_empty()

    @property
    def detail(self) -> EntryDetail | None:
        return self._detail

    def show_detail(self, detail: EntryDetail) -> None:
        self._detail = detail
        self._render()
        self.shown.emit()

    def show_empty(self, text: str = "") -> None:
        self._detail = None
        self._empty_text = text or self.tr("Select an entry to read about it.")
        self._render()
        self.shown.emit()

    def other_link_clicked(self, url: QUrl) -> None:
        self.action_link_activated.emit(url.scheme(), url.path(QUrl.ComponentFormattingOption.FullyDecoded))

    def _render(self) -> None:
        palette = self.palette()
        self.document().setDefaultStyleSheet(
            style_sheet(
                palette.color(QPalette.ColorRole.Text).name(),
                palette.color(QPalette.ColorRole.PlaceholderText).name(),
                palette.color(QPalette.ColorRole.Mid).name(),
            )
        )
        if self._detail is not None:
            self.setHtml(
                render(self._detail, with_text=self.with_text, script=name_script.current(), names=self.names)
            )
        else:
            self.setHtml(f"<p class='meta'>{escape(self._empty_text)}</p>")

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            position = self.verticalScrollBar().value()
            self._render()
            self.verticalScrollBar().setValue(position)
