"""Names in a chosen script (issue #19): Preferences ▸ Appearance ▸ Show names in, 陈刚 for
Chen Gang in the list, on the page and in search results, at once; the list still sorts by
the names as recorded, and only the rows read for the screen are looked up."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.gui import name_script
from app.gui.main_window import MainWindow
from app.gui.preference_pages import AppearancePage
from app.gui.search_box import SearchBox
from app.gui.settings import settings
from app.services.entries import EntryLists
from app.services.languages import name_in


def _choose(qtbot: QtBot, window: MainWindow, script: str) -> None:
    dialog = window.preferences.dialog()
    qtbot.addWidget(dialog)
    page = next(p for p in dialog.pages if isinstance(p, AppearancePage))
    at = page.names.findData(script)
    assert at >= 0, script
    page.names.setCurrentIndex(at)
    dialog.accept()


def _listed(window: MainWindow) -> list[str]:
    model = window.entry_list.model
    assert model is not None
    return [str(model.data(model.index(r, 0, QModelIndex()))) for r in range(model.rowCount())]


def test_the_list_page_and_search_show_names_in_the_chosen_script(qtbot: QtBot, window: MainWindow) -> None:
    window.open_entry("chen-gang")
    dialog = window.preferences.dialog()
    qtbot.addWidget(dialog)
    page = next(p for p in dialog.pages if isinstance(p, AppearancePage))
    offered = [page.names.itemText(i) for i in range(page.names.count())]
    # The two Chinese scripts always; the region's others that the library's names are in.
    assert offered[:3] == ["As recorded", "Simplified Chinese", "Traditional Chinese"]
    assert {"Lao script", "Thai script", "Khmer script", "Myanmar script", "Latin"} <= set(offered)
    dialog.reject()

    _choose(qtbot, window, "Hans")
    assert settings().value(name_script.KEY) == "Hans"
    listed = _listed(window)
    assert "陈刚" in listed and "韦韬" in listed and "Chen Gang" not in listed
    assert "Sok Puthyvuth" in listed and "高金洪" in listed  # no name in Chinese: as recorded
    html = window.detail_view.toHtml()
    assert "陈刚" in window.detail_view.toPlainText().splitlines()[0]
    assert "Chen Gang · Official · chen-gang" in window.detail_view.toPlainText(), html

    box = window.findChild(SearchBox)
    assert box is not None
    box.summon("Chen Gang")
    qtbot.waitUntil(lambda: box.panel.model.results.text == "Chen Gang" and box.panel.isVisible())
    titles = [h.title for h in box.panel.model.results.hits if h.slug == "chen-gang" and h.note_id is None]
    assert titles and set(titles) == {"陈刚"}

    _choose(qtbot, window, "Hant")
    assert "陳剛" in _listed(window)
    _choose(qtbot, window, name_script.AS_RECORDED)
    assert "Chen Gang" in _listed(window)
    assert window.detail_view.toPlainText().splitlines()[0] == "Chen Gang"


def test_rows_are_named_for_the_ids_read_only(seeded_db: Database) -> None:
    lists = EntryLists(seeded_db)
    ids = lists.ids("person")
    shown = {r.slug: r.values[0] for r in lists.rows("person", ids, script="Hans") if r is not None}
    # Sok Puthyvuth has no name in Chinese characters: as recorded
    assert shown["chen-gang"] == "陈刚" and shown["sok-puthyvuth"] == "Sok Puthyvuth"
    assert shown["kao-kim-hourn"] == "高金洪"
    recorded = {r.slug: r.values[0] for r in lists.rows("person", ids) if r is not None}
    assert recorded["chen-gang"] == "Chen Gang"
    countries = {r.slug: r.values[0] for r in lists.rows("country", lists.ids("country"), script="Laoo") if r}
    assert countries["laos"] == "ລາວ"  # its name in Lao script before its official name there
    assert countries["china"] == "ຈີນ"
    people = {r.slug: r.values[0] for r in lists.rows("person", ids, script="Laoo") if r}
    assert people["chen-gang"] == "Chen Gang"  # none in Lao script: as recorded
    assert people["boviengkham-vongdara"] == "ບໍ່ວຽງຄໍາ ວົງດາລາ"


def test_a_name_stands_before_an_official_name_and_former_names_never_do() -> None:
    aliases = [
        ("中华人民共和国", "zh-Hans", "Hans", "official_name"),
        ("中国", "zh-Hans", None, "name"),
        ("旧名", "zh-Hans", "Hans", "former_name"),
    ]
    assert name_in("Hans", aliases) == "中国"
    assert name_in("Hans", aliases[:1]) == "中华人民共和国"
    assert name_in("Hans", aliases[2:]) is None
    assert name_in("Hant", aliases) is None
