"""The interface in Simplified Chinese shows no untranslated English.

With the Chinese translation loaded, every text a person can read is walked — window titles,
labels, buttons, menus and actions, tooltips, status tips, placeholders, accessible names,
list headers and rows, and the detail page — for the main window, each menu, the sidebar,
the detail page of an entry of every kind, and each dialog. Two checks on every text:

- it is not one of the English source strings (a message left untranslated), and
- once the data (every text the database holds) and the names that stay as they are
  (Roundtable, SQLite, Markdown, keyboard keys, search syntax ...) are taken out, no English
  word of three letters or more is left (a string that never went through translation).
"""

from __future__ import annotations

import re
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QAction, QTextDocumentFragment
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QTabWidget,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.db.schema_version import KNOWN_REVISIONS
from app.gui import i18n
from app.gui.about import AboutDialog
from app.gui.backups import BackupsDialog
from app.gui.check_database import check_database
from app.gui.import_export_dialogs import ExportDialog, ImportDialog
from app.gui.main_window import MainWindow
from app.services.library import Library
from app.services.search_syntax import SYNTAX_HELP

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "packaging"))
import translations

# Names and notations that stay as they are in every language.
KEPT = (
    "Roundtable",
    "SQLite",
    "Markdown",
    "PDF",
    "HTML",
    "BibTeX",
    "BibLaTeX",
    "Pandoc",
    "CSL-JSON",
    "RIS",
    "CSV",
    "XLSX",
    "UTF-8",
    "Zotero",
    "DOI",
    "Obsidian",
    "Zettlr",
    "Logseq",
    "GitHub",
    "JSON",
    "YAML",
    "Wiki",
    "Python",
    "PySide6",
    "MIT License",
    "Copyright © 2026 Roundtable contributors",
    "ASEAN",
    "ISO",
    "UTC",
    "Ctrl",
    "Shift",
    "Alt",
    "Enter",
    "Esc",
    "YYYY",
    "https",
    "http",
    "policy/ethics",
    "policy",
    "roundtable restore",
    "roundtable check --reindex",
    "roundtable import-notes",
    "[@key]",  # Pandoc's citation syntax
    "uid",  # a table's column, named as the file names it
    "smith2024digital",  # a citation key, as an example
    "tet",  # language codes (ISO 639), beside the language's name
    "fil",
    "Campuchia",  # what a person types, in the search help's examples
    "campuchia",
    "AI Hub",
    "AIDA",
    "Thailand",
    "ROUNDTABLE_DB",
    "zh-Hans, th, lo, km",
    "Hans, Thai, Laoo",
    "official, country, organization, initiative, event, source, note",
    *(
        f"{word}（"
        for word in ("official", "country", "organization", "initiative", "event", "source", "note")
    ),
    "note",
    "English",  # a language's name in its own language
    *(example for example, _meaning in SYNTAX_HELP),
)
_WORD = re.compile(r"[A-Za-z]{3,}")
_MNEMONIC = re.compile(r"\(&\w\)|&(?=\S)")


def _norm(text: str) -> str:
    return " ".join(_MNEMONIC.sub("", text).split()).strip(" :：.…")


def _english() -> tuple[set[str], list[re.Pattern[str]]]:
    """The source strings whose Chinese differs, whole and as patterns (placeholders filled)."""
    whole: set[str] = set()
    patterns = []
    path = translations.ts_path("zh_CN")
    for m in translations.messages(path):
        source = _norm(m.source)
        if not _WORD.search(re.sub(r"\{\w+\}|%n", "", source)):
            continue  # nothing English to see ('{field}: {problem}')
        if "{" in source or "%n" in source:
            parts = re.split(r"(\{\w+\}|%n)", source)
            if len(_WORD.findall("".join(parts[::2]))) < 2:
                continue  # too little English of its own to tell it from data ('{first} or {rest}')
            regex = "".join(".+?" if re.fullmatch(r"\{\w+\}|%n", p) else re.escape(p) for p in parts)
            patterns.append(re.compile(f"^{regex}$"))
        else:
            whole.add(source)
    return whole, patterns


