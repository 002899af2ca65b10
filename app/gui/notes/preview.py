"""The rendered preview of a note: never fetches anything, entry links navigate, web links open
in the system browser when clicked, and a link to no entry is marked and explains itself."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QEvent, QUrl, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QWidget

from app.gui.notes.preview_html import MISSING_SCHEME, UNRESOLVED_CLASS, render
from app.gui.offline_browser import OfflineBrowser
from app.records.entries import Ref


class NotePreview(OfflineBrowser):
    missing_link_activated = Signal(str)  # the target of a [[link]] that names no entry

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Preview"))
        self._shown: tuple[str, Mapping[str, Ref | None]] = ("", {})
        self._apply_palette()

    def show_markdown(self, body: str, links: Mapping[str, Ref | None]) -> None:
        """Render `body`, keeping the reader's place."""
        self._shown = (body, dict(links))
        if not body:
            self.clear()  # (and the Markdown parser is not even loaded for nothing)
            return
        bar = self.verticalScrollBar()
        at = bar.value()
        self.setHtml(render(body, links))
        bar.setValue(at)

    def other_link_clicked(self, url: QUrl) -> None:
        if url.scheme() == MISSING_SCHEME:
            self.missing_link_activated.emit(url.path())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_palette()
            self.show_markdown(*self._shown)

    def _apply_palette(self) -> None:
        palette = self.palette()
        muted = palette.color(QPalette.ColorRole.PlaceholderText).name()
        shade = palette.color(QPalette.ColorRole.AlternateBase).name()
        self.document().setDefaultStyleSheet(
            f"a.{UNRESOLVED_CLASS} {{ color: {muted}; font-style: italic; text-decoration: none; }}"
            f"code {{ background-color: {shade}; }}"
            f"pre {{ background-color: {shade}; }}"
        )
