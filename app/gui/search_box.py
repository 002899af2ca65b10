"""One search box for everything, with its results in a panel under it as you type.

Keys while the box has focus: Up/Down move through the results, Enter opens the chosen one,
Esc closes the panel and gives focus back to where it was. The panel is a child of the main
window laid over its contents, so the keyboard stays in the box while results change.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.gui.i18n import plain, translate
from app.gui.search_results import Row, SearchResultsDelegate, SearchResultsModel
from app.gui.search_runner import SearchRunner
from app.services.kinds import BY_KEY
from app.services.search import NOTE, Hit, Results
from app.services.search_syntax import RANKING_HELP, SYNTAX_HELP, parse

DEBOUNCE_MS = 150
# "Searching…" shows only for a query still running this long after it started: most answer
# sooner, and showing the panel before them would paint it twice and take the UI thread (and
# Python's lock) from the search while it runs.
SEARCHING_MS = 120
PANEL_WIDTH = 560


def per_kind_for(text: str) -> int:
    """Hits shown per kind: a few of each, or a long list when the query asks for one kind."""
    return 50 if any(f.key == "kind" and not f.negated for f in parse(text).filters) else 8


def syntax_html() -> str:
    rows = "".join(
        f"<tr><td><code>{example}</code></td><td>&nbsp;&nbsp;{translate('SearchSyntax', meaning)}</td></tr>"
        for example, meaning in SYNTAX_HELP
    )
    intro = translate(
        "SearchSyntax",
        "<b>Search everything</b>: names and aliases in every script, titles, summaries, "
        "facts, statements, quotes, source texts and notes. Accents and case do not matter; "
        "Chinese, Thai, Lao, Khmer and Burmese are found from one character on.",
    )
    keys = translate("SearchSyntax", "Everything you write must hold. ↑ ↓ move, Enter opens, Esc goes back.")
    order = translate("SearchSyntax", RANKING_HELP)
    return f"<p>{intro}</p><table>{rows}</table><p>{keys}</p><p>{order}</p>"


class SearchPanel(QFrame):
    """What the box found: a status line, the grouped results, and what can be done next."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("searchPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.model = SearchResultsModel(self)
        self.list = QListView(self)
        self.list.setAccessibleName(self.tr("Search results"))
        self.list.setModel(self.model)
        delegate = SearchResultsDelegate(self.list)
        self.model.modelReset.connect(delegate.forget)
        self.list.setItemDelegate(delegate)
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keyboard stays in the box
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setUniformItemSizes(False)
        self.list.setFrameShape(QFrame.Shape.NoFrame)
        self.status = QLabel(self)
        self.status.setObjectName("searchStatus")
        self.status.setWordWrap(True)
        self.status.setContentsMargins(8, 6, 8, 6)
        self.status.setAccessibleName(self.tr("Search status"))
        self.hints = QLabel(self.tr("↑ ↓ move · Enter opens · Esc goes back"), self)
        self.hints.setEnabled(False)
        self.save_button = QPushButton(self.tr("Save search…"), self)
        self.save_button.setAccessibleName(plain(self.save_button.text()))
        self.save_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.help_button = QPushButton(self.tr("Syntax"), self)
        self.help_button.setAccessibleName(plain(self.help_button.text()))
        self.help_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.help_button.setToolTip(syntax_html())
        footer = QHBoxLayout()
        footer.setContentsMargins(8, 4, 8, 6)
        footer.addWidget(self.hints, 1)
        footer.addWidget(self.help_button)
        footer.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(1, 1, 1, 1)
        layout.setSpacing(0)
        layout.addWidget(self.status)
        layout.addWidget(self.list, 1)
        layout.addLayout(footer)
        self.hide()


