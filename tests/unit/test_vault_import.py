"""Notes edited in an exported vault come back, with the old text kept as a revision."""

from __future__ import annotations

import os
import re
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import frontmatter as python_frontmatter
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.db.database import Database, open_database
from app.io.datafile import dumps, read
from app.io.markdown import MAX_FILE_BYTES
from app.services.importer import import_file
from app.services.markdown_export import MarkdownExport, Scope, export_markdown
from app.services.vault_import import InvalidVault, import_vault_notes
from tests.builders.canonical import canonical
from tests.builders.notes_factory import add_note
from tests.builders.strategies import data_files, note_bodies
from tests.conftest import copy_db


def _note(db: Database, uid: str) -> tuple[str, str, list[tuple[str, str]]]:
    conn = db.read()
    nid, title, body = conn.execute("SELECT id, title, body FROM note WHERE uid = ?", (uid,)).fetchone()
    revisions = conn.execute(
        "SELECT title, body FROM note_revision WHERE note_id = ? ORDER BY id", (nid,)
    ).fetchall()
    return title, body, [tuple(r) for r in revisions]


def _edit_between_markers(path: Path, uid: str, new_body: str) -> None:
    text = path.read_text(encoding="utf-8")
    begin = text.index(f"<!-- roundtable note {uid}")
    start = text.index("\n", begin) + 1
    end = text.index(f"<!-- end of roundtable note {uid} -->")
    path.write_text(text[:start] + "\n" + new_body + "\n\n" + text[end:], encoding="utf-8")


@pytest.mark.parametrize("links", ["wiki", "markdown"])
def test_edited_notes_come_back_and_the_old_text_is_kept(
    mini_db: Database, tmp_path: Path, links: str
) -> None:
    standalone = add_note(mini_db, "Loose thought on [[alpha]].", title="Loose")
    attached = mini_db.read().execute("SELECT uid FROM note WHERE title = 'On Alpha'").fetchone()[0]
    vault = tmp_path / "vault"
    export_markdown(mini_db, MarkdownExport(folder=vault, links=links))  # type: ignore[arg-type]
    assert import_vault_notes(mini_db, vault).unchanged == 2  # nothing edited yet: nothing changes

    loose = python_frontmatter.loads((vault / "Notes/Loose.md").read_text(encoding="utf-8"))
    loose.content = loose.content.replace("Loose thought", "Sharper thought") + "\n\nพูดคุยกับ [[ministry]]"
    loose["title"] = "Sharper"
    (vault / "Notes/Loose.md").write_text(python_frontmatter.dumps(loose), encoding="utf-8")
    alpha = vault / "Officials/Alpha Person.md"
    text = alpha.read_text(encoding="utf-8")
    _edit_between_markers(alpha, attached, "Rewritten in Obsidian; still about [[The Meeting]].")
    assert text != alpha.read_text(encoding="utf-8")

    report = import_vault_notes(mini_db, vault)
    assert sorted(report.updated) == ["On Alpha", "Sharper"] and report.conflicts == []
    title, body, revisions = _note(mini_db, standalone)
    assert title == "Sharper"
    assert body == "Sharper thought on [[alpha]].\n\nพูดคุยกับ [[ministry]]"  # the link as it was written
    assert revisions == [("Loose", "Loose thought on [[alpha]].")]
    _, body, revisions = _note(mini_db, attached)
    assert body == "Rewritten in Obsidian; still about [[The Meeting]]."
    assert revisions == [("On Alpha", "Alpha met people at [[meeting]] and [[Nobody Known]].")]
    backlinks = mini_db.read().execute(
        "SELECT e.slug FROM note_link l JOIN note n ON n.id = l.note_id JOIN entity e ON e.id = l.entity_id "
        "WHERE n.uid = ?",
        (attached,),
    )
    assert [r[0] for r in backlinks] == ["meeting"]

    again = import_vault_notes(mini_db, vault)  # the same folder twice: no new revisions
    assert again.updated == [] and again.unchanged == 2


