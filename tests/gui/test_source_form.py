"""New Source (app/gui/source_form.py): a real title and publisher, one undoable step."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from app.gui.language_names import CodeBox
from app.gui.main_window import MainWindow
from app.gui.source_form import SourceForm, new_source
from tests.gui.conftest import type_text

SAVE = QDialogButtonBox.StandardButton.Save


def _open_form(window: MainWindow) -> SourceForm:
    forms = [f for f in window.findChildren(SourceForm) if f.isVisible()]
    assert len(forms) == 1
    return forms[0]


def _when_shown(window: MainWindow, act: Callable[[SourceForm], None]) -> list[BaseException]:
    """Run `act` on the form once new_source has shown it (it waits in its own loop)."""
    problems: list[BaseException] = []

    def run() -> None:
        try:
            act(_open_form(window))
        except BaseException as exc:  # reported by the test, not lost inside the dialog's loop
            problems.append(exc)
            _open_form(window).reject()

    QTimer.singleShot(0, run)
    return problems


def test_a_missing_publisher_is_said_and_nothing_is_saved_until_given(
    qtbot: QtBot, window: MainWindow
) -> None:
    before = window.library.entries.counts()["source"]
    seen: dict[str, str] = {}

    def fill(form: SourceForm) -> None:
        title = form.fields["name"]
        assert isinstance(title, QLineEdit)
        type_text(qtbot, title, "Laos launches national AI strategy")
        form.buttons.button(SAVE).click()
        seen["publisher"] = form.errors["publisher"].text()
        seen["shown"] = str(form.errors["publisher"].isVisibleTo(form))
        seen["summary"] = form.summary_error.text()
        assert window.library.entries.counts()["source"] == before  # nothing saved yet
        publisher = form.fields["publisher"]
        assert isinstance(publisher, QLineEdit)
        type_text(qtbot, publisher, "unknown")
        form.buttons.button(SAVE).click()
        seen["placeholder"] = form.errors["publisher"].text()
        publisher.setText("Laotian Times")
        authors = form.fields["authors"]
        assert isinstance(authors, QPlainTextEdit)
        authors.setPlainText("Phonesavanh Sangsomboun\nSomsack Pongkhao")
        language = form.fields["language"]
        assert isinstance(language, CodeBox)
        language.setCurrentIndex(language.findText("Lao — lo"))  # picked by name
        type_text(qtbot, form.fields["published"], "2026-01")  # type: ignore[arg-type]
        form.buttons.button(SAVE).click()

    problems = _when_shown(window, fill)
    ref = new_source(window, window.library)
    assert not problems, problems
    assert seen["publisher"].startswith("A publisher is required")
    assert seen["shown"] == "True"
    assert seen["summary"].startswith("Nothing was saved")
    assert seen["placeholder"].startswith("“unknown” is not a publisher")
    assert ref is not None and ref.kind == "source" and ref.name == "Laos launches national AI strategy"
    form = window.library.editor.form(ref.id)
    assert form.values["publisher"] == "Laotian Times"
    assert form.values["authors"] == "Phonesavanh Sangsomboun\nSomsack Pongkhao"
    assert (form.values["language"], form.values["published"]) == ("lo", "2026-01")

    editing = window.editing  # type: ignore[attr-defined]
    assert editing.undo_action.text().replace("&", "") == "Undo Create “Laos launches national AI strategy”"
    editing.undo_action.trigger()
    assert window.library.entries.ref(ref.slug) is None


def test_cancel_creates_nothing(qtbot: QtBot, window: MainWindow) -> None:
    before = window.library.entries.counts()["source"]
    problems = _when_shown(window, lambda form: form.reject())
    assert new_source(window, window.library, name="Draft title") is None
    assert not problems
    assert window.library.entries.counts()["source"] == before
