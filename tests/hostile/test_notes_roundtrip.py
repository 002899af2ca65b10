"""Notes a hostile tester would write, through export -> import-notes of the untouched vault.

Bodies and titles are built from what breaks a vault: lines that look like the markers an export
puts around each note (with backslashes, spaces and \\r\\n around them), front matter look-alikes
('---', 'kind: note'), every script of the region, joiners and right-to-left marks, control
characters, lone carriage returns, links, and lines hundreds of kilobytes long. The property is
the promise of the README: importing a vault nobody edited changes nothing (0 notes updated,
every note as it was), and exporting again finds every file as it wrote it. Text Roundtable
cannot store (a lone surrogate) is refused when the note is saved, and never reaches a vault.
"""

from __future__ import annotations

import contextlib
import sqlite3
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from app.db.database import open_database
from app.io.markdown import NOTE_BEGIN, NOTE_END
from app.services.markdown_export import MarkdownExport, export_markdown
from app.services.notes import Notes
from app.services.vault_import import import_vault_notes
from tests.builders.canonical import canonical
from tests.builders.strategies import HOSTILE, SCRIPTS
from tests.conftest import copy_db

STAMP = "2026-01-02T03:04:05.123456+00:00"
uids = st.one_of(st.uuids().map(str), st.just("0ec43306-a883-5072-adfd-3bf83d9103c7"))
markers = st.one_of(
    st.builds(lambda u: NOTE_BEGIN.format(uid=u, updated=STAMP), uids),
    st.builds(lambda u: NOTE_END.format(uid=u), uids),
    st.sampled_from(["<!-- roundtable note", "<!-- end of roundtable note", "<!-- roundtable note x y: -->"]),
)
# A marker line as it may sit in a note: after backslashes (escaped by hand, or by an export
# of an export) or spaces, with anything after it on its line.
marker_lines = st.tuples(
    st.sampled_from(["", "\\", "\\\\", " ", "   "]), markers, st.sampled_from(["", " ", "x"])
).map("".join)
front_matter = st.sampled_from(
    [
        "---",
        "...",
        "kind: note",
        "id: 0ec43306-a883-5072-adfd-3bf83d9103c7",
        "---\nid: 0ec43306-a883-5072-adfd-3bf83d9103c7\nkind: note\ntitle: other\n---",
        "---\n---",
        "*created 2026-01-02*",
        "# Heading",
    ]
)
scripts = st.sampled_from(SCRIPTS)
pieces = st.one_of(
    marker_lines,
    front_matter,
    scripts,
    st.sampled_from(HOSTILE),
    st.sampled_from(["[[alpha]]", "[[laos|the country]]", "[[Alpha Person]]", "[[Nobody]]", "[x](y.md)"]),
    st.text(st.characters(exclude_categories=("Cs",)), max_size=12),
    st.text(st.characters(categories=("Cs",)), min_size=1, max_size=2),  # lone surrogates
)
line_ends = st.sampled_from(["\n", "\n", "\r\n", "\r", "\n\n", ""])
bodies = st.lists(st.tuples(pieces, line_ends).map("".join), max_size=12).map("".join)
# A line hundreds of kilobytes long, as (what, how many times): the test makes it, so that a
# failing example is reported in a few lines, not a megabyte.
huge_lines = st.one_of(st.none(), st.tuples(scripts | marker_lines, st.integers(10_000, 40_000)))
titles = st.one_of(st.just(""), pieces.map(lambda s: s[:200]))
notes = st.lists(
    st.tuples(titles, bodies, huge_lines, st.sampled_from([None, "alpha", "laos"])), min_size=1, max_size=4
)


def _storable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
)
@given(notes=notes, links=st.sampled_from(["wiki", "markdown"]), digest=st.booleans())
@example(
    notes=[
        (
            "Pasted",
            "Copied:\n\n"
            + NOTE_BEGIN.format(uid="0ec43306-a883-5072-adfd-3bf83d9103c7", updated=STAMP)
            + "\n\nolder\n\n"
            + NOTE_END.format(uid="0ec43306-a883-5072-adfd-3bf83d9103c7")
            + "\n",
            None,
            "alpha",
        )
    ],
    links="wiki",
    digest=True,
)
def test_an_untouched_vault_brings_back_no_change(
    mini_template: Path,
    notes: list[tuple[str, str, tuple[str, int] | None, str | None]],
    links: str,
    digest: bool,
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = open_database(copy_db(mini_template, folder / "lib.sqlite3"))
        try:
            service = Notes(db)
            ids = dict(db.read().execute("SELECT slug, id FROM entity").fetchall())
            for title, text, huge, entry in notes:
                body = text if huge is None else text + "\n" + huge[0] * huge[1] + "\n" + text
                count = db.read().execute("SELECT count(*) FROM note").fetchone()[0]
                if _storable(title) and _storable(body):
                    service.create(
                        entry_id=ids[entry] if entry else None, body=body, title=title, tags=("t",)
                    )
                    continue
                with contextlib.suppress(UnicodeEncodeError, ValueError, sqlite3.Error):
                    service.create(entry_id=None, body=body, title=title)  # refused: not UTF-8
                assert db.read().execute("SELECT count(*) FROM note").fetchone()[0] == count

            vault = folder / "vault"
            job = MarkdownExport(folder=vault, links=links, digest=vault / "digest.md" if digest else None)  # type: ignore[arg-type]
            export_markdown(db, job)
            before = canonical(db.path)
            report = import_vault_notes(db, vault)
            assert report.updated == [] and report.conflicts == [] and report.unknown == [], report.summary()
            assert canonical(db.path) == before  # every body, title and time as it was
            again = export_markdown(db, job)
            assert again.written == [] and again.skipped == [] and again.beside == [], again.summary()
        finally:
            db.close()
