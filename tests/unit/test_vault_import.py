"""Notes edited in an exported vault come back, with the old text kept as a revision."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import frontmatter as python_frontmatter
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.db.database import Database, open_database
from app.io.datafile import dumps, read
from app.services.exporting import MarkdownExport, Scope, export_markdown
from app.services.importer import import_file
from app.services.vault_import import InvalidVault, import_vault_notes
from tests.canonical import canonical
from tests.conftest import copy_db
from tests.notes_factory import add_note
from tests.strategies import data_files, note_bodies


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
