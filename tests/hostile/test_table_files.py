"""Files a hostile tester hands to `roundtable import-table` instead of a table: a binary file, a
line longer than any cell, a FIFO, a device, a file over the size limit, a mapping that is a FIFO.
Each is refused in one sentence naming the file (exit 1), nothing waits on a FIFO, and the
library is not touched."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from app.io import tables
from app.io.tables import TableError, read_table
from app.user_files import UnreadableFile
from tests.unit.test_cli import run


def _entities(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT count(*) FROM entity").fetchone()[0])
    finally:
        conn.close()


def _refused(capsys: pytest.CaptureFixture[str], db: Path, table: Path, *more: str) -> str:
    before = _entities(db)
    code, out, err = run(capsys, "--db", str(db), "import-table", str(table), "--kind", "officials", *more)
    assert (code, out) == (1, "")
    assert err.count("\n") == 1 and "nothing was changed" in err and "Traceback" not in err
    assert _entities(db) == before
    return err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_refused_without_waiting(
    capsys: pytest.CaptureFixture[str], mini_path: Path, tmp_path: Path
) -> None:
    fifo = tmp_path / "people.csv"
    os.mkfifo(fifo)  # nobody writes to it: reading it would wait for ever
    with pytest.raises(UnreadableFile, match="named pipe"):
        read_table(fifo)
    assert "named pipe" in _refused(capsys, mini_path, fifo)
    table = tmp_path / "t.csv"
    table.write_text("Name\nSomeone\n", encoding="utf-8")
    mapping = tmp_path / "map.yaml"
    os.mkfifo(mapping)
    assert "The mapping" in _refused(capsys, mini_path, table, "--mapping", str(mapping))


def test_a_device_and_a_folder_are_refused(
    capsys: pytest.CaptureFixture[str], mini_path: Path, tmp_path: Path
) -> None:
    if Path("/dev/zero").exists():
        assert "device" in _refused(capsys, mini_path, Path("/dev/zero"))
    assert "folder" in _refused(capsys, mini_path, tmp_path)


def test_binary_and_huge_lines_are_not_tables(
    capsys: pytest.CaptureFixture[str], mini_path: Path, tmp_path: Path
) -> None:
    binary = tmp_path / "people.csv"
    binary.write_bytes(b"SQLite format 3\x00" + os.urandom(4096))
    assert "is not a table" in _refused(capsys, mini_path, binary)
    huge = tmp_path / "huge.csv"
    huge.write_text("Name\n" + "x" * (tables.MAX_CELL + 1) + "\n", encoding="utf-8")
    assert "is not a table Roundtable can read (line 2" in _refused(capsys, mini_path, huge)
    wide = tmp_path / "wide.csv"
    wide.write_text(",".join(f"c{i}" for i in range(tables.MAX_COLUMNS + 1)) + "\n", encoding="utf-8")
    with pytest.raises(TableError, match="columns"):
        read_table(wide)


def test_a_file_over_the_limit_is_not_read(
    capsys: pytest.CaptureFixture[str], mini_path: Path, tmp_path: Path
) -> None:
    big = tmp_path / "big.csv"
    with big.open("wb") as f:
        f.truncate(tables.MAX_TABLE_BYTES + 1)  # sparse: no disk, no time
    assert "larger than 64 MB" in _refused(capsys, mini_path, big)
