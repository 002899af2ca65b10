"""Sources in from CSL-JSON, BibTeX, RIS and a Zotero folder, and out as a bibliography
(app/io/bibliography.py, app/services/bibliography.py)."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from app.db.database import Database
from app.io import bibliography as bib
from app.io.bibliography import BibliographyError, BibRecord
from app.services.bibliography import Bibliographies, ImportPlan, Outcome
from tests.builders import zotero

CSL_JSON = """[
  {
    "id": "vongdara2024digital",
    "type": "article-journal",
    "title": "Digital government in Lao PDR: progress & plans",
    "author": [{"family": "Vongdara", "given": "Boviengkham"}, {"literal": "Lao Statistics Bureau"}],
    "container-title": "Asian Survey",
    "issued": {"date-parts": [[2024, 3, 5]]},
    "DOI": "10.1525/AS.2024.64.2.1",
    "URL": "https://example.org/as/64-2-1",
    "language": "en",
    "keyword": "ai, policy/ethics"
  },
  {
    "id": "chen2025asean",
    "type": "article-newspaper",
    "title": "ASEAN and China sign AI pact",
    "author": [{"family": "Chen", "given": "Gang"}],
    "container-title": "Vientiane Times",
    "issued": {"date-parts": [["2025", "9"]]},
    "URL": "https://vientianetimes.example/ai-pact"
  },
  {
    "id": "http://zotero.org/users/local/AbCd/items/QWERTY12",
    "type": "report",
    "genre": "government release",
    "title": "National AI Strategy 2025–2030",
    "publisher": "Ministry of Technology and Communications",
    "issued": {"raw": "2025"},
    "language": "lo"
  }
]
"""

BIBTEX = r"""% exported by a citation manager
@string{vt = "Vientiane Times"}

