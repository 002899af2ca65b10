"""The detail view: one entry rendered from its service DTO; links navigate."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.gui.detail_html import render
from app.gui.offline_browser import OfflineBrowser
from app.services.dto import EntryDetail


class DetailView(OfflineBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Entry details")
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
