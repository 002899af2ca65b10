"""The note editor as a researcher uses it: type, leave, compose with an input method, link,
tag, preview; and when the database cannot be written, see it and lose nothing."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication, QInputMethodEvent, QTextCharFormat
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from app.db.connection import connect
from app.db.database import Database
from app.gui.notes.autosave import DELAY_MS
from app.gui.notes.editor import NoteEditor
from app.gui.notes.preview_html import render
from app.records.entries import Ref
from app.services.notes import Notes
from app.services.tags import Tags
from app.services.writing import Writer
from tests.gui.conftest import type_text


def stored(db: Database, note_id: int) -> str:
    conn = sqlite3.connect(db.path)
    try:
        return str(conn.execute("SELECT body FROM note WHERE id = ?", (note_id,)).fetchone()[0])
    finally:
        conn.close()


class Desk(QWidget):
    """The editor beside another field, in a window, as it sits in the app."""

    def __init__(self, db: Database, notes: Notes) -> None:
        super().__init__()
        self.editor = NoteEditor(notes, Tags(db, notes.writer), self)
        self.elsewhere = QLineEdit(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.elsewhere)
        layout.addWidget(self.editor)
        self.resize(900, 600)


@pytest.fixture
def make_desk(qtbot: QtBot, mini_db: Database) -> Iterator[Callable[[Notes | None], Desk]]:
    made: list[Desk] = []

    def make(notes: Notes | None = None) -> Desk:
        desk = Desk(mini_db, notes or Notes(mini_db))
        qtbot.addWidget(desk)
        desk.show()
        qtbot.waitExposed(desk)
        desk.activateWindow()
        made.append(desk)
        return desk

    yield make
    for desk in made:
        desk.editor.autosave.stop()


@pytest.fixture
def desk(make_desk: Callable[[Notes | None], Desk]) -> Desk:
    return make_desk(None)


@pytest.fixture
def two_notes(mini_db: Database) -> tuple[int, int]:
    notes = Notes(mini_db)
    first = notes.create(body="First note\n").id
    second = notes.create(body="Second note\n").id
    notes.writer.close()
    return first, second


def compose(widget: QWidget, preedit: str, commit: str = "") -> None:
    """What an input method sends: the text being composed, or the text chosen."""
    event = QInputMethodEvent(preedit, [])
    if commit:
        event.setCommitString(commit)
    QApplication.sendEvent(widget, event)


def end_of_text(desk: Desk) -> None:
    desk.editor.body.setFocus()
    desk.editor.body.moveCursor(desk.editor.body.textCursor().MoveOperation.End)


# --- autosave ---------------------------------------------------------------------------------


def test_typing_is_saved_shortly_after_the_last_keystroke(
    qtbot: QtBot, desk: Desk, mini_db: Database, two_notes: tuple[int, int]
) -> None:
    assert DELAY_MS < 1000
    first, _ = two_notes
    assert desk.editor.open_note(first)
    end_of_text(desk)
    qtbot.keyClicks(desk.editor.body, "Typed and not saved by hand")
    qtbot.waitUntil(lambda: stored(mini_db, first) == "First note\nTyped and not saved by hand", timeout=5000)
    assert not desk.editor.is_dirty
    assert desk.editor.status.text().startswith("Saved")


def test_typing_on_without_a_pause_is_still_saved_every_second(
    qtbot: QtBot, desk: Desk, mini_db: Database, two_notes: tuple[int, int]
) -> None:
    first, _ = two_notes
    desk.editor.open_note(first)
    end_of_text(desk)
    for letter in "abcdefghij":  # a key every 0.3 s for 3 s: the pause the debounce waits for never comes
        qtbot.keyClick(desk.editor.body, letter)
        qtbot.wait(300)
        if len(stored(mini_db, first)) > len("First note\n"):
            break
    saved = stored(mini_db, first)
    assert saved.startswith("First note\na") and desk.editor.body.toPlainText().startswith(saved)


@pytest.mark.parametrize(
    "way_out",
    [
        "focus leaves",
        "another note",
        "close the note",
        "application inactive",
        "application quits",
        "editor hidden",
    ],
)
def test_every_way_out_saves_at_once(
    qtbot: QtBot, desk: Desk, mini_db: Database, two_notes: tuple[int, int], way_out: str
) -> None:
    first, second = two_notes
    desk.editor.autosave.set_intervals(delay_ms=60_000)  # only the way out can have saved it
    desk.editor.open_note(first)
    end_of_text(desk)
    qtbot.keyClicks(desk.editor.body, "last words")
    assert stored(mini_db, first) == "First note\n"
    if way_out == "focus leaves":
        desk.elsewhere.setFocus()
        qtbot.waitUntil(lambda: not desk.editor.body.hasFocus())
    elif way_out == "another note":
        assert desk.editor.open_note(second)
    elif way_out == "close the note":
        assert desk.editor.close_note()
    elif way_out == "application inactive":
        QGuiApplication.instance().applicationStateChanged.emit(Qt.ApplicationState.ApplicationInactive)  # type: ignore[union-attr]
    elif way_out == "application quits":
        QCoreApplication.instance().aboutToQuit.emit()  # type: ignore[union-attr]
    elif way_out == "editor hidden":
        desk.editor.hide()
    assert stored(mini_db, first) == "First note\nlast words"


# --- input methods ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("steps", "final"),
    [
        (["h", "hui", "huiyi", "会议"], "会议"),  # pinyin, then the characters chosen
        (["ป", "ประ", "ประชุม"], "ประชุม"),  # Thai composed before it is committed
    ],
)
def test_composed_text_is_saved_once_committed(
    qtbot: QtBot, desk: Desk, mini_db: Database, two_notes: tuple[int, int], steps: list[str], final: str
) -> None:
    first, _ = two_notes
    desk.editor.open_note(first)
    end_of_text(desk)
    for step in steps:
        compose(desk.editor.body, step)
    assert desk.editor.body.toPlainText() == "First note\n"  # still composing
    compose(desk.editor.body, "", commit=final)
    assert desk.editor.body.toPlainText() == f"First note\n{final}"
    qtbot.waitUntil(lambda: stored(mini_db, first) == f"First note\n{final}", timeout=5000)


@pytest.mark.parametrize("composing", ["会议记录", "ประชุม"])
@pytest.mark.parametrize("way_out", ["another note", "application inactive", "focus leaves"])
def test_text_still_being_composed_is_kept_on_the_way_out(
    qtbot: QtBot, desk: Desk, mini_db: Database, two_notes: tuple[int, int], composing: str, way_out: str
) -> None:
    first, second = two_notes
    desk.editor.open_note(first)
    end_of_text(desk)
    type_text(qtbot, desk.editor.body, "Notes: ")
    compose(desk.editor.body, composing)  # composed, never committed by the input method
    if way_out == "another note":
        assert desk.editor.open_note(second)
    elif way_out == "application inactive":
        QGuiApplication.instance().applicationStateChanged.emit(Qt.ApplicationState.ApplicationInactive)  # type: ignore[union-attr]
    else:
        desk.elsewhere.setFocus()
        qtbot.waitUntil(lambda: not desk.editor.body.hasFocus())
    assert stored(mini_db, first) == f"First note\nNotes: {composing}"  # once, not lost, not doubled
    if way_out != "another note":
        assert desk.editor.body.toPlainText() == f"First note\nNotes: {composing}"
        assert desk.editor.body.preedit == ""


# --- failures ---------------------------------------------------------------------------------


def _lock(db: Database) -> sqlite3.Connection:
    other = connect(db.path)
    other.execute("BEGIN EXCLUSIVE")  # another program holding the file
    return other


def test_a_failed_save_is_shown_keeps_the_text_and_retries(
    qtbot: QtBot, desk: Desk, mini_db: Database, two_notes: tuple[int, int]
) -> None:
    first, second = two_notes
    desk.editor.autosave.set_intervals(retry_ms=200)
    desk.editor.open_note(first)
    end_of_text(desk)
    other = _lock(mini_db)
    try:
        qtbot.keyClicks(desk.editor.body, "written while locked")
        assert not desk.editor.flush()
        assert "Not saved" in desk.editor.status.text() and "busy" in desk.editor.status.text()
        assert not desk.editor.status_icon.isHidden()
        assert desk.editor.body.toPlainText() == "First note\nwritten while locked"
        assert not desk.editor.open_note(second)  # switching away would lose the text: refused
        assert desk.editor.note_id == first
        assert not desk.editor.close_note()
    finally:
        other.execute("ROLLBACK")
        other.close()
    qtbot.waitUntil(lambda: stored(mini_db, first) == "First note\nwritten while locked", timeout=5000)
    qtbot.waitUntil(lambda: desk.editor.status.text().startswith("Saved"))
    assert desk.editor.status_icon.isHidden()
    assert desk.editor.open_note(second)


def test_a_read_only_file_then_writable_again(
    qtbot: QtBot, make_desk: Callable[[Notes | None], Desk], mini_db: Database, two_notes: tuple[int, int]
) -> None:
    first, _ = two_notes
    readonly = {"now": True}

    def connect_as_it_is() -> sqlite3.Connection:
        return connect(mini_db.path, readonly=readonly["now"], check_same_thread=False)

    desk = make_desk(Notes(mini_db, Writer(mini_db, connect=connect_as_it_is)))
    desk.editor.autosave.set_intervals(retry_ms=200)
    desk.editor.open_note(first)
    end_of_text(desk)
    qtbot.keyClicks(desk.editor.body, "more")
    assert not desk.editor.flush()
    assert "read-only" in desk.editor.status.text()
    assert stored(mini_db, first) == "First note\n"
    readonly["now"] = False  # the file was made writable
    qtbot.waitUntil(lambda: stored(mini_db, first) == "First note\nmore", timeout=5000)


def test_a_full_disk_is_reported_and_nothing_half_written(
    qtbot: QtBot, make_desk: Callable[[Notes | None], Desk], mini_db: Database, two_notes: tuple[int, int]
) -> None:
    first, _ = two_notes

    def connect_to_full_disk() -> sqlite3.Connection:
        conn = connect(mini_db.path, check_same_thread=False)
        conn.execute(f"PRAGMA max_page_count = {conn.execute('PRAGMA page_count').fetchone()[0]}")
        return conn

    desk = make_desk(Notes(mini_db, Writer(mini_db, connect=connect_to_full_disk)))
    desk.editor.open_note(first)
    end_of_text(desk)
    type_text(qtbot, desk.editor.body, "很长的笔记 " * 20_000)
    assert not desk.editor.flush()
    assert "disk is full" in desk.editor.status.text()
    assert stored(mini_db, first) == "First note\n"
    assert desk.editor.is_dirty and desk.editor.body.toPlainText().endswith("很长的笔记 ")


# --- links, preview, completion, tags ---------------------------------------------------------


def _write_with_preview(qtbot: QtBot, desk: Desk, note_id: int, text: str) -> None:
    """Open the note in the split view and type `text` at its end; the preview follows."""
    desk.editor.set_view("split")
    desk.editor.open_note(note_id)
    end_of_text(desk)
    type_text(qtbot, desk.editor.body, text)
    desk.editor.refresh_preview()


def _waved(desk: Desk) -> set[str]:
    """The text of the last line underlined with a wave (links that name no entry)."""
    block = desk.editor.body.document().lastBlock()
    return {
        block.text()[f.start : f.start + f.length]
        for f in block.layout().formats()
        if f.format.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
    }


def test_preview_renders_links_and_marks_unresolved_ones(
    qtbot: QtBot, desk: Desk, mini_db: Database, two_notes: tuple[int, int]
) -> None:
    _write_with_preview(qtbot, desk, two_notes[0], "会见 [[阿尔法]] 和 [[ลาว]]，见 [[meeting|the meeting]]。")
    html = desk.editor.preview.toHtml()
    assert 'href="entry:alpha"' in html and 'href="entry:meeting"' in html
    assert "missing:" in html and "[[ลาว]]" in desk.editor.preview.toPlainText()
    assert "the meeting" in desk.editor.preview.toPlainText()
    assert _waved(desk) == {"[[ลาว]]"}  # in the text, the unresolved link only
    with qtbot.waitSignal(desk.editor.link_activated) as opened:
        desk.editor.preview.anchorClicked.emit(QUrl("entry:alpha"))
    assert opened.args == ["alpha"]
    with qtbot.waitSignal(desk.editor.missing_link_activated) as missing:
        desk.editor.preview.anchorClicked.emit(
            QUrl("missing:" + QUrl.toPercentEncoding("ลาว").data().decode())
        )
    assert missing.args == ["ลาว"]


def test_a_link_resolves_once_an_entry_gets_its_name(
    qtbot: QtBot, desk: Desk, mini_db: Database, two_notes: tuple[int, int]
) -> None:
    _write_with_preview(qtbot, desk, two_notes[0], " [[ลาว]]")
    assert "missing:" in desk.editor.preview.toHtml() and _waved(desk) == {"[[ลาว]]"}
    conn = mini_db.read()
    with conn:  # another window, or an import, gives Laos its Thai name
        conn.execute("INSERT INTO alias (entity_id, value) SELECT id, 'ลาว' FROM entity WHERE slug = 'laos'")
    desk.editor.entries_changed()  # what the notes panel does when entries change
    html = desk.editor.preview.toHtml()
    assert 'href="entry:laos"' in html and "missing:" not in html
    assert _waved(desk) == set()  # no longer marked as naming nothing


def test_raw_html_and_images_are_never_loaded_and_web_links_open_only_on_click(
    qtbot: QtBot, desk: Desk, two_notes: tuple[int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()) or True)
    first, _ = two_notes
    desk.editor.open_note(first)
    end_of_text(desk)
    compose(
        desk.editor.body,
        "",
        commit='<img src="http://tracker.invalid/x.png"><script>alert(1)</script>\n\n'
        "![chart](https://example.org/chart.png) and https://example.org/page",
    )
    desk.editor.refresh_preview()
    preview = desk.editor.preview
    text = preview.toPlainText()
    assert '<img src="http://tracker.invalid/x.png"><script>alert(1)</script>' in text  # shown, as text
    assert "[image: chart]" in text
    images = [
        frag
        for block in _blocks(preview.document())
        for frag in _fragments(block)
        if frag.charFormat().isImageFormat()
    ]
    assert images == []
    assert opened == []  # rendering opened nothing
    preview.anchorClicked.emit(QUrl("https://example.org/page"))
    assert opened == ["https://example.org/page"]


def _blocks(document):  # type: ignore[no-untyped-def]
    block = document.begin()
    while block.isValid():
        yield block
        block = block.next()


def _fragments(block):  # type: ignore[no-untyped-def]
    it = block.begin()
    while not it.atEnd():
        yield it.fragment()
        it += 1


def test_markdown_rendering_escapes_html_and_keeps_links_offline() -> None:
    html = render(
        "<b>x</b> [[a]] [[b|shown]] [js](javascript:alert(1)) ![i](file:///etc/passwd)",
        {"a": Ref(1, "person", "a-slug", "A"), "b": None},
    )
    assert "&lt;b&gt;x&lt;/b&gt;" in html
    assert 'href="entry:a-slug"' in html
    assert 'class="unresolved" href="missing:b"' in html and "[[shown]]" in html
    assert "javascript:" not in html.replace("[js](javascript:alert(1))", "")
    assert "<img" not in html and "file:" not in html.replace("[i](file:///etc/passwd)", "")


# The offscreen platform cannot raise a popup or grab the keyboard for it; it says so.
OFFSCREEN_POPUP = pytest.mark.qt_log_ignore(
    "This plugin does not support raise", "This plugin does not support grabbing the keyboard"
)


@OFFSCREEN_POPUP
def test_typing_double_brackets_offers_entries_in_any_script(
    qtbot: QtBot, desk: Desk, mini_db: Database, two_notes: tuple[int, int]
) -> None:
    first, _ = two_notes
    desk.editor.open_note(first)
    end_of_text(desk)
    type_text(qtbot, desk.editor.body, "See [[")
    completer = desk.editor.body.completer_
    popup = completer.popup()
    qtbot.waitUntil(popup.isVisible)
    type_text(qtbot, desk.editor.body, "阿尔")
    assert completer.completionCount() == 1
    assert "Alpha Person" in completer.completionModel().index(0, 0).data()
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert desk.editor.body.toPlainText().endswith("See [[阿尔法]]")
    assert not popup.isVisible()
    type_text(qtbot, desk.editor.body, " and [[ລາ")
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert desk.editor.body.toPlainText().endswith("and [[ລາວ]]")
    desk.editor.flush()
    assert stored(mini_db, first).endswith("See [[阿尔法]] and [[ລາວ]]")


@OFFSCREEN_POPUP
def test_tags_complete_and_are_saved(
    qtbot: QtBot, desk: Desk, mini_db: Database, two_notes: tuple[int, int]
) -> None:
    first, _ = two_notes
    desk.editor.open_note(first)
    tags = desk.editor.tags
    tags.setFocus()
    qtbot.keyClicks(tags, "alp")
    popup = tags.completer_.popup()
    qtbot.waitUntil(popup.isVisible)
    assert tags.completer_.currentCompletion() == "people/alpha"
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert tags.text() == "people/alpha, "
    qtbot.keyClicks(tags, "Policy / Ethics")
    qtbot.keyClick(tags, Qt.Key.Key_Return)
    assert Notes(mini_db).tags_of(first) == ("people/alpha", "Policy/Ethics")
    tags.setText("fine, ,")
    qtbot.keyClicks(tags, "#")
    qtbot.keyClick(tags, Qt.Key.Key_Return)
    assert "Tags not saved" in desk.editor.status.text()
    assert Notes(mini_db).tags_of(first) == ("people/alpha", "Policy/Ethics")


def test_title_defaults_to_the_first_line_until_one_is_typed(
    qtbot: QtBot, desk: Desk, mini_db: Database, two_notes: tuple[int, int]
) -> None:
    first, _ = two_notes
    desk.editor.open_note(first)
    assert desk.editor.title.text() == "" and "First note" in desk.editor.title.placeholderText()
    type_text(qtbot, desk.editor.title, "东盟会议")
    desk.editor.flush()
    assert Notes(mini_db).get(first).title == "东盟会议"
