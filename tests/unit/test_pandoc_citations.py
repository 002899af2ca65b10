"""`roundtable export --out DIR --citations pandoc`: footnotes become Pandoc citations against a
bibliography written beside the vault and named in each file's front matter.

Pandoc is not installed where the tests run, so its citation syntax is checked by a reader
written here from Pandoc's manual (section "Citation syntax"), not by the exporter's code, and
every cited key is looked up in the bibliography as an independent reader reads it: the JSON
parser for CSL-JSON, bibtexparser (as tests/unit/test_bibliography.py reads BibTeX) for BibTeX.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from app.db.database import Database
from app.io import frontmatter
from app.io.markdown import PandocCitations
from app.records.entries import CitationView, Ref
from app.services.markdown_export import MarkdownExport, export_markdown
from tests.unit.test_cli import run

# Pandoc's manual: "The citation key must begin with a letter, digit, or _, and may contain
# alphanumerics, _, and internal punctuation characters (:.#$%&-+?<>~/)."
_KEY = r"[^\W](?:[\w:.#$%&\-+?<>~/]*\w)?"
# "Each citation must have a key, composed of '@' + the citation identifier ... Citations go
# inside square brackets and are separated by semicolons", a locator or other suffix after a
# comma; a backslash escapes a character of the suffix.
_SUFFIX = r"(?:[^;\]\[\\@]|\\.)*"
_BARE = rf"@{_KEY}(?:,\s{_SUFFIX})?"
_GROUP = re.compile(rf"\[(?P<body>{_BARE}(?:;\s{_BARE})*)\]")
_ONE = re.compile(rf"@(?P<key>{_KEY})(?:,\s(?P<suffix>{_SUFFIX}))?")


def _citations(text: str) -> list[tuple[str, str]]:
    """Every (key, suffix) in `text`, each in a bracketed group Pandoc's grammar accepts; fails
    the test on an '[@' that does not open one."""
    found = []
    ends: set[int] = set()
    for group in _GROUP.finditer(text):
        ends.add(group.start())
        for one in _ONE.finditer(group["body"]):
            found.append((one["key"], one["suffix"] or ""))
    stray = [m.start() for m in re.finditer(r"\[@", text) if m.start() not in ends]
    assert not stray, text[stray[0] - 40 : stray[0] + 80]
    return found


def _cite(source_id: int, key: str, locator: str | None = None) -> CitationView:
    return CitationView(Ref(source_id, "source", key, key.title()), "high", locator=locator)


def test_citations_are_written_as_pandoc_reads_them() -> None:
    pandoc = PandocCitations({1: "smith2024ai", 2: "lao2025"})
    assert pandoc.mark([_cite(1, "smith2024ai", "¶ 6")]) == " [@smith2024ai, para. 6]"
    both = pandoc.mark([_cite(1, "a"), _cite(2, "b", "p. 2"), _cite(1, "a")])
    assert both == " [@smith2024ai; @lao2025, p. 2]"  # one fact's citations in one bracket, once each
    odd = pandoc.mark([_cite(1, "a", "p. 2; fig. [3] @home")])
    assert _citations(odd) == [("smith2024ai", r"p. 2\; fig. \[3\] \@home")]
    assert pandoc.mark([_cite(9, "gone", "p. 1")]) == " (Gone, p. 1)"  # no key: named instead
    assert pandoc.definitions() == ""


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.md") if not any(part.startswith(".") for part in p.parts))


@pytest.mark.parametrize("fmt", ["csl-json", "bibtex"])
def test_the_vault_cites_a_bibliography_beside_it(seeded_db: Database, tmp_path: Path, fmt: str) -> None:
    vault = tmp_path / "vault"
    report = export_markdown(
        seeded_db, MarkdownExport(folder=vault, citations="pandoc", bibliography_format=fmt)
    )
    assert report.keys_made > 0  # the seeded sources had none
    name = "references.json" if fmt == "csl-json" else "references.bib"
    bibliography = vault / name
    if fmt == "csl-json":
        keys = {item["id"] for item in json.loads(bibliography.read_text(encoding="utf-8"))}
    else:
        import bibtexparser

        library = bibtexparser.parse_string(bibliography.read_text(encoding="utf-8"))
        assert not library.failed_blocks
        keys = {entry.key for entry in library.entries}
    cited: list[tuple[str, str]] = []
    for path in _files(vault):
        fields, body = frontmatter.split(path.read_text(encoding="utf-8"))
        found = _citations(body)
        assert "[^c" not in body, path
        if path.parent != vault / "Notes":  # an entry's file names the bibliography, from where it is
            assert (
                fields is not None and (path.parent / str(fields["bibliography"])).resolve() == bibliography
            )
        cited += found
    assert cited and {key for key, _ in cited} <= keys
    assert any(suffix.startswith("paragraph ") for _, suffix in cited)  # the locators came along
    again = export_markdown(
        seeded_db, MarkdownExport(folder=vault, citations="pandoc", bibliography_format=fmt)
    )
    assert again.written == [] and name in again.unchanged and again.keys_made == 0


def test_the_command_line_exports_with_pandoc_citations(
    capsys: pytest.CaptureFixture[str], seeded_path: Path, tmp_path: Path
) -> None:
    vault = tmp_path / "vault"
    code, out, err = run(
        capsys, "--db", str(seeded_path), "export", "--out", str(vault), "--citations", "pandoc"
    )
    assert (code, err) == (0, "")
    assert "sources got a citation key, kept in the library from now on." in out
    assert (vault / "references.json").is_file()
    digest = tmp_path / "draft" / "digest.md"
    code, _, err = run(
        capsys, "--db", str(seeded_path), "export", "--digest", str(digest), "--citations", "pandoc",
        "--bib-format", "bibtex",
    )  # fmt: skip
    assert (code, err) == (0, "")
    fields, body = frontmatter.split(digest.read_text(encoding="utf-8"))
    assert fields is not None and fields["bibliography"] == "references.bib"
    assert (digest.parent / "references.bib").is_file() and _citations(body)
    code, _, err = run(
        capsys, "--db", str(seeded_path), "export", "--json", "x.json", "--citations", "pandoc"
    )
    assert code == 2 and "--citations pandoc is for --out DIR or --digest FILE" in err
