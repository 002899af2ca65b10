"""The sidebar: sections of items, each item a place the list pane can show.

The main window fills the first section ("Library") with the kinds of entry and their
counts. Features add their own places without touching this module:

    window.sidebar.add_section("tags", "Tags")
    window.sidebar.add_item("tags", "tag:policy", "policy", on_select=show_tag)

Headings and items are all top-level rows (a disabled parent would disable its children);
headings are disabled, so arrow keys skip them and every item is reachable with the keyboard. `item_selected` tells which item (by key) was chosen.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem, QWidget

from app.gui.i18n import kind_plural
from app.services.kinds import KINDS

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
LABEL_ROLE = Qt.ItemDataRole.UserRole + 2
LIBRARY = "library"


class Sidebar(QTreeWidget):
    kind_selected = Signal(str)  # a kind's key ('person', ...)
    item_selected = Signal(str)  # any item's key

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar")
        self.setAccessibleName(self.tr("Sidebar"))
        self.setHeaderHidden(True)
        self.setRootIsDecorated(False)
        self.setItemsExpandable(False)
        self.setIndentation(0)
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setMaximumWidth(280)
        self._sections: dict[str, list[QTreeWidgetItem]] = {}  # heading, then its items
        self._items: dict[str, QTreeWidgetItem] = {}
        self._actions: dict[str, Callable[[], None]] = {}
        self.add_section(LIBRARY, self.tr("Library"))
        for kind in KINDS:
            self.add_item(LIBRARY, kind.key, kind_plural(kind.key))
        self.currentItemChanged.connect(self._changed)

    # --- building --------------------------------------------------------------------------

    def add_section(self, key: str, title: str, *, before: str | None = None) -> None:
        """A heading with items under it; after the others, or before section `before`. A
        section made before (a place kept for a feature installed after the first paint) stays."""
        if key in self._sections:
            return
        header = QTreeWidgetItem([title])
        header.setFlags(Qt.ItemFlag.NoItemFlags)
        font = header.font(0)
        font.setBold(True)
        header.setFont(0, font)
        header.setData(0, Qt.ItemDataRole.AccessibleTextRole, title)
        anchor = self._sections.get(before) if before else None
        if anchor is not None:
            self.insertTopLevelItem(self.indexOfTopLevelItem(anchor[0]), header)
        else:
            self.addTopLevelItem(header)
        self._sections[key] = [header]

    def add_item(
        self, section: str, key: str, text: str, *, on_select: Callable[[], None] | None = None
    ) -> QTreeWidgetItem:
        """An item in `section`; `on_select` runs when the researcher chooses it. An item made
        before under that key (a place kept for a feature) stays where it is, and takes these."""
        kept = self._items.get(key)
        if kept is not None:
            kept.setText(0, text)
            kept.setData(0, LABEL_ROLE, text)
            if on_select is not None:
                self._actions[key] = on_select
            return kept
        item = QTreeWidgetItem([text])
        item.setData(0, KEY_ROLE, key)
        item.setData(0, LABEL_ROLE, text)
        rows = self._sections[section]
        self.insertTopLevelItem(self.indexOfTopLevelItem(rows[-1]) + 1, item)
        rows.append(item)
        self._items[key] = item
        if on_select is not None:
            self._actions[key] = on_select
        return item

    def set_count(self, key: str, count: int | None) -> None:
        item = self._items.get(key)
        if item is not None:
            label = item.data(0, LABEL_ROLE)
            item.setText(0, label if count is None else f"{label}  ({count})")

    def set_counts(self, counts: dict[str, int]) -> None:
        for kind in KINDS:
            self.set_count(kind.key, counts.get(kind.key))

    # --- choosing --------------------------------------------------------------------------

    def _changed(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        if current is None:
            return
        key = current.data(0, KEY_ROLE)
        if key is None:
            return
        self.item_selected.emit(key)
        action = self._actions.get(key)
        if action is not None:
            action()
        elif any(k.key == key for k in KINDS):
            self.kind_selected.emit(key)

    def select(self, key: str) -> None:
        item = self._items.get(key)
        if item is not None:
            self.setCurrentItem(item)

    def select_kind(self, kind: str) -> None:
        self.select(kind)

    def current_key(self) -> str | None:
        item = self.currentItem()
        return item.data(0, KEY_ROLE) if item is not None else None

    def current_kind(self) -> str | None:
        key = self.current_key()
        return key if any(k.key == key for k in KINDS) else None

    def item_text(self, key: str) -> str:
        item = self._items.get(key)
        return item.text(0) if item is not None else ""
