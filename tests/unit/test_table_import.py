"""Tables in and out (#20): reading CSV/XLSX (app/io/tables.py), importing rows all or nothing
(app/services/table_import.py), `roundtable import-table` and `roundtable list --csv/--json`,
and the round trip list --csv -> import-table that changes nothing."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from app.io.tables import TableError, csv_bytes, read_table
from app.services.library import Library, Purpose
from app.services.table_import import CREATED, UNCHANGED, UPDATED, auto_mapping
from tests.unit.test_cli import run


def _count(path: Path, sql: str = "SELECT count(*) FROM entity") -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute(sql).fetchone()[0])
    finally:
        conn.close()


def _state(path: Path) -> list[tuple[object, ...]]:
    """Everything an import could change, with the times it was changed."""
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute("SELECT id, uid, kind, slug, name, summary, updated_at FROM entity ORDER BY id")
        out = list(rows)
        for table in (
            "alias",
            "role",
            "entity_tag",
            "person",
            "country",
            "organization",
            "event",
            "initiative",
        ):
            out += [(table, *r) for r in conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2")]
        return out
    finally:
        conn.close()


def _write(folder: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = folder / name
    path.write_bytes(text.encode(encoding))
    return path


# --- reading -------------------------------------------------------------------------------------


def test_a_csv_is_read_whatever_its_encoding_and_delimiter(tmp_path: Path) -> None:
    text = "Name;Country\r\nĐặng Văn;Vietnam\r\n\r\nÉmile;France\r\n"
    for encoding, name in (("utf-8-sig", "bom.csv"), ("utf-16", "u16.csv"), ("cp1252", "excel.csv")):
        if encoding == "cp1252":
            text = text.replace("Đặng Văn", "Dang Van")  # not in Windows-1252
        table = read_table(_write(tmp_path, name, text, encoding))
        assert table.headers == ("Name", "Country")
        assert table.rows[0][0] in ("Đặng Văn", "Dang Van")
        assert table.rows[2] == ("Émile", "France")
        assert table.row_number(2) == 4  # as a spreadsheet numbers it


def test_a_tab_separated_table_with_short_rows_is_padded(tmp_path: Path) -> None:
    table = read_table(_write(tmp_path, "t.tsv", "Name\tPlace\tEnd\nA\tB\nC\tD\tE\n"))
    assert table.rows == (("A", "B", ""), ("C", "D", "E"))


def test_what_is_not_a_table_is_refused_in_one_sentence(tmp_path: Path) -> None:
    png = tmp_path / "picture.csv"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(TableError, match=r"picture\.csv is not a table"):
        read_table(png)
    huge = _write(tmp_path, "huge.csv", "Name\n" + '"' + "x" * 200_000 + '"\n')
    with pytest.raises(TableError, match=r"huge\.csv is not a table Roundtable can read \(line 2"):
        read_table(huge)
    with pytest.raises(TableError, match="is empty"):
        read_table(_write(tmp_path, "empty.csv", "\n\n"))
    with pytest.raises(TableError, match="does not exist"):
        read_table(tmp_path / "missing.csv")


def _xlsx(path: Path, rows: list[list[object]]) -> Path:
    """A minimal XLSX workbook (one sheet, inline strings and numbers), as Excel writes its parts."""

    def cell(ref: str, value: object) -> str:
        if isinstance(value, (int, float)):
            return f'<c r="{ref}"><v>{value}</v></c>'
        return f'<c r="{ref}" t="inlineStr"><is><t>{escape(str(value))}</t></is></c>'

    body = "".join(
        f'<row r="{r + 1}">' + "".join(cell(f"{chr(65 + c)}{r + 1}", v) for c, v in enumerate(row)) + "</row>"
        for r, row in enumerate(rows)
    )
    ns = "http://schemas.openxmlformats.org"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(
            "[Content_Types].xml",
            f'<Types xmlns="{ns}/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.spreadsheetml.worksheet+xml"/></Types>',
        )
        z.writestr(
            "_rels/.rels",
            f'<Relationships xmlns="{ns}/package/2006/relationships"><Relationship Id="rId1" '
            f'Type="{ns}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>",
        )
        z.writestr(
            "xl/workbook.xml",
            f'<workbook xmlns="{ns}/spreadsheetml/2006/main" xmlns:r="{ns}/officeDocument/2006/relationships">'
            '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
        )
        z.writestr(
            "xl/_rels/workbook.xml.rels",
            f'<Relationships xmlns="{ns}/package/2006/relationships"><Relationship Id="rId1" '
            f'Type="{ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
            "</Relationships>",
        )
        z.writestr(
            "xl/worksheets/sheet1.xml",
            f'<worksheet xmlns="{ns}/spreadsheetml/2006/main"><sheetData>{body}</sheetData></worksheet>',
        )
    return path


def test_an_xlsx_table_is_read_with_years_as_written(tmp_path: Path) -> None:
    path = _xlsx(tmp_path / "events.xlsx", [["Name", "Start"], ["Summit", 2025], ["Forum", "2024-05"]])
    table = read_table(path)
    assert table.headers == ("Name", "Start")
    assert table.rows == (("Summit", "2025"), ("Forum", "2024-05"))
    broken = _write(tmp_path, "broken.xlsx", "Name\nnot a zip\n")
    with pytest.raises(TableError, match=r"broken\.xlsx is not a table"):
        read_table(broken)


def test_csv_out_has_a_bom_and_quotes_only_where_needed() -> None:
    data = csv_bytes(["Name", "Count"], [["A, B", 3], ['Say "hi"', None]])
    assert data == b'\xef\xbb\xbfName,Count\r\n"A, B",3\r\n"Say ""hi""",\r\n'


