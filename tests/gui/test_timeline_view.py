"""The Timeline view (app/gui/timeline/): a year drawn as the year, a click opens the entry, the
pictures it exports are real PNG and SVG, and the sidebar and View ▸ Timeline show it."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.gui.main_window import MainWindow
from app.gui.timeline.feature import TIMELINE_ITEM
from app.gui.timeline.view import TimelineView
from app.services.library import Library
from app.services.relation_filters import MEMBER_OF, RelationFilters


def _person_with_titles(db: Database) -> int:
    """Gamma, an Envoy known only as of 2019 and a Chair as of 4 March 2022."""
    stamp = "2025-01-01T00:00:00.000000+00:00"
    conn = db.connect()
    try:
        conn.execute("BEGIN IMMEDIATE")
        cur = conn.execute(
            "INSERT INTO entity (uid, kind, slug, name, summary, created_at, updated_at) "
            "VALUES ('uid-gamma', 'person', 'gamma', 'Gamma', '', ?, ?)",
            (stamp, stamp),
        )
        pid = int(cur.lastrowid or 0)
        conn.execute("INSERT INTO person (id) VALUES (?)", (pid,))
        conn.execute("INSERT INTO role (person_id, title, as_of) VALUES (?, 'Envoy', '2019')", (pid,))
        conn.execute("INSERT INTO role (person_id, title, as_of) VALUES (?, 'Chair', '2022-03-04')", (pid,))
        conn.execute("COMMIT")
    finally:
        conn.close()
    return pid


def _view(qtbot: QtBot, db: Database) -> TimelineView:
    view = TimelineView(Library(db), in_background=False)
    qtbot.addWidget(view)
    view.resize(1000, 500)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_a_year_precision_date_is_drawn_over_the_whole_year(qtbot: QtBot, mini_db: Database) -> None:
    pid = _person_with_titles(mini_db)
    view = _view(qtbot, mini_db)
    canvas = view.canvas
    canvas.show_days(dt.date(2018, 1, 1), dt.date(2023, 12, 31))
    canvas.read_visible()
    canvas.viewport().grab()
    placed = {p.item.label: p for p in canvas.placed() if p.item.entry_id == pid}
    envoy = placed["Envoy"].rect
    assert envoy.left() == canvas.x_of(dt.date(2019, 1, 1).toordinal())
    assert envoy.right() == canvas.x_of(dt.date(2019, 12, 31).toordinal() + 1)
    assert envoy.width() > 100  # six years across about 800 px: a year is ~130 px, a day under 1
    chair = placed["Chair"].rect  # a day: a marker on that day, a few pixels wide
    day_x = canvas.x_of(dt.date(2022, 3, 4).toordinal())
    assert chair.left() <= day_x and chair.right() >= day_x and chair.width() < 20


def test_clicking_an_item_opens_its_entry(qtbot: QtBot, window: MainWindow) -> None:
    window.timeline.show()  # type: ignore[attr-defined]
    view: TimelineView = window.timeline.view  # type: ignore[attr-defined]
    assert window.list_stack.currentWidget() is view
    assert window.sidebar.current_key() == TIMELINE_ITEM
    qtbot.waitUntil(lambda: len(view.canvas.lanes) > 0, timeout=10_000)
    canvas = view.canvas
    canvas.fit()
    canvas.read_visible()
    canvas.viewport().grab()
    shown = window.detail_view.detail.ref.id if window.detail_view.detail is not None else None
    target = next(p for p in canvas.placed() if p.item.entry_id != shown)
    slug = (
        window.library.db.read()
        .execute("SELECT slug FROM entity WHERE id = ?", (target.item.entry_id,))
        .fetchone()[0]
    )
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=target.rect.center().toPoint())
    assert window.detail_view.detail is not None and window.detail_view.detail.ref.slug == slug
    assert window.list_stack.currentWidget() is view  # the timeline stays beside the entry


def test_view_menu_and_shortcut_show_the_timeline(qtbot: QtBot, window: MainWindow) -> None:
    window.sidebar.select_kind("person")
    action = window.timeline.action  # type: ignore[attr-defined]
    assert action in window.view_menu.actions()
    assert action.shortcut().toString() == "Ctrl+Shift+L"
    action.trigger()
    assert window.list_stack.currentWidget() is window.timeline.view  # type: ignore[attr-defined]
    assert window.sidebar.current_key() == TIMELINE_ITEM


def test_exports_are_a_png_and_an_svg(qtbot: QtBot, seeded_db: Database, tmp_path: Path) -> None:
    view = _view(qtbot, seeded_db)
    view.canvas.fit()
    svg = tmp_path / "timeline.svg"
    png = tmp_path / "timeline.png"
    view.export(svg, "svg")
    view.export(png, "png")
    root = ET.parse(svg).getroot()
    assert root.tag.endswith("svg")
    texts = "".join(root.itertext())
    assert "Memberships" in texts  # the legend is part of the picture
    image = QImage(str(png))
    assert not image.isNull() and image.width() >= view.canvas.viewport().width()
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_render_to_draws_into_a_printers_rectangle(qtbot: QtBot, seeded_db: Database) -> None:
    view = _view(qtbot, seeded_db)
    view.canvas.fit()
    image = QImage(600, 300, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    view.render_to(painter, QRectF(0, 0, 600, 300))
    painter.end()
    assert image.pixelColor(5, 5).alpha() == 255  # painted from its corner
    colours = {image.pixel(x, y) for x in range(0, 600, 7) for y in range(0, 300, 7)}
    assert len(colours) > 3  # lanes, names and items, not a blank rectangle


def test_filters_remove_exactly_the_filtered_items_from_the_view(qtbot: QtBot, seeded_db: Database) -> None:
    view = _view(qtbot, seeded_db)
    everything = {i.key for items in view._items_of(view.canvas.lanes.ids).values() for i in items}
    view.set_filters(RelationFilters(relations=frozenset({MEMBER_OF})))
    kept = {i.key for items in view._items_of(view.canvas.lanes.ids).values() for i in items}
    titles = {("role", int(r[0])) for r in seeded_db.read().execute("SELECT id FROM role")}
    assert kept == everything - titles
    assert titles & everything


def test_lane_names_in_the_chosen_script(qtbot: QtBot, mini_db: Database) -> None:
    view = TimelineView(Library(mini_db), lambda script, ids: {i: "阿尔法" for i in ids}, in_background=False)
    qtbot.addWidget(view)
    view.resize(900, 400)
    view.show()
    from app.gui import name_script
    from app.gui.settings import settings

    settings().setValue(name_script.KEY, "Hans")
    view.canvas.refresh_names()
    view.canvas.read_visible()
    view.canvas.viewport().grab()
    lane = view.canvas.lanes.ids[0]
    assert view.canvas._names[lane] == "阿尔法"
    assert view.canvas.lane_at(10, view.canvas.axis_height + 5) == lane


def test_a_frame_never_waits_for_the_database(qtbot: QtBot, seeded_db: Database) -> None:
    view = _view(qtbot, seeded_db)
    canvas = view.canvas
    canvas.read_visible()
    canvas.viewport().grab()
    read: list[int] = []
    items_of = canvas.items_of
    assert items_of is not None
    canvas.items_of = lambda ids: read.append(len(ids)) or items_of(ids)
    bar = canvas.verticalScrollBar()
    assert bar.maximum() > canvas.visible_rows()  # the last lanes were not read ahead
    bar.setValue(bar.maximum())
    canvas.viewport().grab()  # the frame: lanes drawn empty, nothing read
    assert read == []
    qtbot.waitUntil(lambda: bool(read))  # read just after, then painted with their names
    qtbot.waitUntil(lambda: canvas.lanes.ids[-1] in canvas._static)
    assert canvas._static[canvas.lanes.ids[-1]].text()
