"""Screenshots of the notes screens (part of `make screenshots`, see packaging/screenshots.py).

Runs on a fresh copy of the bundled dataset in a temporary folder; the user's data is untouched.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QDeadlineTimer, QEventLoop
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QWidget

NOTE = """# 会议笔记 — Nanning roundtable

[[陈刚|Chen Gang]] opened the [[roundtable-2025]] and spoke about the
[[China-ASEAN Artificial Intelligence Application Cooperation Center]].

ความร่วมมือด้าน AI ระหว่างจีนกับอาเซียน — compare what [[Laos]] and [[ประเทศไทย]] said.
Follow up with [[Nobody Known]] (no such entry yet).

- **Decision:** a joint *capacity-building* programme
- Source: https://www.china.org.cn (open only when clicked)
- `[[not a link]]` inside code stays code

> 我相信,東盟和中國在人工智能研發方面具有巨大的合作潛力。 — [[boviengkham-vongdara]], as quoted by CRI

<img src="https://example.org/tracker.png"> raw HTML is shown, never loaded.
"""


def settle(app: QApplication, ms: int = 400) -> None:
    deadline = QDeadlineTimer(ms)
    while not deadline.hasExpired():
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def grab(widget: QWidget, folder: Path, name: str) -> None:
    path = folder / f"{name}.png"
    widget.grab().save(str(path))
    print(path)


class _Clock:
    def __init__(self, start: datetime) -> None:
        self.at = start

    def __call__(self) -> str:
        return self.at.isoformat(timespec="microseconds")


def main(folder: Path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    folder.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    sys.path.insert(0, str(Path(__file__).parent))
    from screenshots import scheme

    for dark in (False, True):
        scheme(app, dark)
        take(app, folder, "dark" if dark else "light")


def take(app: QApplication, folder: Path, prefix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["ROUNDTABLE_HOME"] = tmp
        from app.gui.main_window import MainWindow
        from app.gui.notes.panel import NotesPanel
        from app.services.library import Library, open_library
        from app.services.notes import Notes
        from app.services.tags import Tags

        db = open_library(Path(tmp) / "roundtable.sqlite3")
        # A note with a history: three sessions of writing earlier today.
        clock = _Clock(datetime.now(UTC) - timedelta(hours=3))
        notes = Notes(db, now=clock)
        ids = dict(db.read().execute("SELECT slug, id FROM entity"))
        note = notes.create(
            entry_id=ids["chen-gang"], body="# 会议笔记\n\nFirst impressions of the roundtable."
        )
        for minutes, body in (
            (40, "# 会议笔记\n\nFirst impressions of the roundtable: [[Chen Gang]] opened it."),
            (75, NOTE.split("- **Decision")[0]),
            (30, NOTE),
        ):
            clock.at += timedelta(minutes=minutes)
            notes.save(note.id, body)
        notes.set_tags(note.id, ["roundtable", "policy/capacity-building"])
        # More notes, so the Notes and Tags views have something to sort and count.
        for minutes, slug, body, tags in (
            (5, "laos", "Lao delegation\n\nWho spoke for [[Laos]] at [[roundtable-2025]]?", ["follow-up"]),
            (
                7,
                None,
                "Questions for the next trip\n\n- capacity building\n- [[ASEAN]] data rules",
                ["policy/data"],
            ),
            (9, "roundtable-2025", "Programme of the day\n\nOpening by [[Chen Gang]].", ["roundtable"]),
        ):
            clock.at += timedelta(minutes=minutes)
            notes.create(entry_id=ids[slug] if slug else None, body=body, tags=tags)
        clock.at += timedelta(minutes=3)
        scratch = notes.create(entry_id=ids["chen-gang"], body="Scratch\n\nA draft that was not needed.")
        tags = Tags(db, notes.writer)
        tags.set_entry_tags(ids["chen-gang"], ["roundtable", "policy/capacity-building"])
        tags.set_entry_tags(ids["roundtable-2025"], ["roundtable"])
        notes.writer.close()

        window = MainWindow(Library(db))
        window.resize(1700, 950)
        window.show()
        window.open_entry("chen-gang")
        panel = window.findChild(NotesPanel)
        assert panel is not None
        panel.model.refresh()
        panel.table.selectRow(panel.model.row_of(note.id))
        settle(app)
        grab(window, folder, f"{prefix}-notes-window")
        panel.editor.resize(1100, 700)
        grab(panel.editor, folder, f"{prefix}-notes-editor-split")
        panel.editor.set_view("preview")
        settle(app)
        grab(panel.editor, folder, f"{prefix}-notes-editor-preview")
        panel.editor.set_view("split")
        panel.tabs.setCurrentWidget(panel.revisions)
        settle(app)
        panel.revisions.list.setCurrentIndex(panel.revisions.model.index(2, 0))
        settle(app)
        grab(panel, folder, f"{prefix}-notes-revisions")
        panel.tabs.setCurrentWidget(panel.editor)

        window.open_entry("roundtable-2025")
        settle(app)
        view = window.detail_view
        found = view.document().find("Notes", 0, QTextDocument.FindFlag.FindCaseSensitively)
        view.verticalScrollBar().setValue(
            int(view.document().documentLayout().blockBoundingRect(found.block()).top()) - 40
        )
        settle(app)
        grab(window, folder, f"{prefix}-entry-notes-links")

        feature = window.notes  # type: ignore[attr-defined]
        feature.show_notes_view()
        feature.notes_view.table.selectRow(0)
        settle(app)
        grab(window, folder, f"{prefix}-notes-view")
        feature.show_tag("policy")
        feature.tags_view.entries.setCurrentIndex(feature.tags_view.entries_model.index(0, 0))
        settle(app)
        grab(window, folder, f"{prefix}-tags-view")

        panel.show_note(scratch.id)
        panel.delete_note()
        window.sidebar.select("trash")
        feature.trash.table.selectRow(0)
        settle(app)
        grab(window, folder, f"{prefix}-trash-with-note")
        window.close()
        db.close()
