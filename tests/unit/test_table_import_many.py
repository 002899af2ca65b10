"""A table of thousands of rows (#20): checked without a write, imported by executemany, with the
same entries, other names, titles, citations, tags and list and search rows as the entry form's
Editor.create and Editor.update make one row at a time; a bad row among many still writes
nothing."""

from __future__ import annotations

import csv
import io
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from app.io.tables import read_table
from app.services.entry_forms import AliasInput, CitationInput, EntryInput, RoleInput
from app.services.library import Library, Purpose
from app.services.table_import import CREATED, UPDATED, auto_mapping

HEADERS = ["Name", "Other names", "Country", "Title", "Organization", "Start", "End", "Tags", "Source"]
# Against the form's path one row at a time (16-20 ms a row): enough rows for two runs of new
# entries written in bulk (from 200, indexed at the end), one each side of the edit.
ROWS = 401
UPDATE_AT = 200  # the row (index) that adds to an official the library holds
MANY = 2_000


def _cells(n: int) -> list[str]:
    if n == UPDATE_AT:
        return ["Alpha Person", "Alpha Alias", "Laos", "", "", "", "", "vip", ""]
    if n % 50 == 0:
        name = f"Đặng Văn {n}"
    elif n % 97 == 0:
        name = f"陈刚 {n}"
    elif n % 41 == 0:
        name = f"Same-Slug {n // 41}"  # the slug of the row below: this one gets "-2"
    elif n % 41 == 1:
        name = f"Same Slug {n // 41}"
    elif n == 7:
        name = "Alpha"  # a slug the library holds ("alpha"): "alpha-2"
    else:
        name = f"Official {n}"
    titled = n % 3 != 0
    return [
        name,
        f"别名{n}; Alias {n}" if n % 10 == 0 else "",
        ("Laos", "ລາວ", "LA", "")[n % 4],
        "Adviser" if titled else "",
        ("Ministry of Tests", "bloc", "")[n % 3 - 1] if titled else "",
        f"2024-0{1 + n % 9}" if titled else "",
        "2025" if titled and n % 5 == 0 else "",
        ("people/imported, Batch" if n % 7 == 0 else "People/Imported" if n % 11 == 0 else ""),
        ("https://example.invalid/article" if n % 2 else "test-article") if titled and n % 13 == 0 else "",
    ]


def _table(folder: Path, rows: list[list[str]]) -> Path:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADERS)
    writer.writerows(rows)
    path = folder / "officials.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def _import(path: Path, table_path: Path, *, dry_run: bool = False, kind: str = "person") -> Any:
    with Library.open(path, Purpose.WRITE, program="test") as library:
        table = read_table(table_path)
        return library.tables.run(table, kind, auto_mapping(kind, table.headers), dry_run=dry_run)


_SLUG = {"Laos": "laos", "ລາວ": "laos", "LA": "laos", "Ministry of Tests": "ministry", "bloc": "bloc"}
_SOURCE = {"https://example.invalid/article": "test-article", "test-article": "test-article"}


def _one_at_a_time(path: Path, rows: list[list[str]]) -> None:
    """What the import did before: each row through the entry form's Editor, in one transaction."""
    with Library.open(path, Purpose.WRITE, program="test") as library:
        editor = library.editor
        with library.db.sessions.begin() as session:
            for cells in rows:
                name, others, country, title, org, start, end, tags, source = cells
                aliases = tuple(AliasInput(v) for v in others.split("; ") if v)
                if name == "Alpha Person":
                    alpha = session.connection().exec_driver_sql("SELECT id FROM entity WHERE slug = 'alpha'")
                    entity_id = int(alpha.scalar_one())
                    base = editor.form(entity_id, session=session)
                    wanted = EntryInput(
                        kind="person",
                        name=base.name,
                        slug=base.slug,
                        summary=base.summary,
                        values=base.values,
                        aliases=(*base.aliases, *aliases),
                        roles=base.roles,
                        tags=", ".join([base.tags or "", tags]).strip(", "),
                    )
                    editor.update(entity_id, wanted, session=session)
                    continue
                roles = ()
                if title:
                    cited = (CitationInput(_SOURCE[source]),) if source else None
                    roles = (RoleInput(title, _SLUG.get(org, ""), start=start, end=end, citations=cited),)
                editor.create(
                    EntryInput(
                        kind="person",
                        name=name,
                        values={"country": _SLUG[country]} if country else {},
                        aliases=aliases,
                        roles=roles,
                        tags=tags or None,
                    ),
                    session=session,
                )


