"""The Timeline view: the canvas (app/gui/timeline/canvas.py) under a bar of its choices — how
lanes are grouped, which kinds of item show, the filters the Graph shares
(app/services/relation_filters.py: kinds of entry, a country, a tag, an as-of date), zoom, and
export as PNG or SVG."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QDate, QIODevice, QRectF, QSize, Signal
from PySide6.QtGui import QAction, QImage, QPainter, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.gui import name_script
from app.gui.i18n import kind_plural, translate
from app.gui.timeline.canvas import TimelineCanvas
from app.gui.workers import Task
from app.io.atomic import write_bytes
from app.services.kinds import KINDS
from app.services.library import Library
from app.services.relation_filters import RelationFilters
from app.services.timeline import (
    BY_COUNTRY,
    BY_ENTRY,
    BY_KIND,
    DEFAULT_ITEM_KINDS,
    ITEM_KINDS,
    ITEM_LABELS,
    Item,
    Lanes,
    own_timeline,
    timeline_of,
)

Names = Callable[[str, Sequence[int]], dict[int, str]]


def _read_lanes(
    library: Library, by: str, filters: RelationFilters, kinds: frozenset[str]
) -> tuple[Lanes, tuple[dt.date, dt.date] | None]:
    """The lanes and the time they span, on a connection of the worker's own."""
    with own_timeline(library) as timeline:
        lanes = timeline.lanes(by, filters, kinds)
        return lanes, timeline.extent(lanes, kinds)


