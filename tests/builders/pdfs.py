"""Small PDFs with a text layer, written without a PDF library: pages of lines set in
Helvetica (Latin-1 text only), as a word processor lays out wrapped paragraphs. The unit tests
and the benchmarks make their PDFs here (Qt's QPdfWriter needs a QGuiApplication)."""

from __future__ import annotations

import textwrap
import zlib
from collections.abc import Sequence

LINE_WIDTH = 80  # characters a line: wrapped as a page of 11-point text is
LINES_A_PAGE = 50


def _escape(line: str) -> bytes:
    raw = line.encode("latin-1")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _page_stream(lines: Sequence[str]) -> bytes:
    out = [b"BT /F1 11 Tf 13 TL 56 780 Td"]
    for line in lines:
        out.append(b"(" + _escape(line) + b") Tj T*")
    out.append(b"ET")
    return b"\n".join(out)


def layout(paragraphs: Sequence[str]) -> list[str]:
    """The lines of `paragraphs` wrapped as on a page, a blank line after each paragraph."""
    lines: list[str] = []
    for paragraph in paragraphs:
        lines.extend(textwrap.wrap(paragraph, LINE_WIDTH))
        lines.append("")
    return lines


def pdf_of_pages(pages: Sequence[Sequence[str]]) -> bytes:
    """A PDF whose pages hold these lines (compressed content streams, one shared font)."""
    objects: list[bytes] = []  # object n is objects[n - 1]
    n_pages = len(pages)
    page_ids = [4 + 2 * i for i in range(n_pages)]
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = b" ".join(b"%d 0 R" % i for i in page_ids)
    objects.append(b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % n_pages)
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    for i, lines in enumerate(pages):
        stream = zlib.compress(_page_stream(lines))
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (page_ids[i] + 1)
        )
        objects.append(
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream"
        )
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def pdf_of_paragraphs(paragraphs: Sequence[str], *, lines_a_page: int = LINES_A_PAGE) -> bytes:
    lines = layout(paragraphs)
    pages = [lines[i : i + lines_a_page] for i in range(0, len(lines), lines_a_page)] or [[]]
    return pdf_of_pages(pages)
