"""Helpers for driving widgets as a user would."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QObject, Qt, QTimer, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QInputMethodEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.gui import i18n
from app.gui.host import Host
from app.gui.main_window import MainWindow
from app.services.library import Library
from app.services.opening import Option, Problem


class UrlRecorder(QObject):
    """Stands in for the desktop (browser, file manager): what Roundtable asked it to open."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


@pytest.fixture
def desktop() -> Iterator[UrlRecorder]:
    """QDesktopServices.openUrl hands http, https and file URLs to a recorder, not the desktop."""
    recorder = UrlRecorder()
    schemes = ("http", "https", "file")
    for scheme in schemes:
        QDesktopServices.setUrlHandler(scheme, recorder, "open")
    yield recorder
    for scheme in schemes:
        QDesktopServices.unsetUrlHandler(scheme)


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type `text` into `widget`: key presses for ASCII, an input-method commit for other
    scripts (how Chinese, Thai or Lao text really arrives; QTest cannot press those keys)."""
    widget.setFocus()
    if text.isascii():
        qtbot.keyClicks(widget, text)
        return
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


@pytest.fixture(autouse=True)
def english(qapp: QApplication) -> Iterator[None]:
    """The interface as the app shows it in English: the source strings, and the English
    translation that gives plural messages their singular ("1 note")."""
    i18n.install(i18n.ENGLISH.code)
    yield
    i18n.uninstall()


@pytest.fixture
def window(qtbot: QtBot, seeded_db: Database) -> Iterator[MainWindow]:
    """The main window over a copy of the seeded database, shown."""
    win = MainWindow(Library(seeded_db))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def click_message_box_button(qtbot: QtBot, text: str) -> list[str]:
    """Arrange to press the button called `text` on the next message box; returns the texts
    the box showed (filled once it has been answered)."""
    seen: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        seen.extend([box.text(), box.informativeText()])
        for button in box.buttons():
            if button.text().replace("&", "") == text:
                qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
                return
        raise AssertionError(f"no button {text!r} on {box.text()!r}")

    QTimer.singleShot(0, answer)
    return seen


def click_in_next_dialog(
    button_name: str, seen: list[str] | None = None, *, timeout_ms: int = 10_000
) -> None:
    """When the next modal dialog opens, click its button named `button_name` (as a user
    would answer it); its text goes into `seen`. For dialogs opened with exec()."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QAbstractButton, QMessageBox

    waited = 0

    def poll() -> None:
        nonlocal waited
        dialog = QApplication.activeModalWidget()
        button = None
        if dialog is not None:
            for candidate in dialog.findChildren(QAbstractButton):
                label = candidate.text().replace("&", "")
                if candidate.isVisible() and button_name in (candidate.objectName(), label):
                    button = candidate
                    break
        if button is None:
            waited += 20
            if waited < timeout_ms:
                QTimer.singleShot(20, poll)
            return
        if seen is not None and dialog is not None:
            texts = [dialog.windowTitle()]
            if isinstance(dialog, QMessageBox):
                texts += [dialog.text(), dialog.informativeText()]
            seen.append("\n".join(texts))
        button.click()

    QTimer.singleShot(0, poll)


class Answers:
    """Stands in for the user at the start-up dialogs: answers in turn, and remembers the
    problems it was shown (the dialogs themselves are driven by hand in other tests)."""

    def __init__(self, *answers: Option) -> None:
        self.answers = list(answers)
        self.problems: list[Problem] = []

    def __call__(self, problem: Problem, parent: QWidget | None, *, keep_open: bool = False) -> Option:
        self.problems.append(problem)
        assert self.answers, f"an unexpected question: {problem.title}: {problem.explanation}"
        return self.answers.pop(0)


@pytest.fixture
def hosts(qtbot: QtBot) -> Iterator[list[Host]]:
    """Hosts a test starts, each closed and let go of afterwards."""
    made: list[Host] = []
    yield made
    for host in made:
        if host.window is not None:
            host.window.close()
        host.release()
    QApplication.processEvents()


def wait_finished(qtbot: QtBot, window: MainWindow) -> None:
    """Wait until `window` has installed what waits for its first paint (MainWindow.finish):
    a window the app starts (paint_first) has its whole menus from then on."""
    qtbot.waitUntil(lambda: window.is_finished, timeout=10_000)
