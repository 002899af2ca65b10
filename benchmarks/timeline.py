"""The Timeline over the generated library (100,000 officials, 1–3 titles each): frames while
scrolling through the lanes and zooming from decades to days, each frame timed from the
scroll or zoom to the canvas painted. Run by benchmarks/run.py in a process of its own; prints
one JSON object.

    python -m benchmarks.timeline --db FILE [--frames N]

The floor of every frame is a bare widget of the same size painting as many rectangles as the
timeline drew in that frame, nothing else: what painting the visible items costs at least. The
timeline's frames also read the items of lanes scrolled into view (jumps far down the lanes
read a screen of them) and lay them out; the lanes' ids are read once, off the window's thread
in the app (timed here on its own, as `lanes_ms`).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QApplication, QWidget

from app.db.database import open_database
from app.gui.timeline.canvas import READ_CHUNK
from app.gui.timeline.view import TimelineView, _read_lanes
from app.services.library import Library
from app.services.relation_filters import RelationFilters
from app.services.timeline import BY_ENTRY, DEFAULT_ITEM_KINDS

WIDTH, HEIGHT = 1280, 760  # the window's own default size


class Floor(QWidget):
    """A bare widget painting `count` rectangles; `times` holds each paint's duration (ms)."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0
        self.times: list[float] = []

    def paintEvent(self, event: QPaintEvent) -> None:
        start = time.perf_counter()
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().base())
        colour = QColor("#0072B2")
        width = self.width()
        for n in range(self.count):
            painter.fillRect(QRectF((n * 37) % width, (n * 11) % self.height(), 60, 12), colour)
        painter.end()
        self.times.append((time.perf_counter() - start) * 1000)


def measure(db_path: Path, frames: int) -> dict[str, object]:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    db = open_database(db_path)
    started = time.perf_counter()
    lanes, _extent = _read_lanes(Library(db), BY_ENTRY, RelationFilters(), DEFAULT_ITEM_KINDS)
    lanes_ms = (time.perf_counter() - started) * 1000
    view = TimelineView(Library(db), in_background=False)
    view.resize(WIDTH, HEIGHT)
    view.show()
    app.processEvents()
    floor = Floor()
    floor.resize(view.canvas.viewport().size())
    floor.show()
    app.processEvents()
    canvas = view.canvas
    canvas.fit()
    canvas.viewport().repaint()
    app.processEvents()

    # Every paint of the canvas and every read between frames, however it was caused (a
    # scroll's paint, the read of lanes come into view, the paint after it).
    paints: list[float] = []
    drawn: list[int] = []
    reads: list[float] = []
    paint_scene = canvas.paint_scene
    prefetch = canvas._prefetch

    cpu: list[float] = []  # the same paints in this thread's processor time (the machine is shared)

    def timed_paint(painter: QPainter, width: int, height: int, *, all_text: bool = False) -> None:
        start, used = time.perf_counter(), time.thread_time()
        paint_scene(painter, width, height, all_text=all_text)
        paints.append((time.perf_counter() - start) * 1000)
        cpu.append((time.thread_time() - used) * 1000)
        drawn.append(len(canvas.placed()))

    def timed_read(*args: Any) -> None:
        start = time.perf_counter()
        prefetch(*args)
        reads.append((time.perf_counter() - start) * 1000)

    canvas.paint_scene = timed_paint  # type: ignore[method-assign]
    canvas._prefetch = timed_read  # type: ignore[method-assign,assignment]

    def step(into: list[float], into_floor: list[float]) -> None:
        first = len(paints)
        canvas.viewport().repaint()
        for _ in range(12):  # the read of the lanes shown, their paint, the reads around
            app.processEvents()
        into += paints[first:]
        for count in drawn[first:]:
            floor.count = count
            floor.repaint()
            into_floor.append(floor.times[-1])

    rng = random.Random(1)
    bar = canvas.verticalScrollBar()
    scroll: list[float] = []
    scroll_floor: list[float] = []
    # Scrolling: jumps anywhere in the lanes (a drag of the scroll bar), then rows three by three.
    canvas.show_days(dt.date(2010, 1, 1), dt.date(2025, 12, 31))
    for n in range(frames):
        if n % 4 == 0:
            bar.setValue(rng.randrange(max(1, bar.maximum())))
        else:
            bar.setValue(bar.value() + 3)
        step(scroll, scroll_floor)
    scroll_reads = list(reads)
    # Zooming: from the whole span to days and back, around the middle.
    zoom: list[float] = []
    zoom_floor: list[float] = []
    canvas.fit()
    steps = 0
    while canvas.px_per_day < 100 and steps < frames:
        canvas.zoom(1.5)
        step(zoom, zoom_floor)
        steps += 1
    while canvas.px_per_day > 0.05 and steps < 2 * frames:
        canvas.zoom(1 / 1.5)
        step(zoom, zoom_floor)
        steps += 1
    titles = db.read().execute("SELECT count(*) FROM role").fetchone()[0]
    # The reads' floor: one bare query of the titles of as many lanes as a read's first query
    # asks for, anywhere in the lanes (the disk's cache as the scrolling left it).
    read_floor: list[float] = []
    conn = db.read()
    for _ in range(max(8, len(scroll_reads))):
        at = rng.randrange(max(1, len(lanes.ids) - READ_CHUNK))
        ids = lanes.ids[at : at + READ_CHUNK]
        start = time.perf_counter()
        conn.execute(f"SELECT * FROM role WHERE person_id IN ({','.join('?' * len(ids))})", ids).fetchall()
        read_floor.append((time.perf_counter() - start) * 1000)
    db.close()
    return {
        "lanes": len(lanes),
        "titles": int(titles),
        "lanes_ms": lanes_ms,
        "scroll": scroll,
        "scroll_floor": scroll_floor,
        "zoom": zoom,
        "zoom_floor": zoom_floor,
        "reads": scroll_reads,
        "read_floor": read_floor,
        "most_drawn": max(drawn) if drawn else 0,
        "cpu": cpu,
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.timeline", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--frames", type=int, default=60)
    args = parser.parse_args(argv)
    print(json.dumps(measure(args.db, args.frames)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
