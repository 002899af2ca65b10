"""Merge…: the entries side by side, one column each, one row per field; a click on a value keeps
it. The entry to keep is chosen at the top of its column (first offered: the one that holds the
most facts and citations), and a summary says what moves to it and what goes to the Trash.

The dialog only chooses; app/gui/merging.py merges (app/services/merge.py) and makes it one step
of Undo.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.gui.i18n import kind_plural, plain, translate
from app.services.merge import MergeCandidate, MergeField

_SHOWN = 90  # characters of a value shown in its cell (all of it in the tooltip)


def _short(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= _SHOWN else line[: _SHOWN - 1] + "…"


class MergeDialog(QDialog):
    def __init__(
        self,
        candidates: Sequence[MergeCandidate],
        fields: Sequence[MergeField],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.candidates = tuple(candidates)
        self.fields = tuple(fields)
        kind = self.candidates[0].ref.kind
        self.setWindowTitle(self.tr("Merge {kind}").format(kind=kind_plural(kind)))
        self.setObjectName("mergeDialog")

        intro = QLabel(
            self.tr(
                "Choose the entry to keep and, in each row, the value it keeps. The others' names "
                "become its other names; their facts, titles, citations, notes and tags move to it, "
                "and they go to the Trash. Undo puts everything back."
            ),
            self,
        )
        intro.setWordWrap(True)

        grid_holder = QWidget(self)
        grid = QGridLayout(grid_holder)
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(6)
        self.survivor_group = QButtonGroup(self)
        self.survivor_buttons: list[QRadioButton] = []
        keep_label = QLabel(self.tr("Keep"), grid_holder)
        keep_label.setStyleSheet("font-weight: bold")
        grid.addWidget(keep_label, 0, 0)
        for column, candidate in enumerate(self.candidates, 1):
            button = QRadioButton(candidate.ref.name, grid_holder)
            button.setStyleSheet("font-weight: bold")
            button.setToolTip(candidate.ref.slug)
            button.setAccessibleName(self.tr("Keep “{name}”").format(name=candidate.ref.name))
            self.survivor_group.addButton(button, column - 1)
            self.survivor_buttons.append(button)
            grid.addWidget(button, 0, column)
        line = QFrame(grid_holder)
        line.setFrameShape(QFrame.Shape.HLine)
        grid.addWidget(line, 1, 0, 1, len(self.candidates) + 1)

        self.value_groups: dict[str, QButtonGroup] = {}
        self.value_buttons: dict[str, list[QRadioButton]] = {}
        self._touched: set[str] = set()
        row = 2
        for f in self.fields:
            shown = [c.shown.get(f.key, "") for c in self.candidates]
            if not any(shown):
                continue  # nobody has one: nothing to choose
            label = QLabel(translate("Fields", f.label), grid_holder)
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(label, row, 0)
            group = QButtonGroup(self)
            buttons = []
            for column, text in enumerate(shown):
                button = QRadioButton(_short(text) if text else "—", grid_holder)
                button.setToolTip(text)
                button.setAccessibleName(
                    self.tr("{field}: {value}").format(
                        field=plain(translate("Fields", f.label)), value=text or "—"
                    )
                )
                group.addButton(button, column)
                buttons.append(button)
                grid.addWidget(button, row, column + 1)
            same = len(set(shown)) == 1
            for button in buttons:
                button.setEnabled(not same)  # one value: nothing to choose
            group.idClicked.connect(lambda _id, key=f.key: self._touch(key))
            self.value_groups[f.key] = group
            self.value_buttons[f.key] = buttons
            row += 1
        grid.setRowStretch(row, 1)
        for column in range(1, len(self.candidates) + 1):
            grid.setColumnStretch(column, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(grid_holder)

        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setObjectName("mergeSummary")

        self.buttons = QDialogButtonBox(self)
        self.merge_button = self.buttons.addButton(self.tr("Merge"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)

        self.survivor_group.idToggled.connect(self._survivor_toggled)
        first = max(range(len(self.candidates)), key=lambda i: (self.candidates[i].weight, -i))
        self.survivor_buttons[first].setChecked(True)
        height = grid_holder.sizeHint().height() + intro.sizeHint().height() + 160
        self.resize(min(1200, 260 + 260 * len(self.candidates)), max(320, min(720, height)))

    # --- choosing ------------------------------------------------------------------------------

    def _touch(self, key: str) -> None:
        self._touched.add(key)
        self._update_summary()

    def _survivor_toggled(self, index: int, checked: bool) -> None:
        if not checked:
            return
        # Untouched rows show the new survivor's value, or the first there is when it has none.
        for key, group in self.value_groups.items():
            if key in self._touched:
                continue
            values = [c.shown.get(key, "") for c in self.candidates]
            pick = index if values[index] else next(i for i, v in enumerate(values) if v)
            group.button(pick).setChecked(True)
        self._update_summary()

    def survivor(self) -> MergeCandidate:
        return self.candidates[max(0, self.survivor_group.checkedId())]

    def choices(self) -> dict[str, int]:
        """For each field chosen: the id of the entry whose value to keep."""
        out = {}
        for key, group in self.value_groups.items():
            picked = group.checkedId()
            if picked >= 0:
                out[key] = self.candidates[picked].ref.id
        return out

    def ids(self) -> list[int]:
        return [c.ref.id for c in self.candidates]

    def _update_summary(self) -> None:
        kept = self.survivor()
        others = [c for c in self.candidates if c is not kept]
        moved: dict[str, int] = {}
        for c in others:
            for key, n in c.holds.items():
                moved[key] = moved.get(key, 0) + n
        words = [self._count(key, n) for key, n in moved.items() if n]
        names = ", ".join(f"“{c.ref.name}”" for c in others)
        text = self.tr("Into “{kept}”: {moved}.").format(
            kept=kept.ref.name, moved=", ".join(words) if words else self.tr("their names only")
        )
        text += " " + self.tr("To the Trash: {names}.").format(names=names)
        self.summary.setText(text)

    def _count(self, key: str, n: int) -> str:
        words = {
            "other_names": self.tr("%n other names", None, n),
            "facts": self.tr("%n facts", None, n),
            "roles": self.tr("%n titles", None, n),
            "memberships": self.tr("%n memberships", None, n),
            "participants": self.tr("%n participants", None, n),
            "parties": self.tr("%n parties", None, n),
            "statements": self.tr("%n statements", None, n),
            "citations": self.tr("%n citations", None, n),
            "cited_by": self.tr("%n citations of it as a source", None, n),
            "notes": self.tr("%n notes", None, n),
            "backlinks": self.tr("%n mentions in notes", None, n),
            "tags": self.tr("%n tags", None, n),
            "files": self.tr("%n files", None, n),
            "referred": self.tr("%n references from other entries", None, n),
        }
        return words.get(key, f"{n} {key}")
