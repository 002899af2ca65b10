"""The detail view: one entry rendered from its service DTO; links navigate.

The page's colours come from the palette (app/gui/detail_html.py), and it is rendered again
when the palette changes, so switching the system between light and dark needs no restart.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QPalette
from PySide6.QtWidgets import QTextBrowser, QWidget

from app.gui.detail_html import ENTRY_SCHEME, render, style_sheet
from app.services.dto import EntryDetail


class DetailView(QTextBrowser):
    link_activated = Signal(str)  # slug of the entry a link points to
    shown = Signal()  # a new entry (or nothing) is shown

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Entry details")
        self.setOpenLinks(False)  # we decide: entries navigate, the web opens only on a click
        self.setOpenExternalLinks(False)
        self.document().setDocumentMargin(14)
        self.anchorClicked.connect(self._clicked)
        self._detail: EntryDetail | None = None
        self._empty_text = ""
        self.show_empty()

    @property
    def detail(self) -> EntryDetail | None:
        return self._detail

    def show_detail(self, detail: EntryDetail) -> None:
        self._detail = detail
        self._render()
        self.shown.emit()

    def show_empty(self, text: str = "Select an entry to read about it.") -> None:
        self._detail = None
        self._empty_text = text
        self._render()
        self.shown.emit()

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
            self.setHtml(render(self._detail))
        else:
            self.setHtml(f"<p class='meta'>{escape(self._empty_text)}</p>")

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            position = self.verticalScrollBar().value()
            self._render()
            self.verticalScrollBar().setValue(position)

    def _clicked(self, url: QUrl) -> None:
        if url.scheme() == ENTRY_SCHEME:
            self.link_activated.emit(url.path())
        elif url.scheme() in ("http", "https"):
            QDesktopServices.openUrl(url)
        elif url.hasFragment() and not url.scheme():
            self.scrollToAnchor(url.fragment())

    def loadResource(self, type: int, name: QUrl | str) -> object:
        # Never fetch anything an entry's text points at (images, style sheets): offline, always.
        return None
