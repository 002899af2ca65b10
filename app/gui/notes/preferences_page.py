"""Preferences ▸ Notes: how soon typing is stored."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDoubleSpinBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from app.gui.i18n import plain
from app.gui.preferences import PreferencesPage
from app.gui.settings import settings

SAVE_WITHIN_KEY = "notes/save_within_seconds"
DEFAULT_SECONDS = 1.0  # the promise: text is stored within a second of the last keystroke
MINIMUM_SECONDS = 0.5
MAXIMUM_SECONDS = 30.0


def save_within_seconds(stored: QSettings | None = None) -> float:
    stored = stored or settings()
    try:
        value = float(stored.value(SAVE_WITHIN_KEY, DEFAULT_SECONDS))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return DEFAULT_SECONDS
    return min(max(value, MINIMUM_SECONDS), MAXIMUM_SECONDS)


class NotesPage(PreferencesPage):
    def __init__(self, apply: Callable[[float], None], parent: QWidget | None = None) -> None:
        """`apply(seconds)` puts a saved value into effect at once."""
        super().__init__(parent)
        self._apply = apply
        self.save_within = QDoubleSpinBox(self)
        self.save_within.setRange(MINIMUM_SECONDS, MAXIMUM_SECONDS)
        self.save_within.setSingleStep(0.5)
        self.save_within.setDecimals(1)
        self.save_within.setSuffix(self.tr(" s"))
        label = QLabel(self.tr("&Store typing within:"), self)
        label.setBuddy(self.save_within)
        self.save_within.setAccessibleName(plain(label.text()))
        note = QLabel(
            self.tr(
                "Notes are stored this long after your last keystroke at the latest, and at least this "
                "often while you keep typing; always at once when you leave a note or the window. "
                "A crash loses at most this much typing."
            ),
            self,
        )
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(label, self.save_within)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addStretch(1)

    def load(self, stored: QSettings) -> None:
        self.save_within.setValue(save_within_seconds(stored))

    def save(self, stored: QSettings) -> None:
        stored.setValue(SAVE_WITHIN_KEY, self.save_within.value())
        self._apply(self.save_within.value())
