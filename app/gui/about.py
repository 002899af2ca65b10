"""Help ▸ About Roundtable: the version, the data folder (with a button that opens it in the
file manager), the database's schema revision, the licence, and where the bundled dataset's
facts come from."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME, __version__
from app.gui.detail_html import ENTRY_SCHEME
from app.gui.i18n import plain, translate
from app.gui.icon import app_icon

if TYPE_CHECKING:
    from app.gui.main_window import MainWindow
    from app.services.about import AboutLibrary, BundledDataset

LICENCE = "MIT License"  # the licence's own name, never translated
COPYRIGHT = "Copyright © 2026 Roundtable contributors"


def install(window: MainWindow) -> None:
    action = QAction(translate("About", "&About {app}").format(app=APP_NAME), window)
    action.setMenuRole(QAction.MenuRole.AboutRole)  # macOS moves it to the application menu
    action.triggered.connect(lambda: AboutDialog(window).exec())
    window.help_menu.addAction(action)


def _label(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _provenance_html(facts: AboutLibrary) -> str:
    counts = {"sources": facts.sources, "citations": facts.citations}
    article = facts.founding_article
    if article is None:
        return translate(
            "About",
            "This library holds {sources} sources and {citations} citations; each citation names "
            "its source, the exact quote and a reliability grade.",
        ).format(**counts)
    link = f'<a href="{ENTRY_SCHEME}:{escape(article.slug)}">{escape(article.name)}</a>'
    if article.publisher:
        link = translate("About", "{article}, published by {publisher}").format(
            article=link, publisher=escape(article.publisher)
        )
    return translate(
        "About",
        "The bundled dataset is built from its founding article, {article}, whose full text ships "
        "with Roundtable, and from further coverage of the event. This library holds {sources} "
        "sources and {citations} citations; each names its source, the exact quote and a "
        "reliability grade.",
    ).format(article=link, **counts)


def _dataset_text(bundled: BundledDataset) -> str:
    name = bundled.dataset_id or translate("About", "the bundled dataset")
    if bundled.version is not None:
        name = translate("About", "{name}, version {version}").format(name=name, version=bundled.version)
    return translate("About", "{name}, loaded into this library on {date}").format(
        name=name, date=bundled.imported_at[:10]
    )


class AboutDialog(QDialog):
    def __init__(self, window: MainWindow) -> None:
        import platform

        super().__init__(window)
        self._window = window
        self.facts = window.library.about()  # the dialog's facts: read when it opens
        self.setWindowTitle(self.tr("About {app}").format(app=APP_NAME))

        icon = QLabel(self)
        icon.setPixmap(app_icon().pixmap(64, 64))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        tagline = self.tr("An offline research desk for China–ASEAN cooperation on artificial intelligence.")
        version = self.tr("Version {version}").format(version=__version__)
        title = QLabel(f"<h2>{APP_NAME}</h2>{version}<p>{tagline}</p>", self)
        title.setWordWrap(True)
        header = QHBoxLayout()
        header.addWidget(icon)
        header.addWidget(title, 1)

        self.folder = _label(str(self.facts.data_folder), self)
        self.folder.setAccessibleName(self.tr("Data folder"))
        self.open_folder = QPushButton(self.tr("Open Data Folder"), self)
        self.open_folder.setAccessibleName(plain(self.open_folder.text()))
        self.open_folder.clicked.connect(self._open_folder)
        self.open_problem = QLabel(self)
        self.open_problem.hide()
        folder_row = QVBoxLayout()
        folder_row.addWidget(self.folder)
        folder_row.addWidget(self.open_folder, 0, Qt.AlignmentFlag.AlignLeft)
        folder_row.addWidget(self.open_problem)

        revision = self.facts.schema_revision or self.tr("unknown")
        if revision != self.facts.head_revision:
            revision = self.tr("{revision} (this version's newest: {head})").format(
                revision=revision, head=self.facts.head_revision
            )
        self.revision = _label(revision, self)
        self.licence = _label(f"{LICENCE}<br><small>{COPYRIGHT}</small>", self)
        self.sources = QLabel(_provenance_html(self.facts), self)
        self.sources.setWordWrap(True)
        self.sources.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.sources.setOpenExternalLinks(False)
        self.sources.linkActivated.connect(self._open_entry)
        built_with = (
            f"Python {platform.python_version()}, Qt {qVersion()} (PySide6 {pyside_version}), "
            f"SQLite {self.facts.sqlite_version}"
        )

        rows: list[tuple[str, QWidget | QVBoxLayout]] = [
            (self.tr("Data folder:"), folder_row),
            (self.tr("Database:"), _label(self.facts.database.name, self)),
            (self.tr("Schema revision:"), self.revision),
            (self.tr("Licence:"), self.licence),
            (self.tr("Sources:"), self.sources),
        ]
        if self.facts.bundled is not None:
            rows.append((self.tr("Dataset:"), _label(_dataset_text(self.facts.bundled), self)))
        rows.append((self.tr("Built with:"), _label(built_with, self)))
        # A grid rather than a form layout: labels sit level with the first line of their value.
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        top_left = Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft
        for n, (name, value) in enumerate(rows):
            grid.addWidget(QLabel(name, self), n, 0, top_left)
            if isinstance(value, QWidget):
                grid.addWidget(value, n, 1, Qt.AlignmentFlag.AlignTop)
            else:
                grid.addLayout(value, n, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addLayout(grid)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def _open_folder(self) -> None:
        # A file URL: the desktop's file manager opens it; nothing goes near the network.
        url = QUrl.fromLocalFile(str(self.facts.data_folder))
        if not QDesktopServices.openUrl(url):
            self.open_problem.setText(self.tr("No file manager could open the folder; its path is above."))
            self.open_problem.show()

    def _open_entry(self, link: str) -> None:
        url = QUrl(link)
        if url.scheme() == ENTRY_SCHEME:
            self.accept()
            self._window.open_entry(url.path())
