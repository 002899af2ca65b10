"""The vault as Obsidian reads it (issue 19): properties its Properties view can show and edit,
an outline that holds, no link to the page one is on, quotes quoted once, other names in words,
and notes-only exports whose links lead somewhere. Read with independent readers
(python-frontmatter, markdown-it-py with its footnote plugin)."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import frontmatter as python_frontmatter
from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from app.db.database import Database
from app.quoting import in_quotes
from app.services.markdown_export import MarkdownExport, Scope, export_markdown
from tests.builders.notes_factory import add_note

WIKI = re.compile(r"\[\[([^\[\]|#\n]+)(?:#[^\[\]|\n]*)?(?:\|[^\[\]\n]*)?\]\]")


def _vault(db: Database, folder: Path, **kw: object) -> Path:
    export_markdown(db, MarkdownExport(folder=folder, **kw))  # type: ignore[arg-type]
    return folder


def _read(path: Path) -> python_frontmatter.Post:
    return python_frontmatter.loads(path.read_text(encoding="utf-8"))


def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark").use(front_matter_plugin).use(footnote_plugin)


def test_properties_are_ones_obsidian_can_show_and_edit(seeded_db: Database, tmp_path: Path) -> None:
    add_note(seeded_db, "On Laos.", title="Lao note", entry="laos")
    vault = _vault(seeded_db, tmp_path / "vault")
    laos = _read(vault / "Countries/Laos.md")
    # no blank properties, nothing nested: every value a text, a date text or a list of texts
    for path in vault.rglob("*.md"):
        for key, value in _read(path).metadata.items():
            assert value not in (None, "", [], {}), (path.name, key)
            assert not isinstance(value, dict), (path.name, key)
    assert laos["title"] == "Laos" and laos["kind"] == "country"
    assert "country" not in laos.metadata and "dates" not in laos.metadata
    chen = _read(vault / "Officials/Chen Gang.md")
    assert chen["kind"] == "official"  # the folder's and the interface's word, not 'person'
    assert chen["as-of"] == "2025-09-18" and chen["organization"]
    text = (vault / "Countries/Laos.md").read_text(encoding="utf-8")
    assert "\n### Lao note\n" in text


def test_a_notes_entry_not_in_the_vault_is_named(seeded_db: Database, tmp_path: Path) -> None:
    add_note(seeded_db, "Who?", title="On Chen Gang", entry="chen-gang")
    vault = _vault(seeded_db, tmp_path / "vault", scope=Scope(notes_only=True))
    assert _read(vault / "Notes/On Chen Gang.md")["entry"] == "Chen Gang"  # a link would lead nowhere


def test_a_notes_entry_links_to_its_file_when_it_is_in_the_vault(seeded_db: Database, tmp_path: Path) -> None:
    add_note(seeded_db, "Who?", title="On Chen Gang", entry="chen-gang")
    vault = _vault(seeded_db, tmp_path / "vault", scope=Scope(kind="person"))
    _vault(seeded_db, vault, scope=Scope(notes_only=True))  # the notes on their own, beside
    text = (vault / "Notes/On Chen Gang.md").read_text(encoding="utf-8")
    assert '\nentry: "[[Chen Gang]]"\n' in text  # quoted, as Obsidian writes a link in a property
    assert _read(vault / "Notes/On Chen Gang.md")["entry"] == "[[Chen Gang]]"


def test_no_entry_links_to_itself(seeded_db: Database, tmp_path: Path) -> None:
    vault = _vault(seeded_db, tmp_path / "vault")
    md = _parser()
    for path in vault.rglob("*.md"):
        stem = path.stem
        text = path.read_text(encoding="utf-8")
        data = text.split("\n## Notes\n")[0]  # the notes are the researcher's own words
        for token in md.parse(data):
            for child in token.children or []:
                if child.type == "text":
                    for link in WIKI.finditer(child.content):
                        if "#^" not in link.group(0):  # a passage of its own text is a place
                            assert link.group(1) != stem, (path.name, link.group(0))


def test_a_quote_with_its_own_marks_is_not_quoted_again(seeded_db: Database, tmp_path: Path) -> None:
    assert in_quotes("“Cooperation.”") == "“Cooperation.”"
    assert in_quotes('"Cooperation."') == '"Cooperation."'
    assert in_quotes("「合作」") == "「合作」"
    assert in_quotes("Cooperation.") == "“Cooperation.”"
    assert in_quotes("“A” and “B”") == "‘“A” and “B”’"  # two quotes inside, not one quoted
    assert in_quotes("“Words,” she said.") == "‘“Words,” she said.’"  # a speaker's, then who said them
    vault = _vault(seeded_db, tmp_path / "vault")
    for path in vault.rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        assert "““" not in text and "””" not in text, path.name


def test_other_names_say_their_language_and_kind_in_words(seeded_db: Database, tmp_path: Path) -> None:
    vault = _vault(seeded_db, tmp_path / "vault")
    laos = (vault / "Countries/Laos.md").read_text(encoding="utf-8")
    assert "ສາທາລະນະລັດ ປະຊາທິປະໄຕ ປະຊາຊົນລາວ (Lao, official name)" in laos
    assert "Lao People's Democratic Republic (official name)" in laos
    for path in vault.rglob("*.md"):
        text = path.read_text(encoding="utf-8").partition("\n## Other names\n")[2].partition("\n## ")[0]
        assert "official_name" not in text and "former_name" not in text, path.name
        assert not re.search(r"\((?:[a-z]{2,3}|zh-Han[st])[,)]", text), path.name  # a language code
        assert not re.search(r"[(,] ?(?:Laoo|Hans|Hant|Latn|Khmr|Mymr)[,)]", text), path.name  # a script's


def test_notes_only_files_end_with_a_line_end(seeded_db: Database, tmp_path: Path) -> None:
    vault = _vault(seeded_db, tmp_path / "vault", scope=Scope(notes_only=True))
    files = list(vault.rglob("*.md"))
    assert files
    for path in files:
        assert path.read_bytes().endswith(b"\n"), path.name


def test_a_note_file_reads_back_without_the_line_end(seeded_db: Database, tmp_path: Path) -> None:
    from app.io import frontmatter
    from app.io.markdown import note_file, read_note_file
    from app.records.notes import NoteDoc

    for body in ("no end", "one end\n", "", "two\n\n"):
        note = NoteDoc(
            id=1, uid="u", title="t", body=body, entry=None, created_at="c", updated_at="u", tags=()
        )
        fields, rest = frontmatter.split(note_file(note, body, "now"))
        assert fields is not None
        found = read_note_file(fields, rest)
        assert found is not None and found.body == body


def test_files_parse_and_every_footnote_is_defined(seeded_db: Database, tmp_path: Path) -> None:
    vault = _vault(seeded_db, tmp_path / "vault")
    md = _parser()
    for path in vault.rglob("*.md"):
        rel = posixpath.relpath(path, vault)
        tokens = md.parse(path.read_text(encoding="utf-8"))
        refs = {t.meta["label"] for tok in tokens for t in tok.children or [] if t.type == "footnote_ref"}
        defined = {t.meta["label"] for t in tokens if t.type == "footnote_open"}
        assert refs <= defined, rel


def test_a_passage_cited_several_times_is_quoted_once_per_file(seeded_db: Database, tmp_path: Path) -> None:
    vault = _vault(seeded_db, tmp_path / "vault")
    md = _parser()
    referred = 0
    for path in vault.rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        definitions = [line for line in text.splitlines() if line.startswith("[^c")]
        # the quote a footnote opens with (a source's title may hold quotation marks of its own)
        quotes = [m.group(1) for line in definitions if (m := re.match(r"\[\^c\d+\]: (“[^”]{40,}”)", line))]
        assert len(quotes) == len(set(quotes)), path.name
        referred += sum("The passage quoted in footnote" in line for line in definitions)
        # "footnote 3" is the footnote markdown-it (and Obsidian) numbers 3: labels in citing order
        for token in md.parse(text):
            for child in token.children or []:
                if child.type == "footnote_ref":
                    assert child.meta["label"] == f"c{child.meta['id'] + 1}", path.name
    assert referred > 10


NOTE_WITH_HEADINGS = (
    "# Plan\n\nFirst [[laos]].\n\n## Steps\n\n- one\n\n# Then\n\n"
    "```\n# not a heading: code\n```\n\n### Deepest"
)


def _outline(text: str) -> list[tuple[int, str]]:
    tokens = _parser().parse(text)
    return [
        (int(t.tag[1]), tokens[i + 1].content)
        for i, t in enumerate(tokens)
        if t.type == "heading_open" and t.level == 0
    ]


def test_a_notes_headings_sit_below_its_title_and_come_back_as_written(
    seeded_db: Database, tmp_path: Path
) -> None:
    from app.services.vault_import import import_vault_notes

    uid = add_note(seeded_db, NOTE_WITH_HEADINGS, title="Lao note", entry="laos")
    vault = _vault(seeded_db, tmp_path / "vault", scope=Scope(kind="country"))
    path = vault / "Countries/Laos.md"
    text = path.read_text(encoding="utf-8")
    outline = _outline(text)
    at = outline.index((3, "Lao note"))
    below = outline[at + 1 :]
    assert [h for h, _ in below] == [4, 5, 4, 6], below  # every heading of the note below its title
    assert "# not a heading: code" in text
    assert import_vault_notes(seeded_db, vault).unchanged >= 1  # as written: nothing to bring back
    assert seeded_db.read().execute("SELECT body FROM note WHERE uid = ?", (uid,)).fetchone()[0] == (
        NOTE_WITH_HEADINGS
    )
    path.write_text(text.replace("- one", "- one\n- two"), encoding="utf-8")
    report = import_vault_notes(seeded_db, vault)
    assert report.updated == ["Lao note"]
    body = seeded_db.read().execute("SELECT body FROM note WHERE uid = ?", (uid,)).fetchone()[0]
    assert body.startswith("# Plan\n") and "\n## Steps\n" in body and "- two" in body
    assert _outline(body) == [(1, "Plan"), (2, "Steps"), (1, "Then"), (3, "Deepest")]
    assert body == NOTE_WITH_HEADINGS.replace("- one", "- one\n- two")


def test_headings_go_as_far_down_as_markdown_allows_and_come_back_exactly() -> None:
    from app.io.markdown import heading_shift, shift_headings

    body = "# A\n\n##### E\n\nA\n===\n\n    # code\n\n> # quoted\n\n#hashtag"
    assert heading_shift(body, 3) == 1  # '#####' can go one level down, not three
    shifted = shift_headings(body, 1)
    assert shifted == "## A\n\n###### E\n\nA\n===\n\n    # code\n\n> # quoted\n\n#hashtag"
    assert shift_headings(shifted, -1) == body
    assert heading_shift("no headings", 3) == 0 and heading_shift("# A\r\n", 3) == 0


def _entry_links(text: str) -> list[str]:
    return [m.group(0) for m in WIKI.finditer(text) if m.group(1).strip() != "Nobody Known"]


def test_a_notes_only_export_names_the_entries_it_does_not_hold(seeded_db: Database, tmp_path: Path) -> None:
    from app.services.vault_import import import_vault_notes

    body = "On [[laos]] and [[chen-gang|the secretary]], not [[Nobody Known]].\n\nA second line on [[laos]]."
    uid = add_note(seeded_db, body, title="Links")
    vault, digest = tmp_path / "vault", tmp_path / "digest.md"
    export_markdown(seeded_db, MarkdownExport(folder=vault, digest=digest, scope=Scope(notes_only=True)))
    for path in [*vault.rglob("*.md"), digest]:
        text = path.read_text(encoding="utf-8")
        assert _entry_links(text) == [], path.name  # none of them would lead anywhere
        assert text.endswith("\n")
    mine = (vault / "Notes/Links.md").read_text(encoding="utf-8")
    assert "On Laos and the secretary, not [[Nobody Known]]." in mine
    assert "On Laos and the secretary" in digest.read_text(encoding="utf-8")

    # untouched: nothing comes back; edited: the links of the lines left as they were stay links
    assert import_vault_notes(seeded_db, vault).updated == []
    assert import_vault_notes(seeded_db, tmp_path).updated == []  # the digest beside it too
    (vault / "Notes/Links.md").write_text(mine.replace("A second line", "A better line"), encoding="utf-8")
    assert import_vault_notes(seeded_db, vault).updated == ["Links"]
    now = seeded_db.read().execute("SELECT body FROM note WHERE uid = ?", (uid,)).fetchone()[0]
    assert now == body.replace("A second line on [[laos]]", "A better line on Laos")


def test_a_notes_only_export_links_to_entries_exported_there_before(
    seeded_db: Database, tmp_path: Path
) -> None:
    add_note(seeded_db, "On [[laos]] and [[chen-gang]].", title="Links")
    vault = _vault(seeded_db, tmp_path / "vault", scope=Scope(kind="country"))
    _vault(seeded_db, vault, scope=Scope(notes_only=True))
    mine = (vault / "Notes/Links.md").read_text(encoding="utf-8")
    assert "On [[Laos|laos]] and Chen Gang." in mine


def test_an_ampersand_is_escaped_only_where_it_would_start_a_reference() -> None:
    from app.io.markdown import inline

    assert inline("R&D") == "R&D"
    md = _parser()
    for text in ("R&D", "&amp; stays", "&#38; too", "a & b"):
        rendered = md.renderInline(inline(text))
        assert rendered.replace("&amp;", "&") == text, (text, rendered)
