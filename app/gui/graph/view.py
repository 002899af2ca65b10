"""The Graph view: entries as nodes, relations as edges, around the current entry (1–3 steps)
or the whole library, filtered by kind, relation, country, tag and an as-of date. Reading the
graph and laying it out run on a worker (app/gui/workers.py); the drawing is app/gui/graph/
canvas.py. Exports: PNG, SVG, GraphML and GEXF."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QAction, QImage, QPainter, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QProgressBar,
    QSlider,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.gui import name_script
from app.gui.graph import layout
from app.gui.graph.canvas import GraphCanvas
from app.gui.graph.legend import GraphLegend
from app.gui.i18n import kind_plural, translate
from app.gui.workers import Task
from app.io.atomic import write_bytes
from app.io.graph_formats import write_graph
from app.records.graph import Graph, GraphEdge
from app.services.graph import LibraryGraph
from app.services.kinds import KINDS
from app.services.library import Library
from app.services.progress import Progress
from app.services.relation_filters import RELATION_LABELS, RELATIONS, RelationFilters, first_day

WHOLE, AROUND = "whole", "around"
FIRST_DAY = dt.date(1967, 8, 8)  # ASEAN's founding: the slider's start when nothing is dated earlier

Read = tuple[Graph, layout.Positions, dict[int, str]]


def read_and_lay_out(graphs: LibraryGraph, filters: RelationFilters, script: str, progress: Progress) -> Read:
    """The graph, where to draw each node and the name of each citation's source (on a
    worker: it reads on a connection of its own)."""
    progress.step(0, 3)
    graph, sources = graphs.read(filters, script)
    progress.step(1, 3)
    kept = layout.load(graphs.path)
    positions = layout.lay_out(graph, kept)
    progress.step(2, 3)
    if any(s not in kept for s in positions):
        layout.save(graphs.path, positions)
    progress.step(3, 3)
    return graph, positions, sources


class GraphView(QWidget):
    entry_chosen = Signal(str)  # double-clicked: the entry's slug
    fact_chosen = Signal(str)  # an edge clicked: the slug of the entry whose page states it
    graph_shown = Signal()  # a new graph is on the canvas (tests and benchmarks wait for it)

    def __init__(
        self,
        library: Library,
        parent: QWidget | None = None,
        *,
        current: Callable[[], int | None] = lambda: None,
        in_background: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("graphView")
        self.graphs = LibraryGraph(library)
        self._current = current  # the id of the entry shown beside the view, if any
        self._in_background = in_background
        self._task: Task | None = None
        self._stale = True
        self.sources: dict[int, str] = {}
        self.filters = RelationFilters()

        heading = QLabel(self.tr("Graph"), self)
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        heading.setFont(font)
        self.status = QLabel(self)
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(120)
        self.progress.setTextVisible(False)
        self.progress.hide()

        self.scope = QComboBox(self)
        self.scope.setAccessibleName(self.tr("Scope"))
        self.scope.addItem(self.tr("Around the current entry"), AROUND)
        self.scope.addItem(self.tr("Whole library"), WHOLE)
        self.scope.currentIndexChanged.connect(self._filters_changed)
        self.depth_box = QSpinBox(self)
        self.depth_box.setRange(1, 3)
        self.depth_box.setValue(2)
        self.depth_box.setPrefix(self.tr("Depth "))
        self.depth_box.setAccessibleName(self.tr("Depth"))
        self.depth_box.valueChanged.connect(self._filters_changed)

        self.show_button = QToolButton(self)
        self.show_button.setText(self.tr("Show"))
        self.show_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.show_button)
        menu.addSection(self.tr("Entries"))
        self.kind_actions: dict[str, QAction] = {}
        for kind in KINDS:
            action = menu.addAction(kind_plural(kind.key))
            action.setCheckable(True)
            action.setChecked(True)
            action.toggled.connect(self._filters_changed)
            self.kind_actions[kind.key] = action
        menu.addSection(self.tr("Relations"))
        self.relation_actions: dict[str, QAction] = {}
        for relation in RELATIONS:
            action = menu.addAction(translate("Relations", RELATION_LABELS[relation]))
            action.setCheckable(True)
            action.setChecked(True)
            action.toggled.connect(self._filters_changed)
            self.relation_actions[relation] = action
        self.show_button.setMenu(menu)

        self.country = QComboBox(self)
        self.country.setAccessibleName(self.tr("Country"))
        self.country.currentIndexChanged.connect(self._filters_changed)
        self.tag = QComboBox(self)
        self.tag.setAccessibleName(self.tr("Tag"))
        self.tag.currentIndexChanged.connect(self._filters_changed)

        self.as_of_check = QCheckBox(self.tr("As of"), self)
        self.as_of_check.toggled.connect(self._filters_changed)
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setAccessibleName(self.tr("As of"))
        self.slider.setMinimumWidth(120)
        self.slider.setTracking(False)  # read again on release, not on every step of a drag
        self.slider.sliderMoved.connect(self._show_day)
        self.slider.valueChanged.connect(self._as_of_changed)
        self.day_label = QLabel(self)

        self.zoom_out = QToolButton(self)
        self.zoom_out.setText("−")
        self.zoom_out.setToolTip(self.tr("Zoom out (wheel)"))
        self.zoom_out.setAccessibleName(self.tr("Zoom out"))
        self.zoom_in = QToolButton(self)
        self.zoom_in.setText("+")
        self.zoom_in.setToolTip(self.tr("Zoom in (wheel)"))
        self.zoom_in.setAccessibleName(self.tr("Zoom in"))
        self.fit_button = QToolButton(self)
        self.fit_button.setText(self.tr("Fit"))
        self.fit_button.setToolTip(self.tr("Show the whole graph"))
        self.export_button = QToolButton(self)
        self.export_button.setText(self.tr("Export"))
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        export_menu = QMenu(self.export_button)
        export_menu.addAction(self.tr("Picture (PNG)…"), lambda: self.export_dialog("png"))
        export_menu.addAction(self.tr("Drawing (SVG)…"), lambda: self.export_dialog("svg"))
        export_menu.addAction(self.tr("Graph for Gephi (GraphML)…"), lambda: self.export_dialog("graphml"))
        export_menu.addAction(self.tr("Graph for Gephi (GEXF)…"), lambda: self.export_dialog("gexf"))
        self.export_button.setMenu(export_menu)

        self.canvas = GraphCanvas(self)
        self.canvas.describe_edge = self.describe_edge
        self.canvas.node_activated.connect(self._node_activated)
        self.canvas.node_selected.connect(self._node_selected)
        self.canvas.edge_activated.connect(self._edge_activated)
        self.canvas.node_moved.connect(self._node_moved)
        self.zoom_out.clicked.connect(lambda: self.canvas.zoom(1 / 1.5))
        self.zoom_in.clicked.connect(lambda: self.canvas.zoom(1.5))
        self.fit_button.clicked.connect(self.canvas.fit)
        self.legend = GraphLegend(self)

        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(self.progress)
        top.addWidget(self.status)
        bar = QHBoxLayout()
        for widget in (self.scope, self.depth_box, self.show_button, self.country, self.tag):
            bar.addWidget(widget)
        bar.addStretch(1)
        for widget in (self.zoom_out, self.zoom_in, self.fit_button, self.export_button):
            bar.addWidget(widget)
        when = QHBoxLayout()
        when.addWidget(self.as_of_check)
        when.addWidget(self.slider, 1)
        when.addWidget(self.day_label)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(top)
        box.addLayout(bar)
        box.addLayout(when)
        box.addWidget(self.canvas, 1)
        box.addWidget(self.legend)
        self.setFocusProxy(self.canvas)
        # Long tag and country names must not widen the pane past the entry's page beside it.
        for combo in (self.scope, self.country, self.tag):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(10)
        self._fill_choices()

    # --- choices -------------------------------------------------------------------------------

    def _fill_choices(self) -> None:
        countries, tags, earliest = self.graphs.choices()
        for combo, everything, rows in (
            (self.country, self.tr("All countries"), countries),
            (self.tag, self.tr("All tags"), [(t, t) for t in tags]),
        ):
            combo.blockSignals(True)
            chosen = combo.currentData()
            combo.clear()
            combo.addItem(everything, None)
            for key, name in rows:
                combo.addItem(str(name), key)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
            combo.blockSignals(False)
        first = min(first_day(earliest), FIRST_DAY) if earliest else FIRST_DAY
        today = dt.date.today()
        self.slider.blockSignals(True)
        self.slider.setRange(first.toordinal(), today.toordinal())
        if self.slider.value() == self.slider.minimum():
            self.slider.setValue(today.toordinal())
        self.slider.blockSignals(False)
        self._show_day(self.slider.value())

    def as_of_day(self) -> dt.date:
        return dt.date.fromordinal(self.slider.value())

    def set_as_of(self, day: dt.date | None) -> None:
        """Show the relations valid on `day` (None: all of them)."""
        self.slider.blockSignals(True)
        if day is not None:
            self.slider.setValue(day.toordinal())
        self.slider.blockSignals(False)
        self._show_day(self.slider.value())
        self.as_of_check.blockSignals(True)
        self.as_of_check.setChecked(day is not None)
        self.as_of_check.blockSignals(False)
        self._filters_changed()

    def set_scope(self, scope: str, depth: int = 2) -> None:
        self.scope.blockSignals(True)
        self.depth_box.blockSignals(True)
        self.scope.setCurrentIndex(max(0, self.scope.findData(scope)))
        self.depth_box.setValue(depth)
        self.scope.blockSignals(False)
        self.depth_box.blockSignals(False)
        self._filters_changed()

    def _show_day(self, ordinal: int) -> None:
        self.day_label.setText(dt.date.fromordinal(ordinal).isoformat())

    def _as_of_changed(self) -> None:
        self._show_day(self.slider.value())
        if self.as_of_check.isChecked():
            self._filters_changed()

    def current_filters(self) -> RelationFilters:
        kinds = frozenset(k for k, a in self.kind_actions.items() if a.isChecked())
        relations = frozenset(r for r, a in self.relation_actions.items() if a.isChecked())
        country, tag = self.country.currentData(), self.tag.currentData()
        centre = self._current() if self.scope.currentData() == AROUND else None
        return RelationFilters(
            kinds=frozenset() if len(kinds) == len(self.kind_actions) else kinds,
            relations=frozenset() if len(relations) == len(self.relation_actions) else relations,
            countries=frozenset({int(country)}) if country is not None else frozenset(),
            tags=frozenset({str(tag)}) if tag is not None else frozenset(),
            as_of=self.as_of_day() if self.as_of_check.isChecked() else None,
            centre=centre,
            depth=self.depth_box.value(),
        )

    def _filters_changed(self) -> None:
        self.depth_box.setEnabled(self.scope.currentData() == AROUND)
        self.slider.setEnabled(self.as_of_check.isChecked())
        self.refresh()

    def current_entry_changed(self) -> None:
        """The entry beside the view changed: follow it when drawn around it."""
        if self.scope.currentData() == AROUND and self.current_filters() != self.filters:
            self.mark_stale()

    # --- reading -------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale or self.current_filters() != self.filters:
            self.refresh()

    def mark_stale(self) -> None:
        """The library changed: read again now if shown, else when next shown."""
        self._stale = True
        if self.isVisible():
            self._fill_choices()
            self.refresh()

    def refresh(self) -> None:
        """Read and lay out the graph again (off the window's thread unless told otherwise)."""
        self._stale = False
        filters = self.filters = self.current_filters()
        script = name_script.current()
        if not self._in_background:
            self._show(read_and_lay_out(self.graphs, filters, script, Progress()))
            return
        if self._task is not None:
            self._task.cancel()
        self.status.setText(self.tr("Laying out…"))
        self.progress.setRange(0, 0)
        self.progress.show()
        task = Task(lambda progress: read_and_lay_out(self.graphs, filters, script, progress), parent=self)
        self._task = task
        task.progressed.connect(lambda done, total: self._progressed(task, done, total))
        task.succeeded.connect(lambda found: self._show(found) if task is self._task else None)
        task.failed.connect(lambda message: self._failed(task, message))
        task.start()

    def _progressed(self, task: Task, done: int, total: int) -> None:
        if task is self._task:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _failed(self, task: Task, message: str) -> None:
        if task is self._task:
            self._task = None
            self.progress.hide()
            self.status.setText(message)

    def _show(self, found: Read) -> None:
        self._task = None
        self.progress.hide()
        graph, positions, self.sources = found
        self.canvas.set_graph(graph, positions)
        self.canvas.fit()
        self.legend.set_shown({n.kind for n in graph.nodes}, {e.relation for e in graph.edges})
        if graph.nodes:
            self.status.setText(
                self.tr("%n entries", None, len(graph.nodes))
                + " · "
                + self.tr("%n relations", None, len(graph.edges))
            )
        else:
            self.status.setText(self.tr("No entries to show"))
        self.graph_shown.emit()

    # --- pointing ------------------------------------------------------------------------------

    def describe_edge(self, edge: GraphEdge) -> str:
        names = {n.id: n.name for n in self.canvas.graph.nodes}
        words = translate("Relations", RELATION_LABELS[edge.relation])
        lines = [
            f"{names.get(edge.source, '')} → {names.get(edge.target, '')}",
            words + (f": {edge.label}" if edge.label else ""),
        ]
        if edge.start or edge.end:
            lines.append(
                self.tr("From {start} to {end}").format(start=edge.start or "…", end=edge.end or "…")
            )
        for cid in edge.citations[:5]:
            lines.append(self.tr("Cited: {source}").format(source=self.sources.get(cid, f"#{cid}")))
        if len(edge.citations) > 5:
            lines.append(self.tr("and %n more citations", None, len(edge.citations) - 5))
        return "\n".join(lines)

    def _node_activated(self, i: int) -> None:
        self.entry_chosen.emit(self.canvas.graph.nodes[i].slug)

    def _node_selected(self, i: int) -> None:
        if i >= 0:
            node = self.canvas.graph.nodes[i]
            self.status.setText(self.tr("{name}: %n relations", None, node.degree).format(name=node.name))

    def _edge_activated(self, j: int) -> None:
        edge = self.canvas.edge(j)
        slug = edge.owner
        if slug is None:  # a note's mention: its page lists the note
            slug = next((n.slug for n in self.canvas.graph.nodes if n.id == edge.target), None)
        if slug:
            self.fact_chosen.emit(slug)

    def _node_moved(self, _i: int) -> None:
        layout.save(self.graphs.path, self.canvas.positions())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.canvas.graph.nodes:
            self.canvas.set_graph(self.canvas.graph, self.canvas.positions())  # the theme's colours

    # --- pictures and files --------------------------------------------------------------------

    def render_to(self, painter: QPainter, target: QRectF) -> None:
        """Draw the whole graph, scaled into `target` (printing, PNG and SVG)."""
        scene = self.canvas.scene()
        source = self.canvas.bounds().adjusted(-20, -20, 20, 20)
        if source.isEmpty():
            return
        zoom = min(target.width() / source.width(), target.height() / source.height())
        size = max(1.0, painter.device().logicalDpiY() / 96)
        with self.canvas.labels_for(zoom, size):
            scene.render(painter, target, source, Qt.AspectRatioMode.KeepAspectRatio)

    def _picture_size(self) -> QSize:
        source = self.canvas.bounds()
        width = 1600
        height = round(width * source.height() / source.width()) if source.width() > 0 else 1000
        return QSize(width, max(400, min(height, 3200)))

    def png_bytes(self) -> bytes:
        size = self._picture_size()
        image = QImage(size, QImage.Format.Format_ARGB32)
        image.fill(self.canvas.palette().base().color())
        painter = QPainter(image)
        painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        try:
            self.render_to(painter, QRectF(0, 0, size.width(), size.height()))
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

        size = self._picture_size()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        generator = QSvgGenerator()
        generator.setOutputDevice(buffer)
        generator.setSize(size)
        generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
        generator.setTitle(self.tr("Graph"))
        painter = QPainter(generator)
        try:
            self.render_to(painter, QRectF(0, 0, size.width(), size.height()))
        finally:
            painter.end()
        buffer.close()
        return bytes(data.data())

    def export(self, target: Path, fmt: str) -> None:
        """Write the picture or the graph to `target` (raises OSError)."""
        if fmt in ("graphml", "gexf"):
            write_graph(self.canvas.graph, target)
        else:
            write_bytes(target, self.png_bytes() if fmt == "png" else self.svg_bytes())

    def export_dialog(self, fmt: str) -> None:
        filters = {
            "png": self.tr("PNG picture (*.png)"),
            "svg": self.tr("SVG drawing (*.svg)"),
            "graphml": self.tr("GraphML (*.graphml)"),
            "gexf": self.tr("GEXF (*.gexf)"),
        }
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the graph"), f"graph.{fmt}", filters[fmt]
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
                self.tr("Graph not exported"),
                self.tr("{path} could not be written: {error}").format(
                    path=str(target), error=exc.strerror or str(exc)
                ),
            )