@article{vongdara2024digital,
  author = {Vongdara, Boviengkham and {Lao Statistics Bureau}},
  title = {Digital government in {Lao PDR}: progress \& plans},
  journaltitle = {Asian Survey},
  date = {2024-03-05},
  doi = {https://doi.org/10.1525/AS.2024.64.2.1},
  url = {https://example.org/as/64-2-1},
  langid = {english},
  keywords = {ai, policy/ethics},
}

@article{chen2025asean,
  author = {Chen, Gang},
  title = {{ASEAN} and {China} sign {AI} pact},
  journal = vt,
  entrysubtype = {newspaper},
  year = 2025,
  month = sep,
  url = {https://vientianetimes.example/ai-pact},
}

@report{mtc2025,
  title = {National {AI} Strategy 2025--2030},
  institution = {Ministry of Technology and Communications},
  type = {government release},
  year = {2025},
  langid = {lo},
}
"""

RIS = """TY  - JOUR
ID  - vongdara2024digital
AU  - Vongdara, Boviengkham
AU  - Lao Statistics Bureau
TI  - Digital government in Lao PDR: progress & plans
T2  - Asian Survey
PY  - 2024
DA  - 2024/03/05/
DO  - 10.1525/AS.2024.64.2.1
UR  - https://example.org/as/64-2-1
LA  - en
KW  - ai
KW  - policy/ethics
ER  -

TY  - NEWS
ID  - chen2025asean
AU  - Chen, Gang
TI  - ASEAN and China sign AI pact
T2  - Vientiane Times
PY  - 2025
DA  - 2025/09//
UR  - https://vientianetimes.example/ai-pact
ER  -

TY  - RPRT
TI  - National AI Strategy 2025–2030
PB  - Ministry of Technology and Communications
M3  - government release
PY  - 2025
LA  - lo
ER  -
"""

# What every reader makes of the three works (keys aside: the CSL and RIS copies of the third have none).
EXPECTED = (
    BibRecord(
        title="Digital government in Lao PDR: progress & plans",
        publisher="Asian Survey",
        authors=("Vongdara, Boviengkham", "Lao Statistics Bureau"),
        published="2024-03-05",
        language="en",
        kind="journal article",
        url="https://example.org/as/64-2-1",
        key="vongdara2024digital",
        doi="10.1525/as.2024.64.2.1",
        tags=("ai", "policy/ethics"),
    ),
    BibRecord(
        title="ASEAN and China sign AI pact",
        publisher="Vientiane Times",
        authors=("Chen, Gang",),
        published="2025-09",
        kind="news article",
        url="https://vientianetimes.example/ai-pact",
        key="chen2025asean",
    ),
    BibRecord(
        title="National AI Strategy 2025–2030",
        publisher="Ministry of Technology and Communications",
        published="2025",
        language="lo",
        kind="government release",
    ),
)

FILES = {"refs.json": CSL_JSON, "refs.bib": BIBTEX, "refs.ris": RIS}


def _write(folder: Path, name: str, text: str | None = None) -> Path:
    path = folder / name
    path.write_text(FILES[name] if text is None else text, encoding="utf-8")
    return path


def _zotero_folder(folder: Path) -> Path:
    data = folder / "Zotero"
    data.mkdir()
    zotero.build(
        data / "zotero.sqlite",
        [
            zotero.Item(
                "journalArticle",
                {
                    "title": "Digital government in Lao PDR: progress & plans",
                    "publicationTitle": "Asian Survey",
                    "date": "2024-03-05 5 March 2024",
                    "DOI": "10.1525/AS.2024.64.2.1",
                    "url": "https://example.org/as/64-2-1",
                    "language": "English",
                    "citationKey": "vongdara2024digital",
                },
                [("Boviengkham", "Vongdara", "author", 0), ("", "Lao Statistics Bureau", "author", 1)],
                tags=["ai", "policy/ethics"],
                collections=["Chapter 2"],
            ),
            zotero.Item(
                "newspaperArticle",
                {
                    "title": "ASEAN and China sign AI pact",
                    "publicationTitle": "Vientiane Times",
                    "date": "2025-09-00 September 2025",
                    "url": "https://vientianetimes.example/ai-pact",
                    "extra": "original-date: 2025\nCitation Key: chen2025asean",
                },
                [("Gang", "Chen", "author", 0), ("Somebody", "Edits", "editor", 0)],
            ),
            zotero.Item(
                "report",
                {
                    "title": "National AI Strategy 2025–2030",
                    "institution": "Ministry of Technology and Communications",
                    "reportType": "government release",
                    "date": "2025-00-00 2025",
                    "language": "lo",
                },
            ),
            zotero.Item("note", {"title": "my reading note"}),
            zotero.Item("attachment", {"title": "Full Text PDF"}),
            zotero.Item("book", {"title": "Thrown away"}, deleted=True),
            zotero.Item("webpage", {"title": "A feed's news item"}, feed=True),
        ],
        {"Thesis": None, "Chapter 2": "Thesis"},
    )
    return data


def _plain(record: BibRecord, *, key: bool = True) -> dict[str, Any]:
    out = {
        name: getattr(record, name)
        for name in ("title", "publisher", "authors", "published", "language", "kind", "url", "key", "doi")
    }
    if not key:
        out.pop("key")
    return out


# --- readers -------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(FILES))
def test_each_format_gives_the_same_sources(name: str, tmp_path: Path) -> None:
    found = bib.read(_write(tmp_path, name))
    assert len(found.records) == 3
    for got, expected in zip(found.records, EXPECTED, strict=True):
        assert _plain(got, key=False) == _plain(expected, key=False)
    assert [r.key for r in found.records[:2]] == ["vongdara2024digital", "chen2025asean"]
    assert found.records[0].tags == ("ai", "policy/ethics")
    # A Zotero URI as a CSL id is no citation key; BibTeX's own key is.
    assert found.records[2].key == ("mtc2025" if name == "refs.bib" else None)


def test_a_zotero_folder_is_read_from_a_copy_and_never_written(tmp_path: Path) -> None:
    folder = _zotero_folder(tmp_path)
    original = folder / "zotero.sqlite"
    before = hashlib.sha256(original.read_bytes()).hexdigest()
    stamp = original.stat().st_mtime_ns
    found = bib.read(folder)
    assert hashlib.sha256(original.read_bytes()).hexdigest() == before
    assert original.stat().st_mtime_ns == stamp
    assert sorted(p.name for p in folder.iterdir()) == ["zotero.sqlite"]  # no -journal, -wal, -shm
    records = found.records
    # Notes, attachments, Zotero's trash and feeds are not sources.
    assert [r.title for r in records] == [e.title for e in EXPECTED]
    for got, expected in zip(records, EXPECTED, strict=True):
        assert _plain(got, key=False) == _plain(expected, key=False)
    assert records[0].key == "vongdara2024digital"  # Zotero 7's field
    assert records[1].key == "chen2025asean"  # Better BibTeX's line in Extra
    assert records[0].tags == ("ai", "policy/ethics", "Thesis/Chapter 2")  # a collection is a tag
    assert bib.read(folder / "zotero.sqlite").records == records


def test_a_zotero_database_being_written_is_read_with_its_log(tmp_path: Path) -> None:
    folder = _zotero_folder(tmp_path)
    writer = sqlite3.connect(folder / "zotero.sqlite")
    writer.execute("PRAGMA journal_mode = WAL")
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute(
        "UPDATE itemDataValues SET value = 'Renamed in Zotero' WHERE value = 'ASEAN and China sign AI pact'"
    )
    writer.commit()
    try:
        assert (folder / "zotero.sqlite-wal").stat().st_size > 0
        titles = [r.title for r in bib.read(folder).records]
    finally:
        writer.close()
    assert "Renamed in Zotero" in titles


@pytest.mark.parametrize(
    ("name", "text", "says"),
    [
        ("bad.json", "[{]", "is not a CSL-JSON file: line 1"),
        ("bad.json", '{"title": "x"}', "is not a CSL-JSON file: it holds no list of items"),
        ("bad.json", '[1, {"title": "x"}]', "item 1 is not an object"),
        ("bad.bib", "@article{a,\n  title = {unclosed\n@book{b, title={B}}\n", "cannot be read as BibTeX"),
        ("bad.bib", "@book{a, title={A}}\n@book{a, title={B}}\n", "the key a is used by two entries"),
        ("bad.bib", "just some words\n", "holds no bibliography entries"),
        ("bad.ris", "TY  - JOUR\nTI  - never ended\n", "holds no bibliography entries"),
        ("bad.txt", "x", "is not a bibliography Roundtable reads"),
    ],
)
def test_a_bad_file_is_one_sentence_naming_it(name: str, text: str, says: str, tmp_path: Path) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BibliographyError) as caught:
        bib.read(path)
    message = str(caught.value)
    assert says in message
    assert str(path) in message
    assert "\n" not in message and "Traceback" not in message


def test_text_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "latin1.bib"
    path.write_bytes("@book{a, title={Caf\xe9}}".encode("latin-1"))
    with pytest.raises(BibliographyError, match="is not UTF-8 text"):
        bib.read(path)


def test_a_folder_without_zotero_and_a_file_that_is_not_zotero(tmp_path: Path) -> None:
    with pytest.raises(BibliographyError, match=r"holds no zotero\.sqlite"):
        bib.read(tmp_path)
    fake = tmp_path / "zotero.sqlite"
    fake.write_bytes(b"not a database at all" * 100)
    with pytest.raises(BibliographyError, match="cannot be read as a Zotero database"):
        bib.read(fake)
    fake.unlink()
    sqlite3.connect(fake).execute("CREATE TABLE t (x)").connection.close()
    with pytest.raises(BibliographyError, match="no table"):
        bib.read(fake)


@pytest.mark.parametrize(
    ("given", "date"),
    [
        ({"date": "2024-02-30"}, "2024-02"),  # not a day of the calendar: the month stands
        ({"year": "2024", "month": "13"}, "2024"),
        ({"year": "2024", "month": "March", "day": "5"}, "2024-03-05"),
        ({"date": "2024-03-05/2024-03-07"}, "2024-03-05"),
        ({"year": "c. 1990"}, None),
    ],
)
def test_dates_keep_their_precision(given: dict[str, str], date: str | None, tmp_path: Path) -> None:
    fields = ",\n".join(f"  {k} = {{{v}}}" for k, v in given.items())
    found = bib.read(_write(tmp_path, "refs.bib", f"@misc{{k,\n  title = {{T}},\n{fields}\n}}\n"))
    assert found.records[0].published == date


def test_names_languages_and_dois_are_normalised() -> None:
    assert bib.clean_doi("doi: 10.1000/ABC") == "10.1000/abc"
    assert bib.clean_doi("not a doi") is None
    assert bib.clean_language("English") == "en"
    assert bib.clean_language("zh_Hans") == "zh-Hans"
    assert bib.clean_language("Klingon") is None
    assert bib.split_name("van der Berg, Jan") == ("van der Berg", "Jan")
    assert bib.split_name("World Bank") is None


def test_citation_keys_are_made_unique_and_readable() -> None:
    taken = {"vongdara2024digital"}
    record = EXPECTED[0]
    assert bib.make_key(record, taken) == "vongdara2024digitala"
    assert bib.make_key(record, taken) == "vongdara2024digitalb"
    assert bib.make_key(EXPECTED[2], set()) == "ministry2025national"  # no author: the publisher
    # Any script, spelled in Latin letters; the title's first word cut at 20.
    assert (
        bib.make_key(BibRecord(title="陈刚谈人工智能", authors=("陈, 刚",)), set())
        == "chenchengangtanrengongzh"
    )


def test_locators_read_as_pandoc_reads_them() -> None:
    assert bib.pandoc_citation("smith2024", "¶ 6") == "[@smith2024, para. 6]"
    assert bib.pandoc_citation("smith2024", "p. 2, ¶ 3") == "[@smith2024, p. 2, para. 3]"
    assert bib.pandoc_citation("smith2024", None) == "[@smith2024]"


# --- import -----------------------------------------------------------------------------------


def _state(db: Database) -> list[Any]:
    conn = db.connect()
    try:
        return [
            conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
            for table in ("entity", "source", "entity_tag", "tag", "source_import")
        ]
    finally:
        conn.close()


def _sources(db: Database) -> dict[str, dict[str, Any]]:
    conn = db.connect()
    conn.row_factory = sqlite3.Row
    try:
        rows = conn.execute(
            "SELECT e.id, e.name, s.* FROM entity e JOIN source s ON s.id = e.id WHERE e.deleted_at IS NULL"
        ).fetchall()
        out = {}
        for row in rows:
            tags = [
                t
                for (t,) in conn.execute(
                    "SELECT t.name FROM entity_tag et JOIN tag t ON t.id = et.tag_id WHERE et.entity_id = ? ORDER BY 1",
                    (row["id"],),
                )
            ]
            out[row["name"]] = {**dict(row), "tags": tags}
        return out
    finally:
        conn.close()


def test_importing_creates_sources_and_a_second_time_changes_nothing(
    empty_db: Database, tmp_path: Path
) -> None:
    service = Bibliographies(empty_db)
    path = _write(tmp_path, "refs.bib")
    preview = service.preview(path)
    assert [p.outcome for p in preview.items] == [Outcome.CREATED] * 3
    assert _sources(empty_db) == {}  # a preview writes nothing
    done = service.run(path)
    assert done.count(Outcome.CREATED) == 3
    assert done.backup is None  # (an empty library: nothing to back up)
    made = _sources(empty_db)
    article = made["Digital government in Lao PDR: progress & plans"]
    assert article["citation_key"] == "vongdara2024digital"
    assert article["doi"] == "10.1525/as.2024.64.2.1"
    assert article["authors"] == "Vongdara, Boviengkham\nLao Statistics Bureau"
    assert article["published"] == "2024-03-05"
    assert article["source_kind"] == "journal article"
    assert article["publisher"] == "Asian Survey"
    assert article["language"] == "en"
    assert article["reliability"] == "unverified"
    assert article["tags"] == ["ai", "policy/ethics"]
    before = _state(empty_db)
    again = service.run(path)
    assert [p.outcome for p in again.items] == [Outcome.SAME] * 3
    assert not again.writes and again.backup is None
    assert _state(empty_db) == before
    # The same works from another format, or from Zotero, are the same sources too.
    for other in (_write(tmp_path, "refs.json"), _write(tmp_path, "refs.ris"), _zotero_folder(tmp_path)):
        plan = service.preview(other)
        assert Outcome.CREATED not in {p.outcome for p in plan.items}, other


def test_a_field_you_changed_is_left_and_the_file_changes_the_others(
    empty_db: Database, tmp_path: Path
) -> None:
    service = Bibliographies(empty_db)
    service.run(_write(tmp_path, "refs.bib"))
    sid = _sources(empty_db)["ASEAN and China sign AI pact"]["id"]
    with empty_db.sessions.begin() as session:  # the researcher corrects the publisher
        conn = session.connection().connection.driver_connection
        conn.execute("UPDATE source SET publisher = 'The Vientiane Times' WHERE id = ?", (sid,))
    changed = (
        BIBTEX.replace("ASEAN} and {China} sign {AI} pact", "ASEAN} and {China} sign an {AI} pact")
        .replace("vt,", '"Vientiane Times Online",')
        .replace("keywords = {ai, policy/ethics}", "keywords = {ai, governance}")
    )
    plan = service.run(_write(tmp_path, "refs.bib", changed))
    news = next(p for p in plan.items if p.record.key == "chen2025asean")
    assert news.outcome is Outcome.UPDATED
    assert news.changed == ("name",)
    assert news.kept == ("publisher",)
    assert any("left because you changed them: publisher" in line for line in plan.lines())
    now = _sources(empty_db)
    assert now["ASEAN and China sign an AI pact"]["publisher"] == "The Vientiane Times"
    assert now["Digital government in Lao PDR: progress & plans"]["tags"] == ["ai", "governance"]
    # Asked again, it says the same and writes nothing.
    before = _state(empty_db)
    again = service.run(_write(tmp_path, "refs.bib", changed))
    news = next(p for p in again.items if p.record.key == "chen2025asean")
    assert news.outcome is Outcome.KEPT and news.kept == ("publisher",)
    assert _state(empty_db) == before


def test_your_own_tags_stay_and_the_files_come_and_go(empty_db: Database, tmp_path: Path) -> None:
    service = Bibliographies(empty_db)
    service.run(_write(tmp_path, "refs.json"))
    sid = _sources(empty_db)["Digital government in Lao PDR: progress & plans"]["id"]
    from app.services.tags import write_entry_tags

    with empty_db.sessions.begin() as session:
        conn = session.connection().connection.driver_connection
        write_entry_tags(conn, sid, ["ai", "policy/ethics", "to read"])
    service.run(_write(tmp_path, "refs.json", CSL_JSON.replace('"ai, policy/ethics"', '"ai, laos"')))
    assert _sources(empty_db)["Digital government in Lao PDR: progress & plans"]["tags"] == [
        "ai",
        "laos",
        "to read",
    ]


def test_a_source_made_by_hand_is_matched_and_only_its_gaps_filled(
    empty_db: Database, tmp_path: Path
) -> None:
    from app.services.editing import Editor
    from app.services.entry_forms import EntryInput

    editor = Editor(empty_db)
    by_url = editor.create(
        EntryInput(
            "source",
            "ASEAN, China sign pact on AI",
            values={
                "publisher": "Vientiane Times",
                "url": "https://vientianetimes.example/ai-pact/",
                "reliability": "high",
            },
        )
    )
    by_title = editor.create(
        EntryInput(
            "source",
            "National  AI strategy 2025–2030",
            values={"publisher": "MTC", "published": "2025", "reliability": "medium"},
        )
    )
    plan = Bibliographies(empty_db).run(_write(tmp_path, "refs.ris"))
    assert [p.outcome for p in plan.items] == [Outcome.CREATED, Outcome.UPDATED, Outcome.UPDATED]
    news, report = plan.items[1], plan.items[2]
    assert news.source_id == by_url.entity_id and report.source_id == by_title.entity_id
    assert news.kept == ("name",)  # the researcher's own title stays
    assert "authors" in news.changed and "citation_key" in news.changed
    assert report.kept == ("name", "publisher")  # the title matched as folded, and stays as written
    rows = _sources(empty_db)
    assert rows["ASEAN, China sign pact on AI"]["citation_key"] == "chen2025asean"
    assert rows["ASEAN, China sign pact on AI"]["reliability"] == "high"
    assert rows["National  AI strategy 2025–2030"]["source_kind"] == "government release"


def test_duplicates_in_one_file_and_sources_in_the_trash_are_skipped(
    empty_db: Database, tmp_path: Path
) -> None:
    twice = (
        BIBTEX
        + "\n@misc{again, title = {Other title}, doi = {10.1525/as.2024.64.2.1}}\n@misc{untitled, year = 2020}\n"
    )
    service = Bibliographies(empty_db)
    plan = service.run(_write(tmp_path, "refs.bib", twice))
    assert [p.outcome for p in plan.items] == [Outcome.CREATED] * 3 + [Outcome.SKIPPED] * 2
    assert "the same source as vongdara2024digital (line 4) in this file" in plan.items[3].reason
    assert "no title" in plan.items[4].reason
    sid = _sources(empty_db)["ASEAN and China sign AI pact"]["id"]
    from app.services.editing import Editor

    Editor(empty_db).trash(sid)
    again = service.preview(_write(tmp_path, "refs.bib"))
    assert again.items[1].outcome is Outcome.SKIPPED and "Trash" in again.items[1].reason


def test_an_import_is_backed_up_first_and_all_or_nothing(
    mini_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = Bibliographies(mini_db)
    path = _write(tmp_path, "refs.bib")
    before = _state(mini_db)
    import app.services.bibliography as module

    def broken(conn: sqlite3.Connection, plan: ImportPlan, *args: Any) -> None:
        real(conn, plan, *args)
        raise OSError(28, "No space left on device")

    real = module._write
    monkeypatch.setattr(module, "_write", broken)
    with pytest.raises(OSError):
        service.run(path)
    assert _state(mini_db) == before
    monkeypatch.undo()
    done = service.run(path)
    assert done.backup is not None and done.backup.exists()
    assert done.count(Outcome.CREATED) == 3


def test_a_bad_file_changes_nothing(mini_db: Database, tmp_path: Path) -> None:
    before = _state(mini_db)
    with pytest.raises(BibliographyError):
        Bibliographies(mini_db).run(_write(tmp_path, "refs.bib", BIBTEX + "\n@misc{broken, title = {x}\n"))
    assert _state(mini_db) == before


# --- export -----------------------------------------------------------------------------------


SUFFIX = {bib.CSL_JSON: "json", bib.BIBTEX: "bib", bib.RIS: "ris"}


@pytest.mark.parametrize("fmt", bib.FORMATS)
def test_import_export_import_changes_nothing(fmt: str, empty_db: Database, tmp_path: Path) -> None:
    service = Bibliographies(empty_db)
    service.run(_write(tmp_path, "refs.json"))
    target = tmp_path / f"out.{SUFFIX[fmt]}"
    exported = service.export(target, fmt)
    assert exported.sources == 3 and exported.keys_made == 1  # the report had no key
    before = _state(empty_db)
    again = service.run(target)
    assert [p.outcome for p in again.items] == [Outcome.SAME] * 3
    assert _state(empty_db) == before
    # The keys are stored: the next export writes the same file.
    first = target.read_bytes()
    assert service.export(target, fmt).keys_made == 0
    assert target.read_bytes() == first


def test_a_new_library_gets_the_same_sources_from_the_export(
    empty_db: Database, tmp_path: Path, empty_template: Path
) -> None:
    from app.db.database import open_database
    from tests.conftest import copy_db

    service = Bibliographies(empty_db)
    service.run(_zotero_folder(tmp_path))
    for fmt, suffix in (("csl-json", "json"), ("bibtex", "bib"), ("ris", "ris")):
        target = tmp_path / f"out.{suffix}"
        service.export(target, fmt)
        other = open_database(copy_db(empty_template, tmp_path / f"other-{suffix}.sqlite3"))
        try:
            Bibliographies(other).run(target)
            mine, theirs = _sources(empty_db), _sources(other)
            fields = (
                "publisher",
                "authors",
                "published",
                "language",
                "source_kind",
                "url",
                "citation_key",
                "doi",
                "tags",
            )
            assert {n: {f: r[f] for f in fields} for n, r in theirs.items()} == {
                n: {f: r[f] for f in fields} for n, r in mine.items()
            }, fmt
        finally:
            other.close()


def _library_with_sources(db: Database, tmp_path: Path) -> Bibliographies:
    service = Bibliographies(db)
    service.run(_write(tmp_path, "refs.json"))
    return service


def test_bibtexparser_reads_the_exported_bibtex(empty_db: Database, tmp_path: Path) -> None:
    import bibtexparser
    from bibtexparser.middlewares import LatexDecodingMiddleware, SeparateCoAuthors

    target = tmp_path / "out.bib"
    _library_with_sources(empty_db, tmp_path).export(target, bib.BIBTEX)
    library = bibtexparser.parse_string(
        target.read_text(encoding="utf-8"), append_middleware=[SeparateCoAuthors(), LatexDecodingMiddleware()]
    )
    assert not library.failed_blocks
    entries = {e.key: e for e in library.entries}
    assert set(entries) == {"vongdara2024digital", "chen2025asean", "ministry2025national"}
    article = entries["vongdara2024digital"]
    assert article.entry_type == "article"
    assert article["title"] == "Digital government in Lao PDR: progress & plans"
    # (its middleware leaves names alone: an organisation keeps the braces that keep it whole)
    assert article["author"] == ["Vongdara, Boviengkham", "{Lao Statistics Bureau}"]
    assert article["journaltitle"] == "Asian Survey"
    assert article["date"] == "2024-03-05"
    assert article["doi"] == "10.1525/as.2024.64.2.1"
    assert entries["chen2025asean"]["entrysubtype"] == "newspaper"
    assert entries["ministry2025national"].entry_type == "misc"  # a government release is a document
    assert entries["ministry2025national"]["type"] == "government release"


def test_rispy_reads_the_exported_ris(empty_db: Database, tmp_path: Path) -> None:
    import rispy

    target = tmp_path / "out.ris"
    _library_with_sources(empty_db, tmp_path).export(target, bib.RIS)
    entries = {e["id"]: e for e in rispy.loads(target.read_text(encoding="utf-8"))}
    assert set(entries) == {"vongdara2024digital", "chen2025asean", "ministry2025national"}
    article = entries["vongdara2024digital"]
    assert article["type_of_reference"] == "JOUR"
    assert article["authors"] == ["Vongdara, Boviengkham", "Lao Statistics Bureau"]
    assert article["secondary_title"] == "Asian Survey"
    assert article["date"] == "2024/03/05/"
    assert article["keywords"] == ["ai", "policy/ethics"]
    assert entries["chen2025asean"]["type_of_reference"] == "NEWS"
    assert entries["ministry2025national"]["type_of_work"] == "government release"


# The CSL-JSON input schema (citation-style-language/schema, csl-data.json): its item types and
# variables, as a check of the names an export writes.
CSL_TYPES = (
    "article",
    "article-journal",
    "article-magazine",
    "article-newspaper",
    "bill",
    "book",
    "broadcast",
    "chapter",
    "classic",
    "collection",
    "dataset",
    "document",
    "entry",
    "entry-dictionary",
    "entry-encyclopedia",
    "figure",
    "graphic",
    "hearing",
    "interview",
    "legal_case",
    "legislation",
    "manuscript",
    "map",
    "motion_picture",
    "musical_score",
    "pamphlet",
    "paper-conference",
    "patent",
    "performance",
    "periodical",
    "personal_communication",
    "post",
    "post-weblog",
    "regulation",
    "report",
    "review",
    "review-book",
    "software",
    "song",
    "speech",
    "standard",
    "thesis",
    "treaty",
    "webpage",
)
CSL_STRINGS = (
    "language",
    "journalAbbreviation",
    "shortTitle",
    "abstract",
    "annote",
    "archive",
    "archive_collection",
    "archive_location",
    "archive-place",
    "authority",
    "call-number",
    "citation-label",
    "collection-title",
    "container-title",
    "container-title-short",
    "dimensions",
    "division",
    "DOI",
    "event",
    "event-place",
    "genre",
    "ISBN",
    "ISSN",
    "jurisdiction",
    "keyword",
    "medium",
    "note",
    "original-publisher",
    "original-publisher-place",
    "original-title",
    "part-title",
    "PMCID",
    "PMID",
    "publisher",
    "publisher-place",
    "references",
    "reviewed-title",
    "scale",
    "section",
    "source",
    "status",
    "title",
    "title-short",
    "translated-title",
    "URL",
    "version",
    "year-suffix",
)
_NAME = {
    "type": "object",
    "properties": {
        k: {"type": "string"}
        for k in ("family", "given", "dropping-particle", "non-dropping-particle", "suffix", "literal")
    },
    "additionalProperties": False,
}
_DATE = {
    "type": "object",
    "properties": {
        "date-parts": {
            "type": "array",
            "minItems": 1,
            "maxItems": 2,
            "items": {"type": "array", "minItems": 1, "maxItems": 3, "items": {"type": ["string", "number"]}},
        },
        "raw": {"type": "string"},
        "literal": {"type": "string"},
    },
    "additionalProperties": False,
}
CSL_SCHEMA = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["type", "id"],
        "additionalProperties": False,
        "properties": {
            "type": {"enum": list(CSL_TYPES)},
            "id": {"type": ["string", "number"]},
            "author": {"type": "array", "items": _NAME},
            "editor": {"type": "array", "items": _NAME},
            "issued": _DATE,
            "accessed": _DATE,
            **{name: {"type": "string"} for name in CSL_STRINGS},
        },
    },
}


def test_the_exported_csl_json_uses_only_csl_names_and_carries_locators(
    empty_db: Database, tmp_path: Path
) -> None:
    import jsonschema

    service = _library_with_sources(empty_db, tmp_path)
    sid = _sources(empty_db)["ASEAN and China sign AI pact"]["id"]
    with empty_db.sessions.begin() as session:  # two citations of the news article, with locators
        conn = session.connection().connection.driver_connection
        person = conn.execute("SELECT id FROM entity WHERE kind != 'source' LIMIT 1").fetchone()
        owner = person[0] if person else sid
        for locator in ("¶ 6", "p. 2, ¶ 3", "¶ 6"):
            conn.execute(
                "INSERT INTO citation (source_id, entity_id, quote, locator, reliability) VALUES (?, ?, 'q', ?, 'high')",
                (sid, owner, locator),
            )
    target = tmp_path / "out.json"
    service.export(target, bib.CSL_JSON)
    data = json.loads(target.read_text(encoding="utf-8"))
    jsonschema.validate(data, CSL_SCHEMA)
    items = {item["id"]: item for item in data}
    assert items["chen2025asean"]["note"] == "[@chen2025asean, para. 6]\n[@chen2025asean, p. 2, para. 3]"
    assert items["chen2025asean"]["type"] == "article-newspaper"
    assert items["ministry2025national"]["genre"] == "government release"
    assert items["vongdara2024digital"]["author"] == [
        {"family": "Vongdara", "given": "Boviengkham"},
        {"literal": "Lao Statistics Bureau"},
    ]


def test_a_read_only_library_without_keys_says_why_it_cannot_export(
    empty_db: Database, tmp_path: Path
) -> None:
    from app.services.bibliography import KeysNeeded

    _library_with_sources(empty_db, tmp_path)
    reader = Database(empty_db.path, read_only_reason="another program holds it")
    try:
        with pytest.raises(KeysNeeded, match="1 sources have no citation key yet"):
            Bibliographies(reader).export(tmp_path / "out.bib", bib.BIBTEX)
    finally:
        reader.close()
    assert not (tmp_path / "out.bib").exists()


def test_many_new_sources_are_indexed_for_search_and_lists_as_one_by_one(
    empty_db: Database, tmp_path: Path
) -> None:
    """Past a few hundred new sources the indexes are filled once at the end (the triggers are
    dropped for the writes and put back): search, the lists and their counts see every one."""
    from app.db import list_index, search_index
    from app.services.bibliography import _BULK

    entries = "\n".join(
        f"@article{{many{n}, title = {{Zanzibarite cable number {n}}}, journaltitle = {{Gazette {n % 7}}}, "
        f"date = {{2024}}, keywords = {{cables, Batch/{n % 3}}}}}"
        for n in range(_BULK + 5)
    )
    done = Bibliographies(empty_db).run(_write(tmp_path, "refs.bib", entries))
    assert done.count(Outcome.CREATED) == _BULK + 5
    conn = empty_db.connect()
    try:
        assert search_index.problems(conn) == []
        assert list_index.problems(conn) == []
        triggers = {n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
        assert set(search_index.trigger_names()) | set(list_index.trigger_names()) <= triggers
        assert conn.execute("SELECT n FROM list_count WHERE kind = 'source'").fetchone()[0] == _BULK + 5
        tagged = conn.execute(
            "SELECT count(*) FROM entity_tag et JOIN tag t ON t.id = et.tag_id WHERE t.name = 'cables'"
        ).fetchone()[0]
        assert tagged == _BULK + 5
    finally:
        conn.close()
    from app.services.search import Search

    found = Search(empty_db.read()).run("zanzibarite 204", per_kind=5)
    assert "Zanzibarite cable number 204" in json.dumps(
        found, default=lambda o: getattr(o, "__dict__", str(o))
    )


def _zotero_with_files(folder: Path) -> Path:
    data = folder / "Zotero"
    data.mkdir()
    zotero.build(
        data / "zotero.sqlite",
        [
            zotero.Item(
                "report",
                {"title": "National AI Strategy 2025–2030", "institution": "MTC", "date": "2025-00-00 2025"},
                files=[
                    ("strategy.pdf", "application/pdf", b"%PDF-1.4 strategy", 0),
                    ("Snapshot.html", "text/html", b"<html><body>Strategy page</body></html>", 1),
                    ("figure.png", "image/png", b"\x89PNG", 0),  # not a kind a source's text comes from
                    ("linked.pdf", "application/pdf", b"%PDF-1.4 linked", 2),  # the researcher's, elsewhere
                ],
            ),
            zotero.Item("webpage", {"title": "No files here", "url": "https://example.org/x"}),
        ],
        {},
    )
    return data


def test_zoteros_stored_files_are_kept_with_their_sources_once(empty_db: Database, tmp_path: Path) -> None:
    from app.io.attachments import AttachmentStore, sha256_of
    from app.paths import attachments_dir

    folder = _zotero_with_files(tmp_path)
    found = bib.read(folder)
    assert [Path(p).name for p, _ in found.records[0].files] == ["strategy.pdf", "Snapshot.html"]
    service = Bibliographies(empty_db)
    preview = service.preview(folder)
    assert "files kept with National AI Strategy 2025–2030: strategy.pdf, Snapshot.html" in list(
        preview.lines()
    )
    assert not attachments_dir(empty_db.path).exists()  # a preview writes nothing, files neither
    service.run(folder)
    conn = empty_db.connect()
    try:
        rows = conn.execute(
            "SELECT filename, media_type, size, sha256 FROM attachment ORDER BY filename"
        ).fetchall()
    finally:
        conn.close()
    assert [(name, media, size) for name, media, size, _ in rows] == [
        ("Snapshot.html", "text/html", 39),
        ("strategy.pdf", "application/pdf", 17),
    ]
    store = AttachmentStore(attachments_dir(empty_db.path))
    assert store.path(sha256_of(b"%PDF-1.4 strategy"), "application/pdf").read_bytes() == b"%PDF-1.4 strategy"
    before = _state(empty_db)
    again = service.run(folder)
    assert not again.writes and _state(empty_db) == before


def test_a_failed_import_takes_back_the_files_it_kept(
    empty_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import app.services.bibliography as module
    from app.paths import attachments_dir

    real = module._Files.keep

    def keep_then_fail(self: Any, *args: Any) -> None:
        real(self, *args)
        assert any(attachments_dir(empty_db.path).iterdir())  # the files were there
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(module._Files, "keep", keep_then_fail)
    with pytest.raises(OSError):
        Bibliographies(empty_db).run(_zotero_with_files(tmp_path))
    assert _sources(empty_db) == {}
    assert list(attachments_dir(empty_db.path).iterdir()) == []
