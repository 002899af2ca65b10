"""The form that creates or edits an entry of any kind, built from the service's field specs.

Nothing is saved until the service accepts the whole input: a ValidationError puts each
message under its field (and in the field's accessible description, for screen readers),
says at the top that nothing was saved, and moves the focus to the first field to fix.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.gui.entry_picker import EntryPicker
from app.gui.i18n import kind_singular, plain, translate, translated
from app.gui.notes.fields import TagEdit
from app.i18n import N_, Message
from app.services.entries import EntryLists
from app.services.entry_forms import (
    ALIAS_KINDS,
    DATE_HINT,
    FIELDS,
    HAS_ROLES,
    AliasInput,
    EditingError,
    EntryInput,
    FieldSpec,
    RoleInput,
    ValidationError,
)

if TYPE_CHECKING:
    from app.services.editing import Editor  # loads SQLAlchemy: only when someone edits

Field = QLineEdit | QPlainTextEdit | QComboBox

# How the kinds of other name read in the form (ALIAS_KINDS are the stored values).
_ALIAS_KIND_LABELS = {
    "name": N_("AliasKinds", "name"),
    "official_name": N_("AliasKinds", "official name"),
    "variant": N_("AliasKinds", "variant"),
    "abbreviation": N_("AliasKinds", "abbreviation"),
    "former_name": N_("AliasKinds", "former name"),
}


def _error_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setObjectName("fieldError")
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    label.hide()
    return label


def _text_of(widget: Field) -> str:
    if isinstance(widget, EntryPicker):
        return widget.value()
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    return str(widget.currentData() or "")


def _set_text(widget: Field, value: str) -> None:
    if isinstance(widget, EntryPicker):
        widget.set_value(value)
    elif isinstance(widget, QLineEdit):
        widget.setText(value)
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText(value)
    else:
        widget.setCurrentIndex(max(0, widget.findData(value)))


@dataclass
class _Slot:
    """A field on the form and where its error shows."""

    widget: Field
    error: QLabel
    label: str


class _Row(QWidget):
    """An alias or role: its fields, its own error line and a Remove button."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.row_id: int | None = None
        self.title = title
        self.fields: dict[str, Field] = {}
        self.grid = QGridLayout()
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.error = _error_label(self)
        self.remove = QPushButton(self.tr("Remove"), self)
        self.remove.setAccessibleName(plain(self.remove.text()))
        self.remove.setAccessibleDescription(self.tr("Remove {row}").format(row=title))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.addLayout(self.grid)
        layout.addWidget(self.error)

    def add(self, key: str, label: str, widget: Field, row: int, column: int, span: int = 1) -> None:
        text = QLabel(label, self)
        text.setBuddy(widget)
        widget.setAccessibleName(label)
        widget.setAccessibleDescription(self.title)
        self.grid.addWidget(text, row, column * 2, Qt.AlignmentFlag.AlignRight)
        self.grid.addWidget(widget, row, column * 2 + 1, 1, span * 2 - 1)
        self.fields[key] = widget

    def text(self, key: str) -> str:
        return _text_of(self.fields[key])

    def show_errors(self, errors: dict[str, Message]) -> None:
        shown = {k: translated(v) for k, v in errors.items()}
        lines = [
            self.tr("{field}: {problem}").format(field=self._label(k), problem=v) for k, v in shown.items()
        ]
        self.error.setText("\n".join(lines))
        self.error.setVisible(bool(lines))
        for key, widget in self.fields.items():
            widget.setAccessibleDescription(shown.get(key, self.title))

    def _label(self, key: str) -> str:
        return str(self.fields[key].accessibleName()) if key in self.fields else key


