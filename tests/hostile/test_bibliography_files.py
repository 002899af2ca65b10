"""Bibliographies that are not what they seem: a FIFO or a folder named like a .bib, a Zotero
database held locked by a running Zotero, text made to trouble a parser. Each is read or
refused in one sentence, at once, and never written."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.io import bibliography as bib
from app.io.bibliography import BibliographyError
from tests.unit.test_bibliography import BIBTEX, _zotero_folder


def _within(seconds: float, action: Callable[[], object]) -> BaseException | None:
    """Run `action` in a thread; fail if it has not finished in `seconds` (a FIFO's open blocks)."""
    caught: list[BaseException] = []

    def run() -> None:
        try:
            action()
        except BaseException as exc:  # (handed back to the test)
            caught.append(exc)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), "reading blocked"
    return caught[0] if caught else None


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
@pytest.mark.parametrize("name", ["refs.bib", "refs.json", "refs.ris", "zotero.sqlite"])
def test_a_fifo_is_refused_at_once(name: str, tmp_path: Path) -> None:
    fifo = tmp_path / name
    os.mkfifo(fifo)
    failed = _within(5, lambda: bib.read(fifo))
    assert isinstance(failed, BibliographyError)
    assert "named pipe" in str(failed) and str(fifo) in str(failed)


def test_a_folder_named_like_a_file_and_a_missing_file(tmp_path: Path) -> None:
    folder = tmp_path / "refs.bib"
    folder.mkdir()
    with pytest.raises(BibliographyError, match=r"holds no zotero\.sqlite"):
        bib.read(folder)  # a folder is taken for Zotero's, and says what it lacks
    with pytest.raises(BibliographyError, match="cannot be read"):
        bib.read(tmp_path / "gone.bib")


def test_zotero_running_holds_its_database_and_it_is_still_read_unchanged(tmp_path: Path) -> None:
    folder = _zotero_folder(tmp_path)
    database = folder / "zotero.sqlite"
    zotero_app = sqlite3.connect(database)
    zotero_app.execute("PRAGMA locking_mode = EXCLUSIVE")  # as Zotero opens it
    zotero_app.execute("BEGIN EXCLUSIVE")
    try:
        before = hashlib.sha256(database.read_bytes()).hexdigest()
        records = bib.read(folder).records
        assert len(records) == 3
        assert hashlib.sha256(database.read_bytes()).hexdigest() == before
    finally:
        zotero_app.rollback()
        zotero_app.close()
    assert sorted(p.name for p in folder.iterdir()) == ["zotero.sqlite"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.sampled_from(list("@{}\\\"=,%#~$^&_`'- abcAB01\n")), max_size=200))
def test_no_text_troubles_the_bibtex_reader_beyond_one_sentence(text: str) -> None:
    try:
        records = bib.parse_bibtex(text, Path("fuzz.bib"))
    except BibliographyError as exc:
        assert "\n" not in str(exc)
        return
    for record in records:
        assert isinstance(record.title, str)


# LaTeX as bibliographies hold it. (A bare & or % is an error in LaTeX; pylatexenc reads them as a
# table's column and a comment, dropping text, where the quick reader keeps them as written.)
_PIECES = [*"\\{}\"'`^~=.cvuHkrdbioOlLs -aeAE", "\\&", "\\%", "\\#", "\\_", "\\ss", "\\textbackslash{}"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join))
def test_the_quick_latex_reader_agrees_with_pylatexenc(value: str) -> None:
    latex = bib._Latex()
    fast = bib._plain_latex(value)
    if fast is not None:
        assert fast == latex._slow(value), value


def test_a_huge_value_and_deep_braces_are_read(tmp_path: Path) -> None:
    deep = "{" * 500 + "Deep" + "}" * 500
    big = "word " * 200_000
    path = tmp_path / "refs.bib"
    path.write_text(BIBTEX + f"\n@misc{{deep, title = {{{deep}}}, note = {{{big}}}}}\n", encoding="utf-8")
    records = bib.read(path).records
    assert records[-1].title == "Deep"