_TABLES = {
    "entity": "SELECT id, kind, slug, name, summary, deleted_at FROM entity",
    "person": "SELECT * FROM person",
    "alias": "SELECT * FROM alias",
    "role": "SELECT * FROM role",
    "citation": "SELECT * FROM citation",
    "tag": "SELECT * FROM tag",
    "entity_tag": "SELECT * FROM entity_tag",
    "list_row": "SELECT * FROM list_row",
    "list_hay": "SELECT * FROM list_hay",
    "list_count": "SELECT * FROM list_count",
    "search_doc": "SELECT * FROM search_doc",
}


def _contents(path: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(path)
    try:
        out = {table: sorted(conn.execute(sql), key=repr) for table, sql in _TABLES.items()}
        # The full-text indexes answer as their rows say.
        for word in ("adv", "ali", "off", "dan"):  # (both index every three characters)
            out[f"search {word}"] = sorted(
                conn.execute("SELECT rowid FROM search_fts WHERE search_fts MATCH ?", (word,))
            )
        for trigram in ("dan", "ali", "399"):
            out[f"list {trigram}"] = sorted(
                conn.execute("SELECT rowid FROM list_hay_fts WHERE list_hay_fts MATCH ?", (trigram,))
            )
        return out
    finally:
        conn.close()


def test_a_large_table_imports_as_the_form_makes_each_row(mini_path: Path, tmp_path: Path) -> None:
    rows = [_cells(n) for n in range(ROWS)]
    reference = tmp_path / "one-at-a-time.sqlite3"
    reference.write_bytes(mini_path.read_bytes())
    _one_at_a_time(reference, rows)

    table = _table(tmp_path, rows)
    checked = _import(mini_path, table, dry_run=True)
    assert not checked.problems
    report = _import(mini_path, table)
    assert report.written and not report.problems
    assert [o.outcome for o in report.outcomes] == [o.outcome for o in checked.outcomes]
    assert report.count(CREATED) == ROWS - 1 and report.count(UPDATED) == 1
    assert [o.slug for o in report.outcomes[:3]] == ["dang-van-0", "same-slug-0", "official-2"]
    assert report.outcomes[7].slug == "alpha-2"
    assert report.outcomes[41].slug == "same-slug-1"
    assert report.outcomes[42].slug == "same-slug-1-2"  # "Same Slug 1", after "Same-Slug 1"

    mine, theirs = _contents(mini_path), _contents(reference)
    for table_name in theirs:
        assert mine[table_name] == theirs[table_name], table_name
    assert len(mine["entity"]) > ROWS and mine["search off"] and mine["list 399"]


def test_checking_a_table_writes_nothing_not_even_a_write_rolled_back(
    mini_path: Path, tmp_path: Path
) -> None:
    table = _table(tmp_path, [_cells(n) for n in range(200)])
    written: list[str] = []
    with Library.open(mini_path, Purpose.WRITE, program="test") as library:

        def seen(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
            if statement.lstrip().split(" ", 1)[0].upper() in ("INSERT", "UPDATE", "DELETE", "SAVEPOINT"):
                written.append(statement)

        event.listen(library.db.engine, "before_cursor_execute", seen)
        parsed = read_table(table)
        report = library.tables.run(parsed, "person", auto_mapping("person", parsed.headers), dry_run=True)
        event.remove(library.db.engine, "before_cursor_execute", seen)
    assert report.count(CREATED) == 200 and not report.problems
    assert written == []


def test_a_bad_row_among_thousands_writes_nothing(mini_path: Path, tmp_path: Path) -> None:
    rows = [_cells(n) for n in range(MANY)]
    rows[1_501][5] = "2024-13"  # row 1,503 as a spreadsheet numbers it: no 13th month
    table = _table(tmp_path, rows)
    conn = sqlite3.connect(mini_path)
    before = {t: sorted(conn.execute(sql), key=repr) for t, sql in _TABLES.items()}
    triggers = sorted(conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'"))
    conn.close()
    report = _import(mini_path, table)
    assert [p.text() for p in report.problems] == [
        "Row 1503, column “Start”: Write the date as YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2025-09-18)."
    ]
    assert not report.written and report.backup is None
    conn = sqlite3.connect(mini_path)
    assert {t: sorted(conn.execute(sql), key=repr) for t, sql in _TABLES.items()} == before
    assert sorted(conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")) == triggers
    conn.close()


@pytest.mark.parametrize("cancel_at", ["Checking the rows", "Writing"])
def test_a_cancelled_import_of_many_rows_writes_nothing(
    mini_path: Path, tmp_path: Path, cancel_at: str
) -> None:
    from app.services.progress import Cancelled, Progress

    table = _table(tmp_path, [_cells(n) for n in range(600)])
    progress = Progress()

    def step(_done: int, _total: int) -> None:
        if progress.stage == cancel_at:
            progress.cancel()

    progress._on_step = step
    before = _contents(mini_path)
    with Library.open(mini_path, Purpose.WRITE, program="test") as library:
        parsed = read_table(table)
        with pytest.raises(Cancelled):
            library.tables.run(parsed, "person", auto_mapping("person", parsed.headers), progress=progress)
    assert _contents(mini_path) == before


def test_entries_read_many_at_a_time_are_as_read_one_at_a_time(mini_path: Path, tmp_path: Path) -> None:
    from app.services.editing import _snapshot, _snapshots

    assert _import(mini_path, _table(tmp_path, [_cells(n) for n in range(30)])).written  # (tags too)
    with Library.open(mini_path, Purpose.WRITE, program="test") as library, library.db.sessions() as session:
        ids = [int(i) for (i,) in session.connection().exec_driver_sql("SELECT id FROM entity")]
        many = _snapshots(session, [*ids, 99_999])
        assert sorted(many) == sorted(ids)
        assert all(many[i] == _snapshot(session, i) for i in ids)
        forms = library.editor.forms(ids, session)
        assert all(forms[i] == library.editor.form(i, session=session) for i in ids)
        assert any(s.citations for s in many.values()) and any(s.tags for s in many.values())


def test_an_entry_named_on_two_rows_is_one_problem(mini_path: Path, tmp_path: Path) -> None:
    conn = sqlite3.connect(mini_path)
    (uid,) = conn.execute("SELECT uid FROM entity WHERE slug = 'alpha'").fetchone()
    conn.close()
    path = tmp_path / "twice.csv"
    path.write_text(f"uid,Name,Other names\n{uid},Alpha Person,A1\n,Alpha Person,A2\n", encoding="utf-8")
    report = _import(mini_path, path)
    assert [p.text() for p in report.problems] == [
        "Row 3, column “Name”: “Alpha Person” is already on row 2; give each entry one row."
    ]


def test_rows_may_name_entries_made_by_rows_above_them_new_or_edited(mini_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "orgs.csv"
    path.write_text(
        "Name,Part of,Abbreviation\n"
        "New Department,,ND\n"
        "Ministry of Tests,New Department,MOT\n"  # an edit naming the entry made on row 2
        "Sub Unit,ministry,\n",  # a new entry naming the one edited on row 3
        encoding="utf-8",
    )
    with Library.open(mini_path, Purpose.WRITE, program="test") as library:
        table = read_table(path)
        report = library.tables.run(table, "organization", auto_mapping("organization", table.headers))
    assert [(o.outcome, o.slug) for o in report.outcomes] == [
        (CREATED, "new-department"),
        (UPDATED, "ministry"),
        (CREATED, "sub-unit"),
    ]
    conn = sqlite3.connect(mini_path)
    parent = dict(
        conn.execute(
            "SELECT e.slug, p.slug FROM organization o JOIN entity e ON e.id = o.id JOIN entity p ON p.id = o.parent_id"
        )
    )
    assert parent["ministry"] == "new-department" and parent["sub-unit"] == "ministry"
    assert conn.execute("SELECT v1 FROM list_row WHERE slug = 'ministry'").fetchone() == ("MOT",)
    conn.close()


def test_a_code_or_slug_taken_by_a_row_above_is_taken(mini_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "countries.csv"
    path.write_text(
        "Name,ISO alpha-2 code,Slug\nAtlantis,AT,atlantis\nLemuria,AT,\nMu,MU,atlantis\n", encoding="utf-8"
    )
    report = _import(mini_path, path, dry_run=True, kind="country")
    assert [p.text() for p in report.problems] == [
        "Row 3, column “ISO alpha-2 code”: AT is already the code of Atlantis.",
        "Row 4, column “Slug”: “atlantis” is already the slug of Atlantis.",
    ]
