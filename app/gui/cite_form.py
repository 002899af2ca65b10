"""Cite…: the small form that turns a passage selected in a source's text into a citation.

It asks which entry (a picker with completion over names in every script) and what the
passage supports: a new fact, an existing fact, a title with its dates, a statement, a
membership, a participation or an initiative's party. The quote and its anchor are the
selection's own (app/records/anchors.anchor_at), the locator is worked out from where it
stands, and reliability starts as the source's. Nothing is written until the editing service
accepts it (Editor.add_to / Editor.cite); what it refuses shows on the form, which stays open.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.gui.detail_html import choice
from app.gui.entry_picker import EntryPicker
from app.gui.i18n import kind_singular, translate, translated
from app.i18n import N_
from app.records import anchors
from app.records.entries import FactView, Ref, SourceReading
from app.services.details import EntryDetails
from app.services.entries import EntryLists
from app.services.entry_forms import (
    DATE_HINT,
    FIELDS,
    Change,
    CitationInput,
    EditingError,
    FactInput,
    MembershipInput,
    Part,
    ParticipantInput,
    PartyInput,
    RoleInput,
    StatementInput,
    ValidationError,
)

# What a passage can support, in the order the form offers them.
NEW_FACT, FACT, TITLE, STATEMENT, MEMBERSHIP, PARTICIPATION, PARTY = (
    "new-fact",
    "fact",
    "title",
    "statement",
    "membership",
    "participation",
    "party",
)
_LABELS = {
    NEW_FACT: N_("CiteForm", "A new fact"),
    FACT: N_("CiteForm", "An existing fact"),
    TITLE: N_("CiteForm", "A title (role) with its dates"),
    STATEMENT: N_("CiteForm", "A statement"),
    MEMBERSHIP: N_("CiteForm", "A membership"),
    PARTICIPATION: N_("CiteForm", "A participation in an event"),
    PARTY: N_("CiteForm", "A party to an initiative"),
}
# What each kind of entry can be cited for (the editing service's PARTS, with a participation
# or a party seen from the participant's side too).
OFFERED: dict[str, tuple[str, ...]] = {
    "person": (NEW_FACT, FACT, TITLE, STATEMENT, PARTICIPATION, PARTY),
    "country": (NEW_FACT, FACT, MEMBERSHIP, STATEMENT, PARTICIPATION, PARTY),
    "organization": (NEW_FACT, FACT, MEMBERSHIP, STATEMENT, PARTICIPATION, PARTY),
    "initiative": (NEW_FACT, FACT, PARTY),
    "event": (NEW_FACT, FACT, PARTICIPATION),
    "source": (NEW_FACT, FACT),
}
STATEMENT_KINDS = (
    ("direct", N_("CiteForm", "direct (the speaker's own words)")),
    ("reported", N_("CiteForm", "reported (as the source tells it)")),
    ("translated", N_("CiteForm", "translated")),
)
_PARTICIPANTS = ("person", "organization", "country")
# The grades a source's reliability takes (the New Source form's choices).
RELIABILITIES = next(spec.choices for spec in FIELDS["source"] if spec.key == "reliability")


class CiteService(Protocol):
    """What the form asks of the editing service (app/services/editing.Editor)."""

    def add_to(self, entity_id: int, part: Part) -> Change: ...

    def cite(self, entity_id: int, owner: tuple[str, int], citation: CitationInput) -> Change: ...


@dataclass(frozen=True)
class Cited:
    """What the form wrote: the change (for undo) and the entry the citation supports."""

    change: Change
    entry: Ref


def _date_edit(parent: QWidget) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setPlaceholderText(translate("Hints", DATE_HINT))
    return edit


class CiteForm(QDialog):
    def __init__(
        self,
        reading: SourceReading,
        span: tuple[int, int],
        lists: EntryLists,
        details: EntryDetails,
        service: Callable[[], CiteService],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Cite"))
        self.setObjectName("citeForm")
        self._reading = reading
        self._lists = lists
        self._details = details
        self._service = service  # called on Cite: the editing service loads on the first edit
        self.anchor = anchors.anchor_at(reading.text, *span)
        self.cited: Cited | None = None
        self._facts: list[FactView] = []
        self._entry: Ref | None = None

        source = QLabel(self)
        source.setTextFormat(Qt.TextFormat.PlainText)
        source.setWordWrap(True)
        source.setText(self.tr("From “{source}”").format(source=reading.source.name))
        self.quote = QPlainTextEdit(self)
        self.quote.setReadOnly(True)
        self.quote.setPlainText(anchors.normalise(self.anchor.exact))
        self.quote.setAccessibleName(self.tr("Quote"))
        self.quote.setMaximumHeight(self.fontMetrics().lineSpacing() * 5 + 12)
        self.locator = QLineEdit(anchors.locator(reading.text, span[0], list(reading.paragraphs)), self)
        self.locator.setAccessibleName(self.tr("Locator"))

        self.entry = EntryPicker(lists, ("person", "organization", "country", "initiative", "event"), self)
        self.entry.setAccessibleName(self.tr("Entry"))
        # While typing, only an entry chosen from the suggestions (its slug) is looked up; a name
        # typed out is matched when the field is left or the form sent (five list queries).
        self.entry.textChanged.connect(lambda _t: self._entry_changed(by_name=False))
        self.entry.editingFinished.connect(self._entry_changed)
        self.supports = QComboBox(self)
        self.supports.setAccessibleName(self.tr("Supports"))
        self.supports.currentIndexChanged.connect(self._show_page)
        self.pages = QStackedWidget(self)
        self._page_of: dict[str, int] = {}
        self._forms: dict[str, QFormLayout] = {}
        self._build_pages()

        self.reliability = QComboBox(self)
        for value in RELIABILITIES:
            self.reliability.addItem(choice(value), value)
        at = self.reliability.findData(reading.reliability)
        self.reliability.setCurrentIndex(max(0, at))
        self.note = QLineEdit(self)
        self.error = QLabel(self)
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        font = self.error.font()
        font.setBold(True)
        self.error.setFont(font)
        self.error.hide()

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Quote"), self.quote)
        form.addRow(self.tr("Locator"), self.locator)
        form.addRow(self.tr("Entry"), self.entry)
        form.addRow(self.tr("Supports"), self.supports)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Cite"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        below = QFormLayout()
        below.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        below.addRow(self.tr("Reliability"), self.reliability)
        below.addRow(self.tr("Note"), self.note)

        layout = QVBoxLayout(self)
        layout.addWidget(source)
        layout.addLayout(form)
        layout.addWidget(self.pages)
        layout.addLayout(below)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._align_labels(form, below, *(self._forms.values()))
        self.resize(560, self.sizeHint().height())
        self._entry_changed()
        self.entry.setFocus()

    # --- the pages of what the passage supports ----------------------------------------------

    @staticmethod
    def _align_labels(*forms: QFormLayout) -> None:
        """One label column for the form's parts, so their fields line up."""
        labels = [
            item.widget()
            for form in forms
            for row in range(form.rowCount())
            if (item := form.itemAt(row, QFormLayout.ItemRole.LabelRole)) is not None
        ]
        shown = [label for label in labels if label is not None]
        width = max((label.sizeHint().width() for label in shown), default=0)
        for label in shown:
            label.setMinimumWidth(width)

    def _page(self, key: str) -> QFormLayout:
        page = QWidget(self.pages)
        layout = QFormLayout(page)
        self._forms[key] = layout
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._page_of[key] = self.pages.addWidget(page)
        return layout

    def _build_pages(self) -> None:
        quote = anchors.normalise(self.anchor.exact)
        lists = self._lists

        page = self._page(NEW_FACT)
        self.fact_text = QPlainTextEdit(quote, self)
        self.fact_text.setTabChangesFocus(True)
        self.fact_text.setMaximumHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.fact_date = _date_edit(self)
        page.addRow(self.tr("Fact"), self.fact_text)
        page.addRow(self.tr("Date"), self.fact_date)

        page = self._page(FACT)
        self.fact_choice = QComboBox(self)
        self.fact_choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.fact_choice.setMinimumContentsLength(30)
        page.addRow(self.tr("Fact"), self.fact_choice)

        page = self._page(TITLE)
        self.title = QLineEdit(self)
        self.title.setPlaceholderText(self.tr("as the source states it"))
        self.title_organization = EntryPicker(lists, ("organization",), self)
        self.title_country = EntryPicker(lists, ("country",), self)
        self.title_start, self.title_end, self.title_as_of = (_date_edit(self) for _ in range(3))
        page.addRow(self.tr("Title"), self.title)
        page.addRow(self.tr("Organization"), self.title_organization)
        page.addRow(self.tr("Country"), self.title_country)
        page.addRow(self.tr("Start"), self.title_start)
        page.addRow(self.tr("End"), self.title_end)
        page.addRow(self.tr("As of"), self.title_as_of)

        page = self._page(STATEMENT)
        self.statement_text = QPlainTextEdit(quote, self)
        self.statement_text.setTabChangesFocus(True)
        self.statement_text.setMaximumHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.statement_kind = QComboBox(self)
        for value, label in STATEMENT_KINDS:
            self.statement_kind.addItem(translate("CiteForm", label), value)
        self.statement_event = EntryPicker(lists, ("event",), self)
        self.statement_date = _date_edit(self)
        self.statement_speaker_label = QLineEdit(self)
        self.statement_speaker_label.setPlaceholderText(
            self.tr("how the source names the speaker, if not so")
        )
        page.addRow(self.tr("Words"), self.statement_text)
        page.addRow(self.tr("Kind"), self.statement_kind)
        page.addRow(self.tr("Event"), self.statement_event)
        page.addRow(self.tr("Date"), self.statement_date)
        page.addRow(self.tr("Speaker as named"), self.statement_speaker_label)

        page = self._page(MEMBERSHIP)
        self.membership_organization = EntryPicker(lists, ("organization",), self)
        self.membership_status = QLineEdit("member", self)
        self.membership_start, self.membership_end = _date_edit(self), _date_edit(self)
        page.addRow(self.tr("Member of"), self.membership_organization)
        page.addRow(self.tr("Status"), self.membership_status)
        page.addRow(self.tr("Start"), self.membership_start)
        page.addRow(self.tr("End"), self.membership_end)

        page = self._page(PARTICIPATION)
        # The event, for a participant; the participant, for an event (the row lives on it).
        self.participation_event = EntryPicker(lists, ("event",), self)
        self.participation_entry = EntryPicker(lists, _PARTICIPANTS, self)
        self.participation_role = QLineEdit("participant", self)
        page.addRow(self.tr("Event"), self.participation_event)
        page.addRow(self.tr("Participant"), self.participation_entry)
        page.addRow(self.tr("Role"), self.participation_role)
        self._participation = page

        page = self._page(PARTY)
        self.party_initiative = EntryPicker(lists, ("initiative",), self)
        self.party_entry = EntryPicker(lists, _PARTICIPANTS, self)
        self.party_role = QLineEdit("party", self)
        page.addRow(self.tr("Initiative"), self.party_initiative)
        page.addRow(self.tr("Party"), self.party_entry)
        page.addRow(self.tr("Role"), self.party_role)
        self._party = page

    # --- the entry and what it offers ------------------------------------------------------

    def chosen_entry(self, *, by_name: bool = True) -> Ref | None:
        """The entry named in the picker: the one chosen from its list, or one whose slug or
        (`by_name`) exact name was typed."""
        value = self.entry.value()
        if not value:
            return None
        ref = self._lists.ref(value)
        if ref is not None or not by_name:
            return ref
        for kind in OFFERED:
            for row in self._lists.page(kind, text=value, limit=20).rows:
                if row.values[0].casefold() == value.casefold():
                    return self._lists.ref(row.slug)
        return None

    def _entry_changed(self, *, by_name: bool = True) -> None:
        ref = self.chosen_entry(by_name=by_name)
        if ref == self._entry and self.supports.count():
            return
        self._entry = ref
        wanted = self.supports.currentData()
        offered = OFFERED.get(ref.kind, (NEW_FACT,)) if ref is not None else (NEW_FACT,)
        self._facts = (
            [] if ref is None else [f for f in self._details.get_by_id(ref.id).facts if f.id is not None]
        )
        self.supports.blockSignals(True)
        self.supports.clear()
        for key in offered:
            if key == FACT and not self._facts:
                continue
            self.supports.addItem(translate("CiteForm", _LABELS[key]), key)
        at = self.supports.findData(wanted)
        self.supports.setCurrentIndex(max(0, at))
        self.supports.blockSignals(False)
        self.fact_choice.clear()
        for fact in self._facts:
            shown = fact.text if len(fact.text) <= 90 else fact.text[:89] + "…"
            self.fact_choice.addItem(shown, fact.id)
        # On an event, the participant is asked; on anyone else, the event (and so for parties).
        on_event = ref is not None and ref.kind == "event"
        self._participation.setRowVisible(self.participation_event, not on_event)
        self._participation.setRowVisible(self.participation_entry, on_event)
        on_initiative = ref is not None and ref.kind == "initiative"
        self._party.setRowVisible(self.party_initiative, not on_initiative)
        self._party.setRowVisible(self.party_entry, on_initiative)
        self.ok.setEnabled(ref is not None)
        self._show_page()

    def choose(self, supports: str) -> None:
        """Choose what the passage supports (its key: NEW_FACT, TITLE ...)."""
        at = self.supports.findData(supports)
        if at < 0:
            raise LookupError(f"{supports!r} is not offered for this entry")
        self.supports.setCurrentIndex(at)

    def _show_page(self) -> None:
        key = self.supports.currentData() or NEW_FACT
        self.pages.setCurrentIndex(self._page_of[key])
        # The stack is as tall as its current page, not its tallest.
        for i in range(self.pages.count()):
            widget = self.pages.widget(i)
            if widget is not None:
                shown = i == self.pages.currentIndex()
                policy = QSizePolicy.Policy.Preferred if shown else QSizePolicy.Policy.Ignored
                widget.setSizePolicy(policy, policy)
        self.pages.adjustSize()
        self.adjustSize()

    # --- sending ---------------------------------------------------------------------------

    def citation(self) -> CitationInput:
        return CitationInput(
            source=self._reading.source.slug,
            quote=anchors.normalise(self.anchor.exact),
            locator=self.locator.text().strip(),
            reliability=str(self.reliability.currentData()),
            note=self.note.text().strip(),
            anchor=self.anchor,
        )

    def request(self) -> tuple[int, Part | tuple[str, int]] | str:
        """Where the citation goes: (entry id, the part to add or (owner, row id) to cite), or
        what is missing (translated)."""
        entry = self.chosen_entry()
        if entry is None:
            typed = self.entry.value()
            if not typed:
                return self.tr("Choose the entry this passage is about.")
            return self.tr("Nothing is called “{name}”; choose an entry from the list.").format(name=typed)
        key = self.supports.currentData()
        cites = (self.citation(),)
        if key == FACT:
            fact_id = self.fact_choice.currentData()
            if fact_id is None:
                return self.tr("Choose the fact.")
            return entry.id, ("fact", int(fact_id))
        if key == TITLE:
            return entry.id, RoleInput(
                self.title.text(),
                self.title_organization.value(),
                self.title_country.value(),
                self.title_as_of.text(),
                self.title_start.text(),
                self.title_end.text(),
                citations=cites,
            )
        if key == STATEMENT:
            return entry.id, StatementInput(
                self.statement_text.toPlainText(),
                str(self.statement_kind.currentData()),
                self.statement_event.value(),
                self.statement_date.text(),
                speaker_label=self.statement_speaker_label.text(),
                citations=cites,
            )
        if key == MEMBERSHIP:
            return entry.id, MembershipInput(
                self.membership_organization.value(),
                self.membership_status.text(),
                self.membership_start.text(),
                self.membership_end.text(),
                citations=cites,
            )
        if key in (PARTICIPATION, PARTY):
            participation = key == PARTICIPATION
            home = "event" if participation else "initiative"
            role = (self.participation_role if participation else self.party_role).text()
            make = ParticipantInput if participation else PartyInput
            if entry.kind == home:
                member = self.participation_entry if participation else self.party_entry
                return entry.id, make(member.value(), role, citations=cites)
            picker = self.participation_event if participation else self.party_initiative
            other = self._lists.ref(picker.value()) if picker.value() else None
            if other is None or other.kind != home:
                return self.tr("Choose the {kind} from the list.").format(kind=kind_singular(home))
            return other.id, make(entry.slug, role, citations=cites)
        return entry.id, FactInput(self.fact_text.toPlainText(), self.fact_date.text(), citations=cites)

    def submit(self) -> None:
        request = self.request()
        if isinstance(request, str):
            self._fail(request)
            return
        entity_id, what = request
        service = self._service()
        try:
            if isinstance(what, tuple):
                change = service.cite(entity_id, what, self.citation())
            else:
                change = service.add_to(entity_id, what)
        except ValidationError as exc:
            self._fail("\n".join(translated(m) for m in exc.errors.values()))
            return
        except EditingError as exc:
            self._fail(translated(exc.message))
            return
        entry = self.chosen_entry()
        assert entry is not None
        self.cited = Cited(change, entry)
        self.accept()

    def _fail(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
