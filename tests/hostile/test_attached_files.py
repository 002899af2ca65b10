"""Attached files a hostile tester puts beside a data file: a FIFO in a file's place, a file that
is not the size the data file says, a file listed twice. Each is refused in one sentence that
names it, before anything is written, and nothing waits on a FIFO."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from app.db.database import open_database
from app.io.attachments import file_name, sha256_of
from app.io.datafile import InvalidDataFile, read
from app.paths import attachments_dir
from app.services.importer import import_file
from tests.builders.canonical import canonical
from tests.conftest import copy_db

PAGE = b"<html><body><p>The railway opens in 2027.</p></body></html>"
SHA = sha256_of(PAGE)


def _data(tmp_path: Path, attachments: list[dict[str, Any]]) -> Path:
    path = tmp_path / "data.json"
    source = {"slug": "page", "name": "A page", "attachments": attachments}
    path.write_text(json.dumps({"format": "roundtable", "version": 1, "sources": [source]}), encoding="utf-8")
    return path


def _listed(size: int = len(PAGE)) -> dict[str, Any]:
    return {"sha256": SHA, "filename": "page.html", "media_type": "text/html", "size": size}


def _refused(tmp_path: Path, empty_template: Path, data: Path) -> str:
    (tmp_path / "lib").mkdir()
    db = open_database(copy_db(empty_template, tmp_path / "lib" / "library.sqlite3"))
    try:
        before = canonical(db.path)
        with pytest.raises(InvalidDataFile) as refused:
            import_file(db, read(data))
        assert canonical(db.path) == before
        assert not attachments_dir(db.path).exists()
    finally:
        db.close()
    report = refused.value.report()
    assert len(report.splitlines()) == 1, report
    return report


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_in_an_attached_files_place_is_refused_not_waited_on(
    tmp_path: Path, empty_template: Path
) -> None:
    (tmp_path / "attachments").mkdir()
    os.mkfifo(tmp_path / "attachments" / file_name(SHA, "text/html"))
    report = _refused(tmp_path, empty_template, _data(tmp_path, [_listed()]))
    assert "FIFO" in report or "not a regular file" in report or "named pipe" in report, report


def test_a_file_of_another_size_than_listed_is_refused(tmp_path: Path, empty_template: Path) -> None:
    (tmp_path / "attachments").mkdir()
    (tmp_path / "attachments" / file_name(SHA, "text/html")).write_bytes(PAGE)
    report = _refused(tmp_path, empty_template, _data(tmp_path, [_listed(size=len(PAGE) + 1)]))
    assert f"is {len(PAGE)} bytes, and the data file lists {len(PAGE) + 1}" in report


def test_a_file_listed_twice_for_one_source_is_refused(tmp_path: Path, empty_template: Path) -> None:
    report = _refused(tmp_path, empty_template, _data(tmp_path, [_listed(), _listed()]))
    assert "attachments[1].sha256" in report and "list each file once" in report


def test_a_good_file_is_kept_by_its_checksum(tmp_path: Path, empty_template: Path) -> None:
    (tmp_path / "attachments").mkdir()
    (tmp_path / "attachments" / file_name(SHA, "text/html")).write_bytes(PAGE)
    (tmp_path / "lib").mkdir()
    db = open_database(copy_db(empty_template, tmp_path / "lib" / "library.sqlite3"))
    try:
        report = import_file(db, read(_data(tmp_path, [_listed()])))
        assert report.files_copied == 1
        assert (attachments_dir(db.path) / file_name(SHA, "text/html")).read_bytes() == PAGE
    finally:
        db.close()