def _data(db: Database) -> list[str]:
    """Every text the database holds (names, summaries, facts, quotes, notes ...), longest first."""
    conn = sqlite3.connect(db.path)
    found: set[str] = set()
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    for table in tables:
        if table.startswith(("sqlite_", "search_")) or table in ("alembic_version", "meta"):
            continue
        for row in conn.execute(f'SELECT * FROM "{table}"'):
            found.update(v for v in row if isinstance(v, str) and len(v) > 1)
    conn.close()
    lines = {line.strip() for text in found for line in text.splitlines() if line.strip()}
    return sorted(found | lines, key=len, reverse=True)


def _plain(html_or_text: str) -> str:
    if "<" in html_or_text and ">" in html_or_text:
        return QTextDocumentFragment.fromHtml(html_or_text).toPlainText()
    return html_or_text


def _columns(model: QAbstractItemModel, parent: QModelIndex) -> int:
    try:
        return model.columnCount(parent)
    except TypeError:  # a list model keeps columnCount to itself: one column
        return 1


def _model_texts(model: QAbstractItemModel, parent: QModelIndex, rows: int = 40) -> Iterator[str]:
    for column in range(_columns(model, parent)):
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = model.headerData(column, Qt.Orientation.Horizontal, role)
            if isinstance(value, str):
                yield value
    for row in range(min(model.rowCount(parent), rows)):
        for column in range(_columns(model, parent)):
            index = model.index(row, column, parent)
            for role in (
                Qt.ItemDataRole.DisplayRole,
                Qt.ItemDataRole.ToolTipRole,
                Qt.ItemDataRole.AccessibleTextRole,
            ):
                value = index.data(role)
                if isinstance(value, str):
                    yield value
            if column == 0 and index.isValid() and model.rowCount(index) > 0:
                yield from _model_texts(model, index, rows)


def _action_texts(action: QAction) -> Iterator[tuple[str, str]]:
    what = f"action {action.text()!r}"
    for text in (action.text(), action.toolTip(), action.statusTip(), action.iconText()):
        yield what, text
    menu = action.menu()
    if isinstance(menu, QMenu):
        yield from _menu_texts(menu)


def _menu_texts(menu: QMenu) -> Iterator[tuple[str, str]]:
    yield f"menu {menu.title()!r}", menu.title()
    for action in menu.actions():
        yield from _action_texts(action)


def texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every text a person can read in `root` and what it holds."""
    for widget in [root, *root.findChildren(QWidget)]:
        if widget is not root and not widget.isVisibleTo(root) and not isinstance(widget, QMenu):
            continue
        what = f"{type(widget).__name__} {widget.objectName()}".strip()
        for text in (
            widget.windowTitle(),
            widget.toolTip(),
            widget.statusTip(),
            widget.accessibleName(),
            widget.accessibleDescription(),
        ):
            yield what, text
        if isinstance(widget, (QLabel, QAbstractButton)):
            yield what, widget.text()
        elif isinstance(widget, QLineEdit):
            yield what, widget.placeholderText()
        elif isinstance(widget, QComboBox):
            yield from ((what, widget.itemText(i)) for i in range(widget.count()))
        elif isinstance(widget, QGroupBox):
            yield what, widget.title()
        elif isinstance(widget, QTabWidget):
            yield from ((what, widget.tabText(i)) for i in range(widget.count()))
        elif isinstance(widget, QTextEdit | QPlainTextEdit):
            yield what, widget.placeholderText()
            if widget.isReadOnly():
                yield what, widget.toPlainText()
        elif isinstance(widget, QProgressBar):
            yield what, widget.format()
        elif isinstance(widget, QMenu):
            yield from _menu_texts(widget)
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            yield from ((what, t) for t in _model_texts(widget.model(), QModelIndex()))
        for action in widget.actions():
            yield from _action_texts(action)


class Checker:
    def __init__(self, db: Database) -> None:
        self.whole, self.patterns = _english()
        data = _data(db)
        # as a page shows them: runs of spaces in a quote copied from its source collapse to one
        shown = {" ".join(d.split()) for d in data}
        self.kept = sorted({*KEPT, *KNOWN_REVISIONS, *shown}, key=len, reverse=True)
        self.blob = "\n".join(" ".join(d.split()) for d in data)  # for excerpts of the data
        self.checked = 0

    def problems(self, root: QWidget) -> list[str]:
        found = []
        for where, raw in texts(root):
            for text in _plain(raw).splitlines():
                problem = self.problem(text)
                self.checked += bool(text.strip())
                if problem:
                    found.append(f"{where}: {problem}: {text!r}")
        return sorted(set(found))

    def problem(self, text: str) -> str | None:
        norm = _norm(text)
        if not norm:
            return None
        words = self._english_words(text)
        if words:
            # An excerpt of the data (a note's first lines, a search snippet) is data too.
            pieces = [" ".join(p.split()) for p in re.split(r"…|\.\.\.| — |：|: ", text)]
            words = self._english_words(" ".join(p for p in pieces if len(p) >= 4 and p not in self.blob))
        if not words:
            return None
        if norm in self.whole or any(p.match(norm) for p in self.patterns):
            return "an English message"
        return f"English words {words}"

    def _english_words(self, text: str) -> list[str]:
        rest = " ".join(text.split())
        # Absolute paths first: a name from the data inside one would split it (a temporary
        # folder named after the test, '/tmp/pytest-of-root/pytest-360/test_dialogs0').
        rest = re.sub(r"(?<!\S)(?:/|[A-Za-z]:\\)\S+", " ", rest)
        for kept in self.kept:
            if kept in rest:
                rest = _without(rest, kept)
        rest = re.sub(r"\S+[/\\]\S+|\S+\.(sqlite3|md|json|yaml|db)\b", " ", rest)  # paths, file names
        return _WORD.findall(rest)


def _without(text: str, kept: str) -> str:
    """`text` with each whole occurrence of `kept` blanked (not inside a longer word)."""
    out, at = [], 0
    while (found := text.find(kept, at)) >= 0:
        end = found + len(kept)
        before = text[found - 1] if found else " "
        after = text[end] if end < len(text) else " "
        whole = not (before.isascii() and before.isalnum()) and not (after.isascii() and after.isalnum())
        out.append(text[at:found] + (" " if whole else kept))
        at = end
    out.append(text[at:])
    return "".join(out)


@pytest.fixture
def chinese(qtbot: QtBot) -> Iterator[None]:
    i18n.install(i18n.CHINESE.code)
    yield
    i18n.install(i18n.ENGLISH.code)


@pytest.fixture
def zh_window(chinese: None, qtbot: QtBot, seeded_db: Database) -> Iterator[MainWindow]:
    win = MainWindow(Library(seeded_db))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


@pytest.fixture
def checker(seeded_db: Database) -> Checker:
    return Checker(seeded_db)


def test_the_translation_loads_and_qt_translates_its_own_buttons(chinese: None, qtbot: QtBot) -> None:
    assert i18n.current() is i18n.CHINESE
    box = QMessageBox(QMessageBox.Icon.Information, "", "", QMessageBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QMessageBox.StandardButton.Cancel).text().replace("&", "") in ("取消", "取消(C)")


def test_the_checker_finds_english(zh_window: MainWindow, checker: Checker) -> None:
    """The walk is not blind: an English label, or a source string, is reported."""
    zh_window.statusBar().showMessage("")
    label = QLabel("Something nobody translated", zh_window.centralWidget())
    label.show()
    copy = QLabel("Move to Trash", zh_window.centralWidget())
    copy.show()
    found = "\n".join(checker.problems(zh_window))
    assert "Something nobody translated" in found and "Move to Trash" in found


def test_main_window_menus_actions_and_sidebar(zh_window: MainWindow, checker: Checker) -> None:
    assert zh_window.menuBar().actions()[0].text() == "文件(&F)"
    assert checker.problems(zh_window) == []
    for kind_key in ("person", "country", "organization", "initiative", "event", "source", "trash"):
        zh_window.sidebar.select(kind_key)
        assert checker.problems(zh_window) == [], kind_key
    for key in ("notes", "tags"):
        zh_window.sidebar.select(key)
        assert checker.problems(zh_window) == [], key
    assert checker.checked > 500


@pytest.mark.parametrize(
    "slug",
    [
        "chen-gang",
        "laos",
        "ndrc",
        "ca-ai-application-cooperation-center",
        "roundtable-2025",
        "china-org-cn-2025-09-roundtable",
    ],
)
def test_detail_page_of_every_kind(zh_window: MainWindow, checker: Checker, slug: str) -> None:
    assert zh_window.open_entry(slug)
    assert checker.problems(zh_window.detail_view) == []


def test_dialogs(qtbot: QtBot, zh_window: MainWindow, checker: Checker, seeded_db: Database) -> None:
    dialogs: list[QDialog] = [
        zh_window.preferences.dialog(),
        AboutDialog(zh_window),
        ExportDialog(zh_window),
        ImportDialog(zh_window),
        BackupsDialog(seeded_db.path, zh_window),
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert checker.problems(dialog) == [], type(dialog).__name__
    preferences = dialogs[0]
    for row in range(preferences.page_list.count()):  # type: ignore[attr-defined]
        preferences.page_list.setCurrentRow(row)  # type: ignore[attr-defined]
        assert checker.problems(preferences) == [], preferences.page_list.item(row).text()  # type: ignore[attr-defined]


def test_check_database_result(qtbot: QtBot, zh_window: MainWindow, checker: Checker) -> None:
    check_database(zh_window)
    qtbot.waitUntil(lambda: zh_window.findChild(QMessageBox, "checkResult") is not None, timeout=30_000)
    box = zh_window.findChild(QMessageBox, "checkResult")
    assert isinstance(box, QMessageBox)
    assert checker.problems(box) == []
    assert "数据库状况良好" in box.text()
    box.close()


def test_entry_form_with_a_validation_error(qtbot: QtBot, zh_window: MainWindow, checker: Checker) -> None:
    zh_window.open_entry("wang-changlin")
    form = zh_window.editing.edit_entry()  # type: ignore[attr-defined]
    assert form is not None
    end = form.role_rows[0].fields["end"]
    assert isinstance(end, QLineEdit)
    end.setText("2019-02-30")
    slug = form.slots["slug"].widget
    assert isinstance(slug, QLineEdit)
    slug.setText("Wang Changlin")
    form.submit()
    assert form.summary_error.isVisible() and "未保存任何内容" in form.summary_error.text()
    problems = checker.problems(form)
    assert [p for p in problems if "Wang Changlin" not in p and "2019-02-30" not in p] == []
    form.reject()


def test_notes_editor_and_panel(qtbot: QtBot, zh_window: MainWindow, checker: Checker) -> None:
    zh_window.open_entry("chen-gang")
    panel = zh_window.notes_panel  # type: ignore[attr-defined]
    panel.new_note()
    assert panel.editor.note is not None
    assert checker.problems(panel) == []
    panel.tabs.setCurrentWidget(panel.revisions)
    assert checker.problems(panel) == []


def test_search_results(qtbot: QtBot, zh_window: MainWindow, checker: Checker) -> None:
    box = zh_window.search.box  # type: ignore[attr-defined]
    box.setFocus()
    box.setText("ASEAN")
    box.run_now()
    qtbot.waitUntil(lambda: box.panel.model.rowCount() > 0, timeout=20_000)
    assert checker.problems(box.panel) == []
    assert checker.problems(box) == []