class EntryForm(QDialog):
    """Create (entity_id None) or edit an entry; `save` writes or raises ValidationError."""

    def __init__(
        self,
        lists: EntryLists,
        editor: Editor,
        kind: str,
        save: Callable[[EntryInput], None],
        *,
        initial: EntryInput | None = None,
        entity_id: int | None = None,
        tag_names: Sequence[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        """`tag_names`: the tags there are, offered as the Tags field is typed in."""
        super().__init__(parent)
        self._lists = lists
        self._editor = editor
        self._kind = kind
        self._save = save
        self._entity_id = entity_id
        if initial and entity_id:
            self.setWindowTitle(self.tr("Edit {name}").format(name=initial.name))
        else:
            self.setWindowTitle(self.tr("New {kind}").format(kind=kind_singular(kind)))
        self.setMinimumSize(640, 520)
        self.slots: dict[str, _Slot] = {}
        self.alias_rows: list[_Row] = []
        self.role_rows: list[_Row] = []

        self.summary_error = _error_label(self)
        self.summary_error.setAccessibleName(self.tr("Problems"))

        body = QWidget(self)
        outer = QVBoxLayout(body)
        self.form = QFormLayout()
        outer.addLayout(self.form)
        outer.addStretch(1)  # spare height below the fields, not between them
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)

        name = QLineEdit(body)
        name.setPlaceholderText(self.tr("Required"))
        self._add("name", self.tr("Name"), name)
        self.slug = QLineEdit(body)
        self._add("slug", self.tr("Slug"), self.slug)
        name.textChanged.connect(self._suggest_slug)
        summary = QPlainTextEdit(body)
        summary.setTabChangesFocus(True)
        summary.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self._add("summary", self.tr("Summary"), summary)
        for spec in FIELDS[kind]:
            self._add(spec.key, translate("Fields", spec.label), self._widget_for(spec, body))
        self.tags = TagEdit(body)
        self.tags.setPlaceholderText(self.tr("Separated by commas; policy/ethics nests under policy"))
        self.tags.set_tag_names(list(tag_names))
        self._add("tags", self.tr("Tags"), self.tags)

        self.aliases_box = QGroupBox(self.tr("Other names"), body)
        self.aliases_layout = QVBoxLayout(self.aliases_box)
        self.add_alias_button = QPushButton(self.tr("Add Other Name"), self.aliases_box)
        self.add_alias_button.setAccessibleName(plain(self.add_alias_button.text()))
        self.add_alias_button.clicked.connect(lambda: self.add_alias(focus=True))
        self.aliases_layout.addWidget(self.add_alias_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.form.addRow(self.aliases_box)

        self.roles_box: QGroupBox | None = None
        if kind in HAS_ROLES:
            self.roles_box = QGroupBox(self.tr("Titles"), body)
            self.roles_layout = QVBoxLayout(self.roles_box)
            self.add_role_button = QPushButton(self.tr("Add Title"), self.roles_box)
            self.add_role_button.setAccessibleName(plain(self.add_role_button.text()))
            self.add_role_button.clicked.connect(lambda: self.add_role(focus=True))
            self.roles_layout.addWidget(self.add_role_button, 0, Qt.AlignmentFlag.AlignLeft)
            self.form.addRow(self.roles_box)

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        for button in self.buttons.buttons():
            button.setAccessibleName(plain(button.text()))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_error)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.buttons)

        if initial is not None:
            self.fill(initial)
        self._suggest_slug()
        name.setFocus()

    # --- building ----------------------------------------------------------------------------

    def _widget_for(self, spec: FieldSpec, parent: QWidget) -> Field:
        if spec.type == "entry":
            return EntryPicker(self._lists, spec.kinds, parent)
        if spec.type == "choice":
            combo = QComboBox(parent)
            if not spec.required:
                combo.addItem("", "")
            for choice in spec.choices:
                combo.addItem(choice, choice)
            return combo
        if spec.type == "text":
            text = QPlainTextEdit(parent)
            text.setTabChangesFocus(True)
            text.setFixedHeight(self.fontMetrics().lineSpacing() * 6 + 12)
            return text
        line = QLineEdit(parent)
        hint = translate("Hints", spec.hint) if spec.hint else ""
        line.setPlaceholderText(self.tr("{hint} (required)").format(hint=hint) if spec.required else hint)
        return line

    def _add(self, key: str, label: str, widget: Field) -> None:
        holder = QWidget(self)
        holder.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(widget)
        error = _error_label(holder)
        box.addWidget(error)
        text = QLabel(label, self)
        text.setBuddy(widget)
        widget.setAccessibleName(plain(label))
        self.form.addRow(text, holder)
        self.slots[key] = _Slot(widget, error, label)

    def add_alias(self, alias: AliasInput | None = None, *, focus: bool = False) -> _Row:
        row = _Row(self.tr("other name {n}").format(n=len(self.alias_rows) + 1), self.aliases_box)
        row.add("value", self.tr("Name"), QLineEdit(row), 0, 0, 3)
        language = QLineEdit(row)
        language.setPlaceholderText("zh-Hans, th, lo, km…")
        row.add("language", self.tr("Language"), language, 1, 0)
        script = QLineEdit(row)
        script.setPlaceholderText("Hans, Thai, Laoo…")
        row.add("script", self.tr("Script"), script, 1, 1)
        kind = QComboBox(row)
        for k in ALIAS_KINDS:
            kind.addItem(translate("AliasKinds", _ALIAS_KIND_LABELS.get(k, k.replace("_", " "))), k)
        row.add("kind", self.tr("Kind"), kind, 1, 2)
        row.grid.addWidget(row.remove, 0, 6)
        row.remove.clicked.connect(lambda: self._remove(row, self.alias_rows))
        if alias is not None:
            row.row_id = alias.id
            for key in ("value", "language", "script", "kind"):
                _set_text(row.fields[key], getattr(alias, key))
        self.alias_rows.append(row)
        self.aliases_layout.insertWidget(self.aliases_layout.count() - 1, row)
        if focus:
            row.fields["value"].setFocus()
        return row

    def add_role(self, role: RoleInput | None = None, *, focus: bool = False) -> _Row:
        assert self.roles_box is not None
        row = _Row(self.tr("title {n}").format(n=len(self.role_rows) + 1), self.roles_box)
        row.add("title", self.tr("Title"), QLineEdit(row), 0, 0, 3)
        row.add(
            "organization", self.tr("Organization"), EntryPicker(self._lists, ("organization",), row), 1, 0, 3
        )
        row.add("country", self.tr("Country"), EntryPicker(self._lists, ("country",), row), 2, 0, 3)
        dates = (("as_of", self.tr("As of")), ("start", self.tr("From")), ("end", self.tr("Until")))
        date_hint = translate("Hints", DATE_HINT)
        for column, (key, label) in enumerate(dates):
            date = QLineEdit(row)
            date.setPlaceholderText(date_hint if column == 0 else "")
            date.setToolTip(date_hint)
            row.add(key, label, date, 3, column)
        row.grid.addWidget(row.remove, 0, 6)
        row.remove.clicked.connect(lambda: self._remove(row, self.role_rows))
        if role is not None:
            row.row_id = role.id
            for key in ("title", "organization", "country", "as_of", "start", "end"):
                _set_text(row.fields[key], getattr(role, key))
        self.role_rows.append(row)
        self.roles_layout.insertWidget(self.roles_layout.count() - 1, row)
        if focus:
            row.fields["title"].setFocus()
        return row

    def _remove(self, row: _Row, rows: list[_Row]) -> None:
        at = rows.index(row)
        rows.remove(row)
        row.hide()
        row.deleteLater()
        # Keep the focus in the group: the next row's first field, else its Add button.
        target: QWidget = (
            next(iter(rows[min(at, len(rows) - 1)].fields.values()))
            if rows
            else (self.add_alias_button if rows is self.alias_rows else self.add_role_button)
        )
        target.setFocus()

    # --- values ------------------------------------------------------------------------------

    def fill(self, inp: EntryInput) -> None:
        _set_text(self.slots["name"].widget, inp.name)
        _set_text(self.slots["slug"].widget, inp.slug)
        _set_text(self.slots["summary"].widget, inp.summary)
        for spec in FIELDS[self._kind]:
            _set_text(self.slots[spec.key].widget, inp.values.get(spec.key, ""))
        self.tags.setText(inp.tags or "")
        for alias in inp.aliases:
            self.add_alias(alias)
        for role in inp.roles:
            self.add_role(role)

    def collect(self) -> EntryInput:
        return EntryInput(
            kind=self._kind,
            name=_text_of(self.slots["name"].widget),
            slug=_text_of(self.slots["slug"].widget),
            summary=_text_of(self.slots["summary"].widget),
            values={spec.key: _text_of(self.slots[spec.key].widget) for spec in FIELDS[self._kind]},
            aliases=tuple(
                AliasInput(
                    r.text("value"), r.text("language"), r.text("script"), r.text("kind") or "name", r.row_id
                )
                for r in self.alias_rows
            ),
            roles=tuple(
                RoleInput(
                    r.text("title"),
                    r.text("organization"),
                    r.text("country"),
                    r.text("as_of"),
                    r.text("start"),
                    r.text("end"),
                    r.row_id,
                )
                for r in self.role_rows
            ),
            tags=self.tags.text(),
        )

    def _suggest_slug(self) -> None:
        name = _text_of(self.slots["name"].widget).strip()
        hint = (
            self._editor.suggested_slug(name, self._kind, self._entity_id)
            if name
            else self.tr("derived from the name")
        )
        self.slug.setPlaceholderText(hint)

    # --- saving ------------------------------------------------------------------------------

    def submit(self) -> None:
        try:
            self._save(self.collect())
        except ValidationError as exc:
            self.show_errors(exc.errors)
            return
        except EditingError as exc:
            QMessageBox.warning(self, self.tr("Not saved"), translated(exc.message))
            return
        self.accept()

    def show_errors(self, errors: dict[str, Message]) -> None:
        first: QWidget | None = None
        for key, slot in self.slots.items():
            message = translated(errors[key]) if key in errors else ""
            slot.error.setText(message)
            slot.error.setVisible(bool(message))
            slot.widget.setAccessibleDescription(message)
            if message and first is None:
                first = slot.widget
        for prefix, rows in (("aliases", self.alias_rows), ("roles", self.role_rows)):
            for i, row in enumerate(rows):
                mine = {k.split(".", 1)[1]: v for k, v in errors.items() if k.startswith(f"{prefix}[{i}].")}
                row.show_errors(mine)
                if mine and first is None:
                    first = row.fields.get(next(iter(mine)))
        placed = set(self.slots) | {k for k in errors if k.startswith(("aliases[", "roles["))}
        stray = [translated(v) for k, v in errors.items() if k not in placed]
        text = self.tr("Nothing was saved: %n fields need attention.", None, len(errors))
        self.summary_error.setText("\n".join([text, *stray]) if errors else "")
        self.summary_error.setVisible(bool(errors))
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