@pytest.mark.parametrize("links", ["wiki", "markdown"])
def test_edit_import_export_edit_import_again(mini_db: Database, tmp_path: Path, links: str) -> None:
    """The round a researcher repeats: nothing is taken for a conflict, no file for edited."""
    attached = mini_db.read().execute("SELECT uid FROM note WHERE title = 'On Alpha'").fetchone()[0]
    old = "2025-01-01T00:00:00+00:00"  # written long ago: the dates line will show a new 'updated'
    mini_db.read().execute(
        "UPDATE note SET created_at = ?, updated_at = ? WHERE uid = ?", (old, old, attached)
    )
    standalone = add_note(mini_db, "A loose note on [[alpha]].", title="Loose", when=old)
    vault = tmp_path / "vault"
    export_markdown(mini_db, MarkdownExport(folder=vault, links=links))  # type: ignore[arg-type]
    alpha = vault / "Officials/Alpha Person.md"
    loose = vault / "Notes/Loose.md"
    previous = "A loose"
    for version in ("Second version.", "Third version."):
        _edit_between_markers(alpha, attached, version)
        loose.write_text(loose.read_text(encoding="utf-8").replace(previous, version), encoding="utf-8")
        previous = version
        report = import_vault_notes(mini_db, vault)
        assert sorted(report.updated) == ["Loose", "On Alpha"] and report.conflicts == []
        assert _note(mini_db, attached)[1] == version
        assert _note(mini_db, standalone)[1].startswith(version)
        again = export_markdown(mini_db, MarkdownExport(folder=vault, links=links))  # type: ignore[arg-type]
        assert again.skipped == [] and again.written == []  # the files are Roundtable's own again
    assert "*Tags: #people/alpha · created 2025-01-01 · updated 20" in alpha.read_text(encoding="utf-8")


def test_a_note_changed_in_roundtable_too_is_a_conflict(mini_db: Database, tmp_path: Path) -> None:
    uid = add_note(mini_db, "first", title="Both")
    vault = tmp_path / "vault"
    export_markdown(mini_db, MarkdownExport(folder=vault))
    path = vault / "Notes/Both.md"
    path.write_text(path.read_text(encoding="utf-8").replace("first", "vault text"), encoding="utf-8")
    mini_db.read().execute(
        "UPDATE note SET body = 'app text', updated_at = '2099-01-01T00:00:00+00:00' WHERE uid = ?", (uid,)
    )
    report = import_vault_notes(mini_db, vault)
    assert report.updated == [] and len(report.conflicts) == 1 and "Both" in report.conflicts[0]
    assert _note(mini_db, uid)[1] == "app text"


