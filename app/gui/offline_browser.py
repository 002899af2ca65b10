"""A rich-text view that never fetches anything: entry links navigate inside Roundtable, web links
open in the system browser only when clicked, and images or style sheets that a text points at
are never loaded (the app is offline, always)."""

from __future__ import annotations

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QTextBrowser, QWidget

from app.gui.detail_html import ENTRY_SCHEME

WEB_SCHEMES = ("http", "https", "mailto")


class OfflineBrowser(QTextBrowser):
    link_activated = Signal(str)  # slug of the entry a link points to

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)  # we decide: entries navigate, the web opens only on a click
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._clicked)

    def _clicked(self, url: QUrl) -> None:
        if url.scheme() == ENTRY_SCHEME:
            self.link_activated.emit(url.path())
        elif url.scheme() in WEB_SCHEMES:
            QDesktopServices.openUrl(url)
        elif url.hasFragment() and not url.scheme():
            self.scrollToAnchor(url.fragment())
        else:
            self.other_link_clicked(url)

    def other_link_clicked(self, url: QUrl) -> None:
        """A link of a scheme this view does not know; subclasses may handle their own."""

    def loadResource(self, type: int, name: QUrl | str) -> object:
        # Never fetch anything a text points at (images, style sheets): offline, always.
        return None
