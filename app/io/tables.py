"""Tables in and out: the rows of a CSV (or XLSX) file as text, and a list written as CSV.

A table is read whole (bounded by MAX_TABLE_BYTES, through app/user_files.py, so a FIFO or a
device is refused without blocking) and handed on as text cells: what a cell means is for the
service that maps columns to fields (app/services/table_import.py).

CSV comes from everywhere, so its shape is guessed: a byte-order mark says the encoding (UTF-8
or UTF-16); otherwise UTF-8, and a file that is not UTF-8 is read as Windows-1252, which is what
Excel on Windows writes when asked for "CSV" and which decodes any byte. csv.Sniffer picks the
delimiter among comma, semicolon (Excel in much of Europe), tab and bar.

CSV is written as Excel reads it: UTF-8 with a byte-order mark (without one, Excel on Windows
reads UTF-8 as the local code page, and a Lao or Chinese name comes out as mojibake; LibreOffice
and Python's csv read it either way) and quotes only where a cell needs them (QUOTE_MINIMAL).

XLSX is read by python-calamine, imported only when an .xlsx file is opened.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.i18n import T_, Explained
from app.io.atomic import write_bytes
from app.user_files import MB, read_bytes

MAX_TABLE_BYTES = 64 * MB
MAX_CELL = 100_000  # characters in one cell: more is not a table someone typed
MAX_COLUMNS = 500
XLSX_SUFFIXES = (".xlsx", ".xlsm")
_DELIMITERS = ",;\t|"


class TableError(Explained, ValueError):
    """The file cannot be read as a table (one sentence, naming the file)."""


@dataclass(frozen=True)
class Table:
    """The cells of a table as text: `headers` from its first row, then `rows`, each as long as
    the headers (short rows padded with ""). A row's number, as a spreadsheet shows it, is
    FIRST_ROW + its index (the headers are row 1)."""

    path: Path
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]

    FIRST_ROW = 2

    def row_number(self, index: int) -> int:
        return self.FIRST_ROW + index


def read_table(path: Path) -> Table:
    """The table in the file at `path`; TableError (or UnreadableFile) when it is not one."""
    try:
        data = read_bytes(path, limit=MAX_TABLE_BYTES)
    except FileNotFoundError:
        raise TableError(T_("Tables", "{path} does not exist.").format(path=str(path))) from None
    except IsADirectoryError:
        raise TableError(T_("Tables", "{path} is a folder, not a table.").format(path=str(path))) from None
    except OSError as exc:
        raise TableError(
            T_("Tables", "{path} cannot be read: {reason}").format(path=str(path), reason=exc.strerror or "")
        ) from None
    if path.suffix.lower() in XLSX_SUFFIXES:
        cells = _xlsx_cells(path, data)
    else:
        cells = _csv_cells(path, _decode(path, data))
    return _table(path, cells)


def _decode(path: Path, data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        encoding = "utf-8-sig"
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    else:
        encoding = "utf-8"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        if encoding != "utf-8":
            raise _not_a_table(path) from None
        text = data.decode("cp1252", errors="replace")
    if "\x00" in text:  # a binary file (a picture, a database) decodes; a table holds no NUL
        raise _not_a_table(path)
    return text


def _not_a_table(path: Path) -> TableError:
    return TableError(
        T_("Tables", "{path} is not a table: save it as CSV (comma-separated values) or XLSX.").format(
            path=str(path)
        )
    )


def _csv_cells(path: Path, text: str) -> list[list[str]]:
    reader = csv.reader(io.StringIO(text, newline=""), _dialect(text))
    old = csv.field_size_limit(MAX_CELL)
    try:
        return list(reader)
    except csv.Error as exc:
        raise TableError(
            T_("Tables", "{path} is not a table Roundtable can read (line {line}: {reason}).").format(
                path=str(path), line=str(reader.line_num), reason=str(exc)
            )
        ) from None
    finally:
        csv.field_size_limit(old)


def _dialect(text: str) -> type[csv.Dialect] | csv.Dialect:
    """The table's delimiter, as csv.Sniffer makes it out from its first lines (blank lines,
    which Sniffer counts as rows of no columns, left out); when it cannot tell, or picks a
    character the title row does not hold, the candidate the title row holds most of."""
    lines = [line for line in text[: 64 * 1024].splitlines()[:50] if line.strip()]
    if not lines:
        return csv.excel
    try:
        found = csv.Sniffer().sniff("\n".join(lines), delimiters=_DELIMITERS)
        if found.delimiter in lines[0]:
            return found
    except csv.Error:
        pass
    counts = {d: lines[0].count(d) for d in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda d: counts[d])

    class Found(csv.excel):
        delimiter = best if counts[best] else ","

    return Found


def _xlsx_cells(path: Path, data: bytes) -> list[list[str]]:
    try:
        import python_calamine
    except ImportError:  # pragma: no cover - an install without the optional reader
        raise TableError(
            T_("Tables", "{path} is an XLSX file; save it as CSV to import it.").format(path=str(path))
        ) from None
    try:
        book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        sheet = book.get_sheet_by_index(0)
        raw = sheet.to_python(skip_empty_area=False)
    except Exception:  # calamine raises its own errors for any damaged file
        raise _not_a_table(path) from None
    return [[_cell_text(v) for v in row] for row in raw]


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a year typed in a spreadsheet is a float to it
    if hasattr(value, "isoformat"):
        text = str(value.isoformat())
        return text[:10] if text.endswith("T00:00:00") or len(text) == 10 else text
    return str(value)


def _table(path: Path, cells: list[list[str]]) -> Table:
    while cells and not any(c.strip() for c in cells[-1]):
        cells.pop()
    if not cells:
        raise TableError(T_("Tables", "{path} is empty: there is no header row.").format(path=str(path)))
    headers = [h.strip() for h in cells[0]]
    while headers and not headers[-1]:
        headers.pop()
    if not headers:
        raise TableError(T_("Tables", "{path} has no column titles in its first row.").format(path=str(path)))
    if len(headers) > MAX_COLUMNS:
        raise TableError(
            T_("Tables", "{path} has {count} columns, more than a table of entries can hold.").format(
                path=str(path), count=str(len(headers))
            )
        )
    width = len(headers)
    rows = []
    for row in cells[1:]:
        cut = [c.strip() for c in row[:width]]
        rows.append(tuple(cut + [""] * (width - len(cut))))
    return Table(path, tuple(headers), tuple(rows))


def read_mapping(path: Path) -> dict[str, Any]:
    """A mapping file's {column title: field} (JSON, or YAML by any other name); TableError
    when it is not one."""
    import yaml

    from app.io import yaml_safe

    try:
        text = read_bytes(path, limit=MB).decode("utf-8-sig")
        found = json.loads(text) if path.suffix.lower() == ".json" else yaml_safe.load(text)
    except (OSError, UnicodeDecodeError, ValueError, yaml.YAMLError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc).splitlines()[0]
        raise TableError(
            T_("Tables", "The mapping {path} cannot be read: {reason}").format(path=str(path), reason=reason)
        ) from None
    if not isinstance(found, dict):
        raise TableError(
            T_("Tables", "The mapping {path} should map column titles to fields.").format(path=str(path))
        )
    return found


# --- out -----------------------------------------------------------------------------------


def csv_bytes(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    """A table as CSV bytes (UTF-8 with a byte-order mark, quotes where needed); None is an
    empty cell."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(headers)
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
    return out.getvalue().encode("utf-8-sig")


def write_csv(path: Path, headers: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    """Write the table to `path`, all of it or none (app/io/atomic.py)."""
    write_bytes(path, csv_bytes(headers, rows))
