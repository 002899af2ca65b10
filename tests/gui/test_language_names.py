"""Languages and scripts by name (issue #19): the forms pick them from lists of names in the
interface language, the region's first, and store the same codes as before; the entry page
names them instead of showing the codes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from app.gui.detail_html import render
from app.gui.editing import Editing
from app.gui.entry_form import EntryForm
from app.gui.fact_rows import Row
from app.gui.language_names import CodeBox, language_name, script_name
from app.gui.main_window import MainWindow
from app.records.entries import AliasView, EntryDetail, Ref

CTRL = Qt.KeyboardModifier.ControlModifier


def _form(qtbot: QtBot, window: MainWindow, slug: str) -> EntryForm:
    window.open_entry(slug)
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL)
    editing = window.editing  # type: ignore[attr-defined]
    assert isinstance(editing, Editing)
    assert editing.form is not None
    return editing.form


def _box(row: Row, key: str) -> CodeBox:
    box = row.fields[key]
    assert isinstance(box, CodeBox)
    return box


def test_a_language_list_names_the_regions_languages_first() -> None:
    box = CodeBox("language")
    shown = [box.itemText(i) for i in range(1, 5)]
    assert shown == [
        "Chinese (Simplified) — zh-Hans",
        "Chinese (Traditional) — zh-Hant",
        "English — en",
        "Lao — lo",
    ]
    script = CodeBox("script")
    assert script.itemText(1) == "Simplified Chinese — Hans"


def test_a_box_keeps_any_code_typed_and_takes_a_name_for_its_code() -> None:
    box = CodeBox("language")
    for typed, stored in [("Lao", "lo"), ("zh-hant", "zh-Hant"), ("de", "de"), ("  ", ""), ("lo", "lo")]:
        box.setEditText(typed)
        assert box.value() == stored, typed
    box.set_value("de-CH")  # stored by an older version: kept, and named as Qt names it
    assert box.currentText() == "German — de-CH" and box.value() == "de-CH"
    assert language_name("qqq") == "qqq" and script_name("Zzzz") == "Zzzz"
    assert script_name("Arab") == "Arabic"


def test_other_names_are_picked_by_name_and_stored_as_codes(qtbot: QtBot, window: MainWindow) -> None:
    form = _form(qtbot, window, "chen-gang")
    rows = {r.text("value"): r for r in form.alias_rows}
    traditional = rows["陳剛"]
    assert _box(traditional, "language").currentText() == "Chinese (Traditional) — zh-Hant"
    assert _box(traditional, "script").currentText() == "Traditional Chinese — Hant"
    row = form.add_alias(focus=True)
    row.fields["value"].setText("Chen Gang")  # type: ignore[union-attr]
    language = _box(row, "language")
    language.setCurrentIndex(language.findText("Vietnamese — vi"))
    _box(row, "script").setEditText("Latin")
    qtbot.mouseClick(form.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    ref = window.library.entries.ref("chen-gang")
    assert ref is not None
    stored = {(a.value, a.language, a.script) for a in window.library.editor.form(ref.id).aliases}
    assert {("陳剛", "zh-Hant", "Hant"), ("陈刚", "zh-Hans", "Hans"), ("Chen Gang", "vi", "Latn")} <= stored


def test_the_page_names_languages_scripts_and_kinds_in_words() -> None:
    detail = EntryDetail(
        ref=Ref(1, "country", "laos", "Laos"),
        uid="u",
        summary="",
        created_at="2026-01-01",
        updated_at="2026-01-01",
        deleted_at=None,
        aliases=(
            AliasView("ສາທາລະນະລັດ ປະຊາທິປະໄຕ ປະຊາຊົນລາວ", "lo", "Laoo", "official_name", ()),
            AliasView("陳剛", "zh", "Hant", "name", ()),
            AliasView("Lao PDR", None, None, "abbreviation", ()),
        ),
    )
    html = render(detail)
    # under the language's own name, then the interface's word for it (tests/gui/test_detail_region_names.py)
    assert (
        "ລາວ<br><small>Lao</small></th><td>ສາທາລະນະລັດ ປະຊາທິປະໄຕ ປະຊາຊົນລາວ <small>(official name)</small>"
        in html
    )
    assert "陳剛 <small>(Traditional Chinese)</small>" in html
    assert "(abbreviation)" in html
    assert "Laoo" not in html and "official_name" not in html