class TimelineView(QWidget):
    entry_chosen = Signal(str)  # the slug of the entry an item belongs to
    lanes_shown = Signal()  # new lanes are on the canvas (tests and benchmarks wait for it)

    def __init__(
        self,
        library: Library,
        names: Names | None = None,
        parent: QWidget | None = None,
        *,
        in_background: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("timelineView")
        self._library = library
        self._names = names
        self._in_background = in_background
        self.timeline = timeline_of(library)
        self.kinds: frozenset[str] = DEFAULT_ITEM_KINDS
        self.filters = RelationFilters()
        self.by = BY_ENTRY
        self._stale = True
        self._task: Task | None = None
        self._fitted = False

        heading = QLabel(self.tr("Timeline"), self)
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        heading.setFont(font)
        self.status = QLabel(self)

        self.grouping = QComboBox(self)
        self.grouping.setAccessibleName(self.tr("Lanes"))
        self.grouping.addItem(self.tr("A lane per entry"), BY_ENTRY)
        self.grouping.addItem(self.tr("Lanes by kind"), BY_KIND)
        self.grouping.addItem(self.tr("Lanes by country"), BY_COUNTRY)
        self.grouping.currentIndexChanged.connect(self._grouping_changed)

        self.show_button = QToolButton(self)
        self.show_button.setText(self.tr("Show"))
        self.show_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.show_button)
        self.kind_actions: dict[str, QAction] = {}
        for kind in ITEM_KINDS:
            action = menu.addAction(translate("Timeline", ITEM_LABELS[kind]))
            action.setCheckable(True)
            action.setChecked(kind in self.kinds)
            action.toggled.connect(self._kinds_changed)
            self.kind_actions[kind] = action
        menu.addSection(self.tr("Entries"))
        self.entry_kind_actions: dict[str, QAction] = {}
        for entry_kind in KINDS:
            action = menu.addAction(kind_plural(entry_kind.key))
            action.setCheckable(True)
            action.setChecked(True)
            action.toggled.connect(self._filters_changed)
            self.entry_kind_actions[entry_kind.key] = action
        self.show_button.setMenu(menu)

        self.country = QComboBox(self)
        self.country.setAccessibleName(self.tr("Country"))
        self.country.currentIndexChanged.connect(self._filters_changed)
        self.tag = QComboBox(self)
        self.tag.setAccessibleName(self.tr("Tag"))
        self.tag.currentIndexChanged.connect(self._filters_changed)
        self.as_of_check = QCheckBox(self.tr("As of"), self)
        self.as_of_check.toggled.connect(self._filters_changed)
        self.as_of = QDateEdit(QDate.currentDate(), self)
        self.as_of.setCalendarPopup(True)
        self.as_of.setDisplayFormat("yyyy-MM-dd")
        self.as_of.setAccessibleName(self.tr("As of"))
        self.as_of.dateChanged.connect(self._as_of_changed)

        self.zoom_out = QToolButton(self)
        self.zoom_out.setText("−")
        self.zoom_out.setToolTip(self.tr("Zoom out (-)"))
        self.zoom_out.setAccessibleName(self.tr("Zoom out"))
        self.zoom_in = QToolButton(self)
        self.zoom_in.setText("+")
        self.zoom_in.setToolTip(self.tr("Zoom in (+, Ctrl+wheel)"))
        self.zoom_in.setAccessibleName(self.tr("Zoom in"))
        self.fit_button = QToolButton(self)
        self.fit_button.setText(self.tr("Fit"))
        self.fit_button.setToolTip(self.tr("Show all of the time the lanes span"))
        self.export_button = QToolButton(self)
        self.export_button.setText(self.tr("Export"))
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        export_menu = QMenu(self.export_button)
        export_menu.addAction(self.tr("Picture (PNG)…"), lambda: self.export_dialog("png"))
        export_menu.addAction(self.tr("Drawing (SVG)…"), lambda: self.export_dialog("svg"))
        self.export_button.setMenu(export_menu)

        self.canvas = TimelineCanvas(self)
        self.canvas.items_of = self._items_of
        self.canvas.entries_of = self.timeline.entries
        self.canvas.names_of = self._names_of
        self.canvas.group_label = self._group_label
        self.canvas.kinds = self.kinds
        self.canvas.entry_activated.connect(self._activated)
        self.zoom_out.clicked.connect(lambda: self.canvas.zoom(1 / 1.5))
        self.zoom_in.clicked.connect(lambda: self.canvas.zoom(1.5))
        self.fit_button.clicked.connect(self.canvas.fit)

        top = QHBoxLayout()
        top.addWidget(heading)
        top.addWidget(self.status)
        top.addStretch(1)
        for widget in (self.zoom_out, self.zoom_in, self.fit_button, self.export_button):
            top.addWidget(widget)
        bar = QHBoxLayout()
        # Choices shrink to a short width, so the timeline can share a laptop's screen with the
        # entry opened beside it.
        for combo, letters in ((self.grouping, 14), (self.country, 8), (self.tag, 8)):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(letters)
        choices: tuple[QWidget, ...] = (
            self.grouping,
            self.show_button,
            self.country,
            self.tag,
            self.as_of_check,
            self.as_of,
        )
        for choice in choices:
            bar.addWidget(choice)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(bar)
        layout.addWidget(self.canvas, 1)
        self.setFocusProxy(self.canvas)
        self._fill_choices()

    # --- choices -------------------------------------------------------------------------------

    def _fill_choices(self) -> None:
        for combo, everything, rows in (
            (self.country, self.tr("All countries"), self.timeline.countries()),
            (self.tag, self.tr("All tags"), [(name, name) for name in self.timeline.tag_names()]),
        ):
            combo.blockSignals(True)
            chosen = combo.currentData()
            combo.clear()
            combo.addItem(everything, None)
            for key, name in rows:
                combo.addItem(str(name), key)
            at = combo.findData(chosen)
            combo.setCurrentIndex(max(0, at))
            combo.blockSignals(False)

    def _current_filters(self) -> RelationFilters:
        kinds = frozenset(k for k, a in self.entry_kind_actions.items() if a.isChecked())
        country = self.country.currentData()
        tag = self.tag.currentData()
        day = self.as_of.date()
        return RelationFilters(
            kinds=frozenset() if len(kinds) == len(self.entry_kind_actions) else kinds,
            countries=frozenset({int(country)}) if country is not None else frozenset(),
            tags=frozenset({str(tag)}) if tag is not None else frozenset(),
            as_of=dt.date(day.year(), day.month(), day.day()) if self.as_of_check.isChecked() else None,
        )

    def set_filters(self, filters: RelationFilters) -> None:
        """Show what `filters` let through (the same object the Graph takes)."""
        self.filters = filters
        self.refresh()

    def set_kinds(self, kinds: frozenset[str]) -> None:
        self.kinds = kinds
        for kind, action in self.kind_actions.items():
            action.blockSignals(True)
            action.setChecked(kind in kinds)
            action.blockSignals(False)
        self.canvas.kinds = kinds
        self.refresh()

    def set_grouping(self, by: str) -> None:
        self.grouping.setCurrentIndex(max(0, self.grouping.findData(by)))

    def _grouping_changed(self) -> None:
        self.by = str(self.grouping.currentData())
        self.refresh()

    def _kinds_changed(self) -> None:
        self.set_kinds(frozenset(k for k, a in self.kind_actions.items() if a.isChecked()))

    def _filters_changed(self) -> None:
        self.set_filters(self._current_filters())

    def _as_of_changed(self) -> None:
        if self.as_of_check.isChecked():
            self._filters_changed()

    def _group_label(self, group: str) -> str:
        if self.by == BY_KIND:
            return kind_plural(group)
        return group or self.tr("No country")

    # --- reading -------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def mark_stale(self) -> None:
        """The library changed: read again now if shown, else when next shown."""
        self._stale = True
        if self.isVisible():
            self._fill_choices()
            self.refresh()

    def refresh(self) -> None:
        """Read the lanes again (off the window's thread unless told otherwise)."""
        self._stale = False
        by, filters, kinds = self.by, self.filters, self.kinds
        if not self._in_background:
            self._show_lanes(_read_lanes(self._library, by, filters, kinds))
            return
        if self._task is not None:
            self._task.cancel()
        self.status.setText(self.tr("Reading…"))
        task = Task(lambda _progress: _read_lanes(self._library, by, filters, kinds), parent=self)
        self._task = task
        task.succeeded.connect(lambda found: self._show_lanes(found) if task is self._task else None)
        task.failed.connect(self.status.setText)
        task.start()

    def _show_lanes(self, found: tuple[Lanes, tuple[dt.date, dt.date] | None]) -> None:
        self._task = None
        lanes, extent = found
        self.canvas.set_lanes(lanes, extent)
        if not self._fitted and extent is not None:
            self._fitted = True
            self.canvas.open_on_lanes_in_view()
        self.status.setText(
            self.tr("%n lanes", None, len(lanes)) if lanes.ids else self.tr("Nothing dated to show")
        )
        self.lanes_shown.emit()

    def _items_of(self, lane_ids: Sequence[int]) -> dict[int, list[Item]]:
        """All the items of these lanes: a lane holds one entry's few dated rows, so reading
        all of its time at once lets zoom and sideways scrolling paint without reading again."""
        by_lane: dict[int, list[Item]] = defaultdict(list)
        first = self.canvas.first_day
        last = max(self.canvas.last_day, dt.date.today())
        for item in self.timeline.items(lane_ids, first, last, self.filters, self.kinds):
            by_lane[item.entry_id].append(item)
        return by_lane

    def _names_of(self, ids: Sequence[int]) -> dict[int, str]:
        if self._names is None:  # (before the settings file: no names to look up in it)
            return {}
        script = name_script.current()
        return self._names(script, ids) if script else {}

    def _activated(self, entry_id: int) -> None:
        entry = self.canvas.entry(entry_id) or self.timeline.entries([entry_id]).get(entry_id)
        if entry is not None:
            self.entry_chosen.emit(entry.slug)

    # --- pictures ------------------------------------------------------------------------------

    def render_to(self, painter: QPainter, target: QRectF) -> None:
        """Draw the timeline as shown, scaled into `target` (printing)."""
        self.canvas.render_to(painter, target)

    def png_bytes(self, scale: float = 2.0) -> bytes:
        size = self.canvas.viewport().size()
        image = QImage(
            QSize(round(size.width() * scale), round(size.height() * scale)), QImage.Format.Format_ARGB32
        )
        image.fill(self.canvas.palette().base().color())
        painter = QPainter(image)
        try:
            self.canvas.render_to(painter, QRectF(0, 0, image.width(), image.height()))
        finally:
            painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")  # type: ignore[call-overload]  # PySide6 takes str here, not the bytes its stubs say
        buffer.close()
        return bytes(data.data())

    def svg_bytes(self) -> bytes:
        from PySide6.QtSvg import QSvgGenerator

        size = self.canvas.viewport().size()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        generator = QSvgGenerator()
        generator.setOutputDevice(buffer)
        generator.setSize(size)
        generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
        generator.setTitle(self.tr("Timeline"))
        painter = QPainter(generator)
        try:
            self.canvas.render_to(painter, QRectF(0, 0, size.width(), size.height()))
        finally:
            painter.end()
        buffer.close()
        return bytes(data.data())

    def export(self, target: Path, fmt: str) -> None:
        """Write the picture to `target` (raises OSError)."""
        write_bytes(target, self.png_bytes() if fmt == "png" else self.svg_bytes())

    def export_dialog(self, fmt: str) -> None:
        filters = {"png": self.tr("PNG picture (*.png)"), "svg": self.tr("SVG drawing (*.svg)")}
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the timeline"), f"timeline.{fmt}", filters[fmt]
        )
        if not chosen:
            return
        target = Path(chosen)
        if target.suffix.lower() != f".{fmt}":
            target = target.with_name(target.name + f".{fmt}")
        try:
            self.export(target, fmt)
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("Timeline not exported"),
                self.tr("{path} could not be written: {error}").format(
                    path=str(target), error=exc.strerror or str(exc)
                ),
            )
