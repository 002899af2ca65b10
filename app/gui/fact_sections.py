"""The facts and relations an entry form edits, one tab each: facts, titles, memberships,
participants, parties and statements (which a kind has: PARTS in app/services/entry_forms.py).
Each section says how a row is laid out, filled from what the service sends and read back
into what it accepts; every row has its citations under it (app/gui/fact_rows.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import QLineEdit, QWidget

from app.gui.entry_picker import EntryPicker
from app.gui.fact_rows import (
    NewSource,
    Row,
    RowList,
    choices,
    citation_list,
    citations_of,
    fill_citations,
    set_text,
    text_box,
)
from app.gui.i18n import translate
from app.gui.language_names import CodeBox
from app.i18n import N_
from app.services.entries import EntryLists
from app.services.entry_forms import (
    DATE_HINT,
    EVENT_KINDS,
    MEMBER_OF_KINDS,
    PARTICIPANT_KINDS,
    PARTY_KINDS,
    FactInput,
    MembershipInput,
    ParticipantInput,
    PartyInput,
    RoleInput,
    StatementInput,
)

_C = "FactForm"  # the translation context of this module's words

# The stored words (app/services/entry_forms.py) as the form shows them.
MEMBERSHIP_STATUS_LABELS = {
    "member": N_("Vocabulary", "member"),
    "founding member": N_("Vocabulary", "founding member"),
    "observer": N_("Vocabulary", "observer"),
    "candidate": N_("Vocabulary", "candidate"),
    "partner": N_("Vocabulary", "partner"),
}
PARTICIPANT_ROLE_LABELS = {
    "participant": N_("Vocabulary", "participant"),
    "host": N_("Vocabulary", "host"),
    "co-host": N_("Vocabulary", "co-host"),
    "organizer": N_("Vocabulary", "organizer"),
    "speaker": N_("Vocabulary", "speaker"),
    "represented": N_("Vocabulary", "represented"),
    "featured country": N_("Vocabulary", "featured country"),
    "witness": N_("Vocabulary", "witness"),
}
PARTY_ROLE_LABELS = {
    "party": N_("Vocabulary", "party"),
    "lead": N_("Vocabulary", "lead"),
    "developer": N_("Vocabulary", "developer"),
    "beneficiary": N_("Vocabulary", "beneficiary"),
    "proposer": N_("Vocabulary", "proposer"),
}
STATEMENT_KIND_LABELS = {
    "direct": N_("Vocabulary", "direct quotation"),
    "reported": N_("Vocabulary", "reported speech"),
    "translated": N_("Vocabulary", "translated quotation"),
}


def _date(row: Row, key: str, label: str, r: int, column: int) -> None:
    date = QLineEdit(row)
    hint = translate("Hints", DATE_HINT)
    date.setPlaceholderText(hint)
    date.setToolTip(hint)
    row.add(key, label, date, r, column)


def _picker(lists: EntryLists, kinds: tuple[str, ...], row: Row) -> EntryPicker:
    return EntryPicker(lists, kinds, row)


# --- each section: lay out, fill, read ------------------------------------------------------


def _fact_row(row: Row, lists: EntryLists) -> None:
    text = text_box(row, 2)
    text.setPlaceholderText(translate("FactForm", "The fact in a sentence or two"))
    row.add("text", translate("FactForm", "Fact"), text, 0, 0, 3)
    _date(row, "date", translate("FactForm", "Date"), 1, 0)


def _fact_fill(row: Row, f: FactInput) -> None:
    set_text(row.fields["text"], f.text)
    set_text(row.fields["date"], f.date)


def _fact_read(row: Row) -> FactInput:
    return FactInput(row.text("text"), row.text("date"), citations_of(row), row.row_id)


def _role_row(row: Row, lists: EntryLists) -> None:
    title = QLineEdit(row)
    title.setPlaceholderText(translate("FactForm", "As the source states it"))
    row.add("title", translate("FactForm", "Title"), title, 0, 0, 3)
    row.add(
        "organization", translate("FactForm", "Organization"), _picker(lists, ("organization",), row), 1, 0, 3
    )
    row.add("country", translate("FactForm", "Country"), _picker(lists, ("country",), row), 2, 0, 3)
    _date(row, "as_of", translate("FactForm", "As of"), 3, 0)
    _date(row, "start", translate("FactForm", "From"), 3, 1)
    _date(row, "end", translate("FactForm", "Until"), 3, 2)


def _role_fill(row: Row, r: RoleInput) -> None:
    for key in ("title", "organization", "country", "as_of", "start", "end"):
        set_text(row.fields[key], getattr(r, key))


def _role_read(row: Row) -> RoleInput:
    return RoleInput(
        row.text("title"),
        row.text("organization"),
        row.text("country"),
        row.text("as_of"),
        row.text("start"),
        row.text("end"),
        row.row_id,
        citations_of(row),
    )


def _membership_row(row: Row, lists: EntryLists) -> None:
    row.add("organization", translate("FactForm", "Member of"), _picker(lists, MEMBER_OF_KINDS, row), 0, 0, 2)
    row.add("status", translate("FactForm", "As"), choices(row, MEMBERSHIP_STATUS_LABELS, "Vocabulary"), 0, 2)
    _date(row, "start", translate("FactForm", "From"), 1, 0)
    _date(row, "end", translate("FactForm", "Until"), 1, 1)


def _membership_fill(row: Row, ms: MembershipInput) -> None:
    for key in ("organization", "status", "start", "end"):
        set_text(row.fields[key], getattr(ms, key))


def _membership_read(row: Row) -> MembershipInput:
    return MembershipInput(
        row.text("organization"),
        row.text("status"),
        row.text("start"),
        row.text("end"),
        citations_of(row),
        row.row_id,
    )


def _participant_row(row: Row, lists: EntryLists) -> None:
    row.add("entry", translate("FactForm", "Who"), _picker(lists, PARTICIPANT_KINDS, row), 0, 0, 2)
    row.add("role", translate("FactForm", "As"), choices(row, PARTICIPANT_ROLE_LABELS, "Vocabulary"), 0, 2)


def _party_row(row: Row, lists: EntryLists) -> None:
    row.add("entry", translate("FactForm", "Who"), _picker(lists, PARTY_KINDS, row), 0, 0, 2)
    row.add("role", translate("FactForm", "As"), choices(row, PARTY_ROLE_LABELS, "Vocabulary"), 0, 2)


def _who_fill(row: Row, p: ParticipantInput | PartyInput) -> None:
    set_text(row.fields["entry"], p.entry)
    set_text(row.fields["role"], p.role)


def _participant_read(row: Row) -> ParticipantInput:
    return ParticipantInput(row.text("entry"), row.text("role"), citations_of(row), row.row_id)


def _party_read(row: Row) -> PartyInput:
    return PartyInput(row.text("entry"), row.text("role"), citations_of(row), row.row_id)


def _statement_row(row: Row, lists: EntryLists) -> None:
    text = text_box(row, 3)
    text.setPlaceholderText(translate("FactForm", "The words as the source gives them"))
    row.add("text", translate("FactForm", "Words"), text, 0, 0, 3)
    row.add("kind", translate("FactForm", "Kind"), choices(row, STATEMENT_KIND_LABELS, "Vocabulary"), 1, 0)
    _date(row, "date", translate("FactForm", "Date"), 1, 1)
    row.add("language", translate("FactForm", "Language"), CodeBox("language", row), 1, 2)
    row.add("event", translate("FactForm", "At"), _picker(lists, EVENT_KINDS, row), 2, 0, 3)
    label = QLineEdit(row)
    label.setPlaceholderText(translate("FactForm", "How the source names the speaker, when it differs"))
    row.add("speaker_label", translate("FactForm", "Speaker as named"), label, 3, 0, 3)


def _statement_fill(row: Row, st: StatementInput) -> None:
    for key in ("text", "kind", "date", "language", "event", "speaker_label"):
        set_text(row.fields[key], getattr(st, key))


def _statement_read(row: Row) -> StatementInput:
    return StatementInput(
        row.text("text"),
        row.text("kind") or "direct",
        row.text("event"),
        row.text("date"),
        row.text("language"),
        row.text("speaker_label"),
        citations_of(row),
        row.row_id,
    )


@dataclass(frozen=True)
class Section:
    key: str  # the EntryInput field: 'facts'
    tab: str  # marked N_("FactForm", ...)
    add_text: str
    row_title: str  # '{n}' is the row's number
    empty: str  # what the tab says when there are none
    movable: bool  # the order is kept (facts)
    build: Callable[[Row, EntryLists], None]
    fill: Callable[[Row, Any], None]
    read: Callable[[Row], Any]


SECTIONS: dict[str, Section] = {
    "facts": Section(
        "facts",
        N_("FactForm", "Facts"),
        N_("FactForm", "Add Fact"),
        N_("FactForm", "fact {n}"),
        N_("FactForm", "No facts yet."),
        True,
        _fact_row,
        _fact_fill,
        _fact_read,
    ),
    "roles": Section(
        "roles",
        N_("FactForm", "Titles"),
        N_("FactForm", "Add Title"),
        N_("FactForm", "title {n}"),
        N_("FactForm", "No titles yet."),
        False,
        _role_row,
        _role_fill,
        _role_read,
    ),
    "memberships": Section(
        "memberships",
        N_("FactForm", "Memberships"),
        N_("FactForm", "Add Membership"),
        N_("FactForm", "membership {n}"),
        N_("FactForm", "No memberships yet."),
        False,
        _membership_row,
        _membership_fill,
        _membership_read,
    ),
    "participants": Section(
        "participants",
        N_("FactForm", "Participants"),
        N_("FactForm", "Add Participant"),
        N_("FactForm", "participant {n}"),
        N_("FactForm", "No participants yet."),
        False,
        _participant_row,
        _who_fill,
        _participant_read,
    ),
    "parties": Section(
        "parties",
        N_("FactForm", "Parties"),
        N_("FactForm", "Add Party"),
        N_("FactForm", "party {n}"),
        N_("FactForm", "No parties yet."),
        False,
        _party_row,
        _who_fill,
        _party_read,
    ),
    "statements": Section(
        "statements",
        N_("FactForm", "Statements"),
        N_("FactForm", "Add Statement"),
        N_("FactForm", "statement {n}"),
        N_("FactForm", "No statements yet."),
        False,
        _statement_row,
        _statement_fill,
        _statement_read,
    ),
}


def section_list(
    section: Section, lists: EntryLists, new_source: NewSource | None, parent: QWidget
) -> RowList:
    """The rows of `section`, each with its citations, and an Add button."""

    def make(owner: RowList) -> Row:
        title = translate(_C, section.row_title).format(n=len(owner.rows) + 1)
        row = Row(title, owner, movable=section.movable, framed=True)
        section.build(row, lists)
        row.place_buttons(0, 6)
        layout = row.layout()
        assert layout is not None
        layout.addWidget(citation_list(row, lists, new_source))
        return row

    return RowList(translate(_C, section.add_text), make, parent, empty_text=translate(_C, section.empty))


def fill_section(section: Section, rows: RowList, items: tuple[Any, ...]) -> None:
    for item in items:
        row = rows.add()
        row.row_id = item.id
        section.fill(row, item)
        fill_citations(row, item.citations)


def read_section(section: Section, rows: RowList) -> tuple[Any, ...]:
    return tuple(section.read(row) for row in rows.rows)
