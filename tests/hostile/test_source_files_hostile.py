"""Hostile files offered as a source's text: damaged PDFs and pages, links to devices. Each is
one sentence naming the file (UnreadableSource), never a traceback, a hang or a crash."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from app.io.source_text import UnreadableSource, read_source_file
from tests.builders.pdfs import pdf_of_paragraphs
from tests.unit.test_source_text import PAGE, PARAGRAPHS


def _damaged(data: bytes, seed: int) -> bytes:
    rng = random.Random(seed)
    if seed % 2:
        return data[: rng.randrange(8, len(data))]  # cut short, as a failed download is
    out = bytearray(data)
    for _ in range(rng.randint(1, 40)):
        out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


@pytest.mark.parametrize("seed", range(40))
def test_a_damaged_pdf_gives_text_or_one_sentence(tmp_path: Path, seed: int) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(_damaged(pdf_of_paragraphs(PARAGRAPHS * 4, lines_a_page=12), seed))
    try:
        found = read_source_file(path)
    except UnreadableSource as exc:
        assert "report.pdf" in str(exc) and "\n" not in str(exc)
    else:
        assert found.media_type == "application/pdf"


@pytest.mark.parametrize("seed", range(20))
def test_a_damaged_web_page_gives_text_or_one_sentence(tmp_path: Path, seed: int) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(_damaged(PAGE.encode("utf-8"), seed))
    try:
        read_source_file(path)
    except UnreadableSource as exc:
        assert "page.html" in str(exc) and "\n" not in str(exc)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_link_to_a_device_is_refused_without_reading_it(tmp_path: Path) -> None:
    link = tmp_path / "endless.pdf"
    link.symlink_to("/dev/zero")
    with pytest.raises(UnreadableSource, match="a device"):
        read_source_file(link)
