"""The views on a generated database with 100,000 officials: filter, sort, scroll to the end,
open an entry. Behaviour only (counts, order); timings belong to `make bench`."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from app.db.database import Database, open_database
from app.gui.detail_html import LISTED
from app.gui.main_window import MainWindow
from app.services.entries import EntryLists
from app.services.library import Library
from benchmarks.generate import generate
from tests.conftest import copy_db
from tests.gui.conftest import type_text

PEOPLE = 100_000


@pytest.fixture(scope="session")
def large_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("large") / "large.sqlite3"
    generate(path, people=PEOPLE, initiatives=200, notes=0, seed=7)
    return path


@pytest.fixture
def large_db(large_template: Path, tmp_path: Path) -> Iterator[Database]:
    db = open_database(copy_db(large_template, tmp_path / "large.sqlite3"))
    yield db
    db.close()


@pytest.fixture
def large_window(qtbot: QtBot, large_db: Database) -> MainWindow:
    win = MainWindow(Library(large_db))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_generator_is_deterministic(tmp_path: Path) -> None:
    dumps = []
    for name in ("a", "b"):
        path = tmp_path / f"{name}.sqlite3"
        generate(path, people=300, initiatives=100, notes=50, seed=3)
        db = open_database(path)
        try:
            conn = db.read()
            dumps.append(
                [conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in ("entity", "role", "note")]
            )
        finally:
            db.close()
    assert dumps[0] == dumps[1]
    notes = dumps[0][2]
    assert all(900 <= len(n[4].encode("utf-8")) <= 1400 for n in notes)  # about 1 KB each


def test_a_tenth_of_names_are_in_other_scripts(large_db: Database) -> None:
    latin = (
        large_db.read()
        .execute(
            "SELECT count(*) FROM entity WHERE kind = 'person' AND unicode(name) < 0x250"
        )  # Latin letters end at U+024F
        .fetchone()[0]
    )
    assert 0.85 * PEOPLE < latin < 0.95 * PEOPLE


def test_list_scrolls_to_the_end_by_fetching_more(qtbot: QtBot, large_window: MainWindow) -> None:
    entries = large_window.entry_list
    model = entries.model
    assert model is not None and model.kind == "person"
    assert model.rowCount() == model.PAGE  # the first page paints at once ...
    # ... and the count follows, once every id has been read in the background
    qtbot.waitUntil(lambda: entries.status.text() == f"{PEOPLE} of {PEOPLE} officials")
    assert model.rowCount() == model.PAGE  # not every row at once
    model.PAGE = 2000  # fewer round trips for the test; the view still pages through fetchMore
    table = entries.table
    fetches = 0
    while model.canFetchMore(model.index(-1, -1)):
        table.scrollToBottom()
        qtbot.wait(1)  # the view asks the model for more when it reaches the bottom
        fetches += 1
        assert fetches < 2 * PEOPLE // model.PAGE
    assert model.rowCount() == PEOPLE
    names = [model.data(model.index(r, 0)) for r in (PEOPLE - 3, PEOPLE - 2, PEOPLE - 1)]
    assert all(names) and names == sorted(names, key=str.casefold)
    table.selectRow(PEOPLE - 1)
    detail = large_window.detail_view.detail
    assert detail is not None and detail.ref.slug == model.slug_at(PEOPLE - 1)
    assert detail.roles  # generated officials hold titles, with citations
    assert all(r.citations for r in detail.roles)


def test_filter_and_sort_the_large_list(qtbot: QtBot, large_window: MainWindow, large_db: Database) -> None:
    entries = large_window.entry_list
    expected = EntryLists(large_db).count("person", "ປັນຍາ")
    type_text(qtbot, entries.filter, "Bao Chen")
    lists = EntryLists(large_db)
    matching = lists.count("person", "Bao Chen")
    assert 0 < matching < PEOPLE
    qtbot.waitUntil(lambda: entries.status.text() == f"{matching} of {PEOPLE} officials")
    model = entries.model
    assert model is not None
    header = entries.table.horizontalHeader()
    x = header.sectionViewportPosition(3) + 5  # Country
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    countries = [model.data(model.index(r, 3)) for r in range(model.rowCount())]
    assert countries == sorted(countries, key=str.casefold)
    assert model.matching == matching
    assert expected == 0  # Lao names are people's names, not these words


def test_open_an_entry_far_down_the_list(qtbot: QtBot, large_window: MainWindow, large_db: Database) -> None:
    last = EntryLists(large_db).page("person", offset=PEOPLE - 1, limit=1).rows[0]
    model = large_window.entry_list.model
    assert model is not None
    assert large_window.open_entry(last.slug)
    assert (
        large_window.detail_view.detail is not None and large_window.detail_view.detail.ref.slug == last.slug
    )
    # its row is chosen once the list has arrived (in the background, if it had not yet)
    qtbot.waitUntil(lambda: large_window.entry_list.current_slug() == last.slug, timeout=30_000)
    assert model.rowCount() == PEOPLE


def test_a_country_with_thousands_of_officials_lists_the_first_and_counts_the_rest(
    large_window: MainWindow, large_db: Database
) -> None:
    conn = large_db.read()
    slug, officials = conn.execute(
        "SELECT e.slug, count(DISTINCT r.person_id) FROM role r JOIN entity e ON e.id = r.country_id "
        "GROUP BY r.country_id ORDER BY 2 DESC LIMIT 1"
    ).fetchone()
    assert officials > LISTED
    assert large_window.open_entry(slug)
    page = large_window.detail_view.toPlainText()
    listed = large_window.detail_view.detail
    assert listed is not None
    group = next(g for g in listed.related if g.title == "Officials")
    more = f"… and {len(group.links) - LISTED} more, not listed here"
    section = page.split("\nOfficials\n", 1)[1].split(more, 1)[0]
    assert len([line for line in section.splitlines() if line.strip()]) == LISTED
    assert group.links[0].ref.name in section and more in page