def test_a_damaged_file_stops_the_import_before_anything_changes(mini_db: Database, tmp_path: Path) -> None:
    uid = add_note(mini_db, "one", title="One")
    vault = tmp_path / "vault"
    export_markdown(mini_db, MarkdownExport(folder=vault))
    one = vault / "Notes/One.md"
    one.write_text(one.read_text(encoding="utf-8").replace("one", "edited"), encoding="utf-8")
    alpha = vault / "Officials/Alpha Person.md"
    alpha.write_text(
        alpha.read_text(encoding="utf-8").replace("<!-- end of roundtable note", "<!-- oops"),
        encoding="utf-8",
    )
    (vault / "Notes/broken.md").write_text("---\nkind: note\nid: [unclosed\n---\nx", encoding="utf-8")
    (vault / "mine.md").write_text("---\ntitle: [my own file, not Roundtable's\n---\n", encoding="utf-8")
    before = canonical(mini_db.path)
    with pytest.raises(InvalidVault) as caught:
        import_vault_notes(mini_db, vault)
    assert len(caught.value.problems) == 2
    assert "Alpha Person.md" in caught.value.report() and "broken.md" in caught.value.report()
    assert canonical(mini_db.path) == before
    assert _note(mini_db, uid)[1] == "one"


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
@given(data=data_files(), edits=st.data())
def test_vault_round_trip_for_generated_notes(
    empty_template: Path, data: dict[str, Any], edits: st.DataObject
) -> None:
    """Export, import untouched: nothing changes. Edit every note in the vault: each comes back
    exactly as edited, whatever script and links it holds."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = open_database(copy_db(empty_template, folder / "lib.sqlite3"))
        try:
            (folder / "data.json").write_bytes(dumps(data))
            import_file(db, read(folder / "data.json"))
            vault = folder / "vault"
            export_markdown(
                db,
                MarkdownExport(
                    scope=Scope(), folder=vault, links=edits.draw(st.sampled_from(["wiki", "markdown"]))
                ),
            )  # type: ignore[arg-type]
            before = canonical(db.path)
            report = import_vault_notes(db, vault)
            assert report.updated == [] and report.conflicts == []
            assert canonical(db.path) == before

            slugs = [r[0] for r in db.read().execute("SELECT slug FROM entity")]
            wanted: dict[str, str] = {}
            for path in sorted(vault.rglob("*.md")):
                text = path.read_text(encoding="utf-8")
                for uid in {
                    line.split()[3] for line in text.splitlines() if line.startswith("<!-- roundtable note ")
                }:
                    new = edits.draw(note_bodies(slugs)).replace("\r", "") + " (edited)"
                    _edit_between_markers(path, uid, new)
                    wanted[uid] = new
                post = python_frontmatter.loads(path.read_text(encoding="utf-8"))
                if post.get("kind") == "note":
                    new = edits.draw(note_bodies(slugs)).replace("\r", "") + " (edited)"
                    raw = path.read_bytes().decode("utf-8")
                    head = raw[: raw.index("\n---\n", 4) + 5] + "\n"
                    path.write_bytes((head + new).encode("utf-8"))
                    wanted[str(post["id"])] = new
            report = import_vault_notes(db, vault)
            assert report.conflicts == [] and len(report.updated) == len(wanted)
            for uid, body in wanted.items():
                assert _note(db, uid)[1].rstrip() == body.rstrip()
        finally:
            db.close()


def _pasted(db: Database, uid: str) -> str:
    """Part of an exported entry file, markers and all, as a researcher pastes it into a note."""
    updated = db.read().execute("SELECT updated_at FROM note WHERE uid = ?", (uid,)).fetchone()[0]
    return (
        "Copied from the vault:\n\n"
        f"<!-- roundtable note {uid} {updated}: edit the note below; `roundtable import-notes` brings "
        "the changes back -->\n\nAn older text.\n\n"
        f"<!-- end of roundtable note {uid} -->\n\nMy comment on it."
    )


def _bodies(db: Database) -> dict[str, str]:
    return dict(db.read().execute("SELECT uid, body FROM note").fetchall())


def test_notes_holding_marker_lines_come_back_untouched(mini_db: Database, tmp_path: Path) -> None:
    """A note's text that looks like another note's markers is text: importing the untouched
    vault changed 'On Alpha' to the pasted copy's text and reported it as updated."""
    attached = mini_db.read().execute("SELECT uid FROM note WHERE title = 'On Alpha'").fetchone()[0]
    add_note(mini_db, _pasted(mini_db, attached), title="Pasted on Alpha", entry="alpha")
    add_note(mini_db, _pasted(mini_db, attached), title="Pasted loose")
    vault = tmp_path / "vault"
    export_markdown(mini_db, MarkdownExport(folder=vault))
    before = _bodies(mini_db)
    report = import_vault_notes(mini_db, vault)
    assert report.updated == [] and report.conflicts == [] and report.unchanged == 3
    assert _bodies(mini_db) == before

    loose = vault / "Notes/Pasted loose.md"  # edited in the vault: the marker lines stay text
    loose.write_text(loose.read_text(encoding="utf-8").replace("My comment", "My new comment"), "utf-8")
    assert import_vault_notes(mini_db, vault).updated == ["Pasted loose"]
    after = _bodies(mini_db)
    changed = {uid for uid in before if after[uid] != before[uid]}
    assert [after[uid] for uid in changed] == [
        before[uid].replace("My comment", "My new comment") for uid in changed
    ]
    assert len(changed) == 1