class SearchBox(QLineEdit):
    """The box. `hit_chosen` says which hit the researcher opened; `save_requested` asks to
    keep the current query under a name."""

    hit_chosen = Signal(object)  # Hit
    save_requested = Signal(str)  # the query
    help_requested = Signal()

    def __init__(self, runner: SearchRunner, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("searchBox")
        self.setAccessibleName(self.tr("Search everything"))
        self.setPlaceholderText(self.tr("Search everything  (Ctrl+K)"))
        self.setClearButtonEnabled(True)
        self.setToolTip(syntax_html())
        self.setMinimumWidth(280)
        self.setMaximumWidth(420)
        self._window = window
        self._runner = runner
        # The hits as shown: entries' names in the script Preferences chose (app/gui/name_script.py).
        self.names: Callable[[Results], Results] = lambda results: results
        self._return_to: QWidget | None = None
        self._open_when_ready = False
        self.panel = SearchPanel(window)
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        # A coarse timer may fire up to 5% late: that would be added to every query's wait.
        self._debounce.setTimerType(Qt.TimerType.PreciseTimer)
        self._debounce.timeout.connect(self.run_now)
        self._searching = QTimer(self, singleShot=True, interval=SEARCHING_MS)
        self._searching.timeout.connect(self._show_searching)
        self.textEdited.connect(lambda _t: self._debounce.start())
        self.textChanged.connect(self._text_changed)
        runner.finished.connect(self._show_results)
        runner.failed.connect(self._show_problem)
        self.panel.list.clicked.connect(self._clicked)
        self.panel.save_button.clicked.connect(lambda: self.save_requested.emit(self.text().strip()))
        self.panel.help_button.clicked.connect(self.help_requested.emit)
        window.installEventFilter(self)

    # --- opening and closing ---------------------------------------------------------------

    def summon(self, text: str | None = None) -> None:
        """Focus the box (Ctrl+K, Find), optionally with a query to run at once."""
        focused = QApplication.focusWidget()
        if focused is not None and focused is not self and not self.panel.isAncestorOf(focused):
            self._return_to = focused
        self.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if text is not None:
            self.setText(text)
            self.run_now()
        else:
            self.selectAll()
            if self.text().strip():
                self._show_panel()

    def dismiss(self) -> None:
        """Close the panel and give the focus back (Esc, which also clears the query)."""
        self.panel.hide()
        target = self._return_to
        self._return_to = None
        if target is not None and target.isVisible():
            target.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self._window.setFocus(Qt.FocusReason.OtherFocusReason)

    def run_now(self) -> None:
        self._debounce.stop()
        text = self.text()
        if not text.strip():
            self.panel.hide()
            return
        self._runner.per_kind = per_kind_for(text)
        self._runner.submit(text)
        self._searching.start()

    def _show_searching(self) -> None:
        if not self._runner.busy or not self.text().strip():
            return
        self.panel.status.setText(self.tr("Searching…"))
        self.panel.status.show()
        self._show_panel()

    def rerun(self) -> None:
        """Run the current query again if its results are on screen (the data changed)."""
        if self.panel.isVisible() and self.text().strip():
            self._runner.submit(self.text())

    def _text_changed(self, text: str) -> None:
        self._open_when_ready = False
        if not text.strip():
            self._debounce.stop()
            self._searching.stop()
            self._runner.cancel()
            self.panel.model.set_results(Results(""))
            self.panel.hide()

    # --- results ---------------------------------------------------------------------------

    def _show_results(self, results: Results) -> None:
        if results.text != self.text():
            return  # an answer to text that is no longer in the box
        self._searching.stop()
        model = self.panel.model
        model.set_results(self.names(results))
        if results.groups:
            self.panel.status.hide()
            self._select(model.first_hit())
            if self._open_when_ready:
                self._open_when_ready = False
                self._show_panel()
                self.activate()
                return
        elif results.text.strip():
            self.panel.status.setText(
                self.tr("Nothing found for “{text}”.").format(text=results.text.strip())
            )
            self.panel.status.show()
        self._show_panel()

    def _show_problem(self, message: str) -> None:
        self._searching.stop()
        self._open_when_ready = False
        self.panel.model.set_results(Results(self.text()))
        self.panel.status.setText(message)
        self.panel.status.show()
        self._show_panel()

    def _show_panel(self) -> None:
        if not self.text().strip():
            return
        self.panel.show()
        self.panel.raise_()
        self._place_panel()

    def _place_panel(self) -> None:
        window = self._window
        below = self.mapTo(window, QPoint(0, self.height() + 2))
        width = min(max(PANEL_WIDTH, self.width()), window.width() - 16)
        x = max(8, min(below.x() + self.width() - width, window.width() - width - 8))
        rows = sum(self.panel.list.sizeHintForRow(r) for r in range(min(self.panel.model.rowCount(), 40)))
        chrome = self.panel.status.sizeHint().height() if self.panel.status.isVisible() else 0
        chrome += 40
        height = min(rows + chrome + 4, window.height() - below.y() - 12)
        self.panel.setGeometry(x, below.y(), width, max(height, 80))

    def current_row(self) -> Row | None:
        index = self.panel.list.currentIndex()
        return self.panel.model.row_at(index.row()) if index.isValid() else None

    def _select(self, row: int) -> None:
        if row < 0:
            return
        index = self.panel.model.index(row, 0)
        self.panel.list.setCurrentIndex(index)
        self.panel.list.scrollTo(index)

    def _clicked(self, index: QModelIndex) -> None:
        self._select(index.row())
        self.activate()

    def activate(self) -> None:
        """Open what is chosen: a hit, or a group's further results."""
        row = self.current_row()
        if row is None:
            return
        if row.type == "more":
            word = "note" if row.group.kind == NOTE else BY_KEY[row.group.kind].words[0]
            self.setText(f"{self.text().strip()} kind:{word}")
            self.run_now()
            return
        hit: Hit | None = row.hit
        if hit is not None:
            self.panel.hide()
            self._return_to = None
            self.hit_chosen.emit(hit)

    # --- keys and focus --------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        model = self.panel.model
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and model.rowCount():
            if not self.panel.isVisible():
                self._show_panel()
                return
            current = self.panel.list.currentIndex().row()
            delta = 1 if key == Qt.Key.Key_Down else -1
            self._select(model.step(current, delta) if current >= 0 else model.first_hit())
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self._debounce.isActive() or self._runner.busy:
                # Enter before the results came: open the best one when they come.
                self._open_when_ready = True
                if self._debounce.isActive():
                    self.run_now()
                return
            self.activate()
            return
        if key == Qt.Key.Key_Escape:
            # Esc abandons the search: a query left behind would still count as "the search"
            # (File ▸ Export offers its results) though nothing on screen shows it.
            self.clear()
            self.dismiss()
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self._runner.warm_up()  # typing starts soon: have the connection ready
        if self.text().strip() and self.panel.model.rowCount():
            self._show_panel()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        # Clicking elsewhere in the window closes the panel; switching windows does not.
        if event.reason() not in (Qt.FocusReason.ActiveWindowFocusReason, Qt.FocusReason.PopupFocusReason):
            self.panel.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Resize and self.panel.isVisible():
            self._place_panel()
        return False
