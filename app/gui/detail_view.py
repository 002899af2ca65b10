"""The detail view: one entry rendered from its service DTO; links navigate."""

from __future__ import annotations

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QTextBrowser, QWidget

from app.gui.detail_html import ENTRY_SCHEME, render
from app.services.dto import EntryDetail


class DetailView(QTextBrowser):
    link_activated = Signal(str)  # slug of the entry a link points to

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Entry details")
        self.setOpenLinks(False)  # we decide: entries navigate, the web opens only on a click
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._clicked)
        self._detail: EntryDetail | None = None
        self.show_empty()

    @property
    def detail(self) -> EntryDetail | None:
        return self._detail

    def show_detail(self, detail: EntryDetail) -> None:
        self._detail = detail
        self.setHtml(render(detail))

    def show_empty(self, text: str = "Select an entry to read about it.") -> None:
        self._detail = None
        self.setHtml(f"<p><i>{text}</i></p>")

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