def test_columns_map_by_their_titles_in_any_case_and_spacing() -> None:
    headers = ["NAME", "other_names", "ISO code", "Capital", "Officials", "name"]
    assert auto_mapping("country", headers) == ["name", "other_names", "iso_alpha2", "capital", "", ""]
    assert auto_mapping("person", ["Name", "Title as stated", "Organization", "Start"]) == [
        "name",
        "title",
        "organization",
        "title_start",
    ]


# --- importing -------------------------------------------------------------------------------------

BAD_ROWS = (
    "Name,Country,Title,Organization,Start\n"
    "New Person,Laos,Deputy Minister,Ministry of Tests,2025-13-01\n"  # row 2: wrong date
    "Other Person,Atlantis,,,\n"  # row 3: unknown country
    ",Laos,,,\n"  # row 4: empty name
    "Fine Person,LA,Adviser,ministry,2024\n"  # row 5: good (ISO code, slug)
    "fine person,Laos,,,\n"  # row 6: repeats row 5
)


def _import(path: Path, table_path: Path, kind: str, *, dry_run: bool = False) -> object:
    with Library.open(path, Purpose.WRITE, program="test") as library:
        table = read_table(table_path)
        return library.tables.run(table, kind, auto_mapping(kind, table.headers), dry_run=dry_run)


def test_bad_rows_are_each_named_and_nothing_is_written(mini_path: Path, tmp_path: Path) -> None:
    before = _state(mini_path)
    report = _import(mini_path, _write(tmp_path, "people.csv", BAD_ROWS), "person")
    problems = [p.text() for p in report.problems]  # type: ignore[attr-defined]
    assert problems == [
        "Row 2, column “Start”: Write the date as YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2025-09-18).",
        "Row 3, column “Country”: Nothing among countries is called “Atlantis”; add it first.",
        "Row 4, column “Name”: A name is required.",
        "Row 6, column “Name”: “fine person” is already on row 5; give each entry one row.",
    ]
    assert not report.written  # type: ignore[attr-defined]
    assert _state(mini_path) == before  # all or nothing: row 5 was good, and is not kept either


