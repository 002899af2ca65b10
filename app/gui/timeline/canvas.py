"""The timeline's canvas: a time axis, one lane per entry, the items of the lanes on screen.

Only what is on screen is read or built: the lanes' ids come once (app/services/timeline.py,
read off the window's thread), the items of the lanes in view (and a screen above and below)
are read when they come into view and kept by lane, so zooming and scrolling sideways paint
from memory. A lane's items are the few dated rows of one entry, whatever the time shown.

A date known only to the year or month covers that year or month, hatched and faded, never a
false day; a title or membership with no end fades out towards today. `paint_scene` draws
everything (axis, lanes, legend) on any QPainter: the screen, PNG and SVG exports, printing
(`render_to`).
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QDate, QLocale, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFontMetricsF,
    QGradient,
    QKeyEvent,
    QLinearGradient,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPolygonF,
    QResizeEvent,
    QStaticText,
    QWheelEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QToolTip, QWidget

from app.gui.i18n import translate
from app.gui.theme import contrast, over
from app.services.timeline import (
    ANNOUNCEMENT,
    EVENT,
    FACT,
    ITEM_LABELS,
    MEMBERSHIP,
    NOTE,
    TITLE_SPAN,
    Item,
    LaneEntry,
    Lanes,
)

# Okabe & Ito's colour-blind-safe palette, one colour a kind of item.
COLOURS: dict[str, str] = {
    TITLE_SPAN: "#0072B2",
    MEMBERSHIP: "#009E73",
    EVENT: "#D55E00",
    ANNOUNCEMENT: "#CC79A7",
    FACT: "#E69F00",
    NOTE: "#56B4E9",
}
MIN_PX_PER_DAY = 0.004  # a few centuries across a narrow pane
MAX_PX_PER_DAY = 240.0  # a day wider than a label
ZOOM_STEP = 1.5
LABEL_WIDTH = 200
PREFETCH_SCREENS = 1  # lanes read ahead, above and below the screen
FADE_PIXELS = 80  # an open end fades out over this much of the screen
READ_BUDGET = 0.005  # s: a read between frames starts no new query after this
READ_CHUNK = 6  # lanes read in one query (one takes well under READ_BUDGET)
LAYOUT_BUDGET = 0.0025  # s: a frame spends no more laying out new text (the next one goes on)
_LABEL_WIDTHS = (2048, 1024, 512, 256, 128, 64, 32, 24)
MAX_SLOTS = 3  # overlapping items of one lane share its height, at most this many rows

ItemsOf = Callable[[Sequence[int]], dict[int, list[Item]]]
EntriesOf = Callable[[Sequence[int]], dict[int, LaneEntry]]


@dataclass(frozen=True, slots=True)
class Placed:
    """An item where it was last drawn (for clicks and tooltips)."""

    rect: QRectF
    item: Item


def _ordinal(day: dt.date) -> float:
    return float(day.toordinal())


class TimelineCanvas(QAbstractScrollArea):
    entry_activated = Signal(int)  # the id of the entry an item (or a lane's name) belongs to

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineCanvas")
        self.setAccessibleName(self.tr("Timeline"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().setMouseTracking(True)
        self.lanes = Lanes(())
        self.kinds: frozenset[str] = frozenset(COLOURS)
        self.items_of: ItemsOf | None = None
        self.entries_of: EntriesOf | None = None
        self.names_of: Callable[[Sequence[int]], dict[int, str]] | None = None
        self.group_label: Callable[[str], str] = lambda g: g
        self._items: dict[int, list[tuple[Item, int, int]]] = {}  # lane -> (item, slot, slots)
        self._entries: dict[int, LaneEntry] = {}
        self._names: dict[int, str] = {}
        self._static: dict[int, QStaticText] = {}
        self._labels: dict[tuple[tuple[str, int], int], QStaticText] = {}
        self._placed: list[Placed] = []
        self._lane_rects: list[tuple[QRectF, int]] = []
        self._header_rows: list[int] = []
        self._prefetched = (0, 0)
        self._prefetch_due = False
        self._layout_budget = math.inf  # seconds a paint may spend laying out new text
        self._layout_spent = 0.0  # …and has spent
        self._layout_left = False  # a paint left text for the next one
        self._laid_out = 0  # texts laid out by this paint
        self._legend_memo: tuple[object, list[tuple[str, str, float, int]]] = (None, [])
        self._fitting = False
        self._fit_span: tuple[float, float] | None = None  # what a resize fits (None: all time)
        self._opening = False  # the first look waits for the lanes in view to be read
        self.first_day = dt.date(2000, 1, 1)
        self.last_day = dt.date.today()
        self.left = _ordinal(self.first_day)  # the day at the time area's left edge
        self.px_per_day = 0.1
        self.today = dt.date.today()
        fm = QFontMetricsF(self.font())
        self.row_height = max(22, round(fm.height() * 1.7))
        self.axis_height = round(fm.height() * 2.6)
        self.legend_line = round(fm.height() * 1.7)
        self.horizontalScrollBar().valueChanged.connect(self._scrolled_sideways)
        self.verticalScrollBar().valueChanged.connect(lambda _v: self.viewport().update())
        self.verticalScrollBar().setSingleStep(1)

    # --- content ---------------------------------------------------------------------------

    def set_lanes(self, lanes: Lanes, extent: tuple[dt.date, dt.date] | None) -> None:
        """New lanes (a new filter or grouping): forget the items read so far."""
        self.lanes = lanes
        self._items.clear()
        self._entries.clear()
        self._names.clear()
        self._static.clear()
        self._prefetched = (0, 0)
        self._header_rows = [start + n for n, (start, _g) in enumerate(lanes.groups)]
        if extent is not None:
            self.first_day, self.last_day = extent
        self._update_scrollbars()
        self.verticalScrollBar().setValue(0)
        self.viewport().update()

    def refresh_names(self) -> None:
        self._names.clear()
        self._prefetched = (0, 0)
        self._static.clear()
        self._labels.clear()
        self.viewport().update()

    def fit(self) -> None:
        """Show all of time the lanes span."""
        self._fit_span = None
        self._opening = False
        self._fit_days(_ordinal(self.first_day), _ordinal(self.last_day) + 1)

    def open_on_lanes_in_view(self) -> None:
        """The first look: all of time now, then, once the lanes in view are read, the time
        their items span (a library of recent titles would otherwise crowd at the right edge
        of sixty years), unless the researcher has zoomed or scrolled sideways by then."""
        self.fit()
        self._opening = True
        self._look_first()

    def _look_first(self) -> None:
        if not self._opening or not self._fitting:
            self._opening = False
            return
        first, last = self._lane_range()
        shown = self.lanes.ids[first:last]
        if any(i not in self._items for i in shown):
            return  # (again when they are read)
        self._opening = False
        spans = [
            (_ordinal(item.first), _ordinal(max(item.last, self.today) if item.open_end else item.last) + 1)
            for lane in shown
            for item, _slot, _slots in self._items[lane]
            if item.kind in self.kinds
        ]
        if spans:
            self._fit_span = (min(s[0] for s in spans), max(s[1] for s in spans))
            self._fit_days(*self._fit_span)

    def _fit_days(self, begin: float, end: float) -> None:
        """Show the days begin..end (ordinals) with a margin either side, at least a year."""
        width = max(50.0, self.time_width())
        days = max(end - begin, 366.0)
        middle = (begin + end) / 2
        self.px_per_day = max(MIN_PX_PER_DAY, min(MAX_PX_PER_DAY, width * 0.96 / days))
        self.left = middle - width / 2 / self.px_per_day
        self._fitting = True  # until the researcher zooms or scrolls: a resize fits again
        self._update_scrollbars()
        self.viewport().update()

    def show_days(self, first: dt.date, last: dt.date) -> None:
        """Show the days `first`..`last` across the time area."""
        days = max(1.0, _ordinal(last) - _ordinal(first) + 1)
        self.px_per_day = max(MIN_PX_PER_DAY, min(MAX_PX_PER_DAY, self.time_width() / days))
        self.left = _ordinal(first)
        self._fitting = False
        self._update_scrollbars()
        self.viewport().update()

    def row_count(self) -> int:
        return len(self.lanes.ids) + len(self.lanes.groups)

    def time_width(self) -> float:
        return max(1.0, self.viewport().width() - LABEL_WIDTH)

    def lanes_height(self) -> int:
        return max(1, self.viewport().height() - self.axis_height - self.legend_height)

    def visible_rows(self) -> int:
        return max(1, self.lanes_height() // self.row_height)

    def x_of(self, day: float) -> float:
        """The x of the start of `day` (an ordinal) in the viewport."""
        return LABEL_WIDTH + (day - self.left) * self.px_per_day

    def day_at(self, x: float) -> float:
        return self.left + (x - LABEL_WIDTH) / self.px_per_day

    def row_at(self, row: int) -> tuple[str | None, int]:
        """(a group's label, -1) for a group's heading row, else (None, the lane's index)."""
        if not self._header_rows:
            return None, row
        n = bisect.bisect_right(self._header_rows, row) - 1
        if n < 0:
            return None, row
        if self._header_rows[n] == row:
            return self.lanes.groups[n][1], -1
        return None, row - (n + 1)

    # --- zoom and scroll -----------------------------------------------------------------------

    def zoom(self, factor: float, anchor_x: float | None = None) -> None:
        """Zoom by `factor` (>1 closer) keeping the day under `anchor_x` where it is."""
        if anchor_x is None:
            anchor_x = LABEL_WIDTH + self.time_width() / 2
        day = self.day_at(anchor_x)
        self._fitting = False
        self.px_per_day = max(MIN_PX_PER_DAY, min(MAX_PX_PER_DAY, self.px_per_day * factor))
        self.left = day - (anchor_x - LABEL_WIDTH) / self.px_per_day
        self._update_scrollbars()
        self.viewport().update()

    def scroll_days(self, days: float) -> None:
        self._fitting = False
        self.left += days
        self._update_scrollbars()
        self.viewport().update()

    def _bounds(self) -> tuple[float, float]:
        """The leftmost and rightmost `left` the scroll bar reaches: the lanes' time and a
        screen's margin either side, wider when zoomed out beyond it."""
        visible = self.time_width() / self.px_per_day
        low = _ordinal(self.first_day) - visible / 2
        high = max(low, _ordinal(self.last_day) - visible / 2)
        return min(low, self.left), max(high, self.left)

    def _update_scrollbars(self) -> None:
        bar = self.horizontalScrollBar()
        low, high = self._bounds()
        bar.blockSignals(True)
        bar.setRange(math.floor(low), math.ceil(high))
        bar.setPageStep(max(1, int(self.time_width() / self.px_per_day)))
        bar.setSingleStep(max(1, int(40 / self.px_per_day)))
        bar.setValue(round(self.left))
        bar.blockSignals(False)
        rows = self.verticalScrollBar()
        rows.setRange(0, max(0, self.row_count() - self.visible_rows()))
        rows.setPageStep(self.visible_rows())

    def _scrolled_sideways(self, value: int) -> None:
        self._fitting = False
        self.left = float(value)
        self.viewport().update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._fitting:
            self._fit_days(*(self._fit_span or (_ordinal(self.first_day), _ordinal(self.last_day) + 1)))
        self._update_scrollbars()

    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta()
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            if delta.y():
                self.zoom(ZOOM_STEP ** (delta.y() / 120), event.position().x())
            event.accept()
            return
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier or delta.x():
            steps = (delta.x() or delta.y()) / 120
            self.scroll_days(-steps * 60 / self.px_per_day)
            event.accept()
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom(ZOOM_STEP)
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom(1 / ZOOM_STEP)
        elif key == Qt.Key.Key_Left:
            self.scroll_days(-60 / self.px_per_day)
        elif key == Qt.Key.Key_Right:
            self.scroll_days(60 / self.px_per_day)
        else:
            super().keyPressEvent(event)

    # --- reading what is on screen ---------------------------------------------------------------

    def _lane_range(self) -> tuple[int, int]:
        """The lanes' indexes on screen: first, last + 1."""
        top = self.verticalScrollBar().value()
        first = self.row_at(top)[1]
        if first < 0:
            first = self.row_at(top + 1)[1]
        return max(0, first), min(len(self.lanes.ids), max(0, first) + self.visible_rows() + 1)

    def read_visible(self) -> None:
        """Read what the lanes on screen need now (exports and printing draw it all at once)."""
        self._ensure(*self._lane_range(), now=True)
        self._look_first()

    def _ensure(self, first: int, last: int, *, now: bool = False) -> None:
        """Have the items, entries and names of lanes first..last read. A frame never waits
        for them: lanes not read yet are drawn empty and read just after it (then painted
        again), with a screen above and below, so no one event does both."""
        ids = self.lanes.ids[first:last]
        if now:
            self._read_lanes(ids)
        missing = not now and any(i not in self._items or i not in self._names for i in ids)
        self._schedule(first, last, missing)

    def _schedule(self, first: int, last: int, missing: bool = False) -> None:
        due = missing or self._around(first, last) != self._prefetched
        if due and not self._prefetch_due:
            self._prefetch_due = True
            QTimer.singleShot(0, lambda lanes=self.lanes: self._prefetch(lanes))

    def _around(self, first: int, last: int) -> tuple[int, int]:
        span = (last - first) * PREFETCH_SCREENS
        return max(0, first - span), min(len(self.lanes.ids), last + span)

    def _prefetch(self, lanes: Lanes) -> None:
        """One step of reading, between frames, for at most READ_BUDGET: the lanes on screen
        if they are missing (then paint them), else the lanes around; again until they are all
        read. The budget is of time, not of lanes: a jump to lanes the disk has not cached
        reads fewer of them in one step, never a step longer than a frame."""
        self._prefetch_due = False
        if lanes is not self.lanes:
            return
        deadline = time.perf_counter() + READ_BUDGET
        first, last = self._lane_range()
        shown = self.lanes.ids[first:last]
        if any(i not in self._items or i not in self._names for i in shown):
            self._read_lanes(shown, deadline)
            self._look_first()
            self.viewport().update()  # paints what is read; its paint schedules the rest
            return
        self._look_first()
        lo, hi = self._around(first, last)
        if self._read_lanes(self.lanes.ids[lo:hi], deadline):
            self._prefetched = (lo, hi)
        else:
            self._prefetch_due = True
            QTimer.singleShot(0, lambda: self._prefetch(lanes))

    def _read_lanes(self, ids: Sequence[int], deadline: float | None = None) -> bool:
        """Read the items, entries and names of the lanes `ids` not read yet, READ_CHUNK
        lanes a query, starting no chunk after `deadline` (perf_counter's seconds; the first
        always runs, so every step reads something); their names in one look-up (it asks the
        settings which script). True when they are all read."""
        todo = [i for i in ids if i not in self._items or i not in self._names]
        done = True
        for n in range(0, len(todo), READ_CHUNK):
            if n and deadline is not None and time.perf_counter() >= deadline:
                todo, done = todo[:n], False
                break
            chunk = todo[n : n + READ_CHUNK]
            self._read_items(chunk)
            unnamed = [i for i in chunk if i not in self._entries]
            if unnamed and self.entries_of is not None:
                self._entries.update(self.entries_of(unnamed))
        without = [i for i in todo if i not in self._names]
        if without:
            names = self.names_of(without) if self.names_of is not None else {}
            for lane in without:
                entry = self._entries.get(lane)
                self._names[lane] = names.get(lane) or (entry.name if entry else "")
        return done

    def _read_items(self, ids: Sequence[int]) -> None:
        missing = [i for i in ids if i not in self._items]
        if missing and self.items_of is not None:
            found = self.items_of(missing)
            for lane in missing:
                self._items[lane] = _slotted(found.get(lane, []))

    def entry(self, lane: int) -> LaneEntry | None:
        return self._entries.get(lane)

    def placed(self) -> list[Placed]:
        """The items as last drawn, where they were drawn."""
        return list(self._placed)

    # --- painting ------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self.viewport())
        try:
            self.paint_scene(painter, self.viewport().width(), self.viewport().height())
        finally:
            painter.end()

    def render_to(self, painter: QPainter, target: QRectF) -> None:
        """Draw what the canvas shows now, scaled to fit `target` (printing, exports)."""
        width, height = self.viewport().width(), self.viewport().height()
        self.read_visible()
        scale = min(target.width() / width, target.height() / height)
        painter.save()
        painter.translate(target.topLeft())
        painter.scale(scale, scale)
        painter.setClipRect(QRectF(0, 0, width, height))
        self.paint_scene(painter, width, height, all_text=True)
        painter.restore()

    def paint_scene(self, painter: QPainter, width: int, height: int, *, all_text: bool = False) -> None:
        """Draw the scene. On screen a frame lays out new text (lanes' names, items' labels)
        for at most LAYOUT_BUDGET, then leaves the rest to the next frame, just after: a
        screen of lanes come into view has a few dozen labels, more than a frame's time at
        once on a slow machine. Exports and printing (`all_text`) lay out all of it."""
        self._layout_budget = math.inf if all_text else LAYOUT_BUDGET
        self._layout_spent = 0.0
        self._layout_left = False
        self._laid_out = 0
        palette = self.palette()
        base = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        faint = over(_with_alpha(text, 40), base)
        # No antialiasing but for the diamonds: antialiased lines across the whole height cost
        # a millisecond each in the raster engine. Colours are opaque mixes for the same reason.
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setFont(self.font())
        painter.fillRect(QRectF(0, 0, width, height), base)
        first, last = self._lane_range()
        self._ensure(first, last)
        top = self.axis_height
        bottom = height - self.legend_height
        self._paint_grid(painter, width, top, bottom, text, faint)
        self._placed = []
        self._lane_rects = []
        fm = QFontMetricsF(self.font())
        painter.save()
        painter.setClipRect(QRectF(0, top, width, bottom - top))
        row = self.verticalScrollBar().value()
        y = float(top)
        alternate = over(_with_alpha(text, 10), base)
        while y < bottom and row < self.row_count():
            group, lane = self.row_at(row)
            rect = QRectF(0, y, width, self.row_height)
            if group is not None:
                painter.fillRect(rect, faint)
                font = painter.font()
                font.setBold(True)
                painter.setFont(font)
                painter.setPen(text)
                painter.drawText(
                    rect.adjusted(6, 0, -6, 0),
                    int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                    self.group_label(group),
                )
                font.setBold(False)
                painter.setFont(font)
            else:
                if lane % 2:
                    painter.fillRect(rect, alternate)
                self._paint_lane(painter, lane, rect, width, fm, text, base)
            y += self.row_height
            row += 1
        painter.restore()
        # The names' column over the lanes, so a long bar never hides a name.
        painter.setPen(QPen(faint, 1))
        painter.drawLine(QPointF(LABEL_WIDTH, top), QPointF(LABEL_WIDTH, bottom))
        self._paint_legend(painter, width, height, text, base)
        if self._layout_left:
            QTimer.singleShot(0, self.viewport().update)

    def _draw(self, painter: QPainter, at: QPointF, text: QStaticText, fresh: bool) -> None:
        """Draw `text`; the first drawing of a text laid out in this frame counts against its
        budget (its glyphs are drawn for the first time)."""
        if not fresh:
            painter.drawStaticText(at, text)
            return
        start = time.perf_counter()
        painter.drawStaticText(at, text)
        self._layout_spent += time.perf_counter() - start

    def text_left(self) -> bool:
        """Whether the last frame left names or labels for the next (screenshots wait)."""
        return self._layout_left

    def _may_lay_out(self) -> bool:
        """Whether this paint may still lay out new text (else it notes that some was left).
        The first always may: every paint draws more, however slow the machine."""
        if not self._laid_out or self._layout_spent < self._layout_budget:
            self._laid_out += 1
            return True
        self._layout_left = True
        return False

    def _static_text(self, words: str, fm: QFontMetricsF, width: float, painter: QPainter) -> QStaticText:
        """`words` elided to `width`, laid out now for `painter` (not at its first draw)."""
        start = time.perf_counter()
        static = QStaticText(fm.elidedText(words, Qt.TextElideMode.ElideRight, width))
        static.setTextFormat(Qt.TextFormat.PlainText)
        static.prepare(painter.transform(), painter.font())
        self._layout_spent += time.perf_counter() - start
        return static

    def _paint_grid(
        self, painter: QPainter, width: int, top: int, bottom: int, text: QColor, faint: QColor
    ) -> None:
        """The axis: ticks at years, months or days (whichever leaves room for a label)."""
        fm = QFontMetricsF(self.font())
        label_width = fm.horizontalAdvance("0000 00 00") + 16
        unit, step = _tick_unit(self.px_per_day, label_width)
        start = dt.date.fromordinal(max(1, int(self.day_at(LABEL_WIDTH))))
        end_day = self.day_at(width)
        painter.setPen(text)
        painter.drawLine(QPointF(LABEL_WIDTH, top - 1), QPointF(width, top - 1))
        locale = QLocale()
        for day in _ticks(start, unit, step, end_day):
            ordinal = _ordinal(day)
            if ordinal > end_day:
                break
            x = self.x_of(ordinal)
            if x < LABEL_WIDTH:
                continue
            painter.setPen(QPen(faint, 1))
            painter.drawLine(QPointF(x, top), QPointF(x, bottom))
            painter.setPen(text)
            painter.drawLine(QPointF(x, top - 6), QPointF(x, top - 1))
            painter.drawText(QPointF(x + 3, top - 8), self._tick_label(day, unit, locale))
        # Today, when it is on screen.
        x = self.x_of(_ordinal(self.today))
        if LABEL_WIDTH <= x <= width:
            pen = QPen(QColor(COLOURS[EVENT]), 1, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawLine(QPointF(x, top), QPointF(x, bottom))
        painter.setPen(text)
        painter.drawText(
            QRectF(6, 0, LABEL_WIDTH - 12, top - 4),
            int(Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignLeft),
            self._scale_words(unit, step),
        )

    def _tick_label(self, day: dt.date, unit: str, locale: QLocale) -> str:
        if unit == "year":
            return str(day.year)
        qdate = QDate(day.year, day.month, day.day)
        if unit == "month":
            return self.tr("{month} {year}", "a month on the time axis").format(
                month=locale.monthName(day.month, QLocale.FormatType.ShortFormat), year=day.year
            )
        return locale.toString(qdate, QLocale.FormatType.ShortFormat)

    def _scale_words(self, unit: str, step: int) -> str:
        if unit == "year":
            return self.tr("Every %n years", None, step) if step > 1 else self.tr("Years")
        if unit == "month":
            return self.tr("Every %n months", None, step) if step > 1 else self.tr("Months")
        return self.tr("Every %n days", None, step) if step > 1 else self.tr("Days")

    def _paint_lane(
        self,
        painter: QPainter,
        lane: int,
        rect: QRectF,
        width: int,
        fm: QFontMetricsF,
        text: QColor,
        base: QColor,
    ) -> None:
        lane_id = self.lanes.ids[lane]
        painter.setPen(text)
        label_rect = QRectF(6, rect.top(), LABEL_WIDTH - 12, rect.height())
        # A lane's name is laid out once (QStaticText), not again in every frame.
        name = self._static.get(lane_id)
        # (Not read yet: drawn after its read; no time left in this frame: in the next.)
        fresh = name is None and lane_id in self._names and self._may_lay_out()
        if fresh:
            name = self._static_text(self._names[lane_id], fm, label_rect.width(), painter)
            self._static[lane_id] = name
        if name is not None:
            self._draw(painter, QPointF(6, rect.top() + (rect.height() - fm.height()) / 2), name, fresh)
        self._lane_rects.append((label_rect, lane_id))
        painter.save()
        painter.setClipRect(QRectF(LABEL_WIDTH, rect.top(), width - LABEL_WIDTH, rect.height()))
        entries = [e for e in self._items.get(lane_id, ()) if e[0].kind in self.kinds]
        left_edge, right_edge = self.day_at(LABEL_WIDTH), self.day_at(width)
        today = _ordinal(self.today)
        # Each slot's items left to right, so a label stops where the next item starts.
        by_slot: dict[tuple[int, int], list[tuple[float, float, Item]]] = {}
        for item, slot, slots in entries:
            begin = _ordinal(item.first)
            end = _ordinal(item.last) + 1
            if item.open_end:
                end = max(end, today + 1)
            if end < left_edge or begin > right_edge:
                continue
            by_slot.setdefault((slot, slots), []).append((begin, end, item))
        for (slot, slots), spans in by_slot.items():
            spans.sort(key=lambda s: s[0])
            band = (rect.height() - 6) / slots
            y = rect.top() + 3 + slot * band
            for n, (begin, end, item) in enumerate(spans):
                following = self.x_of(spans[n + 1][0]) if n + 1 < len(spans) else float(width)
                self._paint_item(painter, item, begin, end, y, band, following, fm, text, base)
        painter.restore()

    def _paint_item(
        self,
        painter: QPainter,
        item: Item,
        begin: float,
        end: float,
        y: float,
        band: float,
        following: float,
        fm: QFontMetricsF,
        text: QColor,
        base: QColor,
    ) -> None:
        _colour, solid, pale = _styles(item.kind)
        height = max(4.0, band - 2)
        x1 = self.x_of(begin)
        x2 = self.x_of(end)
        known_end = _ordinal(item.last) + 1
        shape = QRectF(x1, y, max(1.0, x2 - x1), height)
        if item.is_point and not item.start.uncertain:
            # A day: a diamond on it (and the day itself once a day is wide enough to see).
            middle = (x1 + x2) / 2
            half = min(height / 2, 7.0)
            if x2 - x1 >= 6:
                painter.fillRect(QRectF(x1, y, x2 - x1, height), pale)
            diamond = QPolygonF(
                [
                    QPointF(middle, y + height / 2 - half),
                    QPointF(middle + half, y + height / 2),
                    QPointF(middle, y + height / 2 + half),
                    QPointF(middle - half, y + height / 2),
                ]
            )
            painter.setPen(QPen(base, 1))
            painter.setBrush(solid)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.drawPolygon(diamond)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            shape = QRectF(min(x1, middle - half), y, max(x2 - x1, 2 * half), height)
            text_x = max(x2, middle + half) + 3
        else:
            # Solid over the days its dates name for certain; hatched and faded over the days a
            # year or month may name.
            last = item.end or item.start
            solid_from = _ordinal(item.start.last) + 1 if item.start.uncertain else begin
            solid_to = _ordinal(last.first) if last.uncertain else known_end
            if solid_to > solid_from:
                left = self.x_of(solid_from)
                painter.fillRect(QRectF(left, y, max(1.0, self.x_of(solid_to) - left), height), solid)
            hatch, dashed, fade, pale_solid = _brushes(item.kind)
            for moment in (item.start, last) if last is not item.start else (item.start,):
                if not moment.uncertain:
                    continue
                a = self.x_of(_ordinal(moment.first))
                area = QRectF(a, y, max(1.0, self.x_of(_ordinal(moment.last) + 1) - a), height)
                painter.fillRect(area, pale)
                painter.fillRect(area, hatch)
                painter.setPen(dashed)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(area.adjusted(0.5, 0.5, -0.5, -0.5))
            if item.open_end and x2 > self.x_of(known_end):
                # Held on since, as far as anyone recorded: solid, fading out towards today.
                # A lighter bar up to today, its last stretch fading out (the same number of
                # pixels at any zoom, so a title held for decades still reads as held).
                xk = self.x_of(known_end)
                fading = min(FADE_PIXELS, x2 - xk)
                if x2 - fading > xk:
                    painter.fillRect(QRectF(xk, y, x2 - fading - xk, height), pale_solid)
                painter.fillRect(QRectF(x2 - fading, y, fading, height), fade)
            text_x = x1 + 4
        self._placed.append(Placed(shape, item))
        room = following - text_x - 4
        if room > 24 and height >= fm.height() * 0.8:
            on_bar = not item.is_point and text_x < x2
            painter.setPen(_ink_on(solid) if on_bar else text)
            label, fresh = self._label(item, room, fm, painter)
            if label is not None:
                self._draw(painter, QPointF(text_x, y + (height - fm.height()) / 2), label, fresh)

    def _label(
        self, item: Item, room: float, fm: QFontMetricsF, painter: QPainter
    ) -> tuple[QStaticText | None, bool]:
        """An item's label elided to the widest of a few widths that fits `room`, laid out
        once for each: laying every label out again at every step of a zoom costs a frame.
        None when this frame has no time left to lay it out (the next one will); and whether
        it was laid out just now."""
        width = next(w for w in _LABEL_WIDTHS if w <= room)
        key = (item.key, width)
        label = self._labels.get(key)
        if label is None:
            if not self._may_lay_out():
                return None, False
            if len(self._labels) > 20_000:
                self._labels.clear()
            label = self._labels[key] = self._static_text(item.label, fm, width, painter)
            return label, True
        return label, False

    def _legend(self, width: float) -> list[tuple[str, str, float, int]]:
        """The legend's entries (key, words, x, line), wrapped to `width`."""
        fm = QFontMetricsF(self.font())
        entries = [(k, translate("Timeline", ITEM_LABELS[k])) for k in COLOURS if k in self.kinds]
        entries += [
            ("uncertain", self.tr("Known to the year or month")),
            ("open", self.tr("No end recorded")),
        ]
        # Measured once for the same words, width and font: a frame asks several times.
        memo = (width, tuple(entries), self.font().key())
        if self._legend_memo[0] == memo:
            return self._legend_memo[1]
        placed: list[tuple[str, str, float, int]] = []
        x, line = 8.0, 0
        for key, words in entries:
            advance = 27 + fm.horizontalAdvance(words) + 16
            if x > 8 and x + advance - 16 > width:
                x, line = 8.0, line + 1
            placed.append((key, words, x, line))
            x += advance
        self._legend_memo = (memo, placed)
        return placed

    @property
    def legend_height(self) -> int:
        lines = 1 + max((e[3] for e in self._legend(self.viewport().width())), default=0)
        return lines * self.legend_line + 4

    def _paint_legend(self, painter: QPainter, width: int, height: int, text: QColor, base: QColor) -> None:
        fm = QFontMetricsF(self.font())
        top = height - self.legend_height
        painter.fillRect(QRectF(0, top, width, self.legend_height), base)
        painter.setPen(QPen(over(_with_alpha(text, 60), base), 1))
        painter.drawLine(QPointF(0, top), QPointF(width, top))
        box_h = fm.height() * 0.8
        for key, words, x, line in self._legend(width):
            y = top + 2 + line * self.legend_line + (self.legend_line - box_h) / 2
            box = QRectF(x, y, 22, box_h)
            colour = QColor(COLOURS.get(key, "#0072B2"))
            if key == "uncertain":
                painter.fillRect(box, _with_alpha(colour, 70))
                painter.fillRect(box, QBrush(colour, Qt.BrushStyle.BDiagPattern))
                painter.setPen(QPen(colour, 1, Qt.PenStyle.DashLine))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(box)
            elif key == "open":
                fade = QLinearGradient(box.topLeft(), box.topRight())
                fade.setColorAt(0, colour)
                fade.setColorAt(1, _with_alpha(colour, 0))
                painter.fillRect(box, QBrush(fade))
            else:
                painter.fillRect(box, colour)
            painter.setPen(text)
            painter.drawText(QPointF(x + 27, y + box_h - fm.descent() / 2), words)

    # --- pointing ------------------------------------------------------------------------------

    def item_at(self, x: float, y: float) -> Item | None:
        point = QPointF(x, y)
        for placed in reversed(self._placed):
            if placed.rect.adjusted(-2, -2, 2, 2).contains(point):
                return placed.item
        return None

    def lane_at(self, x: float, y: float) -> int | None:
        point = QPointF(x, y)
        for rect, lane in self._lane_rects:
            if rect.contains(point):
                return lane
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            x, y = event.position().x(), event.position().y()
            item = self.item_at(x, y)
            lane = item.entry_id if item is not None else self.lane_at(x, y)
            if lane is not None:
                self.entry_activated.emit(lane)
                event.accept()
                return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        item = self.item_at(event.position().x(), event.position().y())
        if item is None:
            QToolTip.hideText()
        else:
            QToolTip.showText(event.globalPosition().toPoint(), self.describe(item), self.viewport())
        super().mouseMoveEvent(event)

    def describe(self, item: Item) -> str:
        """An item's tooltip: what, when, how precisely, from how many citations."""
        when = item.start.text
        if item.end is not None:
            when = f"{item.start.text} – {item.end.text}"
        elif item.open_end:
            when = self.tr("from {date}").format(date=item.start.text)
        lines = [item.label, f"{translate('Timeline', ITEM_LABELS[item.kind])}: {when}"]
        if item.start.uncertain or (item.end is not None and item.end.uncertain):
            lines.append(self.tr("Known to the year or month, drawn over all of it"))
        if item.open_end:
            lines.append(self.tr("No end recorded"))
        if item.citation_ids:
            lines.append(self.tr("%n citations", None, len(item.citation_ids)))
        return "\n".join(lines)

    def sizeHint(self) -> QSize:
        return QSize(800, 480)


def _slotted(items: list[Item]) -> list[tuple[Item, int, int]]:
    """The lane's items with the row each takes (overlapping ones side by side, at most
    MAX_SLOTS rows; more overlap the last) and how many rows the lane needs."""
    ordered = sorted(items, key=lambda i: (i.first, i.last, i.key))
    ends: list[dt.date] = []
    placed: list[tuple[Item, int]] = []
    for item in ordered:
        last = max(item.last, dt.date.today()) if item.open_end else item.last
        slot = next((n for n, end in enumerate(ends) if end < item.first), None)
        if slot is None:
            if len(ends) < MAX_SLOTS:
                ends.append(last)
                slot = len(ends) - 1
            else:
                slot = min(range(len(ends)), key=lambda n: ends[n])
        ends[slot] = max(ends[slot], last)
        placed.append((item, slot))
    slots = max(1, len(ends))
    return [(item, slot, slots) for item, slot in placed]


def _tick_unit(px_per_day: float, label_width: float) -> tuple[str, int]:
    """The finest ticks whose labels fit: ('year'|'month'|'day', every how many)."""
    for days in (1, 2, 7, 14):
        if days * px_per_day >= label_width:
            return "day", days
    for months in (1, 2, 3, 6):
        if months * 30.4 * px_per_day >= label_width:
            return "month", months
    for years in (1, 2, 5, 10, 20, 50, 100):
        if years * 365.25 * px_per_day >= label_width:
            return "year", years
    return "year", 200


def _ticks(start: dt.date, unit: str, step: int, end: float = math.inf) -> list[dt.date]:
    """Tick days from the first boundary at or before `start`, the last at or after the day
    `end` (an ordinal): a screen's few dozen, at most 400."""
    out: list[dt.date] = []
    if unit == "year":
        year = start.year - start.year % step
        while year <= min(9999, dt.date.fromordinal(int(min(end, 3_652_059))).year + step) and len(out) < 400:
            if year >= 1:
                out.append(dt.date(year, 1, 1))
            year += step
        return out
    if unit == "month":
        month = (start.year * 12 + start.month - 1) // step * step
        while len(out) < 400 and (not out or out[-1].toordinal() <= end):
            year, m = divmod(month, 12)
            if year > 9999:
                break
            if year >= 1:
                out.append(dt.date(year, m + 1, 1))
            month += step
        return out
    day = start.toordinal() - start.toordinal() % step
    count = min(400, 2 + int(max(0.0, min(end, 3_652_059.0) - day) // step))
    return [dt.date.fromordinal(min(3_652_059, max(1, day + n * step))) for n in range(count)]


_INK: dict[int, QColor] = {}
_STYLES: dict[str, tuple[QColor, QColor, QColor]] = {}


_BRUSHES: dict[str, tuple[QBrush, QPen, QBrush, QColor]] = {}


def _brushes(kind: str) -> tuple[QBrush, QPen, QBrush, QColor]:
    """A kind's hatching, dashed outline, fading tail and the colour before it, made once."""
    if kind not in _BRUSHES:
        colour, _solid, _pale = _styles(kind)
        fade = QLinearGradient(0, 0, 1, 0)
        fade.setCoordinateMode(QGradient.CoordinateMode.ObjectBoundingMode)
        fade.setColorAt(0, _with_alpha(colour, 140))
        fade.setColorAt(1, _with_alpha(colour, 0))
        _BRUSHES[kind] = (
            QBrush(colour, Qt.BrushStyle.BDiagPattern),
            QPen(colour, 1, Qt.PenStyle.DashLine),
            QBrush(fade),
            _with_alpha(colour, 140),
        )
    return _BRUSHES[kind]


def _styles(kind: str) -> tuple[QColor, QColor, QColor]:
    """A kind's colour, as a bar (nearly opaque) and as uncertain days (pale)."""
    if kind not in _STYLES:
        colour = QColor(COLOURS.get(kind, "#777777"))
        _STYLES[kind] = (colour, _with_alpha(colour, 210), _with_alpha(colour, 70))
    return _STYLES[kind]


def _ink_on(fill: QColor) -> QColor:
    """Black or white, whichever reads on `fill` (remembered: a frame asks for each bar)."""
    key = fill.rgba()
    if key not in _INK:
        white, black = QColor("#ffffff"), QColor("#000000")
        _INK[key] = white if contrast(white, fill) >= contrast(black, fill) else black
    return _INK[key]


def _with_alpha(colour: QColor, alpha: int) -> QColor:
    mixed = QColor(colour)
    mixed.setAlpha(alpha)
    return mixed
