"""Backups cover sources' files: copied once into the backups folder, shared by every backup,
and brought back by a restore (app/services/backups.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.__main__ import main
from app.db.database import Database, open_database
from app.io.source_text import read_source_file
from app.paths import attachments_dir
from app.services.backups import backup_attachments_dir, backup_now, prune, restore
from app.services.checking import check
from app.services.editing import Editor
from app.services.entry_forms import EntryInput
from app.services.sources import SourceTexts
from tests.builders.pdfs import pdf_of_paragraphs
from tests.unit.test_source_text import PAGE, PARAGRAPHS


def _give_file(db: Database, path: Path) -> SourceTexts:
    editor = Editor(db)
    texts = SourceTexts(db, lambda: editor, attachments_dir(db.path))
    made = editor.create(
        EntryInput(
            "source", f"Report {path.stem}", values={"publisher": "Laotian Times", "reliability": "medium"}
        )
    )
    found = read_source_file(path)
    texts.give_text(made.entity_id, found.text, found)
    return texts


def _files(tmp_path: Path) -> tuple[Path, Path]:
    page = tmp_path / "laos-ai.html"
    page.write_text(PAGE, encoding="utf-8")
    pdf = tmp_path / "strategy.pdf"
    pdf.write_bytes(pdf_of_paragraphs(PARAGRAPHS))
    return page, pdf


def test_every_backup_shares_one_copy_of_each_file(seeded_path: Path, tmp_path: Path) -> None:
    page, pdf = _files(tmp_path)
    db = open_database(seeded_path)
    try:
        _give_file(db, page)
        backup_now(seeded_path)
        kept = backup_attachments_dir(seeded_path)
        assert kept == seeded_path.parent / "backups" / "roundtable-attachments"
        first = sorted(p.name for p in kept.iterdir())
        assert len(first) == 1 and first[0].endswith(".html")
        backup_now(seeded_path)  # nothing new: nothing copied again
        assert sorted(p.name for p in kept.iterdir()) == first
        _give_file(db, pdf)
        backup_now(seeded_path)
        assert len(list(kept.iterdir())) == 2
        assert sorted(p.read_bytes() for p in kept.iterdir()) == sorted([page.read_bytes(), pdf.read_bytes()])
    finally:
        db.close()


def test_a_file_changed_in_the_library_is_not_copied(seeded_path: Path, tmp_path: Path) -> None:
    page, _pdf = _files(tmp_path)
    db = open_database(seeded_path)
    try:
        _give_file(db, page)
        [live] = list(attachments_dir(seeded_path).iterdir())
        live.write_text("<html>something else</html>", encoding="utf-8")
        backup_now(seeded_path)
        assert not backup_attachments_dir(seeded_path).exists()
    finally:
        db.close()


def test_a_restore_brings_the_files_back_and_check_is_clean(seeded_path: Path, tmp_path: Path) -> None:
    page, pdf = _files(tmp_path)
    db = open_database(seeded_path)
    _give_file(db, page)
    _give_file(db, pdf)
    backup = backup_now(seeded_path)
    db.close()
    shutil.rmtree(attachments_dir(seeded_path))  # the files are lost
    db = open_database(seeded_path)
    try:
        assert {p.state for p in check(db).attachments} == {"missing"}
    finally:
        db.close()

    result = restore(seeded_path, backup)

    assert result.files_restored == 2 and result.files_missing == ()
    names = sorted(p.read_bytes() for p in attachments_dir(seeded_path).iterdir())
    assert names == sorted([page.read_bytes(), pdf.read_bytes()])
    db = open_database(seeded_path)
    try:
        report = check(db)
        assert report.attachments == () and report.ok
    finally:
        db.close()


def test_files_no_backup_and_not_the_library_lists_are_pruned(seeded_path: Path, tmp_path: Path) -> None:
    page, _pdf = _files(tmp_path)
    db = open_database(seeded_path)
    try:
        _give_file(db, page)
        backup_now(seeded_path)
        stray = backup_attachments_dir(seeded_path) / ("0" * 64 + ".pdf")
        stray.write_bytes(b"%PDF- a file nothing lists")
        prune(seeded_path)
        assert not stray.exists()
        assert len(list(backup_attachments_dir(seeded_path).iterdir())) == 1  # the page stays
    finally:
        db.close()


def test_roundtable_restore_says_the_files_came_back_and_check_is_clean(
    seeded_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page, _pdf = _files(tmp_path)
    db = open_database(seeded_path)
    _give_file(db, page)
    db.close()
    db_arg = ("--db", str(seeded_path))
    assert main([*db_arg, "backup"]) == 0
    backup = next((seeded_path.parent / "backups").glob("*-manual.sqlite3"))
    shutil.rmtree(attachments_dir(seeded_path))
    assert main([*db_arg, "check"]) == 1
    assert "The file laos-ai.html of the source “Report laos-ai” is missing" in capsys.readouterr().out
    assert main([*db_arg, "restore", str(backup)]) == 0
    assert "Sources' files brought back from the backups: 1." in capsys.readouterr().out
    assert main([*db_arg, "check"]) == 0
    assert "All good." in capsys.readouterr().out