@pytest.mark.parametrize("where", ["Officials/Alpha Person.md", "Notes/Loose.md"])
def test_marker_lines_pasted_into_the_vault_stop_the_import(
    mini_db: Database, tmp_path: Path, where: str
) -> None:
    """Pasted in another editor, unescaped, markers inside a note's text would make one note's
    text another's: the import names the file and line and changes nothing."""
    attached = mini_db.read().execute("SELECT uid FROM note WHERE title = 'On Alpha'").fetchone()[0]
    loose = add_note(mini_db, "loose", title="Loose")
    vault = tmp_path / "vault"
    export_markdown(mini_db, MarkdownExport(folder=vault))
    path = vault / where
    if where.startswith("Notes/"):
        path.write_text(path.read_text(encoding="utf-8") + "\n" + _pasted(mini_db, attached), "utf-8")
    else:
        _edit_between_markers(path, attached, _pasted(mini_db, loose))
    before = canonical(mini_db.path)
    with pytest.raises(InvalidVault, match=re.escape(where) + r": line \d+, a marker of note"):
        import_vault_notes(mini_db, vault)
    assert canonical(mini_db.path) == before


def _exported(db: Database, tmp_path: Path) -> tuple[Path, str]:
    uid = add_note(db, "loose", title="Loose")
    vault = tmp_path / "vault"
    export_markdown(db, MarkdownExport(folder=vault))
    return vault, uid


def _edit(path: Path) -> None:
    path.write_text(path.read_text(encoding="utf-8").replace("\nloose", "\nedited"), encoding="utf-8")


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_a_link_out_of_the_vault_is_refused(mini_db: Database, tmp_path: Path) -> None:
    """It was read, its text imported, and the link replaced by a file holding it."""
    vault, _ = _exported(mini_db, tmp_path)
    loose = vault / "Notes/Loose.md"
    outside = tmp_path / "elsewhere.md"
    outside.write_bytes(loose.read_bytes())
    _edit(outside)
    loose.unlink()
    loose.symlink_to(outside)
    before, outside_before = canonical(mini_db.path), outside.read_bytes()
    with pytest.raises(
        InvalidVault, match=r"Notes/Loose\.md is a link to .*elsewhere\.md, outside the vault"
    ):
        import_vault_notes(mini_db, vault)
    assert canonical(mini_db.path) == before
    assert loose.is_symlink() and outside.read_bytes() == outside_before


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_a_link_inside_the_vault_is_read_and_stays_a_link(mini_db: Database, tmp_path: Path) -> None:
    vault, uid = _exported(mini_db, tmp_path)
    loose = vault / "Notes/Loose.md"
    moved = vault / "Writing/Loose.md"  # after Notes/: the link is the first path to the note
    moved.parent.mkdir()
    loose.rename(moved)
    loose.symlink_to(Path("../Writing/Loose.md"))
    _edit(moved)
    report = import_vault_notes(mini_db, vault)
    assert report.updated == ["Loose"] and _note(mini_db, uid)[1] == "edited"
    assert loose.is_symlink() and loose.read_bytes() == moved.read_bytes()
    updated = mini_db.read().execute("SELECT updated_at FROM note WHERE uid = ?", (uid,)).fetchone()[0]
    assert python_frontmatter.loads(moved.read_text(encoding="utf-8"))["updated"] == updated  # restamped