def test_good_rows_are_created_then_found_again(mini_path: Path, tmp_path: Path) -> None:
    table = _write(
        tmp_path,
        "people.csv",
        "Name,Other names,Country,Title,Organization,Start,Tags,Source\n"
        "Beta Person,Бета; ベータ,ລາວ,Adviser,The Bloc,2024,imported,https://example.invalid/article\n"
        "Alpha Person,,Laos,Minister of Tests,Ministry of Tests,,,test-article\n",
    )
    people = _count(mini_path, "SELECT count(*) FROM person")
    report = _import(mini_path, table, "person")
    outcomes = [(o.row, o.outcome) for o in report.outcomes]  # type: ignore[attr-defined]
    assert outcomes == [(2, CREATED), (3, UNCHANGED)]
    assert report.written and report.backup is not None  # type: ignore[attr-defined]
    assert _count(mini_path, "SELECT count(*) FROM person") == people + 1
    conn = sqlite3.connect(mini_path)
    beta = conn.execute(
        "SELECT e.id, c.slug FROM entity e JOIN person p ON p.id = e.id JOIN entity c ON c.id = p.country_id "
        "WHERE e.name = 'Beta Person'"
    ).fetchone()
    assert beta[1] == "laos"  # found by its other name
    assert {r[0] for r in conn.execute("SELECT value FROM alias WHERE entity_id = ?", (beta[0],))} == {
        "Бета",
        "ベータ",
    }
    assert conn.execute("SELECT title, start_date FROM role WHERE person_id = ?", (beta[0],)).fetchall() == [
        ("Adviser", "2024")
    ]
    cited = (
        "SELECT e.slug FROM citation c JOIN role r ON r.id = c.role_id JOIN entity e ON e.id = c.source_id "
    )
    assert conn.execute(cited + "WHERE r.person_id = ?", (beta[0],)).fetchall() == [("test-article",)]
    conn.close()
    before = _state(mini_path)
    again = _import(mini_path, table, "person")
    assert [o.outcome for o in again.outcomes] == [UNCHANGED, UNCHANGED]  # type: ignore[attr-defined]
    assert not again.written  # type: ignore[attr-defined]
    assert _state(mini_path) == before


def test_a_changed_cell_updates_and_an_empty_one_leaves_the_field(mini_path: Path, tmp_path: Path) -> None:
    table = _write(tmp_path, "orgs.csv", "name,abbreviation,kind,country\nMinistry of Tests,MOT,,\n")
    report = _import(mini_path, table, "organization")
    assert [o.outcome for o in report.outcomes] == [UPDATED]  # type: ignore[attr-defined]
    conn = sqlite3.connect(mini_path)
    assert conn.execute(
        "SELECT o.abbreviation, o.country_id IS NOT NULL FROM organization o JOIN entity e ON e.id = o.id "
        "WHERE e.slug = 'ministry'"
    ).fetchone() == ("MOT", 1)
    conn.close()


def test_a_dry_run_writes_nothing(mini_path: Path, tmp_path: Path) -> None:
    before = _state(mini_path)
    table = _write(tmp_path, "c.csv", "Name,ISO alpha-2 code\nAtlantis,AT\n")
    report = _import(mini_path, table, "country", dry_run=True)
    assert [o.outcome for o in report.outcomes] == [CREATED]  # type: ignore[attr-defined]
    assert str(report.summary()).endswith("nothing was written.")  # type: ignore[attr-defined]
    assert _state(mini_path) == before


# --- the command line ------------------------------------------------------------------------------


