"""The form that creates or edits an entry of any kind, built from the service's field specs.

The entry's own fields and other names are on the first tab; its facts, titles, memberships,
participants, parties and statements (what its kind has) each on a tab of their own, every
row with its citations (app/gui/fact_sections.py), so the form fits a 1366×768 screen.

Nothing is saved until the service accepts the whole input: a ValidationError puts each
message under its field (and in the field's accessible description, for screen readers),
says at the top that nothing was saved, and moves the focus to the first field to fix (on
its tab).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStyle,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.gui.entry_picker import EntryPicker
from app.gui.fact_rows import Field, NewSource, Row, RowList, add_field, error_label, set_text, text_of
from app.gui.fact_sections import SECTIONS, fill_section, read_section, section_list
from app.gui.i18n import kind_singular, plain, translate, translated
from app.gui.language_names import CodeBox
from app.gui.notes.fields import TagEdit
from app.i18n import N_, Message
from app.services.entries import EntryLists
from app.services.entry_forms import (
    ALIAS_KINDS,
    FIELDS,
    PARTS,
    AliasInput,
    EditingError,
    EntryInput,
    FieldSpec,
    RoleInput,
    ValidationError,
)

if TYPE_CHECKING:
    from app.services.editing import Editor  # loads SQLAlchemy: only when someone edits

# How the kinds of other name read in the form (ALIAS_KINDS are the stored values).
_ALIAS_KIND_LABELS = {
    "name": N_("AliasKinds", "name"),
    "official_name": N_("AliasKinds", "official name"),
    "variant": N_("AliasKinds", "variant"),
    "abbreviation": N_("AliasKinds", "abbreviation"),
    "former_name": N_("AliasKinds", "former name"),
}


@dataclass
class _Slot:
    """A field on the form and where its error shows."""

    widget: Field
    error: QLabel
    label: str


def _reveal(page: QScrollArea, field: QWidget) -> None:
    """Scroll to `field` and the error line of the row it is in (below the row's fields)."""
    row = field.parentWidget()
    while row is not None and not isinstance(row, Row):
        row = row.parentWidget()
    if row is not None:
        page.ensureWidgetVisible(row.error)
    page.ensureWidgetVisible(field)


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
        new_source: NewSource | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """`tag_names`: the tags there are, offered as the Tags field is typed in.
        `new_source`: asks for a new source (a citation's New Source… button); None: no button."""
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
        self.resize(900, 680)  # within a 1366×768 screen, with room for the panel and title bar
        self.slots: dict[str, _Slot] = {}
        self.alias_rows: list[Row] = []

        self.summary_error = error_label(self)
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

        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self._scrolled(body), self.tr("Entry"))
        # The facts and relations of this kind, each on its tab, each row with its citations.
        self.parts: dict[str, RowList] = {}
        self._pages: dict[str, QScrollArea] = {}
        for key in PARTS[kind]:
            section = SECTIONS[key]
            page = QWidget(self)
            box = QVBoxLayout(page)
            rows = section_list(section, lists, new_source, page)
            box.addWidget(rows)
            box.addStretch(1)
            self.parts[key] = rows
            self._pages[key] = self._scrolled(page)
            self.tabs.addTab(self._pages[key], translate("FactForm", section.tab))
        self.add_role_button = self.parts["roles"].add_button if "roles" in self.parts else None

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        for button in self.buttons.buttons():
            button.setAccessibleName(plain(button.text()))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_error)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)

        if initial is not None:
            self.fill(initial)
        self._suggest_slug()
        name.setFocus()

    # --- building ----------------------------------------------------------------------------

    def _scrolled(self, page: QWidget) -> QScrollArea:
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(page)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        return scroll

    @property
    def role_rows(self) -> list[Row]:
        return self.parts["roles"].rows if "roles" in self.parts else []

    def _widget_for(self, spec: FieldSpec, parent: QWidget) -> Field:
        if spec.type == "entry":
            return EntryPicker(self._lists, spec.kinds, parent)
        if spec.type == "language":
            return CodeBox("language", parent)
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
        self.slots[key] = _Slot(widget, add_field(self.form, self, label, widget), label)

    def add_alias(self, alias: AliasInput | None = None, *, focus: bool = False) -> Row:
        row = Row(self.tr("other name {n}").format(n=len(self.alias_rows) + 1), self.aliases_box)
        row.add("value", self.tr("Name"), QLineEdit(row), 0, 0, 3)
        row.add("language", self.tr("Language"), CodeBox("language", row), 1, 0)
        row.add("script", self.tr("Script"), CodeBox("script", row), 1, 1)
        kind = QComboBox(row)
        for k in ALIAS_KINDS:
            kind.addItem(translate("AliasKinds", _ALIAS_KIND_LABELS.get(k, k.replace("_", " "))), k)
        row.add("kind", self.tr("Kind"), kind, 1, 2)
        row.place_buttons(0, 6)
        row.remove.clicked.connect(lambda: self._remove_alias(row))
        if alias is not None:
            row.row_id = alias.id
            for key in ("value", "language", "script", "kind"):
                set_text(row.fields[key], getattr(alias, key))
        self.alias_rows.append(row)
        self.aliases_layout.insertWidget(self.aliases_layout.count() - 1, row)
        if focus:
            row.fields["value"].setFocus()
        return row

    def add_role(self, role: RoleInput | None = None, *, focus: bool = False) -> Row:
        """A title (an official's form only)."""
        rows = self.parts["roles"]
        if role is not None:
            fill_section(SECTIONS["roles"], rows, (role,))
            return rows.rows[-1]
        return rows.add(focus=focus)

    def _remove_alias(self, row: Row) -> None:
        at = self.alias_rows.index(row)
        self.alias_rows.remove(row)
        row.hide()
        row.deleteLater()
        # Keep the focus in the group: the next row's first field, else its Add button.
        rows = self.alias_rows
        target = rows[min(at, len(rows) - 1)].first_field() if rows else self.add_alias_button
        target.setFocus()

    # --- values ------------------------------------------------------------------------------

    def fill(self, inp: EntryInput) -> None:
        set_text(self.slots["name"].widget, inp.name)
        set_text(self.slots["slug"].widget, inp.slug)
        set_text(self.slots["summary"].widget, inp.summary)
        for spec in FIELDS[self._kind]:
            set_text(self.slots[spec.key].widget, inp.values.get(spec.key, ""))
        self.tags.setText(inp.tags or "")
        for alias in inp.aliases:
            self.add_alias(alias)
        for key, rows in self.parts.items():
            items = getattr(inp, key)
            fill_section(SECTIONS[key], rows, items or ())

    def collect(self) -> EntryInput:
        parts = {key: read_section(SECTIONS[key], rows) for key, rows in self.parts.items()}
        roles = parts.pop("roles", ())
        return EntryInput(
            kind=self._kind,
            name=text_of(self.slots["name"].widget),
            slug=text_of(self.slots["slug"].widget),
            summary=text_of(self.slots["summary"].widget),
            values={spec.key: text_of(self.slots[spec.key].widget) for spec in FIELDS[self._kind]},
            aliases=tuple(
                AliasInput(
                    r.text("value"), r.text("language"), r.text("script"), r.text("kind") or "name", r.row_id
                )
                for r in self.alias_rows
            ),
            roles=roles,
            tags=self.tags.text(),
            **parts,
        )

    def _suggest_slug(self) -> None:
        name = text_of(self.slots["name"].widget).strip()
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
        for i, row in enumerate(self.alias_rows):
            mine = {k.split(".", 1)[1]: v for k, v in errors.items() if k.startswith(f"aliases[{i}].")}
            found = row.show_errors(mine)
            first = first or found
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for key, rows in self.parts.items():
            found = rows.show_errors(key, errors)
            first = first or found
            at = self.tabs.indexOf(self._pages[key])
            self.tabs.setTabIcon(at, warning if found is not None else QIcon())
        placed = set(self.slots) | {
            k for k in errors if k.startswith(("aliases[", *(f"{p}[" for p in self.parts)))
        }
        stray = [translated(v) for k, v in errors.items() if k not in placed]
        text = self.tr("Nothing was saved: %n fields need attention.", None, len(errors))
        self.summary_error.setText("\n".join([text, *stray]) if errors else "")
        self.summary_error.setVisible(bool(errors))
        if first is not None:
            for i in range(self.tabs.count()):
                page = self.tabs.widget(i)
                if page is not None and page.isAncestorOf(first):
                    self.tabs.setCurrentIndex(i)
                    if isinstance(page, QScrollArea):
                        # Once the tab just chosen is laid out, the field is where it will be.
                        QTimer.singleShot(0, lambda p=page, w=first: _reveal(p, w))
            first.setFocus(Qt.FocusReason.OtherFocusReason)
