"""The Timeline's frames stay within one frame over a big library (issue 23): a read between
frames stops at its time budget and a frame lays out new text only until its own, the rest
following in the next steps; exports still draw everything at once."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.gui.timeline import canvas as canvas_module
from app.gui.timeline.view import TimelineView
from app.services.library import Library


def _view(qtbot: QtBot, db: Database) -> TimelineView:
    view = TimelineView(Library(db), in_background=False)
    qtbot.addWidget(view)
    view.resize(1000, 500)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_a_read_between_frames_stops_at_its_budget(
    qtbot: QtBot, seeded_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    canvas = _view(qtbot, seeded_db).canvas
    canvas.read_visible()
    canvas.viewport().grab()
    read: list[int] = []
    items_of = canvas.items_of
    assert items_of is not None
    canvas.items_of = lambda ids: read.append(len(ids)) or items_of(ids)
    monkeypatch.setattr(canvas_module, "READ_BUDGET", -1.0)  # spent before the step begins
    bar = canvas.verticalScrollBar()
    bar.setValue(bar.maximum())
    first, last = canvas._lane_range()
    shown = canvas.lanes.ids[first:last]
    assert len(shown) > canvas_module.READ_CHUNK
    canvas._prefetch(canvas.lanes)
    # One query of a few lanes, not the whole screen at once; their names come with them.
    assert read == [canvas_module.READ_CHUNK]
    assert all(i in canvas._names for i in shown[: canvas_module.READ_CHUNK])
    qtbot.waitUntil(lambda: all(i in canvas._names and i in canvas._items for i in shown))
    assert max(read) == canvas_module.READ_CHUNK


def test_a_frame_lays_out_text_until_its_budget_and_the_next_frames_the_rest(
    qtbot: QtBot, seeded_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    canvas = _view(qtbot, seeded_db).canvas
    canvas.read_visible()
    monkeypatch.setattr(canvas_module, "LAYOUT_BUDGET", -1.0)  # spent before the frame begins
    canvas.refresh_names()
    canvas._labels.clear()
    canvas.read_visible()
    canvas.viewport().grab()
    assert len(canvas._static) + len(canvas._labels) == 1  # every frame lays out at least one
    first, last = canvas._lane_range()
    shown = canvas.lanes.ids[first:last]
    qtbot.waitUntil(lambda: all(i in canvas._static for i in shown))
    assert all(canvas._static[i].text() for i in shown)


def test_an_export_lays_out_all_its_text_whatever_the_budget(
    qtbot: QtBot, seeded_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    canvas = _view(qtbot, seeded_db).canvas
    monkeypatch.setattr(canvas_module, "LAYOUT_BUDGET", -1.0)
    image = QImage(1000, 500, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    canvas.render_to(painter, QRectF(0, 0, 1000, 500))
    painter.end()
    first, last = canvas._lane_range()
    assert all(i in canvas._static for i in canvas.lanes.ids[first:last])


def _days_shown(view: TimelineView) -> tuple[float, float]:
    canvas = view.canvas
    return canvas.day_at(canvas_module.LABEL_WIDTH), canvas.day_at(canvas.viewport().width())


def test_the_first_view_spans_the_lanes_in_view_and_fit_shows_all_time(
    qtbot: QtBot, seeded_db: Database
) -> None:
    view = _view(qtbot, seeded_db)
    canvas = view.canvas
    first, last = canvas._lane_range()
    shown = canvas.lanes.ids[first:last]
    qtbot.waitUntil(lambda: all(i in canvas._items for i in shown))
    qtbot.waitUntil(lambda: not canvas._opening)
    items = [item for lane in shown for item, _slot, _slots in canvas._items[lane]]
    begin = min(item.first for item in items).toordinal()
    end = max(max(item.last, canvas.today) if item.open_end else item.last for item in items).toordinal() + 1
    left, right = _days_shown(view)
    assert left <= begin and right >= end  # every item in view is on screen…
    assert right - left <= max(end - begin, 366) * 1.1  # …and little else
    all_time = canvas.last_day.toordinal() - canvas.first_day.toordinal()
    assert right - left < all_time  # the bundled data's sixty years would crowd them
    view.resize(1300, 500)  # a wider pane fits the same days
    qtbot.waitUntil(lambda: canvas.viewport().width() > 1100)
    left, right = _days_shown(view)
    assert left <= begin and right >= end and right - left <= max(end - begin, 366) * 1.1
    view.fit_button.click()
    left, right = _days_shown(view)
    assert left <= canvas.first_day.toordinal() and right >= canvas.last_day.toordinal()


def test_the_first_view_stays_where_the_researcher_zoomed_before_the_lanes_were_read(
    qtbot: QtBot, seeded_db: Database
) -> None:
    view = TimelineView(Library(seeded_db), in_background=False)
    qtbot.addWidget(view)
    view.resize(1000, 500)
    view.show()  # the lanes' ids now, their items just after the first frame
    canvas = view.canvas
    assert canvas._opening
    canvas.zoom(2.0)
    zoomed, left = canvas.px_per_day, canvas.left
    canvas.read_visible()
    qtbot.wait(50)
    assert not canvas._opening
    assert (canvas.px_per_day, canvas.left) == (zoomed, left)
