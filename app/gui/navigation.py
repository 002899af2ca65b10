"""Back / forward history of the entries the researcher opened."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class History(QObject):
    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[str] = []
        self._at = -1

    @property
    def current(self) -> str | None:
        return self._items[self._at] if self._at >= 0 else None

    def visit(self, slug: str) -> None:
        if self.current == slug:
            return
        del self._items[self._at + 1 :]
        self._items.append(slug)
        self._at = len(self._items) - 1
        self.changed.emit()

    def rename(self, old: str, new: str) -> None:
        """An entry's slug changed: keep it reachable by Back and Forward."""
        self._items = [new if s == old else s for s in self._items]

    def can_go_back(self) -> bool:
        return self._at > 0

    def can_go_forward(self) -> bool:
        return self._at < len(self._items) - 1

    def back(self) -> str | None:
        if not self.can_go_back():
            return None
        self._at -= 1
        self.changed.emit()
        return self.current

    def forward(self) -> str | None:
        if not self.can_go_forward():
            return None
        self._at += 1
        self.changed.emit()
        return self.current
