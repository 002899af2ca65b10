"""Names in a chosen script reach every place an entry is named (issue #19): the list columns
that name another entry (an official's organization and country, an initiative's parties),
the links of an entry's page, the note editor's "On ..." line and the `[[` completion, which
still inserts the name as written."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.gui import name_script
from app.gui.detail_html import render
from app.gui.main_window import MainWindow
from app.gui.notes.panel import NotesPanel
from app.gui.settings import settings
from app.services.entries import EntryLists


def _row(lists: EntryLists, kind: str, slug: str, script: str) -> tuple[str, ...]:
    ref = lists.ref(slug)
    assert ref is not None
    row = lists.rows(kind, [ref.id], script=script)[0]
    assert row is not None
    return tuple(str(v) for v in row.values)


def test_columns_naming_another_entry_show_it_in_the_script(seeded_db: Database) -> None:
    lists = EntryLists(seeded_db)
    assert _row(lists, "person", "chen-gang", "")[3] == "China"
    name, _title, _organization, country = _row(lists, "person", "chen-gang", "Hans")
    assert (name, country) == ("陈刚", "中国")
    lao = _row(lists, "person", "boviengkham-vongdara", "Laoo")
    assert lao[0] == "ບໍ່ວຽງຄໍາ ວົງດາລາ" and lao[3] != "Laos" and "ລາວ" in lao[3]
    parties = {
        r.values[2] for r in lists.rows("initiative", lists.ids("initiative"), script="Laoo") if r is not None
    }
    # one party of several in Lao, the others as recorded, in the order the column lists them
    assert any("ລາວ" in str(p) and "Guangxi" in str(p) for p in parties)
    # a column naming an entry in the trash names none, in any script
    seeded_db.connect().execute("UPDATE entity SET deleted_at = 't' WHERE slug = 'china'")
    assert _row(lists, "person", "chen-gang", "Hans")[3] == ""


def test_the_page_links_name_entries_in_the_script(seeded_db: Database) -> None:
    lists = EntryLists(seeded_db)
    from app.services.library import Library

    detail = Library(seeded_db).details.get("chen-gang")
    plain = render(detail)
    assert ">China</a>" in plain and ">中国</a>" not in plain
    shown = render(detail, script="Hans", names=lists.names_by_slug)
    assert ">中国</a>" in shown and ">China</a>" not in shown
    assert 'href="entry:china"' in shown  # the link still leads to the entry by its slug


def test_the_note_editor_and_the_completion_name_entries_in_the_script(
    qtbot: QtBot, window: MainWindow
) -> None:
    settings().setValue(name_script.KEY, "Hans")
    window.changes.announce_entries()
    window.open_entry("chen-gang")
    panel = window.findChild(NotesPanel)
    assert panel is not None
    panel.new_note()
    editor = panel.editor
    qtbot.waitUntil(lambda: editor.note is not None)
    assert "陈刚" in editor.header.text() and "Chen Gang" not in editor.header.text()
    assert "陈刚" in panel.new_button.toolTip()
    choices = editor._link_choices("Chen Gang")
    shown, inserted, _tip = next(c for c in choices if c[1] == "Chen Gang")
    assert shown.startswith("Chen Gang  —  陈刚 (") and inserted == "Chen Gang"
    settings().setValue(name_script.KEY, name_script.AS_RECORDED)
    window.changes.announce_entries()
    assert "Chen Gang" in editor.header.text()
    model = window.entry_list.model
    assert model is not None and model.rowCount(QModelIndex()) > 0
