"""File ▸ Import Bibliography…: sources from a CSL-JSON, BibTeX or RIS file or a Zotero data
folder, previewed (what would be created, updated, left because you changed it, skipped)
before anything is written, then imported all or nothing (app/services/bibliography.py).
File ▸ Export Bibliography…: every source as CSL-JSON, BibLaTeX or RIS, by citation key."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from app.gui.i18n import plain, translate, translated
from app.gui.import_export_dialogs import _TaskDialog
from app.i18n import N_
from app.paths import user_path

if TYPE_CHECKING:
    from app.gui.main_window import MainWindow
    from app.services.bibliography import ImportPlan


def install(window: MainWindow) -> None:
    action = QAction(translate("Bibliography", "Import &Bibliography…"), window)
    action.setStatusTip(
        translate("Bibliography", "Import sources from CSL-JSON, BibTeX or RIS, or from Zotero's data folder")
    )
    action.triggered.connect(lambda: BibliographyDialog(window).open())
    export = QAction(translate("Bibliography", "Export Bi&bliography…"), window)
    export.setStatusTip(
        translate(
            "Bibliography", "Write every source as CSL-JSON, BibLaTeX or RIS, for Pandoc, Zotero or Zettlr"
        )
    )
    export.triggered.connect(lambda: _export(window))
    window.file_menu.insertActions(window.quit_action, [action, export])


# The save dialog's filters, each with the format it writes.
_FILTERS = {
    N_("Bibliography", "CSL-JSON (*.json)"): "csl-json",
    N_("Bibliography", "BibLaTeX (*.bib)"): "bibtex",
    N_("Bibliography", "RIS (*.ris)"): "ris",
}
_SUFFIX = {"csl-json": ".json", "bibtex": ".bib", "ris": ".ris"}


def _export(window: MainWindow) -> None:
    filters = {translate("Bibliography", name): fmt for name, fmt in _FILTERS.items()}
    chosen, picked = QFileDialog.getSaveFileName(
        window, translate("Bibliography", "Export the bibliography"), "references.json", ";;".join(filters)
    )
    if not chosen:
        return
    ok, message = export_bibliography(window, Path(chosen), filters.get(picked))
    if ok:
        QMessageBox.information(window, translate("Bibliography", "Bibliography exported"), message)
    else:
        QMessageBox.warning(window, translate("Bibliography", "Bibliography not exported"), message)


def export_bibliography(window: MainWindow, target: Path, fmt: str | None = None) -> tuple[bool, str]:
    """Write the bibliography to `target` (the format from `fmt`, else from its extension);
    whether it was written, and what to tell the researcher."""
    from app.i18n import Explained
    from app.io.bibliography import EXTENSIONS

    fmt = fmt or EXTENSIONS.get(target.suffix.lower()) or "csl-json"
    if target.suffix.lower() not in EXTENSIONS:
        target = target.with_name(target.name + _SUFFIX[fmt])
    try:
        done = window.library.bibliography.export(target, fmt)
    except Explained as exc:
        return False, translated(exc.message)
    except OSError as exc:
        return False, translate("Bibliography", "{path} could not be written: {error}").format(
            path=str(target), error=exc.strerror or str(exc)
        )
    message = translate("Bibliography", "Wrote {path}: {count} sources.").format(
        path=str(target), count=done.sources
    )
    if done.keys_made:
        message += " " + translate(
            "Bibliography", "{count} sources got a citation key, kept in the library from now on."
        ).format(count=done.keys_made)
    return True, message


class BibliographyDialog(_TaskDialog):
    """Its button previews first; once the preview is shown for the path in the box, it imports."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window, self.tr("Import Bibliography"), self.tr("Preview"))
        self.setObjectName("bibliographyDialog")
        self.previewed: ImportPlan | None = None
        self._previewed_path: Path | None = None
        box = QGroupBox(self.tr("From"), self)
        form = QFormLayout(box)
        self.path_edit = QLineEdit(box)
        self.path_edit.setPlaceholderText(self.tr("A .json, .bib or .ris file, or Zotero's data folder"))
        self.path_edit.textChanged.connect(self._path_changed)
        choose_file = QPushButton(self.tr("Choose &File…"), box)
        choose_file.clicked.connect(self._choose_file)
        choose_zotero = QPushButton(self.tr("Choose &Zotero Folder…"), box)
        choose_zotero.clicked.connect(self._choose_zotero)
        row = QWidget(box)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.path_edit, 1)
        layout.addWidget(choose_file)
        layout.addWidget(choose_zotero)
        label = QLabel(self.tr("Bibliography:"), box)
        label.setBuddy(self.path_edit)
        self.path_edit.setAccessibleName(plain(label.text()))
        for button in (choose_file, choose_zotero):
            button.setAccessibleName(plain(button.text()))
        form.addRow(label, row)
        explain = QLabel(
            self.tr(
                "Sources are matched by citation key, DOI, web address, then title and date, so "
                "nothing comes in twice. The preview lists what would be created, updated, left "
                "because you changed it and skipped; nothing is written until you import. Zotero's "
                "database is read from a copy and never written; the PDFs and snapshots it stored "
                "are kept with their sources."
            ),
            self,
        )
        explain.setWordWrap(True)
        self.finish_layout(box, explain)
        self.resize(720, 460)  # room for the preview's list once it is shown

    # --- choosing ----------------------------------------------------------------------------

    def _choose_file(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import a bibliography"),
            "",
            self.tr("Bibliographies (*.json *.bib *.ris);;All files (*)"),
        )
        if chosen:
            self.path_edit.setText(chosen)

    def _choose_zotero(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Zotero's data folder"))
        if chosen:
            self.path_edit.setText(chosen)

    def _path_changed(self) -> None:
        """Another path: the preview shown is not its own, so the button previews again."""
        self.previewed = None
        self._previewed_path = None
        self._set_action(self.tr("Preview"))
        self.run_button.setEnabled(self.task is None)

    def _set_action(self, text: str) -> None:
        self.run_button.setText(text)
        self.run_button.setAccessibleName(plain(text))

    # --- running -----------------------------------------------------------------------------

    def _run(self) -> None:
        text = self.path_edit.text().strip()
        if not text:
            self.status.setText(self.tr("Choose a bibliography file or Zotero's data folder."))
            return
        path = user_path(text)
        bibliography = self.window_.library.bibliography
        if self.previewed is not None and self._previewed_path == path:
            self.start(lambda progress: ("done", bibliography.run(path, progress=progress)))
        else:
            self._previewed_path = path
            self.start(lambda progress: ("preview", bibliography.preview(path, progress=progress)))

    def show_result(self, result: Any) -> None:
        step, plan = result
        self.report(
            translated(plan.summary(done=step == "done")), [translated(line) for line in plan.lines()]
        )
        if step == "preview":
            self.previewed = plan
            if plan.writes:
                self._set_action(self.tr("&Import"))
            else:
                self.run_button.setEnabled(False)  # the library already holds it all
            return
        self.previewed = None
        self._set_action(self.tr("Preview"))
        self.run_button.setEnabled(False)  # done: importing again would change nothing
        if plan.writes:
            self.window_.changes.announce_entries()

    def _failed(self, message: str) -> None:
        super()._failed(message)
        self.previewed = None
        self._set_action(self.tr("Preview"))
        self.status.setText(
            self.tr("Nothing was imported; nothing was changed: {reason}").format(reason=message)
        )

    def progress_text(self, done: int, total: int) -> str:
        stage = self.task.progress.stage if self.task is not None else ""
        percent = 100 * done // total if total else 100
        return self.tr("{stage}: {percent}%").format(
            stage=translated(stage) if stage else "", percent=percent
        )

    def cancelled_text(self) -> str:
        return self.tr("Import cancelled; nothing was changed.")
