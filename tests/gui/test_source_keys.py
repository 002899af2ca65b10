"""A source's citation key and DOI in its forms (New Source, and Edit for one that exists):
checked, the DOI tidied, the key unique in the library, one undo step; a source without a key
shows the key export --bib would give it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit
from pytestqt.qtbot import QtBot

from app.gui.editing import Editing
from app.gui.entry_form import EntryForm
from app.gui.main_window import MainWindow
from app.gui.source_form import SourceForm
from app.services.bibliography import Bibliographies
from tests.gui.conftest import type_text

CTRL = Qt.KeyboardModifier.ControlModifier
SOURCE = "people-cn-2025-09-22-ai-cooperation"


def _stored(window: MainWindow, slug: str) -> tuple[str | None, str | None]:
    row = (
        window.library.db.read()
        .execute(
            "SELECT s.citation_key, s.doi FROM source s JOIN entity e ON e.id = s.id WHERE e.slug = ?",
            (slug,),
        )
        .fetchone()
    )
    return row[0], row[1]


def _line(fields: dict[str, object], key: str) -> QLineEdit:
    widget = fields[key]
    assert isinstance(widget, QLineEdit)
    return widget


def _new_form(qtbot: QtBot, window: MainWindow) -> SourceForm:
    form = SourceForm(window.library, window)
    qtbot.addWidget(form)
    form.show()
    type_text(qtbot, _line(form.fields, "name"), "Digital government in Laos")  # type: ignore[arg-type]
    _line(form.fields, "publisher").setText("Asian Survey")  # type: ignore[arg-type]
    form.fields["authors"].setPlainText("Vongdara, Boviengkham")  # type: ignore[union-attr]
    _line(form.fields, "published").setText("2024-03")  # type: ignore[arg-type]
    return form


def test_a_blank_key_shows_the_one_export_would_give(qtbot: QtBot, window: MainWindow) -> None:
    form = _new_form(qtbot, window)
    key = _line(form.fields, "citation_key")  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: key.placeholderText().startswith("vongdara2024digital "))
    assert key.placeholderText() == "vongdara2024digital (given on export if left blank)"
    form.submit()
    assert form.change is not None
    slug = form.change.slug
    assert _stored(window, slug) == (None, None)
    Bibliographies(window.library.db).give_keys()  # what export --bib does first
    assert _stored(window, slug)[0] == "vongdara2024digital"


def test_a_doi_is_tidied_and_a_bad_one_or_a_bad_key_refused(qtbot: QtBot, window: MainWindow) -> None:
    form = _new_form(qtbot, window)
    doi, key = _line(form.fields, "doi"), _line(form.fields, "citation_key")  # type: ignore[arg-type]
    doi.setText("doi:12.34/x")
    key.setText("has space")
    form.submit()
    assert form.change is None
    assert form.errors["doi"].text().startswith("“doi:12.34/x” is not a DOI")
    assert form.errors["citation_key"].text().startswith("“has space” cannot be a citation key")
    doi.setText("https://doi.org/10.1525/AS.2024.64.2.1")
    key.setText("vongdara2024")
    form.submit()
    assert form.change is not None
    assert _stored(window, form.change.slug) == ("vongdara2024", "10.1525/as.2024.64.2.1")


def test_a_key_another_source_has_is_refused_naming_it(qtbot: QtBot, window: MainWindow) -> None:
    with window.library.db.sessions.begin() as session:
        session.connection().exec_driver_sql(
            "UPDATE source SET citation_key = 'people2025china' WHERE id = "
            f"(SELECT id FROM entity WHERE slug = '{SOURCE}')"
        )
    form = _new_form(qtbot, window)
    _line(form.fields, "citation_key").setText("People2025China")  # type: ignore[arg-type]
    form.submit()
    assert form.change is None
    assert form.errors["citation_key"].text() == (
        "“People2025China” is already the citation key of China, ASEAN pledge to strengthen AI cooperation."
    )


def test_editing_a_key_is_one_undo_step(qtbot: QtBot, window: MainWindow) -> None:
    assert _stored(window, SOURCE) == (None, None)
    window.open_entry(SOURCE)
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL)
    editing = window.editing  # type: ignore[attr-defined]
    assert isinstance(editing, Editing)
    form = editing.form
    assert isinstance(form, EntryForm) and form.isVisible()
    slots = {key: slot.widget for key, slot in form.slots.items()}
    key = _line(slots, "citation_key")
    # the key export would give this source (no author: its publisher's first word)
    qtbot.waitUntil(lambda: key.placeholderText().startswith("people2025china "))
    type_text(qtbot, key, "pd2025ai")
    _line(slots, "doi").setText("doi: 10.1000/XYZ")
    qtbot.mouseClick(form.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert not form.isVisible()
    assert _stored(window, SOURCE) == ("pd2025ai", "10.1000/xyz")
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert _stored(window, SOURCE) == (None, None)
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert _stored(window, SOURCE) == ("pd2025ai", "10.1000/xyz")
