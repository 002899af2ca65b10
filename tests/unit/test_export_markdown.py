"""Exporting to a Markdown vault and a digest: what a researcher finds in the folder, and that
their edits survive a re-export."""

from __future__ import annotations

import os
import posixpath
import re
import subprocess
import sys
import urllib.parse
from pathlib import Path

import frontmatter as python_frontmatter
import pytest
from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from app.db.database import Database
from app.io import atomic, manifest
from app.services.markdown_export import ExportError, MarkdownExport, Scope, entries_matching, export_markdown
from app.services.progress import Cancelled, Progress
from tests.builders.notes_factory import add_note

WIKI = re.compile(r"\[\[([^\[\]|#\n]+)(?:#[^\[\]|\n]*)?(?:\|[^\[\]\n]*)?\]\]")


def _export(db: Database, folder: Path | None = None, **kw: object) -> object:
    return export_markdown(db, MarkdownExport(folder=folder, **kw))  # type: ignore[arg-type]


def _files(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.md"))


def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark").use(front_matter_plugin).use(footnote_plugin)


def _check_vault(folder: Path) -> int:
    """Open every file as other tools would; every link must lead to a file of the vault.
    Returns how many links were followed."""
    files = _files(folder)
    stems: dict[str, list[str]] = {}
    for rel in files:
        stems.setdefault(posixpath.basename(rel).removesuffix(".md").casefold(), []).append(rel)
    followed = 0
    md = _parser()
    for rel in files:
        text = (folder / rel).read_text(encoding="utf-8")
        post = python_frontmatter.loads(text)
        assert post.metadata["id"] and post.metadata["kind"], rel
        tokens = md.parse(text)
        assert tokens[0].type == "front_matter", rel
        refs = {
            t.meta["label"]
            for tok in tokens
            if tok.children
            for t in tok.children
            if t.type == "footnote_ref"
        }
        defined = {t.meta["label"] for t in tokens if t.type == "footnote_open"}
        assert refs <= defined, (rel, refs - defined)
        for tok in tokens:
            for child in tok.children or []:
                if child.type == "link_open":
                    href = urllib.parse.unquote(str(child.attrs["href"]))
                    if "://" in href:
                        continue
                    target = posixpath.normpath(posixpath.join(posixpath.dirname(rel), href.split("#")[0]))
                    assert target in files, (rel, href)
                    followed += 1
                elif child.type == "text":
                    for link in WIKI.finditer(child.content):
                        found = stems.get(link.group(1).strip().casefold(), [])
                        assert len(found) == 1, (rel, link.group(0))
                        followed += 1
    return followed


def test_a_vault_has_a_folder_per_kind_and_opens_in_other_tools(seeded_db: Database, tmp_path: Path) -> None:
    add_note(seeded_db, "A loose thought on [[chen-gang]], [[陈刚]] and [[Nobody Known]].", title="Loose")
    vault = tmp_path / "vault"
    report = _export(seeded_db, vault)
    files = _files(vault)
    assert {f.split("/")[0] for f in files} == {
        "Officials",
        "Countries",
        "Organizations",
        "Initiatives",
        "Events",
        "Sources",
        "Notes",
    }
    assert "Officials/Chen Gang.md" in files and "Notes/Loose.md" in files
    assert report.written and not report.skipped  # type: ignore[attr-defined]
    chen = python_frontmatter.loads((vault / "Officials/Chen Gang.md").read_text(encoding="utf-8"))
    assert (
        chen["kind"] == "official"
        and chen["title"] == "Chen Gang"
        and chen["aliases"] == ["陳剛", "陈刚", "Trần Cương"]  # Chinese, then Vietnamese
        and chen["country"] == "China"
    )
    assert "## Titles" in chen.content and "[^c1]:" in chen.content and "Reliability: high" in chen.content
    loose = python_frontmatter.loads((vault / "Notes/Loose.md").read_text(encoding="utf-8"))
    assert (
        loose.content
        == "A loose thought on [[Chen Gang|chen-gang]], [[Chen Gang|陈刚]] and [[Nobody Known]]."
    )
    timor = (vault / "Countries/Timor-Leste.md").read_text(encoding="utf-8")
    assert "### 10-member ASEAN, yet Timor-Leste took part" in timor and "*Tags: #ambiguity" in timor
    loose.content = loose.content.replace("[[Nobody Known]]", "nobody")
    (vault / "Notes/Loose.md").write_text(python_frontmatter.dumps(loose), encoding="utf-8")
    assert _check_vault(vault) > 500


def test_relative_markdown_links_lead_to_the_files(seeded_db: Database, tmp_path: Path) -> None:
    add_note(seeded_db, "On [[chen-gang]].", title="Loose", entry=None)
    vault = tmp_path / "vault"
    _export(seeded_db, vault, links="markdown")
    text = (vault / "Officials/Chen Gang.md").read_text(encoding="utf-8")
    assert "[China](../Countries/China.md)" in text
    assert "[[" not in text
    assert "\nOn [chen-gang](../Officials/Chen%20Gang.md)." in (vault / "Notes/Loose.md").read_text(
        encoding="utf-8"
    )
    assert _check_vault(vault) > 500


def test_scopes(seeded_db: Database, tmp_path: Path) -> None:
    add_note(seeded_db, "tagged, standalone", title="Tagged", tags=("ambiguity",))
    add_note(seeded_db, "untagged", title="Plain")
    _export(seeded_db, tmp_path / "kind", scope=Scope(kind="country"))
    assert {f.split("/")[0] for f in _files(tmp_path / "kind")} == {"Countries"}
    _export(seeded_db, tmp_path / "tag", scope=Scope(tag="ambiguity"))
    tagged = _files(tmp_path / "tag")
    assert "Notes/Tagged.md" in tagged and "Notes/Plain.md" not in tagged
    # notes with the tag on entries without it: each in a file of its own, naming its entry
    assert "Notes/10-member ASEAN, yet Timor-Leste took part.md" in tagged
    assert "Countries/Timor-Leste.md" not in tagged
    ids = entries_matching(seeded_db, "陈刚")
    _export(seeded_db, tmp_path / "query", scope=Scope(entry_ids=ids))
    assert _files(tmp_path / "query") == ["Officials/Chen Gang.md"]
    _export(seeded_db, tmp_path / "notes", scope=Scope(notes_only=True))
    notes = _files(tmp_path / "notes")
    with seeded_db.read() as conn:  # the dataset's notes and the two above: its own count
        held = conn.execute("SELECT count(*) FROM note WHERE deleted_at IS NULL").fetchone()[0]
    assert all(f.startswith("Notes/") for f in notes) and len(notes) == held >= 18
    singapore = python_frontmatter.loads(
        (tmp_path / "notes/Notes/Was Singapore represented.md").read_text("utf-8")
    )
    assert singapore["entry"] == "Singapore" and singapore["tags"] == ["ambiguity"]


def test_re_export_keeps_the_researchers_edits(seeded_db: Database, tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    _export(seeded_db, vault)
    again = _export(seeded_db, vault)
    assert again.written == [] and len(again.unchanged) == len(_files(vault))  # type: ignore[attr-defined]
    laos = vault / "Countries/Laos.md"
    mine = laos.read_text(encoding="utf-8") + "\nMy own paragraph.\n"
    laos.write_text(mine, encoding="utf-8")
    seeded_db.read().execute(
        "UPDATE entity SET summary = 'Changed in Roundtable.' WHERE slug IN ('laos', 'china')"
    )

    report = _export(seeded_db, vault)
    assert report.skipped == ["Countries/Laos.md"]  # type: ignore[attr-defined]
    assert "Countries/China.md" in report.written  # type: ignore[attr-defined]
    assert laos.read_text(encoding="utf-8") == mine
    assert "Changed in Roundtable." in (vault / "Countries/China.md").read_text(encoding="utf-8")

    report = _export(seeded_db, vault, on_conflict="beside")
    [(edited, beside)] = report.beside  # type: ignore[attr-defined]
    assert edited == "Countries/Laos.md" and re.fullmatch(
        r"Countries/Laos \(exported \d{4}-\d\d-\d\d\)\.md", beside
    )
    assert laos.read_text(encoding="utf-8") == mine
    assert "Changed in Roundtable." in (vault / beside).read_text(encoding="utf-8")
    report = _export(seeded_db, vault, on_conflict="beside")  # the same day again: no third copy
    assert report.beside == [(edited, beside)]  # type: ignore[attr-defined]
    assert len([f for f in _files(vault) if f.startswith("Countries/Laos")]) == 2


def test_a_file_of_the_researchers_own_is_never_overwritten(mini_db: Database, tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    (vault / "Countries").mkdir(parents=True)
    (vault / "Countries/LAOS.md").write_text("my own file", encoding="utf-8")
    _export(mini_db, vault)
    assert (vault / "Countries/LAOS.md").read_text(encoding="utf-8") == "my own file"
    assert (vault / "Countries/Laos (2).md").exists()


def test_a_renamed_entry_moves_to_its_new_name(mini_db: Database, tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    _export(mini_db, vault)
    mini_db.read().execute("UPDATE entity SET name = 'Lao PDR' WHERE slug = 'laos'")
    report = _export(mini_db, vault)
    assert report.removed == ["Countries/Laos.md"]  # type: ignore[attr-defined]
    assert (vault / "Countries/Lao PDR.md").exists() and not (vault / "Countries/Laos.md").exists()
    assert "[[Lao PDR]]" in (vault / "Officials/Alpha Person.md").read_text(encoding="utf-8")


def test_a_failure_mid_export_leaves_no_partial_file(
    seeded_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault = tmp_path / "vault"
    real_fdopen = os.fdopen
    opened = {"n": 0}

    class FailingFile:
        """The 21st file written: half its bytes reach the disk, then the disk is full."""

        def __init__(self, fd: int, mode: str) -> None:
            self._fh = real_fdopen(fd, mode)
            opened["n"] += 1
            self._fail = opened["n"] == 21

        def __enter__(self) -> FailingFile:
            return self

        def __exit__(self, *exc: object) -> None:
            self._fh.close()

        def write(self, data: bytes) -> int:
            if self._fail:
                self._fh.write(data[: len(data) // 2])
                self._fh.flush()
                raise OSError(28, "No space left on device")
            return self._fh.write(data)

        def __getattr__(self, name: str) -> object:
            return getattr(self._fh, name)

    monkeypatch.setattr(os, "fdopen", FailingFile)
    with pytest.raises(ExportError, match="No space left on device"):
        _export(seeded_db, vault)
    monkeypatch.setattr(os, "fdopen", real_fdopen)
    leftovers = [p for p in vault.rglob("*") if p.name.startswith(".roundtable-") and p.suffix == ".tmp"]
    assert leftovers == []
    written = _files(vault)
    assert len(written) == 20  # the ones before the failure, whole
    record = manifest.load(vault)
    for rel in written:  # whole files, each recorded as written
        data = (vault / rel).read_bytes()
        assert record.files[rel].sha256 == manifest.digest(data)
        assert python_frontmatter.loads(data.decode("utf-8"))["id"]
    report = _export(seeded_db, vault)  # finishing the job later: nothing counts as edited
    assert report.skipped == [] and len(report.unchanged) == len(written)  # type: ignore[attr-defined]


def test_cancel_stops_between_files(seeded_db: Database, tmp_path: Path) -> None:
    progress = Progress(lambda done, _total: progress.cancel() if done == 5 else None)
    vault = tmp_path / "vault"
    with pytest.raises(Cancelled):
        export_markdown(seeded_db, MarkdownExport(folder=vault), progress)
    assert len(_files(vault)) == 5
    assert len(manifest.load(vault).files) == 5


def test_files_killed_before_the_manifest_was_saved_are_recognised(mini_db: Database, tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    _export(mini_db, vault)
    (vault / manifest.MANIFEST_NAME).unlink()  # as if the export had been killed at the end
    report = _export(mini_db, vault)
    assert report.skipped == [] and report.written == []  # type: ignore[attr-defined]


def test_the_digest_is_one_file_with_a_section_per_entry(seeded_db: Database, tmp_path: Path) -> None:
    digest = tmp_path / "drafts" / "digest.md"
    _export(seeded_db, None, digest=digest, scope=Scope(kind="person"))
    text = digest.read_text(encoding="utf-8")
    tokens = _parser().parse(text)
    headings = [
        tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open" and t.tag == "h3"
    ]
    assert len(headings) == 13 and "Chen Gang" in headings
    assert "[[#China|China]]" not in text  # China is not in this digest: named, not linked
    assert "[[#Ministry" not in text
    _export(seeded_db, None, digest=digest, links="markdown")
    text = digest.read_text(encoding="utf-8")
    assert "[China](#china)" in text
    assert sorted(p.name for p in digest.parent.iterdir()) == [manifest.MANIFEST_NAME, "digest.md"]


def test_export_problems_are_plain_messages(seeded_db: Database, tmp_path: Path) -> None:
    blocker = tmp_path / "file.md"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(ExportError, match="is a file"):
        _export(seeded_db, blocker)
    with pytest.raises(ExportError, match="nothing to write"):
        _export(seeded_db, None)
    atomic.write_text(tmp_path / "ok.md", "fine")


def test_a_linked_folder_cannot_lead_the_export_outside(mini_db: Database, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    vault = tmp_path / "vault"
    vault.mkdir()
    (vault / "Countries").symlink_to(outside, target_is_directory=True)
    with pytest.raises(ExportError, match=r"refused to write Countries/Laos\.md"):
        _export(mini_db, vault)
    assert list(outside.iterdir()) == []


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_a_link_in_a_files_place_is_never_replaced(mini_db: Database, tmp_path: Path) -> None:
    """A link where an entry's file goes was read through and then replaced by a file: one
    leading out of the folder is refused, one inside it is left as the researcher made it."""
    vault = tmp_path / "vault"
    _export(mini_db, vault)
    laos = vault / "Countries/Laos.md"
    outside = tmp_path / "elsewhere.md"
    outside.write_bytes(laos.read_bytes())
    laos.unlink()
    laos.symlink_to(outside)
    mini_db.read().execute("UPDATE entity SET summary = 'Changed in Roundtable.' WHERE slug = 'laos'")
    with pytest.raises(ExportError, match=r"refused to write Countries/Laos\.md: .*outside"):
        _export(mini_db, vault)
    assert laos.is_symlink() and b"Changed in Roundtable." not in outside.read_bytes()

    kept = vault / "Countries/Kept.md"
    kept.write_bytes(outside.read_bytes())
    laos.unlink()
    laos.symlink_to("Kept.md")
    report = _export(mini_db, vault)
    assert report.skipped == ["Countries/Laos.md"]  # type: ignore[attr-defined]
    assert laos.is_symlink() and kept.read_bytes() == outside.read_bytes()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_in_the_folder_is_refused_at_once(mini_db: Database, tmp_path: Path) -> None:
    """Reading what was in a file's place, or the record of the last export, waited forever
    when it was a FIFO (for a writer that never comes)."""
    vault = tmp_path / "vault"
    _export(mini_db, vault)
    (vault / "Countries/Laos.md").unlink()
    os.mkfifo(vault / "Countries/Laos.md")
    done = subprocess.run(
        [sys.executable, "-c", _EXPORT_TWICE.format(db=str(mini_db.path), folder=str(vault))],
        capture_output=True,
        text=True,
        timeout=30,  # the hang this guards against would otherwise be forever
    )
    first, second, third = done.stdout.splitlines()
    assert first.startswith("ExportError: refused to write Countries/Laos.md: ") and "named pipe" in first
    # the record unreadable: every file there counts as edited, and is left alone
    assert "named pipe" in second and "treated as edited" in second and "written: []" in second
    # a digest refused at once leaves its folder as it was (no record of an export)
    assert third == "ExportError: refused to write pipe.md: ['pipe.md']", third


_EXPORT_TWICE = """
import os
from pathlib import Path
from app.db.database import open_database
from app.services.markdown_export import ExportError, MarkdownExport, export_markdown
db, folder = open_database(Path({db!r})), Path({folder!r})
try:
    export_markdown(db, MarkdownExport(folder=folder))
except ExportError as exc:
    print("ExportError:", exc)
(folder / ".roundtable-export.json").unlink()
os.mkfifo(folder / ".roundtable-export.json")
report = export_markdown(db, MarkdownExport(folder=folder))
print(report.manifest_problem, "written:", [w for w in report.written if not w.startswith("Countries/Laos")])
pipe = folder.parent / "digest" / "pipe.md"
pipe.parent.mkdir()
os.mkfifo(pipe)
try:
    export_markdown(db, MarkdownExport(digest=pipe))
except ExportError as exc:
    print("ExportError:", str(exc).split(":")[0] + ":", sorted(p.name for p in pipe.parent.iterdir()))
"""


def test_names_beginning_with_a_dot_are_not_hidden(mini_db: Database, tmp_path: Path) -> None:
    """'.hidden' became '.hidden.md': hidden in Obsidian and a file manager, and passed over by
    import-notes."""
    mini_db.read().execute("UPDATE entity SET name = '.NET Foundation' WHERE slug = 'bloc'")
    add_note(mini_db, "loose", title="...and then")
    vault = tmp_path / "vault"
    _export(mini_db, vault)
    names = [posixpath.basename(f) for f in _files(vault)]
    assert "NET Foundation.md" in names and "and then.md" in names
    assert not any(name.startswith(".") for name in names)