def _without_hanging(fn: Callable[[], object], fifo: Path) -> object:
    """fn(), or a failed test if it blocks (as an open of a FIFO does, until a writer comes)."""
    done: dict[str, object] = {}

    def run() -> None:
        try:
            done["result"] = fn()
        except BaseException as exc:  # handed to the test's thread
            done["error"] = exc

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(timeout=30)
    if worker.is_alive():  # pragma: no cover - the bug: let it go before failing
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        worker.join()
        pytest.fail("import-notes hung on a FIFO")
    if "error" in done:
        raise done["error"]  # type: ignore[misc]
    return done["result"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_or_a_device_in_a_vault_is_refused_at_once(mini_db: Database, tmp_path: Path) -> None:
    """A FIFO named .md hung import-notes (holding the writer lock); a link to /dev/zero read
    until memory ran out."""
    vault, _ = _exported(mini_db, tmp_path)
    fifo = vault / "Notes/pipe.md"
    os.mkfifo(fifo)
    before = canonical(mini_db.path)
    with pytest.raises(InvalidVault, match=r"pipe\.md is a named pipe \(FIFO\), not an ordinary file"):
        _without_hanging(lambda: import_vault_notes(mini_db, vault), fifo)
    fifo.unlink()
    (vault / "Notes/zero.md").symlink_to("/dev/zero")
    with pytest.raises(InvalidVault, match=r"zero\.md is a link to /dev/zero, outside the vault"):
        import_vault_notes(mini_db, vault)
    assert canonical(mini_db.path) == before


def test_a_file_too_large_to_be_a_vaults_is_refused_unread(mini_db: Database, tmp_path: Path) -> None:
    vault, _ = _exported(mini_db, tmp_path)
    with (vault / "Notes/huge.md").open("wb") as huge:
        huge.truncate(MAX_FILE_BYTES + 1)  # sparse: nothing is written, nothing must be read
    with pytest.raises(InvalidVault, match=r"huge\.md is larger than 64 MB"):
        import_vault_notes(mini_db, vault)


@pytest.mark.parametrize("fence", ["opening", "closing"])
@pytest.mark.parametrize("where", ["Notes/Loose.md", "Officials/Alpha Person.md"])
def test_a_file_that_lost_a_fence_stops_the_import(
    mini_db: Database, tmp_path: Path, fence: str, where: str
) -> None:
    """With its opening '---' deleted, a note file was passed by in silence, its edits lost."""
    vault, _ = _exported(mini_db, tmp_path)
    path = vault / where
    text = path.read_text(encoding="utf-8")
    at = 0 if fence == "opening" else text.index("\n---\n", 4) + 1
    path.write_text((text[:at] + text[at + 4 :]).replace("\nloose", "\nedited"), encoding="utf-8")
    before = canonical(mini_db.path)
    with pytest.raises(
        InvalidVault, match=re.escape(where) + ": its front matter has lost its opening or closing '---' line"
    ):
        import_vault_notes(mini_db, vault)
    assert canonical(mini_db.path) == before
    (vault / "mine.md").write_text("id: 7\nkind: cat\n---\nA file of my own.\n", encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    assert import_vault_notes(mini_db, vault).updated == []  # not Roundtable's: passed over


def test_yaml_aliases_in_front_matter_are_refused_unexpanded(mini_db: Database, tmp_path: Path) -> None:
    """A few hundred bytes of aliases, each naming ten of the one before, grow tenfold a level
    where the note's 'updated' time is read ("billion laughs": nine levels are gigabytes)."""
    vault, _ = _exported(mini_db, tmp_path)
    lists = ['a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    for prev, cur in zip("abcdef", "bcdefg", strict=True):  # 10 million: seconds before the fix, safe
        lists.append(f"{cur}: &{cur} [" + ", ".join([f"*{prev}"] * 10) + "]")
    loose = vault / "Notes/Loose.md"
    text = loose.read_text(encoding="utf-8")
    loose.write_text(
        text.replace("\nupdated: ", "\n" + "\n".join(lists) + "\nupdated: *g\nold-updated: "), "utf-8"
    )
    before = canonical(mini_db.path)
    with pytest.raises(
        InvalidVault, match=r"Notes/Loose\.md: the front matter is not valid YAML: uses YAML aliases"
    ):
        import_vault_notes(mini_db, vault)
    assert canonical(mini_db.path) == before