def test_import_table_exit_codes_and_all_or_nothing(
    capsys: pytest.CaptureFixture[str], mini_path: Path, tmp_path: Path
) -> None:
    db = ["--db", str(mini_path)]
    bad = _write(tmp_path, "bad.csv", BAD_ROWS)
    entities = _count(mini_path)
    code, out, err = run(capsys, *db, "import-table", str(bad), "--kind", "officials")
    assert code == 1
    assert out == "bad.csv: 4 problems; nothing was imported.\n"
    assert err.splitlines()[2] == "Row 4, column “Name”: A name is required."
    assert _count(mini_path) == entities
    code, _, err = run(capsys, *db, "import-table", str(bad), "--kind", "sources")
    assert code == 2 and "import-bib" in err
    code, _, err = run(capsys, *db, "import-table", str(bad), "--kind", "nonsense")
    assert code == 2
    good = _write(tmp_path, "good.csv", "Naam,Land\nNew Place,NewLand\n")
    mapping = _write(tmp_path, "map.yaml", "Naam: name\nLand: ignore\n")
    code, out, err = run(
        capsys, *db, "import-table", str(good), "--kind", "countries", "--mapping", str(mapping)
    )
    assert (code, err) == (1, "Row 2: ISO alpha-2 code is required.\n")  # no column holds it
    good = _write(tmp_path, "good.csv", "Naam,Land,Code\nNew Place,NewLand,NP\n")
    mapping = _write(tmp_path, "map.json", json.dumps({"Naam": "name", "Land": None, "Code": "iso_alpha2"}))
    code, out, err = run(
        capsys, *db, "import-table", str(good), "--kind", "countries", "--mapping", str(mapping), "--dry-run"
    )
    assert (code, err) == (0, "")
    assert out.startswith("good.csv would create 1, update 0 and leave 0 unchanged; nothing was written.\n")
    assert "columns not imported: Land" in out
    assert _count(mini_path) == entities
    code, out, err = run(
        capsys, *db, "import-table", str(good), "--kind", "countries", "--mapping", str(mapping)
    )
    assert (code, err) == (0, "")
    assert out.startswith("good.csv: 1 created, 0 updated, 0 unchanged.\n")
    assert _count(mini_path) == entities + 1
    wrong = _write(tmp_path, "wrong.json", json.dumps({"Naam": "nickname"}))
    code, _, err = run(capsys, *db, "import-table", str(good), "--kind", "countries", "--mapping", str(wrong))
    assert code == 1 and "which is not a field of Countries" in err and err.count("\n") == 1


@pytest.mark.parametrize("kind", ["officials", "countries", "organizations", "initiatives", "events"])
def test_a_list_exported_as_csv_imports_back_changing_nothing(
    capsys: pytest.CaptureFixture[str], mini_path: Path, tmp_path: Path, kind: str
) -> None:
    db = ["--db", str(mini_path)]
    code, out, _ = run(capsys, *db, "list", kind, "--csv")
    assert code == 0
    path = tmp_path / f"{kind}.csv"
    path.write_text(out, encoding="utf-8")
    before = _state(mini_path)
    code, out, err = run(capsys, *db, "import-table", str(path), "--kind", kind)
    assert (code, err) == (0, "")
    assert "the library already holds all" in out
    assert _state(mini_path) == before


def test_list_json_is_typed_and_names_uid_and_kind(
    capsys: pytest.CaptureFixture[str], mini_path: Path
) -> None:
    code, out, _ = run(capsys, "--db", str(mini_path), "list", "countries", "--json")
    assert code == 0
    (laos,) = json.loads(out)
    assert laos["officials"] == 1 and laos["initiatives"] == 1  # numbers, not "1"
    assert laos["kind"] == "country" and len(laos["uid"]) == 36
    code, out, _ = run(
        capsys, "--db", str(mini_path), "list", "organizations", "--json", "--fields", "name,abbreviation"
    )
    rows = json.loads(out)
    assert rows[1] == {
        "name": "The Bloc",
        "abbreviation": "ASEAN",
        "uid": rows[1]["uid"],
        "kind": "organization",
    }
    assert rows[0]["abbreviation"] is None  # missing: null, not ""


def test_list_sorts_limits_and_picks_fields(capsys: pytest.CaptureFixture[str], mini_path: Path) -> None:
    db = ["--db", str(mini_path)]
    code, out, _ = run(capsys, *db, "list", "organizations", "--csv", "--fields", "name,slug", "--sort=-name")
    assert code == 0
    assert out == "\ufeffName,Slug\r\nThe Bloc,bloc\r\nMinistry of Tests,ministry\r\n"
    code, out, _ = run(
        capsys, *db, "list", "organizations", "--limit", "1", "--fields", "slug", "--sort=-name"
    )
    assert out.splitlines()[2:] == ["bloc", "1 organization"]
    code, _, err = run(capsys, *db, "list", "organizations", "--sort", "colour")
    assert code == 2 and "cannot be sorted by “colour”" in err
    code, _, err = run(capsys, *db, "list", "organizations", "--fields", "name,colour")
    assert code == 2 and "no field “colour”" in err
    code, _, err = run(capsys, *db, "list", "organizations", "--csv", "--json")
    assert code == 2
